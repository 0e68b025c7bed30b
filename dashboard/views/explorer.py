"""Encounters explorer: any table, breakdown, unit, period and date range; the URL keeps the view."""

from __future__ import annotations

import streamlit as st

from dashboard import explorer_controls, ui
from dashboard.charts import encounters
from dashboard.data import dataset
from data_sources.tables.explore import VIEWS, file_name, for_download, policy_events
from data_sources.tables.explore_hemisphere import notes, rows_for, view_months


def render() -> None:
    data = dataset()
    st.title("Encounters explorer")
    wanted = VIEWS[explorer_controls.chosen_view()]
    st.caption(wanted.about)
    # a hemisphere table holds both places: each place's view needs its own source
    missing = wanted.year_tables and ui.missing_sources(data, list(wanted.sources))
    if wanted.table not in data.tables or missing:
        ui.explain_missing(data, list(wanted.sources))
        return
    query, notices = explorer_controls.controls(view_months(data.tables, wanted))
    for notice in notices:
        st.info(ui.escape_markdown(notice), icon=":material/link_off:")
    view = VIEWS[query.view]
    rows = rows_for(data.tables, view, query)
    if rows.empty:
        st.info("No data reported for this selection. Widen the months or choose another view.")
        return
    figure = encounters.explorer(rows, query, policy_events(data.tables["events"], query))
    ui.chart_with_download(figure, for_download(rows, query), file_name(query), "explorer", "explorer", fresh=True)
    for note in notes(data.tables, rows, query, view):
        st.caption(note)
    st.caption(ui.source_line(data, list(view.sources)))


ui.friendly(render)
