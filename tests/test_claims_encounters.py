"""The evaluators over the Southwest series (daily_rate, size_vs_daily, compare_periods,
period_total) on a tiny inline series: every number in a sentence is worked out here by hand.

The series, per day: June 2022 1,200 (Border Patrol 1,000, OFO 200); December 2022 1,300
(1,000 + 300); November 2023 1,800 (1,500 + 300); December 2023 2,400 (2,000 + 400); and January
2021, Border Patrol only, 500.
"""

from __future__ import annotations

import pandas as pd
import pytest

from data_sources.claims.context import Claim
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.compare_periods import ComparePeriodsParams
from data_sources.claims.evaluators.daily_rate import DailyRateParams, publishers
from data_sources.claims.evaluators.period_total import PeriodTotalParams
from data_sources.claims.evaluators.size_vs_daily import SizeVsDailyParams
from data_sources.claims.params import ParamError, Params
from data_sources.claims.rows import SERIES_COLUMNS
from data_sources.claims.verdict import HIGHER, IN_LINE, LOWER, NOT_CHECKABLE, NOT_IN_LINE, number_rule
from data_sources.core.periods import month_start
from data_sources.core.vocabulary import ALL_SOUTHWEST, OFO, USBP

COUNTS = {  # month: (Border Patrol, OFO) encounters
    "2021-01": (15_500, None),
    "2022-06": (30_000, 6_000),
    "2022-12": (31_000, 9_300),
    "2023-11": (45_000, 9_000),
    "2023-12": (62_000, 12_400),
}


def monthly_metrics(counts: dict[str, tuple[int, int | None]]) -> pd.DataFrame:
    """The Southwest series as the table build makes it: per component, per day, ranked."""
    rows = []
    for period, (usbp, ofo) in counts.items():
        parts = [(USBP, usbp)] if ofo is None else [(USBP, usbp), (OFO, ofo), (ALL_SOUTHWEST, usbp + ofo)]
        rows += [
            {"month": month_start(period), "component": c, "encounters": n, "source": "cbp_sbo", "vintage": "2024-06"}
            for c, n in parts
        ]
    frame = pd.DataFrame(rows)
    frame = frame.assign(days_in_month=frame["month"].dt.days_in_month)
    frame = frame.assign(per_day=frame["encounters"] / frame["days_in_month"])
    per_day = frame.groupby("component")["per_day"]
    return frame.assign(
        rank=per_day.rank(ascending=False, method="min").astype("int64"), months_in_series=per_day.transform("size")
    )


def tables(counts: dict[str, tuple[int, int | None]] = COUNTS) -> dict[str, pd.DataFrame]:
    return {
        "southwest_monthly_metrics": monthly_metrics(counts),
        "reconciliation": pd.DataFrame(
            {
                "month": [month_start("2023-12")],
                "breakdown": ["Southwest total"],
                "left_vintage": ["2024-06"],
                "left_encounters": [74_400],
                "right_source": ["cbp_nationwide"],
                "right_vintage": ["2024-01"],
                "right_encounters": [74_500],
            }
        ),
        "published_figures": pd.DataFrame(
            {
                "figure_id": ["peak"],
                "figure_value": ["12000"],
                "value_qualifier": ["more_than"],
                "measure": ["Encounters in a day"],
                "publisher": ["CBP"],
                "status": ["official_quoted"],
                "period_start": [pd.Timestamp("2023-12-18")],
                "period_end": [pd.Timestamp("2023-12-18")],
                "publication_date": [pd.Timestamp("2023-12-19")],
                "source_title": ["A statement"],
                "source_url": ["https://example.org/a"],
            }
        ),
        "events": pd.DataFrame(
            {
                "event_id": ["caravan"],
                "start_date": [pd.Timestamp("2023-12-24")],
                "end_date": [pd.Timestamp("2024-01-02")],
                "description": ["A caravan set out."],
                "source_title": ["A report"],
                "source_url": ["https://example.org/b"],
            }
        ),
    }


def claim(metric: str, params: Params, value: float | None = None, period: str = "2023-12") -> Claim:
    return Claim("c", "a quote", metric, period, "unit", value, ("A caveat.",), params)


