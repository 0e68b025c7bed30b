"""Check another article: paste a story (or upload .txt/.md/.html) with its date, confirm the claims found, and
get the same claim cards, an article file the app can load later, and a Markdown report.
Nothing pasted is executed or fetched; it is shown as text."""

from __future__ import annotations

import streamlit as st

from dashboard import article_check, cards, ui
from dashboard.data import dataset
from data_sources.claims.finder import MAX_CLAIMS, MAX_TEXT_CHARS, find_claims
from data_sources.claims.report import draft_article
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import port_names


def render() -> None:
    st.title("Check another article")
    st.caption(
        "Paste a story about the border. We find the numbers that can be checked against official data; "
        "you confirm or correct each one. Nothing you paste is run or fetched."
    )
    data = dataset()
    ui.explain_missing(data, list(SOURCES))
    title = st.text_input("Title", max_chars=200, key="check_title")
    typed = st.text_input(
        "Article date (YYYY-MM-DD, or YYYY-MM): stands for 'now', 'last month' and 'on Monday' in the text",
        article_check.latest_month(data),
        max_chars=10,
        key="check_month",
    )
    st.text_area("Article text", height=200, max_chars=MAX_TEXT_CHARS, key="check_text")
    text = article_check.read_input()
    day = article_check.reference_day(typed)
    if day is None:
        st.warning("The article date must look like 2023-12-19 (or 2023-12 when only the month is known).")
        return
    if not text.strip():
        st.info("Paste an article (or upload a file) to find its claims.")
        return
    found = find_claims(text[:MAX_TEXT_CHARS], day, port_names(data.tables))
    st.subheader(f"{len(found)} checkable claim{'' if len(found) == 1 else 's'} found")
    if len(found) >= MAX_CLAIMS or len(text) > MAX_TEXT_CHARS:
        st.info(f"We read the first {MAX_TEXT_CHARS:,} characters and stop at {MAX_CLAIMS} claims per text.")
    kept = article_check.review(found) if found else []
    if not kept:
        return
    article = draft_article(title, day[:7], kept)
    contexts = cards.claim_cards(article, data, attribution="the pasted article")
    article_check.downloads(article, contexts)


ui.friendly(render)
