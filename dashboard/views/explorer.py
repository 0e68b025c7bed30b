"""Encounters explorer: any table, breakdown, unit, period and date range; the URL keeps the view."""

from __future__ import annotations

import streamlit as st

from dashboard import explorer_controls, ui
from dashboard.charts import encounters
from dashboard.data import dataset
from data_sources.tables.explore import VIEWS, explore, file_name, for_download, notes, policy_events
from data_sources.tables.explore_link import months_of


def render() -> None:
    data = dataset()
    st.title("Encounters explorer")
    st.caption("Encounters are events, not unique people. OFO encounters at ports include CBP One appointments.")
    wanted = VIEWS[explorer_controls.chosen_view()]
    table = data.tables.get(wanted.table)
    if table is None:
        ui.explain_missing(data, list(wanted.sources))
        return
    query, notices = explorer_controls.controls(months_of(table))
    for notice in notices:
        st.info(ui.escape_markdown(notice), icon=":material/link_off:")
    view = VIEWS[query.view]
    rows = explore(data.tables[view.table], view, query)
    if rows.empty:
        st.info("No data reported for this selection. Widen the months or choose another view.")
        return
    figure = encounters.explorer(rows, query, policy_events(data.tables["events"], query))
    ui.chart_with_download(figure, for_download(rows, query), file_name(query), "explorer")
    for note in notes(rows, query):
        st.caption(note)
    st.caption(ui.source_line(data, list(view.sources)))


ui.friendly(render)
