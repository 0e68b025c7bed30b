"""The snapshot store in `cache/raw/`: raw files exactly as published, with provenance sidecars.

Layout, per source:

    cache/raw/<source>/<vintage>--<sha12>/<file as published>
    cache/raw/<source>/<vintage>--<sha12>/snapshot.json   (the sidecar)
    cache/raw/<source>/current.json                       (which snapshot is current)
    cache/raw/<source>/checked.json                       (last check, landing-page validators)

Snapshot folders are written once, under a temporary name, then renamed into place; `current.json`
is replaced with `os.replace`. So a reader (another server process) sees either the old snapshot or
the new one, never a half-written file, and old vintages stay for comparing revisions. Writers
take a per-source file lock, so two refreshes at once cannot interleave.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock

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
    folder: str = ""  # set when read from disk; not stored

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


class SnapshotStore:
    """Reads and files snapshots under one root directory (normally `cache/raw`)."""

    def __init__(self, root: Path):
        self.root = root

    def source_dir(self, key: str) -> Path:
        return self.root / key

    def staging_dir(self, key: str) -> Path:
        """Where downloads land before validation; inside the store so renames stay atomic."""
        path = self.source_dir(key) / ".staging"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def file_path(self, snapshot: Snapshot) -> Path:
        return self.source_dir(snapshot.source_key) / snapshot.folder / snapshot.file_name

    def all(self, key: str) -> list[Snapshot]:
        """Every filed snapshot of a source, oldest first (by vintage, then retrieval time)."""
        folder = self.source_dir(key)
        sidecars = folder.glob(f"*/{SIDECAR}") if folder.is_dir() else iter(())
        snapshots = [_read_sidecar(p) for p in sidecars if not p.parent.name.startswith(".")]
        return sorted(snapshots, key=lambda s: (s.vintage, s.retrieved_at))

    def current(self, key: str) -> Snapshot | None:
        """The snapshot `current.json` points to, or None if the source has none yet."""
        pointer = self.source_dir(key) / CURRENT
        if not pointer.exists():
            return None
        folder = json.loads(pointer.read_text())["snapshot"]
        return _read_sidecar(self.source_dir(key) / folder / SIDECAR)

    def verify(self, snapshot: Snapshot) -> bool:
        """True if the file on disk still has the recorded size and sha256."""
        path = self.file_path(snapshot)
        return path.is_file() and path.stat().st_size == snapshot.size_bytes and sha256_of(path) == snapshot.sha256

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

    @contextmanager
    def lock(self, key: str, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
        """Exclusive per-source lock for writers (refresh, import).

        Whatever a writer killed midway left behind (a partial download in `.staging`, a half-built
        `.new-*` folder) is swept away first: holding the lock, nobody else can be using it.
        """
        self.source_dir(key).mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.source_dir(key) / ".lock"), timeout=timeout):
            self._sweep(key)
            yield

    def _sweep(self, key: str) -> None:
        folder = self.source_dir(key)
        for leftover in [*folder.glob(".staging/*"), *folder.glob(".new-*"), *folder.glob(".tmp-*")]:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)

    def add(self, staged_file: Path, snapshot: Snapshot, make_current: bool = True) -> Snapshot:
        """File a validated download as a new snapshot, normally making it current (caller holds the lock).

        The folder name is built only from parts checked here (a YYYY-MM vintage and hex digits),
        so no value from outside can place a snapshot anywhere but inside this source's folder.
        """
        if not _SAFE_FOLDER.fullmatch(f"{snapshot.vintage}--{snapshot.sha256}") or "/" in snapshot.file_name:
            raise ValueError(f"refusing unsafe snapshot names {snapshot.vintage!r}, {snapshot.file_name!r}")
        folder = f"{snapshot.vintage}--{snapshot.sha256[:12]}"
        final = self.source_dir(snapshot.source_key) / folder
        if not final.exists():
            building = Path(tempfile.mkdtemp(prefix=".new-", dir=self.source_dir(snapshot.source_key)))
            shutil.move(staged_file, building / snapshot.file_name)
            (building / SIDECAR).write_text(snapshot.to_json())
            os.chmod(building, 0o755)
            building.rename(final)
        else:
            staged_file.unlink(missing_ok=True)
        if make_current:
            self._set_current(snapshot.source_key, folder)
        return _read_sidecar(final / SIDECAR)

    def _set_current(self, key: str, folder: str) -> None:
        _atomic_write(self.source_dir(key) / CURRENT, json.dumps({"snapshot": folder}) + "\n")

    def read_checked(self, key: str) -> dict[str, str]:
        path = self.source_dir(key) / CHECKED
        return json.loads(path.read_text()) if path.exists() else {}

    def write_checked(self, key: str, state: dict[str, str]) -> None:
        """Remember when a source was last checked (and the landing page's validators)."""
        _atomic_write(self.source_dir(key) / CHECKED, json.dumps(state, indent=2, sort_keys=True) + "\n")


def _read_sidecar(path: Path) -> Snapshot:
    fields = json.loads(path.read_text())
    return Snapshot(**fields, folder=path.parent.name)


def _atomic_write(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=".tmp-", delete=False) as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, path)
