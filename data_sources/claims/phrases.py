"""What a number in a sentence counts, and at what rate and where: the words around it.

Rules, not a language model: the phrases that matter in border stories are few and regular, and
spaCy and friends would need model downloads at run time. `finder.py` puts them together; `when.py`
reads the periods, and `flows.py` whether a number counts a flow across the border at all. Each rule
looks at a bounded window around a number (its clause, at most `WINDOW_CHARS` either side), so
reading stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from data_sources.claims.numbers import Number
from data_sources.claims.text import holds_any

NOCASE = re.IGNORECASE
VERB_UNITS = [
    (re.compile(r"\b(?:encountered|encountering|encounter)\b", NOCASE), "encounters"),
    (
        re.compile(r"\b(?:apprehended|apprehending|arrested|arresting|detained|caught|catching|stopped)\b", NOCASE),
        "apprehensions",
    ),
    (re.compile(r"\b(?:crossed|crossing|cross)\b", NOCASE), "crossings"),
    (re.compile(r"\b(?:expelled|expelling)\b", NOCASE), "expulsions"),
    (re.compile(r"\b(?:deported|deporting|removed|removing)\b", NOCASE), "removals"),
    (re.compile(r"\b(?:walked|arrived|entered|trekked|made the trip|fled|came)\b", NOCASE), "people"),
]
CONTEXT = re.compile(
    r"\b(?:border|migra\w*|immigra\w*|asylum|caravan|encounter\w*|apprehen\w*|crossings?|crossed|Border Patrol|"
    r"CBP|ports? of entry|ports?|Title 42|Title 8|expelled|expulsions?|gotaways|undocumented|illegally|agents?|"
    r"arriv\w+|convoy|inadmissibles?|deport\w*|removals?|ICE|arrest\w*|detain\w*|bridges?|sectors?|"
    r"Darién|Darien|noncitizens?|aliens?|removed|stopped(?=[^;]{0,30}\btimes\b))\b",
    NOCASE,
)
SECTORS = r"Big Bend|Del Rio|El Centro|El Paso|Laredo|Rio Grande Valley|San Diego|Tucson|Yuma|Marfa|Lukeville|Nogales"
BORDER = re.compile(
    r"\b(?:border|Border Patrol|CBP|ports? of entry|crossings?|crossed|crossing|southwest|Rio Grande|sectors?|"
    r"Customs and Border|Darién|Darien|" + SECTORS + r")\b",
    NOCASE,
)
NOT_A_RATE = r"(?!\s+(?:earlier|ago|later))"  # "a month earlier" is a time, not a rate
RATES = [
    (
        re.compile(
            r"\b(?:in|on)\s+(?:a|one)\s+(?:single\s+)?day\b|\bon\s+a\s+single\s+day\b|\bsingle[- ]day\b|"
            r"\bone\s+day\b",
            NOCASE,
        ),
        "single day",
    ),
    (
        re.compile(
            rf"\b(?:a|per|each|every)\s+day\b{NOT_A_RATE}|\bdaily\b|\bday after day\b|\bon average each day\b",
            NOCASE,
        ),
        "per day",
    ),
    (re.compile(rf"\b(?:a|per|each|every)\s+week\b{NOT_A_RATE}|\bweekly\b", NOCASE), "per week"),
    (
        re.compile(
            rf"\b(?:a|per|each|every)\s+month\b{NOT_A_RATE}|\bmonthly\b|\bin (?:a|one) (?:single )?month\b", NOCASE
        ),
        "per month",
    ),
    (
        re.compile(
            rf"\b(?:a|per|each|every)\s+year\b{NOT_A_RATE}|\bannually\b|\bannual\b|\bin (?:a|one) year\b", NOCASE
        ),
        "per year",
    ),
]
RATE_WORDS = re.compile(r"day|dai|week|month|year|annual", NOCASE)  # in every rate above
PORT_WORDS = re.compile(r"\bports?\s+of\s+entry\b", NOCASE)
CARAVAN_BEFORE = re.compile(r"\b(?:caravans?|convoy)\b[^.;]{0,100}$|\b(?:the|this|that)\s+group\b[^.;]{0,40}$", NOCASE)
CARAVAN_AFTER = re.compile(r"^[^.;]{0,50}\b(?:caravans?|convoy|(?:a|one|single|the\s+same)\s+group)\b", NOCASE)
PRESENT = re.compile(
    r"\b(?:now|current|currently|today|these\s+days|(?:is|are)\s+(?:now\s+|still\s+)?\w+ing|cross|arrive|enter|say|says)\b",
    NOCASE,
)
GROUP_OF = re.compile(r"\b(?:groups?|caravans?|convoy)\s+of\s+(?:\w+\s+){0,2}$", NOCASE)
GROUP_WORDS = re.compile(r"caravan|convoy|group", NOCASE)
CARAVAN = re.compile(r"\b(?:caravans?|convoy)\b", NOCASE)
CLOSURE = re.compile(r"\b(?:clos\w*|shut\w*|suspen\w*|reopen\w*|halt\w*)\b", NOCASE)
WINDOW_CHARS = 160  # the words around a number that say what it counts
NEAR_CHARS = 48  # the words right before it (a currency sign, "aged", "No.", a month name)
CLAUSE_END = re.compile(r"[;:—–()]|,\s|\s-\s|\b(?:while|whereas|but|although)\b", NOCASE)


@dataclass(frozen=True)
class Cues:
    """What a sentence says once, whatever number in it is being read (so reading is linear); the
    cues only a number needs are read the first time one asks."""

    sentence: str
    about_migration: bool
    border: bool

    @cached_property
    def closure(self) -> bool:
        return bool(CLOSURE.search(self.sentence))

    @cached_property
    def caravan(self) -> bool:
        """Whether it names a caravan, a convoy or a group (the patterns that read one need a word of these)."""
        return holds_any(self.sentence, ("caravan", "convoy", "group"), GROUP_WORDS)

    @cached_property
    def verb_unit(self) -> str:
        return next((unit for pattern, unit in VERB_UNITS if pattern.search(self.sentence)), "")


def cues_of(sentence: str) -> Cues:
    return Cues(sentence, bool(CONTEXT.search(sentence)), bool(BORDER.search(sentence)))


def clause_before(head: str) -> str:
    """The part of `head` (the text before a number) in the number's own clause."""
    ends = list(CLAUSE_END.finditer(head))
    return head[ends[-1].end() :] if ends else head


