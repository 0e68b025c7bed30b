"""Find the checkable numeric claims in a story about the border, with careful rules.

For each sentence: find the numbers ("10,000", "ten thousand", "a quarter of a million", ranges;
`numbers.py`), drop those that count nothing that crosses a border (money, ages, years, distances,
days of a month, populations, caps, thresholds, capacities, plans, crowds in a camp; `phrases.py`),
read each one's unit ("migrants", "apprehensions", "times"), rate ("a day", "on Monday") and period
(`when.py`), and say what it measures, in the labelled sets' words (`KINDS`): a rate per day, one
day, a month's, a fiscal or a calendar year's total, a total over several months, a group's size,
ports closed, or a count no dataset of ours holds (enforcement away from the border). Record claims
without a number ("the most of any month on record", "a 17-year low") are found too.

A sentence is read with what the one before it said: its unit ("The number then rose to …"), its
period ("The month's total was …") and a caravan it named ("By Tuesday it had shrunk to …").
`tests/data/finder_dev.jsonl` measures it (`scoring.py`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from data_sources.claims import phrases as p
from data_sources.claims import superlatives as sup
from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.numbers import Number, numbers_in, qualifier, words_to_number
from data_sources.claims.params import Params
from data_sources.claims.text import html_to_text, normalise, sentences_of
from data_sources.claims.when import Reference, When, assign, check_month, kind_of, periods_in

__all__ = ["KINDS", "MAX_CLAIMS", "MAX_TEXT_CHARS", "FoundClaim", "default_params", "find_claims", "html_to_text"]
__all__ += ["TOTAL_OF", "fitted", "reread", "to_json", "words_to_number"]

MAX_TEXT_CHARS = 200_000
MAX_CLAIMS = 60  # claims (and so cards with charts) per text: more is a list, not an article


@dataclass(frozen=True)
class Kind:
    """What a number measures: in plain words for the page, and the evaluator that checks it."""

    plain: str
    metric: str
    span: str = ""  # the period_total span, for totals


KINDS = {
    "daily_rate": Kind("people per day", "daily_rate"),
    "single_day": Kind("on a single day", "daily_rate"),
    "month_total": Kind("in one month", "period_total", "month"),
    "fiscal_year_total": Kind("in a fiscal year", "period_total", "fiscal_year"),
    "calendar_year_total": Kind("in a calendar year", "period_total", "calendar_year"),
    "period_total": Kind("over several months", "not_checkable"),
    "group_size": Kind("size of a group", "size_vs_daily"),
    "closures": Kind("ports closed", "closures"),
    "record": Kind("a record", "record"),
    "not_checkable": Kind("not checkable", "not_checkable"),
}
TOTAL_OF = {"month": "month_total", "fiscal_year": "fiscal_year_total", "calendar_year": "calendar_year_total"}
TOTAL_OF |= {"span": "period_total", "day": "single_day"}
YEAR_SPANS = {"fiscal_year": "fiscal_year", "calendar_year": "calendar_year", "day": "day"}
COMPARED = re.compile(
    r"\b(?:than|from|compared|versus|vs|against|up|down|before|earlier|ago|previous|prior|last)\b", re.I
)


@dataclass
class FoundClaim:
    """One checkable claim: the number as said and as a value, its unit, rate, place and period."""

    sentence: str
    text: str
    value: float | None
    value_high: float | None
    qualifier: str
    unit: str
    rate: str
    place: str
    period: str  # YYYY-MM: the month the check reads
    period_source: str  # "text", "previous sentence" or "article date"
    metric: str  # the evaluator (a key of `EVALUATORS`)
    confidence: float
    reason: str
    params: dict[str, object] = field(default_factory=dict)  # hints for the metric's parameters
    kind: str = ""  # what it measures (a key of `KINDS`)
    when: str | None = None  # the period as said: "2023-12", "FY2024", "CY2023", "2023-12-18", "2023-10..2024-03"
    at: int = 0  # where the number starts in its sentence


@dataclass(frozen=True)
class Context:
    """What the sentences before say, for a sentence that leans on them."""

    unit: str = ""
    when: str | None = None
    caravan: bool = False
    about: bool = False
    border: bool = False


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
    context = Context()
    for sentence in _with_fragments(sentences_of(normalise(text))):
        if limit is not None and len(claims) >= limit:
            break
        found, context = _read(sentence, ref, ports, context)
        claims += found
    return claims if limit is None else claims[:limit]


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
    sentence: str, ref: Reference, ports: re.Pattern[str] | None, before: Context
) -> tuple[list[FoundClaim], Context]:
    """The claims of one sentence, and the context it leaves for the next."""
    cues = p.cues_of(sentence)
    about = cues.about_migration or before.about
    numbers = _counts(sentence) if about else []
    periods = periods_in(sentence, ref)
    whens = _shared(sentence, numbers, assign(sentence, [(n.start, n.end) for n in numbers], periods))
    carried = before.when
    place = p.place(sentence, ports)
    claims: list[FoundClaim] = []
    unit_so_far = ""
    rates = _rates(sentence, numbers)
    for at, (number, when) in enumerate(zip(numbers, whens, strict=True)):
        head = sentence[max(0, number.start - p.WINDOW_CHARS) : number.start]
        tail = sentence[number.end : number.end + p.WINDOW_CHARS]
        if when is None and claims and claims[-1].when and not COMPARED.search(sentence, claims[-1].at, number.start):
            when = When(number.start, number.end, claims[-1].when)  # "250,000 in December, or about 8,000 a day"
        claim = _claim(sentence, number, head, tail, when, carried, ref, cues, before, unit_so_far, rates[at])
        if claim is not None:
            claim.place, claim.at = place, number.start
            unit_so_far = claim.unit
            claims.append(claim)
    if about:
        claims += _records(sentence, ref, periods, claims, carried, place)
    claims.sort(key=lambda c: sentence.find(c.text))
    own = [w for w in periods if not w.anchor]
    return claims, Context(
        unit=unit_so_far or p.unit_in(sentence) or (before.unit if not cues.about_migration else ""),
        when=own[0].label if own else (claims[0].when if claims else None),
        caravan=bool(p.CARAVAN.search(sentence)) or (before.caravan and not cues.about_migration),
        about=cues.about_migration or (before.about and bool(claims)),
        border=cues.border or (before.border and bool(claims)),
    )


def _records(
    sentence: str, ref: Reference, periods: list[When], claims: list[FoundClaim], carried: str | None, place: str
) -> list[FoundClaim]:
    """Record claims without a number ('the most of any month on record'), each with its period."""
    out = []
    first = next((c.when for c in claims if c.when), None)
    for record in sup.records_in(sentence, ref):
        said = sup.record_period(sentence, record, periods, first) or carried
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
        out.append(reread(replace(found, params=hints, kind="record"), "record", said))
    return out


def _counts(sentence: str) -> list[Number]:
    """The numbers that may count something ("one of two bridges": the two is no count of its own)."""
    out: list[Number] = []
    for number in numbers_in(sentence):
        head = sentence[max(0, number.start - p.WINDOW_CHARS) : number.start]
        tail = sentence[number.end : number.end + p.WINDOW_CHARS]
        if not p.is_count(head, number.text, tail, number.value):
            continue
        if out and re.fullmatch(
            r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\w.'’]+\s+){0,2}?", sentence[out[-1].end : number.start]
        ):
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
    before: Context,
    unit_so_far: str,
    rate: str,
) -> FoundClaim | None:
    """One number read as a claim, or None when it counts nothing we would check."""
    head_clause, tail_clause = p.clause_before(head), p.clause_after(tail)
    unit = p.unit_after(tail)
    if unit == "times" and not (number.value >= 1_000 and cues.verb_unit):
        return None
    unit = cues.verb_unit if unit == "times" else unit
    of_many = re.match(r"^\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\w'’.]+\s+){0,2}?(?:\d[\d,]*|[a-z]+)\b(?=\s+\w)", tail)
    unit = unit or (p.unit_after(tail[of_many.end() :]) if of_many else "")  # "two of El Paso's four bridges"
    unit = unit or p.unit_before(head_clause) or unit_so_far or cues.verb_unit or p.unit_before(head)
    closure = unit in ("ports", "crossings") and cues.closure and number.value < 50
    said = when.label if when else carried
    single = bool(when and when.single) or bool(said and kind_of(said) == "day")
    one_off = not rate and (said is None or kind_of(said) in ("day", "month")) and unit in ("people", "")
    named = p.CARAVAN_BEFORE.search(head) or p.CARAVAN_AFTER.match(tail_clause)
    group = bool(number.fused or re.match(r"^\s*strong\b", tail) or p.GROUP_OF.search(head)) or (
        one_off and (bool(named) or (before.caravan and (said is None or single)))
    )
    unit = unit or ("people" if group else before.unit)
    if not unit or (not closure and number.value < 2):
        return None
    if not closure and not group and (not p.is_flow(head_clause, tail_clause) or p.is_crowd(head_clause, tail_clause)):
        return None
    kind = _kind(
        "single day" if single and rate != "per day" else rate,
        said,
        group,
        closure,
        p.away_from_border(sentence, before.border),
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


def _kind(rate: str, said: str | None, group: bool, closure: bool, away: bool) -> str:
    if closure:
        return "closures"
    if group:
        return "group_size"
    if away:
        return "not_checkable"
    if rate == "per day":
        return "daily_rate"
    if rate == "single day" or (said and kind_of(said) == "day"):
        return "single_day"
    if said:
        return TOTAL_OF[kind_of(said)]
    return {"per year": "calendar_year_total", "per week": "period_total"}.get(rate, "month_total")


def _rates(sentence: str, numbers: list[Number]) -> list[str]:
    """The rate of each number; numbers listed together ('1,500 and 940 … a day') share the last one's."""
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
    local = p.rate(p.clause_after(sentence[number.end : min(end, number.end + p.WINDOW_CHARS)]))
    if local:
        return local
    head = sentence[max(0, number.start - p.WINDOW_CHARS) : number.start]
    if at and re.search(r"\b(?:from|than|to|with|against|and)\s+(?:\w+\s+){0,3}$", head):
        return previous
    said_before = p.rate(p.clause_before(head))
    if said_before or at:
        return said_before or ("single day" if p.rate(head) == "single day" else "")
    return p.rate(head)  # "Every day, some 10,000 …"


