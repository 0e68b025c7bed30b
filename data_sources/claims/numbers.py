"""Numbers as a story writes them: "10,000", "ten thousand", "2.5 million", "two and a half
million", ranges ("between 9,000 and 10,000", "9,000-10,000"), and the qualifier before them
("nearly", "more than"). Pure text work; what the number counts is read in `phrases.py`.
"""

from __future__ import annotations

import bisect
import re

SMALL = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    if i > 1
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMWORD = r"(?:" + "|".join([*SMALL, *TENS, *SCALES, "half"]) + r")"
SPELLED = rf"\b{NUMWORD}(?:[\s-]+(?:and[\s-]+)?(?:a[\s-]+)?{NUMWORD})*\b"
DIGITS = r"(?<![\w.$])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.$])\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS})(?:\s*(?:million|billion|thousand)\b)?|{SPELLED}"
MAX_VALUE = 1e10  # no border count comes near this; a longer run of digits is not a count (and may overflow)
RANGE = re.compile(rf"(?:between\s+)?(?P<low>{NUMBER})\s*(?:-|–|to|and)\s*(?P<high>{NUMBER})", re.IGNORECASE)
SINGLE = re.compile(rf"(?P<low>{NUMBER})", re.IGNORECASE)
QUALIFIER = re.compile(
    r"(nearly|almost|about|around|roughly|approximately|some|an estimated|estimated|more than|"
    r"over|upwards of|at least|fewer than|less than|under|close to|as many as|up to|at most|"
    r"just over|just under|well over|topping|exceeding)\s*$",
    re.IGNORECASE,
)

Found = tuple[re.Match[str], float, float | None]  # the match, its value and a range's upper bound


def words_to_number(text: str) -> float | None:
    """'ten thousand' → 10000, 'two and a half million' → 2500000, '2.5 million' → 2500000."""
    text = text.lower().replace(",", "").strip()
    digits = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand)?", text)
    if digits:
        return float(digits[1]) * SCALES.get(digits[2] or "", 1)
    half = re.fullmatch(r"(.+?) and a half (million|billion|thousand)", text)
    if half:
        whole = words_to_number(half[1])
        return None if whole is None else (whole + 0.5) * SCALES[half[2]]
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text):
        if word in ("and", "a"):
            current = current or (1 if word == "a" else 0)
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


def numbers_in(sentence: str) -> list[Found]:
    """Every number and range in the sentence, in order; a range is read before its parts.

    Linear in the sentence: ranges never overlap each other, so a single number is checked against
    them by bisection, not against every range found so far.
    """
    found: list[Found] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in RANGE.finditer(sentence):
        low, high = words_to_number(match["low"]), words_to_number(match["high"])
        if low is not None and high is not None and low < high <= MAX_VALUE:
            found.append((match, low, high))
            starts.append(match.start())
            ends.append(match.end())
    for match in SINGLE.finditer(sentence):
        before = bisect.bisect_left(starts, match.end()) - 1
        if before >= 0 and ends[before] > match.start():
            continue  # part of a range already read
        value = words_to_number(match["low"])
        if value is not None and value <= MAX_VALUE:
            found.append((match, value, None))
    return sorted(found, key=lambda item: item[0].start())


def qualifier(head: str) -> str:
    """'nearly', 'more than', … just before the number ('' if none)."""
    match = QUALIFIER.search(head.strip())
    return match[1].lower() if match else ""
