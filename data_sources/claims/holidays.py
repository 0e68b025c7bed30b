"""The day of a U.S. holiday a sentence names ("on Thanksgiving Day", "since Christmas Eve"): the
latest one up to the article's day.

Calendar arithmetic with no words to read, so it sits apart from the period readers
(`period_readers.py`) that find the holidays' names in a sentence.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["holiday"]


def holiday(name: str, before: dt.date) -> dt.date:
    """The latest day of the holiday up to `before` (the article's day)."""
    for year in (before.year, before.year - 1):
        day = _holiday_in(name, year)
        if day <= before:
            return day
    return day


def _holiday_in(name: str, year: int) -> dt.date:
    fixed = {"Christmas Eve": (12, 24), "New Year's Eve": (12, 31), "New Year's Day": (1, 1)}
    fixed |= {"Independence Day": (7, 4), "the Fourth of July": (7, 4), "Christmas Day": (12, 25)}
    name = name.replace("’", "'")
    if name in fixed or name == "Christmas":
        return dt.date(year, *fixed.get(name, (12, 25)))
    if name.startswith("Thanksgiving"):  # the fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "Memorial Day":  # the last Monday of May
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if name == "Labor Day":  # the first Monday of September
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return _easter(year)


def _easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
