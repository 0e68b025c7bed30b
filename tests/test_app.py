"""Every page renders with AppTest on the pinned snapshots: no exception and no error box, the
expected elements and computed numbers present, and widget changes rerun correctly."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import article_check
from dashboard.cards import VERDICT_ICON
from data_sources.acquire.fetch import MIRROR_ENV
from data_sources.claims.articles import ARTICLES_ENV, DEFAULT_ARTICLES_DIR
from data_sources.claims.finder import find_claims
from data_sources.claims.verdict import IN_LINE, LABELS
from data_sources.core.vocabulary import OFO, USBP
from data_sources.sources.registry import SOURCES
from data_sources.tables.explore import TOTAL
from tests.conftest import REPO

APP = str(REPO / "dashboard" / "app.py")


def drawn(app: AppTest) -> AppTest:
    """Fail if the last run raised or showed an error box.

    Every page runs inside `ui.friendly`, which turns an exception into an `st.error` box (details
    go to the log), so checking `app.exception` alone would pass on a page that could not be drawn.
    """
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    return app


def run_page(page: str | None = None, **query: str) -> AppTest:
    """Open the app (with `query` in the URL), switch to `page` if given, and check it was drawn."""
    app = AppTest.from_file(APP, default_timeout=90)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    if page:
        app.switch_page(f"views/{page}.py").run()
    return drawn(app)


def text_of(app: AppTest) -> str:
    return " ".join(m.value for m in app.markdown) + " " + " ".join(c.value for c in app.caption)


def test_article_page_shows_every_claim_with_computed_context(data_cache):
    app = run_page(claim="all")
    text = text_of(app)
    assert app.title[0].value == "Biden Admin Finally Addresses The Border!"
    for quote in ("10,000 people crossing into the U.S. illegally every day", "around 6,000 individuals",
                  "since 2022", "unprecedented surge", "two railway crossings"):  # fmt: skip
        assert quote in text
    # December 2023 per day: 301,981 / 31 = 9,741; 249,740 / 31 = 8,056; 52,241 / 31 = 1,685
    for number in ("301,981", "9,741 a day", "8,056 between ports", "1,685 at ports", "#1 of 311 months"):
        assert number in text
    assert "302,034" in text  # as first published, January 2024
    drawn = {chart.key for chart in app.get("plotly_chart")}
    claim_ids = ("daily-crossings", "caravan-size", "largest-since-2022", "unprecedented-surge", "port-closures")
    assert {f"chart-{claim}-0" for claim in claim_ids} <= drawn  # every card draws its chart
    labels = [b.proto.label for b in app.get("download_button")]
    charts = len(app.get("plotly_chart"))  # each with its data and, beside it, what its columns mean
    assert labels.count("Download this data (CSV)") == labels.count("What the columns mean (CSV)") == charts
    assert labels.count("Checks as ClaimReview (JSON-LD)") == 1
    # the closures card uses the port data: Lukeville's December 2023 personal vehicles against a year earlier
    assert "personal vehicles 3,966 vs 26,321 a year earlier (85% lower; 31 of 31 days)" in text
    assert "Source: U.S. Customs and Border Protection" in text


def test_the_article_page_shows_one_card_at_a_time_with_every_verdict_listed(data_cache):
    app = run_page()
    contents = app.radio(key="cards-claim")  # the list of claims is the choice of card: each line opens one
    assert contents.label == "The claims checked here"
    assert [o.split(".")[0] for o in contents.options] == ["1", "2", "3", "4", "5", "All claims on one page"]
    assert sum(" — " in o for o in contents.options) == 5  # every claim's verdict is listed, though one card is drawn
    assert [h.value for h in app.header] == ["Claim 1 of 5"]
    assert {c.key for c in app.get("plotly_chart")} == {"chart-daily-crossings-0"}  # one chart, not eight
    assert app.query_params["claim"] == "1"
    app.button(key="cards-next").click().run()
    assert [h.value for h in app.header] == ["Claim 2 of 5"] and app.query_params["claim"] == "2"
    assert "chart-caravan-size-0" in {c.key for c in app.get("plotly_chart")}
    app.button(key="cards-previous").click().run()
    assert [h.value for h in app.header] == ["Claim 1 of 5"]
    app.radio(key="cards-claim").set_value(3).run()  # a line of the list opens its card
    assert [h.value for h in app.header] == ["Claim 3 of 5"] and app.query_params["claim"] == "3"
    app.radio(key="cards-claim").set_value(0).run()  # all claims on one page
    assert len(app.header) == 5 and app.query_params["claim"] == "all"
    linked = run_page(claim="5")  # a link to one claim opens at that claim
    assert [h.value for h in linked.header] == ["Claim 5 of 5"]


def test_every_card_opens_with_its_verdict_and_how_it_is_decided(data_cache):
    app = run_page(claim="all")
    markdown = [m.value for m in app.markdown]
    verdicts = [m for m in markdown if m.startswith(VERDICT_ICON)]
    assert len(verdicts) == 5  # one per card, right under its quote
    quotes = [i for i, m in enumerate(markdown) if m.startswith("> “")]
    assert [markdown[i + 1] for i in quotes] == verdicts
    assert verdicts[0] == (
        f"{VERDICT_ICON} **{IN_LINE}:** The claimed 10,000 a day is 3% above CBP's average of all Southwest "
        "encounters per day in December 2023 (9,741)."
    )
    assert all(any(f"**{label}:**" in v for label in LABELS) for v in verdicts)
    contents = app.radio(key="cards-claim").options
    assert contents[0].endswith(f"— {IN_LINE}") and sum(" — " in o for o in contents) == 5
    decided = [e for e in app.expander if e.label == "How this verdict is decided"]
    assert len(decided) == 5
    assert "within 10% of the closest official figure" in decided[0].markdown[0].value
    assert (
        "8,056" in decided[0].markdown[0].value.split("**Compared with.**")[1]
    )  # the between-ports figure, also considered
    columns = " ".join(m.value for e in app.expander if e.label == "What the columns mean" for m in e.markdown)
    assert "- `per_day` (encounters per day): Encounters per day: the month's count divided by its days" in columns
    assert "not described" not in columns and "(no unit)" not in columns  # every column of every chart explained


def page_order(node: Any) -> list[str]:
    """The element types of a page top to bottom as a reader sees them (containers left out)."""
    order = []
    children = getattr(node, "children", None) or {}  # a leaf element has none
    for key in sorted(children):
        child = children[key]
        if child.type != "flex_container":
            order.append(child.type)
        order += page_order(child)
    return order


def test_the_article_page_reads_top_to_bottom_though_its_chart_is_sent_first(data_cache):
    """The chart goes out before the text above it (so the browser starts loading Plotly at once);
    each piece of text must still land above it, in reading order."""
    order = page_order(run_page().main)
    chart = order.index("plotly_chart")
    assert order[:4] == ["title", "caption", "markdown", "info"]
    assert order[4] == "radio"  # the list of claims, which is also the choice of claim
    assert order[5:chart] == ["header", "markdown", "markdown", "expander", "markdown", "markdown"]
    assert order[chart + 1] == "download_button"


def test_saved_figures_are_drawn_as_plotlys_checks_make_them(data_cache):
    """The article page draws its saved figures without checking them again (`cards._figure`); with
    Plotly's checks on, every property must be accepted and the figure must be the same."""
    charts = run_page(claim="all").get("plotly_chart")
    assert len(charts) >= 6
    for chart in charts:
        drawn_spec = json.loads(chart.proto.spec)
        assert json.loads(go.Figure(drawn_spec).to_json()) == drawn_spec


