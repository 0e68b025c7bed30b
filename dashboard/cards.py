"""Claim cards, shared by the article page and the check-another-article page."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import ClaimView, claim_views
from data_sources.claims.articles import Article, Claim
from data_sources.tables.build import Dataset


def claim_card(claim: Claim, view: ClaimView, data: Dataset, attribution: str = "the article") -> None:
    """One claim: the short quote, the computed context, its charts with downloads, caveats, sources."""
    context = view.context
    with st.container(border=True):
        st.markdown(f"> “{ui.escape_markdown(claim.quote)}”\n>\n> — {attribution}")
        for sentence in context.sentences:
            st.markdown(f"- {sentence}")
        for number, (spec, figure, rows) in enumerate(zip(context.charts, view.figures, view.csvs, strict=True)):
            ui.chart_with_download(figure, rows, spec.file_name, f"{claim.id}-{number}")
        if context.citations:
            with st.expander("What officials and reports said at the time (cited)"):
                for c in context.citations:
                    st.markdown(f"- {c.text} — [{c.title}]({c.url})")
        with st.expander("Caveats"):
            for caveat in context.caveats:
                st.markdown(f"- {caveat}")
        st.caption(ui.source_line(data, context.sources))


def claim_cards(article: Article, data: Dataset, attribution: str = "the article") -> list[ClaimView]:
    """A card per claim, in article order; returns what was drawn (for exports)."""
    views = claim_views(article, data, ui.event_markers(data.tables["events"]))
    for claim, view in zip(article.claims, views, strict=True):
        claim_card(claim, view, data, attribution)
    return views
