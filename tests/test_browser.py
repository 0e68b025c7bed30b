"""End to end in headless Chromium (Debian's /usr/bin/chromium via Playwright): the real server,
every page, charts drawn, a chart's CSV downloaded and compared with the chart's own data, and a
shared explorer link reproducing its view. Screenshots go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from tests.conftest import REPO

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "test-artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def streamlit_command(app: str, port: int) -> list[str]:
    """How every test and the benchmark start a headless server on 127.0.0.1."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        app,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
    ]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float) -> None:
    """Poll Streamlit's health endpoint until it answers; fail with the server's output if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if requests.get(f"{url}/_stcore/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.5)
    output = process.stdout.read() if process.stdout and process.poll() is not None else ""
    pytest.fail(f"the Streamlit server at {url} did not start {output or ''}")


@contextmanager
def streamlit_server(env: dict[str, str] | None = None) -> Iterator[str]:
    """A real Streamlit server on a free port, stopped afterwards."""
    port = free_port()
    command = streamlit_command("dashboard/app.py", port)
    process = subprocess.Popen(
        command, cwd=REPO, env=os.environ | (env or {}), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, 60)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(filled_cache: Path) -> Iterator[str]:
    with streamlit_server({"BORDER_CACHE_DIR": str(filled_cache)}) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 2400}, accept_downloads=True)
    yield context.new_page()
    context.close()


def open_page(page, url: str, charts: int, shot: str) -> None:
    page.goto(url)
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=90_000)
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def chart_traces(page, index: int) -> list[dict[str, object]]:
    script = """(i) => Array.from(document.querySelectorAll('.js-plotly-plot')[i]._fullData)
        .map(t => ({name: t.name, x: Array.from(t.x || []).map(String), y: Array.from(t.y || [])}))"""
    return page.evaluate(script, index)


def download_csv(page, index: int) -> tuple[str, list[dict[str, str]]]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download this data (CSV)").nth(index).click()
    download = info.value
    text = Path(download.path()).read_text()
    return download.suggested_filename, list(csv.DictReader(io.StringIO(text)))


def test_article_page_chart_and_its_csv_agree(server, page):
    open_page(page, server, charts=7, shot="article")
    assert page.get_by_text("301,981").count() >= 1
    name, rows = download_csv(page, 0)
    assert name == "encounters_per_day_2023-12.csv"
    lines = {t["name"]: t for t in chart_traces(page, 0) if t["name"] in {r["component"] for r in rows}}
    assert set(lines) == {"All Southwest (USBP + OFO)", "U.S. Border Patrol", "Office of Field Operations"}
    for component, trace in lines.items():
        csv_values = [float(r["per_day"]) for r in rows if r["component"] == component]
        assert csv_values == pytest.approx([float(v) for v in trace["y"]], abs=0.01)
    december = next(r for r in rows if r["month"] == "2023-12-01" and r["component"] == "U.S. Border Patrol")
    assert december["encounters"] == "249740"


@pytest.mark.parametrize(("path", "charts"), [("explorer", 1), ("ports", 3), ("data_downloads", 0), ("methods", 0)])
def test_every_page_renders(server, page, path, charts):
    page.goto(f"{server}/{path}")
    page.wait_for_selector("h1", timeout=90_000)
    open_page(page, f"{server}/{path}", charts, path)


def test_shared_explorer_link_reproduces_the_view(server, browser):
    link = (
        f"{server}/explorer?view=usbp_sector&by=sector&unit=total&granularity=fiscal_year"
        "&start=2013-10&end=2023-09&top=4&events=0"
    )
    seen = []
    for visit in range(2):  # two separate browser sessions, as when a link is shared
        context = browser.new_context(viewport={"width": 390, "height": 1600}, accept_downloads=True)
        page = context.new_page()
        open_page(page, link, charts=1, shot=f"explorer-shared-phone-{visit}")
        seen.append(chart_traces(page, 0))
        name, rows = download_csv(page, 0)
        context.close()
    assert seen[0] == seen[1]
    assert {t["name"] for t in seen[0]} == {r["sector"] for r in rows}
    assert sorted({r["period"] for r in rows}) == [str(y) for y in range(2014, 2024)]
    assert name == "encounters_usbp_sector_by_sector_2013-10_2023-09.csv"


def test_html_in_an_article_never_runs(browser, filled_cache, tmp_path):
    from tests.test_faults import hostile_articles

    folder = hostile_articles(tmp_path / "articles")
    with streamlit_server({"BORDER_ARTICLES_DIR": str(folder), "BORDER_CACHE_DIR": str(filled_cache)}) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 2400})
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        open_page(page, f"{url}/?article=hostile", charts=1, shot="hostile-article")
        page.wait_for_timeout(1000)
        assert dialogs == []
        assert page.locator("script:text('alert')").count() == 0
        assert page.locator("img[onerror], iframe[src*='evil']").count() == 0
        assert page.get_by_text("<script>alert(1)</script> Title").count() >= 1
        context.close()


def test_pasting_an_article_draws_claim_cards(server, page):
    page.goto(f"{server}/check_article")
    box = page.get_by_label("Article text")
    box.wait_for(timeout=90_000)
    box.fill(
        "Border agents encountered an estimated 10,000 migrants every day at the southern border in December 2023."
    )
    box.press("Control+Enter")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=90_000)
    page.get_by_text("1 checkable claim found").wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "check-article.png"))
    assert page.get_by_text("9,741 a day", exact=False).count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
