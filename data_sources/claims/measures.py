"""What a number the finder found measures, and why it says so: the kinds of claim (`KINDS`) with the
evaluator that checks each, the found claim itself (`FoundClaim`), and its rereading as another kind
or period (`reread`, a reader's correction on the page or the finder's own reading), with the reason
shown beside it.

Apart from `finder.py`, which reads sentences into claims: a reader's correction on the page goes
through these alone. `finder.py` re-exports the names its callers import from it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace

from data_sources.claims.evaluate import EVALUATORS
from data_sources.claims.flows import data_needed
from data_sources.claims.params import Params
from data_sources.claims.when import check_month, kind_of

__all__ = ["CHECKS", "KINDS", "TOTAL_OF", "FoundClaim", "Kind", "default_params", "fitted", "kind_for", "reread"]
__all__ += ["to_json"]


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


def kind_for(rate: str, said: str | None, group: bool, closure: bool, away: bool) -> str:
    """What a number measures (a key of `KINDS`), from its rate, the period said, and whether it is a
    group's size, a count of closed ports or enforcement away from the border."""
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
        hints.setdefault("needed", data_needed(claim.sentence))
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
