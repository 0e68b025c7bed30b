"""Row selections the evaluators share: a month of the Southwest series, a chart's window, events
and the citations they carry. Selections only: every table here was built once, in the table build.
"""

from __future__ import annotations

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


def _figure_citation(figure: dict[str, Any]) -> Citation:
    status = str(figure["status"]).replace("_", " ")
    qualifier = str(figure["value_qualifier"]).replace("_", " ")
    return Citation(
        f"{figure['measure']}: {qualifier} {figure['figure_value']} ({figure['publisher']}; {status})",
        _title(figure["source_title"]),
        figure["source_url"],
    )


def _title(title: str) -> str:
    """A citation's title for readers: without the researchers' "[title reconstructed from URL]" marker."""
    return str(title).replace(RECONSTRUCTED, "").strip()
