"""When a number is about: the periods a sentence names, resolved against the article's date, and
which period belongs to which number.

A period is written as the labelled sets write it: "2023-12" (a month), "FY2024" (a federal fiscal
year, October–September), "CY2023" (a calendar year), "2023-12-18" (a day) or "2023-10..2024-03" (a
span of months). Relative periods ("last month", "the previous fiscal year", "the fiscal year that
ended Sept. 30", "last year", "a month earlier") are resolved against the article's date, or against
the sentence's own period when they compare with it ("up from 190,000 the month before").

This module reads a whole sentence (`periods_in`): the readers of each kind of period are in
`period_readers.py`, the labels and the article's date in `period_labels.py`, and which period
belongs to which number (`assign`) in `period_owners.py`. Their public names are importable from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from data_sources.claims.period_labels import (
    ANCHOR,
    NOCASE,
    YEAR,
    Reference,
    When,
    anchor_word,
    check_month,
    kind_of,
    month_number,
    parse_label,
    shift_month,
    span_label,
)
from data_sources.claims.period_owners import BOUNDARY, assign
from data_sources.claims.period_readers import READERS
from data_sources.claims.text import ascii_words
from data_sources.core.vocabulary import MONTH_NAMES

__all__ = ["BOUNDARY", "Reference", "When", "assign", "check_month", "kind_of", "parse_label", "periods_in"]

AS_OF = re.compile(
    r"\b(?i:as\s+of|through|until)\s+"
    + r"(?P<month>"
    + "|".join(MONTH_NAMES)
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
    r"\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>" + YEAR + r"))?"
)
MONTH_RELATIVE = re.compile(
    ANCHOR + r"\b(?P<rel>last\s+month|this\s+month|(?:the\s+)?past\s+month|(?:the\s+)?previous\s+month|"
    r"(?:the\s+)?prior\s+month|a\s+month\s+(?:earlier|before|ago)|the\s+month\s+before|this\s+week|last\s+week|"
    r"right\s+now|now|currently|these\s+days|"
    r"(?:the\s+)?same\s+month\s+(?:a\s+year\s+(?:earlier|before|ago)|last\s+year)|"
    r"(?P<years>a|one|two|three|four|five|\d+)\s+years?\s+(?:earlier|before|ago|prior)|"
    r"the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:before|earlier|prior))\b",
    NOCASE,
)


def periods_in(sentence: str, reference: Reference, main: str | None = None) -> list[When]:
    """Every period the sentence names, in order, without overlaps (the longest reading wins)."""
    found: list[When] = []
    lower = sentence.lower()
    as_of = AS_OF.search(sentence) if " as of " in f" {lower}" or "through" in lower or "until" in lower else None
    if as_of:  # "As of Sept. 1, 2022, … this fiscal year": counts so far end before that day
        try:
            month = month_number(as_of["month"])
            day = dt.date(int(as_of["year"]) if as_of["year"] else reference.year_of(month), month, int(as_of["day"]))
            found.append(When(as_of.start(), as_of.end(), day.isoformat(), "as"))
            reference = Reference(day, True)
        except ValueError:
            pass
    for reader, may_hold in READERS:
        if may_hold(sentence, lower):
            found += reader(sentence, reference)
    chosen: list[When] = []
    for when in sorted(found, key=lambda w: (w.start, -(w.end - w.start))):
        if not chosen or when.start >= chosen[-1].end:
            chosen.append(_since(sentence, when, reference))
    absolute = next((w.label for w in chosen if not w.anchor), None) or main
    relative = []
    if _may_be_relative(sentence, lower):
        relative = [w for w in _month_relative(sentence, reference, absolute) if not _inside(w, chosen)]
    return sorted(chosen + relative, key=lambda w: w.start)


SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,40}$", NOCASE)


def _since(sentence: str, when: When, ref: Reference) -> When:
    """'since October', 'Since Oct. 1', 'since the rule took effect in June': from then to the last full
    month before the article (the months a count so far can hold)."""
    if when.anchor not in ("", "since") or when.kind not in ("month", "day"):
        return when
    found = SINCE_BEFORE.search(sentence, max(0, when.start - 50), when.start)
    if not when.anchor and not found:
        return when
    first, last = when.label[:7], max(when.label[:7], shift_month(ref.month, -1))
    return When(found.start() if found and not when.anchor else when.start, when.end, span_label(first, last), "since")


def _inside(when: When, others: Sequence[When]) -> bool:
    return any(o.start <= when.start < o.end for o in others)


def _month_relative(sentence: str, ref: Reference, main: str | None) -> list[When]:
    """'last month' (the article's), 'a month earlier' and 'a year earlier' (the sentence's period's)."""
    out = []
    for m in MONTH_RELATIVE.finditer(sentence):
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        if rel in ("this month", "this week", "last week", "right now", "now", "currently", "these days"):
            label = ref.month
        elif rel in (
            "last month",
            "past month",
            "the past month",
            "previous month",
            "the previous month",
            "a month ago",
        ):
            label = shift_month(ref.month, -1)
        elif "year" in rel:
            count = m["years"].lower() if m["years"] else "a"
            back = (
                int(count) if count.isdigit() else {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}[count]
            )
            if back > MAX_YEARS_BACK:
                continue  # "2019 years ago" is no period of a border count (and would not be a date)
            label = main or ref.month
            for _ in range(back):
                label = _year_before(label)
        else:
            label = shift_month(check_month(main) if main else ref.month, -1)
        main = main or label
        out.append(When(m.start(), m.end(), label, anchor_word(m)))
    return out


def _year_before(label: str) -> str:
    kind = kind_of(label)
    if kind in ("fiscal_year", "calendar_year"):
        return f"{label[:2]}{int(label[2:]) - 1}"
    return shift_month(label[:7], -12)


MAX_YEARS_BACK = 100
RELATIVE_WORDS = ("month", "week", "year", "now", "current", "these days")
YEAR_BACK = {"earlier", "before", "ago", "prior", "previous", "preceding"}


def _may_be_relative(sentence: str, lower: str) -> bool:
    """Whether `MONTH_RELATIVE` may match: the words it needs, as whole words in an ASCII sentence
    ("that week" or "last year" need no search), else any of `RELATIVE_WORDS`."""
    if not sentence.isascii():
        return any(word in lower for word in RELATIVE_WORDS)
    words = set(ascii_words(lower))
    return bool(
        words & {"month", "now", "currently"}
        or ("days" in words and "these" in words)
        or ("week" in words and ("this" in words or "last" in words))
        or (("year" in words or "years" in words) and words & YEAR_BACK)
    )
