"""End to end in headless Chromium (Debian's /usr/bin/chromium via Playwright): the real server,
every page, charts drawn, a chart's CSV downloaded and compared with the chart's own data, and a
shared explorer link reproducing its view. Screenshots go to test-artifacts/.

What a reader sees is checked on every page at a phone's width (390 px) and a desktop's (1400 px), in
the light and the dark theme: no error box, chart titles inside their charts (not wider, not cut
off), no toolbar over a title, axis labels and legends inside the chart and off the axis titles,
charts in the page's theme, and no serious or critical accessibility violation found by axe-core
(`axe-playwright-python` bundles it). One server serves the whole module."""

from __future__ import annotations

import csv
import io
import json
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
    open_page(page, server, charts=1, shot="article")
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
        open_page(page, f"{url}/?article=hostile&claim=all", charts=1, shot="hostile-article")
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


# What a reader sees, on every page, at a phone's and a desktop's width, in both themes.

READER_PAGES = {  # minimum charts each page draws
    "?claim=all": 8, "": 1, "check_article": 0, "explorer": 1, "ports": 1, "data_downloads": 0, "methods": 0,
    # views whose charts differ in kind: year categories with partial years, one period as bars, a port
    # with rail crossings (Eagle Pass) and one with a pedestrian crossing (San Ysidro)
    "explorer?granularity=fiscal_year": 1, "explorer?view=aor&by=area_of_responsibility": 1,
    "ports?port=2303": 1, "ports?port=2504": 1,
}  # fmt: skip
WIDTHS = (390, 1400)
SCHEMES = ("light", "dark")
PAGE_BACKGROUND = {"light": "#ffffff", "dark": "#171614"}  # Streamlit's, and the charts' (charts/style.py)
# Streamlit's own elements that axe flags and this project cannot restyle: the slider's value labels
# use the dark theme's accent colour, which must also carry white text on buttons and tags (no colour
# passes 4.5:1 both ways).
AXE_EXCLUDE = ['[data-testid="stSliderThumbValue"]']
AXE_FAILS = ("serious", "critical")

MEASURE_CHARTS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => {
    const rect = e => { if (!e) return null; const r = e.getBoundingClientRect();
        return r.width || r.height ? {left: r.left, right: r.right, top: r.top, bottom: r.bottom} : null; };
    const all = selector => Array.from(plot.querySelectorAll(selector)).map(rect).filter(Boolean);
    const toolbar = plot.querySelector('.modebar');
    return {
        chart: rect(plot.querySelector('.main-svg')),
        title: rect(plot.querySelector('.g-gtitle .gtitle')),
        text: (plot.querySelector('.g-gtitle .gtitle') || {}).textContent || '',
        toolbar: toolbar && getComputedStyle(toolbar).display !== 'none' ? rect(toolbar) : null,
        ticks: all('.xtick text, .ytick text'),
        axis_titles: all('.g-xtitle text, .g-ytitle text'),
        x_title: rect(plot.querySelector('.g-xtitle text')),
        legend: rect(plot.querySelector('.legend .bg')),
        labels: Array.from(plot.querySelectorAll('.bartext, .textpoint text, .annotation-text'))
            .map(e => ({box: rect(e), text: e.textContent})).filter(l => l.box && l.text.trim()),
        background: plot._fullLayout.paper_bgcolor,
    };
})"""


def overlap(a: dict[str, float] | None, b: dict[str, float] | None) -> bool:
    if a is None or b is None:
        return False
    return (
        a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    )


def inside(box: dict[str, float], chart: dict[str, float]) -> bool:
    return box["left"] >= chart["left"] - 1 and box["right"] <= chart["right"] + 1 and box["top"] >= chart["top"] - 1


def settled(page, url: str, charts: int) -> None:
    """Open a page and wait until its script has run and its charts are drawn."""
    page.goto(url)
    page.wait_for_selector('[data-test-script-state="notRunning"] h1', timeout=90_000)
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=90_000)
    page.wait_for_timeout(800)  # Plotly's automargin redraw


def chart_problems(page, scheme: str) -> list[str]:
    """Everything wrong with how the page's charts are laid out, in words."""
    problems = []
    for number, chart in enumerate(page.evaluate(MEASURE_CHARTS)):
        name = f"chart {number} ({chart['text'][:40]!r})"
        box = chart["chart"]
        if chart["title"] is None or not inside(chart["title"], box):
            problems.append(f"{name}: title wider than its chart or cut off: {chart['title']} vs {box}")
        if overlap(chart["toolbar"], chart["title"]):
            problems.append(f"{name}: the chart toolbar covers the title")
        problems += [f"{name}: a tick label is cut off: {t}" for t in chart["ticks"] if not inside(t, box)][:1]
        problems += [f"{name}: an axis title is cut off: {t}" for t in chart["axis_titles"] if not inside(t, box)]
        if overlap(chart["legend"], chart["x_title"]):
            problems.append(f"{name}: the legend sits on the x-axis title")
        problems += label_problems(name, chart["labels"], box)
        if str(chart["background"]).lower() != PAGE_BACKGROUND[scheme]:
            problems.append(f"{name}: background {chart['background']} on a {scheme} page")
    return problems


