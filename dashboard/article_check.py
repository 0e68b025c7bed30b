"""The check-another-article page's parts: reading the pasted or uploaded text, the table in which
a reader keeps or corrects each claim found, and the downloads of the result."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from data_sources.claims.articles import Article, article_toml
from data_sources.claims.context import ClaimContext
from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.finder import KINDS, TOTAL_OF, FoundClaim, html_to_text, reread
from data_sources.claims.report import article_markdown
from data_sources.claims.when import kind_of, parse_label
from data_sources.core.periods import period_of
from data_sources.tables.build import Dataset

MAX_UPLOAD_BYTES = 1_000_000
COLUMNS = ["keep", "number", "measures", "period", "reason", "sentence"]
PLAIN = {kind.plain: name for name, kind in KINDS.items()}  # "people per day" → "daily_rate"
TOTALS = ("month_total", "fiscal_year_total", "calendar_year_total", "period_total")
BAD_PERIOD = "Not a period: write 2023-12, FY2024, CY2023, 2023-12-18 or 2023-10..2024-03."


def latest_month(data: Dataset) -> str:
    """The last month of the Southwest series (YYYY-MM): what 'now' most likely means in a pasted story."""
    table = data.tables.get("southwest_monthly")
    return "" if table is None else period_of(table["month"].max())


def reference_day(text: str) -> str | None:
    """The article's date as typed ('2023-12-19', or '2023-12' when only the month is known), or None
    when it is no real date: it stands for 'now', 'last month' and 'on Monday' in the text."""
    label = parse_label(text)
    return label if label is not None and kind_of(label) in ("day", "month") else None


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
    """One row per claim: what the reader may correct (what the number measures, its period) in
    plain words, beside the reason and the sentence."""
    rows = [
        {
            "keep": c.confidence >= 0.5,
            "number": c.text,
            "measures": KINDS[c.kind].plain if c.kind in KINDS else c.kind,
            "period": c.when or c.period,
            "reason": c.reason,
            "sentence": c.sentence,
        }
        for c in found
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def corrected(claim: FoundClaim, row: Mapping[Any, Any]) -> FoundClaim | None:
    """The claim as the reader reads it (what it measures, its period), or None when the period typed
    is not one (the finder's reading stays when nothing was changed)."""
    kind = PLAIN.get(str(row["measures"]), claim.kind)
    label = parse_label(str(row["period"]))
    if label is None:
        return None
    if kind == claim.kind and kind in TOTALS and label not in (claim.when, claim.period):
        kind = TOTAL_OF[kind_of(label)]  # a year typed for a month's total: the total of that year
    if kind == claim.kind and label in (claim.when, claim.period):
        return claim
    changed = reread(claim, kind, label)
    return replace(changed, reason="Your choice: " + changed.reason, confidence=1.0)


def confirmed(found: list[FoundClaim], edited: pd.DataFrame) -> list[FoundClaim]:
    """The claims the reader kept, as the reader reads them."""
    kept = []
    for claim, row in zip(found, edited.to_dict("records"), strict=True):
        reading = corrected(claim, row) if row["keep"] else None
        if reading is not None and reading.metric in EVALUATORS:
            kept.append(reading)
    return kept


def _in_step(found: list[FoundClaim], table: pd.DataFrame, key: str) -> pd.DataFrame:
    """The table with the reason of every row the reader changed rewritten for the new choice."""
    edits = st.session_state.get(key, {}).get("edited_rows", {})
    for index, change in edits.items():
        at = int(index)
        if 0 <= at < len(found):
            row = {**table.iloc[at].to_dict(), **change}
            reading = corrected(found[at], row)
            table.loc[at, "reason"] = reading.reason if reading else BAD_PERIOD
    return table


def review(found: list[FoundClaim]) -> list[FoundClaim]:
    """Show the claims found in an editable table; return those the reader kept, as corrected. The
    reason column follows the reader's choices (the table is keyed by the claims, so a new text starts
    afresh)."""
    said = "\n".join(f"{c.sentence}|{c.text}" for c in found)
    key = "check_claims_" + hashlib.sha256(said.encode()).hexdigest()[:12]
    edited = st.data_editor(
        _in_step(found, claims_table(found), key),
        hide_index=True,
        key=key,
        num_rows="fixed",
        disabled=["number", "reason", "sentence"],
        column_config={
            "measures": st.column_config.SelectboxColumn(
                "what it measures", options=list(PLAIN), required=True, help="Change it if the finder misread it."
            ),
            "period": st.column_config.TextColumn(
                "period", help="2023-12 (a month), FY2024, CY2023, 2023-12-18 (a day) or 2023-10..2024-03"
            ),
        },
    )
    return confirmed(found, edited)


def downloads(article: Article, contexts: list[ClaimContext]) -> None:
    """The checked article as a file the app can load later, and as a Markdown report."""
    st.download_button(
        "Save as an article file (.toml) for articles/",
        article_toml(article),
        file_name=f"{article.id}.toml",
        mime="application/toml",
    )
    st.download_button(
        "Download the check as Markdown",
        article_markdown(article, contexts),
        file_name=f"{article.id}-checked.md",
        mime="text/markdown",
    )
