"""Caching in one place: every page gets its tables through these wrappers.

The dataset is keyed on the snapshots' fingerprint, so a refresh (by this server, another replica,
or the scheduled job) is picked up on the next rerun without a restart, and an unchanged cache
costs one small check per rerun (on an object store: one small read of each source's `current.json`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts
from data_sources.claims.articles import Article, articles_dir, load_articles
from data_sources.claims.evaluate import ClaimContext, evaluate
from data_sources.tables import build as tables
from data_sources.tables.build import Dataset
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
class ClaimView:
    """A claim's context with its figures and CSV downloads, ready to draw."""

    context: ClaimContext
    figures: list[go.Figure]
    csvs: list[bytes]


def claim_views(article: Article, data: Dataset, events: pd.DataFrame | None) -> list[ClaimView]:
    """Every claim card's content, computed once per dataset, article text and marker setting.

    Building the figures is most of a rerun's cost; every session reading the same article shares them.
    """
    return _claim_views(
        data.fingerprint, repr(article), events is not None, _article=article, _data=data, _events=events
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def _claim_views(
    fingerprint: str,
    article_key: str,
    with_events: bool,
    _article: Article,
    _data: Dataset,
    _events: pd.DataFrame | None,
) -> list[ClaimView]:
    views = []
    for claim in _article.claims:
        context = evaluate(claim, _data.tables)
        figures = [charts.build(spec, _events) for spec in context.charts]
        views.append(ClaimView(context, figures, [to_csv_bytes(spec.frame) for spec in context.charts]))
    return views


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
