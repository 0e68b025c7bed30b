"""Dated, cited events (closures, policies, meetings, caravans, administrations) and figures as
officials published or quoted them, from the curated files in `data_sources/reference/`.

Events are data, not code: every chart's markers and the closures claim read them from here. The
port code in an event's free-text place ("CBP port code 2602") is pulled into its own column so
events join to port data and, through `port_sectors.csv`, to Border Patrol sectors. Every row is cited by
source title (publisher and date) and URL; descriptions and notes are the project's own words, and
there are no quote columns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_sources.core.schema import Column, TableSchema
from data_sources.reference import REFERENCE_DIR

EVENT_KINDS = ("port_closure", "rail_closure", "policy", "meeting", "caravan", "administration")
EVENTS_PATH = REFERENCE_DIR / "events.csv"
PUBLISHED_FIGURES_PATH = REFERENCE_DIR / "published_figures.csv"
PORT_SECTORS_PATH = REFERENCE_DIR / "port_sectors.csv"
TEXT = Column("text")
OPTIONAL_TEXT = Column("text", nullable=True)

EVENTS = TableSchema(
    name="events",
    description="Dated events with a citation each (source URL and title).",
    columns={
        "event_id": TEXT,
        "start_date": Column("date"),
        "end_date": Column("date", nullable=True),
        "kind": TEXT,
        "place": TEXT,
        "port_code": OPTIONAL_TEXT,
        "description": TEXT,
        "source_url": TEXT,
        "source_title": TEXT,
        "end_source_url": OPTIONAL_TEXT,
        "end_source_title": OPTIONAL_TEXT,
    },
    key=("event_id",),
    contiguous_months=False,
)

PUBLISHED_FIGURES = TableSchema(
    name="published_figures",
    description="Figures as officials published or quoted them, with how official each is.",
    columns={
        "figure_id": TEXT,
        "figure_value": TEXT,
        "value_qualifier": TEXT,
        "measure": TEXT,
        "geography": TEXT,
        "period_start": Column("date"),
        "period_end": Column("date"),
        "publisher": TEXT,
        "status": TEXT,
        "publication_date": Column("date", nullable=True),
        "source_url": TEXT,
        "source_title": TEXT,
    },
    key=("figure_id",),
    contiguous_months=False,
)


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.replace("", None), format="%Y-%m-%d").astype("datetime64[ns]")


def read_events(path: Path = EVENTS_PATH) -> pd.DataFrame:
    """`events.csv` → the canonical events table (dates parsed, port code extracted, kind checked)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = set(raw["kind"]) - set(EVENT_KINDS)
    if unknown:
        raise ValueError(f"events.csv: unknown kinds {sorted(unknown)}; expected one of {EVENT_KINDS}")
    table = raw.assign(
        start_date=_dates(raw["start_date"]),
        end_date=_dates(raw["end_date"]),
        port_code=raw["place"].str.extract(r"port code (\d{4})", expand=False),
        end_source_url=raw["end_source_url"].replace("", None),
        end_source_title=raw["end_source_title"].replace("", None),
    )
    return EVENTS.validate(table[list(EVENTS.columns)])


def read_published_figures(path: Path = PUBLISHED_FIGURES_PATH) -> pd.DataFrame:
    """`published_figures.csv`, dates parsed; values stay text ('9000-10000' is a quoted range)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = raw.assign(**{c: _dates(raw[c]) for c in ("period_start", "period_end", "publication_date")})
    return PUBLISHED_FIGURES.validate(table[list(PUBLISHED_FIGURES.columns)])


def read_port_sectors(path: Path = PORT_SECTORS_PATH) -> pd.DataFrame:
    """Which Border Patrol sector surrounds each port we discuss."""
    return pd.read_csv(path, dtype=str)
