"""Paging through a Socrata (SODA 2.x) dataset with `requests`, the way the API asks to be used.

Rows come in pages of `$limit` with `$offset`, ordered by `:id` so paging is stable; the last page
is the first one shorter than the limit. An app token, when `SODA_APP_TOKEN` is set, goes in the
`X-App-Token` header (it raises the throttling limits); 429 answers are retried with back-off by
the shared `Fetcher`. A cheap summary query (row count and latest date) tells whether anything
changed since the last snapshot, so an unchanged dataset costs one small request.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from data_sources.acquire.fetch import Fetcher, FetchError

TOKEN_ENV = "SODA_APP_TOKEN"


@dataclass(frozen=True)
class SodaQuery:
    """What to ask a SODA endpoint for."""

    endpoint: str  # e.g. https://data.bts.gov/resource/keg4-3bc2.json
    where: str
    select: str
    date_field: str
    required_fields: tuple[str, ...]
    page_size: int = 50_000


def _headers() -> dict[str, str]:
    token = os.environ.get(TOKEN_ENV)
    return {"X-App-Token": token} if token else {}


def get_rows(
    fetcher: Fetcher, query: SodaQuery, allowed_hosts: frozenset[str], params: dict[str, str], max_bytes: int
) -> list[dict[str, str]]:
    """One SODA request, parsed: a JSON array of objects, or a clear FetchError."""
    with tempfile.TemporaryDirectory() as scratch:
        result = fetcher.download(
            query.endpoint, allowed_hosts, Path(scratch), max_bytes, params=params, headers=_headers()
        )
        assert result.path is not None  # no validators were sent, so no 304
        text = result.path.read_text("utf-8", errors="replace")
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as error:
        raise FetchError(f"the API answered with malformed JSON ({error.msg} at character {error.pos})") from error
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise FetchError("the API answered with JSON that is not a list of rows")
    return rows


def summary(fetcher: Fetcher, query: SodaQuery, allowed_hosts: frozenset[str]) -> str:
    """'<rows>|<latest date>' for the query: changes whenever rows are added or removed."""
    params = {"$select": f"count(*) AS n, max({query.date_field}) AS latest", "$where": query.where}
    rows = get_rows(fetcher, query, allowed_hosts, params, 100_000)
    if len(rows) != 1:
        raise FetchError("the API's summary query did not return one row")
    return f"{rows[0].get('n')}|{rows[0].get('latest')}"


def fetch_all(
    fetcher: Fetcher, query: SodaQuery, allowed_hosts: frozenset[str], dest_dir: Path, max_bytes: int
) -> Path:
    """Every row matching the query, page by page, saved as one JSON array in `dest_dir`."""
    rows: list[dict[str, str]] = []
    offset = 0
    while True:
        params = {
            "$select": query.select,
            "$where": query.where,
            "$order": ":id",
            "$limit": str(query.page_size),
            "$offset": str(offset),
        }
        page = get_rows(fetcher, query, allowed_hosts, params, max_bytes)
        _check_fields(page, query.required_fields, offset)
        rows.extend(page)
        if len(page) < query.page_size:
            break
        offset += query.page_size
    dest_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=dest_dir, prefix="soda-", suffix=".json", delete=False) as handle:
        json.dump(rows, handle, separators=(",", ":"))
    return Path(handle.name)


def _check_fields(page: list[dict[str, str]], required: tuple[str, ...], offset: int) -> None:
    for number, row in enumerate(page):
        missing = [f for f in required if f not in row]
        if missing:
            raise FetchError(f"row {offset + number + 1} of the API answer lacks fields {missing}")