def test_daily_rate_sets_the_claim_beside_each_component_per_day():
    context = evaluate(claim("daily_rate", DailyRateParams(("2023-11", "2023-12"), ("peak",)), 3_000), tables())
    assert context.sentences == [
        "In December 2023, CBP counted 74,400 encounters at the Southwest border: 62,000 by the Border Patrol "
        "between ports of entry and 12,400 by OFO at ports. That is 2,400 a day on average (2,000 between ports, "
        "400 at ports).",
        "The claimed 3,000 a day is 25% above the average of all encounters, and 50% above the between-ports "
        "average, the closer match to 'crossing illegally'.",
        "Per day, December 2023 ranks #1 of 5 months of Border Patrol data since January 2021, and #1 of 4 months "
        "of all Southwest encounters since June 2022.",
        "As first published (release of 2024-01) the month had 74,500 encounters; CBP's release of 2024-06 "
        "revises it to 74,400.",
    ]
    [chart] = context.charts
    assert chart.title == "Southwest border encounters per day, Nov 2023–Dec 2023"
    series = monthly_metrics(COUNTS)
    expected = series[series["month"] >= month_start("2023-11")][SERIES_COLUMNS]
    pd.testing.assert_frame_equal(chart.frame, expected)
    assert [c.text for c in context.citations] == [
        "Encounters in a day, 18 December 2023: more than 12,000. Given on 19 December 2023 by CBP; it is an "
        "official's own statement."
    ]
    assert context.caveats == ["A caveat."]


def test_size_vs_daily_counts_days_of_encounters():
    context = evaluate(claim("size_vs_daily", SizeVsDailyParams(("caravan",)), 1_200), tables())
    assert context.sentences == [
        "At December 2023's pace of 2,400 Southwest border encounters a day, a group of 1,200 equals 0.5 days of "
        "encounters, or 1.6% of the month's 74,400.",
        "From 24 December 2023 to 2 January 2024: A caravan set out.",
    ]
    expected = pd.DataFrame(
        {
            "measure": [
                "Caravan size (as claimed)",
                "Average day, all Southwest encounters, December 2023",
                "Average day, Border Patrol between ports, December 2023",
                "Average day, OFO at ports, December 2023",
            ],
            "people_or_encounters": [1_200.0, 2_400.0, 2_000.0, 400.0],
            "source": ["the article", "cbp_sbo", "cbp_sbo", "cbp_sbo"],
        }
    )
    pd.testing.assert_frame_equal(context.charts[0].frame, expected)
    assert [c.url for c in context.citations] == ["https://example.org/b"]


def test_compare_periods_against_a_month():
    params = ComparePeriodsParams("2022-06", ("2022-06", "2023-12"))
    context = evaluate(claim("compare_periods", params), tables())
    assert context.sentences == [
        "In June 2022, Southwest border encounters averaged 1,200 a day (36,000 in the month; Border Patrol "
        "1,000 a day).",
        "In December 2023 they averaged 2,400 a day, 100% higher than June 2022 (Border Patrol 2,000 a day, "
        "100% higher than then).",
        "Of 4 months with all Southwest encounters, June 2022 ranks #4 and December 2023 #1 per day.",
    ]
    assert context.charts[0].options["compare"] == month_start("2022-06")
    assert context.charts[0].file_name == "encounters_per_day_2022-06_vs_2023-12.csv"


def test_compare_periods_against_a_year_takes_its_busiest_month():
    context = evaluate(claim("compare_periods", ComparePeriodsParams("2022", ("2022-01", "2023-12"))), tables())
    assert context.sentences[0].startswith("In December 2022, Southwest border encounters averaged 1,300 a day")


def test_compare_periods_without_that_year_in_the_series_says_so():
    for year in ("2021", "2019"):  # 2021: Border Patrol only, so no all-Southwest month to compare
        context = evaluate(claim("compare_periods", ComparePeriodsParams(year, ("2021-01", "2023-12"))), tables())
        assert context.charts == []
        assert context.sentences[0].startswith(f"Our snapshots hold no Southwest encounter counts in {year} ")


