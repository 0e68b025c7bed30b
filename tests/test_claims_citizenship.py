"""citizenship_mix on tiny inline tables: shares per fiscal year, the largest groups, and the
earlier peak before the administration in office (from the events file) or a month the article sets."""

from __future__ import annotations

import pandas as pd
import pytest

from data_sources.claims.context import Claim
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.citizenship_mix import CitizenshipMixParams
from data_sources.tables.derived import citizenship_shares
from tests.test_claims_encounters import monthly_metrics

GHS = "Guatemala, Honduras, El Salvador"
REST = "Rest of the Western Hemisphere"


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
        "southwest_monthly_metrics": monthly_metrics(
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
        "Border Patrol's December 2023, 2,000 encounters a day, ranks #1 of 3 months since June 2020. Before "
        "January 2021, the highest month in the series was June 2020, at 800 a day.",
    ]
    [chart] = context.charts
    assert chart.file_name == "usbp_citizenship_shares_fy2000_fy2024.csv"
    pd.testing.assert_frame_equal(chart.frame, tables()["citizenship_shares"])


@pytest.mark.parametrize(
    ("earlier_than", "ending"),
    [
        ("2020-07", " Before July 2020, the highest month in the series was June 2020, at 800 a day."),
        ("2020-01", " since June 2020."),  # nothing before it: no peak to name
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
