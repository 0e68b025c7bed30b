"""The claim finder: the labelled sets, each failure pattern of issue 12 on sentences of our own,
number words, periods, the seed article, the pasted example checked end to end, the command line,
the round trip to an article file, and the page."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_sources.claims.articles import load_articles, parse_article
from data_sources.claims.evaluate import EVALUATORS, evaluate
from data_sources.claims.finder import (
    KINDS,
    MAX_CLAIMS,
    MAX_TEXT_CHARS,
    find_claims,
    html_to_text,
    reread,
    words_to_number,
)
from data_sources.claims.report import article_markdown, draft_article
from data_sources.claims.scoring import score
from data_sources.claims.verdict import IN_LINE, NOT_CHECKABLE, NOT_IN_LINE
from data_sources.claims.when import parse_label
from data_sources.tables.build import load
from tests.conftest import REPO, fixture_file
from tests.test_app import drawn

DATA = Path(__file__).parent / "data"
APP = str(REPO / "dashboard" / "app.py")


@pytest.mark.parametrize("name", ["claims_labelled.jsonl", "claims_heldout.jsonl"])
def test_the_older_sets_relabelled_in_the_new_vocabulary_still_pass(name):
    result = score(DATA / name)
    assert result.overall.expected >= 12
    assert result.overall.precision >= 0.95, result.false_alarms
    assert result.overall.recall >= 0.9, result.misses
    assert result.overall.metric >= 0.95, result.wrong
    assert result.overall.period >= 0.9, result.wrong


def test_labelled_set_is_big_and_varied():
    items = [json.loads(line) for line in (DATA / "claims_labelled.jsonl").read_text().splitlines()]
    assert len(items) >= 80
    assert sum(1 for i in items if not i["expected"]) >= 20  # negatives: money, ages, years, distances, votes …
    metrics = {e["metric"] for i in items for e in i["expected"]}
    assert metrics <= set(KINDS) and len(metrics) >= 7


PATTERN_CASES = [  # (failure pattern of issue 12, article date, our own sentence, [(value, kind, period)])
    (
        "enforcement_no_border_word",
        "2025-09-02",
        "ICE officers arrested 32,000 people in August, the agency said.",
        [(32_000, "not_checkable", "2025-08")],
    ),
    (
        "enforcement_no_border_word",
        "2024-12-20",
        "The administration removed more than 270,000 noncitizens in fiscal 2024.",
        [(270_000, "not_checkable", "FY2024")],
    ),
    (
        "enforcement_no_border_word",
        "2019-06-11",
        "Deportations to Guatemala reached 47,000 last year, a government spokesman said.",
        [(47_000, "not_checkable", "CY2018")],
    ),
    (
        "enforcement_no_border_word",
        "2024-02-14",
        "Mexican authorities detained 120,000 migrants in January, the government said.",
        [(120_000, "not_checkable", "2024-01")],
    ),
    (
        "hyphen_date_duration",
        "2020-06-10",
        "Apprehensions in the Yuma sector hit a three-year low in May, the station said.",
        [(None, "record", "2020-05")],
    ),
    (
        "hyphen_date_duration",
        "2023-09-01",
        "Agents on an eight-hour shift along the 2,000-mile border cannot cover every mile.",
        [],
    ),
    (
        "hyphen_date_duration",
        "2021-01-15",
        "Under the COVID-19 order, agents expelled 70,000 migrants at the border in December.",
        [(70_000, "month_total", "2020-12")],
    ),
    (
        "hyphen_date_duration",
        "2023-10-21",
        "The 7-day average stood at 7,200 migrants a day on Sept. 30, the last day of the fiscal year.",
        [(7_200, "daily_rate", "2023-09-30")],
    ),
    (
        "hyphen_date_duration",
        "2023-04-12",
        "The county board voted 3-2 to ask the state for 200 more troops at the border.",
        [],
    ),
    (
        "hyphen_date_duration",
        "2024-03-20",
        "Texas's SB 4 would let police arrest people who cross the border illegally.",
        [],
    ),
    (
        "month_and_daily",
        "2024-01-30",
        "Agents reported nearly 250,000 apprehensions at the southern border in December 2023, or about 8,000 a day.",
        [(250_000, "month_total", "2023-12"), (8_000, "daily_rate", "2023-12")],
    ),
    (
        "month_and_daily",
        "2022-06-15",
        "In May, CBP encountered 239,400 migrants at the southwest border, an average of about 7,700 a day.",
        [(239_400, "month_total", "2022-05"), (7_700, "daily_rate", "2022-05")],
    ),
    (
        "month_and_daily",
        "2019-07-10",
        "Agents caught 94,900 people in June, roughly 3,160 per day.",
        [(94_900, "month_total", "2019-06"), (3_160, "daily_rate", "2019-06")],
    ),
    (
        "month_and_daily",
        "2024-02-07",
        "Agents averaged more than 5,000 apprehensions a day at the southern border in January.",
        [(5_000, "daily_rate", "2024-01")],
    ),
    (
        "month_and_daily",
        "2023-12-21",
        "Every day, some 10,000 migrants cross the southern border, officials say.",
        [(10_000, "daily_rate", "2023-12")],
    ),
    ("not_a_flow", "2023-01-10", "The parole program lets up to 30,000 people a month fly in from four countries.", []),
    ("not_a_flow", "2024-06-05", "Asylum will be shut off when crossings top 2,500 a day, under the new rule.", []),
    ("not_a_flow", "2023-08-02", "Laredo, a city of about 260,000, sits on the Rio Grande.", []),
    ("not_a_flow", "2023-05-10", "CBP One will offer 1,000 appointments a day at eight ports of entry.", []),
    ("not_a_flow", "2024-11-13", "The incoming administration plans to deport 1 million people in its first year.", []),
    ("not_a_flow", "2023-02-08", "Officers at the San Luis port seized 100,000 fentanyl pills in January.", []),
    ("not_a_flow", "2022-04-06", "Officials expect as many as 18,000 migrants a day once Title 42 ends.", []),
    ("not_a_flow", "2023-05-03", "Border crossings could reach 13,000 a day next week, officials warned.", []),
    (
        "record_no_number",
        "2024-01-12",
        "December was the busiest month ever recorded at the southwest border.",
        [(None, "record", "2023-12")],
    ),
    (
        "record_no_number",
        "2025-05-14",
        "Apprehensions at the southern border in April were the lowest since 2017.",
        [(None, "record", "2025-04")],
    ),
    (
        "record_no_number",
        "2022-10-24",
        "Migrant encounters at the border hit a record high in fiscal 2022.",
        [(None, "record", "FY2022")],
    ),
    (
        "record_no_number",
        "2021-04-09",
        "March brought the highest number of encounters at the southern border in 15 years.",
        [(None, "record", "2021-03")],
    ),
    (
        "record_no_number",
        "2020-05-07",
        "Apprehensions in April fell to their lowest level in decades, officials said.",
        [(None, "record", "2020-04")],
    ),
    (
        "relative_period",
        "2024-02-08",
        "Border agents made 124,000 arrests at the southern border last month.",
        [(124_000, "month_total", "2024-01")],
    ),
    (
        "relative_period",
        "2023-11-20",
        "CBP counted 2.48 million encounters along the southern border in the fiscal year that ended Sept. 30.",
        [(2_480_000, "fiscal_year_total", "FY2023")],
    ),
    (
        "relative_period",
        "2025-03-03",
        "Agents apprehended 1.5 million migrants at the southern border during the previous fiscal year.",
        [(1_500_000, "fiscal_year_total", "FY2024")],
    ),
    (
        "relative_period",
        "2021-01-20",
        "Border Patrol made 400,000 apprehensions at the border last year.",
        [(400_000, "calendar_year_total", "CY2020")],
    ),
    (
        "relative_period",
        "2018-04-05",
        "U.S. Border Patrol agents in the El Centro Sector apprehended 2,412 illegal aliens during the month of March.",
        [(2_412, "month_total", "2018-03")],
    ),
    (
        "relative_period",
        "2023-11-14",
        "In FY23, CBP encountered 2,045,838 noncitizens at the southwest border.",
        [(2_045_838, "fiscal_year_total", "FY2023")],
    ),
    (
        "relative_period",
        "2023-01-05",
        "The Border Patrol recorded 2.2 million apprehensions at the southern border in calendar 2022.",
        [(2_200_000, "calendar_year_total", "CY2022")],
    ),
    (
        "respectively_and_paired",
        "2022-11-16",
        "The Del Rio and Laredo sectors counted 38,000 and 9,500 apprehensions in October, respectively.",
        [(38_000, "month_total", "2022-10"), (9_500, "month_total", "2022-10")],
    ),
    (
        "respectively_and_paired",
        "2020-03-04",
        "In January and February, agents apprehended 29,200 and 30,100 migrants at the southwest border, respectively.",
        [(29_200, "month_total", "2020-01"), (30_100, "month_total", "2020-02")],
    ),
    (
        "respectively_and_paired",
        "2017-08-09",
        "Agents caught 15,800 people at the border in July 2017 and 70,000 in July 2014.",
        [(15_800, "month_total", "2017-07"), (70_000, "month_total", "2014-07")],
    ),
    (
        "respectively_and_paired",
        "2021-11-17",
        "Unaccompanied children and family members accounted for 12,000 and 25,000 of October's "
        "encounters at the border, respectively.",
        [(12_000, "month_total", "2021-10"), (25_000, "month_total", "2021-10")],
    ),
    (
        "several_periods_may_since",
        "2019-10-09",
        "September brought 52,000 apprehensions to the southwest border, well below the 64,000 and "
        "82,000 seen in August and July.",
        [(52_000, "month_total", "2019-09"), (64_000, "month_total", "2019-08"), (82_000, "month_total", "2019-07")],
    ),
    (
        "several_periods_may_since",
        "2021-05-12",
        "The border numbers may surprise you: agents encountered 178,800 migrants in April.",
        [(178_800, "month_total", "2021-04")],
    ),
    (
        "several_periods_may_since",
        "2024-03-13",
        "Border Patrol agents have apprehended 1.1 million migrants at the southern border since October.",
        [(1_100_000, "period_total", "2023-10..2024-02")],
    ),
    (
        "several_periods_may_since",
        "2023-06-14",
        "Encounters at the border fell to 100,000 in May, compared to April.",
        [(100_000, "month_total", "2023-05")],
    ),
    (
        "several_periods_may_since",
        "2024-05-15",
        "So far this fiscal year, agents in the Tucson sector have made 400,000 apprehensions.",
        [(400_000, "period_total", "2023-10..2024-04")],
    ),
    (
        "several_periods_may_since",
        "2025-12-10",
        "Since Jan. 2025, the Border Patrol has recorded about 90,000 apprehensions at the southern border.",
        [(90_000, "period_total", "2025-01..2025-11")],
    ),
    (
        "several_periods_may_since",
        "2024-06-12",
        "In May, agents apprehended 117,900 migrants at the southern border.",
        [(117_900, "month_total", "2024-05")],
    ),
    (
        "several_periods_may_since",
        "2023-04-05",
        "The numbers may rise again, but agents caught 162,000 migrants at the border in March.",
        [(162_000, "month_total", "2023-03")],
    ),
    (
        "single_day_crowd_caravan",
        "2023-05-12",
        "Agents apprehended more than 10,000 migrants at the southern border on Tuesday.",
        [(10_000, "single_day", "2023-05-09")],
    ),
    (
        "single_day_crowd_caravan",
        "2022-05-20",
        "About 3,000 migrants are camped near the river in Matamoros, waiting to cross.",
        [],
    ),
    (
        "single_day_crowd_caravan",
        "2018-11-05",
        "The caravan reached Mexico City on Sunday. Organizers said it numbered about 5,000 people.",
        [(5_000, "group_size", "2018-11-04")],
    ),
    (
        "single_day_crowd_caravan",
        "2021-10-20",
        "A caravan of 3,000 migrants set out from Tapachula on Saturday.",
        [(3_000, "group_size", "2021-10-16")],
    ),
    (
        "single_day_crowd_caravan",
        "2019-05-21",
        "Children as young as 5 were among the 1,036 migrants in a single group the agents found "
        "near El Paso on Wednesday.",
        [(1_036, "group_size", "2019-05-15")],
    ),
    (
        "single_day_crowd_caravan",
        "2019-03-27",
        "About 1,000 migrants were held in a pen under the bridge in El Paso on Wednesday.",
        [],
    ),
    (
        "single_day_crowd_caravan",
        "2022-12-20",
        "Authorities counted 2,500 crossings in El Paso on Sunday alone, a single-day record for the sector.",
        [(2_500, "single_day", "2022-12-18"), (None, "record", "2022-12-18")],
    ),
    (
        "times_and_bridges",
        "2022-10-25",
        "Border authorities stopped migrants 2.38 million times in fiscal 2022.",
        [(2_380_000, "fiscal_year_total", "FY2022")],
    ),
    (
        "times_and_bridges",
        "2024-01-17",
        "Authorities shut one of the two international bridges in Eagle Pass on Monday.",
        [(1, "closures", "2024-01-15")],
    ),
    (
        "times_and_bridges",
        "2023-12-05",
        "CBP closed three ports of entry in Arizona and California this week.",
        [(3, "closures", "2023-12")],
    ),
    (
        "unit_in_earlier_clause_or_sentence",
        "2023-11-02",
        "Agents logged 2.05 million apprehensions on the southwest border in fiscal 2023 and 2.2 "
        "million in fiscal 2022.",
        [(2_050_000, "fiscal_year_total", "FY2023"), (2_200_000, "fiscal_year_total", "FY2022")],
    ),
    (
        "unit_in_earlier_clause_or_sentence",
        "2022-03-09",
        "Gotaways along the southern border keep climbing. The figure reached 55,000 in February, "
        "from 41,000 in January.",
        [(55_000, "month_total", "2022-02"), (41_000, "month_total", "2022-01")],
    ),
    (
        "unit_in_earlier_clause_or_sentence",
        "2019-09-18",
        "Family units crossing into the El Paso sector fell sharply over the summer. August "
        "brought 4,300, compared with 12,100 in June.",
        [(4_300, "month_total", "2019-08"), (12_100, "month_total", "2019-06")],
    ),
    (
        "unit_in_earlier_clause_or_sentence",
        "2024-04-10",
        "Encounters at ports of entry rose in March. The month's tally was 51,000.",
        [(51_000, "month_total", "2024-03")],
    ),
    (
        "unit_in_earlier_clause_or_sentence",
        "2023-10-04",
        "More than 70,000 people crossed the Darién Gap in September alone, Panama said.",
        [(70_000, "month_total", "2023-09")],
    ),
    (
        "written_out_amount",
        "2024-01-05",
        "Close to a quarter of a million migrants reached the southern border in December.",
        [(250_000, "month_total", "2023-12")],
    ),
    (
        "written_out_amount",
        "2023-02-01",
        "Roughly half a million people crossed the border illegally in the first quarter of fiscal 2023.",
        [(500_000, "period_total", "2022-10..2022-12")],
    ),
    (
        "written_out_amount",
        "2022-05-04",
        "Officials said around ten-thousand migrants a day were crossing at the border in April.",
        [(10_000, "daily_rate", "2022-04")],
    ),
    (
        "written_out_amount",
        "2021-03-10",
        "Agents stopped migrants one hundred thousand times in February along the southwest border.",
        [(100_000, "month_total", "2021-02")],
    ),
]


@pytest.mark.parametrize(("pattern", "reference", "text", "expected"), PATTERN_CASES, ids=lambda v: str(v)[:40])
def test_each_failure_pattern_of_issue_12(pattern, reference, text, expected):
    found = [(c.value, c.kind, c.when) for c in find_claims(text, reference)]
    assert found == expected


def test_every_failure_pattern_has_at_least_three_cases():
    counts = {p: sum(1 for case in PATTERN_CASES if case[0] == p) for p, *_ in PATTERN_CASES}
    assert len(counts) == 12 and min(counts.values()) >= 3


def test_a_sentence_reads_with_the_one_before_it():
    """The unit, the period and a caravan named earlier carry into the next sentence."""
    text = (
        "Gotaways at the southern border rose in fiscal 2022. The figure reached 600,000, up from "
        "390,000 in fiscal 2021."
    )
    found = find_claims(text, "2023-01-10")
    assert [(c.value, c.unit, c.when) for c in found] == [
        (600_000, "gotaways", "FY2022"),
        (390_000, "gotaways", "FY2021"),
    ]
    assert found[0].period_source == "previous sentence"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ten thousand", 10_000),
        ("ten-thousand", 10_000),
        ("2.5 million", 2_500_000),
        ("2.05 million", 2_050_000),
        ("two and a half million", 2_500_000),
        ("One and a half million", 1_500_000),
        ("a quarter of a million", 250_000),
        ("half a million", 500_000),
        ("a half-million", 500_000),
        ("three-quarters of a million", 750_000),
        ("a thousand", 1_000),
        ("three hundred thousand", 300_000),
        ("one hundred twenty thousand", 120_000),
        ("1,950", 1_950),
        ("twelve hundred", 1_200),
        ("ninety-five", 95),
    ],
)
def test_number_words(words, value):
    assert words_to_number(words) == value


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("2023-12", "2023-12"),
        ("fy2024", "FY2024"),
        ("CY2023", "CY2023"),
        ("2023-12-18", "2023-12-18"),
        ("2023-10..2024-03", "2023-10..2024-03"),
        ("2024-03..2023-10", None),
        ("2023-13", None),
        ("2023-02-30", None),
    ],
)
def test_a_period_typed_by_a_reader(typed, label):
    assert parse_label(typed) == label


def test_a_reader_changes_what_a_number_measures():
    [found] = find_claims("Agents caught 9,000 migrants at the border in December.", "2024-01-10")
    assert (found.kind, found.metric, found.params["span"]) == ("month_total", "period_total", "month")
    changed = reread(found, "fiscal_year_total", "FY2024")
    assert (changed.metric, changed.period, changed.params["span"]) == ("period_total", "2024-09", "fiscal_year")
    assert "in a fiscal year (FY2024)" in changed.reason
    daily = reread(found, "daily_rate", "2023-12")
    assert daily.metric == "daily_rate" and "people per day" in daily.reason
    assert {kind.metric for kind in KINDS.values()} <= set(EVALUATORS)


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The seed article's full text, from the research folder (pinned in tests/fixtures.toml)."""
    return fixture_file("seed_article").read_text(encoding="utf-8").split("---", 2)[2]


