"""Find the checkable numeric claims in a story about the border, with careful rules.

For each sentence: find the numbers ("10,000", "ten thousand", "a quarter of a million", ranges;
`numbers.py`), drop those that count nothing that crosses a border (money, ages, years, distances,
days of a month, populations, caps, thresholds, capacities, plans, crowds in a camp; `flows.py`),
read each one's unit ("migrants", "apprehensions", "times"; `units.py`), rate ("a day"; `phrases.py`)
and period (`when.py`), and say what it measures, in the labelled sets' words (`KINDS`; `measures.py`):
a rate per day, one day, a month's, a fiscal or a calendar year's total, a total over several months,
a group's size, ports closed, or a count no dataset of ours holds (enforcement away from the border).
Record claims without a number ("the most of any month on record", "a 17-year low") are found too.

A sentence is read with what the one before it said: its unit ("The number then rose to …"), its
period ("The month's total was …") and a caravan it named ("By Tuesday it had shrunk to …"; `carry.py`).
`tests/data/finder_dev.jsonl` measures it (`scoring.py`). Each sentence's patterns run once, and
only where they can match; each number only looks at the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from data_sources.claims import carry
from data_sources.claims import phrases as p
from data_sources.claims import superlatives as sup
from data_sources.claims import units as u
from data_sources.claims.flows import away_from_border, is_count, is_crowd, is_flow
from data_sources.claims.measures import KINDS, TOTAL_OF, FoundClaim, default_params, fitted, kind_for, reread, to_json
from data_sources.claims.numbers import Number, numbers_in, qualifier, words_to_number
from data_sources.claims.text import html_to_text, normalise, sentences_of
from data_sources.claims.when import Reference, When, assign, check_month, kind_of, periods_in

__all__ = ["KINDS", "MAX_CLAIMS", "MAX_TEXT_CHARS", "FoundClaim", "default_params", "find_claims", "html_to_text"]
__all__ += ["TOTAL_OF", "fitted", "reread", "to_json", "words_to_number"]

MAX_TEXT_CHARS = 200_000
MAX_CLAIMS = 60  # claims (and so cards with charts) per text: more is a list, not an article

COMPARED = re.compile(
    r"\b(?:than|from|compared|versus|vs|against|up|down|before|earlier|ago|previous|prior|last)\b", re.I
)
LONGEST_COMPARED = len("compared")


def find_claims(text: str, reference: str, port_names: Iterable[str] = (), *, cap: bool = True) -> list[FoundClaim]:
    """Every checkable claim in `text`: at most `MAX_CLAIMS` of a text of at most `MAX_TEXT_CHARS`
    characters, or all of any text without the `cap` (for scoring and benchmarks). `reference` is
    the article's day (YYYY-MM-DD) or month (YYYY-MM): it stands for "now", "last month", "on
    Monday". `port_names` (from the crossings data) mark sentences about a port, not the border.

    Linear in the text: each sentence's cues are read once, and each number only looks at the
    words around it.
    """
    limit = MAX_CLAIMS if cap else None
    if cap and len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"the text is over {MAX_TEXT_CHARS:,} characters")
    ref, ports = Reference.of(reference), p.port_pattern(port_names)
    claims: list[FoundClaim] = []
    context = carry.Context()
    for sentence in _with_fragments(sentences_of(normalise(text))):
        if limit is not None and len(claims) >= limit:
            break
        found, context = _read(sentence, ref, ports, context, None if limit is None else limit - len(claims))
        claims += found
    return claims if limit is None else claims[:limit]


OF_MANY_AFTER = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\w'’.]+\s+){0,2}?(?:\d[\d,]*|[a-z]+)\b(?=\s+\w)")
STRONG = re.compile(r"^\s*strong\b")  # "6,000 strong"
OF_MANY = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\w.'’]+\s+){0,2}?")  # "one of two bridges"
FRAGMENT = re.compile(r"^[\w\s,.-]{1,60}[.!?]$")
ANSWER = re.compile(r"^(?:That|This|Those)(?:\s+is|'s|\s+was|\s+are|\s+were)\s+(?:how|the)\b")


def _with_fragments(sentences: list[str]) -> list[str]:
    """'Four hundred fifteen thousand. That is how many people …': a bare number read with the
    sentence that says what it counts."""
    out: list[str] = []
    for sentence in sentences:
        if out and ANSWER.match(sentence) and FRAGMENT.match(out[-1]) and numbers_in(out[-1]):
            out[-1] += " " + sentence
        else:
            out.append(sentence)
    return out


def _read(
    sentence: str, ref: Reference, ports: re.Pattern[str] | None, before: carry.Context, room: int | None = None
) -> tuple[list[FoundClaim], carry.Context]:
    """The claims of one sentence, and the context it leaves for the next; with `room`, numbers are
    read only until that many claims are found (the rest would be cut)."""
    cues = p.cues_of(sentence)
    about = cues.about_migration or before.about
    numbers = _counts(sentence) if about else []
    records = sup.records_in(sentence, ref) if about else []
    if not numbers and not records:  # no claim: only what the next sentence may lean on
        return [], carry.context_after(sentence, ref, cues, before, "", [])
    periods = periods_in(sentence, ref)
    whens = _shared(sentence, numbers, assign(sentence, [(n.start, n.end) for n in numbers], periods))
    carried = before.when
    place = p.place(sentence, ports)
    claims: list[FoundClaim] = []
    unit_so_far = ""
    rates = p.rates_of(sentence, numbers)
    listed = u.Listed(sentence, numbers)
    away = away_from_border(sentence, before.border, cues.border) if numbers else False
    dated = False  # whether a claim read so far has a period (a record may need it)
    searched = (-1, -1)  # no comparison word lies in sentence[searched[0] : searched[1]]
    for at, (number, when) in enumerate(zip(numbers, whens, strict=True)):
        if room is not None and len(claims) >= room and (dated or not records):
            break  # the cap is reached: later numbers would be cut
        head = sentence[max(0, number.start - p.WINDOW_CHARS) : number.start]
        tail = sentence[number.end : number.end + p.WINDOW_CHARS]
        if when is None and claims and claims[-1].when:  # "250,000 in December, or about 8,000 a day"
            start = claims[-1].at  # the words already searched are not searched again (linear)
            since = max(start, searched[1] - LONGEST_COMPARED) if searched[0] == start else start
            if not COMPARED.search(sentence, since, number.start):
                when, searched = When(number.start, number.end, claims[-1].when), (start, number.start)
        shared = partial(listed.unit, at)  # the unit of a list the number is in, read if it needs one
        claim = _claim(
            sentence, number, head, tail, when, carried, ref, cues, before, unit_so_far, rates[at], away, shared
        )
        if claim is not None:
            claim.place, claim.at = place, number.start
            unit_so_far, dated = claim.unit, dated or bool(claim.when)
            claims.append(claim)
    found = [(c.at, c) for c in claims] + sup.record_claims(sentence, ref, records, periods, claims, carried, place)
    claims = [c for _, c in sorted(found, key=lambda pair: pair[0])]
    return claims, carry.context_after(sentence, ref, cues, before, unit_so_far, claims, periods)


def _counts(sentence: str) -> list[Number]:
    """The numbers that may count something ("one of two bridges": the two is no count of its own)."""
    out: list[Number] = []
    for number in numbers_in(sentence):
        head = sentence[max(0, number.start - p.WINDOW_CHARS) : number.start]
        tail = sentence[number.end : number.end + p.WINDOW_CHARS]
        if not is_count(head, number.text, tail, number.value):
            continue
        if out and OF_MANY.fullmatch(sentence, out[-1].end, number.start):
            continue
        out.append(number)
    return out


def _shared(sentence: str, numbers: list[Number], whens: list[When | None]) -> list[When | None]:
    """'18,400 and 25,900 in June': numbers listed together share the period the last one names."""
    shared = list(whens)
    for at in range(len(numbers) - 2, -1, -1):
        gap = sentence[numbers[at].end : numbers[at + 1].start]
        listed = re.fullmatch(r"\s*(?:,|,?\s+and)\s+", gap) or re.fullmatch(r"[^,;:—]*\band\b[^,;:—]*", gap)
        if shared[at] is None and shared[at + 1] is not None and listed and not COMPARED.search(gap):
            shared[at] = shared[at + 1]
    return shared


def _claim(
    sentence: str,
    number: Number,
    head: str,
    tail: str,
    when: When | None,
    carried: str | None,
    ref: Reference,
    cues: p.Cues,
    before: carry.Context,
    unit_so_far: str,
    rate: str,
    away: bool,
    shared: Callable[[], str],
) -> FoundClaim | None:
    """One number read as a claim, or None when it counts nothing we would check."""
    head_clause, tail_clause = p.clause_before(head), p.clause_after(tail)
    unit = u.unit_after(tail)
    if unit == "times" and not (number.value >= 1_000 and cues.verb_unit):
        return None
    unit = cues.verb_unit if unit == "times" else unit
    of_many = OF_MANY_AFTER.match(tail)
    unit = unit or (u.unit_after(tail[of_many.end() :]) if of_many else "")  # "two of El Paso's four bridges"
    unit = unit or shared()  # "2.2 million and 2.0 million apprehensions"
    unit = unit or u.unit_before(head_clause) or unit_so_far or cues.verb_unit or u.unit_before(head)
    closure = unit in ("ports", "crossings") and cues.closure and number.value < 50
    said = when.label if when else carried
    single = bool(when and when.single) or bool(said and kind_of(said) == "day")
    one_off = not rate and (said is None or kind_of(said) in ("day", "month")) and unit in ("people", "")
    groups = cues.caravan  # whether the sentence names a caravan, a convoy or a group at all
    named = groups and (p.CARAVAN_BEFORE.search(head) or p.CARAVAN_AFTER.match(tail_clause))
    group = bool(number.fused or STRONG.match(tail) or (groups and p.GROUP_OF.search(head))) or (
        one_off and (bool(named) or (before.caravan and (said is None or single)))
    )
    unit = unit or ("people" if group else before.unit)
    if not unit or (not closure and number.value < 2):
        return None
    if not closure and not group and (not is_flow(head_clause, tail_clause) or is_crowd(head_clause, tail_clause)):
        return None
    kind = kind_for(
        "single day" if single and rate != "per day" else rate,
        said,
        group,
        closure,
        away,
    )
    if said is None and (kind in ("group_size", "closures") or p.PRESENT.search(head + " " + tail_clause)):
        said = ref.month  # "now", plain present tense, or a group or closure of the article's days
    source = "text" if when else "previous sentence" if carried and said == carried else "article date"
    claim = FoundClaim(
        sentence,
        number.text,
        number.value,
        number.high,
        qualifier(head[-p.NEAR_CHARS :]),
        unit,
        rate,
        "",
        check_month(said) if said else ref.month,
        source,
        KINDS[kind].metric,
        0.0,
        "",
        {},
        kind,
        said,
    )
    return reread(claim, kind, said)
