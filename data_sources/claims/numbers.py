"""Numbers as a story writes them: "10,000", "ten thousand", "ten-thousand", "2.5 million", "two and a
half million", "half a million", "a quarter of a million", ranges ("between 9,000 and 10,000",
"9,000-10,000", "ten to fifteen thousand"), and the qualifier before them ("nearly", "more than").

What is *not* a count is left out here, where the shape of the text tells: a number fused to a
unit by a hyphen ("a four-year low", "7-day average", "2,000-mile border", "COVID-19"), a day of a
month ("Sept. 30"), ordinals ("30th"). Whether the rest counts people is read in `flows.py`.

Why our own parser: `text2num` (3.1) and `number-parser` (0.3) both read "ten thousand" and
"twelve hundred", but neither reads fractions of a scale ("a quarter of a million", "half a
million", "two and a half million", and not even "1.7 million"), which is how stories write big
round numbers; both would also add a dependency for some forty lines of rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from data_sources.claims.text import ascii_words, holds_any

SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "  # noqa: SIM905
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())  # noqa: SIM905
    if i > 1
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "three quarters": 0.75, "two thirds": 2 / 3}
WORD = r"(?:" + "|".join([*SMALL, *TENS, *SCALES]) + r")"
BIG = r"(?:million|billion|thousand)"
FRACTION = r"(?:(?:a|one)[\s-]+)?(?:half|quarter|third)|(?:three[\s-]+quarters|two[\s-]+thirds)"
# "half a million", "a quarter of a million", "a half-million", "two and a half million"
FRACTIONAL = rf"(?:{WORD}[\s-]+and[\s-]+)?(?:{FRACTION})(?:[\s-]+of)?(?:[\s-]+(?:a|an|one))?[\s-]+{BIG}"
FIRST = r"(?:" + "|".join([*SMALL, *TENS]) + r")"  # a lone "million" (as in "$5 million") is no number
SPELLED = rf"(?:\b{FIRST}(?:[\s-]+(?:and[\s-]+)?{WORD})*\b|\ba[\s-]+(?:{BIG}|hundred)\b)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])(?!,\d)(?!\.\d)(?!/\d)"
NUMBER = rf"(?:{DIGITS})(?:[\s-]*{BIG}\b)?|\b{FRACTIONAL}\b|{SPELLED}"
ALONE = r"(?<![\w.,$€£/-])"  # not a part of "COVID-19", "$5", "3.5" or "1/2"
MAX_VALUE = 1e10  # no border count comes near this; a longer run of digits is not a count (and may overflow)
RANGE = re.compile(
    rf"(?P<between>between\s+)?{ALONE}(?P<low>{NUMBER})\s*(?P<joint>-|–|to|and)\s*(?P<high>{NUMBER})",
    re.IGNORECASE,
)
SINGLE = re.compile(rf"{ALONE}(?P<low>{NUMBER})", re.IGNORECASE)
QUALIFIER = re.compile(
    r"(nearly|almost|about|around|roughly|approximately|some|an estimated|estimated|more than|"
    r"over|upwards of|at least|fewer than|less than|under|close to|as many as|up to|at most|"
    r"just over|just under|well over|topping|exceeding)\s*$",
    re.IGNORECASE,
)
# a count fused to what follows ("a four-year low", "7-day"): not a count, except a group's size
HYPHENATED = re.compile(r"^-(?!(?:strong|person|people|member|members)\b)[a-z]", re.IGNORECASE)
GROUP_SUFFIX = re.compile(r"^-(?:strong|person|people|member)\b", re.IGNORECASE)
ORDINAL_OR_NAME = re.compile(r"^(?:st|nd|rd|th)\b|^[a-z]", re.IGNORECASE)
# a digit or a number word (as a part of any word): a sentence without one holds no number
GATE_WORDS = (*"0123456789", *SMALL, *TENS, *SCALES)
MAY_HOLD = re.compile(r"\d|" + "|".join([*SMALL, *TENS, *SCALES]), re.IGNORECASE)
NUMBER_WORDS = frozenset([*SMALL, *TENS, *SCALES])  # a spelled number starts with or holds one as a word
DIGIT_RUN = re.compile(r"\d+")
FUSED_BEFORE = re.compile(r"[A-Za-z]-")  # "COVID-19", "H-2", "I-94"
FROM = re.compile(r"\bfrom", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number in a sentence: where it is, how it was written, its value and a range's upper bound."""

    start: int
    end: int
    text: str
    value: float
    high: float | None = None
    fused: str = ""  # "-strong", "-person": a group's size written as one word


def words_to_number(text: str) -> float | None:
    """'ten thousand' → 10000, 'two and a half million' → 2500000, 'a quarter of a million' → 250000."""
    plain = text.replace(",", "")
    if plain.isdecimal():
        return float(plain)  # "250,000": the common case, read without patterns
    text = re.sub(r"[\s-]+", " ", plain.lower()).strip()
    digits = re.fullmatch(r"(\d+(?:\.\d+)?) ?(million|billion|thousand)?", text)
    if digits:
        value = float(digits[1]) * SCALES.get(digits[2] or "", 1)
        return float(round(value)) if digits[2] else value  # 2.05 million is 2,050,000, not 2,049,999.99…
    fraction = re.fullmatch(
        r"(?:(?P<whole>.+?) and )?(?:a |one )?(?P<part>half|quarter|third|three quarters|two thirds)"
        r"(?: of)?(?: a| an| one)? (?P<scale>million|billion|thousand)",
        text,
    )
    if fraction:
        whole = words_to_number(fraction["whole"]) if fraction["whole"] else 0.0
        return (
            None if whole is None else float(round((whole + FRACTIONS[fraction["part"]]) * SCALES[fraction["scale"]]))
        )
    return _spelled(text)