def test_seed_article_yields_every_claim_the_article_page_covers(seed_text):
    found = find_claims(seed_text, "2023-12")
    article = next(a for a in load_articles()[0] if a.id == "2023-12-border-talks")
    for claim in article.claims:  # each quote of the article page is in a sentence the finder took a claim from
        assert any(claim.quote[:40] in c.sentence for c in found), claim.quote
    by_value = {c.value: c for c in found if c.value}
    assert (by_value[10000].unit, by_value[10000].rate, by_value[10000].kind) == ("people", "per day", "daily_rate")
    assert (by_value[6000].unit, by_value[6000].qualifier, by_value[6000].kind) == ("people", "around", "group_size")
    since = next(c for c in found if c.metric == "compare_periods")
    assert since.params["compare_to"] == "2022"


PASTED = (
    "Border agents made nearly 250,000 apprehensions at the southern border in December 2023, or about 8,000 a day, "
    "the most of any month on record."
)


def test_the_pasted_example_gives_a_month_a_rate_and_a_record():
    found = find_claims(PASTED, "2024-01-16")
    assert [(c.value, c.kind, c.when, c.metric) for c in found] == [
        (250_000, "month_total", "2023-12", "period_total"),
        (8_000, "daily_rate", "2023-12", "daily_rate"),
        (None, "record", "2023-12", "record"),
    ]
    assert abs(found[0].value / 31 - found[1].value) / found[1].value < 0.05  # the two agree with each other


