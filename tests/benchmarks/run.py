"""Benchmark: `.venv/bin/python -m tests.benchmarks.run [--runs N]` (not part of the test suite).

Prints a Markdown table of medians over N runs, each figure beside its reference and target, and
exits 1 when a target is missed: server start to first chart in headless Chromium (ours against a
bare one-chart Streamlit+Plotly page, alternating run by run), warm second visits, an explorer
filter change (server rerun and browser), loading the tables warm and cold, server RSS with 1 and
20 sessions, 20 concurrent sessions (ours and bare alternating), and `refresh` against a local
mirror (cold, and unchanged).
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import requests

from data_sources.tables import build as tables
from data_sources.tables.explore import MAX_TOP
from tests.benchmarks.mirror import Mirror
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.test_browser import free_port, streamlit_command

REPO = Path(__file__).resolve().parents[2]
APPS = {"ours": "dashboard/app.py", "bare": "tests/benchmarks/bare_app.py"}
T = TypeVar("T")
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


def second_visits(browser, apps: dict[str, str], runs: int, visit: Callable[..., T]) -> dict[str, list[T]]:  # type: ignore[no-untyped-def]
    """`visit(browser, url)` to each app's server, warm (its own first run is not measured), `runs`
    times, the apps alternating visit by visit and their order run by run, so a noisy machine slows
    all alike."""
    servers = {name: spawn(app) for name, app in apps.items()}
    for _, url, _ in servers.values():
        first_chart(browser, url)
    results: dict[str, list[T]] = {name: [] for name in apps}
    for number in range(runs):
        for name in list(apps) if number % 2 == 0 else list(reversed(apps)):
            results[name].append(visit(browser, servers[name][1]))
    for process, _, _ in servers.values():
        process.terminate()
    return results


def start_to_first_chart(browser, runs: int) -> dict[str, tuple[list[float], list[float]]]:  # type: ignore[no-untyped-def]
    """Cold: server process spawned → first chart on screen. Warm: a second visit to that server.

    The bare page and ours alternate run by run (and which goes first alternates too), so a noisy
    neighbour slows both alike and the ratio stays meaningful.
    """
    results: dict[str, tuple[list[float], list[float]]] = {app: ([], []) for app in ("bare", "ours")}
    for number in range(runs):
        order = ("bare", "ours") if number % 2 == 0 else ("ours", "bare")
        for app in order:
            process, url, started = spawn(APPS[app])
            first_chart(browser, url)
            results[app][0].append(time.perf_counter() - started)
            results[app][1].append(median([first_chart(browser, url) for _ in range(3)]))
            process.terminate()
            process.wait()
    return results


def explorer_browser(browser, url: str, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/explorer")
    page.wait_for_function(CHART, timeout=120_000)
    times = []
    title = "document.querySelector('.js-plotly-plot .ytitle')?.textContent"
    for number in range(runs * 2):
        label = "Total" if number % 2 == 0 else "Average per day"
        before = page.evaluate(f"() => {title}")
        started = time.perf_counter()
        page.get_by_role("radiogroup", name="Unit").get_by_text(label, exact=True).click()
        page.wait_for_function(f"(before) => {title} !== before", arg=before)
        times.append(time.perf_counter() - started)
    context.close()
    return times


def explorer_server(runs: int) -> tuple[list[float], list[float]]:
    """Server reruns after a filter change: back and forth between two units (views seen before, whose
    charts are cached), and to views never drawn before in this process (a new number of series each
    time: the whole aggregation and figure)."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(REPO / APPS["ours"]), default_timeout=120).run()
    app.switch_page("views/explorer.py").run()
    seen, new = [], []
    for number in range(runs * 2):
        unit = "total" if number % 2 == 0 else "per_day"
        seen.append(timed(lambda unit=unit: app.radio(key="explorer_unit").set_value(unit).run()))  # type: ignore[misc]
    for top in range(1, min(runs * 2, MAX_TOP) + 1):
        new.append(timed(lambda top=top: app.number_input(key="explorer_top").set_value(top).run()))  # type: ignore[misc]
    return seen[2:] or seen, new


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
                    subprocess.run(command, cwd=REPO, env=env, check=False, capture_output=True)  # timed either way

                cold.append(timed(run))
                unchanged.append(timed(run))
    return cold, unchanged


@dataclass
class Table:
    """The printed table, and whether every target was met."""

    lines: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(
        self,
        name: str,
        value: float,
        unit: str,
        reference: str = "",
        ratio: float | None = None,
        target: float | None = None,
        limit: float | None = None,
    ) -> None:
        """One row; `target` bounds the ratio, `limit` bounds the value itself (either is a target)."""
        shown = f"{value * 1000:.0f} ms" if unit == "s" and value < 1 else f"{value:.2f} {unit}"
        ratio_text = f"{ratio:.2f}×" if ratio is not None else ""
        target_text, met = "", None
        if target is not None and ratio is not None:
            target_text, met = f"≤ {target:.2f}×", ratio <= target
        elif limit is not None:
            limit_text = f"{limit * 1000:.0f} ms" if unit == "s" and limit < 1 else f"{limit:g} {unit}"
            target_text, met = f"≤ {limit_text}", value <= limit
        if met is False:
            self.missed.append(name)
        verdict = "" if met is None else ("met" if met else "MISSED")
        self.lines.append(f"| {name} | {shown} | {reference} | {ratio_text} | {target_text} | {verdict} |")


