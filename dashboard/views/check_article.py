"""Check another article: paste a story (or upload .txt/.md/.html), confirm the claims found, and
get the same claim cards, an article file the app can load later, and a Markdown report.
Nothing pasted is executed or fetched; it is shown as text."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import cards, ui
from dashboard.data import dataset
from data_sources.claims.articles import article_toml
from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.finder import MAX_TEXT_CHARS, FoundClaim, find_claims, html_to_text
from data_sources.claims.report import article_markdown, draft_article
from data_sources.sources.registry import SOURCES

MAX_UPLOAD_BYTES = 1_000_000
COLUMNS = ["keep", "number", "unit", "rate", "period", "metric", "confidence", "reason", "sentence"]


def read_input() -> str:
    upload = st.file_uploader("…or upload a .txt, .md or .html file", type=["txt", "md", "html", "htm"])
    if upload is not None:
        if upload.size > MAX_UPLOAD_BYTES:
            st.error(f"That file is over {MAX_UPLOAD_BYTES:,} bytes; paste the article's text instead.")
            return ""
        text = upload.getvalue().decode("utf-8", errors="replace")
        return html_to_text(text) if upload.name.lower().endswith((".html", ".htm")) else text
    return st.session_state.get("check_text", "")


def claims_table(found: list[FoundClaim]) -> pd.DataFrame:
    rows = [
        {
            "keep": c.confidence >= 0.5,
            "number": c.text,
            "unit": c.unit,
            "rate": c.rate,
            "period": c.period,
            "metric": c.metric,
            "confidence": c.confidence,
            "reason": c.reason,
            "sentence": c.sentence,
        }
        for c in found
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def confirmed(found: list[FoundClaim], edited: pd.DataFrame) -> list[FoundClaim]:
    """The claims the reader kept, with their corrected metric and period."""
    kept = []
    for claim, row in zip(found, edited.to_dict("records"), strict=True):
        if row["keep"] and re.fullmatch(r"\d{4}-\d{2}", str(row["period"])) and row["metric"] in EVALUATORS:
            claim.metric, claim.period = str(row["metric"]), str(row["period"])
            kept.append(claim)
    return kept


def render() -> None:
    st.title("Check another article")
    st.caption(
        "Paste a story about the border. We find the numbers that can be checked against official data; "
        "you confirm or correct each one. Nothing you paste is run or fetched."
    )
    ui.explain_missing(dataset(), list(SOURCES))
    title = st.text_input("Title", max_chars=200, key="check_title")
    month = st.text_input(
        "Article month (YYYY-MM): stands for 'now' and 'every day' in the text",
        "2023-12",
        max_chars=7,
        key="check_month",
    )
    st.text_area("Article text", height=200, max_chars=MAX_TEXT_CHARS, key="check_text")
    text = read_input()
    if not re.fullmatch(r"(19|20)\d{2}-(0[1-9]|1[0-2])", month):
        st.warning("The article month must look like 2023-12.")
        return
    if not text.strip():
        st.info("Paste an article (or upload a file) to find its claims.")
        return
    found = find_claims(text[:MAX_TEXT_CHARS], month)
    st.subheader(f"{len(found)} checkable claim{'' if len(found) == 1 else 's'} found")
    if not found:
        return
    edited = st.data_editor(
        claims_table(found),
        hide_index=True,
        key="check_claims",
        disabled=["number", "unit", "rate", "confidence", "reason", "sentence"],
        column_config={"metric": st.column_config.SelectboxColumn(options=list(EVALUATORS))},
    )
    kept = confirmed(found, edited)
    if not kept:
        return
    article = draft_article(title, month, kept)
    views = cards.claim_cards(article, dataset(), attribution="the pasted article")
    st.download_button(
        "Save as an article file (.toml) for articles/",
        article_toml(article),
        file_name=f"{article.id}.toml",
        mime="application/toml",
    )
    st.download_button(
        "Download the check as Markdown",
        article_markdown(article, [v.context for v in views]),
        file_name=f"{article.id}-checked.md",
        mime="text/markdown",
    )


ui.friendly(render)
