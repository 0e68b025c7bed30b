"""Article files: one TOML file per article in `articles/`, its checkable claims as data.

A claim names the metric that checks it (see `claims.EVALUATORS`), the period, the claimed value
and unit, and its own parameters (window, comparison month, events, figures, caveats). Adding an
article is adding a file: the dashboard lists whatever is in the folder.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLES_ENV = "BORDER_ARTICLES_DIR"
DEFAULT_ARTICLES_DIR = Path(__file__).resolve().parents[2] / "articles"
REQUIRED_ARTICLE = ("id", "title", "published", "reference_month", "summary")
REQUIRED_CLAIM = ("id", "quote", "metric", "period", "unit")


class ArticleError(ValueError):
    """An article file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    metric: str
    period: str  # YYYY-MM
    unit: str
    claimed_value: float | None = None
    caveats: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)


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
    claims = tuple(_claim(raw, path) for raw in data.get("claims", []))
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
    known = {"id", "quote", "metric", "period", "unit", "claimed_value", "caveats"}
    return Claim(
        id=raw["id"],
        quote=raw["quote"],
        metric=raw["metric"],
        period=raw["period"],
        unit=raw["unit"],
        claimed_value=raw.get("claimed_value"),
        caveats=tuple(raw.get("caveats", ())),
        params={k: v for k, v in raw.items() if k not in known},
    )


def articles_dir() -> Path:
    """`articles/` in the repository, unless `BORDER_ARTICLES_DIR` names another folder."""
    return Path(os.environ.get(ARTICLES_ENV) or DEFAULT_ARTICLES_DIR)


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
            **claim.params,
        }
        lines += ["", "[[claims]]", *(f"{k} = {_toml_value(v)}" for k, v in fields.items() if v is not None)]
    return "\n".join(lines) + "\n"
