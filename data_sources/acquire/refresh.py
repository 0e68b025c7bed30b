"""Refresh a source from its publisher: find the newest release, download it, file it validated.

A landing page is read for the newest file link (or a Socrata API is paged through); the file is
downloaded within limits and handed to `filing.file_validated`. Any failure, of any kind, leaves
the current snapshot untouched and yields a one-line reason.
"""

from __future__ import annotations

import logging
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from data_sources.acquire import socrata
from data_sources.acquire.fetch import Fetcher, FetchError, Progress, Validators, mirrored
from data_sources.acquire.filing import Outcome, failed, file_validated, utc_now
from data_sources.acquire.snapshots import Snapshot, SnapshotStore, sha256_of
from data_sources.acquire.source import Source
from data_sources.acquire.validate import bounded, check_vintage

log = logging.getLogger(__name__)
LANDING_PAGE_MAX_BYTES = 5_000_000
LOCK_WAIT_SECONDS = 30  # a refresh waits this long for another one of the same source, then says so


def refresh_source(store: SnapshotStore, source: Source, fetcher: Fetcher, progress: Progress | None = None) -> Outcome:
    """Download the newest release of `source` if it changed; never harm the current snapshot.

    Any failure, of any kind, becomes a one-line outcome, so one bad source never stops the others.
    """
    try:
        with store.lock(source.key, timeout=LOCK_WAIT_SECONDS):
            return _refresh_locked(store, source, fetcher, progress)
    except FetchError as error:
        return Outcome(source.key, "failed", bounded(_explain(source, error)))
    except Exception as error:
        return failed(source, error)


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
            return check_vintage(parsedate_to_datetime(last_modified).strftime("%Y-%m"))
        except (TypeError, ValueError):  # unparseable, or a year like 0999 or 9999: not a release date
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
