"""Encounter levels in the claim's month against an earlier month it compares itself to
('the largest since 2022': the busiest month of 2022, per day)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, covers, no_data
from data_sources.claims.params import Params, check_month, check_window, window_around, window_months
from data_sources.core.periods import month_start
from data_sources.core.vocabulary import ALL_SOUTHWEST, USBP

COMPONENTS = (ALL_SOUTHWEST, USBP)
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

    MONTHS_AFTER = 3  # the suggested window runs from January of the compared year to this many months after

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{4}", self.compare_to):
            check_month("compare_to", self.compare_to)
        check_window("window", self.window)

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
    return ClaimContext(sentences, [chart], list(claim.caveats), ["cbp_sbo", "events"], r.event_citations(events))


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
