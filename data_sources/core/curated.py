"""Schemas of the curated reference lists in `data_sources/reference/`, as the tables read them.

These files are edited by hand, so they are checked as strictly as a download: every row cited by
URL, kinds and components from `vocabulary`, one row per key, and no event ending before it starts.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from data_sources.core.schema import by_name, date, integer, table, text
from data_sources.core.vocabulary import COMPONENTS, EVENT_KINDS

SHORT_LABEL_CHARS = 24  # an event's label on a chart: it must fit beside its neighbours on a phone


def _url(nullable: bool = False) -> pa.Column:
    address = pa.Check.str_matches(r"^https?://", error="must be a web address")
    return pa.Column(str, address, nullable=nullable, description="Citation: the page's address")


def _ends_after_start(frame: pd.DataFrame) -> pd.Series:
    return frame["end_date"].isna() | (frame["end_date"] >= frame["start_date"])


EVENTS = table(
    "events",
    {
        "event_id": text(),
        "start_date": date(),
        "end_date": date(nullable=True, description="Day it ended (a closure's reopening day, counted as closed)"),
        "kind": text(EVENT_KINDS),
        "short_label": pa.Column(
            str,
            pa.Check.str_length(1, SHORT_LABEL_CHARS, error=f"must be 1 to {SHORT_LABEL_CHARS} characters"),
            description="A few words naming the event on a chart, in our words",
        ),
        "place": text(),
        "port_code": text(nullable=True, description="CBP port code, taken from the place text"),
        "description": text(),
        "source_url": _url(),
        "source_title": text(),
        "end_source_url": _url(nullable=True),
        "end_source_title": text(nullable=True),
    },
    key=("event_id",),
    rows_required=True,
    checks=[pa.Check(_ends_after_start, name="ends_after_start", error="must not end before it starts")],
    description="Dated events with a citation each (source URL and title).",
)

PUBLISHED_FIGURES = table(
    "published_figures",
    {
        "figure_id": text(),
        "figure_value": text(description="As quoted: '9000-10000' is a quoted range"),
        "value_qualifier": text(),
        "measure": text(),
        "geography": text(),
        "period_start": date(),
        "period_end": date(),
        "publisher": text(),
        "status": text(description="How official the figure is, from official_release down"),
        "publication_date": date(nullable=True),
        "source_url": _url(),
        "source_title": text(),
    },
    key=("figure_id",),
    rows_required=True,
    description="Figures as officials published or quoted them, with how official each is.",
)

PORT_SECTORS = table(
    "port_sectors",
    {
        "port_code": text(),
        "port_name": text(),
        "state": text(),
        "sector": text(description="Border Patrol sector, as `vocabulary.sector_name` writes it"),
        "ofo_field_office": text(),
        "note": text(),
    },
    key=("port_code",),
    rows_required=True,
    description="The Border Patrol sector and OFO field office around each port we discuss.",
)

CITIZENSHIP_GROUPS = table(
    "citizenship_groups",
    {"citizenship": text(), "group": text()},
    key=("citizenship",),
    rows_required=True,
    description="How countries of citizenship are grouped in the citizenship charts.",
)

CLOSURE_MEASURES = table(
    "closure_measures",
    {"event_id": text(), "measure": text(), "note": text()},
    key=("event_id", "measure"),
    rows_required=True,
    description="Which BTS crossing measures each closure event affected, one row per measure.",
)

SPLICE_RULES = table(
    "splice_rules",
    {
        "component": text(COMPONENTS),
        "priority": integer("1 wins over 2 where both sources have the month", within=(1, 99)),
        "source": text(),
        "table": text(),
        "filter_column": text(),
        "filter_value": text(),
        "note": text(),
    },
    key=("component", "priority"),
    rows_required=True,
    description="Which source supplies each month of the long Southwest series, by priority.",
)

CURATED = by_name(EVENTS, PUBLISHED_FIGURES, PORT_SECTORS, CITIZENSHIP_GROUPS, CLOSURE_MEASURES, SPLICE_RULES)
