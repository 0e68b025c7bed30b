"""What a number in a sentence counts, and at what rate, where and when: the words around it.

Rules, not a language model: the phrases that matter in border stories are few and regular, and
spaCy and friends would need model downloads at run time. `finder.py` puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from data_sources.core.periods import month_start, period_of, shift_months
from data_sources.core.vocabulary import MONTH_NAMES

MONTHS = r"\b(" + "|".join(MONTH_NAMES) + r")\b"
UNITS = [  # (pattern after the number, unit)
    (
        r"(?:migrants?|people|persons|individuals|immigrants|asylum[- ]seekers|noncitizens|border[- ]crossers|"
        r"men,? women and children|adults)",
        "people",
    ),
    (r"(?:railway|rail)\s+crossings?|railway\s+bridges?|rail\s+bridges?", "railway crossings"),
    (r"(?:encounters?)", "encounters"),
    (r"(?:apprehensions?|arrests?|detentions?)", "apprehensions"),
    (r"(?:illegal\s+)?(?:border\s+)?crossings?", "crossings"),
    (r"(?:expulsions?|removals?|deportations?)", "expulsions"),
    (r"(?:unaccompanied\s+)?(?:children|minors)", "children"),
    (r"(?:families|family\s+units?|family\s+members)", "families"),
    (r"(?:key\s+)?(?:border\s+)?(?:ports?(?:\s+of\s+entry)?|border\s+posts?)", "ports"),
    (r"(?:gotaways|got-?aways)", "gotaways"),
]
VERB_UNITS = [
    (r"\b(?:encountered|encountering|encounter)\b", "encounters"),
    (r"\b(?:apprehended|arrested|detained|caught)\b", "apprehensions"),
    (r"\b(?:crossed|crossing|cross)\b", "crossings"),
    (r"\b(?:expelled|deported|removed)\b", "expulsions"),
]
CONTEXT = re.compile(
    r"\b(?:border|migra\w*|immigra\w*|asylum|caravan|encounter\w*|apprehen\w*|crossings?|crossed|Border Patrol|"
    r"CBP|ports? of entry|ports?|Title 42|Title 8|expelled|expulsions?|gotaways|undocumented|illegally|agents?|"
    r"arriv\w+|convoy|inadmissibles?|deport\w*)\b",
    re.IGNORECASE,
)
NOT_MIGRATION_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s*cent|-?year-?old|years?\s+old|years?\b|dollars|\$|miles?|mi\b|km|kilomet\w+|"
    r"feet|foot|yards?|meters?|metres?|votes?|seats?|lawmakers|senators|members of congress|hours?|minutes?|"
    r"days?\b(?!\s+(?:of|worth))|weeks?|months?|pages?|troops|soldiers|agents|officers|national guard|beds|"
    r"buses|vehicles|cars|trucks|points|degrees|acres|tons|times|-page|countries|nations|states|cities|towns)",
    re.IGNORECASE,
)
MONEY_BEFORE = re.compile(r"(?:\$|USD|US\$|€|£)\s*$|\bage(?:d)?\s*$|\bvoted?\s*$|\bnumber\s*$", re.IGNORECASE)
NOT_A_RATE = r"(?!\s+(?:earlier|before|ago|later|after))"  # "a month earlier" is a time, not a rate
RATES = [
    (
        rf"\b(?:a|per|each|every)\s+day\b{NOT_A_RATE}|\bdaily\b|\bday after day\b|\bin (?:a|one) (?:single )?day\b",
        "per day",
    ),
    (rf"\b(?:a|per|each|every)\s+week\b{NOT_A_RATE}|\bweekly\b", "per week"),
    (rf"\b(?:a|per|each|every)\s+month\b{NOT_A_RATE}|\bmonthly\b|\bin (?:a|one) (?:single )?month\b", "per month"),
    (r"\bfiscal\s+(?:year\s+)?(?:20)?\d{2}\b|\bFY\s?(?:20)?\d{2}\b|\bfiscal year\b", "per fiscal year"),
    (rf"\b(?:a|per|each|every)\s+year\b{NOT_A_RATE}|\bannually\b|\bin (?:a|one) year\b", "per year"),
]
PORT_WORDS = re.compile(r"\bports?\s+of\s+entry\b", re.IGNORECASE)
GROUP = re.compile(r"\b(?:caravan|group|crowd|convoy|exodus)\b", re.IGNORECASE)
CLOSURE = re.compile(r"\b(?:clos\w*|shut\w*|suspend\w*|reopen\w*)\b", re.IGNORECASE)
WINDOW_CHARS = 160  # the words around a number that say what it counts
NEAR_CHARS = 40  # the words right before it (a currency sign, "aged", "No.", a month name)


def unit_before(head: str) -> str:
    """A unit noun as the subject before the number ('Encounters dropped to 140,000')."""
    clause = re.split(r"[,;:]\s|\band\b", head)[-1]
    found = [(m.end(), unit) for pattern, unit in UNITS for m in re.finditer(rf"\b{pattern}\b", clause, re.I)]
    return max(found)[1] if found else ""


@dataclass(frozen=True)
class Cues:
    """What a sentence says once, whatever number in it is being read (so reading is linear)."""

    about_migration: bool
    group: bool
    closure: bool
    verb_unit: str


def cues_of(sentence: str) -> Cues:
    verb = next((unit for pattern, unit in VERB_UNITS if re.search(pattern, sentence, re.IGNORECASE)), "")
    return Cues(bool(CONTEXT.search(sentence)), bool(GROUP.search(sentence)), bool(CLOSURE.search(sentence)), verb)


def unit_after(tail: str, cues: Cues) -> str:
    """The unit noun closest after the number (within four words), else a unit implied by the verb."""
    window = " ".join(tail[:WINDOW_CHARS].split()[:5])
    found = []
    for order, (pattern, unit) in enumerate(UNITS):
        match = re.match(rf"^(?:\W*\w+\W+){{0,3}}?({pattern})\b", window, re.IGNORECASE)
        if match:
            found.append((match.start(1), order, unit))
    if found:
        return min(found)[2]
    if cues.group and re.match(r"^\s*(?:people|individuals|migrants|members|strong)?", tail):
        return "" if re.match(r"^\s*\w+\s+(?:of|in)\b", tail) else "people"
    return cues.verb_unit


def rate(sentence: str) -> str:
    for pattern, found in RATES:
        if re.search(pattern, sentence, re.IGNORECASE):
            return found
    return ""


def port_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for the port names the data knows (BTS), so a sentence naming one is about a port."""
    words = sorted({str(n).strip() for n in names if str(n).strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None


def place(sentence: str, ports: re.Pattern[str] | None = None) -> str:
    if PORT_WORDS.search(sentence) or (ports is not None and ports.search(sentence)):
        return "port"
    if re.search(r"\bnation(?:wide|ally)\b|\ball (?:U\.S\. )?borders\b|\bacross the country\b", sentence, re.I):
        return "nationwide"
    if re.search(
        r"\b(?:southern|southwest(?:ern)?|U\.S\.-Mexico|US-Mexico|Mexican)\s+border\b|\bTexas\b|\bArizona\b",
        sentence,
        re.I,
    ):
        return "southwest"
    return "unspecified"


def period(sentence: str, reference: str) -> tuple[str, str, dict[str, object]]:
    """(YYYY-MM, where it came from, hints for the parameters) for the sentence."""
    now = month_start(reference)
    found = re.search(MONTHS + r"(?:\s+(?:of\s+)?((?:19|20)\d{2}))?", sentence, re.I)
    if found:
        number = [m.lower() for m in MONTH_NAMES].index(found[1].lower()) + 1
        when = int(found[2]) if found[2] else (now.year if number <= now.month else now.year - 1)
        return f"{when}-{number:02d}", "text", {}
    fiscal = re.search(r"\b(?:fiscal\s+(?:year\s+)?|FY\s?)((?:20)?\d{2})\b", sentence, re.I)
    if fiscal:
        fy = int(fiscal[1]) % 100 + 2000
        return f"{fy}-09", "text", {"span": "fiscal_year"}
    if re.search(r"\blast month\b", sentence, re.I):
        return period_of(shift_months(now, -1)), "text", {}
    in_year = re.search(r"\b(?:in|during|for)\s+((?:19|20)\d{2})\b", sentence, re.I)
    if in_year and not re.search(r"\bsince\s+" + in_year[1], sentence):
        return f"{in_year[1]}-12", "text", {"span": "calendar_year"}
    return reference, "article date", {}


def is_migration_number(head: str, text: str, tail: str, value: float, cues: Cues) -> bool:
    """Whether a number counts people, crossings or the like (not money, ages, years, distances …).

    `head` and `tail` are the few words around the number (`WINDOW_CHARS`), not the whole sentence.
    """
    head = head[-NEAR_CHARS:]  # the checks below look only at the words right before the number
    if MONEY_BEFORE.search(head) or NOT_MIGRATION_AFTER.match(tail):
        return False
    if re.fullmatch(r"(?:between\s+)?(?:19|20)\d{2}(?:\s*(?:-|–|to|and)\s*(?:19|20)\d{2})?", text, re.I):
        return False  # a year or a span of years, not a count
    if re.search(MONTHS + r"\.?\s*$", head, re.IGNORECASE):
        return False  # a day of the month ("January 4")
    if re.match(r"^\s*(?:billion|million)?\s*(?:in|of)\s+(?:aid|funding|dollars|military)", tail, re.I):
        return False
    if re.search(r"\b(?:No\.|number|Title|Section|Proclamation|Article|Chapter|Rule|page)\s*$", head, re.I):
        return False
    return cues.about_migration and value >= 2
