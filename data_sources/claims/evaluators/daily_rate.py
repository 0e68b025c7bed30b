"""A claimed number per day against encounters per day: all Southwest, between ports, at ports.

The verdict sets the claimed number beside the month's average per day of all Southwest encounters
and of Border Patrol encounters between ports ("crossing illegally" may mean either); the closer
decides, and both are named. OFO's encounters at ports alone are not a reading of such claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables
from data_sources.claims.params import Params, check_window, window_around, window_months
from data_sources.claims.verdict import Figure, compare_number
from data_sources.core.vocabulary import ALL_SOUTHWEST, OFO, SERIES_COMPONENTS, USBP
from data_sources.sources.registry import publisher_abbreviation

# Also read when there: `reconciliation` (how the month was first published) and `published_figures`.
NEEDS = Needs(
    ("southwest_monthly_metrics",),
    "Southwest encounter counts",
    months_in="southwest_monthly_metrics",
    components=SERIES_COMPONENTS,
)
EVERY, BETWEEN_PORTS = "all Southwest encounters", "Border Patrol encounters between ports"  # the figures' words


@dataclass(frozen=True)
class DailyRateParams(Params):
    window: tuple[str, ...]  # first and last month of the chart (YYYY-MM)
    figures: tuple[str, ...] = ()  # ids in published_figures.csv: what officials said, cited

    MONTHS_BEFORE, MONTHS_AFTER = 12, 6  # the suggested window around the claim's month

    def __post_init__(self) -> None:
        check_window("window", self.window)

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> DailyRateParams:
        return cls(window=window_around(period, cls.MONTHS_BEFORE, cls.MONTHS_AFTER))


def daily_rate(claim: Claim, params: DailyRateParams, tables: Tables) -> ClaimContext:
    month, claimed = claim.month, claim.value
    total, usbp, ofo = (r.month_row(tables, month, c) for c in SERIES_COMPONENTS)
    label = w.month_name(month)
    sentences = [
        f"In {label}, CBP counted {w.count(total.encounters)} encounters at the Southwest border: "
        f"{w.count(usbp.encounters)} by the Border Patrol between ports of entry and {w.count(ofo.encounters)} "
        f"by OFO at ports. That is {w.count(total.per_day)} a day on average ({w.count(usbp.per_day)} between "
        f"ports, {w.count(ofo.per_day)} at ports).",
        f"The claimed {w.count(claimed)} a day is {w.compared(claimed, total.per_day)} the average of all "
        f"encounters, and {w.compared(claimed, usbp.per_day)} the between-ports average, the closer match to "
        "'crossing illegally'.",
        f"Per day, {label} ranks #{usbp['rank']} of {usbp.months_in_series} months of Border Patrol data "
        f"since {w.month_name(r.first_month(tables, USBP))}, and #{total['rank']} of {total.months_in_series} "
        f"months of all Southwest encounters since {w.month_name(r.first_month(tables, ALL_SOUTHWEST))}.",
        *revision_sentences(tables.get("reconciliation"), month),
    ]
    chart = ChartSpec(
        "per_day_vs_claim",
        r.window_rows(tables, params.window, [ALL_SOUTHWEST, USBP, OFO]),
        f"Southwest border encounters per day, {w.span(*window_months(params.window))}",
        f"encounters_per_day_{claim.period}.csv",
        {"claimed": claimed, "claim_label": f"Claim: {w.count(claimed)} a day", "highlight": month},
    )
    citations = r.figure_citations(tables, params.figures)
    verdict = compare_number(claimed, [per_day_figure(total, EVERY), per_day_figure(usbp, BETWEEN_PORTS)], what="a day")
    sources = ["cbp_sbo", "ohss_usbp", "cbp_nationwide"]
    return ClaimContext(sentences, [chart], list(claim.caveats), sources, citations, verdict)


def per_day_figure(row: pd.Series, what: str) -> Figure:
    """'CBP's average of all Southwest encounters per day in December 2023', with its value."""
    label = f"{publishers([row['source']])}'s average of {what} per day in {w.month_name(row['month'])}"
    return Figure(label, float(row["per_day"]))


def publishers(keys: Iterable[str]) -> str:
    """'CBP', 'OHSS' or 'CBP and OHSS': who published the rows a figure comes from (from the registry)."""
    names = [publisher_abbreviation(key) for key in keys]
    return w.listing(list(dict.fromkeys(names)))


def revision_sentences(reconciliation: pd.DataFrame | None, month: pd.Timestamp) -> list[str]:
    """How the month was first published versus the vintage we show (nothing if no release overlaps)."""
    if reconciliation is None or reconciliation.empty:
        return []
    rows = reconciliation[
        (reconciliation["month"] == month)
        & (reconciliation["breakdown"] == "Southwest total")
        & (reconciliation["right_source"] == "cbp_nationwide")
    ]
    if rows.empty:
        return []
    first, later = int(rows["right_encounters"].sum()), int(rows["left_encounters"].sum())
    return [
        f"As first published (release of {rows['right_vintage'].iloc[0]}) the month had {w.count(first)} "
        f"encounters; CBP's release of {rows['left_vintage'].iloc[0]} revises it to {w.count(later)}."
    ]


EVALUATOR = Evaluator("daily_rate", daily_rate, DailyRateParams, NEEDS, needs_value=True)
