"""The browser's main thread on a second visit: `.venv/bin/python -m tests.benchmarks.main_thread [--runs N] [APP ...]`.

Wall time to the first chart varies by ±10 % between runs on a shared 2-core machine; the work the
browser's main thread does to get there varies less. Each visit (a new browser context, servers
warm) is traced (`devtools.timeline`) and summed: every task on the page's main thread from
navigation to the first chart, and within them React's rendering (calls into `react-dom`). The bare
one-chart page, the article page and any other app scripts given (for instance a copy of the page
with one part taken away) alternate visit by visit; medians, with ratios to the bare page.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import time
from typing import Any

from tests.benchmarks.run import APPS, CHART, REPO, second_visits
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

TRACED = ["devtools.timeline", "disabled-by-default-devtools.timeline"]


def main_thread(events: list[dict[str, Any]]) -> tuple[int, int]:
    """The page's main thread (the renderer thread with the most events) as (process, thread) ids."""
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    counts = collections.Counter(
        (e["pid"], e["tid"]) for e in events if names.get((e["pid"], e["tid"])) == "CrRendererMain"
    )
    return counts.most_common(1)[0][0]


def busy_seconds(events: list[dict[str, Any]]) -> tuple[float, float]:
    """Seconds the main thread spent in tasks, and in React's rendering within them."""
    main = main_thread(events)
    on_main = [e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X"]
    tasks = sum(e.get("dur", 0) for e in on_main if e.get("name") == "RunTask")
    react = sum(
        e.get("dur", 0)
        for e in on_main
        if e.get("name") == "FunctionCall" and "react-dom" in str((e.get("args", {}).get("data") or {}).get("url", ""))
    )
    return tasks / 1e6, react / 1e6


def traced_visit(browser: Any, url: str) -> tuple[float, float, float]:
    """One second visit: wall seconds to the first chart, main-thread busy seconds, React seconds."""
    context = browser.new_context()
    page = context.new_page()
    browser.start_tracing(page=page, categories=TRACED)
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(CHART, timeout=120_000)
    wall = time.perf_counter() - started
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    return (wall, *busy_seconds(events))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("apps", nargs="*", help="more app scripts to compare (paths)")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    apps = {"bare page": str(REPO / APPS["bare"]), "article page": str(REPO / APPS["ours"])}
    apps |= {path: path for path in arguments.apps}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        results = second_visits(browser, apps, arguments.runs, traced_visit)
        browser.close()
    bare = [statistics.median(column) for column in zip(*results["bare page"], strict=True)]
    print(f"Second visits, medians of {arguments.runs} interleaved runs.\n")
    print("| page | to first chart | main thread busy | React rendering |\n|---|---|---|---|")
    for name, visits in results.items():
        wall, busy, react = (statistics.median(column) for column in zip(*visits, strict=True))
        print(
            f"| {name} | {wall:.2f} s ({wall / bare[0]:.2f}×) | {busy:.2f} s ({busy / bare[1]:.2f}×) | {react:.2f} s |"
        )


if __name__ == "__main__":
    main()
