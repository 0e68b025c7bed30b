"""Claim cards, shared by the article page and the check-another-article page, with a table of
contents at the top (on a phone the cards run to many screens) linking to each card's heading."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import ClaimView, claim_views
from data_sources.claims.articles import Article, Claim
from data_sources.tables.build import Dataset

QUOTE_CHARS = 90  # a quote longer than this is shortened in the table of contents


def anchor(number: int) -> str:
    """The id of the n-th card's heading (by position: claim ids come from files and need not suit a URL)."""
    return f"claim-{number}"


def short_quote(quote: str) -> str:
    """A quote cut at a word boundary to at most QUOTE_CHARS characters, with an ellipsis when cut."""
    if len(quote) <= QUOTE_CHARS:
        return quote
    return quote[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def contents(article: Article) -> None:
    """A numbered list of the claims, each linking to its card."""
    items = [
        f"{number}. [“{ui.escape_markdown(short_quote(claim.quote))}”](#{anchor(number)})"
        for number, claim in enumerate(article.claims, start=1)
    ]
    st.markdown("**The claims checked here:**\n\n" + "\n".join(items))


def claim_card(
    claim: Claim, view: ClaimView, data: Dataset, number: int, total: int, attribution: str = "the article"
) -> None:
    """One claim: the short quote, the computed context, its charts with downloads, caveats, sources."""
    context = view.context
    with st.container(border=True):
        st.header(f"Claim {number} of {total}", anchor=anchor(number))
        st.markdown(f"> “{ui.escape_markdown(claim.quote)}”\n>\n> — {attribution}")
        for sentence in context.sentences:
            st.markdown(f"- {sentence}")
        for index, (spec, figure, rows) in enumerate(zip(context.charts, view.figures, view.csvs, strict=True)):
            ui.chart_with_download(figure, rows, spec.file_name, f"{claim.id}-{index}")
        if context.citations:
            with st.expander("What officials and reports said at the time (cited)"):
                for c in context.citations:
                    st.markdown(f"- {c.text} — {ui.citation(c.title, c.url)}")
        with st.expander("Caveats"):
            for caveat in context.caveats:
                st.markdown(f"- {caveat}")
        st.caption(ui.source_line(data, context.sources))


def claim_cards(article: Article, data: Dataset, attribution: str = "the article") -> list[ClaimView]:
    """A table of contents (for more than one claim), then a card per claim in article order;
    returns what was drawn (for exports)."""
    views = claim_views(article, data, ui.event_markers(data.tables["events"]))
    if len(article.claims) > 1:
        contents(article)
    for number, (claim, view) in enumerate(zip(article.claims, views, strict=True), start=1):
        claim_card(claim, view, data, number, len(article.claims), attribution)
    return views
