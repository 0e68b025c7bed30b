"""Small helpers that turn computed numbers into plain sentences (no numbers are typed in here)."""

from __future__ import annotations

import pandas as pd


def month_name(month: pd.Timestamp) -> str:
    """'December 2023'."""
    return month.strftime("%B %Y")


def day_name(day: pd.Timestamp) -> str:
    """'4 December 2023'."""
    return f"{day.day} {day.strftime('%B %Y')}"


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
    """'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