def clause_after(tail: str) -> str:
    match = CLAUSE_END.search(tail)
    return tail[: match.start()] if match else tail


def rate(text: str) -> str:
    if not RATE_WORDS.search(text):
        return ""  # each rate names a day, a week, a month or a year: most texts need no more searching
    for pattern, found in RATES:
        if pattern.search(text):
            return found
    return ""


def port_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for the port names the data knows (BTS), so a sentence naming one is about a port."""
    words = sorted({str(n).strip() for n in names if str(n).strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None


def place(sentence: str, ports: re.Pattern[str] | None = None) -> str:
    if PORT_WORDS.search(sentence) or (ports is not None and ports.search(sentence)):
        return "port"
    if re.search(r"\bnation(?:wide|ally)\b|\ball (?:U\.S\. )?borders\b|\bacross the country\b", sentence, NOCASE):
        return "nationwide"
    if re.search(
        r"\b(?:southern|southwest(?:ern)?|U\.S\.-Mexico|US-Mexico|Mexican)\s+border\b|\bTexas\b|\bArizona\b",
        sentence,
        NOCASE,
    ):
        return "southwest"
    return "unspecified"


def rates_of(sentence: str, numbers: list[Number]) -> list[str]:
    """The rate of each number; numbers listed together ('1,500 and 940 … a day') share the last one's."""
    if not RATE_WORDS.search(sentence):
        return [""] * len(numbers)
    rates: list[str] = []
    for at in range(len(numbers)):
        rates.append(_rate_of(sentence, numbers, at, rates[-1] if rates else ""))
    for at in range(len(numbers) - 2, -1, -1):
        if re.fullmatch(r"\s*(?:,|,?\s+and)\s+", sentence[numbers[at].end : numbers[at + 1].start]):
            rates[at] = rates[at] or rates[at + 1]
    return rates


def _rate_of(sentence: str, numbers: list[Number], at: int, previous: str) -> str:
    """The rate of one number: a rate phrase between it and the next number ("250,000 in December,
    or about 8,000 a day": only the 8,000 is per day), else the previous number's rate when this one
    compares with it ("8,000 a day, up from 5,000"), else a rate said before it in its clause."""
    number = numbers[at]
    end = numbers[at + 1].start if at + 1 < len(numbers) else len(sentence)
    local = rate(clause_after(sentence[number.end : min(end, number.end + WINDOW_CHARS)]))
    if local:
        return local
    head = sentence[max(0, number.start - WINDOW_CHARS) : number.start]
    if at and re.search(r"\b(?:from|than|to|with|against|and)\s+(?:\w+\s+){0,3}$", head):
        return previous
    said_before = rate(clause_before(head))
    if said_before or at:
        return said_before or ("single day" if rate(head) == "single day" else "")
    return rate(head)  # "Every day, some 10,000 …"
