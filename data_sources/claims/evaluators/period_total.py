"""A claimed count for a month, a fiscal year or a calendar year against CBP's Southwest totals.

The verdict sets the claimed count beside all Southwest encounters and Border Patrol encounters
between ports in the same period (a count of "illegal crossings" may mean either); the closer decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables
from data_sources.claims.evaluators.daily_rate import BETWEEN_PORTS, EVERY, publishers
from data_sources.claims.params import Params, check_choice
from data_sources.claims.verdict import Figure, compare_number
from data_sources.core.periods import shift_months
from data_sources.core.vocabulary import SERIES_COMPONENTS

SPANS = ("month", "fiscal_year", "calendar_year")  # a year span ends with the claim's month
NEEDS = Needs(
    ("southwest_monthly_metrics",),
    "complete Southwest totals (Border Patrol and OFO)",
    months_in="southwest_monthly_metrics",
    components=SERIES_COMPONENTS,
)
CAVEAT = "Encounters are events, not unique people; OFO counts include CBP One appointments."


@dataclass(frozen=True)
class PeriodTotalParams(Params):
    span: str = "month"  # one of SPANS

    def __post_init__(self) -> None:
        check_choice("span", [self.span], SPANS)

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> PeriodTotalParams:
        span = str(hints.get("span", "month"))
        return cls(span=span if span in SPANS else "month")

    def months(self, month: pd.Timestamp) -> tuple[pd.Timestamp, ...]:
        count = 1 if self.span == "month" else 12
        return tuple(shift_months(month, -back) for back in reversed(range(count)))

    def label(self, month: pd.Timestamp) -> str:
        """'December 2023', 'fiscal year 2023' or '2023'."""
        if self.span == "fiscal_year":
            return f"fiscal year {month.year}"
        return str(month.year) if self.span == "calendar_year" else w.month_name(month)


def period_total(claim: Claim, params: PeriodTotalParams, tables: Tables) -> ClaimContext:
    monthly = tables[r.MONTHLY]
    chosen = monthly[monthly["month"].isin(params.months(claim.month))]
    parts = [chosen[chosen["component"] == c] for c in SERIES_COMPONENTS]
    total, usbp, ofo = (int(part["encounters"].sum()) for part in parts)
    label, claimed = params.label(claim.month), claim.value
    sentences = [
        f"In {label}, CBP counted {w.count(total)} encounters at the Southwest border: {w.count(usbp)} by the Border "
        f"Patrol between ports and {w.count(ofo)} by OFO at ports.",
        f"The claimed {w.count(claimed)} is {w.compared(claimed, total)} all encounters and "
        f"{w.compared(claimed, usbp)} the Border Patrol's count.",
    ]
    bars = pd.DataFrame(
        {
            "measure": [
                "The claim",
                f"All Southwest encounters, {label}",
                f"Border Patrol, {label}",
                f"OFO at ports, {label}",
            ],
            "people_or_encounters": [claimed, total, usbp, ofo],
            "source": ["the text", *(_sources(part) for part in parts)],
        }
    )
    chart = ChartSpec(
        "bars",
        bars,
        f"The claim against Southwest border encounters, {label}",
        f"claim_vs_encounters_{claim.period}.csv",
        {"axis_title": "Encounters (or the claimed count)"},
    )
    verdict = compare_number(
        claimed,
        [
            Figure(f"{publishers(parts[0]['source'])}'s count of {EVERY} in {label}", total),
            Figure(f"{publishers(parts[1]['source'])}'s count of {BETWEEN_PORTS} in {label}", usbp),
        ],
    )
    return ClaimContext(sentences, [chart], [*claim.caveats, CAVEAT], ["cbp_sbo", "ohss_usbp"], verdict=verdict)


def _sources(rows: pd.DataFrame) -> str:
    """The registry keys of the datasets a sum comes from: 'cbp_sbo', or 'cbp_nationwide, cbp_sbo'."""
    return ", ".join(sorted(set(rows["source"])))


EVALUATOR = Evaluator("period_total", period_total, PeriodTotalParams, NEEDS, needs_value=True)
