"""Benchmark: `.venv/bin/python -m tests.benchmarks.run [--runs N]` (not part of the test suite).

Prints a Markdown table of medians over N runs, each figure beside its reference and target:
server start to first chart in headless Chromium (ours, a bare one-chart page, and a naive build
of our landing page that re-reads the raw files on every rerun), warm second visits, an explorer
filter change (server rerun and browser), loading the tables warm and cold, server RSS with 1 and
20 sessions, 20 concurrent sessions, and `refresh` against a local mirror (cold, and unchanged).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

from data_sources.acquire.snapshots import SnapshotStore
from data_sources.tables import build as tables
from tests.benchmarks.mirror import Mirror
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.test_browser import free_port, streamlit_command

REPO = Path(__file__).resolve().parents[2]
APPS = {"ours": "dashboard/app.py", "bare": "tests/benchmarks/bare_app.py", "naive": "tests/benchmarks/naive_app.py"}
CHART = "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1"


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def spawn(app: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        streamlit_command(app, port),
        cwd=REPO,
        env=os.environ | (env or {}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if requests.get(f"{url}/_stcore/health", timeout=1).ok:
                return process, url, started
        except requests.ConnectionError:
            time.sleep(0.02)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_chart(browser, url: str) -> float:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(CHART, timeout=120_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def start_to_first_chart(browser, app: str, runs: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Cold: server process spawned → first chart on screen. Warm: a second visit to that server."""
    cold, warm = [], []
    for _ in range(runs):
        process, url, started = spawn(APPS[app])
        first_chart(browser, url)
        cold.append(time.perf_counter() - started)
        warm.append(median([first_chart(browser, url) for _ in range(3)]))
        process.terminate()
        process.wait()
    return cold, warm