def test_period_total_for_a_month():
    context = evaluate(claim("period_total", PeriodTotalParams(), 80_000), tables())
    assert context.sentences == [
        "In December 2023, CBP counted 74,400 encounters at the Southwest border: 62,000 by the Border Patrol "
        "between ports and 12,400 by OFO at ports.",
        "The claimed 80,000 is 8% above all encounters and 29% above the Border Patrol's count.",
    ]
    expected = pd.DataFrame(
        {
            "measure": [
                "The claim",
                "All Southwest encounters, December 2023",
                "Border Patrol, December 2023",
                "OFO at ports, December 2023",
            ],
            "people_or_encounters": [80_000, 74_400, 62_000, 12_400],
            "source": ["the text", "cbp_sbo", "cbp_sbo", "cbp_sbo"],
        }
    )
    pd.testing.assert_frame_equal(context.charts[0].frame, expected)
    assert context.caveats[-1].startswith("Encounters are events, not unique people")


def test_period_total_for_a_fiscal_year_sums_its_twelve_months():
    fiscal_2023 = pd.date_range("2022-10-01", "2023-09-01", freq="MS").strftime("%Y-%m")
    series = {period: (1_000, 100) for period in fiscal_2023}
    context = evaluate(claim("period_total", PeriodTotalParams("fiscal_year"), 13_200, "2023-09"), tables(series))
    assert context.sentences == [
        "In fiscal year 2023, CBP counted 13,200 encounters at the Southwest border: 12,000 by the Border Patrol "
        "between ports and 1,200 by OFO at ports.",
        "The claimed 13,200 is about the same as all encounters and 10% above the Border Patrol's count.",
    ]
    short = {period: counts for period, counts in series.items() if period != "2023-03"}
    context = evaluate(claim("period_total", PeriodTotalParams("fiscal_year"), 13_200, "2023-09"), tables(short))
    assert context.sentences[0].startswith("Our snapshots hold no complete Southwest totals")


# The verdict line: the claimed number against the closest official figure that fits its words.


@pytest.mark.parametrize(
    ("claimed", "label", "summary"),
    [
        (3_000, HIGHER, "The claimed 3,000 a day is 25% above CBP's average of all Southwest encounters per day in "
                        "December 2023 (2,400)."),
        (2_500, IN_LINE, "The claimed 2,500 a day is 4% above CBP's average of all Southwest encounters per day in "
                         "December 2023 (2,400)."),
        (1_900, IN_LINE, "The claimed 1,900 a day is 5% below CBP's average of Border Patrol encounters between "
                         "ports per day in December 2023 (2,000)."),
        (1_500, LOWER, "The claimed 1,500 a day is 25% below CBP's average of Border Patrol encounters between "
                       "ports per day in December 2023 (2,000)."),
    ],
)  # fmt: skip
def test_daily_rate_verdict_takes_the_closest_of_all_encounters_and_between_ports(claimed, label, summary):
    verdict = evaluate(claim("daily_rate", DailyRateParams(("2023-11", "2023-12")), claimed), tables()).verdict
    assert verdict is not None
    assert (verdict.label, verdict.summary) == (label, summary)
    assert "all Southwest encounters per day in December 2023: 2,400" in verdict.compared_with
    assert "Border Patrol encounters between ports per day in December 2023: 2,000" in verdict.compared_with
    assert verdict.rule == number_rule()


def test_the_figure_names_who_published_the_rows():
    assert publishers(["cbp_sbo", "ohss_usbp", "cbp_nationwide"]) == "CBP and OHSS"
    assert publishers(["not_a_source"]) == "not_a_source"


@pytest.mark.parametrize(
    ("claimed", "label", "closest"),
    [
        (80_000, IN_LINE, "The claimed 80,000 is 8% above CBP's count of all Southwest encounters in December 2023 "
                          "(74,400)."),
        (50_000, LOWER, "The claimed 50,000 is 19% below CBP's count of Border Patrol encounters between ports in "
                        "December 2023 (62,000)."),
        (100_000, HIGHER, "The claimed 100,000 is 34% above CBP's count of all Southwest encounters in December "
                          "2023 (74,400)."),
    ],
)  # fmt: skip
def test_period_total_verdict_sets_the_count_beside_the_period_totals(claimed, label, closest):
    verdict = evaluate(claim("period_total", PeriodTotalParams(), claimed), tables()).verdict
    assert verdict is not None and (verdict.label, verdict.summary) == (label, closest)