def test_the_pasted_example_checked_against_the_data(data_cache):
    found = find_claims(PASTED, "2024-01-16")
    article = draft_article("Pasted", "2024-01", found)
    contexts = [evaluate(claim, load().tables) for claim in article.claims]
    assert [c.verdict.label if c.verdict else None for c in contexts] == [IN_LINE, IN_LINE, IN_LINE]
    record = contexts[2]
    assert "December 2023" in record.sentences[0] and "#1 of" in record.sentences[0]
    assert record.charts and not record.charts[0].frame.empty


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Border Patrol apprehensions in December 2023 were the lowest on record.", NOT_IN_LINE),
        ("Agents had the busiest month on record in December 2023, with arrests at the southern border.", IN_LINE),
        ("Apprehensions at the southern border hit a record high in fiscal 2023.", NOT_IN_LINE),
    ],
)
def test_record_claims_are_ranked_in_the_data(data_cache, text, label):
    [found] = find_claims(text, "2024-01-16")
    [claim] = draft_article("Pasted", "2024-01", [found]).claims
    context = evaluate(claim, load().tables)
    assert context.verdict is not None and context.verdict.label == label, context.sentences


def test_enforcement_away_from_the_border_is_said_to_be_not_checkable(data_cache):
    [found] = find_claims("ICE removed 271,000 noncitizens in fiscal 2024, the agency said.", "2024-12-20")
    [claim] = draft_article("Pasted", "2024-12", [found]).claims
    context = evaluate(claim, load().tables)
    assert context.verdict is not None and context.verdict.label == NOT_CHECKABLE
    assert "removal" in context.verdict.summary and not context.charts


