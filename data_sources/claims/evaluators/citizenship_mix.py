"""Who is encountered (citizenship groups, per fiscal year) and whether the level is a record."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import verdict as v
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables
from data_sources.claims.params import Params, check_month
from data_sources.core.periods import month_start
from data_sources.core.vocabulary import ADMINISTRATION, USBP

# Group names in reference/citizenship_groups.csv that the sentences speak of.
HOME_GROUP, REST_GROUP = "Mexico", "Rest of the Western Hemisphere"
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
        f"of {usbp.months_in_series} months since {w.month_name(r.first_month(tables, USBP))} by encounters per day."
        + _earlier_peak(tables, _before(params, tables["events"], month)),
    ]
    chart = ChartSpec(
        "share_area",
        shares,
        f"Border Patrol Southwest encounters by citizenship, FY{first}–FY{last} (share of each fiscal year)",
        f"usbp_citizenship_shares_fy{first}_fy{last}.csv",
    )
    verdict = record_verdict(tables, month)
    return ClaimContext(sentences, [chart], list(claim.caveats), ["ohss_usbp", "cbp_sbo"], verdict=verdict)


def record_verdict(tables: Tables, month: pd.Timestamp) -> v.Verdict:
    """'Unprecedented' against Border Patrol's Southwest series: in line when no earlier month had more
    encounters per day (a record to date), not in line otherwise (naming the earlier month that did)."""
    rows = tables[r.MONTHLY]
    usbp = rows[rows["component"] == USBP]
    row, since = r.month_row(tables, month, USBP), w.month_name(usbp["month"].min())
    rule = (
        "An 'unprecedented' level is in line with the data when no earlier month of Border Patrol's Southwest "
        f"series (since {since}) had more encounters per day, and not in line otherwise. The series counts "
        "encounters at the U.S. Southwest border only, not migration elsewhere in the hemisphere."
    )
    compared = (
        f"Border Patrol Southwest encounters per day, {w.month_name(month)}: {w.count(row.per_day)} "
        f"({row['source']}, release {row['vintage']})"
    )
    said = f"Border Patrol's {w.month_name(month)}, {w.count(row.per_day)} encounters a day,"
    if bool(row["record_to_date"]):
        summary = f"{said} is higher than every earlier month since {since}, by encounters per day."
        return v.Verdict(v.IN_LINE, summary, rule, compared)
    top = usbp[usbp["month"] < month].sort_values("per_day").iloc[-1]
    summary = f"{said} is below the earlier peak of {w.month_name(top.month)} ({w.count(top.per_day)} a day)."
    return v.Verdict(v.NOT_IN_LINE, summary, rule, compared)


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
    """' Before January 2021, the highest month by encounters per day was …; by count, …' (nothing
    without such a month). Months differ in length, so the two rankings can name different months."""
    if before is None:
        return ""
    rows = tables[r.MONTHLY]
    usbp = rows[(rows["component"] == USBP) & (rows["month"] < before)]
    if usbp.empty:
        return ""
    peak, most = usbp.sort_values("per_day").iloc[-1], usbp.sort_values("encounters").iloc[-1]
    by_count = (
        f"; by count, the highest was {w.month_name(most.month)}, with {w.count(most.encounters)} encounters "
        f"({w.count(most.per_day)} a day)"
        if most.month != peak.month
        else f", also the highest by count ({w.count(peak.encounters)} encounters)"
    )
    return (
        f" Before {w.month_name(before)}, the highest month by encounters per day was {w.month_name(peak.month)}, "
        f"at {w.count(peak.per_day)} a day{by_count}."
    )


EVALUATOR = Evaluator("citizenship_mix", citizenship_mix, CitizenshipMixParams, NEEDS)