def test_the_check_page_reads_last_month_from_the_articles_day(data_cache):
    app = run_page("check_article")
    app.text_input(key="check_month").input("2024-01-16")  # a day: "last month" is December 2023
    drawn(app.text_area(key="check_text").input("Agents stopped 250,000 migrants at the border last month.").run())
    table = app.dataframe[0].value  # the claims found, as the editable table shows them
    assert list(table["period"]) == ["2023-12"] and list(table["measures"]) == ["in one month"]
    assert "December 2023" in text_of(app)
    drawn(app.text_input(key="check_month").input("2024-02-30").run())  # no such day
    assert "The article date must look like 2023-12-19" in app.warning[0].value


def test_the_reason_column_follows_the_readers_choice(monkeypatch):
    found = find_claims("Agents stopped 12,000 migrants at the border last month.", "2024-01-16")
    assert found[0].reason.startswith("people, in one month (2023-12)")
    edits = {"check": {"edited_rows": {0: {"measures": "people per day"}}}}
    monkeypatch.setattr(article_check.st, "session_state", edits)
    table = article_check._in_step(found, article_check.claims_table(found), "check")
    assert table.loc[0, "reason"] == (
        "Your choice: people, people per day (2023-12): set against the month's encounters per day"
    )
    edits["check"]["edited_rows"][0] = {"period": "Decembr"}  # not a period: said so in the reason
    table = article_check._in_step(found, article_check.claims_table(found), "check")
    assert table.loc[0, "reason"] == article_check.BAD_PERIOD


