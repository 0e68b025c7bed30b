"""Refresh a source from the web, or import a file a person downloaded; validate before filing.

Both paths end in `file_validated`: parse the raw file into its canonical tables (which checks
columns, types, non-negative whole counts, unique keys and contiguous months), refuse a file whose
coverage is smaller than the current snapshot's, and only then file it and make it current. Any
failure leaves the current snapshot untouched and yields a one-line reason.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin, urlsplit

import pandas as pd

from data_sources.acquire import socrata
from data_sources.acquire.fetch import Fetcher, FetchError, Progress, Validators, mirrored
from data_sources.acquire.snapshots import Snapshot, SnapshotStore, sha256_of
from data_sources.acquire.source import ParseError, Source
from data_sources.core.schema import SchemaError

LANDING_PAGE_MAX_BYTES = 5_000_000
Status = Literal["updated", "unchanged", "failed", "skipped"]
FROM_FOLDER = "local-folder"  # the `method` of snapshots filed from a folder of files as published


class ValidationError(ValueError):
    """A file was refused; the message says why in one line."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one source in a refresh or import."""

    source_key: str
    status: Status
    message: str
    snapshot: Snapshot | None = None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def coverage_of(tables: dict[str, pd.DataFrame]) -> tuple[str, str]:
    """First and last month (YYYY-MM) present in any of a source's canonical tables."""
    months = pd.concat([t["month"] for t in tables.values()])
    return months.min().strftime("%Y-%m"), months.max().strftime("%Y-%m")


def validate_file(source: Source, path: Path, current: Snapshot | None) -> tuple[str, str]:
    """Parse and check a raw file; return its coverage or raise `ValidationError`."""
    try:
        tables = source.parse(path)
    except (ParseError, SchemaError) as error:
        raise ValidationError(f"the file does not look like {source.title}: {error}") from error
    start, end = coverage_of(tables)
    if current and (start > current.coverage_start or end < current.coverage_end):
        raise ValidationError(
            f"coverage would shrink from {current.coverage_start}–{current.coverage_end} "
            f"to {start}–{end}; keeping the current snapshot"
        )
    return start, end


def file_validated(store: SnapshotStore, source: Source, staged: Path, details: Mapping[str, str | None]) -> Snapshot:
    """Validate a staged file and file it as the new current snapshot (caller holds the lock)."""
    current = store.current(source.key)
    start, end = validate_file(source, staged, current)
    snapshot = Snapshot(
        source_key=source.key,
        file_name=details["file_name"] or staged.name,
        url=details["url"] or "",
        retrieved_at=details["retrieved_at"] or utc_now().isoformat(),
        sha256=sha256_of(staged),
        size_bytes=staged.stat().st_size,
        coverage_start=start,
        coverage_end=end,
        vintage=details["vintage"] or _default_vintage(details["method"], end),
        method=details["method"] or "download",
        etag=details.get("etag"),
        last_modified=details.get("last_modified"),
        note=details.get("note") or "",
    )
    return store.add(staged, snapshot)


def _default_vintage(method: str | None, coverage_end: str) -> str:
    """A file from a folder carries no release date: the earliest it can have been released is the
    month after its last month of data. Anything else was released (or fetched) this month."""
    if method == FROM_FOLDER:
        return (pd.Period(coverage_end, freq="M") + 1).strftime("%Y-%m")
    return utc_now().strftime("%Y-%m")


def import_file(
    store: SnapshotStore,
    source: Source,
    path: Path,
    vintage: str | None = None,
    url: str | None = None,
    note: str = "",
    method: str = "import",
) -> Outcome:
    """File a browser-downloaded copy of a source, checked exactly like a download."""
    if not path.is_file():
        return Outcome(source.key, "failed", f"no such file: {path}")
    if path.stat().st_size > source.max_bytes:
        return Outcome(source.key, "failed", f"the file is over the {source.max_bytes:,}-byte limit")
    with store.lock(source.key):
        staged = store.staging_dir(source.key) / f"import-{utc_now():%Y%m%dT%H%M%S}-{path.name}"
        shutil.copyfile(path, staged)
        details = {
            "file_name": path.name,
            "url": url or f"manual import of {path.name}",
            "retrieved_at": utc_now().isoformat(),
            "vintage": vintage,
            "method": method,
            "note": note,
        }
        try:
            snapshot = file_validated(store, source, staged, details)
        except ValidationError as error:
            return Outcome(source.key, "failed", str(error))
        finally:
            staged.unlink(missing_ok=True)
    return Outcome(source.key, "updated", f"imported as vintage {snapshot.vintage}", snapshot)


def refresh_source(store: SnapshotStore, source: Source, fetcher: Fetcher, progress: Progress | None = None) -> Outcome:
    """Download the newest release of `source` if it changed; never harm the current snapshot."""
    with store.lock(source.key):
        try:
            return _refresh_locked(store, source, fetcher, progress)
        except FetchError as error:
            return Outcome(source.key, "failed", _explain(source, error))
        except ValidationError as error:
            return Outcome(source.key, "failed", str(error))


