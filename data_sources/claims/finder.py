"""Find the checkable numeric claims in a story about the border, with careful rules.

For each sentence: find numbers ("10,000", "ten thousand", "2.5 million", "nearly 300,000",
"between 9,000 and 10,000"; `numbers.py`), drop the ones that are not about migration (money, ages,
years, distances, votes, percentages), read the unit ("people", "encounters", "apprehensions", …),
the rate ("a day", "per month", "in fiscal year 2023"), the place (Southwest border, nationwide, a
port) and the period (from the text, else the article's month when it says "now" or "every day";
`phrases.py`), then propose the metric that checks it, with a confidence and the reason.
Superlatives without a number ("record", "largest since 2022", "unprecedented") and closures of
ports are found too. The labelled set in `tests/data/claims_labelled.jsonl` measures it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from data_sources.claims import phrases as p
from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.numbers import Found, numbers_in, qualifier, words_to_number
from data_sources.claims.params import Params
from data_sources.claims.text import html_to_text, normalise, sentences_of

__all__ = ["MAX_CLAIMS", "MAX_TEXT_CHARS", "FoundClaim", "default_params", "find_claims", "html_to_text", "to_json"]
__all__ += ["words_to_number"]

MAX_TEXT_CHARS = 200_000
MAX_CLAIMS = 60  # claims (and so cards with charts) per text: more is a list, not an article
SUPERLATIVE = re.compile(
    r"\b(?:record|unprecedented|all-time|highest|largest|biggest|most)\b(?:[^.]*?\bsince\s+(?P<since>(?:19|20)\d{2}))?",
    re.IGNORECASE,
)
HEMISPHERE = re.compile(r"\b(?:Western Hemisphere|hemisphere|nationalities|countries|Venezuel\w+|Cuba\w*)\b", re.I)


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
    period: str  # YYYY-MM
    period_source: str  # "text" or "article date"
    metric: str
    confidence: float
    reason: str
    params: dict[str, object] = field(default_factory=dict)  # hints for the metric's parameters


def _metric(unit: str, rate: str, said: p.Cues, place: str, extra: dict[str, object]) -> tuple[str, float, str]:
    cues: list[str] = []
    confidence = 0.5
    if unit in ("ports", "railway crossings") and said.closure:
        return "closures", 0.85, "a count of ports or crossings beside a closure word"
    if said.group and unit == "people":
        return "size_vs_daily", 0.8, "a group (caravan) size: compared with a day of encounters"
    if rate == "per day":
        metric, confidence = "daily_rate", 0.8
        cues.append("a per-day rate")
    elif rate in ("per month", "per fiscal year", "per year") or extra.get("span"):
        metric, confidence = "period_total", 0.7
        cues.append(f"a total {rate or 'for a period'}")
    else:
        metric, confidence = "period_total", 0.5
        cues.append("a count with no rate: read as the period's total")
    if place == "nationwide":
        confidence -= 0.2
        cues.append("nationwide, but our series is the Southwest border")
    elif place == "southwest":
        confidence += 0.1
        cues.append("Southwest border")
    return metric, round(min(confidence, 0.95), 2), "; ".join(cues)


def find_claims(text: str, reference_month: str, port_names: Iterable[str] = ()) -> list[FoundClaim]:
    """Every checkable claim in `text`; `reference_month` (YYYY-MM) stands for "now" and "every day";
    `port_names` (from the crossings data) mark sentences about a port rather than the border.

    Linear in the text: each sentence's cues are read once, and each number only looks at the
    words around it. At most `MAX_CLAIMS` claims are returned (the page says so when it stops).
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"the text is over {MAX_TEXT_CHARS:,} characters")
    claims: list[FoundClaim] = []
    ports = p.port_pattern(port_names)
    for sentence in sentences_of(normalise(text)):
        if len(claims) >= MAX_CLAIMS:
            break
        found = _numeric_claims(sentence, reference_month, ports)
        claims += found or _superlative(sentence, *p.period(sentence, reference_month)[:2], ports)
    return claims[:MAX_CLAIMS]


def _numeric_claims(sentence: str, reference_month: str, ports: re.Pattern[str] | None) -> list[FoundClaim]:
    period, period_source, extra = p.period(sentence, reference_month)
    place, said = p.place(sentence, ports), p.cues_of(sentence)
    claims = []
    numbers = numbers_in(sentence)
    rate, unit_before_it = "", ""
    for at, (match, value, high) in enumerate(numbers):
        head = sentence[max(0, match.start() - p.WINDOW_CHARS) : match.start()]
        tail = sentence[match.end() : match.end() + p.WINDOW_CHARS]
        rate = _rate_of(sentence, numbers, at, rate)
        if not p.is_migration_number(head, match.group(0).strip(), tail, value, said):
            continue
        unit = p.unit_after(tail, said) or p.unit_before(head) or unit_before_it
        if not unit:
            continue
        unit_before_it = unit  # "250,000 migrants …, or about 8,000 a day": the 8,000 are migrants too
        metric, confidence, reason = _metric(unit, rate, said, place, extra)
        claims.append(
            FoundClaim(
                sentence,
                match.group(0).strip(),
                value,
                high,
                qualifier(head[-p.NEAR_CHARS :]),
                unit,
                rate,
                place,
                period,
                period_source,
                metric,
                confidence,
                reason,
                dict(extra),
            )
        )
        if len(claims) >= MAX_CLAIMS:
            break
    return claims


def _rate_of(sentence: str, numbers: list[Found], at: int, previous: str) -> str:
    """The rate of one number: a rate phrase between it and the next number ("250,000 in December,
    or about 8,000 a day": only the 8,000 is per day), else the previous number's rate ("8,000 a
    day, up from 5,000"), else a rate said before the first number ("Every day, 10,000 …")."""
    match = numbers[at][0]
    end = numbers[at + 1][0].start() if at + 1 < len(numbers) else len(sentence)
    local = p.rate(sentence[match.end() : min(end, match.end() + p.WINDOW_CHARS)])
    if local:
        return local
    if at:
        return previous
    return p.rate(sentence[max(0, match.start() - p.WINDOW_CHARS) : match.start()])


def _superlative(sentence: str, period: str, period_source: str, ports: re.Pattern[str] | None) -> list[FoundClaim]:
    """'the largest … since 2022', 'a record', 'unprecedented' about migration: a claim without a count."""
    match = SUPERLATIVE.search(sentence)
    if not match or not p.CONTEXT.search(sentence):
        return []
    params: dict[str, object] = {}
    if HEMISPHERE.search(sentence):
        metric, reason = "citizenship_mix", "a superlative about migration across countries"
    else:
        metric, reason = "compare_periods", "a superlative: compared with an earlier peak"
        params = {"compare_to": match["since"]} if match["since"] else {}
    place = p.place(sentence, ports)
    return [
        FoundClaim(
            sentence, match.group(0), None, None, "", "", "", place, period, period_source, metric, 0.6, reason, params
        )
    ]


def to_json(claims: list[FoundClaim]) -> str:
    return json.dumps([asdict(c) for c in claims], indent=2, ensure_ascii=False)


def default_params(found: FoundClaim) -> Params:
    """The parameters of the found claim's metric: its class's suggestion for the claim's month,
    with the hints read from the sentence (a compared year, a fiscal-year span)."""
    return EVALUATORS[found.metric].params.suggest(found.period, found.params)
