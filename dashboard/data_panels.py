"""The data page's parts: one section per source (provenance, caveats, the raw file as published)
and the refresh panel, which reports each source's outcome as it goes."""

from __future__ import annotations

import os

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.data import raw_file
from data_sources.acquire.fetch import Fetcher
from data_sources.acquire.fill import how_to_get
from data_sources.acquire.refresh import refresh_source
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset, default_store

READ_ONLY_ENV = "BORDER_READ_ONLY"  # set on serving replicas; a scheduled job refreshes instead


def source_section(data: Dataset, key: str) -> None:
    source, snapshot = SOURCES[key], data.snapshots.get(key)
    st.subheader(source.title)
    st.markdown(f"{source.publisher}. [{source.landing_page}]({source.landing_page}). {source.license}.")
    if snapshot is None:
        st.info(f"No data yet. To get it, {how_to_get(source)}.", icon=":material/cloud_off:")
        return
    st.markdown(
        f"Vintage **{snapshot.vintage}**, data **{snapshot.coverage_start} to {snapshot.coverage_end}**, "
        f"retrieved {snapshot.retrieved_at[:10]}, sha256 `{snapshot.sha256}`"
    )
    with st.expander("Caveats and provenance"):
        st.markdown(f"- Coverage: {source.coverage_note}.")
        for caveat in source.caveats:
            st.markdown(f"- {caveat}")
        st.markdown(f"- Filed from: {snapshot.url}")
        if snapshot.note:
            st.text(snapshot.note)
    path = default_store().file_path(snapshot)
    st.download_button(
        f"Raw file as published: {snapshot.file_name}",
        raw_file(str(path), snapshot.sha256),
        file_name=snapshot.file_name,
        key=f"raw-{key}",
        icon=":material/download:",
    )


def refresh_panel() -> None:
    st.subheader("Check for new releases")
    if os.environ.get(READ_ONLY_ENV):
        st.info("This server is read-only; a scheduled job refreshes the data for every replica.")
        return
    st.caption("Downloads only what changed. A failed or malformed download never replaces the current data.")
    if not st.button("Refresh now", icon=":material/refresh:"):
        return
    fetcher = Fetcher()
    try:
        for source in SOURCES.values():
            with st.status(f"{source.title}…") as status:
                bar = st.progress(0.0)

                def progress(done: int, total: int | None, bar: DeltaGenerator = bar) -> None:
                    bar.progress(min(done / total, 1.0) if total else 0.5)

                outcome = refresh_source(default_store(), source, fetcher, progress)
                failed = outcome.status == "failed"
                status.update(label=f"{source.title}: {outcome.status}", state="error" if failed else "complete")
                st.write(outcome.message)
    finally:
        fetcher.close()
