"""The data page's parts: one section per source (provenance, caveats, the raw file as published)
and the refresh panel, which reports each source's outcome as it goes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import streamlit as st

from dashboard import ui
from dashboard.data import raw_file
from data_sources.acquire.fill import how_to_get
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset, default_store

REFRESH_ENV = "BORDER_ALLOW_REFRESH"  # off by default: visitors never start downloads; operators opt in
REFRESH_SECONDS = 1800  # the whole refresh, all sources, in its own process


def source_section(data: Dataset, key: str) -> None:
    source, snapshot = SOURCES[key], data.snapshots.get(key)
    st.subheader(source.title)
    st.markdown(f"{ui.escape_markdown(source.publisher)}. {ui.link(source.landing_page, source)}. {source.license}.")
    if snapshot is None:
        st.info(f"No data yet. To get it, {how_to_get(source)}.", icon=":material/cloud_off:")
        return
    st.markdown(
        f"Vintage **{snapshot.vintage}**, data **{snapshot.coverage_start} to {snapshot.coverage_end}**, "
        f"retrieved {ui.escape_markdown(snapshot.retrieved_at[:10])}, sha256 `{snapshot.sha256}`"
    )
    with st.expander("Caveats and provenance"):
        st.markdown(f"- Coverage: {source.coverage_note}.")
        for caveat in source.caveats:
            st.markdown(f"- {caveat}")
        st.markdown(f"- Filed from: {ui.link(snapshot.url, source)}")
        if snapshot.note:
            st.text(ui.plain_text(snapshot.note))  # text from outside: never Markdown
    path = default_store().file_path(snapshot)
    name = ui.plain_text(snapshot.file_name)
    st.download_button(
        f"Raw file as published: {name}",
        raw_file(str(path), snapshot.sha256),
        file_name=name,
        key=f"raw-{key}",
        icon=":material/download:",
    )


def refresh_panel() -> None:
    """Runs `python -m data_sources refresh` in its own process: a hostile file can cost that process
    time and memory, never the server's readers. Shown only where the operator allows refreshes."""
    st.subheader("Check for new releases")
    if os.environ.get(REFRESH_ENV) != "1":
        st.info(
            "New releases are fetched by the operator's scheduled job (`python -m data_sources refresh`), "
            "not from this page."
        )
        return
    st.caption("Downloads only what changed. A failed or malformed download never replaces the current data.")
    if not st.button("Refresh now", icon=":material/refresh:"):
        return
    with st.status("Checking every source…") as status:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "data_sources", "refresh"],
                capture_output=True,
                text=True,
                timeout=REFRESH_SECONDS,
                cwd=Path(__file__).resolve().parents[1],
            )
            lines, failed = done.stdout.splitlines(), done.returncode != 0
        except subprocess.TimeoutExpired:
            lines, failed = [f"the refresh took over {REFRESH_SECONDS} s and was stopped"], True
        for line in lines[: len(SOURCES) + 5]:
            st.text(ui.plain_text(line)[:500])
        status.update(label="Some sources failed" if failed else "Done", state="error" if failed else "complete")
