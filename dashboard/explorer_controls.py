"""The explorer's widgets, kept in step with the URL query string so a copied link opens the same view.

On a session's first run the widgets take their values from the URL (bad values are dropped with a
notice); after that the widgets lead and the URL follows.
"""

from __future__ import annotations

from typing import cast

import pandas as pd
import streamlit as st

from data_sources.tables.explore import COMPONENTS, VIEWS, Granularity, Query, Unit, parse_query, to_params

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
    "all": "Both (Border Patrol + OFO)",
}
PREFIX = "explorer_"


def label(value: str) -> str:
    return LABELS.get(value, value)


def _seed_from_url(coverage: tuple[str, str]) -> None:
    if st.session_state.get(f"{PREFIX}seeded"):
        return
    query, notices = parse_query(dict(st.query_params), coverage)
    for name, value in to_params(query).items():
        st.session_state[f"{PREFIX}{name}"] = value
    st.session_state[f"{PREFIX}notices"] = notices
    st.session_state[f"{PREFIX}seeded"] = True


def controls(months: list[str]) -> tuple[Query, list[str]]:
    """Draw the widgets; return the chosen query and any notices about ignored URL values."""
    coverage = (months[0], months[-1])
    _seed_from_url(coverage)
    state = st.session_state
    view_key = st.selectbox("Data", list(VIEWS), format_func=lambda k: VIEWS[k].label, key=f"{PREFIX}view")
    view = VIEWS[view_key]
    if state[f"{PREFIX}by"] not in view.breakdowns:
        state[f"{PREFIX}by"] = view.breakdowns[0]
    left, middle, right = st.columns(3)
    by = left.selectbox("Break down by", view.breakdowns, format_func=label, key=f"{PREFIX}by")
    component = middle.selectbox(
        "Component", ("all", *COMPONENTS), format_func=label, key=f"{PREFIX}component", disabled=not view.has_component
    )
    unit = right.radio("Unit", ("per_day", "total"), format_func=label, horizontal=True, key=f"{PREFIX}unit")
    left, middle, right = st.columns(3)
    granularity = left.radio(
        "Period", ("month", "fiscal_year", "calendar_year"), format_func=label, key=f"{PREFIX}granularity"
    )
    top = middle.number_input("Series shown (rest grouped)", 1, 20, int(state[f"{PREFIX}top"]), key=f"{PREFIX}top_n")
    events = right.toggle("Policy events", value=state[f"{PREFIX}events"] == "1", key=f"{PREFIX}events_on")
    start, end = _clamp(state[f"{PREFIX}start"], state[f"{PREFIX}end"], months)
    start, end = st.select_slider("Months", months, value=(start, end), key=f"{PREFIX}range")
    query = Query(
        view_key, by, component, cast(Unit, unit), cast(Granularity, granularity), start, end, int(top), events
    )
    state[f"{PREFIX}events"], state[f"{PREFIX}start"], state[f"{PREFIX}end"] = "1" if events else "0", start, end
    st.query_params.from_dict(to_params(query))
    return query, state[f"{PREFIX}notices"]


def _clamp(start: str, end: str, months: list[str]) -> tuple[str, str]:
    """Keep a remembered range inside the months this view's table covers."""
    first, last = months[0], months[-1]
    start, end = min(max(start, first), last), min(max(end, first), last)
    return (start, end) if start <= end else (first, last)


def months_of(table: pd.DataFrame) -> list[str]:
    """Every month from the table's first to its last, as YYYY-MM."""
    span = pd.date_range(table["month"].min(), table["month"].max(), freq="MS")
    return [m.strftime("%Y-%m") for m in span]
