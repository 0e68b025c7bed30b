"""The words for a period, shared by every part that reads periods: the labels ("2023-12", "FY2024",
"CY2023", "2023-12-18", "2023-10..2024-03") with their kinds and checked months, the article's date
(`Reference`) and the pattern pieces for months, years and anchors.

It exists apart from `when.py` so that the readers of each kind of period (`period_readers.py`),
the reading of a whole sentence (`when.py`) and the pairing of periods with numbers
(`period_owners.py`) can all share it without importing one another in a circle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from data_sources.core.vocabulary import MONTH_NAMES

__all__ = ["ANCHOR", "MONTH", "NOCASE", "YEAR", "Reference", "When", "anchor_word", "check_month", "kind_of"]
__all__ += ["month_number", "parse_label", "shift_month", "span_label"]

MONTH_WORD = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTH_WORD |= {name[:3].lower(): number for name, number in list(MONTH_WORD.items())} | {"sept": 9}
# Capitalised only: "may reach" and "march north" are no months.
MONTH = r"(?P<month>" + "|".join(MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)(?![a-z])"
YEAR = r"(?:19|20)\d{2}"
ANCHOR = r"(?P<anchor>(?i:\bsince\s+|\bcompared\s+(?:to|with)\s+|\bthan\s+(?:in\s+)?|\bvs\.?\s+|\bversus\s+))?"
NOCASE = re.IGNORECASE


@dataclass(frozen=True)
class When:
    """A period named in a sentence: where, as a label, and how it may be used."""

    start: int
    end: int
    label: str  # "2023-12", "FY2024", "CY2023", "2023-12-18", "2023-10..2024-03"
    anchor: str = ""  # "since", "compared", "than": the word tying it to another period, not to a number
    single: bool = False  # one day, even where only its month is known ("on Monday" in an undated article)

    @property
    def kind(self) -> str:
        return kind_of(self.label)


def kind_of(label: str) -> str:
    """'month', 'fiscal_year', 'calendar_year', 'day' or 'span'."""
    if label.startswith("FY"):
        return "fiscal_year"
    if label.startswith("CY"):
        return "calendar_year"
    if ".." in label:
        return "span"
    return "day" if len(label) == 10 else "month"


def check_month(label: str) -> str:
    """The month (YYYY-MM) a check of the period reads: a year's last month, a day's or a span's month."""
    kind = kind_of(label)
    if kind == "fiscal_year":
        return f"{label[2:]}-09"
    if kind == "calendar_year":
        return f"{label[2:]}-12"
    return label.split("..")[-1][:7]


def parse_label(text: str) -> str | None:
    """A period as a reader types it ('2023-12', 'FY2024', 'CY2023', '2023-12-18', '2023-10..2024-03'),
    checked; None when it is none of these."""
    text = text.strip().upper()
    month = r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])"
    if re.fullmatch(rf"(?:FY|CY){YEAR}|{month}(?:\.\.{month})?", text):
        return text if ".." not in text or text.split("..")[0] <= text.split("..")[1] else None
    try:
        return dt.date.fromisoformat(text).isoformat() if re.fullmatch(rf"{month}-\d{{2}}", text) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Reference:
    """The article's date: a day when known, else the last day of its month."""

    day: dt.date
    exact: bool

    @classmethod
    def of(cls, text: str) -> Reference:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return cls(dt.date.fromisoformat(text), True)
        year, month = (int(part) for part in text.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(following - dt.timedelta(days=1), False)

    @property
    def month(self) -> str:
        return f"{self.day.year}-{self.day.month:02d}"

    @property
    def fiscal_year(self) -> int:
        return self.day.year + (self.day.month >= 10)

    def year_of(self, month: int) -> int:
        """The year of a month named without one: the latest such month up to the article's."""
        return self.day.year if month <= self.day.month else self.day.year - 1


def anchor_word(match: re.Match[str]) -> str:
    """The word tying a matched period to another period ('since', 'compared', 'than'), or ''."""
    return (match["anchor"] or " ").split()[0].lower() if match["anchor"] else ""


def month_number(name: str) -> int:
    """1–12 for a month's name as written ('September', 'Sept.', 'Sep')."""
    return MONTH_WORD[name.rstrip(".").lower()]


def shift_month(label: str, months: int) -> str:
    """The month (YYYY-MM) `months` after the month `label` starts with (before it, when negative)."""
    year, month = int(label[:4]), int(label[5:7]) + months
    return f"{year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"


def span_label(start: str, end: str) -> str:
    """The label of the months from `start` to `end`: a plain month when they are the same."""
    return f"{start}..{end}" if start != end else start