def _refresh_locked(store: SnapshotStore, source: Source, fetcher: Fetcher, progress: Progress | None) -> Outcome:
    current = store.current(source.key)
    checked = store.read_checked(source.key)
    if source.soda:
        return _refresh_api(store, source, fetcher, current, checked)
    url = source.download_url
    if source.link_rule:
        url = _discover(store, source, fetcher, current, checked)
        if url is None:
            return _unchanged(store, source, checked, "landing page unchanged since the last check")
    if url is None:
        raise FetchError(f"{source.key} declares neither a download URL nor a landing-page link rule")
    validators = Validators(current.etag, current.last_modified) if current and current.url == url else None
    result = fetcher.download(
        url, source.allowed_hosts, store.staging_dir(source.key), source.max_bytes, validators, progress
    )
    if result.path is None:
        return _unchanged(store, source, checked, "server says the file is unchanged (304)")
    try:
        if current and result.sha256 == current.sha256:
            return _unchanged(store, source, checked, "downloaded file is identical to the current one")
        details = {
            "file_name": Path(urlsplit(url).path).name,
            "url": url,
            "retrieved_at": utc_now().isoformat(),
            "vintage": _release_month(result.validators.last_modified),
            "method": "download",
            "etag": result.validators.etag,
            "last_modified": result.validators.last_modified,
            "note": f"fetched from {mirrored(url)}" if mirrored(url) != url else "",
        }
        snapshot = file_validated(store, source, result.path, details)
    finally:
        result.path.unlink(missing_ok=True)
    _record_check(store, source, checked)
    return Outcome(
        source.key, "updated", f"new vintage {snapshot.vintage}, data through {snapshot.coverage_end}", snapshot
    )


def _refresh_api(
    store: SnapshotStore, source: Source, fetcher: Fetcher, current: Snapshot | None, checked: dict[str, str]
) -> Outcome:
    """A Socrata source: one summary request; page through the rows only if it changed."""
    assert source.soda is not None
    marker = socrata.summary(fetcher, source.soda, source.allowed_hosts)
    if current and checked.get("api_summary") == marker:
        return _unchanged(store, source, checked, "the API reports the same rows as at the last check")
    path = socrata.fetch_all(
        fetcher, source.soda, source.allowed_hosts, store.staging_dir(source.key), source.max_bytes
    )
    try:
        if current and sha256_of(path) == current.sha256:
            return _unchanged(store, source, checked | {"api_summary": marker}, "the API returned identical rows")
        details = {
            "file_name": f"{Path(urlsplit(source.soda.endpoint).path).stem}-{source.key}.json",
            "url": f"{source.soda.endpoint}?$where={source.soda.where}",
            "retrieved_at": utc_now().isoformat(),
            "vintage": utc_now().strftime("%Y-%m"),
            "method": "download",
            "note": f"SODA API answer, all pages ({marker.split('|')[0]} rows; latest date {marker.split('|')[1]})",
        }
        snapshot = file_validated(store, source, path, details)
    finally:
        path.unlink(missing_ok=True)
    _record_check(store, source, checked | {"api_summary": marker})
    return Outcome(
        source.key, "updated", f"new vintage {snapshot.vintage}, data through {snapshot.coverage_end}", snapshot
    )


def _discover(
    store: SnapshotStore, source: Source, fetcher: Fetcher, current: Snapshot | None, checked: dict[str, str]
) -> str | None:
    """The newest file link on the landing page; None when the page itself is unchanged (304)."""
    validators = Validators(checked.get("landing_etag"), checked.get("landing_last_modified")) if current else None
    text, page = fetcher.get_text(source.landing_page, source.allowed_hosts, LANDING_PAGE_MAX_BYTES, validators)
    if text is None:
        return None
    checked["landing_etag"] = page.validators.etag or ""
    checked["landing_last_modified"] = page.validators.last_modified or ""
    return newest_link(source, text)


def newest_link(source: Source, html: str) -> str:
    """Absolute URL of the newest release linked from a landing page's HTML."""
    assert source.link_rule is not None
    collector = _LinkCollector()
    collector.feed(html)
    matches = [(m, href) for href in collector.hrefs if (m := source.link_rule.pattern.search(urlsplit(href).path))]
    if not matches:
        raise FetchError(f"no link to the data file found on {source.landing_page}; the page layout may have changed")
    _, href = max(matches, key=lambda pair: source.link_rule.newest_key(pair[0]))  # type: ignore[union-attr]
    return urljoin(source.landing_page, href)


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _release_month(last_modified: str | None) -> str:
    """Vintage = the month the publisher last modified the file, else the month we fetched it."""
    if last_modified:
        try:
            return parsedate_to_datetime(last_modified).strftime("%Y-%m")
        except (TypeError, ValueError):
            pass
    return utc_now().strftime("%Y-%m")


def _record_check(store: SnapshotStore, source: Source, checked: dict[str, str]) -> None:
    store.write_checked(source.key, checked | {"last_checked_at": utc_now().isoformat()})


def _unchanged(store: SnapshotStore, source: Source, checked: dict[str, str], why: str) -> Outcome:
    _record_check(store, source, checked)
    return Outcome(source.key, "unchanged", why, store.current(source.key))


def _explain(source: Source, error: FetchError) -> str:
    """Add the way out to a fetch error: for a 403, the browser download and manual import."""
    message = str(error)
    if error.status == 403:
        message += (
            f". The publisher blocks scripted downloads; open {source.landing_page} in a browser, save "
            f"the file, then run: python -m data_sources import {source.key} FILE"
        )
    return message
