"""Data & downloads: every dataset with its provenance and freshness, and CSV downloads."""

import streamlit as st

from dashboard.data import dataset
from data_sources.export import to_csv_bytes
from data_sources.registry import SOURCES

data = dataset()
st.title("Data & downloads")
st.caption(f"Freshness: {data.vintage_line()}.")
for warning in data.warnings:
    st.warning(warning)

for key, source in SOURCES.items():
    snapshot = data.snapshots.get(key)
    st.subheader(source.title)
    st.markdown(f"{source.publisher}. [{source.landing_page}]({source.landing_page}). {source.license}.")
    if snapshot is None:
        st.info(f"No snapshot of this source yet. Run `python -m data_sources refresh {key}`.")
        continue
    st.markdown(
        f"Vintage **{snapshot.vintage}**, data **{snapshot.coverage_start} to {snapshot.coverage_end}**, "
        f"retrieved {snapshot.retrieved_at[:10]}, sha256 `{snapshot.sha256[:16]}…`"
    )
    for caveat in source.caveats:
        st.markdown(f"- {caveat}")

st.subheader("Canonical tables (CSV)")
for name, table in data.tables.items():
    st.download_button(
        f"{name}.csv ({len(table):,} rows)",
        to_csv_bytes(table),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download-{name}",
    )
