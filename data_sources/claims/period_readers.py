"""The readers of each kind of period a sentence may name: fiscal years, calendar years, spans of
months, days, weekdays and holidays, months with or without their year, and "since 2016".

Each reader finds its own kind anywhere in a sentence, resolved against the article's date; `when.py`
runs those whose words the sentence holds (`READERS`) and keeps the longest reading where two overlap.
They live apart from `when.py` so that each stays short and its patterns sit beside its code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from data_sources.claims.holidays import holiday
from data_sources.claims.period_labels import (
    ANCHOR,
    MONTH,
    NOCASE,
    YEAR,
    Reference,
    When,
    anchor_word,
    month_number,
    shift_month,
    span_label,
)
from data_sources.core.vocabulary import MONTH_NAMES

__all__ = ["MONTH_GATE", "READERS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NUMBER = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?"
COUNTS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}  # noqa: SIM905


def _count(word: str | None) -> int:
    word = (word or "").lower()
    return int(word) if word.isdigit() else COUNTS.get(word, 0)


FISCAL = re.compile(
    ANCHOR
    + r"(?:\b(?:fiscal\s+(?:year\s+)?|FY\s?-?)(?P<fy>(?:19|20)?\d{2})\b(?!-\d)|\b(?P<fy2>"
    + YEAR
    + r")\s+fiscal\s+year\b)",
    NOCASE,
)
FISCAL_RELATIVE = re.compile(
    ANCHOR + r"\b(?:the\s+)?(?P<which>last|previous|prior|past|preceding|current|this|latest|most\s+recent|"
    r"just-ended|new|next)\s+fiscal\s+year\b|\bthe\s+(?P<ended>(?:\d{4}\s+)?fiscal\s+year\s+(?:that\s+|which\s+)?"
    r"(?:just\s+)?(?:ended|ending|closed|wrapped\s+up)\b(?:\s+(?:on|in)?\s*(?:Sept?\.?|September)(?:\s+30)?)?)"
    r"|\bthe\s+(?P<twelve>12|twelve)\s+months\s+(?:that\s+)?(?:ending|ended)\s+(?:on\s+)?(?:Sept?\.?|September)\s+30\b"
    r"|\b(?P<to_date>(?:so\s+far\s+)?this\s+fiscal\s+year|fiscal\s+year\s+to\s+date|the\s+current\s+fiscal\s+year)\b",
    NOCASE,
)
DAY = re.compile(
    ANCHOR + r"\b" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>" + YEAR + r"))?"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>" + "|".join(MONTH_NAMES) + r")(?:\s+(?P<year2>" + YEAR + r"))?\b",
)
WEEKDAY = re.compile(
    r"(?P<said>\b(?:said|says|told|announced|reported|released|published|statement)\s+)?"
    r"\b(?:(?:on|by|last|this\s+past|since)\s+)?(?P<weekday>" + "|".join(w.title() for w in WEEKDAYS) + r")\b"
    r"|\b(?P<rel>yesterday|today)\b"
    r"|\b(?:(?:on|by|since)\s+)?(?P<holiday>Thanksgiving(?:\s+Day)?|Christmas\s+(?:Eve|Day)|Christmas|"
    r"New\s+Year['’]s\s+(?:Eve|Day)|Easter(?:\s+Sunday)?|Independence\s+Day|the\s+Fourth\s+of\s+July|"
    r"Memorial\s+Day|Labor\s+Day)\b"
)
SPAN = re.compile(
    ANCHOR + r"\b(?i:from|between)\s+" + MONTH + DAY_NUMBER + r"(?:,?\s+(?P<y1>" + YEAR + r"))?\s+"
    r"(?:to|through|until|and)\s+(?P<month_b>" + "|".join(MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec)\.?)(?![a-z])" + DAY_NUMBER + r"(?:,?\s+(?P<y2>" + YEAR + r"))?"
    r"|(?i:\b(?:from|between)\s+(?P<ya>" + YEAR + r")\s+(?:to|through|until|and)\s+(?P<yb>" + YEAR + r")\b)"
    r"|(?i:\bthe\s+first\s+(?P<part>half|quarter|(?P<n>\w+)\s+months)\s+of\s+(?:the\s+)?"
    r"(?P<fiscal>fiscal\s+(?:year\s+)?|FY\s?)?(?P<y3>" + YEAR + r"|year)\b)",
)
MONTH_YEAR = re.compile(ANCHOR + r"\b" + MONTH + r"(?:\s+(?:of\s+)?(?P<year>" + YEAR + r"))?(?!\s*\d)")
CALENDAR = re.compile(
    ANCHOR + r"\b(?:(?:in|during|for|of|throughout|across)\s+(?:(?:calendar\s+)?(?:year\s+)?)|calendar\s+(?:year\s+)?)"
    r"(?P<year>" + YEAR + r")\b(?!\s*(?:fiscal|-\d))|\b(?P<year2>" + YEAR + r")(?:'s|’s)\s+(?:total|tally|count)"
    r"|\b(?P<rel>last\s+year|this\s+year)\b",
    NOCASE,
)
MODAL_MAY = re.compile(r"May\s+(?:be|have|not|also|well|never|still|soon|need|want|take|face|see|reach)\b")
RECORD_WORD = re.compile(
    r"\b(?:most|fewest|highest|lowest|busiest|quietest|largest|smallest|biggest|record|any)\b|"
    r"\b(?:low|high)\s+(?:since|for)\b",
    NOCASE,
)
SINCE_YEAR = re.compile(r"\b(?i:since)\s+(?P<year>" + YEAR + r")\b(?!\s*(?:fiscal|-\d))")


def _since_years(sentence: str, ref: Reference) -> list[When]:
    """'since 2016' (of a count): from January of that year to the last full month before the article."""
    out = []
    for m in SINCE_YEAR.finditer(sentence):
        if RECORD_WORD.search(sentence, max(0, m.start() - 80), m.start()):
            continue  # "the lowest since 2021": a record's reach, read in `superlatives.py`
        first = f"{m['year']}-01"
        out.append(When(m.start(), m.end(), span_label(first, max(first, shift_month(ref.month, -1))), "since"))
    return out


def _fiscal(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in FISCAL.finditer(sentence):
        year = int(m["fy"] or m["fy2"])
        out.append(When(m.start(), m.end(), f"FY{year if year > 99 else 2000 + year}", anchor_word(m)))
    return out


def _fiscal_relative(sentence: str, ref: Reference) -> list[When]:
    """'last fiscal year', 'the fiscal year that ended Sept. 30'; 'the previous fiscal year' after a named
    one ('in fiscal 2024, up from … the previous fiscal year') is the year before that one."""
    out = []
    for m in FISCAL_RELATIVE.finditer(sentence):
        which = (m["which"] or "").lower()
        if which in ("this", "current"):
            start = f"{ref.fiscal_year - 1}-10"
            out.append(When(m.start(), m.end(), span_label(start, max(start, shift_month(ref.month, -1))), "since"))
            continue
        named = [w for w in _fiscal(sentence[: m.start()], ref) + out if not w.anchor]
        if m["to_date"]:
            start = f"{ref.fiscal_year - 1}-10"
            out.append(When(m.start(), m.end(), span_label(start, max(start, shift_month(ref.month, -1))), "since"))
            continue
        if m["twelve"]:
            year = ref.fiscal_year - 1
        elif m["ended"]:
            year = int(m["ended"][:4]) if m["ended"][:1].isdigit() else ref.fiscal_year - 1
        elif which in ("previous", "prior", "preceding") and named:
            year = int(named[-1].label[2:]) - 1
        else:
            year = ref.fiscal_year + (1 if which == "next" else 0 if which in ("current", "this", "new") else -1)
        out.append(When(m.start(), m.end(), f"FY{year}", anchor_word(m)))
    return out


def _spans(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in SPAN.finditer(sentence):
        if m["ya"]:
            if m["ya"] < m["yb"]:
                out.append(When(m.start(), m.end(), span_label(f"{m['ya']}-01", f"{m['yb']}-12")))
            continue
        if m["part"]:
            months = {"half": 6, "quarter": 3}.get(m["part"].lower()) or _count(m["n"])
            if not months or months > 12:
                continue
            fiscal = bool(m["fiscal"])
            year = int(m["y3"]) if m["y3"][:1].isdigit() else ref.fiscal_year if fiscal else ref.day.year
            start = f"{year - 1}-10" if fiscal else f"{year}-01"
            out.append(When(m.start(), m.end(), span_label(start, shift_month(start, months - 1))))
            continue
        first, last = month_number(m["month"]), month_number(m["month_b"])
        end_year = int(m["y2"]) if m["y2"] else int(m["y1"]) + (last < first) if m["y1"] else ref.year_of(last)
        start_year = int(m["y1"]) if m["y1"] else end_year - (first > last)
        label = span_label(f"{start_year}-{first:02d}", f"{end_year}-{last:02d}")
        out.append(When(m.start(), m.end(), label, anchor_word(m)))
    return out


def _days(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in DAY.finditer(sentence):
        month = month_number(m["month"] or m["month2"])
        day, year = int(m["day"] or m["day2"]), m["year"] or m["year2"]
        try:
            date = dt.date(int(year) if year else ref.year_of(month), month, day)
        except ValueError:
            continue
        out.append(When(m.start(), m.end(), date.isoformat(), anchor_word(m)))
    return out


def _weekdays(sentence: str, ref: Reference) -> list[When]:
    """'on Monday' (the latest Monday up to the article's day), 'yesterday', holidays ('Thanksgiving
    Day'); the article's month when its day is unknown. A report's own day ('said Monday') is no period."""
    out = []
    for m in WEEKDAY.finditer(sentence):
        if m["said"]:
            continue
        if m["holiday"]:
            day = holiday(re.sub(r"\s+", " ", m["holiday"]), ref.day)
        elif not ref.exact:
            out.append(When(m.start(), m.end(), ref.month, single=True))
            continue
        elif m["rel"]:
            day = ref.day - dt.timedelta(days=1 if m["rel"].lower() == "yesterday" else 0)
        else:
            day = ref.day - dt.timedelta(days=(ref.day.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7)
        out.append(When(m.start(), m.end(), day.isoformat()))
    return out


def _month_years(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in MONTH_YEAR.finditer(sentence):
        if m["month"] == "May" and MODAL_MAY.match(sentence, m.start("month")):
            continue
        month = month_number(m["month"])
        out.append(
            When(
                m.start(), m.end(), f"{int(m['year']) if m['year'] else ref.year_of(month)}-{month:02d}", anchor_word(m)
            )
        )
    return out


def _calendar(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in CALENDAR.finditer(sentence):
        if m["rel"]:
            year = ref.day.year - (0 if m["rel"].lower() == "this year" else 1)
        else:
            year = int(m["year"] or m["year2"])
        out.append(When(m.start(), m.end(), f"CY{year}", anchor_word(m)))
    return out


MONTH_GATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
YEAR_GATE = re.compile(YEAR)
DAY_WORDS = (*(w.title() for w in WEEKDAYS), "yesterday", "today", "Thanksgiving", "Christmas", "Year", "Easter")
DAY_WORDS += ("Independence", "Fourth", "Memorial", "Labor")  # as `WEEKDAY` writes them (it heeds case)


def _gate(words: tuple[str, ...], cased: bool = False) -> Callable[[str, str], bool]:
    """Whether a sentence (as written, and in lower case) holds one of `words` (lower case, unless `cased`)."""
    return lambda sentence, lower: any(word in (sentence if cased else lower) for word in words)


# Each reader runs only on a sentence that may hold its kind of period, to stay fast.
READERS: tuple[tuple[Callable[[str, Reference], list[When]], Callable[[str, str], bool]], ...] = (
    (_fiscal, _gate(("fiscal", "fy"))),
    (_fiscal_relative, _gate(("fiscal", "months"))),
    (_spans, _gate(("from ", "between ", "first "))),
    (_days, lambda sentence, lower: MONTH_GATE.search(sentence) is not None),
    (_weekdays, _gate(DAY_WORDS, cased=True)),
    (_month_years, lambda sentence, lower: MONTH_GATE.search(sentence) is not None),
    (_calendar, lambda sentence, lower: "year" in lower or YEAR_GATE.search(sentence) is not None),
    (_since_years, _gate(("since",))),
)
