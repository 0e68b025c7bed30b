"""Encounter levels in the claim's month against an earlier month it compares itself to
('the largest since 2022': the busiest month of 2022, per day).

The verdict tests only what the claim states about encounters: a direction (`direction = "higher"`
or `"lower"`: the claim's month against the compared one) and, when the claim's unit is a percent,
the size of the change it states. A claim that states neither (a caravan "the largest since 2022"
says nothing of encounter levels) is not checkable; the card still shows both months.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, covers, no_data
from data_sources.claims.evaluators.daily_rate import EVERY, per_day_figure
from data_sources.claims.params import Params, check_choice, check_month, check_window, window_around, window_months
from data_sources.claims.verdict import IN_LINE, NOT_IN_LINE, Verdict, compare_number, not_checkable
from data_sources.core.periods import month_start
from data_sources.core.vocabulary import ALL_SOUTHWEST, USBP

COMPONENTS = (ALL_SOUTHWEST, USBP)
DIRECTIONS = ("higher", "lower")  # what a claim may state of its month against the compared one
NEEDS = Needs(
    ("southwest_monthly_metrics", "events"),
    "Southwest encounter counts",
    months_in="southwest_monthly_metrics",
    components=COMPONENTS,
)


@dataclass(frozen=True)
class ComparePeriodsParams(Params):
    compare_to: str  # a month ('2022-06'), or a year ('2022': its busiest month per day)
    window: tuple[str, ...]  # first and last month of the chart (YYYY-MM)
    events: tuple[str, ...] = ()  # ids in events.csv, marked on the chart and cited
    direction: str | None = None  # 'higher' or 'lower', when the claim states one (see the module's docstring)

    MONTHS_AFTER = 3  # the suggested window runs from January of the compared year to this many months after

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{4}", self.compare_to):
            check_month("compare_to", self.compare_to)
        check_window("window", self.window)
        if self.direction is not None:
            check_choice("direction", [self.direction], DIRECTIONS)

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> ComparePeriodsParams:
        compare_to = str(hints.get("compare_to") or month_start(period).year - 1)
        window = (f"{compare_to[:4]}-01", window_around(period, 0, cls.MONTHS_AFTER)[1])
        return cls(compare_to=compare_to, window=window)

    def months(self, month: pd.Timestamp) -> tuple[pd.Timestamp, ...]:
        return (month, month_start(self.compare_to)) if len(self.compare_to) == 7 else (month,)


def compare_periods(claim: Claim, params: ComparePeriodsParams, tables: Tables) -> ClaimContext:
    now, then = claim.month, compared_month(tables[r.MONTHLY], params.compare_to)
    if then is None or not covers(tables[r.MONTHLY], [then], COMPONENTS):
        return no_data(claim, f"Southwest encounter counts in {params.compare_to}")
    a, b = (r.month_row(tables, m, ALL_SOUTHWEST) for m in (then, now))
    a_usbp, b_usbp = (r.month_row(tables, m, USBP) for m in (then, now))
    events = r.events_by_id(tables, params.events)
    sentences = [
        f"In {w.month_name(then)}, Southwest border encounters averaged {w.count(a.per_day)} a day "
        f"({w.count(a.encounters)} in the month; Border Patrol {w.count(a_usbp.per_day)} a day).",
        f"In {w.month_name(now)} they averaged {w.count(b.per_day)} a day, {w.change(b.per_day, a.per_day)} "
        f"{w.month_name(then)} (Border Patrol {w.count(b_usbp.per_day)} a day, "
        f"{w.change(b_usbp.per_day, a_usbp.per_day)} then).",
        f"Of {b.months_in_series} months with all Southwest encounters, {w.month_name(then)} ranks #{a['rank']} "
        f"and {w.month_name(now)} #{b['rank']} per day.",
    ]
    chart = ChartSpec(
        "per_day_events",
        r.window_rows(tables, params.window, COMPONENTS),
        f"Southwest border encounters per day, {w.span(*window_months(params.window))}",
        f"encounters_per_day_{params.compare_to}_vs_{claim.period}.csv",
        {"events": events, "highlight": now, "compare": then},
    )
    verdict = change_verdict(claim, params.direction, a, b)
    return ClaimContext(
        sentences, [chart], list(claim.caveats), ["cbp_sbo", "events"], r.event_citations(events), verdict
    )


def change_verdict(claim: Claim, direction: str | None, then: pd.Series, now: pd.Series) -> Verdict:
    """The stated direction (and, for a percent, size) of the change against all Southwest encounters per day."""
    first, second = w.month_name(then["month"]), w.month_name(now["month"])
    if direction is None:
        return not_checkable(
            f"the claim states no rise or fall in encounters between {first} and {second} for these data to test"
        )
    if claim.claimed_value is not None and is_percent(claim.unit):
        return size_verdict(claim.claimed_value, direction, then, now)
    moved = w.direction(now["per_day"], then["per_day"])
    figures = f"{per_day_figure(then, EVERY).label}: {w.count(then['per_day'])}; in {second}: {w.count(now['per_day'])}"
    return Verdict(
        IN_LINE if moved.endswith(direction) else NOT_IN_LINE,
        f"The claim says encounters were {direction} in {second} than in {first}; per day they were {moved} "
        f"({w.count(now['per_day'])} against {w.count(then['per_day'])}).",
        "A claim that encounters were higher (or lower) in one month than in another is in line with the data when "
        "all Southwest encounters per day moved that way, and not in line when they moved the other way or stayed "
        "about the same (within half a percent).",
        figures,
    )


def size_verdict(percent: float, direction: str, then: pd.Series, now: pd.Series) -> Verdict:
    """A stated change of `percent` turned into the level it implies for the later month, then compared."""
    implied = then["per_day"] * (1 + abs(percent) / 100 * (1 if direction == "higher" else -1))
    verdict = compare_number(implied, [per_day_figure(now, EVERY)])
    first, second = w.month_name(then["month"]), w.month_name(now["month"])
    return replace(
        verdict,
        summary=f"A change of {abs(percent):g}% {'up' if direction == 'higher' else 'down'} from {first}'s "
        f"{w.count(then['per_day'])} a day means {w.count(implied)} a day in {second}, which is "
        f"{w.compared(implied, now['per_day'])} the {w.count(now['per_day'])} the data show.",
        rule=verdict.rule + " A stated change is turned into the level it implies, from the earlier month's average.",
    )


def is_percent(unit: str) -> bool:
    """Whether a claim's number is a change in percent ('percent', 'percent change', '%')."""
    return "percent" in unit.lower() or "%" in unit


def compared_month(monthly: pd.DataFrame, compare_to: str) -> pd.Timestamp | None:
    """'2022-06' is that month; '2022' is that year's busiest month per day (all Southwest, else Border
    Patrol, which reaches further back); None when the series holds nothing of that year."""
    if len(compare_to) == 7:
        return month_start(compare_to)
    in_year = monthly[monthly["month"].dt.year == int(compare_to)]
    for component in COMPONENTS:
        candidates = in_year[in_year["component"] == component]
        if not candidates.empty:
            return candidates.sort_values("per_day")["month"].iloc[-1]
    return None


EVALUATOR = Evaluator("compare_periods", compare_periods, ComparePeriodsParams, NEEDS)
