"""The record evaluator ("the most of any month on record", "the lowest since 2020", "a record fiscal
year") and the not-checkable one, on tiny inline series whose ranks are worked out by hand.

Border Patrol per day: Jan 2020 100, Jul 2020 50, Jan 2021 300, Jul 2021 400 (OHSS); Dec 2022 900,
Jan 2023 600, Jul 2023 700 (CBP). Fiscal years: three complete ones with made-up months (below).
"""

from __future__ import annotations

import pandas as pd
import pytest

from data_sources.claims.context import Claim
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.not_checkable import NotCheckableParams
from data_sources.claims.evaluators.record import RecordParams, source_spans
from data_sources.claims.verdict import IN_LINE, NOT_CHECKABLE, NOT_IN_LINE
from data_sources.core.periods import month_start
from data_sources.core.vocabulary import USBP
from data_sources.tables.metrics import period_totals

PER_DAY = {  # month: (Border Patrol encounters per day, source)
    "2020-01": (100, "ohss_usbp"),
    "2020-07": (50, "ohss_usbp"),
    "2021-01": (300, "ohss_usbp"),
    "2021-07": (400, "ohss_usbp"),
    "2022-12": (900, "cbp_sbo"),
    "2023-01": (600, "cbp_sbo"),
    "2023-07": (700, "cbp_sbo"),
}


def monthly(per_day: dict[str, tuple[int, str]] = PER_DAY) -> pd.DataFrame:
    months = pd.Series([month_start(m) for m in per_day])
    days = months.dt.days_in_month
    return pd.DataFrame(
        {
            "month": months,
            "fiscal_year": months.dt.year + (months.dt.month >= 10),
            "component": USBP,
            "encounters": [value * day for (value, _), day in zip(per_day.values(), days, strict=True)],
            "days_in_month": days,
            "per_day": [float(value) for value, _ in per_day.values()],
            "source": [source for _, source in per_day.values()],
            "vintage": "2024-06",
        }
    )


def whole_years(totals: dict[int, int]) -> pd.DataFrame:
    """Every month of fiscal years FY… with each year's total spread evenly (30 days a month is enough here)."""
    rows = []
    for year, total in totals.items():
        for month in pd.date_range(f"{year - 1}-10-01", f"{year}-09-01", freq="MS"):
            rows.append({"month": month, "fiscal_year": year, "component": USBP, "encounters": total // 12})
    frame = pd.DataFrame(rows)
    frame = frame.assign(days_in_month=frame["month"].dt.days_in_month, source="ohss_usbp", vintage="2024-06")
    return frame.assign(per_day=frame["encounters"] / frame["days_in_month"])


def tables(series: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {
        "southwest_monthly_metrics": series,
        "southwest_fiscal_year_totals": period_totals(series, ["component"]),
        "southwest_calendar_year_totals": period_totals(series, ["component"], calendar=True),
    }


def claim(params: RecordParams | NotCheckableParams, period: str, metric: str = "record") -> Claim:
    return Claim("c", "a quote", metric, period, "", None, ("A caveat.",), params)


def test_the_highest_month_on_record_ranks_first_per_day():
    context = evaluate(claim(RecordParams(), "2022-12"), tables(monthly()))
    assert context.verdict.label == IN_LINE
    assert context.sentences[0].startswith("Border Patrol encounters in December 2022: 900 a day, #1 of 5 months")
    assert "The highest of the others: July 2021, at 400 a day." in context.sentences


def test_a_record_is_judged_as_of_its_own_month_and_later_months_do_not_count():
    context = evaluate(claim(RecordParams(), "2023-07"), tables(monthly()))
    assert context.verdict.label == NOT_IN_LINE  # December 2022 (900) was higher, and came before
    assert "ranks #2 of 7 months" in context.verdict.summary


def test_since_a_year_compares_only_with_what_came_after_it():
    lowest = evaluate(claim(RecordParams(direction="lowest", since="2020"), "2021-01"), tables(monthly()))
    assert lowest.verdict.label == IN_LINE  # from January 2021 up to the claim's own month: itself only
    assert "#1 of 1 months from January 2021 to January 2021" in lowest.sentences[0]
    everything = evaluate(claim(RecordParams(direction="lowest"), "2021-01"), tables(monthly()))
    assert everything.verdict.label == NOT_IN_LINE  # July 2020 (50) was lower


def test_same_month_compares_only_the_same_calendar_month_of_each_year():
    context = evaluate(claim(RecordParams(same_month=True), "2023-01"), tables(monthly()))
    assert context.verdict.label == IN_LINE  # 600 against Januaries: 100 (2020), 300 (2021)
    assert "#1 of 3 months" in context.sentences[0] and "(the same calendar month each year)" in context.sentences[0]


def test_a_record_fiscal_year_is_ranked_on_the_year_totals_of_complete_years():
    series = whole_years({2019: 120_000, 2020: 360_000, 2021: 240_000})
    held = evaluate(claim(RecordParams(span="fiscal_year"), "2020-09"), tables(series))
    assert held.verdict.label == IN_LINE and "#1 of 2 complete years" in held.sentences[0]
    later = evaluate(claim(RecordParams(span="fiscal_year"), "2021-09"), tables(series))
    assert later.verdict.label == NOT_IN_LINE and "#2 of 3 complete years" in later.sentences[0]


def test_a_year_with_missing_months_is_left_out_of_the_ranking():
    series = whole_years({2019: 480_000, 2020: 360_000})
    series = series[series["month"] != month_start("2019-03")]  # FY2019 is no longer complete
    context = evaluate(claim(RecordParams(span="fiscal_year"), "2020-09"), tables(series))
    assert context.verdict.label == IN_LINE and "#1 of 1 complete years" in context.sentences[0]


def test_a_one_day_record_cannot_be_ranked_on_monthly_data():
    context = evaluate(claim(RecordParams(span="day"), "2022-12"), tables(monthly()))
    assert context.verdict.label == NOT_CHECKABLE and "monthly counts, not daily ones" in context.sentences[0]


def test_the_verdict_names_which_publisher_gives_which_months():
    assert source_spans(monthly(), USBP) == "OHSS January 2020 to July 2021, CBP from December 2022"
    context = evaluate(claim(RecordParams(), "2022-12"), tables(monthly()))
    assert context.verdict.compared_with.endswith("(OHSS January 2020 to July 2021, CBP from December 2022)")


@pytest.mark.parametrize("needed", ["", "ICE's removal counts by month"])
def test_not_checkable_says_why_and_what_would_settle_it(needed):
    reason = "enforcement away from the border: our datasets count encounters at the border"
    context = evaluate(claim(NotCheckableParams(reason=reason, needed=needed), "2023-12", "not_checkable"), {})
    assert context.verdict.label == NOT_CHECKABLE
    assert context.sentences[0] == "Enforcement away from the border: our datasets count encounters at the border."
    assert (f"Checking it would need {needed}." in context.sentences) == bool(needed)
    assert context.charts == []
