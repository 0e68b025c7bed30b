"""Caching in one place: every page gets its tables through these wrappers.

The dataset is keyed on the snapshots' fingerprint, so a refresh (by this server, another replica,
or the scheduled job) is picked up on the next rerun without a restart, and an unchanged cache
costs one small check per rerun (on an object store: one small read of each source's `current.json`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from dashboard.card_views import ArticleView
from dashboard.charts import encounters
from dashboard.prebuilt import article_view, columns_markdown
from data_sources.claims.articles import Article, articles_dir, load_articles
from data_sources.claims.evaluate import ClaimContext, evaluate
from data_sources.tables import build as tables
from data_sources.tables.build import Dataset
from data_sources.tables.dictionary import frame_dictionary
from data_sources.tables.explore import VIEWS, Query, file_name, for_download, policy_events
from data_sources.tables.explore_hemisphere import notes, rows_for, view_months
from data_sources.tables.explore_link import presets
from data_sources.tables.export import to_csv_bytes

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False, max_entries=2)
def _dataset_for(fingerprint: str) -> Dataset:
    """Load once per snapshot fingerprint; shared by every session (tables are read-only)."""
    log.info("loading dataset %s", fingerprint)
    return tables.load()


def dataset() -> Dataset:
    """The current dataset (rebuilt only when a snapshot or the data code changes)."""
    key, warnings = tables.current_state(tables.default_store())
    return replace(_dataset_for(key), warnings=warnings)  # warnings are about now, not about the cached build


@st.cache_data(ttl=60, show_spinner=False)
def _articles_in(folder: Path) -> tuple[list[Article], list[str]]:
    return load_articles(folder)


def articles() -> tuple[list[Article], list[str]]:
    """Article files (re-read at most once a minute, so a new file appears without a restart)."""
    return _articles_in(articles_dir())


@dataclass(frozen=True)
class CheckedArticle:
    """An article checked in this process (pasted text): its page as drawn and the claims' contexts."""

    page: ArticleView
    contexts: list[ClaimContext]


def checked_article(article: Article, data: Dataset, dark: bool, with_events: bool) -> CheckedArticle:
    """The cards of an article built now, once per dataset, article text, theme and marker setting;
    every session reading the same text shares them."""
    return _checked(data.fingerprint, repr(article), dark, with_events, _article=article, _data=data)


@st.cache_resource(show_spinner=False, max_entries=16)
def _checked(
    fingerprint: str, article_key: str, dark: bool, with_events: bool, _article: Article, _data: Dataset
) -> CheckedArticle:
    contexts = [evaluate(claim, _data.tables) for claim in _article.claims]
    return CheckedArticle(article_view(_article, _data, dark, with_events, contexts), contexts)


def table_csvs(data: Dataset) -> dict[str, bytes]:
    """Every table as spreadsheet-safe CSV, made once per dataset rather than on every rerun."""
    return _table_csvs(data.fingerprint, _data=data)


@st.cache_resource(show_spinner=False, max_entries=2)
def _table_csvs(fingerprint: str, _data: Dataset) -> dict[str, bytes]:
    return {name: to_csv_bytes(table) for name, table in _data.tables.items()}


@st.cache_resource(show_spinner=False, max_entries=16)
def raw_file(path: str, sha256: str) -> bytes:
    """A raw snapshot's bytes for its download button; snapshot folders never change once written."""
    return Path(path).read_bytes()


@dataclass(frozen=True)
class ExplorerChart:
    """One explorer view as drawn: the figure (escaped and themed), its rows as CSV, the notes under it."""

    figure: go.Figure
    csv: bytes
    file_name: str
    notes: list[str]


def explorer_chart(data: Dataset, query: Query, dark: bool) -> ExplorerChart | None:
    """The explorer's chart for a query (None: no rows), made once per dataset, query and theme and
    shared by every session: going back to a view seen before costs no aggregation and no figure."""
    return _explorer_chart(data.fingerprint, query, dark, _data=data)


@st.cache_resource(show_spinner=False, max_entries=128)
def _explorer_chart(fingerprint: str, query: Query, dark: bool, _data: Dataset) -> ExplorerChart | None:
    view = VIEWS[query.view]
    rows = rows_for(_data.tables, view, query)
    if rows.empty:
        return None
    figure = encounters.explorer(rows, query, policy_events(_data.tables["events"], query), dark)
    return ExplorerChart(
        figure,
        to_csv_bytes(for_download(rows, query)),
        file_name(query),
        notes(_data.tables, rows, query, view),
    )


def explorer_months(data: Dataset, view: str) -> list[str]:
    """The months an explorer view's range slider offers, worked out once per dataset and view (not on
    every rerun); shared by every session, so never changed by a caller."""
    return _explorer_months(data.fingerprint, view, _data=data)


@st.cache_resource(show_spinner=False, max_entries=64)
def _explorer_months(fingerprint: str, view: str, _data: Dataset) -> list[str]:
    return view_months(_data.tables, VIEWS[view])


@functools.lru_cache(maxsize=64)
def _range_presets(months: tuple[str, ...], fiscal: bool) -> dict[str, tuple[str, str]]:
    return presets(list(months), fiscal)


def range_presets(months: Sequence[str], fiscal: bool) -> dict[str, tuple[str, str]]:
    """The explorer's quick ranges over these months (`explore_link.presets`), once per list of months."""
    return _range_presets(tuple(months), fiscal)


@functools.lru_cache(maxsize=256)
def _column_notes(columns: tuple[str, ...], table: str) -> tuple[str, bytes]:
    dictionary = frame_dictionary(list(columns), table)
    return columns_markdown(dictionary), to_csv_bytes(dictionary)


def column_notes(columns: Sequence[str], table: str = "") -> tuple[str, bytes]:
    """What each column means, as Markdown and as a CSV file, made once per set of columns and table
    (the explorer shows them under every chart, on every rerun)."""
    return _column_notes(tuple(columns), table)
