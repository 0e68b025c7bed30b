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
and old vintages stay for comparing revisions. In a local folder (`LocalFiles`), a snapshot folder
is written under a temporary name and renamed into place, `current.json` is replaced with
`os.replace`, and writers take a per-source file lock. On an object store, see `objectstore`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Protocol

from filelock import FileLock

DATA_DIR_ENV = "BORDER_DATA_DIR"  # folders of files as published that fill an empty store (`local_folder`)
SIDECAR = "snapshot.json"
CURRENT = "current.json"
CHECKED = "checked.json"
LOCK_TIMEOUT_SECONDS = 600
_SAFE_FOLDER = re.compile(r"\d{4}-(0[1-9]|1[0-2])--[0-9a-f]{64}")


@dataclass(frozen=True)
class Snapshot:
    """Provenance of one raw file as published (the sidecar's fields)."""

    source_key: str
    file_name: str
    url: str
    retrieved_at: str
    sha256: str
    size_bytes: int
    coverage_start: str
    coverage_end: str
    vintage: str  # release month, YYYY-MM
    method: str  # "download", "import" (one file) or "local-folder" (import-dir, fill)
    etag: str | None = None
    last_modified: str | None = None
    note: str = ""
    folder: str = ""  # set when read from the store; not stored

    def to_json(self) -> str:
        fields = asdict(self)
        fields.pop("folder")
        return json.dumps(fields, indent=2, sort_keys=True) + "\n"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_verified: dict[tuple[str, int, int, int, int], str] = {}


def checked_sha256(path: Path) -> str:
    """`sha256_of`, remembered while the file's inode, size, modification and change times stay the
    same: pages check every snapshot on every visit, and rehashing a 100 MB file each time would cost
    more than the page. Any write to the file changes its change time (which no program can set back),
    so a file altered in place is hashed again."""
    stat = path.stat()
    signature = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    if signature not in _verified:
        if len(_verified) > 256:
            _verified.clear()
        _verified[signature] = sha256_of(path)
    return _verified[signature]


def is_url(location: str | Path) -> bool:
    """True for an fsspec URL (`s3://bucket/prefix`), False for a folder on this machine."""
    return "://" in str(location)


class StoreFiles(Protocol):
    """Where a store's bytes live. Paths are relative to the store's root: `<source>/<folder>/<name>`."""

    def read(self, path: str, fixed: bool = False) -> bytes | None:
        """The object's bytes, or None if absent; `fixed` objects never change once written."""

    def write(self, path: str, data: bytes) -> None:
        """Replace a small object in one step (pointers and check records)."""

    def folders(self, key: str) -> list[str]:
        """Names of a source's snapshot folders that have a sidecar."""

    def publish(self, snapshot: Snapshot, staged: Path) -> None:
        """Make `<source>/<snapshot.folder>/` hold the staged file and the sidecar, complete or not at all."""

    def local_file(self, snapshot: Snapshot) -> Path:
        """A path on this machine to the snapshot's raw file, for parsers and checks."""

    def staging_dir(self, key: str) -> Path:
        """A folder on this machine where downloads land before validation."""

    def lock(self, key: str, timeout: float) -> AbstractContextManager[None]:
        """Exclusive per-source lock for writers, sweeping away what a killed writer left."""


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


class LocalFiles:
    """A store in a folder: snapshot folders renamed into place, pointers replaced with `os.replace`,
    and a per-source file lock (`filelock`)."""

    def __init__(self, root: Path):
        self.root = root

    def read(self, path: str, fixed: bool = False) -> bytes | None:
        target = self.root / path
        return target.read_bytes() if target.exists() else None

    def write(self, path: str, data: bytes) -> None:
        _atomic_write(self.root / path, data)

    def folders(self, key: str) -> list[str]:
        folder = self.root / key
        return [sidecar.parent.name for sidecar in folder.glob(f"*/{SIDECAR}")] if folder.is_dir() else []

    def publish(self, snapshot: Snapshot, staged: Path) -> None:
        final = self.root / snapshot.source_key / snapshot.folder
        if final.exists():
            staged.unlink(missing_ok=True)
            return
        building = Path(tempfile.mkdtemp(prefix=".new-", dir=final.parent))
        shutil.move(staged, building / snapshot.file_name)
        (building / SIDECAR).write_text(snapshot.to_json())
        os.chmod(building, 0o755)
        building.rename(final)

    def local_file(self, snapshot: Snapshot) -> Path:
        return self.root / snapshot.source_key / snapshot.folder / snapshot.file_name

    def staging_dir(self, key: str) -> Path:
        path = self.root / key / ".staging"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @contextmanager
    def lock(self, key: str, timeout: float) -> Iterator[None]:
        folder = self.root / key
        folder.mkdir(parents=True, exist_ok=True)
        with FileLock(str(folder / ".lock"), timeout=timeout):
            for leftover in [*folder.glob(".staging/*"), *folder.glob(".new-*"), *folder.glob(".tmp-*")]:
                if leftover.is_dir():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink(missing_ok=True)
            yield


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
        handle.write(data)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, path)
