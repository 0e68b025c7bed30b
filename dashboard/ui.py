"""Small building blocks every page composes: chart + download, source lines, citations, friendly errors.

The lightest ones live in `page_kit.py` and the text builders in `prebuilt.py` (the landing page uses
them without this module's imports); they are re-exported here for the other pages."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts.reader_view import plain, sanitised, themed
from dashboard.data import column_notes as column_meanings
from dashboard.page_kit import CHART_CONFIG, dark_theme, friendly, notes, show_events
from dashboard.prebuilt import citation, missing_notices, source_line
from data_sources.acquire.source import Source
from data_sources.core.safe_text import escape_markdown, plain_text
from data_sources.core.vocabulary import MARKER_KINDS
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset

__all__ = ["CHART_CONFIG", "citation", "dark_theme", "friendly", "source_line"]
from data_sources.tables.export import to_csv_bytes


def chart_with_download(
    fig: go.Figure,
    rows: pd.DataFrame | bytes,
    file_name: str,
    key: str,
    table: str = "",
    ready: bool = False,
) -> None:
    """Draw a figure in the reader's theme and, right under it, the exact rows it shows as CSV, with
    what each column means beside it (`table`: the table or chart kind whose column meanings apply).

    `ready`: already escaped and themed for this reader (a cached figure, see `data.explorer_chart`),
    drawn as it is; any other figure is escaped and themed on a copy (figures are cached)."""
    shown = fig if ready else themed(sanitised(fig), dark_theme(), copy=False)
    st.plotly_chart(
        shown,
        theme=None,
        width="stretch",
        key=f"chart-{key}",
        config=CHART_CONFIG,
        alt=f"Chart: {plain(str(fig.layout.title.text or file_name))}",
    )
    data = rows if isinstance(rows, bytes) else to_csv_bytes(rows)
    st.download_button(
        "Download this data (CSV)",
        data,
        file_name=file_name,
        mime="text/csv",
        key=f"download-{key}",
        icon=":material/download:",
    )
    column_notes(csv_header(data), file_name, key, table)


def csv_header(data: bytes) -> list[str]:
    """The column names of a CSV file (its first line)."""
    return next(csv.reader(io.StringIO(data.split(b"\n", 1)[0].decode("utf-8"))), [])


def column_notes(columns: Sequence[str], file_name: str, key: str, table: str = "") -> None:
    """Beside a CSV download, folded away: each column's unit and meaning, and the same as a CSV file.
    The data file itself holds only the rows drawn, so the dictionary is a file of its own."""
    markdown, dictionary = column_meanings(columns, table)
    notes(markdown, dictionary, file_name, key)


def link(url: str, source: Source) -> str:
    """A Markdown link only to a host the source declares (or its mirror); anything else is shown as
    escaped text, so a crafted URL can neither load an image nor pose as a link."""
    parts = urlsplit(url)
    safe = parts.scheme == "https" and parts.hostname in source.allowed_hosts and not re.search(r"[\s()<>\[\]]", url)
    if safe:
        return f"[{escape_markdown(url)}]({url})"
    return escape_markdown(plain_text(url))


def event_markers(events: pd.DataFrame) -> pd.DataFrame | None:
    """The sidebar toggle for event markers; returns the events to draw, or None when switched off."""
    if not show_events():
        return None
    return events[events["kind"].isin(MARKER_KINDS)]


def missing_sources(dataset: Dataset, keys: list[str]) -> list[str]:
    """The sources among `keys` that have no usable snapshot in this dataset."""
    return [key for key in keys if key in SOURCES and key not in dataset.snapshots]


def explain_missing(dataset: Dataset, keys: list[str]) -> bool:
    """One notice per dataset this page needs but the store lacks, with the command that gets it.

    Returns True when every needed dataset is there.
    """
    notices = missing_notices(dataset, keys)
    for notice in notices:
        st.warning(notice, icon=":material/cloud_off:")
    return not notices
