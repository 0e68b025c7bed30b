"""What the tables would be built from right now, cheaply: the usable snapshots, today's warnings and
a fingerprint of both the snapshots and the code that turns them into tables.

Every page asks this on every visit, so it imports neither pandas nor the parsers, and it rereads the
package's files only when their sizes or modification times change (a `stat` per file, not a read),
and lists them at most once a second.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from pathlib import Path

from data_sources.acquire.snapshots import Snapshot, SnapshotStore, is_url
from data_sources.sources.keys import SOURCE_KEYS

PACKAGE_DIR = Path(__file__).resolve().parents[1]
CACHE_ENV = "BORDER_CACHE_DIR"
LOCAL_CACHE_ENV = "BORDER_LOCAL_CACHE_DIR"  # this machine's part when the store is remote
CODE_SUFFIXES = {".py", ".csv"}
_code_digests: dict[tuple[tuple[str, int, int], ...], str] = {}
CODE_RECHECK_SECONDS = 1.0
_last_code_digest: dict[Path, tuple[float, str]] = {}  # folder → (when it was listed, its digest)


def cache_root() -> Path | str:
    """`cache/` beside the package, unless `BORDER_CACHE_DIR` points elsewhere: another folder, or an
    object store shared by several machines, such as `s3://bucket/prefix` (see `acquire.objectstore`)."""
    configured = os.environ.get(CACHE_ENV) or ""
    return configured.rstrip("/") if is_url(configured) else Path(configured or PACKAGE_DIR.parent / "cache")


def default_store() -> SnapshotStore:
    """The store under `cache_root()`. With an object store, this machine's checked copies of the raw
    files and its derived tables go to `BORDER_LOCAL_CACHE_DIR` (default: under the system's temp dir)."""
    return _store_at(str(cache_root()), os.environ.get(LOCAL_CACHE_ENV) or "")


@functools.lru_cache(maxsize=4)
def _store_at(root: str, local: str) -> SnapshotStore:
    """One store object per location, so an object store's sidecars stay in memory between reruns."""
    if not is_url(root):
        return SnapshotStore(Path(root) / "raw")
    return SnapshotStore(f"{root}/raw", Path(local) / "raw" if local else None)


def derived_root(store: SnapshotStore) -> Path:
    """Where this machine keeps tables and views built from `store` (local, whatever the store)."""
    return store.workdir.parent / "derived"


def usable_snapshots(store: SnapshotStore) -> tuple[dict[str, Snapshot], list[str]]:
    """The intact snapshot of each source (falling back to an older vintage if needed)."""
    chosen, warnings = {}, []
    for key in SOURCE_KEYS:
        snapshot, notes = store.usable(key)
        warnings += notes
        if snapshot is not None:
            chosen[key] = snapshot
    return chosen, warnings


def code_digest(folder: Path = PACKAGE_DIR) -> str:
    """A digest of a package's code and CSVs (reference lists included), recomputed only when a
    file's size or modification time changes. Every rerun of every page asks, and listing and
    statting the files costs 3 ms: they are looked at again at most once a second (an edit is seen a
    second later at worst)."""
    listed_at, digest = _last_code_digest.get(folder, (float("-inf"), ""))
    if time.monotonic() - listed_at < CODE_RECHECK_SECONDS:
        return digest
    _last_code_digest[folder] = (time.monotonic(), _listed_digest(folder))
    return _last_code_digest[folder][1]


def _listed_digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.suffix in CODE_SUFFIXES)
    signature = tuple((str(p), *_size_and_time(p)) for p in files)
    if signature not in _code_digests:
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.read_bytes())
        _code_digests[signature] = digest.hexdigest()
    return _code_digests[signature]


def _size_and_time(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def fingerprint(snapshots: dict[str, Snapshot]) -> str:
    """Changes whenever a snapshot or this package's code or CSVs (reference lists included) change."""
    digest = hashlib.sha256()
    for key in sorted(snapshots):
        digest.update(f"{key}={snapshots[key].sha256};".encode())
    digest.update(code_digest().encode())
    return digest.hexdigest()[:20]


def current_state(store: SnapshotStore) -> tuple[str, list[str]]:
    """Fingerprint of what `load(store)` would return now, and today's warnings (cheap: no parsing)."""
    snapshots, warnings = usable_snapshots(store)
    return fingerprint(snapshots), warnings
