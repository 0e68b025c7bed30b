"""A one-off group size (a caravan) set against how many encounters a single average day brings.

That comparison gives a sense of scale; it cannot test the size itself, since U.S. border counts do
not measure a group on the move in Mexico. So the verdict is "not checkable", and says so with the
day it was set beside.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, records
from data_sources.claims.evaluators.daily_rate import EVERY, per_day_figure
from data_sources.claims.params import Params
from data_sources.claims.verdict import Verdict, not_checkable
from data_sources.core.vocabulary import SERIES_COMPONENTS

NEEDS = Needs(
    ("southwest_monthly_metrics", "events"),
    "Southwest encounter counts",
    months_in="southwest_monthly_metrics",
    components=SERIES_COMPONENTS,
)


@dataclass(frozen=True)
class SizeVsDailyParams(Params):
    events: tuple[str, ...] = ()  # ids in events.csv (the caravan), told and cited


def size_vs_daily(claim: Claim, params: SizeVsDailyParams, tables: Tables) -> ClaimContext:
    month, size = claim.month, claim.value
    total, usbp, ofo = (r.month_row(tables, month, c) for c in SERIES_COMPONENTS)
    label = w.month_name(month)
    events = r.events_by_id(tables, params.events)
    sentences = [
        f"At {label}'s pace of {w.count(total.per_day)} Southwest border encounters a day, a group of "
        f"{w.count(size)} equals {size / total.per_day:.1f} days of encounters, or "
        f"{size / total.encounters * 100:.1f}% of the month's {w.count(total.encounters)}.",
        *[r.event_sentence(e) for e in records(events)],
    ]
    bars = pd.DataFrame(
        {
            "measure": [
                "Caravan size (as claimed)",
                f"Average day, all Southwest encounters, {label}",
                f"Average day, Border Patrol between ports, {label}",
                f"Average day, OFO at ports, {label}",
            ],
            "people_or_encounters": [size, total.per_day, usbp.per_day, ofo.per_day],
            "source": ["the article", total.source, usbp.source, ofo.source],
        }
    )
    chart = ChartSpec(
        "bars",
        bars,
        f"A {w.count(size)}-person caravan vs one average day of encounters, {label}",
        f"caravan_vs_daily_encounters_{claim.period}.csv",
    )
    verdict = size_verdict(size, total)
    return ClaimContext(sentences, [chart], list(claim.caveats), ["cbp_sbo"], r.event_citations(events), verdict)


def size_verdict(size: float, total: pd.Series) -> Verdict:
    """Not checkable: encounter counts give the scale of a group's size, never the size."""
    day = per_day_figure(total, EVERY)
    reason = (
        "U.S. border counts do not measure a group's size before it reaches the border; for scale, "
        f"{w.count(size)} equals {size / day.value:.1f} days of {EVERY} at {w.month_name(total['month'])}'s "
        f"average of {w.count(day.value)} a day"
    )
    return replace(not_checkable(reason), compared_with=f"for scale only, {day.label}: {w.count(day.value)}")


EVALUATOR = Evaluator("size_vs_daily", size_vs_daily, SizeVsDailyParams, NEEDS, needs_value=True)