def _spelled(text: str) -> float | None:
    words = text.split(" ")
    if words[0] == "a":  # "a million", "a hundred"; "a" alone is no number
        if len(words) < 2 or words[1] not in SCALES:
            return None
        words[0] = "one"
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word == "and":
            continue
        if word in SMALL or word in TENS:
            current += SMALL.get(word, 0) + TENS.get(word, 0)
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_count_shape(sentence: str, start: int, end: int) -> bool:
    """False for a number fused to a unit ('7-day'), to letters before ('COVID-19') or an ordinal ('30th')."""
    after = sentence[end : end + 12]
    if HYPHENATED.match(after) or ORDINAL_OR_NAME.match(after):
        return False
    before = _before_spaces(sentence, start)
    return not (before >= 2 and FUSED_BEFORE.match(sentence, before - 2, before))


def _before_spaces(text: str, end: int) -> int:
    """Where the run of spaces that ends at `end` starts: only the words right before a number are read,
    never the whole text before it (so reading stays linear)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _range_parts(match: re.Match[str]) -> tuple[float, float] | None:
    """The low and high ends of a range, or None when the two numbers are not one range: 'from 5,000
    to 8,000' is a change, 'A and B …, respectively' two figures, and 'and' needs 'between'."""
    if match["joint"].lower() == "and" and not match["between"]:
        return None
    before = _before_spaces(match.string, match.start())
    if match["joint"].lower() == "to" and before >= 4 and FROM.match(match.string, before - 4, before):
        return None
    low, high = words_to_number(match["low"]), words_to_number(match["high"])
    if low is None or high is None:
        return None
    scale = re.search(rf"{BIG}\s*$", match["high"], re.IGNORECASE)
    if scale and low < high and not re.search(BIG, match["low"], re.IGNORECASE) and low < 1_000:
        low *= SCALES[scale[0].lower()]  # "ten to fifteen thousand"
    return (low, high) if low < high <= MAX_VALUE and high <= low * 20 else None


def numbers_in(sentence: str) -> list[Number]:
    """Every count and range in the sentence, in order; a range is read before its parts.

    Linear in the sentence: ranges never overlap each other, so a single number is checked against
    them by bisection, not against every range found so far.
    """
    digits = _digits_only(sentence)
    if digits == [] or not holds_any(sentence, GATE_WORDS, MAY_HOLD):
        return []
    found: list[Number] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in RANGE.finditer(sentence) if digits is None else _scan(RANGE, sentence, digits, "between"):
        parts = _range_parts(match)
        if parts and _is_count_shape(sentence, match.start("low"), match.end()):
            start = match.start("low") if not match["between"] else match.start()
            found.append(Number(start, match.end(), match.group(0).strip(), parts[0], parts[1]))
            starts.append(match.start())
            ends.append(match.end())
    for match in SINGLE.finditer(sentence) if digits is None else _scan(SINGLE, sentence, digits):
        before = bisect.bisect_left(starts, match.end()) - 1
        if before >= 0 and ends[before] > match.start():
            continue  # part of a range already read
        text = match.group(0).strip()
        value = words_to_number(text)
        start, end = match.start(), match.start() + len(match.group(0).rstrip())
        if value is None or value > MAX_VALUE:
            continue
        fused = GROUP_SUFFIX.match(sentence[end : end + 12])
        if fused or _is_count_shape(sentence, start, end):
            found.append(Number(start, end, text, value, None, fused[0].lower() if fused else ""))
    return sorted(found, key=lambda n: n.start)


def _digits_only(sentence: str) -> list[int] | None:
    """Where the runs of digits start, in an ASCII sentence with no number word ('ten', 'million'):
    only there may a number start. None for any other sentence (its patterns search everywhere)."""
    if not sentence.isascii() or not NUMBER_WORDS.isdisjoint(ascii_words(sentence.lower())):
        return None
    return [match.start() for match in DIGIT_RUN.finditer(sentence)]


def _scan(pattern: re.Pattern[str], sentence: str, digits: list[int], word: str = "") -> Iterator[re.Match[str]]:
    """`pattern.finditer(sentence)`, trying only where a match may start: a run of digits (or `word`)."""
    starts = digits
    if word and word in sentence.lower():
        starts = sorted([*digits, *(m.start() for m in re.finditer(word, sentence, re.IGNORECASE))])
    end = 0
    for start in starts:
        match = pattern.match(sentence, start) if start >= end else None
        if match:
            end = match.end()
            yield match


def qualifier(head: str) -> str:
    """'nearly', 'more than', … just before the number ('' if none)."""
    head = head.strip()
    match = QUALIFIER.search(head, max(0, len(head) - 16))  # each ends the head, none is longer than 16
    return match[1].lower() if match else ""
