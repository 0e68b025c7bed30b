"""Where the article page's browser time goes: `.venv/bin/python -m tests.benchmarks.decompose [--runs N]`.

Second visits (server warm, new browser context) to first chart, for the bare one-chart page, the
article page, and bare pages that each add one thing the article page has: its first figure as
drawn, the six-page navigation with icons, a dozen text elements, the widgets of a card (a select
box, expanders, download buttons, a sidebar switch). All alternate run by run, so a noisy machine
slows them alike; each is printed as a ratio to the bare page.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from dashboard.card_views import read_index, read_view, views_key
from tests.benchmarks.run import APPS, REPO, first_chart, second_visits
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

CHART = """
import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])), theme=None)
"""
VARIANTS = {
    "+ the article's first figure": """
import plotly.io as pio
import streamlit as st
from pathlib import Path

figure = pio.from_json(Path(__file__).with_name("figure.json").read_text())
st.plotly_chart(figure, theme=None, width="stretch", config={"displayModeBar": False, "responsive": True})
""",
    "+ navigation of six pages with icons": """
import plotly.graph_objects as go
import streamlit as st

def home():
    st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])), theme=None)

def other():
    st.write("another page")

st.set_page_config(page_title="T", page_icon=":material/bar_chart:", layout="wide")
pages = [st.Page(home, title="Home", icon=":material/article:", default=True)]
pages += [st.Page(other, title=f"P{i}", icon=":material/fact_check:", url_path=f"p{i}") for i in range(5)]
st.navigation(pages).run()
""",
    "+ 12 text elements": CHART
    + """
for i in range(12):
    st.markdown(f"Some **text** {i} with a [link](https://example.org) and enough words to wrap.")
""",
    "+ a card's widgets": CHART
    + """
st.selectbox("Show", range(6))
for i in range(3):
    with st.expander(f"E{i}"):
        st.markdown("inside")
    st.download_button("Download", b"a,b\\n1,2\\n", file_name=f"f{i}.csv", icon=":material/download:")
st.sidebar.toggle("Show events", value=True)
""",
}


def first_figure() -> str:
    """The article page's first chart as saved by `dashboard.prebuilt` (light theme, events shown)."""
    key, _ = views_key()
    index = read_index(key)
    view = read_view(key, index.articles[0][0], False, True) if index and index.articles else None
    if view is None:
        raise SystemExit("no saved cards: run `python -m dashboard.prebuilt` first")
    return next(chart.figure for card in view.cards for chart in card.charts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=8)
    runs = parser.parse_args().runs
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        folder = Path(scratch)
        (folder / "figure.json").write_text(first_figure())
        apps = {"bare page": APPS["bare"], "article page": APPS["ours"]}
        for number, (name, code) in enumerate(VARIANTS.items()):
            (folder / f"variant_{number}.py").write_text(code)
            apps[name] = str(folder / f"variant_{number}.py")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        times = second_visits(browser, apps, runs, first_chart)
        browser.close()
    bare = statistics.median(times["bare page"])
    print(f"Second visit → first chart, medians of {runs} interleaved runs (repository {REPO.name}).\n")
    print("| page | median | ratio to the bare page |\n|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.2f} s | {statistics.median(values) / bare:.2f}× |")


if __name__ == "__main__":
    main()
