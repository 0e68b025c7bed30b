"""The claim finder: precision and recall on the labelled sets, the seed article, number words,
negatives, the command line, the round trip to an article file, and the page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_sources.claims.articles import load_articles, parse_article
from data_sources.claims.evaluate import evaluate
from data_sources.claims.finder import MAX_TEXT_CHARS, find_claims, html_to_text, words_to_number
from data_sources.claims.report import article_markdown, draft_article
from data_sources.claims.scoring import score
from data_sources.tables.build import load
from tests.conftest import REPO, fixture_file

DATA = Path(__file__).parent / "data"
APP = str(REPO / "dashboard" / "app.py")


@pytest.mark.parametrize("name", ["claims_labelled.jsonl", "claims_heldout.jsonl"])
def test_precision_and_recall_on_numbers_with_units(name):
    result = score(DATA / name)
    assert result.expected >= 15
    assert result.precision >= 0.9, result.false_alarms
    assert result.recall >= 0.8, result.misses
    assert result.unit_agrees / result.correct >= 0.8
    assert result.metric_agrees / result.correct >= 0.8


def test_labelled_set_is_big_and_varied():
    items = [json.loads(line) for line in (DATA / "claims_labelled.jsonl").read_text().splitlines()]
    assert len(items) >= 80
    assert sum(1 for i in items if not i["expected"]) >= 20  # negatives: money, ages, years, distances, votes …
    metrics = {e["metric"] for i in items for e in i["expected"]}
    assert metrics == {"daily_rate", "period_total", "size_vs_daily", "closures"}


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The seed article's full text, from the research folder (pinned in tests/fixtures.toml)."""
    return fixture_file("seed_article").read_text(encoding="utf-8").split("---", 2)[2]


def test_seed_article_yields_every_claim_the_article_page_covers(seed_text):
    found = find_claims(seed_text, "2023-12")
    article = next(a for a in load_articles()[0] if a.id == "2023-12-border-talks")
    assert {c.metric for c in article.claims} <= {c.metric for c in found}
    by_value = {c.value: c for c in found if c.value}
    assert (by_value[10000].unit, by_value[10000].rate, by_value[10000].metric) == ("people", "per day", "daily_rate")
    assert (by_value[6000].unit, by_value[6000].qualifier, by_value[6000].metric) == (
        "people",
        "around",
        "size_vs_daily",
    )
    since = next(c for c in found if c.metric == "compare_periods")
    assert since.params["compare_to"] == "2022"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ten thousand", 10_000),
        ("2.5 million", 2_500_000),
        ("two and a half million", 2_500_000),
        ("three hundred thousand", 300_000),
        ("1,950", 1_950),
        ("twelve hundred", 1_200),
        ("ninety-five", 95),
    ],
)
def test_number_words(words, value):
    assert words_to_number(words) == value


def test_nearly_and_ranges_are_kept():
    [nearly] = find_claims("Agents recorded nearly 300,000 encounters at the southern border in December.", "2023-12")
    assert (nearly.value, nearly.qualifier, nearly.period) == (300_000, "nearly", "2023-12")
    [span] = find_claims("Officials said 9,000-10,000 migrants crossed the border each day.", "2023-12")
    assert (span.value, span.value_high, span.rate) == (9_000, 10_000, "per day")


def test_fiscal_year_and_last_month_periods():
    [fy] = find_claims("CBP logged 2.4 million encounters at the southwest border in FY2023.", "2024-03")
    assert (fy.period, fy.params) == ("2023-09", {"span": "fiscal_year"})
    [last] = find_claims("Border agents apprehended 140,000 migrants last month.", "2024-03")
    assert last.period == "2024-02"


def test_long_text_is_refused():
    with pytest.raises(ValueError, match="characters"):
        find_claims("x" * (MAX_TEXT_CHARS + 1), "2023-12")


def test_html_text_drops_scripts():
    text = html_to_text("<html><script>var n = 99999;</script><p>About 5,000 migrants crossed the border.</p></html>")
    assert "99999" not in text and "5,000 migrants" in text