def reread(claim: FoundClaim, kind: str, said: str | None) -> FoundClaim:
    """The claim read as measuring `kind` over `said` (a reader's correction, or the finder's own
    reading): its evaluator, the month its check reads, the hints for its parameters and the reason."""
    metric = claim.metric if kind == claim.kind and claim.metric in EVALUATORS else KINDS[kind].metric
    said = fitted(kind, said)
    hints = dict(claim.params)
    if KINDS[kind].span:
        hints["span"] = KINDS[kind].span
    if kind == "period_total":
        hints["reason"] = "a total over several months; the checks here read a month, a fiscal year or a calendar year"
        hints["needed"] = "the monthly counts of each month in the span, added up"
    elif kind == "not_checkable":
        hints.setdefault("needed", p.data_needed(claim.sentence))
        hints.setdefault("reason", "enforcement away from the border: our datasets count encounters at the border")
    period = check_month(said) if said else claim.period
    reason, confidence = _reason(claim, kind, said, metric)
    return replace(
        claim, kind=kind, when=said, metric=metric, period=period, params=hints, reason=reason, confidence=confidence
    )


def fitted(kind: str, said: str | None) -> str | None:
    """The period a total of `kind` is about, from any period said ('in a fiscal year' of 2023-12 is
    FY2024; 'in one month' of FY2024 is its last month, September 2024)."""
    if said is None or kind not in ("month_total", "fiscal_year_total", "calendar_year_total"):
        return said
    month = check_month(said)
    if kind == "fiscal_year_total":
        return f"FY{int(month[:4]) + (int(month[5:]) >= 10)}" if not said.startswith("FY") else said
    if kind == "calendar_year_total":
        return said if said.startswith("CY") else f"CY{month[:4]}"
    return said if kind_of(said) == "month" else month


