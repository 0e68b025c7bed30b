"""The article in context: each checkable claim beside what the official numbers say."""

from __future__ import annotations

import streamlit as st

from dashboard import cards, ui
from dashboard.data import articles, dataset
from data_sources.claims.articles import Article
from data_sources.sources.registry import SOURCES


def pick_article(found: list[Article]) -> Article:
    ids = [a.id for a in found]
    wanted = st.query_params.get("article", ids[0])
    index = ids.index(wanted) if wanted in ids else 0
    if len(found) > 1:
        index = st.selectbox("Article", range(len(found)), index=index, format_func=lambda i: found[i].title)
    st.query_params["article"] = ids[index]
    return found[index]


def render() -> None:
    found, errors = articles()
    for error in errors:
        st.warning(f"An article file could not be read: {error}")
    if not found:
        st.info("No article files found in `articles/`.")
        return
    article = pick_article(found)
    data = dataset()
    st.title(ui.escape_markdown(article.title))
    st.caption(ui.escape_markdown(f"{article.published}. {article.outlet}"))
    st.markdown(ui.escape_markdown(article.summary))
    st.info(
        "Encounters are events, not unique people. Fiscal years start in October. Months differ in length, "
        "so we compare months per day.",
        icon=":material/info:",
    )
    for warning in data.warnings:
        st.warning(warning)
    ui.explain_missing(data, list(SOURCES))
    cards.claim_cards(article, data)


ui.friendly(render)
