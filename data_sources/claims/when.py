"""When a number is about: the periods a sentence names, resolved against the article's date, and
which period belongs to which number.

A period is written as the labelled sets write it: "2023-12" (a month), "FY2024" (a federal fiscal
year, October–September), "CY2023" (a calendar year), "2023-12-18" (a day) or "2023-10..2024-03" (a
span of months). Relative periods ("last month", "the previous fiscal year", "the fiscal year that
ended Sept. 30", "last year", "a month earlier") are resolved against the article's date, or against
the sentence's own period when they compare with it ("up from 190,000 the month before").

A sentence may name several periods: each number takes the one that follows it in its own clause
("11,475 in May 2019 and 10,620 in June 2014"), else the one its clause starts with ("September
totaled 269,735"), else one the sentence names for all ("In December, …"); lists pair in order
("232,963 and 183,479 in August and July"). "since October" and "compared with April" are never
the period of a number that does not come right before them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from data_sources.core.vocabulary import MONTH_NAMES

MONTH_WORD = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTH_WORD |= {name[:3].lower(): number for name, number in list(MONTH_WORD.items())} | {"sept": 9}
# Capitalised only: "may reach" and "march north" are no months.
MONTH = r"(?P<month>" + "|".join(MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)(?![a-z])"
YEAR = r"(?:19|20)\d{2}"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ANCHOR = r"(?P<anchor>(?i:\bsince\s+|\bcompared\s+(?:to|with)\s+|\bthan\s+(?:in\s+)?|\bvs\.?\s+|\bversus\s+))?"
NOCASE = re.IGNORECASE
DAY_NUMBER = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?"


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


COUNTS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}  # noqa: SIM905


def _count(word: str | None) -> int:
    word = (word or "").lower()
    return int(word) if word.isdigit() else COUNTS.get(word, 0)


def _anchor(match: re.Match[str]) -> str:
    return (match["anchor"] or " ").split()[0].lower() if match["anchor"] else ""


def _month(name: str) -> int:
    return MONTH_WORD[name.rstrip(".").lower()]


def _shift(label: str, months: int) -> str:
    year, month = int(label[:4]), int(label[5:7]) + months
    return f"{year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"


def _span(start: str, end: str) -> str:
    return f"{start}..{end}" if start != end else start


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
AS_OF = re.compile(
    r"\b(?i:as\s+of|through|until)\s+"
    + r"(?P<month>"
    + "|".join(MONTH_NAMES)
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
    r"\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>" + YEAR + r"))?"
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
MONTH_RELATIVE = re.compile(
    ANCHOR + r"\b(?P<rel>last\s+month|this\s+month|(?:the\s+)?past\s+month|(?:the\s+)?previous\s+month|"
    r"(?:the\s+)?prior\s+month|a\s+month\s+(?:earlier|before|ago)|the\s+month\s+before|this\s+week|last\s+week|"
    r"right\s+now|now|currently|these\s+days|"
    r"(?:the\s+)?same\s+month\s+(?:a\s+year\s+(?:earlier|before|ago)|last\s+year)|"
    r"(?P<years>a|one|two|three|four|five|\d+)\s+years?\s+(?:earlier|before|ago|prior)|"
    r"the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:before|earlier|prior))\b",
    NOCASE,
)
CALENDAR = re.compile(
    ANCHOR + r"\b(?:(?:in|during|for|of|throughout|across)\s+(?:(?:calendar\s+)?(?:year\s+)?)|calendar\s+(?:year\s+)?)"
    r"(?P<year>" + YEAR + r")\b(?!\s*(?:fiscal|-\d))|\b(?P<year2>" + YEAR + r")(?:'s|’s)\s+(?:total|tally|count)"
    r"|\b(?P<rel>last\s+year|this\s+year)\b",
    NOCASE,
)
MODAL_MAY = re.compile(r"May\s+(?:be|have|not|also|well|never|still|soon|need|want|take|face|see|reach)\b")


def periods_in(sentence: str, reference: Reference, main: str | None = None) -> list[When]:
    """Every period the sentence names, in order, without overlaps (the longest reading wins)."""
    found: list[When] = []
    lower = sentence.lower()
    as_of = AS_OF.search(sentence) if " as of " in f" {lower}" or "through" in lower or "until" in lower else None
    if as_of:  # "As of Sept. 1, 2022, … this fiscal year": counts so far end before that day
        try:
            month = _month(as_of["month"])
            day = dt.date(int(as_of["year"]) if as_of["year"] else reference.year_of(month), month, int(as_of["day"]))
            found.append(When(as_of.start(), as_of.end(), day.isoformat(), "as"))
            reference = Reference(day, True)
        except ValueError:
            pass
    months = MONTH_GATE.search(sentence) is not None
    for reader, words in READERS:
        if (months and words is None) or (words and any(word in lower for word in words)):
            found += reader(sentence, reference)
    chosen: list[When] = []
    for when in sorted(found, key=lambda w: (w.start, -(w.end - w.start))):
        if not chosen or when.start >= chosen[-1].end:
            chosen.append(_since(sentence, when, reference))
    absolute = next((w.label for w in chosen if not w.anchor), None) or main
    relative = []
    if any(word in lower for word in RELATIVE_WORDS):
        relative = [w for w in _month_relative(sentence, reference, absolute) if not _inside(w, chosen)]
    return sorted(chosen + relative, key=lambda w: w.start)


SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,40}$", NOCASE)
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
        out.append(When(m.start(), m.end(), _span(first, max(first, _shift(ref.month, -1))), "since"))
    return out


def _since(sentence: str, when: When, ref: Reference) -> When:
    """'since October', 'Since Oct. 1', 'since the rule took effect in June': from then to the last full
    month before the article (the months a count so far can hold)."""
    if when.anchor not in ("", "since") or when.kind not in ("month", "day"):
        return when
    found = SINCE_BEFORE.search(sentence, max(0, when.start - 50), when.start)
    if not when.anchor and not found:
        return when
    first, last = when.label[:7], max(when.label[:7], _shift(ref.month, -1))
    return When(found.start() if found and not when.anchor else when.start, when.end, _span(first, last), "since")


def _inside(when: When, others: Sequence[When]) -> bool:
    return any(o.start <= when.start < o.end for o in others)


def _fiscal(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in FISCAL.finditer(sentence):
        year = int(m["fy"] or m["fy2"])
        out.append(When(m.start(), m.end(), f"FY{year if year > 99 else 2000 + year}", _anchor(m)))
    return out


def _fiscal_relative(sentence: str, ref: Reference) -> list[When]:
    """'last fiscal year', 'the fiscal year that ended Sept. 30'; 'the previous fiscal year' after a named
    one ('in fiscal 2024, up from … the previous fiscal year') is the year before that one."""
    out = []
    for m in FISCAL_RELATIVE.finditer(sentence):
        which = (m["which"] or "").lower()
        if which in ("this", "current"):
            start = f"{ref.fiscal_year - 1}-10"
            out.append(When(m.start(), m.end(), _span(start, max(start, _shift(ref.month, -1))), "since"))
            continue
        named = [w for w in _fiscal(sentence[: m.start()], ref) + out if not w.anchor]
        if m["to_date"]:
            start = f"{ref.fiscal_year - 1}-10"
            out.append(When(m.start(), m.end(), _span(start, max(start, _shift(ref.month, -1))), "since"))
            continue
        if m["twelve"]:
            year = ref.fiscal_year - 1
        elif m["ended"]:
            year = int(m["ended"][:4]) if m["ended"][:1].isdigit() else ref.fiscal_year - 1
        elif which in ("previous", "prior", "preceding") and named:
            year = int(named[-1].label[2:]) - 1
        else:
            year = ref.fiscal_year + (1 if which == "next" else 0 if which in ("current", "this", "new") else -1)
        out.append(When(m.start(), m.end(), f"FY{year}", _anchor(m)))
    return out


def _spans(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in SPAN.finditer(sentence):
        if m["ya"]:
            if m["ya"] < m["yb"]:
                out.append(When(m.start(), m.end(), _span(f"{m['ya']}-01", f"{m['yb']}-12")))
            continue
        if m["part"]:
            months = {"half": 6, "quarter": 3}.get(m["part"].lower()) or _count(m["n"])
            if not months or months > 12:
                continue
            fiscal = bool(m["fiscal"])
            year = int(m["y3"]) if m["y3"][:1].isdigit() else ref.fiscal_year if fiscal else ref.day.year
            start = f"{year - 1}-10" if fiscal else f"{year}-01"
            out.append(When(m.start(), m.end(), _span(start, _shift(start, months - 1))))
            continue
        first, last = _month(m["month"]), _month(m["month_b"])
        end_year = int(m["y2"]) if m["y2"] else int(m["y1"]) + (last < first) if m["y1"] else ref.year_of(last)
        start_year = int(m["y1"]) if m["y1"] else end_year - (first > last)
        label = _span(f"{start_year}-{first:02d}", f"{end_year}-{last:02d}")
        out.append(When(m.start(), m.end(), label, _anchor(m)))
    return out


def _days(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in DAY.finditer(sentence):
        month = _month(m["month"] or m["month2"])
        day, year = int(m["day"] or m["day2"]), m["year"] or m["year2"]
        try:
            date = dt.date(int(year) if year else ref.year_of(month), month, day)
        except ValueError:
            continue
        out.append(When(m.start(), m.end(), date.isoformat(), _anchor(m)))
    return out


def _weekdays(sentence: str, ref: Reference) -> list[When]:
    """'on Monday' (the latest Monday up to the article's day), 'yesterday', holidays ('Thanksgiving
    Day'); the article's month when its day is unknown. A report's own day ('said Monday') is no period."""
    out = []
    for m in WEEKDAY.finditer(sentence):
        if m["said"]:
            continue
        if m["holiday"]:
            day = _holiday(re.sub(r"\s+", " ", m["holiday"]), ref.day)
        elif not ref.exact:
            out.append(When(m.start(), m.end(), ref.month, single=True))
            continue
        elif m["rel"]:
            day = ref.day - dt.timedelta(days=1 if m["rel"].lower() == "yesterday" else 0)
        else:
            day = ref.day - dt.timedelta(days=(ref.day.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7)
        out.append(When(m.start(), m.end(), day.isoformat()))
    return out


def _holiday(name: str, before: dt.date) -> dt.date:
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


def _month_years(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in MONTH_YEAR.finditer(sentence):
        if m["month"] == "May" and MODAL_MAY.match(sentence, m.start("month")):
            continue
        month = _month(m["month"])
        out.append(
            When(m.start(), m.end(), f"{int(m['year']) if m['year'] else ref.year_of(month)}-{month:02d}", _anchor(m))
        )
    return out


def _calendar(sentence: str, ref: Reference) -> list[When]:
    out = []
    for m in CALENDAR.finditer(sentence):
        if m["rel"]:
            year = ref.day.year - (0 if m["rel"].lower() == "this year" else 1)
        else:
            year = int(m["year"] or m["year2"])
        out.append(When(m.start(), m.end(), f"CY{year}", _anchor(m)))
    return out


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
            label = _shift(ref.month, -1)
        elif "year" in rel:
            count = m["years"].lower() if m["years"] else "a"
            back = (
                int(count) if count.isdigit() else {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}[count]
            )
            label = main or ref.month
            for _ in range(back):
                label = _year_before(label)
        else:
            label = _shift(check_month(main) if main else ref.month, -1)
        main = main or label
        out.append(When(m.start(), m.end(), label, _anchor(m)))
    return out


def _year_before(label: str) -> str:
    kind = kind_of(label)
    if kind in ("fiscal_year", "calendar_year"):
        return f"{label[:2]}{int(label[2:]) - 1}"
    return _shift(label[:7], -12)


MONTH_GATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
# Each reader runs only on a sentence holding one of its words (None: a month's name), to stay fast.
READERS = (
    (_fiscal, ("fiscal", "fy")),
    (_fiscal_relative, ("fiscal", "months")),
    (_spans, ("from ", "between ", "first ")),
    (_days, None),
    (_weekdays, ("day", "thanksgiving", "christmas", "easter", "new year", "fourth of july")),
    (_month_years, None),
    (_calendar, ("19", "20", "year")),
    (_since_years, ("since",)),
)
RELATIVE_WORDS = ("month", "week", "year", "now", "current", "these days")


BOUNDARY = re.compile(
    r"[,;:()—–]|\s-\s|\b(?:and|but|while|whereas|compared|than|from|since|after|before|when|versus|vs|or)\b", NOCASE
)
LIST_GAP = re.compile(r"^(?:\s+[a-z]+)?\s*(?:,|,?\s+and|,?\s+or)\s+$")
PERIOD_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+$")
LEADS_TO_PERIODS = re.compile(r"^(?:\s+[a-z]+){0,3}?\s+(?:in|during|for)\s+$")
OWN_AFTER, OWN_BEFORE = 80, 40  # how far a period may sit from the number it belongs to (characters)


def assign(sentence: str, spans: Sequence[tuple[int, int]], periods: Sequence[When]) -> list[When | None]:
    """The period of each number (given by its span, in order), or None when the sentence names none for it.

    Each period has at most one owner, found by bisection, so this is linear in the sentence (apart
    from sorting): the number right before it in its clause, else the number right after it.
    """
    chosen: list[When | None] = [None] * len(spans)
    for numbers, whens in _paired_lists(sentence, spans, periods):
        for at, when in zip(numbers, whens, strict=True):
            chosen[at] = when
    taken = {id(w) for w in chosen if w is not None}
    ends = [end for _, end in spans]
    free: list[When] = []
    for when in periods:
        if id(when) in taken:
            continue
        owner = _owner(sentence, spans, ends, when)
        if owner is None:
            free += [when] if when.anchor in ("", "since") else []
        elif chosen[owner] is None or _distance(spans[owner], when) < _distance(spans[owner], chosen[owner]):
            chosen[owner] = when
    starts = [w.start for w in free]
    for at, (start, _) in enumerate(spans):
        if chosen[at] is None and free:
            near = bisect.bisect_left(starts, start)
            chosen[at] = min(free[max(near - 1, 0) : near + 1], key=lambda w: abs(w.start - start))
    return chosen


def _owner(sentence: str, spans: Sequence[tuple[int, int]], ends: Sequence[int], when: When) -> int | None:
    """The number a period belongs to: right after it in its clause ('… in May'), or starting the clause
    it ends ('September totaled …'); None when it belongs to the whole sentence ('In December, …')."""
    before = bisect.bisect_right(ends, when.start) - 1
    if before >= 0 and when.anchor in ("", "since"):
        gap = sentence[spans[before][1] : when.start]
        if len(gap) <= OWN_AFTER and not BOUNDARY.search(gap):
            return before
    after = before + 1
    if after < len(spans) and not when.anchor and spans[after][0] >= when.end:
        gap = sentence[when.end : spans[after][0]]
        if len(gap) <= OWN_BEFORE and not BOUNDARY.search(gap):
            return after
    return None


def _distance(span: tuple[int, int], when: When | None) -> int:
    if when is None:
        return 1 << 30
    return when.start - span[1] if when.start >= span[1] else span[0] - when.end


def _paired_lists(
    sentence: str, spans: Sequence[tuple[int, int]], periods: Sequence[When]
) -> list[tuple[list[int], list[When]]]:
    """Lists of numbers and of periods that go together in order: '232,963 and 183,479 in August and
    July', or any two lists of the same length in a sentence that says 'respectively'."""
    number_lists = _runs(len(spans), lambda i: LIST_GAP.match(sentence[spans[i][1] : spans[i + 1][0]]) is not None)
    period_lists = _runs(
        len(periods), lambda i: PERIOD_LIST_GAP.match(sentence[periods[i].end : periods[i + 1].start]) is not None
    )
    respectively = re.search(r"\brespectively\b", sentence, NOCASE) is not None
    pairs = []
    for numbers in number_lists:
        for whens in period_lists:
            if len(numbers) != len(whens) or len(numbers) < 2:
                continue
            gap = sentence[spans[numbers[-1]][1] : periods[whens[0]].start]
            if respectively or (periods[whens[0]].start > spans[numbers[-1]][1] and LEADS_TO_PERIODS.match(gap)):
                pairs.append((numbers, [periods[i] for i in whens]))
    return pairs


def _runs(count: int, joined: Callable[[int], bool]) -> list[list[int]]:
    """Runs of consecutive items where `joined(i)` ties item i to item i + 1."""
    runs: list[list[int]] = []
    for i in range(count):
        if runs and joined(i - 1):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
