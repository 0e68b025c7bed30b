"""Record claims a story makes without a number: "the most of any month on record", "a 17-year
low", "the fewest since 1970", "fewer … than in any February in decades", "a record".

Each is read into what the record evaluator needs: high or low, since when (a year, or none for
the whole series), over months or years, and whether it compares one calendar month only ("the
lowest October total", "a low for the month"). Forecasts ("may reach their lowest level") are no
claims. `finder.py` gives each the period its sentence says it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.measures import FoundClaim, reread
from data_sources.claims.text import holds_any
from data_sources.claims.when import BOUNDARY, Reference, When, check_month, kind_of

NOCASE = re.IGNORECASE
TIME_WORD = (
    r"(?:other\s+)?(?:month|year|fiscal\s+year|time|period|week|day|summer|winter|spring|fall|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)"
)
SUPER = r"(?:most|fewest|highest|lowest|busiest|quietest|largest|smallest|biggest|slowest|greatest|heaviest)"
COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d+)"
CUE = (
    rf"on\s+record|\brecord\b|history|\bever\b|since\s+(?:\w+\s+)?(?:19|20)\d{{2}}s?|all-time|"
    rf"in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|at\s+least\s+)?(?:{COUNT}\s+|a\s+)?(?:decades?|years?)\b|"
    rf"of\s+any\s+month|for\s+(?:that|the)\s+month"
)
PHRASES = re.compile(
    rf"\b(?:a|an)\s+(?:new\s+)?(?:(?:all-time|single-day|one-day|daily|monthly|annual|yearly)\s+)?record"
    rf"(?:[\s-]+(?:high|low|number|level|total|pace|breaking))?\b"
    rf"|\b(?:a|an)\s+(?:{COUNT}|\d+)-(?:year|month|decade)\s+(?:low|high)(?:\s+for\s+the\s+month)?\b"
    rf"|\b(?:an\s+)?all-time\s+(?:high|low)\b"
    rf"|\b(?:the|their|its|his|her)\s+(?:[\w'’-]+\s+){{0,3}}?{SUPER}\b[^;.]{{0,70}}?(?:{CUE})(?:\s+(?:19|20)\d{{2}})?"
    rf"|\b(?:fewer|more|lower|higher)\b[^,;.]{{0,60}}?\bthan\s+(?:in\s+)?any\s+{TIME_WORD}\b"
    rf"(?:\s+(?:in|on)\s+(?:decades|years|record|history)|\s+since\s+(?:the\s+)?(?:19|20)\d{{2}}s?)?"
    rf"|\b(?:the\s+)?unprecedented\b",
    NOCASE,
)
# a word each of the phrases above holds: a sentence without one holds no record claim
GATE_WORDS: tuple[str, ...] = ("record", "low", "high", "most", "fewest", "busiest", "quietest", "largest")
GATE_WORDS += ("smallest", "biggest", "greatest", "heaviest", "than", "unprecedented")
MAY_HOLD = re.compile("|".join(GATE_WORDS), NOCASE)
FORECAST = re.compile(
    r"\b(?:(?-i:may|might|could|would|will)|expected\s+to|projected\s+to|on\s+(?:track|pace)\s+to)\b[^,;.]{0,30}$",
    NOCASE,
)
LOW = re.compile(r"\b(?:fewest|lowest|quietest|smallest|slowest|fewer|lower|low)\b", NOCASE)
WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
WORDS |= {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}
HEMISPHERE = re.compile(r"\b(?:Western Hemisphere|hemisphere|nationalities|countries|Venezuel\w+|Cuba\w*)\b", NOCASE)
CARAVAN = re.compile(r"\b(?:caravans?|convoy|group)\b", NOCASE)
YEAR_SPANS = {"fiscal_year": "fiscal_year", "calendar_year": "calendar_year", "day": "day"}


@dataclass(frozen=True)
class Record:
    """A record claim as said, and how to check it."""

    start: int
    end: int
    text: str
    hints: dict[str, object]
    metric: str  # "record", or "citizenship_mix" / "compare_periods" for records of other kinds


def records_in(sentence: str, ref: Reference) -> list[Record]:
    """The record claims of a sentence, in order."""
    out: list[Record] = []
    if not holds_any(sentence, GATE_WORDS, MAY_HOLD):
        return out
    for match in PHRASES.finditer(sentence):
        unprecedented = match.group(0).lower().endswith("unprecedented")
        if not unprecedented and FORECAST.search(sentence, max(0, match.start() - 40), match.start()):
            continue
        text = match.group(0).strip()
        hints: dict[str, object] = {"direction": "lowest" if LOW.search(text) else "highest"}
        since = _since(text, ref)
        if since:
            hints["since"] = since
        if re.search(r"\bfiscal\s+year", text, NOCASE):
            hints["span"] = "fiscal_year"
        elif re.search(r"\b(?:year|annual)\b(?!s)", text, NOCASE) and not re.search(
            r"-year|\byears?\s+(?:low|high)", text, NOCASE
        ):
            hints["span"] = "calendar_year" if not re.search(r"\bin\s+(?:a|\w+)\s+years?", text, NOCASE) else "month"
        if re.search(r"single-day|\bday\b", text, NOCASE):
            hints["span"] = "day"
        if re.search(
            r"for\s+(?:that|the)\s+month|any\s+(?:January|February|March|April|May|June|July|August|"
            r"September|October|November|December)|(?:January|February|March|April|May|June|July|August|"
            r"September|October|November|December)\s+total",
            text,
        ):
            hints["same_month"] = True
        metric = "record"
        if HEMISPHERE.search(sentence):
            metric = "citizenship_mix"
        elif CARAVAN.search(sentence):
            metric, hints = "compare_periods", ({"compare_to": since[:4]} if since else {})
        out.append(Record(match.start(), match.end(), text, hints, metric))
    return out


def _since(text: str, ref: Reference) -> str | None:
    """'since 2020' → '2020'; 'in more than two decades' → twenty years before the article; 'a 17-year
    low' → seventeen years before; None for 'on record', 'ever', 'in history' (the whole series)."""
    year = re.search(r"since\s+(?:\w+\s+)?((?:19|20)\d{2})", text, NOCASE)
    if year:
        return year[1]
    span = re.search(
        rf"(?:in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|at\s+least\s+)?)?({COUNT})?[\s-]*"
        r"(decades?|years?)\b",
        text,
        NOCASE,
    )
    if not span or re.search(r"on\s+record|history|\bever\b", text, NOCASE):
        return None
    count = span[1].lower() if span[1] else "two"  # "in decades": at least two
    number = int(count) if count.isdigit() else WORDS.get(count, 1)
    return str(ref.day.year - number * (10 if span[2].lower().startswith("decade") else 1))


