"""Small helpers that turn computed numbers into plain sentences (no numbers are typed in here)."""

from __future__ import annotations

# dates in words are written once, in core.periods; evaluators reach them as w.month_name etc.
from data_sources.core.periods import day_name as day_name
from data_sources.core.periods import month_name as month_name
from data_sources.core.periods import month_span as span

__all__ = ["change", "compared", "count", "counted", "day_name", "direction", "listing", "month_name", "span"]


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
