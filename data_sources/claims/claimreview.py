"""An article's checks in the fact-checkers' format: schema.org `ClaimReview` as JSON-LD.

One review per claim, in article order: the quoted sentence (`claimReviewed`), the verdict as a
`Rating` (its neutral label as `alternateName`, a 1–5 `ratingValue` only where the data decide, the
summary, rule and figure as `ratingExplanation`), the article the claim appeared in (`itemReviewed`,
a `Claim` whose `appearance` is the article), this dashboard as author, and as `datePublished` the
data vintage: the latest release month of the datasets the check used. Only what we know is
written: an article's date when it is a date, its outlet when the file names one.

Text from article files and pasted stories is written as JSON strings with `<`, `>` and `&`
escaped, so the file can be embedded in a page's `<script>` tag without closing it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from data_sources.acquire.snapshots import Snapshot
from data_sources.claims.articles import Article, Claim
from data_sources.claims.context import ClaimContext
from data_sources.claims.verdict import Verdict, not_checkable
from data_sources.core.safe_text import plain_text

AUTHOR = "Border Numbers in Context"
BEST, WORST = 5, 1  # the scale of `Verdict.rating`
ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")  # an article's `published` is free text; only a date is written
UNNAMED_OUTLET = re.compile(r"\b(not named|unknown|not known)\b", re.IGNORECASE)  # 'Outlet not named in …'
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def verdict_of(context: ClaimContext) -> Verdict:
    """The context's verdict; 'not checkable' for a context without one (every evaluator should set one)."""
    return context.verdict or not_checkable("no rule has decided a verdict for this claim")


def claim_reviews(
    article: Article, contexts: Sequence[ClaimContext], snapshots: Mapping[str, Snapshot]
) -> dict[str, Any]:
    """The article's checks as one JSON-LD document: a `@graph` of ClaimReview objects."""
    appearance = _appearance(article)
    reviews = [
        _review(claim, context, appearance, snapshots) for claim, context in zip(article.claims, contexts, strict=True)
    ]
    return {"@context": "https://schema.org", "@graph": reviews}


def claim_reviews_json(article: Article, contexts: Sequence[ClaimContext], snapshots: Mapping[str, Snapshot]) -> str:
    """`claim_reviews` as text, safe inside an HTML `<script type="application/ld+json">`."""
    text = json.dumps(claim_reviews(article, contexts, snapshots), indent=2, ensure_ascii=False)
    return re.sub("[<>&]", lambda m: HTML_SAFE[m.group(0)], text) + "\n"


def data_vintage(keys: Sequence[str], snapshots: Mapping[str, Snapshot]) -> str | None:
    """The latest release month (YYYY-MM) of the datasets `keys` (of any dataset held, when none of them
    is a snapshot); None without snapshots."""
    used = [snapshots[key].vintage for key in keys if key in snapshots]
    held = used or [snapshot.vintage for snapshot in snapshots.values()]
    return max(held) if held else None


def _review(
    claim: Claim, context: ClaimContext, appearance: dict[str, Any], snapshots: Mapping[str, Snapshot]
) -> dict[str, Any]:
    verdict = verdict_of(context)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": _text(verdict.label)}
    if verdict.rating is not None:
        rating["ratingValue"] = verdict.rating
    rating |= {
        "bestRating": BEST,
        "worstRating": WORST,
        "ratingExplanation": _text(
            f"{verdict.summary} How this verdict is decided: {verdict.rule} Compared with {verdict.compared_with}."
        ),
    }
    review = {
        "@type": "ClaimReview",
        "claimReviewed": _text(claim.quote),
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
        "reviewRating": rating,
        "author": {"@type": "Organization", "name": AUTHOR},
    }
    vintage = data_vintage(context.sources, snapshots)
    return review | ({"datePublished": vintage} if vintage else {})


def _appearance(article: Article) -> dict[str, Any]:
    """The article the claims appeared in, with what its file says of it (and nothing it does not)."""
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": _text(article.title)}
    if ISO_DATE.fullmatch(article.published.strip()):
        work["datePublished"] = article.published.strip()
    if article.outlet.strip() and not UNNAMED_OUTLET.search(article.outlet):
        work["publisher"] = {"@type": "Organization", "name": _text(article.outlet)}
    return work


def _text(text: str) -> str:
    """One line of text without control, zero-width or bidi characters."""
    return " ".join(plain_text(text).split())
