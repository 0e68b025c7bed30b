"""Where a snapshot store's bytes live: the `StoreFiles` protocol, and `LocalFiles` for a folder.

Kept apart from the store's rules (`snapshots`), which are the same on every kind of storage; an
object store implements the same protocol in `objectstore`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol

from filelock import FileLock

from data_sources.acquire.snapshot_sidecar import SIDECAR, Snapshot

__all__ = ["LocalFiles", "StoreFiles"]


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


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
        handle.write(data)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, path)
