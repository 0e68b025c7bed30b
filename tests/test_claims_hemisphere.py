"""The cards that look beyond the U.S. border: a caravan's claimed size against the sizes published
for it (`caravan_estimates`), "the largest since" from overlapping ranges (`caravan_ranking`), and an
"unprecedented surge" year by year in the Darién and Mexico (`hemisphere_surge`).

On tiny inline tables every sentence and verdict branch is worked out by hand; each chart's download
must hold exactly the points and bars the figure draws; the reference lists must carry facts and
citations, never quoted wording; and on the pinned real files the seed article's three cards give
their verdicts (skipped while the hemisphere files are not among the pinned fixtures).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.charts import build
from dashboard.charts.reader_view import sanitised
from data_sources.claims import verdict as v
from data_sources.claims.articles import DEFAULT_ARTICLES_DIR, load_articles
from data_sources.claims.context import Claim, ClaimContext
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.caravan_estimates import CaravanEstimatesParams
from data_sources.claims.evaluators.caravan_ranking import CLAIMED, COMPARED, NAMED, OTHER, CaravanRankingParams
from data_sources.claims.evaluators.hemisphere_surge import HemisphereSurgeParams
from data_sources.claims.params import ParamError
from data_sources.core.canonical import ANNUAL_AS_PUBLISHED, HEMISPHERE_ANNUAL, MONTHLY_SUM
from data_sources.core.curated_hemisphere import CARAVANS, HEMISPHERE_FIGURES
from data_sources.core.schema import SchemaError, validate
from data_sources.core.vocabulary import DARIEN, MEXICO, USBP
from data_sources.reference import REFERENCE_DIR
from data_sources.tables import hemisphere_reference
from tests.test_claims_encounters import monthly_metrics

T = "Tapachula, Chiapas"


def estimate(caravan, day, low, high, who, qualifier="about", kind="count", second_hand=False, called=None):
    return {
        "caravan_id": caravan,
        "departure_date": pd.Timestamp(day),
        "origin": T,
        "size_low": low,
        "size_high": high,
        "qualifier": qualifier,
        "estimate_kind": kind,
        "estimated_by": who,
        "publisher": f"{who} site",
        "second_hand": second_hand,
        "disputed": False,
        "called_largest_since": called,
        "description": "Our words.",
        "source_title": f"A page by {who}",
        "source_url": f"https://example.org/{caravan}/{who.replace(' ', '-')}/{kind}",
    }


def caravans(*rows: dict) -> pd.DataFrame:
    """A caravans table as `read_caravans` makes it (checked against the same schema)."""
    frame = pd.DataFrame(list(rows)).astype({"size_low": "int64", "size_high": "int64"})
    return validate(CARAVANS, frame)


DECEMBER = [
    estimate("dec", "2023-12-24", 6_000, 6_000, "Agency A", called="2022-06"),
    estimate("dec", "2023-12-24", 6_000, 8_000, "Media", "range", second_hand=True),
    estimate("dec", "2023-12-24", 10_000, 10_000, "TV", "at_least"),
    estimate("dec", "2023-12-24", 15_000, 15_000, "Organizer", "at_least", "projection"),
]
JUNE = [
    estimate("jun", "2022-06-06", 4_000, 5_000, "Agency A", "range"),
    estimate("jun", "2022-06-06", 15_000, 15_000, "Organizer", "at_most", "projection"),
]
EARLY = [estimate("early", "2021-10-23", 2_000, 2_000, "Agency A")]


def claim(metric: str, params, value: float | None = None, period: str = "2023-12") -> Claim:
    return Claim("c", "a quote", metric, period, "people", value, ("A caveat.",), params)


def estimates_context(claimed: float, rows=DECEMBER, with_us: bool = False) -> ClaimContext:
    tables = {"caravans": caravans(*rows)}
    if with_us:
        tables["southwest_monthly_metrics"] = monthly_metrics({"2023-12": (62_000, 12_400)})
    return evaluate(claim("caravan_estimates", CaravanEstimatesParams("dec"), claimed), tables)


# caravan_estimates: the claimed size against the range of published counts.


def test_a_claimed_size_inside_the_counts_is_in_line_and_projections_stay_out_of_the_range():
    context = estimates_context(6_000)
    assert context.sentences == [
        "Reports at the time gave 3 counts of the caravan that left Tapachula on 24 December 2023, from 6,000 "
        "(Agency A and Media) to 10,000 or more (TV).",
        "Of the 3 counts, 2 include the claimed 6,000, 1 is higher and 0 lower.",
        "Left out of the range: Organizer's 15,000 or more, a forecast of what the group might become rather than "
        "a count.",
        "1 of the counts reaches us only through another outlet's retelling; each is marked below.",
    ]
    assert context.verdict is not None and context.verdict.label == v.IN_LINE
    assert (
        context.verdict.summary == "The claimed 6,000 is within the estimates published at the time (6,000 to 10,000)."
    )
    assert "Organizer" not in context.verdict.compared_with  # the projection is not evidence of size
    assert [c.text for c in context.citations] == [
        "Agency A: about 6,000",
        "Media: 6,000 to 8,000; reported second-hand",
        "TV: 10,000 or more",
        "Organizer: 15,000 or more (a projection, not a count)",
    ]


@pytest.mark.parametrize(
    ("claimed", "label", "summary"),
    [
        (11_000, v.IN_LINE, "The claimed 11,000 is within the estimates published at the time (6,000 to 10,000)."),
        (15_000, v.HIGHER, "The claimed 15,000 is 50% above the top of the estimates published at the time "
                           "(6,000 to 10,000)."),
        (3_000, v.LOWER, "The claimed 3,000 is 50% below the bottom of the estimates published at the time "
                         "(6,000 to 10,000)."),
    ],
)  # fmt: skip
def test_a_claimed_size_beyond_the_counts_is_higher_or_lower(claimed, label, summary):
    verdict = estimates_context(claimed).verdict
    assert verdict is not None and (verdict.label, verdict.summary) == (label, summary)


def test_only_projections_or_an_unknown_caravan_cannot_be_checked():
    only = estimates_context(6_000, [DECEMBER[-1]])
    assert only.sentences == ["Only projections, no counts, were published for the caravan that left Tapachula on 24 "
                              "December 2023."]  # fmt: skip
    assert only.verdict is not None and only.verdict.label == v.NOT_CHECKABLE and only.charts == []
    unknown = evaluate(
        claim("caravan_estimates", CaravanEstimatesParams("nov"), 6_000), {"caravans": caravans(*DECEMBER)}
    )
    assert unknown.verdict is not None and unknown.verdict.label == v.NOT_CHECKABLE
    assert unknown.sentences == ["Our list of caravan sizes has no caravan called 'nov'."]


def test_one_average_day_at_the_us_border_is_set_beside_the_estimates_for_scale():
    context = estimates_context(6_000, with_us=True)  # December 2023: 74,400 encounters, 2,400 a day; USBP 2,000
    assert context.sentences[-1] == (
        "For scale: at December 2023's pace of 2,400 Southwest border encounters a day (2,000 by the Border Patrol "
        "between ports), the counted sizes equal 2.5 to 4.2 days of encounters at the U.S. border."
    )
    [chart] = context.charts
    assert list(chart.frame["label"]) == [
        "The article", "Agency A", "Media", "TV", "Organizer, projection",
        "All encounters, a day", "Border Patrol, a day",
    ]  # fmt: skip
    assert list(chart.frame["size_high"]) == [6_000, 6_000, 8_000, 10_000, 15_000, 2_400, 2_000]
    assert context.sources == ["events", "cbp_sbo"]


def test_the_estimates_chart_draws_each_row_of_its_download_once():
    [spec] = estimates_context(6_000, with_us=True).charts
    fig = build(spec)
    drawn = []
    for trace in fig.data:
        if trace.type == "bar":
            drawn += [(str(y), float(x)) for x, y in zip(trace.x, trace.y, strict=True)]
        else:
            half = trace.error_x.array if trace.error_x.array is not None else [0] * len(trace.x)
            drawn += [(str(y), float(x + h)) for x, y, h in zip(trace.x, trace.y, half, strict=True)]
    expected = [(label, float(high)) for label, high in zip(spec.frame["label"], spec.frame["size_high"], strict=True)]
    assert sorted(drawn) == sorted(expected)
    assert list(fig.layout.yaxis.categoryarray) == list(spec.frame["label"])  # every row its own line, in order


def test_text_from_the_list_is_escaped_in_hover_labels():
    rows = [estimate("dec", "2023-12-24", 6_000, 6_000, "<b>Agency</b>")]
    fig = build(estimates_context(6_000, rows).charts[0])
    hovers = [text.replace("<br>", " ") for t in fig.data if t.customdata is not None for text in t.customdata]
    assert hovers == ["&lt;b&gt;Agency&lt;/b&gt;: about 6,000 (via &lt;b&gt;Agency&lt;/b&gt; site)"]
    assert "&lt;b&gt;Agency&lt;/b&gt;" in sanitised(fig).data[1].y  # the row label, escaped where the page draws it


# caravan_ranking: "the largest since" from whether the ranges of counts overlap.


def ranking(*rows: dict, named: str = "jun") -> ClaimContext:
    params = CaravanRankingParams("dec", named)
    return evaluate(claim("caravan_ranking", params), {"caravans": caravans(*rows)})


def test_a_caravan_above_every_one_since_the_named_one_is_in_line():
    between = [
        estimate("aug", "2022-08-22", 500, 500, "Agency B"),
        estimate("oct", "2023-10-30", 3_000, 5_000, "C", "range"),
    ]
    context = ranking(*EARLY, *JUNE, *between, *DECEMBER)
    assert context.verdict is not None and context.verdict.label == v.IN_LINE
    assert context.verdict.summary == (
        "Every count of every caravan since the 6 Jun 2022 caravan is below the lowest count of the 24 Dec 2023 "
        "caravan (6,000)."
    )
    assert context.sentences[:3] == [
        "Our list holds 5 caravans that left Tapachula from October 2021 to December 2023, each with the sizes "
        "reported at the time; no one counts a caravan officially.",
        "The 24 Dec 2023 caravan was put at 6,000 to 10,000 (3 counts).",
        "Caravans that left Tapachula after the 6 Jun 2022 caravan and before the 24 Dec 2023 caravan: "
        "22 Aug 2022 (500) and 30 Oct 2023 (3,000 to 5,000).",
    ]
    assert context.sentences[-1] == "The 6 Jun 2022 caravan itself was put at 4,000 to 5,000."


def test_overlapping_ranges_cannot_settle_it_and_another_largest_since_is_told():
    october = [
        estimate("oct", "2023-10-30", 3_000, 3_000, "Agency A", called="2022-06"),
        estimate("oct", "2023-10-30", 7_000, 7_000, "Organizer B", "at_least"),
    ]
    context = ranking(*JUNE, *october, *DECEMBER)
    assert context.verdict is not None and context.verdict.label == v.UNSETTLED
    assert context.verdict.summary == (
        "The counts of the 30 Oct 2023 caravan (3,000 to 7,000) overlap those of the 24 Dec 2023 caravan (6,000 to "
        "10,000), so the reports cannot tell which group was larger."
    )
    assert (
        "The highest count of the 30 Oct 2023 caravan, 7,000 or more (Organizer B), is above the lowest of the "
        "24 Dec 2023 caravan, 6,000 (Agency A and Media)." in context.sentences
    )
    assert "Reports at the time (Agency A site) also called the 30 Oct 2023 caravan the largest since June 2022." in (
        context.sentences
    )


def test_a_caravan_wholly_above_the_claimed_one_is_not_in_line_but_a_projection_never_counts():
    larger = [estimate("oct", "2023-10-30", 11_000, 12_000, "Agency B", "range")]
    context = ranking(*JUNE, *larger, *DECEMBER)
    assert context.verdict is not None and context.verdict.label == v.NOT_IN_LINE
    assert context.verdict.summary == (
        "Every count of the 30 Oct 2023 caravan (11,000 to 12,000) is above the highest count of the 24 Dec 2023 "
        "caravan (10,000)."
    )
    forecast = [
        estimate("oct", "2023-10-30", 1_000, 1_000, "Agency B"),
        estimate("oct", "2023-10-30", 50_000, 50_000, "Organizer", "at_most", "projection"),
    ]
    assert ranking(*JUNE, *forecast, *DECEMBER).verdict.label == v.IN_LINE


def test_with_no_caravan_in_between_the_claim_stands_and_says_why():
    context = ranking(*JUNE, *DECEMBER)
    assert context.verdict is not None and context.verdict.label == v.IN_LINE
    assert (
        context.verdict.summary
        == "No other caravan with a published count left the same place since the 6 Jun 2022 caravan."
    )
    assert ranking(*DECEMBER, named="sep").sentences == ["Our list of caravan sizes has no caravan called 'sep'."]


def test_the_ranges_chart_draws_a_dot_per_estimate_and_a_bar_per_caravan_with_counts():
    october = [estimate("oct", "2023-10-30", 3_000, 7_000, "Agency B", "range")]
    [spec] = ranking(*EARLY, *JUNE, *october, *DECEMBER).charts
    frame = spec.frame
    assert dict(zip(frame["caravan_id"], frame["role"], strict=False)) == {
        "early": OTHER, "jun": NAMED, "oct": COMPARED, "dec": CLAIMED,
    }  # fmt: skip
    fig = build(spec)
    dots = [(str(y), float(x)) for t in fig.data if t.type == "scatter" for x, y in zip(t.x, t.y, strict=True)]
    middles = (frame["size_low"] + frame["size_high"]) / 2
    assert sorted(dots) == sorted(zip(frame["caravan"], middles.astype(float), strict=True))
    bars = {str(y): (b, b + w) for t in fig.data if t.type == "bar" for b, w, y in zip(t.base, t.x, t.y, strict=True)}
    ranges = frame.drop_duplicates("caravan").set_index("caravan")[["caravan_low", "caravan_high"]]
    assert bars == {c: (float(lo), float(hi)) for c, (lo, hi) in ranges.iterrows()}
    assert bars["24 Dec 2023"] == (6_000, 10_000)  # the projection of 15,000 is a hollow dot, not part of the bar
    assert next(t.name for t in fig.data if t.type == "bar") == "The article's caravan"


# hemisphere_surge: the claim's year against every earlier year in the Darién and Mexico.


def annual(darien: dict[int, int | tuple[int, int]], mexico: dict[int, int | tuple[int, int]]) -> pd.DataFrame:
    """`hemisphere_annual` as the source builds it: {year: count} or {year: (count, months)} per place."""
    rows = []
    for place, years in ((DARIEN, darien), (MEXICO, mexico)):
        for year, value in years.items():
            count, months = value if isinstance(value, tuple) else (value, 12)
            basis = ANNUAL_AS_PUBLISHED if place == DARIEN and year < 2020 else MONTHLY_SUM
            source = "iom_darien" if place == DARIEN else "iom_mexico"
            rows.append((year, place, count, months, months == 12, basis, source))
    columns = ["year", "place", "count", "months", "complete", "basis", "source"]
    return validate(HEMISPHERE_ANNUAL, pd.DataFrame(rows, columns=columns))


def us_years() -> pd.DataFrame:
    counts = {2021: 1_900, 2022: 2_300, 2023: 2_000, 2024: 600}
    return pd.DataFrame(
        {
            "component": USBP,
            "calendar_year": list(counts),
            "encounters": list(counts.values()),
            "months": [12, 12, 12, 8],
            "complete": [True, True, True, False],
        }
    )


DARIEN_YEARS = {2019: 20, (2020): (6, 9), 2021: 100, 2022: 250, 2023: 500, 2024: (30, 4)}
MEXICO_YEARS = {2021: 300, 2022: 400, 2023: 800}


def surge(darien=DARIEN_YEARS, mexico=MEXICO_YEARS, year: str | None = None, **more) -> ClaimContext:
    tables = {"hemisphere_annual": annual(darien, mexico), **more}
    return evaluate(claim("hemisphere_surge", HemisphereSurgeParams(year)), tables)


def test_a_year_above_every_earlier_one_in_both_series_is_in_line():
    context = surge(southwest_calendar_year_totals=us_years())
    assert context.sentences == [
        "Darién (Panama): 500 crossings in 2023, the highest of the 5 years since 2019: 2.0 times the previous high "
        "(250 in 2022) and 33% higher than all 4 earlier years combined (376, with 2020 held for 9 months only). "
        "Since then: 2024: 30 in 4 months only.",
        "Mexico: 800 apprehension events in 2023, the highest of the 3 years since 2021: 2.0 times the previous high "
        "(400 in 2022) and 14% higher than all 2 earlier years combined (700).",
        "At the U.S. Southwest border (Border Patrol): 2,000 encounters in calendar 2023, #2 of 3 complete years "
        "since 2021; only 2022 (2,300) was higher.",
    ]
    assert context.verdict is not None and context.verdict.label == v.IN_LINE
    assert context.verdict.summary == (
        "2023 was the highest year so far in every hemisphere series we hold: Darién (Panama), 500 crossings "
        "(previous high 250 in 2022) and Mexico, 800 apprehension events (previous high 400 in 2022)."
    )
    assert "do not decide" in context.verdict.rule  # the U.S. count, second highest here, is shown, not weighed
    assert context.caveats[0].startswith("These series count crossings and apprehension events, not people")
    assert context.sources == ["iom_darien", "iom_mexico", "cbp_sbo", "ohss_usbp"]


@pytest.mark.parametrize(
    ("mexico", "year", "label", "summary"),
    [
        ({2021: 900, 2022: 400, 2023: 800}, None, v.UNSETTLED,
         "2023 was the highest year so far in Darién (Panama), but not in Mexico (or the year is incomplete there)."),
        ({2021: 300, 2022: 400, 2023: (800, 11)}, None, v.UNSETTLED,
         "2023 was the highest year so far in Darién (Panama), but not in Mexico (or the year is incomplete there)."),
        ({2021: 500, 2022: 400, 2023: 800}, "2022", v.NOT_IN_LINE,
         "In every hemisphere series we hold, an earlier year was as high as 2022 or higher."),
        ({2022: 400, 2023: 800}, "2021", v.UNSETTLED,
         "2021 was the highest year so far in Darién (Panama), but not in Mexico (or the year is incomplete there)."),
    ],
)  # fmt: skip
def test_a_year_not_highest_everywhere_is_unsettled_and_lower_everywhere_not_in_line(mexico, year, label, summary):
    darien = {**DARIEN_YEARS, 2021: 300} if year == "2022" else DARIEN_YEARS  # 2022 below 2021 in both
    verdict = surge(darien, mexico, year).verdict
    assert verdict is not None and (verdict.label, verdict.summary) == (label, summary)


def test_a_partial_or_missing_year_is_said_to_be_so_and_none_covered_is_not_checkable():
    partial = surge(mexico={2021: 300, 2022: 400, 2023: (800, 11)})
    assert "Mexico: 2023 is in the series only in part (11 months, 800 apprehension events)." in partial.sentences
    missing = surge(year="2030")
    assert missing.verdict is not None and missing.verdict.label == v.NOT_CHECKABLE
    assert missing.sentences[:2] == [
        "Darién (Panama): the series we hold runs from 2019 to 2024, without 2030.",
        "Mexico: the series we hold runs from 2021 to 2023, without 2030.",
    ]
    with pytest.raises(ParamError, match="year"):
        HemisphereSurgeParams("23")


def test_published_totals_are_set_beside_the_series_and_other_totals_tested():
    figures = pd.DataFrame(
        [
            ("d20", DARIEN, 2020, 60, "variant", "Panama", "Outlet A", "2023-07"),
            ("d23", DARIEN, 2023, 500, "published_total", "Panama", "Outlet B", "2024-01"),
            ("d24", DARIEN, 2024, 40, "published_total", "Panama", "Outlet C", "2025-01"),
            ("m23", MEXICO, 2023, 810, "published_total", "Mexico", "Outlet D", "2024-02"),
        ],
        columns=["figure_id", "place", "year", "count", "figure_kind", "published_by", "reported_by", "published"],
    ).assign(note="Our note.", source_title="A page", source_url="https://example.org/f")
    context = surge(hemisphere_figures=validate(HEMISPHERE_FIGURES, figures))
    assert context.sentences[2:] == [
        "Darién (Panama): with the higher totals also published for 2020, the earlier years add up to 430; 2023 is "
        "16% higher than that.",
        "Darién (Panama): the series' 2023 total is the one Panama published (reported by Outlet B).",
        "Darién (Panama): the series holds 4 months of 2024; Panama put the whole year at 40 (reported by Outlet C).",
        "Mexico: the series' 2023 total is 10 below the 810 that Mexico published (reported by Outlet D): releases "
        "differ and are revised.",
    ]
    assert [c.text.partition(" (Panama;")[0].partition(" (Mexico;")[0] for c in context.citations] == [
        "Darién (Panama), 2020: 60",
        "Darién (Panama), 2023: 500",
        "Darién (Panama), 2024: 40",
        "Mexico, 2023: 810",
    ]


def test_the_years_chart_draws_each_row_once_and_leaves_a_gap_at_part_years():
    context = surge(southwest_calendar_year_totals=us_years())
    [spec] = context.charts
    frame = spec.frame
    assert list(frame["series"].unique()) == [DARIEN, MEXICO, USBP]
    assert list(frame.loc[frame["series"] == USBP, "year"]) == [2021, 2022, 2023, 2024]
    fig = build(spec)
    drawn = sorted(
        (int(x), int(y), trace.mode == "markers")
        for trace in fig.data
        for x, y in zip(trace.x, trace.y, strict=True)
        if y is not None and y == y  # a part-year is a gap (missing) in its series' line
    )
    assert drawn == sorted(zip(frame["year"], frame["count"], ~frame["complete"], strict=True))
    darien_line = next(t for t in fig.data if t.mode == "lines+markers" and 2020 in list(t.x))
    assert pd.isna(list(darien_line.y)[list(darien_line.x).index(2020)])  # no dip drawn for a 9-month 2020


# The reference lists: facts and citations in the project's own words.


@pytest.fixture(scope="module")
def reference() -> dict[str, pd.DataFrame]:
    return {
        "caravans": hemisphere_reference.read_caravans(),
        "hemisphere_figures": hemisphere_reference.read_hemisphere_figures(),
    }


def test_the_reference_lists_cite_every_row_over_https_and_carry_no_quote(reference):
    for name, table in reference.items():
        assert not [c for c in table.columns if "quote" in c or "as_reported" in c], name
        assert table["source_url"].str.startswith("https://").all(), name
        assert table["source_title"].str.strip().ne("").all(), name
    caravans_list = reference["caravans"]
    assert caravans_list["description"].is_unique  # written for each estimate, not pasted
    assert set(caravans_list["estimate_kind"]) == {"count", "projection"}


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [("source_url", "http://example.org/a", "https"), ("size_low", "99999", "size_low must not exceed size_high")],
)
def test_a_broken_caravans_list_is_refused(tmp_path: Path, column, value, problem):
    broken = pd.read_csv(REFERENCE_DIR / "caravans.csv", dtype=str, keep_default_na=False)
    broken.loc[0, column] = value
    broken.to_csv(tmp_path / "caravans.csv", index=False)
    with pytest.raises(SchemaError, match=problem):
        hemisphere_reference.read_caravans(tmp_path / "caravans.csv")


def test_a_flag_that_is_not_true_or_false_is_named(tmp_path: Path):
    shutil.copy(REFERENCE_DIR / "caravans.csv", tmp_path / "caravans.csv")
    text = (tmp_path / "caravans.csv").read_text().replace(",false,false,", ",yes,false,", 1)
    (tmp_path / "caravans.csv").write_text(text)
    with pytest.raises(ValueError, match="second_hand must be true or false"):
        hemisphere_reference.read_caravans(tmp_path / "caravans.csv")


# The seed article's three cards on the pinned real files.


@pytest.fixture(scope="module")
def seed(filled_cache) -> dict[str, tuple[Claim, ClaimContext, dict[str, pd.DataFrame]]]:
    from data_sources.acquire.snapshots import SnapshotStore
    from data_sources.tables.build import load

    tables = load(SnapshotStore(filled_cache / "raw")).tables
    (article,), _ = load_articles(DEFAULT_ARTICLES_DIR)
    return {c.id: (c, evaluate(c, tables), tables) for c in article.claims}


def test_the_seed_caravan_cards_read_the_published_estimates(seed):
    _, size_card, _ = seed["caravan-size"]
    assert size_card.verdict is not None and size_card.verdict.label == v.IN_LINE
    assert size_card.sentences[0].startswith("Reports at the time gave 7 counts of the caravan that left Tapachula on "
                                             "24 December 2023, from 6,000 (")  # fmt: skip
    assert "9,741 Southwest border encounters a day (8,056 by the Border Patrol" in size_card.sentences[4]
    _, ranking_card, _ = seed["largest-since-2022"]
    assert ranking_card.verdict is not None and ranking_card.verdict.label == v.UNSETTLED
    assert "30 Oct 2023 caravan" in ranking_card.verdict.summary
    assert any("also called the 30 Oct 2023 caravan the largest since June 2022" in s for s in ranking_card.sentences)


def test_the_seed_surge_card_reads_the_darien_and_mexico_files(seed):
    claim_, context, tables = seed["unprecedented-surge"]
    assert "hemisphere_annual" in tables  # built from the pinned IOM files
    years = tables["hemisphere_annual"]
    darien = years[years["place"] == DARIEN].set_index("year")["count"]
    assert context.verdict is not None and context.verdict.label == v.IN_LINE
    assert context.sentences[0].startswith(f"Darién (Panama): {darien[2023]:,} crossings in 2023, the highest of the")
    assert f"{darien.loc[2010:2022].sum():,}" in context.sentences[0]  # all earlier years added up, from the file
    [spec] = context.charts
    assert set(spec.frame["series"]) == {DARIEN, MEXICO, USBP} and claim_.metric == "hemisphere_surge"