def label_problems(name: str, labels: list[dict], box: dict[str, float]) -> list[str]:
    """Text printed on a chart (bar values, point labels, event badges): whole inside the chart, and
    never on top of another label."""
    problems = [
        f"{name}: label {label['text']!r} is cut off: {label['box']}"
        for label in labels
        if not (inside(label["box"], box) and label["box"]["bottom"] <= box["bottom"] + 1)
    ]
    for number, first in enumerate(labels):
        problems += [
            f"{name}: labels {first['text']!r} and {second['text']!r} overlap"
            for second in labels[number + 1 :]
            if overlap(first["box"], second["box"])
        ]
    return problems


def toolbar_over_title(page) -> list[str]:
    """Streamlit's own element toolbar (shown on hover or tap) must not cover a chart's title either."""
    found = []
    for number, plot in enumerate(page.locator(".js-plotly-plot").all()):
        plot.evaluate("e => window.scrollBy(0, e.getBoundingClientRect().top - 120)")  # clear of the page header
        plot.hover(position={"x": 20, "y": 20})
        title = plot.locator(".g-gtitle .gtitle").bounding_box()
        for toolbar in page.locator('[data-testid="stElementToolbar"]').all():
            bar = toolbar.bounding_box() if toolbar.is_visible() else None
            if title and bar:
                a = {
                    "left": title["x"],
                    "right": title["x"] + title["width"],
                    "top": title["y"],
                    "bottom": title["y"] + title["height"],
                }
                b = {
                    "left": bar["x"],
                    "right": bar["x"] + bar["width"],
                    "top": bar["y"],
                    "bottom": bar["y"] + bar["height"],
                }
                if overlap(a, b):
                    found.append(f"chart {number}: Streamlit's toolbar covers the title")
    return found


def accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical findings (its script comes with axe-playwright-python)."""
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    context = {"exclude": [[selector] for selector in AXE_EXCLUDE]}
    results = page.evaluate("([c, o]) => axe.run(c, o)", [context, {"resultTypes": ["violations"]}])
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})"
        for v in results["violations"]
        if v["impact"] in AXE_FAILS
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", list(READER_PAGES))
def test_every_page_reads_right_at_every_width_and_theme(server, browser, path, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 1000}, color_scheme=scheme)
    page = context.new_page()
    try:
        settled(page, f"{server}/{path}", READER_PAGES[path])
        shot = f"read-{path or 'article'}-{width}-{scheme}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0
        assert chart_problems(page, scheme) == []
        assert accessibility_problems(page) == []  # before hovering: a hover label changes what axe sees
        assert toolbar_over_title(page) == []
    finally:
        context.close()


def test_a_phone_reader_steps_through_the_claims(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    settled(page, server, 1)
    assert page.locator("h2").first.inner_text().startswith("Claim 1 of 5")
    assert page.get_by_text("The claims checked here").count() == 1
    page.get_by_text("3. “").click()  # a line of the list of claims opens its card
    page.wait_for_function("[...document.querySelectorAll('h2')].some(h => h.innerText.startsWith('Claim 3 of 5'))")
    page.wait_for_function("location.search.includes('claim=3')")
    page.get_by_text("1. “").click()
    page.wait_for_function("[...document.querySelectorAll('h2')].some(h => h.innerText.startsWith('Claim 1 of 5'))")
    page.get_by_role("button", name="Next claim →").click()
    page.wait_for_function("[...document.querySelectorAll('h2')].some(h => h.innerText.startsWith('Claim 2 of 5'))")
    page.wait_for_function("location.search.includes('claim=2')")
    page.get_by_role("button", name="← Previous claim").click()
    page.wait_for_function("[...document.querySelectorAll('h2')].some(h => h.innerText.startsWith('Claim 1 of 5'))")
    context.close()


def test_one_download_holds_every_table_with_its_column_dictionary(server, browser):
    import zipfile

    context = browser.new_context(viewport={"width": 390, "height": 1600}, accept_downloads=True)
    page = context.new_page()
    settled(page, f"{server}/data_downloads", 0)
    with page.expect_download() as info:
        page.get_by_role("button", name="All tables (zip of CSV files)").click()
    with zipfile.ZipFile(info.value.path()) as archive:
        names = {Path(name).name for name in archive.namelist()}
        folder = Path(archive.namelist()[0]).parent
        columns = list(csv.DictReader(io.StringIO(archive.read(f"{folder}/columns.csv").decode())))
        provenance = json.loads(archive.read(f"{folder}/provenance.json"))
    assert info.value.suggested_filename == "border-numbers-tables.zip"
    assert {"southwest_monthly.csv", "port_crossings_monthly.csv", "events.csv", "columns.csv"} <= names
    assert all(row["meaning"] for row in columns)
    assert provenance["sources"]["cbp_sbo"]["snapshot"]["vintage"] == "2025-09"
    context.close()


def test_the_layout_checks_catch_what_readers_tripped_on(browser):
    """The checks above are not vacuous: a chart as phones used to get it (long title, toolbar shown,
    unwrapped bar labels, legend on the axis title) fails each of them."""
    import plotly.graph_objects as go
    import plotly.io as pio

    plotly_js = Path(pio.__file__).parent.parent / "package_data" / "plotly.min.js"
    label = "Average day, all Southwest encounters, December 2023"
    fig = go.Figure([go.Bar(x=[5, 9], y=[label, "B"], orientation="h", name=name) for name in ("one", "two")])
    fig.update_layout(
        title={"text": "Southwest border encounters per day, Oct 2022–Jun 2024", "y": 0.99, "yanchor": "top"},
        xaxis_title="People (caravan as claimed) or encounters (one average day of December 2023)",
        legend={"orientation": "h", "y": -0.1},
        margin={"l": 10, "r": 10, "t": 50},
        width=330,
        height=400,
    )
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.set_content(f"<div id='chart'></div><script>{plotly_js.read_text()}</script>")
    page.evaluate("f => Plotly.newPlot('chart', f.data, f.layout, {displayModeBar: true})", json.loads(fig.to_json()))
    page.wait_for_timeout(2500)  # Plotly's automargin redraw (slow when both cores are busy)
    problems = " ".join(chart_problems(page, "dark"))
    for expected in ("title wider", "toolbar covers", "tick label is cut off", "axis title is cut off", "legend sits"):
        assert expected in problems
    assert "background" in problems  # a white chart on a dark page
    context.close()


HOVER_BOX = """plot => { const label = plot.querySelector('.hoverlayer .hovertext');
    if (!label) return null; const r = label.getBoundingClientRect(), c = plot.getBoundingClientRect();
    return {label: [r.left, r.right, r.top, r.bottom], chart: [c.left, c.right, c.top, c.bottom]}; }"""


@pytest.mark.parametrize("path", ["explorer", "?claim=1"])
def test_event_hovers_stay_inside_the_chart_on_a_phone(server, browser, path):
    """Tapping an event's badge on a 390-px phone shows its date and story wrapped inside the chart."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        settled(page, f"{server}/{path}", 1)
        plot = page.locator(".js-plotly-plot").first
        plot.evaluate("e => window.scrollBy(0, e.getBoundingClientRect().top - 120)")
        badges = plot.locator(".annotation[data-index]").all()
        hovered = 0
        for badge in badges[:6]:
            badge.hover(force=True)
            page.wait_for_timeout(150)
            box = plot.evaluate(HOVER_BOX)
            if box is None:
                continue
            hovered += 1
            (left, right, top, bottom), (c_left, c_right, c_top, c_bottom) = box["label"], box["chart"]
            assert c_left - 1 <= left and right <= c_right + 1, f"hover label {box['label']} outside {box['chart']}"
            assert c_top - 1 <= top and bottom <= c_bottom + 1
        assert hovered >= 1, "no event badge showed its story"
    finally:
        context.close()
