"""The snapshot store: raw files exactly as published, with provenance sidecars.

Layout, per source, under the store's root (`cache/raw`, another folder, or an object store such as
`s3://bucket/prefix/raw`; see `objectstore`):

    <root>/<source>/<vintage>--<sha12>/<file as published>
    <root>/<source>/<vintage>--<sha12>/snapshot.json   (the sidecar)
    <root>/<source>/current.json                       (which snapshot is current)
    <root>/<source>/checked.json                       (last check, landing-page validators)

One rule on every kind of storage: a snapshot's folder is complete before anything points at it,
and readers only follow `current.json`, which is replaced in one step. So a reader (another server
process, another machine) sees either the old snapshot or the new one, never a half-written file,
and old vintages stay for comparing revisions. In a local folder (`store_files.LocalFiles`), a
snapshot folder is written under a temporary name and renamed into place, `current.json` is replaced
with `os.replace`, and writers take a per-source file lock. On an object store, see `objectstore`.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

from data_sources.acquire.snapshot_sidecar import SIDECAR, Snapshot, checked_sha256, sha256_of
from data_sources.acquire.store_files import LocalFiles, StoreFiles

# The store is defined here; the snapshot record and the local files are re-exported, so callers keep one import.
__all__ = ["CHECKED", "CURRENT", "DATA_DIR_ENV", "LOCK_TIMEOUT_SECONDS", "SnapshotStore", "is_url"]
__all__ += ["SIDECAR", "LocalFiles", "Snapshot", "StoreFiles", "checked_sha256", "sha256_of"]

DATA_DIR_ENV = "BORDER_DATA_DIR"  # folders of files as published that fill an empty store (`local_folder`)
CURRENT = "current.json"
CHECKED = "checked.json"
LOCK_TIMEOUT_SECONDS = 600
_SAFE_FOLDER = re.compile(r"\d{4}-(0[1-9]|1[0-2])--[0-9a-f]{64}")


def is_url(location: str | Path) -> bool:
    """True for an fsspec URL (`s3://bucket/prefix`), False for a folder on this machine."""
    return "://" in str(location)


class SnapshotStore:
    """Reads and files snapshots under one root: a folder (normally `cache/raw`) or an fsspec URL.

    `workdir` is this machine's folder for the store: the store itself when it is a folder; for an
    object store, where checked copies of raw files and staged downloads go (default: a folder in
    the system's temporary directory).
    """

    def __init__(self, root: Path | str, workdir: Path | None = None):
        self.files: StoreFiles
        if is_url(root):
            from data_sources.acquire.objectstore import ObjectFiles  # fsspec loads only for remote stores

            self.root: Path | str = str(root).rstrip("/")
            self.workdir = workdir or Path(tempfile.gettempdir()) / f"border-cache-{_short_hash(self.root)}" / "raw"
            self.files = ObjectFiles(self.root, self.workdir)
        else:
            self.root = self.workdir = Path(root)
            self.files = LocalFiles(self.root)

    def staging_dir(self, key: str) -> Path:
        """Where downloads land before validation (in a local store, inside it so renames stay atomic)."""
        return self.files.staging_dir(key)

    def file_path(self, snapshot: Snapshot) -> Path:
        """A local path to the raw file (for an object store, this machine's copy, checked on download)."""
        return self.files.local_file(snapshot)

    def all(self, key: str) -> list[Snapshot]:
        """Every filed snapshot of a source, oldest first (by vintage, then retrieval time)."""
        snapshots = [self._sidecar(key, folder) for folder in self.files.folders(key) if not folder.startswith(".")]
        return sorted(snapshots, key=lambda s: (s.vintage, s.retrieved_at))

    def current(self, key: str) -> Snapshot | None:
        """The snapshot `current.json` points to, or None if the source has none yet."""
        pointer = self.files.read(f"{key}/{CURRENT}")
        if pointer is None:
            return None
        return self._sidecar(key, json.loads(pointer)["snapshot"])

    def _sidecar(self, key: str, folder: str) -> Snapshot:
        path = f"{key}/{folder}/{SIDECAR}"
        data = self.files.read(path, fixed=True)
        if data is None:
            raise FileNotFoundError(f"no sidecar {path} in {self.root}")
        return Snapshot(**json.loads(data), folder=folder)

    def verify(self, snapshot: Snapshot) -> bool:
        """True if the raw file still has the recorded size and sha256."""
        try:
            path = self.files.local_file(snapshot)
        except (OSError, ValueError):  # an object store's copy could not be had intact
            return False
        return path.is_file() and path.stat().st_size == snapshot.size_bytes and checked_sha256(path) == snapshot.sha256

    def usable(self, key: str) -> tuple[Snapshot | None, list[str]]:
        """The current snapshot if intact, else the newest intact older one, with a warning why."""
        current = self.current(key)
        if current is None or self.verify(current):
            return current, []
        warnings = [f"{key}: the current snapshot ({current.folder}) fails its sha256 check"]
        for older in reversed(self.all(key)):
            if older.folder != current.folder and self.verify(older):
                warnings.append(f"{key}: using the previous vintage {older.vintage} instead")
                return older, warnings
        warnings.append(f"{key}: no intact snapshot is left; refresh or import this source")
        return None, warnings

    def lock(self, key: str, timeout: float = LOCK_TIMEOUT_SECONDS) -> AbstractContextManager[None]:
        """Exclusive per-source lock for writers (refresh, import); raises `filelock.Timeout` after `timeout` s.

        Whatever a writer killed midway left behind (a partial download in staging, a half-built
        snapshot folder) is swept away first: holding the lock, nobody else can be using it.
        """
        return self.files.lock(key, timeout)

    def add(self, staged_file: Path, snapshot: Snapshot, make_current: bool = True) -> Snapshot:
        """File a validated download as a new snapshot, normally making it current (caller holds the lock).

        The folder name is built only from parts checked here (a YYYY-MM vintage and hex digits),
        so no value from outside can place a snapshot anywhere but inside this source's folder.
        """
        if not _SAFE_FOLDER.fullmatch(f"{snapshot.vintage}--{snapshot.sha256}") or "/" in snapshot.file_name:
            raise ValueError(f"refusing unsafe snapshot names {snapshot.vintage!r}, {snapshot.file_name!r}")
        folder = f"{snapshot.vintage}--{snapshot.sha256[:12]}"
        self.files.publish(replace(snapshot, folder=folder), staged_file)
        if make_current:
            self.files.write(f"{snapshot.source_key}/{CURRENT}", (json.dumps({"snapshot": folder}) + "\n").encode())
        return self._sidecar(snapshot.source_key, folder)

    def read_checked(self, key: str) -> dict[str, str]:
        data = self.files.read(f"{key}/{CHECKED}")
        return json.loads(data) if data is not None else {}

    def write_checked(self, key: str, state: dict[str, str]) -> None:
        """Remember when a source was last checked (and the landing page's validators)."""
        self.files.write(f"{key}/{CHECKED}", (json.dumps(state, indent=2, sort_keys=True) + "\n").encode())


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]
