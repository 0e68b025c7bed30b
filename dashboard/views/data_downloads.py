"""Data & downloads: every dataset with provenance and freshness, downloads, and a refresh action."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import dataset, table_csvs
from dashboard.data_panels import refresh_panel, source_section
from data_sources.sources.registry import SOURCES


def render() -> None:
    data = dataset()
    st.title("Data & downloads")
    st.markdown(f"**Freshness:** {data.vintage_line()}.")
    for warning in data.warnings:
        st.warning(warning)
    for key in SOURCES:
        source_section(data, key)
    st.subheader("Tables (CSV)")
    st.caption("Canonical tables as built from the snapshots above, plus the combined series and reconciliation.")
    csvs = table_csvs(data)
    for name, table in data.tables.items():
        st.download_button(
            f"{name}.csv ({len(table):,} rows)",
            csvs[name],
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"download-{name}",
        )
    refresh_panel()


ui.friendly(render)
