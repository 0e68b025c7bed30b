"""Build claim cards ahead of time: every article, in both themes, with and without event markers.

`python -m dashboard.prebuilt` (run by `scripts/run.sh` after the store fills) writes them for the
current data, so the first reader of the landing page draws saved cards instead of loading tables,
evaluating claims and building figures. A page that finds none builds them itself (the same
functions), and the check-another-article page builds the cards of pasted text with them directly.
No Streamlit here: this runs from the command line too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

import pandas as pd

from dashboard import charts
from dashboard.card_views import VARIANTS, ArticleView, CardView, ChartView, Index, views_key, write_views
from dashboard.charts.reader_view import plain, sanitised, themed
from data_sources.acquire.fill import how_to_get
from data_sources.claims.articles import Article, Claim, articles_dir, load_articles
from data_sources.claims.claimreview import claim_reviews_json, verdict_of
from data_sources.claims.context import ClaimContext
from data_sources.claims.evaluate import evaluate
from data_sources.claims.rows import RECONSTRUCTED
from data_sources.core.safe_text import escape_markdown
from data_sources.core.vocabulary import MARKER_KINDS
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset, load
from data_sources.tables.dictionary import frame_dictionary
from data_sources.tables.export import to_csv_bytes

EVENTS_SOURCE = "Events: dated and cited from news reports and CBP statements (see each card's sources)"


def citation(title: str, url: str) -> str:
    """A cited page as a Markdown link, its title as a reader should see it (without our research
    markers); just the title when the address is not a plain web address."""
    text = escape_markdown(" ".join(str(title).replace(RECONSTRUCTED, "").split()))
    plain_url = re.fullmatch(r"https?://[^\s()<>\[\]]+", str(url))
    return f"[{text}]({url})" if plain_url else text


def source_line(dataset: Dataset, keys: Sequence[str]) -> str:
    """'Source: publisher, dataset (release …, data through …), link' for each source used."""
    parts = []
    for key in keys:
        if key == "events":
            parts.append(EVENTS_SOURCE)
            continue
        source, snapshot = SOURCES.get(key), dataset.snapshots.get(key)
        if source is None or snapshot is None:
            continue
        parts.append(
            f"{source.publisher}, [{source.title}]({source.landing_page}) "
            f"(release {snapshot.vintage}, data through {snapshot.coverage_end})"
        )
    return "Source: " + "; ".join(parts) + "." if parts else ""


def missing_notices(dataset: Dataset, keys: Sequence[str]) -> list[str]:
    """One notice per source among `keys` without a usable snapshot, with the commands that get it."""
    return [
        f"**No data yet for {SOURCES[key].title}** ({SOURCES[key].publisher}), so this page cannot show what "
        f"depends on it. To get it, {how_to_get(SOURCES[key])}."
        for key in keys
        if key in SOURCES and key not in dataset.snapshots
    ]


def column_name(column: str) -> str:
    """A column's name as code when it is a plain name, else escaped text."""
    return f"`{column}`" if re.fullmatch(r"[\w .-]+", column) else escape_markdown(column)


def columns_markdown(dictionary: pd.DataFrame) -> str:
    """Each column's unit and meaning as a Markdown list (it reads on a phone without scrolling sideways)."""
    return "\n".join(
        f"- {column_name(c)} ({escape_markdown(u) or 'no unit'}): {escape_markdown(m) or 'not described'}"
        for c, u, m in dictionary.itertuples(index=False)
    )


def chart_view(figure: object, rows: pd.DataFrame, file_name: str, table: str, dark: bool) -> ChartView:
    """A figure in the reader's theme, the rows it draws and what their columns mean."""
    shown = themed(sanitised(figure), dark, copy=False)  # type: ignore[arg-type]
    dictionary = frame_dictionary(list(rows.columns), table)
    return ChartView(
        figure=shown.to_json(),
        csv=to_csv_bytes(rows).decode("utf-8"),
        file_name=file_name,
        columns_markdown=columns_markdown(dictionary),
        columns_csv=to_csv_bytes(dictionary).decode("utf-8"),
        alt=f"Chart: {plain(str(shown.layout.title.text or file_name))}",
    )


def card_view(claim: Claim, context: ClaimContext, data: Dataset, markers: pd.DataFrame | None, dark: bool) -> CardView:
    """One claim's card: the verdict, sentences, charts with their data, citations, caveats, sources."""
    verdict = verdict_of(context)
    charts_ = [
        chart_view(charts.build(spec, markers), spec.frame, spec.file_name, spec.kind, dark) for spec in context.charts
    ]
    return CardView(
        claim_id=claim.id,
        quote=escape_markdown(claim.quote),
        verdict_label=escape_markdown(verdict.label),
        verdict_line=f"**{escape_markdown(verdict.label)}:** {escape_markdown(verdict.summary)}",
        verdict_rule=escape_markdown(verdict.rule),
        verdict_compared=escape_markdown(verdict.compared_with),
        sentences=list(context.sentences),
        charts=charts_,
        citations=[f"{c.text} — {citation(c.title, c.url)}" for c in context.citations],
        caveats=list(context.caveats),
        source_line=source_line(data, context.sources),
    )


def markers_of(events: pd.DataFrame | None) -> pd.DataFrame | None:
    """The events drawn as markers on claim charts."""
    return None if events is None else events[events["kind"].isin(MARKER_KINDS)]


def article_view(
    article: Article, data: Dataset, dark: bool, with_events: bool, contexts: Sequence[ClaimContext] | None = None
) -> ArticleView:
    """The whole page of an article, from the tables (its contexts evaluated here unless given)."""
    contexts = list(contexts) if contexts is not None else [evaluate(c, data.tables) for c in article.claims]
    markers = markers_of(data.tables.get("events")) if with_events else None
    return ArticleView(
        id=article.id,
        title=escape_markdown(article.title),
        caption=escape_markdown(f"{article.published}. {article.outlet}"),
        summary=escape_markdown(article.summary),
        cards=[card_view(c, x, data, markers, dark) for c, x in zip(article.claims, contexts, strict=True)],
        missing=missing_notices(data, list(SOURCES)),
        claimreview=claim_reviews_json(article, contexts, data.snapshots),
    )


def build_views(key: str, data: Dataset | None = None) -> Index:
    """Every article's views under `key`, written to disk; returns the index of articles and errors."""
    data = data or load()
    found, errors = load_articles(articles_dir())
    views = {}
    for article in found:
        contexts = [evaluate(c, data.tables) for c in article.claims]  # once, for all four variants
        for dark, events in VARIANTS:
            views[(article.id, dark, events)] = article_view(article, data, dark, events, contexts)
    index = Index([(a.id, escape_markdown(a.title)) for a in found], errors)
    write_views(key, views, index)
    for error in errors:
        print(f"article file skipped: {error}", file=sys.stderr)
    return index


def main() -> None:
    key, _ = views_key()
    index = build_views(key)
    print(f"claim cards built for {len(index.articles)} article(s) ({key})")


if __name__ == "__main__":
    main()
