"""The article in context: each checkable claim beside what the official numbers say.

Drawn from cards built ahead of time (`card_views`, `prebuilt`): a visit reads a saved file and
imports neither pandas nor the tables, unless the cards for the current data are not built yet.
"""

from __future__ import annotations

import streamlit as st

from dashboard import cards
from dashboard.article_views import article_index, saved_or_built
from dashboard.card_views import views_key
from dashboard.page_kit import dark_theme, friendly, show_events

NOTE = (
    "Encounters are events, not unique people. Fiscal years start in October. Months differ in length, "
    "so we compare months per day."
)


def pick_article(index: list[tuple[str, str]]) -> str:
    ids = [article_id for article_id, _ in index]
    wanted = st.query_params.get("article", ids[0])
    position = ids.index(wanted) if wanted in ids else 0
    if len(ids) > 1:
        position = st.selectbox("Article", range(len(ids)), index=position, format_func=lambda i: index[i][1])
    st.query_params["article"] = ids[position]
    return ids[position]


def render() -> None:
    key, warnings = views_key()
    index = article_index(key)
    for error in index.errors:
        st.warning(f"An article file could not be read: {error}")
    if not index.articles:
        st.info("No article files found in `articles/`.")
        return
    events = show_events()
    article_id = pick_article(index.articles)
    view = saved_or_built(key, article_id, dark_theme(), events)
    st.title(view.title)
    st.caption(view.caption)
    st.markdown(view.summary)
    st.info(NOTE, icon=":material/info:")
    for warning in warnings:
        st.warning(warning)
    for notice in view.missing:
        st.warning(notice, icon=":material/cloud_off:")
    cards.article_cards(view)


friendly(render)
