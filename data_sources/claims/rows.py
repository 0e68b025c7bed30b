"""Row selections the evaluators share: a month of the Southwest series, a chart's window, events
and the citations they carry. Selections only: every table here was built once, in the table build.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from data_sources.claims import wording as w
from data_sources.claims.context import Citation, Tables, records
from data_sources.claims.params import window_months

MONTHLY = "southwest_monthly_metrics"
SERIES_COLUMNS = ["month", "component", "encounters", "days_in_month", "per_day", "source", "vintage"]

RECONSTRUCTED = "[title reconstructed from URL]"  # a researchers' marker in the reference lists


def month_row(tables: Tables, month: pd.Timestamp, component: str) -> pd.Series:
    """One component's row of the Southwest series (its evaluator's `Needs` made sure it is there)."""
    rows = tables[MONTHLY]
    return rows[(rows["month"] == month) & (rows["component"] == component)].iloc[0]


def window_rows(tables: Tables, window: Sequence[str], components: Sequence[str]) -> pd.DataFrame:
    """The series of some components over a chart's window, in the columns a chart download shows."""
    start, end = window_months(window)
    rows = tables[MONTHLY]
    keep = rows["component"].isin(components) & rows["month"].between(start, end)
    return rows.loc[keep, SERIES_COLUMNS]


def first_month(tables: Tables, component: str) -> pd.Timestamp:
    rows = tables[MONTHLY]
    return rows.loc[rows["component"] == component, "month"].min()


def events_by_id(tables: Tables, ids: Sequence[str]) -> pd.DataFrame:
    events = tables["events"]
    return events[events["event_id"].isin(ids)].sort_values("start_date")


def event_sentence(event: dict[str, Any]) -> str:
    start, end = event["start_date"], event["end_date"]
    when = f"From {w.day_name(start)}" + (f" to {w.day_name(end)}" if pd.notna(end) else "")
    return f"{when}: {event['description']}"


def event_citations(events: pd.DataFrame) -> list[Citation]:
    return [Citation(e["description"], _title(e["source_title"]), e["source_url"]) for e in records(events)]


def figure_citations(tables: Tables, ids: Sequence[str]) -> list[Citation]:
    """Officials' figures as cited context, each with how official it is."""
    if "published_figures" not in tables:
        return []
    figures = {f["figure_id"]: f for f in records(tables["published_figures"])}
    return [_figure_citation(figures[i]) for i in ids if i in figures]


# A published figure's qualifier and status, as words in a sentence ("more than 12,000"; "it is unofficial…").
QUALIFIED = {"approx": "about {}", "more_than": "more than {}", "more_than_on_some_days": "more than {} on some days"}
STATUS = {
    "official_release": "it is an official release",
    "secondary_report_of_official_data": "it reports official data second-hand",
    "secondary_report_later_vintage_unverified": "it reports a later revision we could not check",
    "unofficial_leak_not_published_by_CBP": "it is unofficial: CBP never published it",
    "official_quoted": "it is an official's own statement",
    "official_quoted_anonymous": "it comes from officials who were not named",
}
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _figure_citation(figure: dict[str, Any]) -> Citation:
    return Citation(figure_sentence(figure), _title(figure["source_title"]), figure["source_url"])


def figure_sentence(figure: dict[str, Any]) -> str:
    """'Southwest land border total encounters (…), December 2023: 302,034. Given on 26 January 2024 by
    U.S. Customs and Border Protection (…); it is an official release.' Numbers get thousands
    separators; the measure keeps its own period when it names one."""
    measure = str(figure["measure"])
    period = "" if YEAR.search(measure) else f", {_period(figure['period_start'], figure['period_end'])}"
    value = QUALIFIED.get(str(figure["value_qualifier"]), "{}").format(_figure_value(str(figure["figure_value"])))
    published = figure["publication_date"]
    when = f" on {w.day_name(published)}" if pd.notna(published) else ", undated,"
    status = STATUS.get(str(figure["status"]), "its status: " + str(figure["status"]).replace("_", " "))
    return f"{measure}{period}: {value}. Given{when} by {figure['publisher']}; {status}."


def _figure_value(value: str) -> str:
    """'302034' → '302,034'; a quoted range '9000-10000' → '9,000 to 10,000'; anything else as written."""
    parts = value.split("-")
    if all(part.strip().isdigit() for part in parts):
        return " to ".join(f"{int(part):,}" for part in parts)
    return value


def _period(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'December 2023' for a whole month, '5 December 2023' for a day, else '15 to 21 December 2023'."""
    if start.day == 1 and end == start + pd.offsets.MonthEnd(0):
        return w.month_name(start)
    if start == end:
        return w.day_name(start)
    first = str(start.day) if (start.year, start.month) == (end.year, end.month) else w.day_name(start)
    return f"{first} to {w.day_name(end)}"


def _title(title: str) -> str:
    """A citation's title for readers: without the researchers' "[title reconstructed from URL]" marker."""
    return str(title).replace(RECONSTRUCTED, "").strip()
