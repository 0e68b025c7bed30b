"""The article in context: each checkable claim beside what the official numbers say."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import ClaimView, articles, claim_views, dataset
from data_sources.articles import Article, Claim
from data_sources.tables import Dataset


def pick_article(found: list[Article]) -> Article:
    ids = [a.id for a in found]
    wanted = st.query_params.get("article", ids[0])
    index = ids.index(wanted) if wanted in ids else 0
    if len(found) > 1:
        index = st.selectbox("Article", range(len(found)), index=index, format_func=lambda i: found[i].title)
    st.query_params["article"] = ids[index]
    return found[index]


def claim_card(claim: Claim, view: ClaimView, data: Dataset) -> None:
    context = view.context
    with st.container(border=True):
        st.markdown(f"> “{claim.quote}”\n>\n> — the article")
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


def render() -> None:
    found, errors = articles()
    for error in errors:
        st.warning(f"An article file could not be read: {error}")
    if not found:
        st.info("No article files found in `articles/`.")
        return
    article = pick_article(found)
    data = dataset()
    st.title(article.title)
    st.caption(f"{article.published}. {article.outlet}")
    st.markdown(article.summary)
    st.info(
        "Encounters are events, not unique people. Fiscal years start in October. Months differ in length, "
        "so we compare months per day.",
        icon=":material/info:",
    )
    for warning in data.warnings:
        st.warning(warning)
    views = claim_views(article, data, ui.event_markers(data.tables["events"]))
    for claim, view in zip(article.claims, views, strict=True):
        claim_card(claim, view, data)


ui.friendly(render)