def record_period(sentence: str, record: Record, periods: list[When], first_claim: str | None) -> str | None:
    """The period a record is about: one right after it ('a 17-year low in March'), else that of the
    sentence's first count ('212,672 in July, … the most in two decades'), else the nearest before it
    ('December was the busiest month'), else the first inside it ('fewer last month than in any
    February'), else the nearest after. A year said beside 'fiscal year' is a fiscal year."""
    own = [w for w in periods if not w.anchor]
    after = [w for w in own if w.start >= record.end]
    before = [w for w in own if w.end <= record.start]
    inside = [w for w in own if record.start <= w.start < record.end]
    label: str | None = None
    if after and len(gap := sentence[record.end : after[0].start]) <= 80 and not BOUNDARY.search(gap):
        label = after[0].label
    elif first_claim:
        label = first_claim
    elif inside:
        label = inside[0].label
    elif before:
        label = before[-1].label
    elif after:
        label = after[0].label
    if label and record.hints.get("span") == "fiscal_year" and kind_of(label) == "calendar_year":
        label = "FY" + label[2:]
    return label


def record_claims(
    sentence: str,
    ref: Reference,
    records: list[Record],
    periods: list[When],
    claims: list[FoundClaim],
    carried: str | None,
    place: str,
) -> list[tuple[int, FoundClaim]]:
    """Record claims without a number ('the most of any month on record'), each with its period and
    where it starts in the sentence."""
    out = []
    first = next((c.when for c in claims if c.when), None)
    for record in records:
        said = record_period(sentence, record, periods, first) or carried
        source = "text" if said and said != carried else "previous sentence" if said else "article date"
        period = check_month(said) if said else ref.month
        metric = (
            "hemisphere_surge"
            if record.metric == "citizenship_mix" and "hemisphere_surge" in EVALUATORS
            else record.metric
        )
        hints = dict(record.hints)
        if metric == "record" and said and kind_of(said) in YEAR_SPANS:
            hints["span"] = YEAR_SPANS[kind_of(said)]
        found = FoundClaim(sentence, record.text, None, None, "", "", "", place, period, source, metric, 0.6, "")
        out.append((record.start, reread(replace(found, params=hints, kind="record"), "record", said)))
    return out
