"""Set each claim of an article beside the data: sentences with computed numbers, chart frames,
caveats and citations. Pure functions over the built tables; nothing here draws or loads.

`EVALUATORS` maps a claim's `metric` (from its article file) to its check (`evaluators/`). Each
declares the tables it reads, so "our snapshots hold no data" is decided here, from those
declarations, before the check runs; an authoring slip in an article file fails when the file is
loaded (`articles.py`), not here.
"""

from __future__ import annotations

from typing import Any

from data_sources.claims.context import (
    ChartSpec,
    Citation,
    Claim,
    ClaimContext,
    Evaluator,
    Tables,
    no_data,
    note,
    records,
)
from data_sources.claims.evaluators import (
    caravan_estimates,
    caravan_ranking,
    citizenship_mix,
    closures,
    compare_periods,
    daily_rate,
    hemisphere_surge,
    not_checkable,
    period_total,
    record,
    size_vs_daily,
)

__all__ = ["EVALUATORS", "ChartSpec", "Citation", "ClaimContext", "evaluate", "records"]

EVALUATORS: dict[str, Evaluator[Any]] = {
    module.EVALUATOR.metric: module.EVALUATOR
    for module in (
        daily_rate,
        size_vs_daily,
        compare_periods,
        period_total,
        citizenship_mix,
        closures,
        hemisphere_surge,
        caravan_estimates,
        caravan_ranking,
        record,
        not_checkable,
    )
}


def evaluate(claim: Claim, tables: Tables) -> ClaimContext:
    """The context for one claim; a plain note when its metric is unknown, it states no number its
    check needs, or the tables lack what its check reads."""
    evaluator = EVALUATORS.get(claim.metric)
    if evaluator is None:
        return note(claim, f"This claim's metric ({claim.metric!r}) is not one we can check yet.")
    if not isinstance(claim.params, evaluator.params):
        raise TypeError(f"claim {claim.id!r}: {type(claim.params).__name__} are not the parameters of {claim.metric}")
    if evaluator.needs_value and claim.claimed_value is None:
        return note(claim, "This claim states no number to set beside the data.")
    if evaluator.needs.lack(tables, claim.params.months(claim.month)):
        return no_data(claim, evaluator.needs.what)
    return evaluator.check(claim, claim.params, tables)
