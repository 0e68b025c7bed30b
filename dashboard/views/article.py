"""The article in context: each checkable claim beside what the official numbers say.

Drawn from cards built ahead of time (`card_views`, `prebuilt`): a visit reads a saved file and
imports neither pandas nor the tables, unless the cards for the current data are not built yet.
"""

from __future__ import annotations

import streamlit as st

from dashboard import cards
from dashboard.article_views import article_index, article_selector, current_article, saved_or_built
from dashboard.card_views import views_key
from dashboard.page_kit import dark_theme, events_wanted, friendly, show_events

NOTE = (
    "Encounters are events, not unique people. Fiscal years start in October. Months differ in length, "
    "so we compare months per day."
)


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
