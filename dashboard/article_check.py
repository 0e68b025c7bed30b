"""The check-another-article page's parts: reading the pasted or uploaded text, the table in which
a reader keeps or corrects each claim found, and the downloads of the result."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard.data import ClaimView
from data_sources.claims.articles import Article, article_toml
from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.finder import FoundClaim, html_to_text
from data_sources.claims.report import article_markdown
from data_sources.core.periods import period_of
from data_sources.tables.build import Dataset

MAX_UPLOAD_BYTES = 1_000_000
COLUMNS = ["keep", "number", "unit", "rate", "period", "metric", "confidence", "reason", "sentence"]
MONTH = re.compile(r"(19|20)\d{2}-(0[1-9]|1[0-2])")


def latest_month(data: Dataset) -> str:
    """The last month of the Southwest series (YYYY-MM): what 'now' most likely means in a pasted story."""
    table = data.tables.get("southwest_monthly")
    return "" if table is None else period_of(table["month"].max())


def read_input() -> str:
    """The uploaded file's text if there is one (HTML reduced to text), else what was pasted."""
    upload = st.file_uploader("…or upload a .txt, .md or .html file", type=["txt", "md", "html", "htm"])
    if upload is not None:
        if upload.size > MAX_UPLOAD_BYTES:
            st.error(f"That file is over {MAX_UPLOAD_BYTES:,} bytes; paste the article's text instead.")
            return ""
        text = upload.getvalue().decode("utf-8", errors="replace")
        return html_to_text(text) if upload.name.lower().endswith((".html", ".htm")) else text
    return str(st.session_state.get("check_text", ""))


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


def review(found: list[FoundClaim]) -> list[FoundClaim]:
    """Show the claims found in an editable table; return those the reader kept."""
    edited = st.data_editor(
        claims_table(found),
        hide_index=True,
        key="check_claims",
        disabled=["number", "unit", "rate", "confidence", "reason", "sentence"],
        column_config={"metric": st.column_config.SelectboxColumn(options=list(EVALUATORS))},
    )
    return confirmed(found, edited)


def downloads(article: Article, views: list[ClaimView]) -> None:
    """The checked article as a file the app can load later, and as a Markdown report."""
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
