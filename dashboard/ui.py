"""Small building blocks every page composes: chart + download, source lines, citations, friendly errors."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts.style import plain, sanitised, themed
from data_sources.acquire.fill import how_to_get
from data_sources.acquire.source import Source
from data_sources.claims.rows import RECONSTRUCTED
from data_sources.core.safe_text import escape_markdown, plain_text
from data_sources.core.vocabulary import MARKER_KINDS
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset
from data_sources.tables.export import to_csv_bytes

log = logging.getLogger("dashboard")
EVENTS_SOURCE = "Events: dated and cited from news reports and CBP statements (see each card's sources)"
# No Plotly toolbar: on a phone it covers the title, and zoom (drag, double-click to reset) works without it.
CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def dark_theme() -> bool:
    """Whether the reader's page is dark (Streamlit reports the theme the browser shows). A theme
    switched while a page is open reaches the charts at the next rerun (Streamlit issue 11920)."""
    return st.context.theme.type == "dark"


def chart_with_download(fig: go.Figure, rows: pd.DataFrame | bytes, file_name: str, key: str) -> None:
    """Draw a figure in the reader's theme and, right under it, the exact rows it shows as CSV."""
    shown = themed(sanitised(fig), dark_theme())
    st.plotly_chart(
        shown,
        theme=None,
        width="stretch",
        key=f"chart-{key}",
        config=CHART_CONFIG,
        alt=f"Chart: {plain(str(fig.layout.title.text or file_name))}",
    )
    st.download_button(
        "Download this data (CSV)",
        rows if isinstance(rows, bytes) else to_csv_bytes(rows),
        file_name=file_name,
        mime="text/csv",
        key=f"download-{key}",
        icon=":material/download:",
    )


def link(url: str, source: Source) -> str:
    """A Markdown link only to a host the source declares (or its mirror); anything else is shown as
    escaped text, so a crafted URL can neither load an image nor pose as a link."""
    parts = urlsplit(url)
    safe = parts.scheme == "https" and parts.hostname in source.allowed_hosts and not re.search(r"[\s()<>\[\]]", url)
    if safe:
        return f"[{escape_markdown(url)}]({url})"
    return escape_markdown(plain_text(url))


def citation(title: str, url: str) -> str:
    """A cited page as a Markdown link, its title as a reader should see it (without our research
    markers); just the title when the address is not a plain web address."""
    text = escape_markdown(" ".join(str(title).replace(RECONSTRUCTED, "").split()))
    plain_url = re.fullmatch(r"https?://[^\s()<>\[\]]+", str(url))
    return f"[{text}]({url})" if plain_url else text


def event_markers(events: pd.DataFrame) -> pd.DataFrame | None:
    """The sidebar toggle for event markers; returns the events to draw, or None when switched off."""
    if not st.sidebar.toggle("Show events on charts", value=True, key="show_events"):
        return None
    return events[events["kind"].isin(MARKER_KINDS)]


def source_line(dataset: Dataset, keys: list[str]) -> str:
    """'Source: publisher, dataset (release …, data through …), link' for each source used."""
    parts = []
    for key in keys:
        if key == "events":
            parts.append(EVENTS_SOURCE)
            continue
        source, snapshot = SOURCES.get(key), dataset.snapshots.get(key)
        if source is None or snapshot is None:
            continue
        parts.append(
            f"{source.publisher}, [{source.title}]({source.landing_page}) "
            f"(release {snapshot.vintage}, data through {snapshot.coverage_end})"
        )
    return "Source: " + "; ".join(parts) + "." if parts else ""


def missing_sources(dataset: Dataset, keys: list[str]) -> list[str]:
    """The sources among `keys` that have no usable snapshot in this dataset."""
    return [key for key in keys if key in SOURCES and key not in dataset.snapshots]


def explain_missing(dataset: Dataset, keys: list[str]) -> bool:
    """One notice per dataset this page needs but the store lacks, with the command that gets it.

    Returns True when every needed dataset is there.
    """
    absent = missing_sources(dataset, keys)
    for key in absent:
        source = SOURCES[key]
        st.warning(
            f"**No data yet for {source.title}** ({source.publisher}), so this page cannot show what depends "
            f"on it. To get it, {how_to_get(source)}.",
            icon=":material/cloud_off:",
        )
    return not absent


def friendly(render: Callable[[], None]) -> None:
    """Run a page; on any error show a plain message (details go to the server log, never the page)."""
    try:
        render()
    except Exception:
        log.exception("page failed")
        st.error(
            "Sorry, this page could not be drawn. The problem has been logged. "
            "Try reloading; if it persists, the Data & downloads page shows whether the data is intact."
        )