def concurrency_rounds(sessions: int, rounds: int) -> dict[str, tuple[list[float], list[float]]]:
    """`sessions` browser tabs at once against a fresh server, bare and ours alternating per round:
    every tab's time to first chart, and the server's RSS after the round (one list per app)."""
    out: dict[str, tuple[list[float], list[float]]] = {"bare": ([], []), "ours": ([], [])}
    for number in range(rounds):
        for app in ("bare", "ours") if number % 2 == 0 else ("ours", "bare"):
            process, url, _ = spawn(APPS[app])
            requests.get(url, timeout=30)
            times, memory = asyncio.run(concurrent_sessions(url, sessions, process.pid))
            out[app][0].extend(times)
            out[app][1].append(memory)
            process.terminate()
            process.wait()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="concurrency rounds per app")
    arguments = parser.parse_args()
    runs, sessions = arguments.runs, arguments.sessions
    for step in (["data_sources", "build"], ["dashboard.prebuilt"]):  # tables and claim cards, as scripts/run.sh
        subprocess.run([sys.executable, "-m", *step], cwd=REPO, check=True, capture_output=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        results = start_to_first_chart(browser, runs)
        process, url, _ = spawn(APPS["ours"])
        first_chart(browser, url)
        one_session_rss = rss_mb(process.pid)
        browser_change = explorer_browser(browser, url, runs)
        browser.close()
    process.terminate()
    process.wait()
    crowd = concurrency_rounds(sessions, arguments.rounds)
    server_change, server_new = explorer_server(runs)
    warm_load, cold_load = load_times(runs)
    cold_refresh, unchanged_refresh = refresh_times(max(3, runs // 2))

    bare_cold, bare_warm = (median(v) for v in results["bare"])
    ours_cold, ours_warm = (median(v) for v in results["ours"])
    ours_times, bare_times = crowd["ours"][0], crowd["bare"][0]
    many_rss = max(crowd["ours"][1])
    table = Table()
    table.add("bare page: start → first chart (cold)", bare_cold, "s", "floor of the stack")
    table.add("bare page: second visit → first chart (warm)", bare_warm, "s", "floor of the stack")
    table.add("article page: start → first chart (cold)", ours_cold, "s", "bare cold", ours_cold / bare_cold, 1.10)
    table.add("article page: second visit (warm)", ours_warm, "s", "bare warm", ours_warm / bare_warm, 1.05)
    table.add("explorer filter change: server rerun (a view seen before)", median(server_change), "s", limit=0.100)
    table.add("explorer filter change: server rerun (a new view)", median(server_new), "s", limit=0.100)
    table.add("explorer filter change: browser, click → new chart", median(browser_change), "s")
    table.add("load all tables from cache/ (warm, Parquet)", median(warm_load), "s", limit=0.100)
    table.add(
        "rebuild all tables from raw files (cold)",
        median(cold_load),
        "s",
        "warm load",
        median(cold_load) / median(warm_load),
    )
    table.add("server RSS, 1 session (article page)", one_session_rss, "MB", limit=150)
    table.add(f"server RSS, {sessions} sessions", many_rss, "MB", "1 session", many_rss / one_session_rss, 1.3)
    table.add(f"bare page, {sessions} concurrent sessions: p95 to first chart", p95(bare_times), "s", "floor")
    table.add(
        f"{sessions} concurrent sessions: median to first chart",
        median(ours_times),
        "s",
        "bare median",
        median(ours_times) / median(bare_times),
    )
    table.add(
        f"{sessions} concurrent sessions: p95 to first chart",
        p95(ours_times),
        "s",
        "bare p95",
        p95(ours_times) / p95(bare_times),
        1.2,
    )
    table.add("refresh via local mirror, cold (every source)", median(cold_refresh), "s")
    table.add(  # no target: a daily job, and 1.5 s of its time is importing the parsers (see RESULTS.md)
        "refresh via local mirror, nothing changed",
        median(unchanged_refresh),
        "s",
        "cold refresh",
        median(unchanged_refresh) / median(cold_refresh),
    )
    crowds = f"{arguments.rounds} rounds of {sessions} sessions"
    print(f"Medians over {runs} interleaved runs ({crowds}); {os.cpu_count()} CPUs; Chromium {CHROMIUM}.")
    print("\n| measure | median | reference | ratio | target | |\n|---|---|---|---|---|---|")
    print("\n".join(table.lines))
    if table.missed:
        print(f"\nMISSED: {'; '.join(table.missed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