def test_nearly_and_ranges_are_kept():
    [nearly] = find_claims("Agents recorded nearly 300,000 encounters at the southern border in December.", "2023-12")
    assert (nearly.value, nearly.qualifier, nearly.period) == (300_000, "nearly", "2023-12")
    [span] = find_claims("Officials said 9,000-10,000 migrants crossed the border each day.", "2023-12")
    assert (span.value, span.value_high, span.rate) == (9_000, 10_000, "per day")


def test_fiscal_year_and_last_month_periods():
    [fy] = find_claims("CBP logged 2.4 million encounters at the southwest border in FY2023.", "2024-03")
    assert (fy.period, fy.when, fy.params["span"]) == ("2023-09", "FY2023", "fiscal_year")
    [last] = find_claims("Border agents apprehended 140,000 migrants last month.", "2024-03")
    assert (last.period, last.when) == ("2024-02", "2024-02")


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
    assert (claim["value"], claim["unit"], claim["kind"], claim["metric"]) == (
        12_000,
        "people",
        "single_day",
        "daily_rate",
    )


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
    drawn(app.text_area(key="check_text").input(seed_text).run())
    assert app.subheader[0].value == "6 checkable claims found"
    assert [h.value for h in app.header] == ["Claim 1 of 6"]  # one card at a time, as on the article page
    app.radio(key="checked-claim").set_value(0).run()  # all claims on one page
    assert len(app.header) == 6 and len(app.get("plotly_chart")) >= 6
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
    drawn(app.text_area(key="check_text").input(hostile).run())
    quotes = [m.value for m in app.markdown if m.value.startswith("> ")]
    assert quotes and "\\<img" in quotes[0] and "\\[click\\](javascript" in quotes[0]