def explorer_browser(browser, url: str, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/explorer")
    page.wait_for_function(CHART, timeout=120_000)
    times = []
    for number in range(runs * 2):
        label, title = ("Total", "Total") if number % 2 == 0 else ("Average per day", "Average per day")
        started = time.perf_counter()
        page.get_by_role("radiogroup", name="Unit").get_by_text(label, exact=True).click()
        page.wait_for_function(f"document.querySelector('.js-plotly-plot .ytitle')?.textContent === '{title}'")
        times.append(time.perf_counter() - started)
    context.close()
    return times


def explorer_server(runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(REPO / APPS["ours"]), default_timeout=120).run()
    app.switch_page("views/explorer.py").run()
    times = []
    for number in range(runs * 2):
        unit = "total" if number % 2 == 0 else "per_day"
        started = time.perf_counter()
        app.radio(key="explorer_unit").set_value(unit).run()
        times.append(time.perf_counter() - started)
    return times


def load_times(runs: int) -> tuple[list[float], list[float]]:
    store = tables.default_store()
    snapshots, _ = tables.usable_snapshots(store)
    tables.load(store)
    warm = [timed(lambda: tables.load(store)) for _ in range(runs)]
    cold = [timed(lambda: tables.build(store, snapshots)) for _ in range(runs)]
    return warm, cold


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


async def concurrent_sessions(url: str, sessions: int, pid: int) -> tuple[list[float], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        contexts = [await browser.new_context() for _ in range(sessions)]

        async def visit(context) -> float:  # type: ignore[no-untyped-def]
            page = await context.new_page()
            started = time.perf_counter()
            await page.goto(url, timeout=180_000)
            await page.wait_for_function(CHART, timeout=180_000)
            return time.perf_counter() - started

        times = await asyncio.gather(*(visit(c) for c in contexts))
        memory = rss_mb(pid)
        await browser.close()
    return list(times), memory


def refresh_times(runs: int) -> tuple[list[float], list[float]]:
    cold, unchanged = [], []
    with Mirror(tables.default_store()) as mirror:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as scratch:
                cache = Path(scratch) / "cache"
                cache.mkdir()  # the reference lists ship in the package; the cache starts empty
                env = os.environ | {"BORDER_DATA_MIRROR": mirror.url, "BORDER_CACHE_DIR": str(cache)}
                command = [sys.executable, "-m", "data_sources", "refresh"]

                def run(command: list[str] = command, env: dict[str, str] = env) -> None:
                    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)

                cold.append(timed(run))
                unchanged.append(timed(run))
                assert SnapshotStore(cache / "raw").current("cbp_sbo") is not None
    return cold, unchanged


def row(
    name: str,
    value: float,
    unit: str,
    reference: str = "",
    ratio: float | None = None,
    target: str = "",
    met: bool | None = None,
) -> str:
    shown = f"{value * 1000:.0f} ms" if unit == "s" and value < 1 else f"{value:.2f} {unit}"
    ratio_text = f"{ratio:.2f}×" if ratio is not None else ""
    verdict = "" if met is None else ("met" if met else "MISSED")
    return f"| {name} | {shown} | {reference} | {ratio_text} | {target} | {verdict} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    runs = parser.parse_args().runs
    sessions = parser.parse_args().sessions
    subprocess.run([sys.executable, "-m", "data_sources", "build"], cwd=REPO, check=True, capture_output=True)
    from playwright.sync_api import sync_playwright

    results: dict[str, tuple[list[float], list[float]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for app in ("bare", "ours", "naive"):
            results[app] = start_to_first_chart(browser, app, runs)
        process, url, _ = spawn(APPS["ours"])
        single = median([first_chart(browser, url) for _ in range(runs)])
        one_session_rss = rss_mb(process.pid)
        browser_change = explorer_browser(browser, url, runs)
        browser.close()
    times, many_rss = asyncio.run(concurrent_sessions(url, sessions, process.pid))
    process.terminate()
    process.wait()
    bare_process, bare_url, _ = spawn(APPS["bare"])
    bare_times, _ = asyncio.run(concurrent_sessions(bare_url, sessions, bare_process.pid))
    bare_process.terminate()
    bare_process.wait()
    server_change = explorer_server(runs)
    warm_load, cold_load = load_times(runs)
    cold_refresh, unchanged_refresh = refresh_times(max(3, runs // 2))

    bare_cold, bare_warm = (median(v) for v in results["bare"])
    ours_cold, ours_warm = (median(v) for v in results["ours"])
    naive_cold, naive_warm = (median(v) for v in results["naive"])
    lines = [
        f"Medians over {runs} runs; {os.cpu_count()} CPUs; Chromium {CHROMIUM}.",
        "",
        "| measure | median | reference | ratio | target | |",
        "|---|---|---|---|---|---|",
        row("bare page: start → first chart (cold)", bare_cold, "s", "floor of the stack"),
        row("bare page: second visit → first chart (warm)", bare_warm, "s", "floor of the stack"),
        row(
            "article page: start → first chart (cold)",
            ours_cold,
            "s",
            "bare cold",
            ours_cold / bare_cold,
            "≤ 1.25×",
            ours_cold / bare_cold <= 1.25,
        ),
        row(
            "article page: second visit (warm)",
            ours_warm,
            "s",
            "bare warm",
            ours_warm / bare_warm,
            "≤ 1.10×",
            ours_warm / bare_warm <= 1.10,
        ),
        row("naive article page: start → first chart (cold)", naive_cold, "s", "ours cold", naive_cold / ours_cold),
        row("naive article page: second visit (warm)", naive_warm, "s", "ours warm", naive_warm / ours_warm),
        row(
            "explorer filter change: server rerun",
            median(server_change),
            "s",
            "",
            None,
            "≤ 250 ms",
            median(server_change) <= 0.25,
        ),
        row("explorer filter change: browser, click → new chart", median(browser_change), "s"),
        row(
            "load all tables from cache/ (warm, Parquet)",
            median(warm_load),
            "s",
            "",
            None,
            "≤ 100 ms",
            median(warm_load) <= 0.1,
        ),
        row(
            "rebuild all tables from raw files (cold)",
            median(cold_load),
            "s",
            "warm load",
            median(cold_load) / median(warm_load),
        ),
        row("server RSS, 1 session", one_session_rss, "MB", "", None, "≤ 300 MB", one_session_rss <= 300),
        row(f"server RSS, {sessions} sessions", many_rss, "MB", "1 session", many_rss / one_session_rss),
        row(
            f"{sessions} concurrent sessions: median to first chart",
            median(times),
            "s",
            "1 session (warm)",
            median(times) / single,
        ),
        row(
            f"{sessions} concurrent sessions: p95 to first chart",
            p95(times),
            "s",
            "1 session (warm)",
            p95(times) / single,
            "≤ 2×",
            p95(times) / single <= 2,
        ),
        row(
            f"bare page, {sessions} concurrent sessions: p95 (browser contention floor)",
            p95(bare_times),
            "s",
            "1 bare session (warm)",
            p95(bare_times) / bare_warm,
        ),
        row(
            f"{sessions} concurrent sessions: p95, ours vs bare page",
            p95(times),
            "s",
            "bare p95",
            p95(times) / p95(bare_times),
        ),
        row("refresh via local mirror, cold (4 sources)", median(cold_refresh), "s"),
        row(
            "refresh via local mirror, nothing changed",
            median(unchanged_refresh),
            "s",
            "cold refresh",
            median(unchanged_refresh) / median(cold_refresh),
            "≤ 1 s",
            median(unchanged_refresh) <= 1,
        ),
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
