"""The README's two commands in a fresh clone with no `../shared` beside it, as a new user has it.

The clone is of the committed `HEAD` (in CI: `main`). It reuses this checkout's `.venv` through a
link, so the run measures what the clone contains, not how long pip takes.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from data_sources.sources.registry import SOURCES
from tests.conftest import REPO, REQUIRE_ENV, SHARED_ENV
from tests.test_browser import ARTIFACTS, free_port, wait_until_healthy

INNER_ENV = "BORDER_INSIDE_FRESH_CLONE"  # set for the clone's own run, which must not recurse
pytestmark = pytest.mark.skipif(os.environ.get(INNER_ENV) == "1", reason="already inside the fresh-clone run")
SETTINGS = (
    "BORDER_CACHE_DIR",
    "BORDER_DATA_DIR",
    "BORDER_DATA_MIRROR",
    SHARED_ENV,
    REQUIRE_ENV,
    "BORDER_ALLOW_REFRESH",
    "BORDER_LOCAL_CACHE_DIR",
    "BORDER_LOCK_LEASE_SECONDS",
)
PAGES = ["", "check_article", "explorer", "ports", "data_downloads", "methods"]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`git clone` of this repository into a folder with nothing beside it."""
    target = tmp_path_factory.mktemp("alone") / "border-numbers"
    try:
        subprocess.run(["git", "clone", "--quiet", str(REPO), str(target)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot clone this checkout ({error})")
    (target / ".venv").symlink_to(REPO / ".venv")
    assert not (target.parent / "shared").exists()
    return target


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any of the project's settings (as on a new machine)."""
    return {k: v for k, v in os.environ.items() if k not in SETTINGS and not k.startswith("PYTEST")} | extra


def test_readme_test_command_passes_without_shared(clone: Path):
    result = subprocess.run(
        ["bash", "scripts/test.sh", "-q", "-p", "no:cacheprovider", "-rs"],
        cwd=clone,
        env=clean_env(**{INNER_ENV: "1"}),
        capture_output=True,
        text=True,
        timeout=3600,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "failed" not in summary and "error" not in summary, summary
    assert "skipped" in summary, summary  # the tests that need the pinned files skip, saying so
    assert "pinned fixture cbp_sbo not found" in result.stdout


@contextmanager
def run_sh(clone: Path, **extra: str) -> Iterator[str]:
    """`bash scripts/run.sh` on a free port, stopped (with its whole process group) afterwards."""
    port = free_port()
    log = clone.parent / f"run-{port}.log"  # a file, not a pipe: a full pipe would stall the server
    with log.open("w") as output:
        process = subprocess.Popen(
            ["bash", "scripts/run.sh", "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=clone,
            env=clean_env(**extra),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, 300)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


def visit_every_page(url: str, browser, shot: str) -> dict[str, str]:
    """Each page's visible text, after it has finished running; fails on an exception or error box."""
    context = browser.new_context(viewport={"width": 390, "height": 2000})
    page = context.new_page()
    texts = {}
    for path in PAGES:
        page.goto(f"{url}/{path}")
        page.wait_for_selector("h1", timeout=90_000)
        page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
        page.wait_for_timeout(1500)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{shot}-{path or 'article'}.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0, path
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, path
        texts[path] = page.inner_text("body")
        assert "Traceback" not in texts[path]
    context.close()
    return texts


@pytest.mark.browser
def test_run_sh_without_network_or_data_names_what_is_missing(clone: Path, browser):
    offline = {"BORDER_DATA_MIRROR": "http://127.0.0.1:9"}  # every publisher unreachable
    with run_sh(clone, **offline) as url:
        texts = visit_every_page(url, browser, "fresh-clone-no-data")
    for path, text in texts.items():
        wanted = ["cbp_sbo"] if path == "explorer" else ["bts_crossings"] if path == "ports" else list(SOURCES)
        for key in wanted:
            assert f"python -m data_sources refresh {key}" in text, (path, key)


@pytest.mark.browser
def test_run_sh_with_a_data_folder_shows_the_article_numbers(clone: Path, browser, fixture_folder: Path):
    with run_sh(clone, BORDER_DATA_DIR=str(fixture_folder)) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 2400})
        page.goto(f"{url}/?claim=all")
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 8", timeout=120_000)
        text = page.inner_text("body")
        page.close()
    for number in ("301,981", "9,741 a day", "8,056 between ports", "1,685 at ports", "302,034"):
        assert number in text
    assert "No data yet" not in text