def test_reading_is_linear_and_capped():
    """10,000 numbers in one sentence: every one is looked at once, and the claims stop at the cap."""
    sentence = "Agents counted " + ", ".join(f"{n:,} migrants" for n in range(1_000, 11_000)) + " at the border."
    found = find_claims(sentence, "2023-12")
    assert len(found) == MAX_CLAIMS
    assert [c.value for c in found[:3]] == [1_000, 1_001, 1_002]


def listed_numbers(count: int) -> str:
    return "Agents counted " + ", ".join(f"{n:,} migrants" for n in range(1_000, 1_000 + count)) + " at the border."


def test_reading_time_grows_linearly_with_the_numbers():
    """Four times the numbers in one sentence, every one read into a claim (no cap), takes at most six
    times as long (best of 3 runs each, so a busy machine does not fail it); a finder that searched
    the whole sentence once per number would take about sixteen times as long."""

    def best_of_three(sentence: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            find_claims(sentence, "2023-12", cap=False)
            times.append(time.perf_counter() - started)
        return min(times)

    few, many = best_of_three(listed_numbers(2_000)), best_of_three(listed_numbers(8_000))
    assert many / few <= 6, f"2,000 numbers {few:.2f} s, 8,000 numbers {many:.2f} s"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Border agents recorded 2.4 million and 2.1 million apprehensions in fiscal 2022 and fiscal 2023.",
            [(2_400_000, "apprehensions", "FY2022"), (2_100_000, "apprehensions", "FY2023")],
        ),
        (
            "Officers at the bridge turned back 41,000 and 17,500 inadmissible travelers in October and November.",
            [(41_000, "people", "2023-10"), (17_500, "people", "2023-11")],
        ),
        (
            "The Border Patrol made 150,000, 160,000 and 170,000 arrests in March, April and May.",
            [
                (150_000, "apprehensions", "2023-03"),
                (160_000, "apprehensions", "2023-04"),
                (170_000, "apprehensions", "2023-05"),
            ],
        ),
    ],
)
def test_numbers_listed_together_share_the_unit_after_the_last(sentence, expected):
    """A scale word ("million") or an adjective ("inadmissible") between the last number and its noun
    does not leave the numbers before it without a unit."""
    assert [(c.value, c.unit, c.when) for c in find_claims(sentence, "2023-12-16")] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agents caught 250,\u200b000 migrants at the southern border in December 2023.", 250_000),
        ("Agents caught \uff12\uff15\uff10,000 migrants at the southern border in December 2023.", 250_000),
    ],
)
def test_invisible_and_full_width_characters_do_not_change_a_number(text, value):
    assert [c.value for c in find_claims(text, "2023-12")] == [value]


