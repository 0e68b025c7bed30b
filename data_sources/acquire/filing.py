"""Filing a file as a snapshot: validate it, name it safely, and make it current (or not).

Downloads (`refresh`), one-file imports and folder imports all end in `file_validated`. Any
failure becomes an `Outcome` with a one-line reason, so one bad file never stops the others, and
the current snapshot is never touched by a refused file.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import pandas as pd
from filelock import Timeout as LockTimeout

from data_sources.acquire import memory
from data_sources.acquire.snapshots import Snapshot, SnapshotStore, sha256_of
from data_sources.acquire.source import Source
from data_sources.acquire.validate import (
    ValidationError,
    bounded,
    check_vintage,
    coverage_of,
    parse_checked,
    safe_file_name,
    validate_file,
)

log = logging.getLogger(__name__)
Status = Literal["updated", "unchanged", "failed", "skipped"]
FROM_FOLDER = "local-folder"  # the `method` of snapshots filed from a folder of files as published


@dataclass(frozen=True)
class Outcome:
    """What happened to one source in a refresh or import."""

    source_key: str
    status: Status
    message: str
    snapshot: Snapshot | None = None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def file_validated(
    store: SnapshotStore, source: Source, staged: Path, details: Mapping[str, str | None], force: bool = False
) -> Snapshot:
    """Validate a staged file and file it as the new current snapshot (caller holds the lock).

    With `force`, a file that fails only the comparison with the current vintage is filed anyway,
    as a vintage for inspection that does not become current.
    """
    current = store.current(source.key)
    current_path = store.file_path(current) if current and store.verify(current) else None
    try:
        start, end = validate_file(source, staged, current, current_path)
        make_current = True
    except ValidationError:
        if not force:
            raise
        start, end = coverage_of(parse_checked(source, staged))
        make_current = False
    vintage = details["vintage"] or _default_vintage(details["method"], end)
    snapshot = Snapshot(
        source_key=source.key,
        file_name=safe_file_name(details["file_name"] or staged.name),
        url=details["url"] or "",
        retrieved_at=details["retrieved_at"] or utc_now().isoformat(),
        sha256=sha256_of(staged),
        size_bytes=staged.stat().st_size,
        coverage_start=start,
        coverage_end=end,
        vintage=check_vintage(vintage),
        method=details["method"] or "download",
        etag=details.get("etag"),
        last_modified=details.get("last_modified"),
        note=details.get("note") or "",
    )
    return store.add(staged, snapshot, make_current=make_current)


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
    force: bool = False,
) -> Outcome:
    """File a browser-downloaded copy of a source, checked exactly like a download."""
    try:
        if vintage is not None:
            check_vintage(vintage)
        if not path.is_file():
            return Outcome(source.key, "failed", bounded(f"no such file: {path}"))
        if path.stat().st_size > source.max_bytes:
            return Outcome(source.key, "failed", f"the file is over the {source.max_bytes:,}-byte limit")
        with store.lock(source.key):
            snapshot = _import_locked(store, source, path, vintage, url, note, method, force)
    except Exception as error:  # one bad file never stops the others: every failure is an outcome
        return failed(source, error)
    status = "imported" if store.current(source.key) == snapshot else "filed for inspection, not current:"
    return Outcome(source.key, "updated", f"{status} as vintage {snapshot.vintage}", snapshot)


def _import_locked(
    store: SnapshotStore,
    source: Source,
    path: Path,
    vintage: str | None,
    url: str | None,
    note: str,
    method: str,
    force: bool,
) -> Snapshot:
    staged = store.staging_dir(source.key) / f"import-{utc_now():%Y%m%dT%H%M%S}-{safe_file_name(path.name)}"
    shutil.copyfile(path, staged)
    details = {
        "file_name": path.name,
        "url": url or f"manual import of {safe_file_name(path.name)}",
        "retrieved_at": utc_now().isoformat(),
        "vintage": vintage,
        "method": method,
        "note": note,
    }
    try:
        return file_validated(store, source, staged, details, force)
    finally:
        staged.unlink(missing_ok=True)


def failed(source: Source, error: Exception) -> Outcome:
    """A one-line reason for the reader; the traceback goes to the log for the operator."""
    if isinstance(error, ValidationError):
        return Outcome(source.key, "failed", str(error))
    if isinstance(error, MemoryError):  # over the ceiling `python -m data_sources` sets (`memory`)
        return Outcome(source.key, "failed", memory.refusal())
    if isinstance(error, LockTimeout):
        return Outcome(source.key, "failed", "another refresh or import of this source is running; try again later")
    log.warning("%s failed", source.key, exc_info=error)
    return Outcome(source.key, "failed", bounded(f"{type(error).__name__}: {error}"))