def test_command_line_prints_json(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("CBP said 12,000 migrants crossed the southern border in a single day.")
    result = subprocess.run(
        [sys.executable, "-m", "data_sources", "claims", str(story), "--month", "2023-12"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    [claim] = json.loads(result.stdout)
    assert (claim["value"], claim["unit"], claim["metric"]) == (12_000, "people", "daily_rate")


def test_draft_round_trips_to_an_article_file_and_checks(data_cache, seed_text, tmp_path):
    found = find_claims(seed_text, "2023-12")
    article = draft_article("Seed, pasted", "2023-12", found)
    from data_sources.claims.articles import article_toml

    path = tmp_path / "seed.toml"
    path.write_text(article_toml(article))
    loaded = parse_article(path.read_text(), path)
    assert [c.quote for c in loaded.claims] == [c.quote for c in article.claims]
    tables = load().tables
    contexts = [evaluate(c, tables) for c in loaded.claims]
    report = article_markdown(loaded, contexts)
    assert "301,981" in report and "9,741 a day" in report


def test_check_page_finds_claims_and_draws_cards(data_cache, seed_text):
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.switch_page("views/check_article.py").run()
    app.text_input(key="check_month").input("2023-12")  # the seed article's month, whatever the page proposes
    app.text_area(key="check_text").input(seed_text).run()
    assert not app.exception
    assert app.subheader[0].value == "6 checkable claims found"
    assert len(app.get("plotly_chart")) >= 6
    text = " ".join(m.value for m in app.markdown)
    assert "9,741 a day" in text and "the pasted article" in text
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Save as an article file (.toml) for articles/" in labels


def test_check_page_shows_pasted_markup_as_text(data_cache):
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.switch_page("views/check_article.py").run()
    hostile = (
        "<img src=x onerror=alert(1)> [click](javascript:alert(2)) About 5,000 migrants cross the border every day."
    )
    app.text_area(key="check_text").input(hostile).run()
    assert not app.exception
    quotes = [m.value for m in app.markdown if m.value.startswith("> ")]
    assert quotes and "\\<img" in quotes[0] and "\\[click\\](javascript" in quotes[0]


def test_reading_is_linear_and_capped():
    """10,000 numbers in one sentence: every one is looked at once, and the claims stop at the cap."""
    from data_sources.claims.finder import MAX_CLAIMS

    sentence = "Agents counted " + ", ".join(f"{n:,} migrants" for n in range(1_000, 11_000)) + " at the border."
    found = find_claims(sentence, "2023-12")
    assert len(found) == MAX_CLAIMS
    assert [c.value for c in found[:3]] == [1_000, 1_001, 1_002]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agents caught 250,\u200b000 migrants at the southern border in December 2023.", 250_000),
        ("Agents caught \uff12\uff15\uff10,000 migrants at the southern border in December 2023.", 250_000),
    ],
)
def test_invisible_and_full_width_characters_do_not_change_a_number(text, value):
    assert [c.value for c in find_claims(text, "2023-12")] == [value]


def test_a_400_digit_number_is_not_a_count():
    assert find_claims("Agents caught " + "9" * 400 + " migrants at the border.", "2023-12") == []


def test_port_names_come_from_the_data_not_a_hand_list():
    sentence = "Officers at Otay Mesa processed 1,200 migrants on a single day."
    assert find_claims(sentence, "2023-12")[0].place != "port"
    assert find_claims(sentence, "2023-12", ["Otay Mesa", "Nogales"])[0].place == "port"
    assert find_claims("Some 900 migrants arrived at the port of entry.", "2023-12")[0].place == "port"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Agents met close to 250,000 migrants at the southern border in December 2023, or roughly 8,000 a day.",
            [(250_000, "", "period_total"), (8_000, "per day", "daily_rate")],
        ),
        (
            "Border Patrol logged 9,500 arrests a day, up from 6,000 a month earlier.",
            [(9_500, "per day", "daily_rate"), (6_000, "per day", "daily_rate")],
        ),
        ("Every day, some 7,000 people crossed the southern border.", [(7_000, "per day", "daily_rate")]),
    ],
)
def test_each_number_gets_its_own_rate(sentence, expected):
    assert [(c.value, c.rate, c.metric) for c in find_claims(sentence, "2023-12")] == expected