def test_period_total_names_the_datasets_each_bar_adds_up():
    series = monthly_metrics(COUNTS)
    nationwide = series.assign(
        source=series["source"].where(series["month"] < month_start("2023-12"), "cbp_nationwide")
    )
    context = evaluate(
        claim("period_total", PeriodTotalParams(), 80_000), tables() | {"southwest_monthly_metrics": nationwide}
    )
    assert context.charts[0].frame["source"].tolist() == [
        "the text",
        "cbp_nationwide",
        "cbp_nationwide",
        "cbp_nationwide",
    ]


def test_size_vs_daily_is_not_checkable_and_gives_the_scale_it_used():
    verdict = evaluate(claim("size_vs_daily", SizeVsDailyParams(("caravan",)), 1_200), tables()).verdict
    assert verdict is not None and verdict.label == NOT_CHECKABLE and verdict.rating is None
    assert verdict.summary == (
        "U.S. border counts do not measure a group's size before it reaches the border; for scale, 1,200 equals "
        "0.5 days of all Southwest encounters at December 2023's average of 2,400 a day."
    )
    assert (
        verdict.compared_with
        == "for scale only, CBP's average of all Southwest encounters per day in December 2023: 2,400"
    )


def compare_verdict(direction: str | None, value: float | None = None, unit: str = "encounters per day", counts=COUNTS):
    params = ComparePeriodsParams("2022-06", ("2022-06", "2023-12"), direction=direction)
    context = evaluate(Claim("c", "a quote", "compare_periods", "2023-12", unit, value, (), params), tables(counts))
    assert context.verdict is not None
    return context.verdict


def test_compare_periods_without_a_stated_direction_is_not_checkable():
    verdict = compare_verdict(None)
    assert verdict.label == NOT_CHECKABLE
    assert verdict.summary == (
        "The claim states no rise or fall in encounters between June 2022 and December 2023 for these data to test."
    )


@pytest.mark.parametrize(
    ("direction", "counts", "label", "moved"),
    [
        ("higher", COUNTS, IN_LINE, "100% higher (2,400 against 1,200)"),
        ("lower", COUNTS, NOT_IN_LINE, "100% higher (2,400 against 1,200)"),
        ("lower", COUNTS | {"2023-12": (31_000, 6_200)}, NOT_IN_LINE, "about the same (1,200 against 1,200)"),
        ("lower", COUNTS | {"2023-12": (15_500, 3_100)}, IN_LINE, "50% lower (600 against 1,200)"),
    ],
)
def test_compare_periods_verdict_on_the_stated_direction(direction, counts, label, moved):
    verdict = compare_verdict(direction, counts=counts)
    assert verdict.label == label
    assert verdict.summary == (
        f"The claim says encounters were {direction} in December 2023 than in June 2022; per day they were {moved}."
    )
    assert verdict.compared_with.startswith("CBP's average of all Southwest encounters per day in June 2022: 1,200")


@pytest.mark.parametrize(
    ("percent", "label", "summary"),
    [
        (100, IN_LINE, "A change of 100% up from June 2022's 1,200 a day means 2,400 a day in December 2023, which is "
                       "about the same as the 2,400 the data show."),
        (50, LOWER, "A change of 50% up from June 2022's 1,200 a day means 1,800 a day in December 2023, which is "
                    "25% below the 2,400 the data show."),
    ],
)  # fmt: skip
def test_compare_periods_verdict_on_a_stated_percent_change(percent, label, summary):
    verdict = compare_verdict("higher", percent, unit="percent")
    assert (verdict.label, verdict.summary) == (label, summary)
    assert compare_verdict("higher", percent).summary.startswith("The claim says")  # a number without a percent unit


def test_compare_periods_direction_must_be_one_it_knows():
    with pytest.raises(ParamError) as raised:
        ComparePeriodsParams.read({"compare_to": "2022-06", "window": ["2022-06", "2023-12"], "direction": "up"})
    assert raised.value.field == "direction"
