"""The data page's parts, reader first: what the dashboard draws on and how fresh it is (in words),
one download of everything, each table with a line on what it holds; then, for checking, each
source's release, coverage, checksum and raw file; and the refresh panel (operators only), which
reports each source's outcome as it goes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.data import raw_file
from data_sources.acquire.fill import how_to_get
from data_sources.core.periods import month_name
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset, default_store
from data_sources.tables.dictionary import describe_column, describe_table, reader_order
from data_sources.tables.export import export_zip, exported

REFRESH_ENV = "BORDER_ALLOW_REFRESH"  # off by default: visitors never start downloads; operators opt in
READ_ONLY_ENV = "BORDER_READ_ONLY"  # the same switch the other way round: read-only unless set to 0
REFRESH_SECONDS = 1800  # the whole refresh, all sources, in its own process
ZIP_NAME = "border-numbers-tables.zip"


def in_words(year_month: str) -> str:
    """'2025-08' → 'August 2025'."""
    return month_name(pd.Timestamp(f"{year_month}-01"))


def whats_here(data: Dataset) -> None:
    """Each dataset by publisher and title, with its span and release in words; how to get a missing one."""
    st.markdown(
        "Every number here is computed from these public datasets (each one's licence is under "
        "*Versions, checksums and raw files* below):"
    )
    lines = []
    for key, source in SOURCES.items():
        snapshot = data.snapshots.get(key)
        if snapshot is None:
            st.info(f"**{source.title}** ({source.publisher}): not loaded yet. To get it, {how_to_get(source)}.")
            continue
        start, end = in_words(snapshot.coverage_start), in_words(snapshot.coverage_end)
        span = f"Data for {end} only" if start == end else f"Data from {start} through {end}"
        lines.append(
            f"- **{source.title}**, {ui.escape_markdown(source.publisher)}: {source.description} "
            f"{span}, released {in_words(snapshot.vintage)}."
        )
    st.markdown("\n".join(lines))
    st.markdown(
        "Dates of closures, policies, meetings and caravans, and figures officials gave at the time, are our own "
        "lists, each entry with its source (see *Methods & glossary*)."
    )


def download_everything(data: Dataset) -> None:
    """One zip: every table as CSV, what each column means (columns.csv) and where each number comes from."""
    st.header("Download everything")
    st.download_button(
        "All tables (zip of CSV files)",
        lambda: export_zip(data),  # built only when pressed
        file_name=ZIP_NAME,
        mime="application/zip",
        key="download-everything",
        icon=":material/folder_zip:",
        type="primary",
    )
    st.caption(
        "Every table below as a CSV file, with columns.csv (what each column means and its unit) and "
        "provenance.json (each dataset's publisher, release, file and checksum)."
    )


def table_downloads(data: Dataset, csvs: dict[str, bytes]) -> None:
    """A button per table, each under a line saying what the table holds, with what its columns mean
    beside it (on screen and as a CSV of its own), as every chart's download has."""
    st.header("One table at a time")
    for name in reader_order(list(data.tables)):
        table = data.tables[name]
        st.markdown(describe_table(name))
        st.download_button(
            f"{plain_name(name)} (CSV, {len(table):,} rows)",
            csvs[name],
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"download-{name}",
            icon=":material/download:",
        )
        ui.column_notes([str(column) for column in table.columns], f"{name}.csv", f"table-{name}", name)


WORDS = {"cbp": "CBP", "ohss": "OHSS", "sw": "Southwest", "usbp": "Border Patrol", "aor": "area-of-responsibility"}


def plain_name(table: str) -> str:
    """'cbp_sw_aor_encounters' → 'CBP Southwest area-of-responsibility encounters': a button label in
    words; the file keeps the table's name."""
    words = [WORDS.get(word, word) for word in table.split("_")]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def column_notes(data: Dataset) -> None:
    """What each column means and its unit, table by table (the zip's columns.csv holds the same)."""
    with st.expander("What each column means"):
        st.markdown(
            "Counts are whole numbers. Rank, record and year-over-year columns compare months **per day** "
            "(a month's count divided by its days), so months of different length compare fairly."
        )
        tables = exported(data)
        for name in reader_order(list(tables)):
            rows = "\n".join(_column_row(name, str(column)) for column in tables[name].columns)
            st.markdown(f"**{name}**\n\n| Column | Unit | Meaning |\n|---|---|---|\n{rows}")


def _column_row(table: str, column: str) -> str:
    unit, meaning = describe_column(table, column)
    return f"| `{column}` | {ui.escape_markdown(unit)} | {ui.escape_markdown(meaning)} |"


def source_details(data: Dataset, key: str) -> None:
    """For checking: a source's link, licence, release, coverage, retrieval, checksum, caveats and raw file."""
    source, snapshot = SOURCES[key], data.snapshots.get(key)
    if snapshot is None:
        return
    with st.expander(f"{source.title}, {source.publisher}"):
        st.markdown(f"{ui.link(source.landing_page, source)}. {source.license}.")
        st.markdown(
            f"Vintage **{snapshot.vintage}**, data **{snapshot.coverage_start} to {snapshot.coverage_end}**, "
            f"retrieved {ui.escape_markdown(snapshot.retrieved_at[:10])}, sha256 `{snapshot.sha256}`"
        )
        st.markdown("\n".join(f"- {line}" for line in (f"Coverage: {source.coverage_note}.", *source.caveats)))
        st.markdown(f"Filed from: {ui.link(snapshot.url, source)}")
        if snapshot.note:
            st.text(ui.plain_text(snapshot.note))  # text from outside: never Markdown
        name = ui.plain_text(snapshot.file_name)
        st.download_button(
            f"Raw file as published: {name}",
            raw_file(str(default_store().file_path(snapshot)), snapshot.sha256),
            file_name=name,
            key=f"raw-{key}",
            icon=":material/download:",
        )


def details(data: Dataset) -> None:
    """Releases, checksums and raw files, folded away: for people who check."""
    st.header("Versions, checksums and raw files")
    st.caption(f"Release codes: {data.vintage_line()}.")
    for key in SOURCES:
        source_details(data, key)


def refresh_allowed() -> bool:
    """Refreshes from the page only where the operator turned them on (`BORDER_ALLOW_REFRESH=1`, or
    `BORDER_READ_ONLY=0`); read-only is the default, and a read-only setting always wins."""
    read_only = os.environ.get(READ_ONLY_ENV)
    if read_only == "1":
        return False
    return read_only == "0" or os.environ.get(REFRESH_ENV) == "1"


def refresh_panel() -> None:
    """Runs `python -m data_sources refresh` in its own process: a hostile file can cost that process
    time and memory, never the server's readers. Shown only where the operator allows refreshes."""
    if not refresh_allowed():
        st.info(
            "New releases are fetched by the operator's scheduled job (`python -m data_sources refresh`), "
            "not from this page.",
            icon=":material/schedule:",
        )
        return
    st.header("Check for new releases")
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
