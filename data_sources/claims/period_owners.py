"""Which period belongs to which number of a sentence, once `when.py` has read both.

Each number takes the period that follows it in its own clause ("11,475 in May 2019 and 10,620 in
June 2014"), else the one its clause starts with ("September totaled 269,735"), else one the sentence
names for all ("In December, …"); lists pair in order ("232,963 and 183,479 in August and July").
"since October" and "compared with April" are never the period of a number that does not come right
before them. It is apart from the reading of periods because it reads positions, not words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from data_sources.claims.period_labels import NOCASE, When

__all__ = ["BOUNDARY", "assign"]

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
    if len(spans) < 2 or len(periods) < 2:
        return []  # a list has two or more
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
