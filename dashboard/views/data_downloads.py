"""Data & downloads, reader first: what the dashboard draws on and how fresh it is, one download of
everything, each table with what it holds; then versions and checksums for checking, and a refresh
action where the operator allows it."""

from __future__ import annotations

import streamlit as st

from dashboard import data_panels as panels
from dashboard import ui
from dashboard.data import dataset, table_csvs


def render() -> None:
    data = dataset()
    st.title("Data & downloads")
    for warning in data.warnings:
        st.warning(warning)
    panels.whats_here(data)
    panels.download_everything(data)
    panels.table_downloads(data, table_csvs(data))
    panels.column_notes(data)
    panels.details(data)
    panels.refresh_panel()


ui.friendly(render)
