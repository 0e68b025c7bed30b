"""The shared chart template: titles, labels and legends that fit a 390-px phone, charts that follow
the reader's theme with the same series colours, and no toolbar. What the browser shows is checked in
`test_browser.py`; here, the figures themselves (inline frames, and the article's real charts)."""

from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.charts import build
from dashboard.charts.common import lines
from dashboard.charts.reader_view import plain, sanitised, themed
from dashboard.charts.style import (
    BLACK,
    CITIZENSHIPS,
    DARK,
    LABEL_CHARS,
    LIGHT,
    PALETTE,
    SUBTITLE_CHARS,
    TITLE_CHARS,
    layout,
    series_style,
    split_title,
    wrapped,
)
from data_sources.claims.articles import DEFAULT_ARTICLES_DIR, load_articles
from data_sources.claims.evaluate import evaluate
from data_sources.tables.build import load
from tests.test_app import drawn, run_page

TAGS = re.compile(r"<[^>]+>")


def title_lines(fig: go.Figure) -> tuple[list[str], list[str]]:
    """The title's own lines and its subtitle's (smaller) lines, as plain text."""
    head, small = [], []
    for line in str(fig.layout.title.text).split("<br>"):
        (small if "font-size" in line else head).append(TAGS.sub("", line))
    return head, small


@pytest.fixture(scope="module")
def article_figures(filled_cache) -> list[go.Figure]:
    from data_sources.acquire.snapshots import SnapshotStore

    tables = load(SnapshotStore(filled_cache / "raw")).tables
    (article,), _ = load_articles(DEFAULT_ARTICLES_DIR)
    return [build(spec, tables["events"]) for claim in article.claims for spec in evaluate(claim, tables).charts]


@pytest.mark.parametrize(
    ("title", "head", "tail"),
    [
        ("Southwest border encounters per day, Oct 2022–Jun 2024",
         "Southwest border encounters per day", "Oct 2022–Jun 2024"),
        ("Port and railway closures", "Port and railway closures", ""),
        ("A 6,000-person caravan vs one average day of encounters, December 2023",
         "A 6,000-person caravan vs one average day of encounters", "December 2023"),
        ("Title<br><sup>Oct 2023</sup>", "Title<br><sup>Oct 2023</sup>", ""),  # a builder's own lines stay
    ],
)  # fmt: skip
def test_a_long_title_becomes_a_title_and_a_subtitle(title, head, tail):
    assert split_title(title) == (head, tail)


def test_wrapping_keeps_whole_words_within_the_width():
    text = "Border Patrol encounters per day in the sectors around the closed ports"
    parts = wrapped(text, TITLE_CHARS).split("<br>")
    assert len(parts) == 2 and all(len(part) <= TITLE_CHARS for part in parts)
    assert " ".join(parts) == text
    assert wrapped("already<br>broken on purpose, and long enough to wrap otherwise", 10).count("<br>") == 1


def test_every_article_chart_fits_a_phone(article_figures):
    assert len(article_figures) >= 5  # at least one chart per card of the seed article
    for fig in article_figures:
        head, small = title_lines(fig)
        assert head and all(len(line) <= TITLE_CHARS for line in head), head
        assert all(len(line) <= SUBTITLE_CHARS for line in small), small
        assert fig.layout.title.automargin and fig.layout.legend.yref == "container"
        for trace in fig.data:
            if trace.type == "bar" and trace.orientation == "h":
                assert all(len(part) <= LABEL_CHARS + 4 for label in trace.y for part in str(label).split("<br>"))


def test_bar_charts_grow_with_their_rows(article_figures):
    timeline = next(f for f in article_figures if str(f.layout.title.text).startswith("Port and railway closures"))
    rows = len({label for trace in timeline.data for label in trace.y})
    assert timeline.layout.height >= 200 + 34 * rows  # not squeezed on a phone


def test_dark_theme_changes_only_background_grid_and_text():
    months = pd.to_datetime(["2023-11-01", "2023-12-01"] * 2)
    frame = pd.DataFrame({"month": months, "value": [1, 2, 3, 4], "sector": ["Tucson"] * 2 + ["San Diego"] * 2})
    fig = lines(frame, "month", "value", "sector", "Encounters per day by sector, Nov–Dec 2023", "Per day")
    light, dark = themed(fig, dark=False), themed(fig, dark=True)
    assert (light.layout.paper_bgcolor, dark.layout.paper_bgcolor) == (LIGHT.background, DARK.background)
    assert (light.layout.font.color, dark.layout.font.color) == (LIGHT.text, DARK.text)
    assert dark.layout.xaxis.gridcolor == DARK.grid
    colours = {trace.name: trace.line.color for trace in dark.data}
    assert colours["Tucson"] == series_style("Tucson").colour == light.data[0].line.color
    assert (
        series_style("San Diego").colour == BLACK and colours["San Diego"] == DARK.foreground
    )  # black: the foreground
    assert fig.data[1].line.color == BLACK and fig.layout.paper_bgcolor == LIGHT.background  # the cached figure stays


def test_our_line_breaks_survive_escaping_and_data_html_does_not():
    fig = go.Figure(go.Bar(x=[1, 2], y=["Eagle Pass: Rail<br>Containers Empty", "<b>x</b>"], orientation="h"))
    layout(fig, "Inbound crossings at the closed crossings' ports, December 2023 vs a year earlier", "")
    shown = sanitised(fig)
    assert list(shown.data[0].y) == ["Eagle Pass: Rail<br>Containers Empty", "&lt;b&gt;x&lt;/b&gt;"]
    assert shown.layout.title.text == fig.layout.title.text  # title lines and the smaller subtitle stay
    assert plain(str(fig.layout.title.text)).startswith("Inbound crossings at the closed crossings' ports. December")


def test_charts_are_drawn_without_a_toolbar_and_with_a_description(data_cache):
    app = drawn(run_page())
    charts = app.get("plotly_chart")
    assert charts and all(json.loads(c.proto.config)["displayModeBar"] is False for c in charts)
    assert all(c.proto.alt.startswith("Chart: ") for c in charts)
    assert json.loads(charts[0].proto.spec)["layout"]["paper_bgcolor"] == LIGHT.background  # no theme known: light


def test_the_leading_citizenships_each_have_a_colour_of_their_own_in_any_spelling():
    """A "top 7" chart by citizenship must not draw two countries in one colour (they were hashed into
    slots, and Mexico and El Salvador shared a green); CBP's area tables write names in capitals."""
    leading = CITIZENSHIPS[: len(PALETTE)]
    assert len({series_style(name).colour for name in leading}) == len(PALETTE)
    assert all(series_style(name.upper()) == series_style(name) for name in CITIZENSHIPS)
