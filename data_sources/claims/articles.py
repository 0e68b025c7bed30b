"""Article files: one TOML file per article in `articles/`, its checkable claims as data.

A claim names the metric that checks it (see `claims.evaluate.EVALUATORS`), the period, the claimed
value and unit, and the parameters of its metric (window, comparison month, events, figures). Adding
an article is adding a file: the dashboard lists whatever is in the folder.

A file is checked whole when it is read: an unknown metric, a parameter its metric does not take, a
missing one, or a malformed value fails the file with its name, the claim's id and the field, and
the dashboard lists that line under "An article file could not be read" instead of the article.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data_sources.claims.articles_dir import ARTICLES_ENV, DEFAULT_ARTICLES_DIR, articles_dir
from data_sources.claims.context import Claim
from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.params import ParamError
from data_sources.core.periods import month_start

__all__ = ["ARTICLES_ENV", "DEFAULT_ARTICLES_DIR", "Article", "ArticleError", "Claim", "article_toml", "articles_dir"]
__all__ += ["load_articles", "parse_article"]

REQUIRED_ARTICLE = ("id", "title", "published", "reference_month", "summary")
REQUIRED_CLAIM = ("id", "quote", "metric", "period", "unit")
CLAIM_FIELDS = (*REQUIRED_CLAIM, "claimed_value", "caveats")  # the rest are the metric's parameters


class ArticleError(ValueError):
    """An article file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    published: str
    reference_month: str
    summary: str
    outlet: str
    claims: tuple[Claim, ...]
    path: Path | None  # None for an article drafted from pasted text


def parse_article(text: str, path: Path) -> Article:
    """Parse one article file's TOML text, checking required fields."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(f"{path.name}: not valid TOML ({error})") from error
    head = data.get("article", {})
    missing = [k for k in REQUIRED_ARTICLE if not head.get(k)]
    if missing:
        raise ArticleError(f"{path.name}: [article] lacks {missing}")
    raw_claims = data.get("claims", [])
    if not isinstance(raw_claims, list) or not all(isinstance(raw, dict) for raw in raw_claims):
        raise ArticleError(f"{path.name}: claims should be [[claims]] tables")
    claims = tuple(_claim(raw, path) for raw in raw_claims)
    repeated = sorted({c.id for c in claims if sum(d.id == c.id for d in claims) > 1})
    if repeated:
        raise ArticleError(f"{path.name}: claim ids {repeated} are used more than once")
    return Article(
        id=head["id"],
        title=head["title"],
        published=head["published"],
        reference_month=head["reference_month"],
        summary=head["summary"],
        outlet=head.get("outlet", ""),
        claims=claims,
        path=path,
    )


def _claim(raw: dict[str, Any], path: Path) -> Claim:
    missing = [k for k in REQUIRED_CLAIM if not raw.get(k)]
    if missing:
        raise ArticleError(f"{path.name}: claim {raw.get('id', '?')!r} lacks {missing}")
    try:
        return _checked_claim(raw)
    except ParamError as error:
        raise ArticleError(f"{path.name}: claim {raw['id']!r}, field {error.field!r}: {error.problem}") from None


def _checked_claim(raw: dict[str, Any]) -> Claim:
    """The claim with its metric's parameters read and checked; `ParamError` names a bad field."""
    evaluator = EVALUATORS.get(raw["metric"])
    if evaluator is None:
        raise ParamError("metric", f"unknown metric {raw['metric']!r} (known: {', '.join(EVALUATORS)})")
    try:
        month_start(raw["period"])
    except ValueError as error:
        raise ParamError("period", str(error)) from None
    value = raw.get("claimed_value")
    if value is None and evaluator.needs_value:
        raise ParamError("claimed_value", f"missing ({raw['metric']} sets a stated number beside the data)")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ParamError("claimed_value", f"should be a number, not {value!r}")
    caveats = raw.get("caveats", [])
    if not isinstance(caveats, list) or not all(isinstance(c, str) for c in caveats):
        raise ParamError("caveats", "should be a list of text")
    return Claim(
        id=raw["id"],
        quote=raw["quote"],
        metric=raw["metric"],
        period=raw["period"],
        unit=raw["unit"],
        claimed_value=value,
        caveats=tuple(caveats),
        params=evaluator.params.read({k: v for k, v in raw.items() if k not in CLAIM_FIELDS}),
    )


def load_articles(folder: Path | None = None) -> tuple[list[Article], list[str]]:
    """Every article in the folder (newest file name first), plus one error line per bad file."""
    folder = folder or articles_dir()
    articles, errors = [], []
    for path in sorted(folder.glob("*.toml"), reverse=True):
        try:
            articles.append(parse_article(path.read_text(encoding="utf-8"), path))
        except (ArticleError, UnicodeDecodeError) as error:
            errors.append(str(error))
    return articles, errors


def _toml_value(value: object) -> str:
    """TOML for the plain values an article file holds (JSON's string and list syntax is valid TOML)."""
    return json.dumps(value, ensure_ascii=False)


def article_toml(article: Article) -> str:
    """An article as a file the app loads from `articles/` (the inverse of `parse_article`)."""
    head = {
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "reference_month": article.reference_month,
        "outlet": article.outlet,
        "summary": article.summary,
    }
    lines = ["[article]", *(f"{k} = {_toml_value(v)}" for k, v in head.items())]
    for claim in article.claims:
        fields = {
            "id": claim.id,
            "quote": claim.quote,
            "metric": claim.metric,
            "period": claim.period,
            "unit": claim.unit,
            "claimed_value": claim.claimed_value,
            "caveats": list(claim.caveats),
            **claim.params.fields(),
        }
        lines += ["", "[[claims]]", *(f"{k} = {_toml_value(v)}" for k, v in fields.items() if v is not None)]
    return "\n".join(lines) + "\n"
