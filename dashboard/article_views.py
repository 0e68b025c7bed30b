"""The landing page's cards for the current data: read from the saved files when they exist (the
light path), built in this process once when they do not (after a refresh, or in tests), and kept in
memory per server process either way. Caching for the landing page lives here, beside `data.py`,
because `data.py` imports pandas and this must not."""

from __future__ import annotations

import streamlit as st

from dashboard.card_views import ArticleView, Index, read_index, read_view

ARTICLE_KEY = "article-choice"


def current_article(ids: list[str]) -> str:
    """The article to show: the reader's choice, else `?article=`, else the first (read before the
    choice is drawn; see `cards.article_cards`)."""
    if st.session_state.get(ARTICLE_KEY) not in range(len(ids)):
        wanted = st.query_params.get("article", ids[0])
        st.session_state[ARTICLE_KEY] = ids.index(wanted) if wanted in ids else 0
    return ids[st.session_state[ARTICLE_KEY]]


def article_selector(index: list[tuple[str, str]]) -> None:
    """The choice of article (only when there is more than one), kept in the address as `?article=`."""
    ids = [article_id for article_id, _ in index]
    if len(ids) > 1:
        st.selectbox("Article", range(len(ids)), key=ARTICLE_KEY, format_func=lambda i: index[i][1])
    st.query_params["article"] = ids[st.session_state[ARTICLE_KEY]]


def article_index(key: str) -> Index:
    """The articles and unreadable files, from the saved index or by building every article's cards now."""
    return read_index(key) or _built_index(key)


def saved_or_built(key: str, article_id: str, dark: bool, events: bool) -> ArticleView:
    """An article's page in a theme and marker setting: saved, else built in this process."""
    try:
        return _saved_view(key, article_id, dark, events)
    except FileNotFoundError:
        return _in_memory(key, article_id, dark, events)


@st.cache_resource(show_spinner=False, max_entries=16)
def _saved_view(key: str, article_id: str, dark: bool, events: bool) -> ArticleView:
    """A saved page, read once per server process (files under a key never change)."""
    view = read_view(key, article_id, dark, events)
    if view is None:
        raise FileNotFoundError(article_id)  # not cached: the next visit looks again
    return view


@st.cache_resource(show_spinner="Building the claim cards for the current data…", max_entries=4)
def _built_index(key: str) -> Index:
    """Build every article's cards for this key (once per process; the next visits read the files)."""
    from dashboard.data import dataset
    from dashboard.prebuilt import build_views

    return build_views(key, dataset())


@st.cache_resource(show_spinner="Building the claim cards for the current data…", max_entries=16)
def _in_memory(key: str, article_id: str, dark: bool, events: bool) -> ArticleView:
    """The page built in this process, when no saved file can be read (a read-only cache)."""
    from dashboard.data import articles, dataset
    from dashboard.prebuilt import article_view

    found, _ = articles()
    article = next(a for a in found if a.id == article_id)
    return article_view(article, dataset(), dark, events)