CHECKS = {
    "daily_rate": "set against the month's encounters per day",
    "period_total": "set against CBP's Southwest total for the period",
    "size_vs_daily": "set against an average day of encounters",
    "closures": "set against the dated closures",
    "record": "ranked among the months (per day) or years in the data",
    "compare_periods": "set against the earlier peak it names",
    "citizenship_mix": "set against the mix of citizenships",
    "hemisphere_surge": "set against Darién and Mexico's yearly counts",
    "not_checkable": "no dataset we hold measures it",
}


def _reason(claim: FoundClaim, kind: str, said: str | None, metric: str) -> tuple[str, float]:
    """The reason shown beside a claim (what it measures, over what period, how it is checked), and
    how sure the finder is: less when the period was not in the sentence itself."""
    when = f" ({said})" if said else f" (no period said: read as the article's month, {claim.period})"
    unit = f"{claim.unit}, " if claim.unit else ""
    confidence = 0.8 if claim.period_source == "text" else 0.6
    return f"{unit}{KINDS[kind].plain}{when}: {CHECKS.get(metric, metric)}", confidence


def to_json(claims: list[FoundClaim]) -> str:
    return json.dumps([asdict(c) for c in claims], indent=2, ensure_ascii=False)


def default_params(found: FoundClaim) -> Params:
    """The parameters of the found claim's metric: its class's suggestion for the claim's month,
    with the hints read from the sentence (a compared year, a fiscal-year span)."""
    return EVALUATORS[found.metric].params.suggest(found.period, found.params)
