"""Calendar helpers: U.S. federal fiscal years and month lengths.

The federal fiscal year starts on 1 October: October 2023 belongs to FY2024. Sources label months
in different ways ("OCT" with a fiscal year, "03 December" as the third fiscal month); every table
here stores the calendar month as its first day plus the fiscal year, so they can be joined.
"""

from __future__ import annotations

import re
from typing import overload

import pandas as pd

from data_sources.core.vocabulary import MONTH_ABBREVIATIONS, MONTH_NAMES

FISCAL_YEAR_START_MONTH = 10
# "OCT" … "SEP": the months in the order a fiscal year runs (CBP's file names end in one of them)
FISCAL_MONTH_ABBREVIATIONS = (
    MONTH_ABBREVIATIONS[FISCAL_YEAR_START_MONTH - 1 :] + MONTH_ABBREVIATIONS[: FISCAL_YEAR_START_MONTH - 1]
)
_YYYY_MM = re.compile(r"(19|20)\d\d-(0[1-9]|1[0-2])")


def fiscal_year_of(months: pd.Series) -> pd.Series:
    """Fiscal year of each month (a datetime series): October–December count toward the next year."""
    shift = (months.dt.month >= FISCAL_YEAR_START_MONTH).astype("int64")
    return (months.dt.year + shift).astype("int64")


def fiscal_month_number(calendar_month: pd.Series) -> pd.Series:
    """Position of each calendar month (1–12) within its fiscal year: October is 1, September 12."""
    return (calendar_month - FISCAL_YEAR_START_MONTH) % 12 + 1


def month_from_fiscal(fiscal_year: pd.Series, calendar_month: pd.Series) -> pd.Series:
    """First day of the calendar month, given its fiscal year and calendar month number (1–12)."""
    calendar_year = fiscal_year - (calendar_month >= FISCAL_YEAR_START_MONTH).astype("int64")
    return pd.to_datetime({"year": calendar_year, "month": calendar_month, "day": 1}).astype("datetime64[ns]")


def days_in_month(months: pd.Series) -> pd.Series:
    """Number of days in each month, so that a 28-day February and a 31-day March compare fairly."""
    return months.dt.days_in_month.astype("int64")


def first_of_month(dates: pd.Series) -> pd.Series:
    """The first day of each date's month, at midnight: how every table stores a month."""
    return (dates - pd.to_timedelta(dates.dt.day - 1, unit="D")).dt.normalize().astype("datetime64[ns]")


def month_start(period: str) -> pd.Timestamp:
    """'2023-12' → Timestamp('2023-12-01'); refuses anything that is not a real YYYY-MM month."""
    if not isinstance(period, str) or not _YYYY_MM.fullmatch(period):
        raise ValueError(f"not a YYYY-MM month: {period!r}")
    return pd.Timestamp(f"{period}-01")


def period_of(month: pd.Timestamp) -> str:
    """Timestamp('2023-12-01') → '2023-12'."""
    return month.strftime("%Y-%m")


@overload
def shift_months(month: pd.Timestamp, months: int) -> pd.Timestamp: ...
@overload
def shift_months(month: pd.Series, months: int) -> pd.Series: ...
def shift_months(month: pd.Timestamp | pd.Series, months: int) -> pd.Timestamp | pd.Series:
    """The first day of the month `months` later (negative: earlier), for one month or a column of months."""
    if isinstance(month, pd.Series):
        return first_of_month(month) + pd.DateOffset(months=months)
    return (pd.Period(month, freq="M") + months).to_timestamp()


@overload
def year_earlier(month: pd.Timestamp) -> pd.Timestamp: ...
@overload
def year_earlier(month: pd.Series) -> pd.Series: ...
def year_earlier(month: pd.Timestamp | pd.Series) -> pd.Timestamp | pd.Series:
    """The same month a year earlier: the fair comparison for a seasonal series."""
    return shift_months(month, -12)


def per_day(counts: pd.Series, months: pd.Series) -> pd.Series:
    """Counts divided by the days in their month, so months of different length compare fairly."""
    return counts / days_in_month(months)


def month_name(month: pd.Timestamp) -> str:
    """'December 2023'."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def day_name(day: pd.Timestamp) -> str:
    """'4 December 2023'."""
    return f"{day.day} {month_name(day)}"


def short_day(day: pd.Timestamp) -> str:
    """'24 Dec 2023'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def month_span(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'Oct 2022–Jun 2024': the months a chart covers ('Dec 2023' when it is one)."""
    first, last = (f"{MONTH_NAMES[m.month - 1][:3]} {m.year}" for m in (start, end))
    return first if first == last else f"{first}–{last}"
