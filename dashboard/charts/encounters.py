"""The explorer's chart, and the words it shares with the explorer's widgets."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import lines, with_events
from data_sources.tables.explore import BOTH, Query

LABELS = {
    "component": "Component",
    "citizenship": "Citizenship",
    "demographic": "Demographic",
    "title_of_authority": "Title of authority",
    "encounter_type": "Encounter type",
    "sector": "Sector",
    "family_status": "Family status",
    "region": "Border region",
    "area_of_responsibility": "Area of responsibility",
    "per_day": "Average per day",
    "total": "Total",
    "month": "Month",
    "fiscal_year": "Fiscal year (Oct–Sep)",
    "calendar_year": "Calendar year",
    BOTH: "Both (Border Patrol + OFO)",
}


def label(value: str) -> str:
    """The words shown for a breakdown, unit, period or component choice."""
    return LABELS.get(value, value)


def chart_title(query: Query, rows: pd.DataFrame) -> str:
    """'Encounters per day by sector, by month, Oct 2013–Sep 2023' for the rows `explore` returned."""
    first, last = rows["period"].min(), rows["period"].max()
    span = f"{first:%b %Y}–{last:%b %Y}" if query.granularity == "month" else f"{first}–{last}"
    what = "Encounters per day" if query.unit == "per_day" else "Encounters"
    period = label(query.granularity)
    return f"{what} by {label(query.by).lower()}, by {period[0].lower()}{period[1:]}, {span}"


def explorer(rows: pd.DataFrame, query: Query, events: pd.DataFrame | None) -> go.Figure:
    """One line per series of `explore`'s rows, with `events` (None: none) marked inside their span."""
    fig = lines(rows, "period", "value", query.by, chart_title(query, rows), label(query.unit))
    return with_events(fig, events, rows["period"])
