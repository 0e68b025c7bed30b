"""The explorer's widgets, kept in step with the URL query string so a copied link opens the same view.

On a session's first visit the view comes from the URL (bad values are dropped with a notice);
after that the widgets lead and the URL follows. The chosen view is remembered under a plain
session-state key, because Streamlit drops the state of widgets that a run does not draw: after a
visit to another page the widgets' keys are gone, and each is given back its remembered value
before it is drawn again.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from dashboard.data import range_presets
from data_sources.core.vocabulary import COMPONENTS
from data_sources.tables.explore import (
    BOTH,
    DEFAULT_VIEW,
    MAX_TOP,
    UNITS,
    VIEWS,
    Granularity,
    Query,
    Unit,
    label,
    month_label,
)
from data_sources.tables.explore_link import clamp_range, parse_query, to_params

REMEMBERED, NOTICES = "explorer_query", "explorer_notices"  # not widget keys: they outlive a page switch
PREFIX = "explorer_"


def chosen_view() -> str:
    """The view to draw: the widget's choice, else the remembered one, else the URL's, else the default."""
    state = st.session_state
    remembered = cast(Query | None, state.get(REMEMBERED))
    wanted = state.get(f"{PREFIX}view") or (remembered.view if remembered else st.query_params.get("view"))
    return wanted if wanted in VIEWS else DEFAULT_VIEW


def _restore(coverage: tuple[str, str]) -> Query:
    """Give each widget its remembered value (from the URL on a first visit) before it is drawn."""
    state = st.session_state
    if REMEMBERED not in state:
        state[REMEMBERED], state[NOTICES] = parse_query(st.query_params.to_dict(), coverage)
    query = cast(Query, state[REMEMBERED])
    values = {
        "view": query.view,
        "by": query.by,
        "component": query.component,
        "unit": query.unit,
        "granularity": query.granularity,
        "top": query.top,
        "events": query.events,
    }
    for name, value in values.items():
        state.setdefault(f"{PREFIX}{name}", value)
    view = VIEWS[state[f"{PREFIX}view"]]
    if state[f"{PREFIX}by"] not in view.breakdowns:  # the view changed to one without this breakdown
        state[f"{PREFIX}by"] = view.breakdowns[0]
    if state[f"{PREFIX}granularity"] not in view.granularities:  # fiscal years of a calendar-year view
        state[f"{PREFIX}granularity"] = view.granularities[0]
    return query


def _presets(months: list[str], fiscal: bool) -> None:
    """Quick ranges under the slider; a pick moves the slider, then the pills clear (they are buttons)."""
    ranges = range_presets(months, fiscal)

    def pick() -> None:
        chosen = st.session_state[f"{PREFIX}preset"]
        if chosen is not None:
            st.session_state[f"{PREFIX}range"] = ranges[chosen]
            st.session_state[f"{PREFIX}preset"] = None

    if ranges:
        st.pills("Jump to", list(ranges), key=f"{PREFIX}preset", on_change=pick, label_visibility="collapsed")


def controls(months: list[str]) -> tuple[Query, list[str]]:
    """Draw the widgets over a table's months; return the chosen query and any notices about the URL."""
    coverage = (months[0], months[-1])
    remembered = _restore(coverage)
    view = st.selectbox("Data", list(VIEWS), format_func=lambda k: VIEWS[k].label, key=f"{PREFIX}view")
    left, middle, right = st.columns(3)
    by = left.selectbox("Break down by", VIEWS[view].breakdowns, format_func=label, key=f"{PREFIX}by")
    component = middle.selectbox(
        "Component",
        (BOTH, *COMPONENTS),
        format_func=label,
        key=f"{PREFIX}component",
        disabled=not VIEWS[view].has_component,
    )
    unit = right.radio("Unit", UNITS, format_func=label, horizontal=True, key=f"{PREFIX}unit")
    left, middle, right = st.columns(3)
    granularities = VIEWS[view].granularities
    granularity = left.radio("Period", granularities, format_func=label, key=f"{PREFIX}granularity")
    top = middle.number_input("Series shown (rest grouped)", 1, MAX_TOP, key=f"{PREFIX}top")
    events = right.toggle("Policy events", key=f"{PREFIX}events", help="Marked on monthly charts only.")
    # The range's default (a pair, which makes it a range slider) is used when its state is gone or
    # no longer fits this table's months. A preset writes the state in its callback; Streamlit then
    # logs once per process that the value was set twice, but without `value` the slider loses its
    # second handle (Streamlit 1.67), so the pair stays.
    fitted = clamp_range((remembered.start, remembered.end), coverage)
    start, end = st.select_slider("Months", months, value=fitted, format_func=month_label, key=f"{PREFIX}range")
    _presets(months, "fiscal_year" in granularities)
    query = Query(
        start,
        end,
        view,
        by,
        component,
        unit=cast(Unit, unit),
        granularity=cast(Granularity, granularity),
        top=int(top),
        events=events,
    )
    st.session_state[REMEMBERED] = query
    st.query_params.from_dict(to_params(query))
    return query, st.session_state[NOTICES]
