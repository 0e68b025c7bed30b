"""Encounters explorer: any table, breakdown, unit, period and date range; the URL keeps the view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, ui
from dashboard.data import dataset
from dashboard.explorer_controls import controls, label, months_of
from data_sources.tables.explore import VIEWS, explore

EVENT_KINDS = ("policy", "administration")


def title(query_by: str, unit: str, granularity: str, rows: pd.DataFrame) -> str:
    first, last = rows["period"].min(), rows["period"].max()
    span = f"{first:%b %Y}–{last:%b %Y}" if granularity == "month" else f"{first}–{last}"
    what = "Encounters per day" if unit == "per_day" else "Encounters"
    return f"{what} by {label(query_by).lower()}, by {label(granularity)[0].lower()}{label(granularity)[1:]}, {span}"


def render() -> None:
    data = dataset()
    st.title("Encounters explorer")
    st.caption("Encounters are events, not unique people. OFO encounters at ports include CBP One appointments.")
    view_key = st.session_state.get("explorer_view") or st.query_params.get("view", "southwest")
    wanted = VIEWS.get(view_key, VIEWS["southwest"])
    table = data.tables.get(wanted.table)
    if table is None:
        ui.explain_missing(data, list(wanted.sources))
        st.session_state.pop("explorer_view", None)
        return
    query, notices = controls(months_of(table))
    for notice in notices:
        st.info(notice, icon=":material/link_off:")
    view = VIEWS[query.view]
    rows = explore(data.tables[view.table], view, query)
    if rows.empty:
        st.info("No data reported for this selection. Widen the months or choose another view.")
        return
    fig = charts.lines(
        rows,
        "period",
        "value",
        query.by,
        title(query.by, query.unit, query.granularity, rows),
        label(query.unit),
        ",.0f",
    )
    if query.events and query.granularity == "month":
        events = data.tables["events"]
        shown = events[
            events["kind"].isin(EVENT_KINDS) & events["start_date"].between(*rows["period"].agg(["min", "max"]))
        ]
        charts.add_events(fig, shown)
    ui.chart_with_download(
        fig, rows, f"encounters_{query.view}_by_{query.by}_{query.start}_{query.end}.csv", "explorer"
    )
    partial = [] if query.granularity == "month" else sorted(set(rows.loc[rows["months"] < 12, "period"]))
    if partial:
        st.caption(f"Years with fewer than 12 months of data: {', '.join(map(str, partial))}. Compare them per day.")
    if "OHSS" in view.label:
        st.caption("OHSS rounds every count to the nearest 10; sheets are separate cross-tabs and are never added.")
    st.caption(ui.source_line(data, list(view.sources)))


ui.friendly(render)