def test_thousands_of_years_ago_is_no_period():
    """It once raised (a year before 1000 is no label), and a long run of digits would have looped."""
    found = find_claims(
        "Some 2019 years ago, 5,000 migrants crossed the border; 99999999999 years ago, too.", "2023-12"
    )
    assert [c.value for c in found] == [5_000]


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
            [(250_000, "", "month_total"), (8_000, "per day", "daily_rate")],
        ),
        (
            "Border Patrol logged 9,500 arrests a day, up from 6,000 a month earlier.",
            [(9_500, "per day", "daily_rate"), (6_000, "per day", "daily_rate")],
        ),
        ("Every day, some 7,000 people crossed the southern border.", [(7_000, "per day", "daily_rate")]),
    ],
)
def test_each_number_gets_its_own_rate(sentence, expected):
    assert [(c.value, c.rate, c.kind) for c in find_claims(sentence, "2023-12")] == expected


def test_the_check_table_speaks_plainly_and_follows_the_readers_choice():
    from dashboard.article_check import PLAIN, claims_table, confirmed, corrected

    found = find_claims(PASTED, "2024-01-16")
    table = claims_table(found)
    assert list(table["measures"]) == ["in one month", "people per day", "a record"]
    assert set(PLAIN) >= {"people per day", "in one month", "in a fiscal year", "in a calendar year"}
    assert set(PLAIN) >= {"size of a group", "ports closed", "a record", "not checkable"}
    row = {**table.iloc[0].to_dict(), "measures": "people per day"}
    changed = corrected(found[0], row)
    assert changed is not None and changed.metric == "daily_rate" and "people per day" in changed.reason
    assert changed.reason != found[0].reason and changed.reason.startswith("Your choice")
    assert corrected(found[0], {**row, "period": "December"}) is None
    year = corrected(found[0], {**table.iloc[0].to_dict(), "period": "FY2024"})
    assert year is not None and (year.kind, year.period, year.params["span"]) == (
        "fiscal_year_total",
        "2024-09",
        "fiscal_year",
    )
    fiscal = corrected(found[0], {**table.iloc[0].to_dict(), "measures": "in a fiscal year"})
    assert fiscal is not None and (fiscal.when, fiscal.period) == ("FY2024", "2024-09")
    kept = confirmed(found, table.assign(keep=[True, False, True]))
    assert [c.kind for c in kept] == ["month_total", "record"]
