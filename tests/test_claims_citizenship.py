"""citizenship_mix on tiny inline tables: shares per fiscal year, the largest groups, and the
earlier peak before the administration in office (from the events file) or a month the article sets."""

from __future__ import annotations

import pandas as pd
import pytest

from data_sources.claims import verdict as v
from data_sources.claims.context import Claim
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.citizenship_mix import CitizenshipMixParams
from data_sources.tables.derived import citizenship_shares
from tests.test_claims_encounters import monthly_metrics

GHS = "Guatemala, Honduras, El Salvador"
REST = "Rest of the Western Hemisphere"


def with_records(counts: dict[str, tuple[int, int | None]]) -> pd.DataFrame:
    """`monthly_metrics` with the build's record flag: no earlier month had more encounters per day."""
    metrics = monthly_metrics(counts).sort_values("month")
    running = metrics.groupby("component")["per_day"].transform(lambda s: s.shift().cummax())
    return metrics.assign(record_to_date=running.isna() | (metrics["per_day"] > running))


def tables() -> dict[str, pd.DataFrame]:
    groups = pd.DataFrame(
        {
            "citizenship": ["Mexico", "Guatemala", "Honduras", "El Salvador", "Venezuela", "Ecuador", "Colombia"],
            "group": ["Mexico", GHS, GHS, GHS, REST, REST, REST],
        }
    )
    by_country = pd.DataFrame(
        [
            (2000, "Mexico", "Mexico", 98),
            (2000, GHS, "Guatemala", 1),
            (2000, REST, "Venezuela", 1),
            (2024, "Mexico", "Mexico", 33),
            (2024, REST, "Venezuela", 30),
            (2024, REST, "Ecuador", 20),
            (2024, REST, "Colombia", 10),
            (2024, "Outside the Western Hemisphere, or unknown", "India", 7),
        ],
        columns=["fiscal_year", "group", "citizenship", "encounters"],
    )
    events = pd.DataFrame(
        {
            "event_id": ["a2017", "a2021", "a2025"],
            "kind": ["administration"] * 3,
            "start_date": pd.to_datetime(["2017-01-20", "2021-01-20", "2025-01-20"]),
        }
    )
    return {
        "citizenship_by_country": by_country,
        "citizenship_shares": citizenship_shares(by_country),
        "citizenship_groups": groups,
        "southwest_monthly_metrics": with_records(
            {"2020-06": (24_000, None), "2021-01": (15_500, None), "2023-12": (62_000, 12_400)}
        ),
        "events": events,
    }


def claim(params: CitizenshipMixParams) -> Claim:
    return Claim("c", "an unprecedented surge", "citizenship_mix", "2023-12", "share", None, (), params)


def test_shares_largest_groups_and_the_peak_before_the_administration_in_office():
    context = evaluate(claim(CitizenshipMixParams()), tables())
    assert context.sentences == [
        "In FY2000, 98% of Border Patrol's Southwest encounters were of Mexican citizens; in FY2024, 33%.",
        "Citizens of the rest of the Western Hemisphere (beyond Mexico, Guatemala, Honduras and El Salvador) went "
        "from 1.0% in FY2000 to 60% in FY2024; the largest such groups in FY2024 were Venezuela (30), Ecuador (20) "
        "and Colombia (10).",
        "Border Patrol's December 2023, 2,000 encounters a day, ranks #1 of 3 months since June 2020 by encounters "
        "per day. Before January 2021, the highest month by encounters per day was June 2020, at 800 a day, also the "
        "highest by count (24,000 encounters).",
    ]
    [chart] = context.charts
    assert chart.file_name == "usbp_citizenship_shares_fy2000_fy2024.csv"
    pd.testing.assert_frame_equal(chart.frame, tables()["citizenship_shares"])


@pytest.mark.parametrize(
    ("earlier_than", "ending"),
    [
        (
            "2020-07",
            " Before July 2020, the highest month by encounters per day was June 2020, at 800 a day, also the "
            "highest by count (24,000 encounters).",
        ),
        ("2020-01", " since June 2020 by encounters per day."),  # nothing before it: no peak to name
    ],
)
def test_the_article_may_set_the_month_of_the_earlier_peak(earlier_than, ending):
    context = evaluate(claim(CitizenshipMixParams(earlier_than)), tables())
    assert context.sentences[-1].endswith(ending)


def test_no_complete_fiscal_year_is_no_data():
    empty = tables() | {"citizenship_shares": tables()["citizenship_shares"].iloc[:0]}
    context = evaluate(claim(CitizenshipMixParams()), empty)
    assert context.charts == []
    assert context.sentences[0].startswith("Our snapshots hold no Border Patrol citizenship counts for December 2023")


def test_the_peak_per_day_and_the_peak_by_count_are_told_apart():
    """Bug: 'the highest month … was February 2000, at 6,918 a day' is a ranking per day; by count March
    2000 was higher (31 days against 29), and the sentence must say which is which."""
    metrics = with_records({"2000-02": (200_620, None), "2000-03": (209_310, None), "2023-12": (249_740, None)})
    context = evaluate(claim(CitizenshipMixParams("2021-01")), tables() | {"southwest_monthly_metrics": metrics})
    assert context.sentences[-1].endswith(
        " Before January 2021, the highest month by encounters per day was February 2000, at 6,918 a day; by count, "
        "the highest was March 2000, with 209,310 encounters (6,752 a day)."
    )


@pytest.mark.parametrize(
    ("counts", "label", "summary"),
    [
        ({"2020-06": (24_000, None), "2023-12": (62_000, None)}, v.IN_LINE,
         "Border Patrol's December 2023, 2,000 encounters a day, is higher than every earlier month since June 2020, "
         "by encounters per day."),
        ({"2020-06": (93_000, None), "2023-12": (62_000, None), "2024-06": (3_000, None)}, v.NOT_IN_LINE,
         "Border Patrol's December 2023, 2,000 encounters a day, is below the earlier peak of June 2020 (3,100 a "
         "day)."),
    ],
)  # fmt: skip
def test_unprecedented_is_in_line_only_when_no_earlier_month_was_higher_per_day(counts, label, summary):
    context = evaluate(claim(CitizenshipMixParams()), tables() | {"southwest_monthly_metrics": with_records(counts)})
    assert context.verdict is not None
    assert (context.verdict.label, context.verdict.summary) == (label, summary)
    assert "no earlier month of Border Patrol's Southwest series (since June 2020)" in context.verdict.rule
    assert context.verdict.compared_with.startswith("Border Patrol Southwest encounters per day, December 2023: 2,000")


def test_a_later_higher_month_does_not_unsettle_a_record():
    counts = {"2020-06": (24_000, None), "2023-12": (62_000, None), "2024-01": (93_000, None)}
    context = evaluate(claim(CitizenshipMixParams()), tables() | {"southwest_monthly_metrics": with_records(counts)})
    assert context.verdict is not None and context.verdict.label == v.IN_LINE
