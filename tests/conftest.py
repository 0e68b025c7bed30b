"""Shared fixtures: a private copy of the embedded snapshot store, and the real recorded bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from data_sources.fetch import MIRROR_ENV, Fetcher, FetchSettings
from data_sources.snapshots import SnapshotStore
from data_sources.tables import CACHE_ENV

REPO = Path(__file__).resolve().parent.parent
EMBEDDED_RAW = REPO / "cache" / "raw"
EMBEDDED_REFERENCE = REPO / "cache" / "reference"


def embedded_file(source_key: str) -> Path:
    """The real file, exactly as published, that the repository ships for a source."""
    store = SnapshotStore(EMBEDDED_RAW)
    snapshot = store.current(source_key)
    assert snapshot is not None, f"the repository ships no snapshot of {source_key}"
    return store.file_path(snapshot)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway copy of `cache/` (raw snapshots only) that the code under test may modify."""
    target = tmp_path / "cache"
    shutil.copytree(EMBEDDED_RAW, target / "raw", ignore=shutil.ignore_patterns(".lock", ".staging"))
    shutil.copytree(EMBEDDED_REFERENCE, target / "reference")
    monkeypatch.setenv(CACHE_ENV, str(target))
    return target


@pytest.fixture
def store(cache_dir: Path) -> SnapshotStore:
    return SnapshotStore(cache_dir / "raw")


@pytest.fixture
def empty_store(tmp_path: Path) -> SnapshotStore:
    return SnapshotStore(tmp_path / "empty" / "raw")


@pytest.fixture
def fetcher() -> Fetcher:
    """A fetcher with short timeouts and no backoff sleep, so fault tests run fast."""
    instance = Fetcher(FetchSettings(connect_timeout=2, read_timeout=0.5, retries=2, backoff_factor=0))
    yield instance
    instance.close()


@pytest.fixture
def mirror(httpserver, monkeypatch: pytest.MonkeyPatch):
    """Point every source URL at the local test server (127.0.0.1)."""
    monkeypatch.setenv(MIRROR_ENV, httpserver.url_for("/").rstrip("/"))
    return httpserver


def revised_sbo_file(folder: Path) -> Path:
    """The real CBP file with its first count raised by one, like a later release revising a month."""
    lines = embedded_file("cbp_sbo").read_text().splitlines(keepends=True)
    fields = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join([*fields[:-1], str(int(fields[-1]) + 1)]) + "\n"
    path = folder / "sbo-encounters-fy22-fy25-aug.csv"
    path.write_text("".join(lines))
    return path
