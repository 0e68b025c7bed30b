"""Claim cards, drawn from `card_views.ArticleView` (built ahead by `prebuilt.py`), for the article
page and the check-another-article page.

The page opens with the list of claims and each one's verdict (a click on one opens its card), then
shows one card at a time (a phone reader is not sent down ten screens, and a page draws one chart
where it used to draw eight), with previous/next buttons; the list's last choice, "all claims on one
page", is for reading or printing. The
card opens with the quote and, right under it, the verdict line: the label in bold and one sentence,
in the page's own colours (a verdict is a statement about the data, not a warning), with the rule and
the figure it was set against one click away.

Only Streamlit and Plotly are imported here; the check page's heavy path (`claim_cards`) imports the
builders when it is called.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import streamlit as st

from dashboard.card_views import ArticleView, CardView, ChartView
from dashboard.page_kit import CHART_CONFIG, dark_theme, notes, show_events

if TYPE_CHECKING:
    from data_sources.claims.articles import Article
    from data_sources.claims.context import ClaimContext
    from data_sources.tables.build import Dataset

QUOTE_CHARS = 90  # a quote longer than this is shortened in the list of claims
VERDICT_ICON = ":material/balance:"  # neutral: the same for every label
ALL = 0  # the claim choice that shows every card


def anchor(number: int) -> str:
    """The id of the n-th card's heading (by position: claim ids come from files and need not suit a URL)."""
    return f"claim-{number}"


def short_quote(quote: str) -> str:
    """A quote cut at a word boundary to at most QUOTE_CHARS characters, with an ellipsis when cut."""
    if len(quote) <= QUOTE_CHARS:
        return quote
    return quote[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def current_claim(view: ArticleView, key: str) -> int:
    """Which card to show (1-based; ALL for every card): the reader's last choice, else `?claim=`.

    Read before the choice is drawn, so the chosen card's chart can be sent first (see `article_cards`)."""
    total = len(view.cards)
    wanted = st.query_params.get("claim", "1")
    current = ALL if wanted == "all" else int(wanted) if wanted.isdigit() and 1 <= int(wanted) <= total else 1
    if st.session_state.get(f"{key}-claim") not in range(total + 1):
        st.session_state[f"{key}-claim"] = current
    return int(st.session_state[f"{key}-claim"])


def claim_selector(view: ArticleView, key: str) -> None:
    """The list of claims, each with its verdict's label, that is also the choice of card (or all
    cards on one page): a table of contents whose every line opens its card. Kept in the address as
    `?claim=`, so a copied link opens the same card."""
    cards = view.cards
    choice = st.radio(
        "The claims checked here",
        [*range(1, len(cards) + 1), ALL],
        key=f"{key}-claim",
        format_func=lambda n: (
            "All claims on one page"
            if n == ALL
            else f"{n}. “{short_quote(cards[n - 1].quote)}” — {cards[n - 1].verdict_label}"
        ),
    )
    st.query_params["claim"] = "all" if choice == ALL else str(choice)


def _step(key: str, number: int) -> None:
    st.session_state[f"{key}-claim"] = number


def pager(number: int, total: int, key: str) -> None:
    """Previous and next buttons under a card."""
    left, right = st.columns(2)
    if number > 1:
        left.button("← Previous claim", key=f"{key}-previous", on_click=_step, args=(key, number - 1))
    if number < total:
        right.button("Next claim →", key=f"{key}-next", on_click=_step, args=(key, number + 1))


@st.cache_resource(show_spinner=False, max_entries=64)
def _figure(text: str) -> go.Figure:
    """A saved figure, rebuilt once per server process. Plotly checked every property when
    `prebuilt` built it, and the JSON is already themed and escaped: checking it again was 35 of the
    first visit's 45 ms for the first chart (see `charts.reader_view.figure_of`)."""
    return go.Figure(json.loads(text), _validate=False)


def chart(view: ChartView, key: str) -> None:
    """A figure, the rows it draws as CSV and, folded away, what the columns mean."""
    st.plotly_chart(
        _figure(view.figure), theme=None, width="stretch", key=f"chart-{key}", config=CHART_CONFIG, alt=view.alt
    )
    st.download_button(
        "Download this data (CSV)",
        view.csv,
        file_name=view.file_name,
        mime="text/csv",
        key=f"download-{key}",
        icon=":material/download:",
    )
    notes(view.columns_markdown, view.columns_csv, view.file_name, key)


def card(view: CardView, number: int, total: int, attribution: str) -> None:
    """One claim: the quote, the verdict, the computed context, its charts with downloads, citations,
    caveats and sources.

    The charts are sent before the text above them (into a container placed first): the browser
    starts loading Plotly with the first message instead of after a dozen text elements."""
    with st.container(border=True):
        opening = st.container()
        for index, chart_view in enumerate(view.charts):
            chart(chart_view, f"{view.claim_id}-{index}")
        with opening:
            st.header(f"Claim {number} of {total}", anchor=anchor(number))
            st.markdown(f"> “{view.quote}”\n>\n> — {attribution}")
            st.markdown(f"{VERDICT_ICON} {view.verdict_line}")
            with st.expander("How this verdict is decided"):
                st.markdown(f"**Rule.** {view.verdict_rule}\n\n**Compared with.** {view.verdict_compared}")
            if view.sentences:
                st.markdown("\n".join(f"- {sentence}" for sentence in view.sentences))
        if view.citations:
            with st.expander("What officials and reports said at the time (cited)"):
                st.markdown("\n".join(f"- {c}" for c in view.citations))
        with st.expander("Caveats"):
            st.markdown("\n".join(f"- {c}" for c in view.caveats))
        st.caption(view.source_line)


def article_cards(view: ArticleView, key: str = "cards", attribution: str = "the article") -> None:
    """The list of claims with their verdicts (which is also the choice of card), then the chosen card
    (or all), then the ClaimReview download.

    The list is drawn last, into a container placed first (see `card`)."""
    total = len(view.cards)
    listing = st.container()
    number = current_claim(view, key) if total > 1 else 1
    shown = range(1, total + 1) if number == ALL else [number]
    for n in shown:
        card(view.cards[n - 1], n, total, attribution)
    if number != ALL and total > 1:
        pager(number, total, key)
    claimreview_button(view)
    if total > 1:
        with listing:
            claim_selector(view, key)


def claimreview_button(view: ArticleView) -> None:
    """Every check of the article as schema.org ClaimReview (JSON-LD), one review per claim."""
    st.download_button(
        "Checks as ClaimReview (JSON-LD)",
        view.claimreview,
        file_name=f"{view.id}-claimreview.jsonld",
        mime="application/ld+json",
        key="claimreview",
        icon=":material/download:",
        help="The verdicts in the schema.org format fact-checkers' tools read: the quote, the verdict and its "
        "rule, the article, and the data release used.",
    )


def claim_cards(article: Article, data: Dataset, attribution: str = "the article") -> list[ClaimContext]:
    """Cards for an article built now, in this process (the check page's pasted text), drawn as the
    landing page draws its saved ones; returns the claims' contexts for the other exports."""
    from dashboard.data import checked_article

    checked = checked_article(article, data, dark_theme(), show_events())
    article_cards(checked.page, key="checked", attribution=attribution)
    return checked.contexts
