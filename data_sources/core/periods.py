"""Calendar helpers: U.S. federal fiscal years and month lengths.

The federal fiscal year starts on 1 October: October 2023 belongs to FY2024. Sources label months
in different ways ("OCT" with a fiscal year, "03 December" as the third fiscal month); every table
here stores the calendar month as its first day plus the fiscal year, so they can be joined.
"""

from __future__ import annotations

import pandas as pd

MONTH_ABBREVIATIONS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
FISCAL_YEAR_START_MONTH = 10


def fiscal_year_of(months: pd.Series) -> pd.Series:
    """Fiscal year of each month (a datetime series): October–December count toward the next year."""
    shift = (months.dt.month >= FISCAL_YEAR_START_MONTH).astype("int64")
    return (months.dt.year + shift).astype("int64")


def month_from_fiscal(fiscal_year: pd.Series, calendar_month: pd.Series) -> pd.Series:
    """First day of the calendar month, given its fiscal year and calendar month number (1–12)."""
    calendar_year = fiscal_year - (calendar_month >= FISCAL_YEAR_START_MONTH).astype("int64")
    return pd.to_datetime({"year": calendar_year, "month": calendar_month, "day": 1}).astype("datetime64[ns]")


def days_in_month(months: pd.Series) -> pd.Series:
    """Number of days in each month, so that a 28-day February and a 31-day March compare fairly."""
    return months.dt.days_in_month.astype("int64")
