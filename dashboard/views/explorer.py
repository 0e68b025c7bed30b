"""Encounters explorer: any table, breakdown, unit, period and date range; the URL keeps the view."""

from __future__ import annotations

import streamlit as st

from dashboard import explorer_controls, ui
from dashboard.data import dataset, explorer_chart, explorer_months
from data_sources.tables.explore import VIEWS


def render() -> None:
    data = dataset()
    st.title("Encounters explorer")
    chosen = explorer_controls.chosen_view()
    wanted = VIEWS[chosen]
    st.caption(wanted.about)
    # a hemisphere table holds both places: each place's view needs its own source
    missing = wanted.year_tables and ui.missing_sources(data, list(wanted.sources))
    if wanted.table not in data.tables or missing:
        ui.explain_missing(data, list(wanted.sources))
        return
    query, notices = explorer_controls.controls(explorer_months(data, chosen))
    for notice in notices:
        st.info(ui.escape_markdown(notice), icon=":material/link_off:")
    chart = explorer_chart(data, query, ui.dark_theme())
    if chart is None:
        st.info("No data reported for this selection. Widen the months or choose another view.")
        return
    ui.chart_with_download(chart.figure, chart.csv, chart.file_name, "explorer", "explorer", ready=True)
    for note in chart.notes:
        st.caption(note)
    st.caption(ui.source_line(data, list(VIEWS[query.view].sources)))


ui.friendly(render)