def test_a_pasted_article_gets_verdicts_and_its_claimreview_download(data_cache):
    app = run_page("check_article")
    app.text_input(key="check_month").input("2023-12")
    drawn(app.text_area(key="check_text").input("About 5,000 migrants cross the border every day.").run())
    verdicts = [m.value for m in app.markdown if m.value.startswith(VERDICT_ICON)]
    assert verdicts == [
        f"{VERDICT_ICON} **Lower than the data:** The claimed 5,000 a day is 38% below CBP's average of Border "
        "Patrol encounters between ports per day in December 2023 (8,056)."
    ]  # 249,740 / 31 = 8,056, the closer of it and 9,741
    assert "Checks as ClaimReview (JSON-LD)" in [b.proto.label for b in app.get("download_button")]


def test_second_article_file_appears_without_code_changes(data_cache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "articles"
    shutil.copytree(DEFAULT_ARTICLES_DIR, folder)
    (folder / "2024-01-another.toml").write_text(
        '[article]\nid = "another"\ntitle = "Another border story"\npublished = "January 2024"\n'
        'reference_month = "2023-12"\nsummary = "A test article."\n\n'
        '[[claims]]\nid = "rate"\nquote = "about 9,000 a day"\nmetric = "daily_rate"\nperiod = "2023-11"\n'
        'claimed_value = 9000\nunit = "people per day"\nwindow = ["2023-06", "2024-01"]\n'
    )
    monkeypatch.setenv(ARTICLES_ENV, str(folder))
    app = run_page(article="another")
    assert app.title[0].value == "Another border story"
    assert "November 2023" in text_of(app)
    drawn(app.selectbox[0].select_index(1).run())
    assert app.title[0].value == "Biden Admin Finally Addresses The Border!"
    assert app.query_params["article"] == "2023-12-border-talks"


def test_explorer_default_and_widget_changes_update_the_url(data_cache):
    app = run_page("explorer")
    assert len(app.get("plotly_chart")) == 1
    drawn(app.radio(key="explorer_unit").set_value("total").run())
    assert app.query_params["unit"] == "total"
    drawn(app.selectbox(key="explorer_view").set_value("usbp_sector").run())
    assert app.query_params["view"] == "usbp_sector" and app.query_params["by"] == "sector"
    assert "nearest 10" in text_of(app)


def test_explorer_opens_the_view_in_a_shared_link(data_cache):
    app = run_page("explorer", view="cbp_detail", by="citizenship", unit="total", granularity="fiscal_year",
                   start="2022-10", end="2023-09", component="U.S. Border Patrol")  # fmt: skip
    assert app.selectbox(key="explorer_view").value == "cbp_detail"
    assert app.selectbox(key="explorer_by").value == "citizenship"
    assert app.select_slider(key="explorer_range").value == ("2022-10", "2023-09")
    assert app.query_params["granularity"] == "fiscal_year"


def test_explorer_ignores_malformed_links_with_a_notice(data_cache):
    app = run_page("explorer", view="southwest", unit="<script>", start="20x3", end="2099-01", top="999")
    notices = " ".join(i.value for i in app.info)
    assert "Ignored unit" in notices and "Ignored start" in notices and "outside the data" in notices
    assert len(app.get("plotly_chart")) == 1


def test_an_explorer_view_is_made_once_per_query_and_theme_and_drawn_as_made(data_cache):
    """Charts are cached per dataset, query and theme and shared by every session: one made for a
    light page must never reach a dark one, and drawing one must not change it for the next reader."""
    from dashboard.data import dataset
    from dashboard.data import explorer_chart as cached
    from data_sources.tables.explore import Query

    data, query = dataset(), Query("2023-10", "2024-09", "southwest")
    light, again, dark = (cached(data, query, dark) for dark in (False, False, True))
    assert light is not None and dark is not None
    assert again is light and dark is not light
    assert light.figure.layout.paper_bgcolor != dark.figure.layout.paper_bgcolor
    before = light.figure.to_json()
    app = run_page("explorer", view="southwest", start="2023-10", end="2024-09")
    shown = cached(data, query, False)
    assert shown is light and shown.figure.to_json() == before
    assert explorer_numbers(explorer_chart(app).data[0].y) == explorer_numbers(light.figure.data[0].y)
    assert light.csv.splitlines()[0].startswith(b"period,component,encounters")


def test_explorer_keeps_its_view_after_a_visit_to_another_page(data_cache):
    """Streamlit drops the state of widgets a run does not draw, so leaving the explorer used to
    break it (KeyError 'explorer_by') on every return; the view must come back as it was left."""
    app = run_page("explorer", view="usbp_sector", unit="total")
    drawn(app.radio(key="explorer_granularity").set_value("fiscal_year").run())
    for page in ("methods", "explorer", "ports", "explorer"):
        drawn(app.switch_page(f"views/{page}.py").run())
    assert app.selectbox(key="explorer_view").value == "usbp_sector"
    assert app.selectbox(key="explorer_by").value == "sector"
    assert app.radio(key="explorer_unit").value == "total"
    assert app.radio(key="explorer_granularity").value == "fiscal_year"
    assert len(app.get("plotly_chart")) == 1
    assert app.query_params["view"] == "usbp_sector" and app.query_params["granularity"] == "fiscal_year"


def explorer_chart(app: AppTest) -> go.Figure:
    return pio.from_json(app.get("plotly_chart")[0].proto.spec)


def explorer_numbers(values: Any) -> list[float]:
    """A trace's numbers: Plotly 7 writes numeric arrays in a figure's JSON as base64 typed arrays."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def test_explorer_year_view_shows_whole_years_partial_years_and_the_total(data_cache):
    app = run_page("explorer", granularity="fiscal_year", start="2021-10", end="2025-08")
    chart = explorer_chart(app)
    assert chart.layout.xaxis.type == "category"
    assert {x for trace in chart.data for x in trace.x} == {"FY2022", "FY2023", "FY2024", "FY2025"}
    hollow = {trace.name: list(trace.customdata) for trace in chart.data if trace.customdata is not None}
    assert hollow == {name: ["11 of 12 months"] for name in (USBP, OFO, TOTAL)}  # FY2025: October to August
    lines = {t.name: explorer_numbers(t.y)[:3] for t in chart.data if t.mode == "lines+markers"}  # FY2022–FY2024
    assert lines[TOTAL] == pytest.approx([a + b for a, b in zip(lines[USBP], lines[OFO], strict=True)], abs=0.02)
    assert "Policy events are marked on monthly charts only" in text_of(app)


def test_explorer_presets_set_the_months_from_the_data(data_cache):
    app = run_page("explorer")
    presets = app.pills(key="explorer_preset")
    assert [option.split(" (")[0] for option in presets.options] == ["Last 12 months", "FY2025 so far", "Since FY2000"]
    drawn(presets.set_value(presets.options[0]).run())
    assert app.select_slider(key="explorer_range").value == ("2024-09", "2025-08")
    assert app.query_params["start"] == "2024-09" and app.pills(key="explorer_preset").value is None
    title = explorer_chart(app).layout.title
    assert "Sep 2024–Aug 2025" in f"{title.text} {title.subtitle.text}"


def test_explorer_draws_a_single_month_as_bars(data_cache):
    app = run_page("explorer", view="aor", by="area_of_responsibility")
    assert [trace.type for trace in explorer_chart(app).data] == ["bar"]
    assert "Policy events are marked on charts over several months" in text_of(app)


def looks(app: AppTest) -> dict[str, set[tuple[str, str]]]:
    """The (line colour, marker) each series is drawn with, over every chart of a page."""
    found: dict[str, set[tuple[str, str]]] = {}
    for chart in app.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            if "color" in trace.get("line", {}) and ", a year earlier" not in trace["name"]:
                look = (trace["line"]["color"], trace.get("marker", {}).get("symbol", ""))
                found.setdefault(trace["name"].removesuffix(", AZ"), set()).add(look)
    return found


def test_a_series_keeps_its_colour_on_every_chart_and_page(data_cache):
    article = looks(run_page(claim="all"))
    explorer = looks(run_page("explorer", view="southwest"))
    sectors = looks(run_page("explorer", view="usbp_sector", top="9"))
    port = looks(run_page("ports", port="2602"))
    for component in (USBP, OFO):
        assert len(article[component] | explorer[component]) == 1, component
    assert article[USBP] != article[OFO]
    assert len(article["Tucson"] | sectors["Tucson"] | port["Tucson"]) == 1  # OHSS writes 'Tucson, AZ'
    assert len(set().union(*sectors.values())) == len(sectors) == 9  # nine sectors on one chart, all distinct


def test_data_page_lists_provenance_and_downloads(data_cache):
    app = run_page("data_downloads")
    text = text_of(app)
    assert "Vintage **2025-09**" in text and "2021-10 to 2025-08" in text
    assert "644a70518bea08884f29483c4aa6aee5fcceadc85a0bd8f09043fa6d356fedc4" in text
    assert "data through 2024-11, released 2024-12" in text
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Raw file as published: cbp-sbo-encounters-fy22-fy25-aug.csv" in labels
    assert (
        "Southwest monthly (CSV, 358 rows)" in labels
    )  # words for readers (USBP 311 months + OFO 47); the file keeps its name


def test_refresh_is_hidden_from_visitors_by_default(data_cache):
    app = run_page("data_downloads")
    assert not [b for b in app.button if b.label == "Refresh now"]
    assert "scheduled job" in " ".join(i.value for i in app.info)


def test_refresh_runs_out_of_process_and_reports_failures(cache_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(MIRROR_ENV, "http://127.0.0.1:9")
    monkeypatch.setenv("BORDER_ALLOW_REFRESH", "1")

    def in_the_server(*_: object, **__: object) -> None:
        raise AssertionError("a refresh ran inside the server's process")

    monkeypatch.setattr("data_sources.acquire.refresh.refresh_source", in_the_server)  # only its own process may

    def files() -> dict[str, bytes]:
        folder = cache_dir / "raw" / "cbp_sbo"
        return {
            str(p.relative_to(folder)): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() and ".lock" not in p.name
        }

    before = files()
    app = run_page("data_downloads")
    app.button[0].click().run(timeout=300)
    lines = [t.value for t in app.text]
    assert sum("could not connect to 127.0.0.1:9" in line for line in lines) == len(SOURCES)  # one reason each
    drawn(app)  # every failure is a line of text with its reason, not an error box
    assert files() == before


def test_methods_page_reads_policy_dates_from_events(data_cache):
    app = run_page("methods")
    text = text_of(app)
    assert "20 March 2020 to 11 May 2023" in text  # Title 42, from events.csv
    assert "Fiscal year." in text and "Encounter." in text


@pytest.mark.parametrize("page", [None, "check_article", "explorer", "ports", "data_downloads", "methods"])
def test_pages_without_data_name_each_missing_dataset(page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BORDER_CACHE_DIR", str(tmp_path / "cache"))  # an empty store
    app = run_page(page)
    notices = " ".join(w.value for w in [*app.warning, *app.info]) + " " + text_of(app)
    assert app.title, "the page still draws its title"
    wanted = ["cbp_sbo"] if page == "explorer" else ["bts_crossings"] if page == "ports" else list(SOURCES)
    for key in wanted:
        assert f"python -m data_sources refresh {key}" in notices
        assert f"python -m data_sources import {key} FILE" in notices


def test_ports_page_shows_closures_against_crossings(data_cache):
    app = run_page("ports")
    assert app.title[0].value == "Ports of entry"
    assert app.selectbox[0].value == "2602"  # Lukeville, the first port the article refers to
    assert "four-digit code" in text_of(app)  # the port code is explained
    assert len(app.get("plotly_chart")) == 3
    table = app.dataframe[0].value
    assert list(table.columns) == [
        "Closure", "Measure", "Month", "Crossings", "Same month a year earlier", "Change", "Days closed", "Note"
    ]  # fmt: skip
    december = table[(table["Measure"] == "Personal Vehicles") & (table["Month"] == "Dec 2023")]
    assert december.values.tolist() == [
        ["1 and 2 · Lukeville Port of Entry", "Personal Vehicles", "Dec 2023", "3,966", "26,321", "−84.9%",
         "31 of 31", ""]
    ]  # fmt: skip
    assert not table.duplicated(["Measure", "Month"]).any()
    assert "Border Patrol sector figures end in Nov 2024; port crossings run to Jun 2025." in text_of(app)
    drawn(app.selectbox[0].set_value("2504").run())
    assert app.query_params["port"] == "2504"
    assert set(app.dataframe[0].value["Measure"]) == {"Pedestrians"}


def test_ports_page_says_why_a_port_has_no_sector_chart_or_closures(data_cache):
    app = run_page("ports", port="2304")  # Laredo: no closure on record, no sector in port_sectors.csv
    notices = " ".join(info.value for info in app.info)
    assert "No sector chart for Laredo" in notices and "Lukeville, Nogales, San Ysidro" in notices
    assert "No closure on record at Laredo" in notices
    assert len(app.get("plotly_chart")) == 2 and not app.dataframe  # crossings and the map


def test_event_markers_can_be_switched_off(data_cache):
    app = run_page("ports")
    with_markers = len(app.get("plotly_chart")[0].proto.spec)
    drawn(app.toggle(key="show_events").set_value(False).run())
    assert len(app.get("plotly_chart")[0].proto.spec) < with_markers
