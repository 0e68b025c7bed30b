"""What a number counts, as a unit noun: "migrants", "apprehensions", "bridges", "times"; after the
number ("52,000 migrants"), as its clause's subject ("Encounters dropped to 140,000"), in the sentence
before, or shared by numbers listed together ("2.2 million and 2.0 million apprehensions").

Apart from `phrases.py` (rates, places, clauses) so that each stays short. Each pattern runs only on
a text that holds one of its words (`UNIT_WORDS`), and only on the words near a number.
"""

from __future__ import annotations

import re

from data_sources.claims.numbers import Number
from data_sources.claims.phrases import NOCASE, WINDOW_CHARS

__all__ = ["UNITS", "Listed", "unit_after", "unit_before", "unit_in"]

DEMONYMS = (
    r"Venezuelans|Cubans|Haitians|Mexicans|Guatemalans|Hondurans|Salvadorans|Nicaraguans|Colombians|Ecuadorians|"
    r"Peruvians|Brazilians|Chinese\s+(?:nationals|migrants|citizens)|Indians|Ukrainians|Russians|Africans|nationals"
)
UNITS = [  # (pattern after the number, unit)
    (
        r"(?:(?:undocumented\s+|illegal\s+|unauthorized\s+)?(?:migrants?|people|persons|individuals|immigrants|"
        r"asylum[- ]seekers|noncitizens|aliens|border[- ]crossers|crossers|men,? women and children|adults|"
        r"members|travell?ers|refugees|pedestrians|passengers|commuters|" + DEMONYMS + r"))",
        "people",
    ),
    (r"(?:railway|rail)\s+crossings?|railway\s+bridges?|rail\s+bridges?|international\s+bridges?|bridges", "ports"),
    (r"(?:(?:border|migrant|southwest(?:ern)?|southern\s+border)\s+)?encounters?", "encounters"),
    (r"(?:(?:border|migrant)\s+)?(?:apprehensions?|arrests?|detentions?|catches)", "apprehensions"),
    (r"(?:illegal\s+|unlawful\s+|irregular\s+)?(?:border\s+)?crossings?", "crossings"),
    (r"(?:expulsions?)", "expulsions"),
    (r"(?:removals?|deportations?|deportees|returns)", "removals"),
    (r"(?:unaccompanied\s+)?(?:children|minors|kids|teenagers)", "children"),
    (r"(?:families|family\s+units?|family\s+members)", "families"),
    (r"(?:key\s+)?(?:border\s+)?(?:ports?(?:\s+of\s+entry)?|border\s+posts?|crossing\s+points?)", "ports"),
    (r"(?:gotaways|got-?aways|known\s+evasions|evasions)", "gotaways"),
    (r"times", "times"),
]
# Words each unit's pattern holds, lower case (None: too many to list): a text holding none of them
# is not searched for that unit.
UNIT_WORDS: tuple[tuple[str, ...] | None, ...] = (
    None,
    ("crossing", "bridge"),
    ("encounter",),
    ("apprehension", "arrest", "detention", "catches"),
    ("crossing",),
    ("expulsion",),
    ("removal", "deportation", "deportee", "returns"),
    ("children", "minors", "kids", "teenagers"),
    ("famil",),
    ("port", "post", "point"),
    ("gotaway", "got-away", "evasion"),
    ("times",),
)
UNIT_AFTER = [
    (re.compile(rf"^(?:\W*[\w'’-]+\W+){{0,3}}?({pattern})\b", NOCASE), unit, words)
    for (pattern, unit), words in zip(UNITS, UNIT_WORDS, strict=True)
]
UNIT_ANYWHERE = [
    (re.compile(rf"\b{pattern}\b", NOCASE), unit, words)
    for (pattern, unit), words in zip(UNITS, UNIT_WORDS, strict=True)
    if unit != "times"
]


def unit_after(tail: str) -> str:
    """The unit noun closest after the number (within four words)."""
    window = " ".join(tail[:WINDOW_CHARS].split()[:6])
    lower = window.lower() if window.isascii() else None
    found = [
        (match.start(1), order, unit)
        for order, (pattern, unit, words) in enumerate(UNIT_AFTER)
        if _may_hold(lower, words) and (match := pattern.match(window))
    ]
    return min(found)[2] if found else ""


def _may_hold(lower: str | None, words: tuple[str, ...] | None) -> bool:
    """Whether an ASCII text (in lower case; None for any other) may hold one of the words."""
    return lower is None or words is None or any(word in lower for word in words)


def unit_before(clause: str) -> str:
    """A unit noun as the subject before the number in its clause ('Encounters dropped to 140,000'); a
    port named before a number is where it was counted, not what."""
    lower = clause.lower() if clause.isascii() else None
    found = [
        (m.end(), unit)
        for pattern, unit, words in UNIT_ANYWHERE
        if unit != "ports" and _may_hold(lower, words)
        for m in pattern.finditer(clause)
    ]
    return max(found)[1] if found else ""


def unit_in(text: str) -> str:
    """The last unit noun named anywhere in `text` (a previous sentence's subject)."""
    return unit_before(text[-2 * WINDOW_CHARS :])


LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+")  # "52,000 and 18,000", "150,000, 160,000 and 170,000"


class Listed:
    """Numbers listed together ('52,000 and 18,000 inadmissible travelers') share the unit noun after
    the last; each list's unit is read once, and only when a number of it has none of its own."""

    def __init__(self, sentence: str, numbers: list[Number]) -> None:
        self.sentence, self.numbers = sentence, numbers
        self.last = list(range(len(numbers)))  # the last number of each number's list
        for at in range(len(numbers) - 2, -1, -1):
            if LIST_GAP.fullmatch(sentence, numbers[at].end, numbers[at + 1].start):
                self.last[at] = self.last[at + 1]
        self.units: dict[int, str] = {}

    def unit(self, at: int) -> str:
        """The unit noun after the last number of the list `at` is in ('' if it ends no list or names none)."""
        last = self.last[at]
        if last == at:
            return ""
        if last not in self.units:
            end = self.numbers[last].end
            unit = unit_after(self.sentence[end : end + WINDOW_CHARS])
            self.units[last] = "" if unit == "times" else unit
        return self.units[last]
