"""Where the article page's time goes: `.venv/bin/python -m tests.benchmarks.profile_article`.

Not part of the test suite. Prints, in milliseconds and MB of server RSS:

1. the server side of a cold visit, step by step, in a fresh interpreter each, for the two paths
   the page can take: building the cards (imports, fingerprint, table load, each claim's evaluation,
   figure building and serialisation; what every first visit did before the cards were saved) and
   reading the saved cards (imports, fingerprint, file read, figures from JSON, serialisation);
2. the browser side: the bytes of each figure's JSON as sent, and the time from navigation to each
   chart's first paint, for the default page (one card) and `?claim=all` (every card).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

STEPS = r"""
import json, sys, time
marks = []
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
def mark(name, since):
    now = time.perf_counter(); marks.append((name, (now - since) * 1000, rss())); return now
t = time.perf_counter()
import streamlit, plotly.io as pio
t = mark("import streamlit + plotly", t)
if MODE == "build":
    import pandas
    t = mark("import pandas (+pyarrow)", t)
    from data_sources.tables import build
    from data_sources.claims.evaluate import evaluate
    from data_sources.claims.articles import load_articles
    from dashboard import charts
    from dashboard.charts.reader_view import sanitised, themed
    t = mark("import data_sources + charts (pandera, parsers)", t)
    key, _ = build.current_state(build.default_store())
    t = mark("fingerprint of snapshots and code", t)
    data = build.load()
    t = mark("load tables (Parquet)", t)
    (article,), _ = load_articles()
    for claim in article.claims:
        context = evaluate(claim, data.tables)
        t = mark(f"evaluate {claim.id}", t)
        for spec in context.charts:
            fig = themed(sanitised(charts.build(spec, data.tables["events"])), False)
            t = mark(f"  build figure {spec.kind}", t)
            fig.to_json()
            t = mark(f"  serialise {spec.kind}", t)
else:
    from dashboard.card_views import views_key, read_index, read_view
    t = mark("import card views (no pandas)", t)
    key, _ = views_key()
    t = mark("fingerprint of snapshots, code and articles", t)
    view = read_view(key, read_index(key).articles[0][0], False, True)
    t = mark("read the saved cards", t)
    for card in view.cards:
        for chart in card.charts:
            fig = pio.from_json(chart.figure, skip_invalid=True)
            t = mark(f"  figure from JSON ({card.claim_id})", t)
            pio.to_json(fig, validate=False)
            t = mark(f"  serialise ({card.claim_id})", t)
print(json.dumps({"marks": marks, "pandas": "pandas" in sys.modules}))
"""

FIRST_PAINTS = """() => new Promise(resolve => {
  const seen = new Map();
  const start = performance.timeOrigin;
  const check = () => document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    if (!seen.has(i) && plot.querySelector('.main-svg')) seen.set(i, performance.now());
  });
  new MutationObserver(check).observe(document.body, {subtree: true, childList: true});
  check();
  setTimeout(() => resolve([...seen.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1])), 8000);
})"""


def server_steps(mode: str, runs: int) -> list[tuple[str, float, float]]:
    """Median per step over `runs` fresh interpreters (`mode`: 'build' or 'saved')."""
    collected: list[list[tuple[str, float, float]]] = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", f"MODE = {mode!r}\n{STEPS}"], cwd=REPO, capture_output=True, text=True, check=True
        )
        collected.append([tuple(m) for m in json.loads(result.stdout.splitlines()[-1])["marks"]])  # type: ignore[misc]
    return [
        (steps[0][0], statistics.median(s[1] for s in steps), statistics.median(s[2] for s in steps))
        for steps in zip(*collected, strict=True)
    ]


def browser_side(runs: int) -> dict[str, list[list[float]]]:
    from playwright.sync_api import sync_playwright

    from tests.benchmarks.run import spawn
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    process, url, _ = spawn("dashboard/app.py")
    out: dict[str, list[list[float]]] = {"default page": [], "?claim=all": []}
    sizes: list[int] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            for name, path in (("default page", "/"), ("?claim=all", "/?claim=all")):
                page = browser.new_page()
                page.goto(url + path, wait_until="commit")
                out[name].append(page.evaluate(FIRST_PAINTS))
                if name == "?claim=all" and not sizes:
                    sizes = page.evaluate(
                        "() => [...document.querySelectorAll('.js-plotly-plot')].map(p => "
                        "JSON.stringify({data: p.data, layout: p.layout}).length)"
                    )
                page.close()
        browser.close()
    process.terminate()
    process.wait()
    out["figure JSON bytes"] = [[float(s) for s in sizes]]
    return out


def main() -> None:
    runs = int(os.environ.get("RUNS", "3"))
    subprocess.run([sys.executable, "-m", "dashboard.prebuilt"], cwd=REPO, check=True, capture_output=True)
    for mode, title in (("build", "building the cards (first visit before)"), ("saved", "saved cards (now)")):
        print(f"\n### Server, cold, {title}: median of {runs} fresh interpreters\n")
        print("| step | ms | RSS after (MB) |\n|---|---|---|")
        steps = server_steps(mode, runs)
        for name, ms, mb in steps:
            print(f"| {name} | {ms:.1f} | {mb:.0f} |")
        print(f"| **total** | **{sum(ms for _, ms, _ in steps):.0f}** | |")
    browser = browser_side(runs)
    print("\n### Browser: time from navigation to each chart's first paint (ms, median)\n")
    for name in ("default page", "?claim=all"):
        per_chart = [statistics.median(values) for values in zip(*browser[name], strict=False)]
        print(f"- {name}: " + ", ".join(f"{ms:.0f}" for ms in per_chart))
    print("- figure JSON as drawn (bytes): " + ", ".join(f"{b:,.0f}" for b in browser["figure JSON bytes"][0]))


if __name__ == "__main__":
    time.sleep(0)
    main()
