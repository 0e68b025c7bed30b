"""Small helpers that turn computed numbers into plain sentences (no numbers are typed in here)."""

from __future__ import annotations

import pandas as pd

from data_sources.core.vocabulary import MONTH_NAMES


def month_name(month: pd.Timestamp) -> str:
    """'December 2023'."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def day_name(day: pd.Timestamp) -> str:
    """'4 December 2023'."""
    return f"{day.day} {month_name(day)}"


def span(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'Oct 2022–Jun 2024': the months a chart covers ('Dec 2023' when it is one)."""
    first, last = (f"{MONTH_NAMES[m.month - 1][:3]} {m.year}" for m in (start, end))
    return first if first == last else f"{first}–{last}"


def count(value: float) -> str:
    """Whole number with thousands separators."""
    return f"{round(value):,}"


def _percent(new: float, old: float, up: str, down: str, same: str) -> str:
    pct = (new / old - 1) * 100
    return same if abs(pct) < 0.5 else f"{abs(pct):.0f}% {up if pct > 0 else down}"


def compared(claimed: float, actual: float) -> str:
    """'12% above' / '3% below' / 'about the same as' the actual value."""
    return _percent(claimed, actual, "above", "below", "about the same as")


def change(new: float, old: float) -> str:
    """'45% higher than' / '10% lower than'."""
    return _percent(new, old, "higher than", "lower than", "about the same as")


def direction(new: float, old: float) -> str:
    """'43% lower' / '4% higher' / 'about the same'."""
    return _percent(new, old, "higher", "lower", "about the same")


def listing(items: list[str]) -> str:
    """'a, b and c'; 'a'; '' for nothing (callers decide whether an empty list deserves a sentence)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def counted(number: int, noun: str) -> str:
    """'1 port', '4 ports' (nouns that take an s)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
