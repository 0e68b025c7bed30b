"""The article in context: each checkable claim beside what the official numbers say.

Drawn from cards built ahead of time (`card_views`, `prebuilt`): a visit reads a saved file and
imports neither pandas nor the tables, unless the cards for the current data are not built yet.
"""

from __future__ import annotations

import streamlit as st

from dashboard import cards
from dashboard.article_views import article_index, saved_or_built
from dashboard.card_views import views_key
from dashboard.page_kit import dark_theme, events_wanted, friendly, show_events

NOTE = (
    "Encounters are events, not unique people. Fiscal years start in October. Months differ in length, "
    "so we compare months per day."
)


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


def render() -> None:
    key, warnings = views_key()
    index = article_index(key)
    for error in index.errors:
        st.warning(f"An article file could not be read: {error}")
    if not index.articles:
        st.info("No article files found in `articles/`.")
        return
    head = st.container()  # filled after the cards: the first chart goes out first (see cards.article_cards)
    article_id = current_article([article_id for article_id, _ in index.articles])
    view = saved_or_built(key, article_id, dark_theme(), events_wanted())
    cards.article_cards(view)
    with head:
        article_selector(index.articles)
        st.title(view.title)
        st.caption(view.caption)
        st.markdown(view.summary)
        st.info(NOTE, icon=":material/info:")
        for warning in warnings:
            st.warning(warning)
        for notice in view.missing:
            st.warning(notice, icon=":material/cloud_off:")
    show_events()


friendly(render)
