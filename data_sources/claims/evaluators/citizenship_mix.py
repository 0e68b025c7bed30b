"""Who is encountered (citizenship groups, per fiscal year) and whether the level is a record."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables
from data_sources.claims.params import Params, check_month
from data_sources.core.periods import month_start
from data_sources.core.vocabulary import USBP

# Group names in reference/citizenship_groups.csv that the sentences speak of.
HOME_GROUP, REST_GROUP = "Mexico", "Rest of the Western Hemisphere"
ADMINISTRATION = "administration"  # the event kind of an inauguration in events.csv
NEEDS = Needs(
    ("citizenship_shares", "citizenship_by_country", "citizenship_groups", "southwest_monthly_metrics", "events"),
    "Border Patrol citizenship counts",
    months_in="southwest_monthly_metrics",
    components=(USBP,),
)


@dataclass(frozen=True)
class CitizenshipMixParams(Params):
    # The month the earlier peak is sought before (YYYY-MM); unset, the first month of the
    # administration in office in the claim's month, from the events file.
    earlier_than: str | None = None

    def __post_init__(self) -> None:
        if self.earlier_than is not None:
            check_month("earlier_than", self.earlier_than)


def citizenship_mix(claim: Claim, params: CitizenshipMixParams, tables: Tables) -> ClaimContext:
    shares, month = tables["citizenship_shares"], claim.month
    usbp = r.month_row(tables, month, USBP)
    first, last = int(shares["fiscal_year"].min()), int(shares["fiscal_year"].max())
    share = shares.set_index(["fiscal_year", "group"])["share_pct"]
    sentences = [
        f"In FY{first}, {share.get((first, HOME_GROUP), 0):.0f}% of Border Patrol's Southwest encounters were of "
        f"Mexican citizens; in FY{last}, {share.get((last, HOME_GROUP), 0):.0f}%.",
        f"Citizens of the rest of the Western Hemisphere (beyond {w.listing(_named(tables['citizenship_groups']))}) "
        f"went from {share.get((first, REST_GROUP), 0):.1f}% in FY{first} to {share.get((last, REST_GROUP), 0):.0f}% "
        f"in FY{last}; the largest such groups in FY{last} were "
        f"{_top_countries(tables['citizenship_by_country'], last, REST_GROUP)}.",
        f"Border Patrol's {w.month_name(month)}, {w.count(usbp.per_day)} encounters a day, ranks #{usbp['rank']} "
        f"of {usbp.months_in_series} months since {w.month_name(r.first_month(tables, USBP))}."
        + _earlier_peak(tables, _before(params, tables["events"], month)),
    ]
    chart = ChartSpec(
        "share_area",
        shares,
        f"Border Patrol Southwest encounters by citizenship, FY{first}–FY{last} (share of each fiscal year)",
        f"usbp_citizenship_shares_fy{first}_fy{last}.csv",
    )
    return ClaimContext(sentences, [chart], list(claim.caveats), ["ohss_usbp", "cbp_sbo"])


def _named(groups: pd.DataFrame) -> list[str]:
    """The countries with a group of their own, in the file's order (the rest are grouped together)."""
    return list(groups.loc[groups["group"] != REST_GROUP, "citizenship"])


def _top_countries(by_country: pd.DataFrame, fiscal_year: int, group: str, n: int = 3) -> str:
    rows = by_country[(by_country["fiscal_year"] == fiscal_year) & (by_country["group"] == group)]
    top = rows.set_index("citizenship")["encounters"].nlargest(n)
    return w.listing([f"{name} ({w.count(value)})" for name, value in top.items()])


def _before(params: CitizenshipMixParams, events: pd.DataFrame, month: pd.Timestamp) -> pd.Timestamp | None:
    if params.earlier_than is not None:
        return month_start(params.earlier_than)
    started = events.loc[(events["kind"] == ADMINISTRATION) & (events["start_date"] <= month), "start_date"]
    return None if started.empty else started.max().to_period("M").to_timestamp()


def _earlier_peak(tables: Tables, before: pd.Timestamp | None) -> str:
    """' Before January 2021, the highest month in the series was …' (nothing without such a month)."""
    if before is None:
        return ""
    rows = tables[r.MONTHLY]
    usbp = rows[(rows["component"] == USBP) & (rows["month"] < before)]
    if usbp.empty:
        return ""
    peak = usbp.sort_values("per_day").iloc[-1]
    return (
        f" Before {w.month_name(before)}, the highest month in the series was {w.month_name(peak.month)}, "
        f"at {w.count(peak.per_day)} a day."
    )


EVALUATOR = Evaluator("citizenship_mix", citizenship_mix, CitizenshipMixParams, NEEDS)
