"""Derived metrics on monthly series: per-day rates, year totals, year-over-year change, ranks.

All functions are pure (frame in, frame out). Months differ in length, so comparisons of
months use `per_day` (encounters ÷ days in the month); totals use the counts themselves.
A fiscal year runs October–September; a year with fewer than 12 months is flagged incomplete.
"""

from __future__ import annotations

import pandas as pd

from data_sources.core.periods import days_in_month, per_day, shift_months
from data_sources.core.vocabulary import ALL_SOUTHWEST


def with_per_day(frame: pd.DataFrame) -> pd.DataFrame:
    """Add `days_in_month` and `per_day` (encounters per day in that month)."""
    return frame.assign(
        days_in_month=days_in_month(frame["month"]), per_day=per_day(frame["encounters"], frame["month"])
    )


def southwest_total(series: pd.DataFrame) -> pd.DataFrame:
    """USBP + OFO per month, only for months where both components are present.

    Before FY2022 our sources have no OFO counts, so no total is shown for those months rather
    than a Border-Patrol-only figure dressed up as a total.
    """
    components = series["component"].nunique()
    grouped = series.groupby(["month", "fiscal_year"], as_index=False).agg(
        encounters=("encounters", "sum"),
        parts=("component", "nunique"),
        source=("source", _joined),
        vintage=("vintage", _joined),
    )
    complete = grouped[grouped["parts"] == components].drop(columns="parts")
    return with_per_day(complete.assign(component=ALL_SOUTHWEST))[
        ["month", "fiscal_year", "component", "encounters", "days_in_month", "per_day", "source", "vintage"]
    ]


def _joined(values: pd.Series) -> str:
    return " + ".join(sorted(set(values)))


def period_totals(frame: pd.DataFrame, by: list[str], calendar: bool = False) -> pd.DataFrame:
    """Fiscal-year (or calendar-year) totals, with the months present and a completeness flag."""
    year = frame["month"].dt.year.astype("int64") if calendar else frame["fiscal_year"]
    label = "calendar_year" if calendar else "fiscal_year"
    totals = (
        frame.assign(**{label: year})
        .groupby([*by, label], as_index=False)
        .agg(encounters=("encounters", "sum"), months=("month", "nunique"), days=("month", _days))
    )
    return totals.assign(per_day=totals["encounters"] / totals["days"], complete=totals["months"] == 12)


def _days(months: pd.Series) -> int:
    return int(days_in_month(months.drop_duplicates()).sum())


def beside_year_earlier(
    frame: pd.DataFrame, values: pd.DataFrame, by: list[str], columns: list[str], suffix: str
) -> pd.DataFrame:
    """`frame` with `values`' `columns` from the same series (`by`) in the same month a year earlier.

    Border traffic and encounters are seasonal, so a month is compared with the month a year
    before it. A left join: where `values` has no such month, the earlier value stays missing.
    """
    # each earlier value is dated a year later, so it lines up with the month it is compared with
    earlier = values[[*by, "month", *columns]].assign(month=shift_months(values["month"], 12))
    return frame.merge(earlier, on=[*by, "month"], how="left", suffixes=("", suffix))


def year_over_year(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Add the same month a year earlier and the percent change (per-day based, so leap Februaries compare fairly)."""
    merged = beside_year_earlier(frame, frame, by, ["encounters", "per_day"], "_prior_year")
    change = (merged["per_day"] / merged["per_day_prior_year"] - 1) * 100
    return merged.assign(yoy_change_pct=change).astype({"encounters_prior_year": "Int64"})


def rank_months(frame: pd.DataFrame, by: list[str], value: str = "per_day") -> pd.DataFrame:
    """Rank each month within its series (1 = highest) and flag months that set a new record."""
    ordered = frame.sort_values([*by, "month"])
    grouped = ordered.groupby(by, sort=False)[value]
    rank = grouped.rank(ascending=False, method="min").astype("int64")
    running_max_before = grouped.transform(lambda s: s.cummax().shift(1))
    record = running_max_before.isna() | (ordered[value] > running_max_before)
    return ordered.assign(rank=rank, months_in_series=grouped.transform("size"), record_to_date=record)
