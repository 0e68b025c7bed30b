"""Caching in one place: every page gets its tables through these wrappers.

The dataset is keyed on the snapshots' fingerprint, so a refresh (by this server, another replica,
or the scheduled job) is picked up on the next rerun without a restart, and an unchanged cache
costs one small check per rerun.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import streamlit as st

from data_sources import tables
from data_sources.articles import Article, articles_dir, load_articles
from data_sources.tables import Dataset

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
