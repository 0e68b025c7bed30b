"""Claim cards as plain data, ready to draw: the article page reads them from disk, built ahead.

Building a card (evaluating the claim, drawing its figures, writing its CSV and column notes) needs
pandas, the tables and the chart builders: seconds of imports and work. Drawing one needs only
Streamlit. So cards are built once per data fingerprint (`prebuilt.py`, run by `scripts/run.sh`
after the store fills, or by the first visitor after a refresh) and saved here as JSON, every text
already escaped Markdown and every figure already themed Plotly JSON; a visit then costs a file read
the first time and nothing after. This module imports neither pandas nor the data package's parsers:
that is what keeps the landing page as light as a bare Streamlit page.

Files live in `<derived>/views/<key>/`: `index.json` (the articles) and one file per article, theme
and marker setting. The key covers the snapshots, the code of both packages and the article files,
so nothing stale is ever drawn.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from data_sources.claims.articles_dir import articles_dir
from data_sources.tables.state import code_digest, current_state, default_store, derived_root

DASHBOARD_DIR = Path(__file__).resolve().parent
VARIANTS = [(dark, events) for dark in (False, True) for events in (True, False)]


@dataclass(frozen=True)
class ChartView:
    """One chart of a card: its figure, exactly the rows it draws, and what the columns mean."""

    figure: str  # Plotly JSON, themed for the page and with text escaped
    csv: str  # the rows drawn, spreadsheet-safe
    file_name: str
    columns_markdown: str  # a list: `column` (unit): meaning
    columns_csv: str
    alt: str


@dataclass(frozen=True)
class CardView:
    """One claim's card, every text already safe Markdown."""

    claim_id: str
    quote: str
    verdict_label: str
    verdict_line: str
    verdict_rule: str
    verdict_compared: str
    sentences: list[str]
    charts: list[ChartView]
    citations: list[str]
    caveats: list[str]
    source_line: str


@dataclass(frozen=True)
class ArticleView:
    """An article's page: its heading, the missing-data notices and a card per claim."""

    id: str
    title: str
    caption: str
    summary: str
    cards: list[CardView]
    missing: list[str] = field(default_factory=list)  # one notice per dataset the cards need but lack
    claimreview: str = ""  # the checks as schema.org ClaimReview JSON-LD

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ArticleView:
        raw = json.loads(text)
        cards = [
            CardView(**{**card, "charts": [ChartView(**chart) for chart in card["charts"]]}) for card in raw["cards"]
        ]
        return cls(**{**raw, "cards": cards})


def views_key() -> tuple[str, list[str]]:
    """The key of the current views (data, both packages' code, the article files) and today's warnings."""
    data_key, warnings = current_state(default_store())
    digest = hashlib.sha256(f"{data_key};{code_digest(DASHBOARD_DIR)};{_articles_digest()}".encode())
    return digest.hexdigest()[:20], warnings


def _articles_digest() -> str:
    folder = articles_dir()
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in files)).hexdigest()


def views_folder(key: str) -> Path:
    return derived_root(default_store()) / "views" / key


def view_name(article_id: str, dark: bool, events: bool) -> str:
    return f"{hashlib.sha256(article_id.encode()).hexdigest()[:16]}-{'dark' if dark else 'light'}-{int(events)}.json"


@dataclass(frozen=True)
class Index:
    """The articles with views under a key, as (id, title), and the files that could not be read."""

    articles: list[tuple[str, str]]
    errors: list[str]


def read_index(key: str) -> Index | None:
    """The articles with views under `key`, or None when they have not been built."""
    path = views_folder(key) / "index.json"
    if not path.exists():
        return None
    raw = json.loads(path.read_text("utf-8"))
    return Index([(i, t) for i, t in raw["articles"]], list(raw["errors"]))


def read_view(key: str, article_id: str, dark: bool, events: bool) -> ArticleView | None:
    path = views_folder(key) / view_name(article_id, dark, events)
    return ArticleView.from_json(path.read_text("utf-8")) if path.exists() else None


def write_views(key: str, views: dict[tuple[str, bool, bool], ArticleView], index: Index) -> None:
    """Write every view, then the index last (readers look for the index first), each atomically."""
    folder = views_folder(key)
    for (article_id, dark, events), view in views.items():
        _write_atomically(folder / view_name(article_id, dark, events), view.to_json())
    _write_atomically(folder / "index.json", json.dumps(asdict(index)))


def _write_atomically(path: Path, text: str) -> None:
    """Write under a temporary name and rename into place; a read-only cache just skips the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".views-", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # readable by every process of the deployment, like the tables
        os.replace(temporary, path)
    except OSError:
        pass
