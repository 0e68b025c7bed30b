"""Shared fixtures: pinned real files from the research folder, and throwaway stores built from them.

No test reads the developer's live `cache/`: at start-up `BORDER_CACHE_DIR` points at an empty
temporary store, and tests that need data get a private store filled from the pinned fixtures
(`tests/fixtures.toml`) exactly as a user's store fills from a folder of files (`import-dir`).

The fixtures live in `../shared` (or `$BORDER_SHARED_DIR`). Where they are absent, the tests that
need them skip with one line naming what is missing; with `BORDER_REQUIRE_FIXTURES=1` (set by
`.ci/run`) such a skip is a failure instead, so CI always runs them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from data_sources.acquire.fetch import MIRROR_ENV, Fetcher, FetchSettings
from data_sources.acquire.local_folder import DATA_DIR_ENV, import_folder
from data_sources.acquire.snapshots import SnapshotStore, sha256_of
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import CACHE_ENV

REPO = Path(__file__).resolve().parent.parent
SHARED_ENV = "BORDER_SHARED_DIR"
REQUIRE_ENV = "BORDER_REQUIRE_FIXTURES"
FIXTURES = tomllib.loads((Path(__file__).parent / "fixtures.toml").read_text())
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
SOURCE_FIXTURES = [name for name, entry in FIXTURES.items() if "source" in entry]


def shared_dir() -> Path:
    """The research folder: `$BORDER_SHARED_DIR`, else `../shared` beside the repository."""
    return Path(os.environ.get(SHARED_ENV) or REPO.parent / "shared")


def missing(what: str) -> None:
    """Skip (a clone without the research folder) or fail (CI, which must run every test)."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{what} ({REQUIRE_ENV}=1: fixtures are required here)")
    pytest.skip(what)


@cache
def _verified(name: str) -> Path | None:
    entry = FIXTURES[name]
    path = shared_dir() / entry["path"]
    if not path.is_file():
        return None
    actual = sha256_of(path)
    if actual != entry["sha256"]:
        raise AssertionError(f"fixture {name} ({path}) has sha256 {actual}, not the pinned {entry['sha256']}")
    return path


def fixture_file(name: str) -> Path:
    """A pinned real file, checked against its sha256; skips (or fails in CI) when absent."""
    path = _verified(name)
    if path is None:
        missing(f"pinned fixture {name} not found at {shared_dir() / FIXTURES[name]['path']}")
    assert path is not None
    return path


def source_file(source_key: str) -> Path:
    """The real file, exactly as published, pinned for a source."""
    return fixture_file(next(n for n in SOURCE_FIXTURES if FIXTURES[n]["source"] == source_key))


def pytest_configure(config: pytest.Config) -> None:
    """Point the code at an empty throwaway store, never at the developer's `cache/`."""
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="border-empty-cache-")
    os.environ[DATA_DIR_ENV] = tempfile.mkdtemp(prefix="border-empty-data-dir-")


@pytest.fixture(scope="session")
def fixture_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding (links to) every pinned source file, like a user's folder of downloads."""
    folder = tmp_path_factory.mktemp("published-files")
    for name in SOURCE_FIXTURES:
        path = fixture_file(name)
        (folder / path.name).symlink_to(path)
    return folder


@pytest.fixture(scope="session")
def filled_cache(fixture_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled from the pinned files (with its derived tables built), shared read-only."""
    from data_sources.tables import build as tables

    root = tmp_path_factory.mktemp("filled") / "cache"
    store = SnapshotStore(root / "raw")
    outcomes = import_folder(store, fixture_folder, SOURCES)
    assert all(o.status == "updated" for o in outcomes), outcomes
    tables.load(store)
    return root


@pytest.fixture
def data_cache(filled_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Read-only use of the filled store: the code under test sees it as `cache/`."""
    monkeypatch.setenv(CACHE_ENV, str(filled_cache))
    return filled_cache


@pytest.fixture
def cache_dir(filled_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the filled store that the code under test may modify."""
    target = tmp_path / "cache"
    shutil.copytree(filled_cache / "raw", target / "raw", ignore=shutil.ignore_patterns(".lock", ".staging"))
    monkeypatch.setenv(CACHE_ENV, str(target))
    return target


@pytest.fixture
def store(cache_dir: Path) -> SnapshotStore:
    return SnapshotStore(cache_dir / "raw")


@pytest.fixture
def empty_store(tmp_path: Path) -> SnapshotStore:
    return SnapshotStore(tmp_path / "empty" / "raw")


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
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
    lines = source_file("cbp_sbo").read_text().splitlines(keepends=True)
    fields = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join([*fields[:-1], str(int(fields[-1]) + 1)]) + "\n"
    path = folder / "sbo-encounters-fy22-fy25-aug.csv"
    path.write_text("".join(lines))
    return path


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by Playwright (scripts/test.sh installs it)."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: scripts/test.sh installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()
