"""The encounters explorer's reshaping: pick a table, a breakdown, a period and a unit.

Each view reads one canonical table. OHSS sheets are separate cross-tabulations, so each is its
own view and nothing sums across them. Per-day values divide by the days in the months covered,
so a 28-day February and a partial fiscal year compare fairly with full ones; each period carries the
months it covers, so a partial year can be marked as such. A view is a `Query` (`explore_views`), which
round-trips through the URL query string (`explore_link`) so a copied link opens the same chart; what
a reader is told about the rows is in `explore_notes`.

A legend has one remainder bucket, "All other": the series below the top N and any group the
publisher itself calls "Other" (both mean "everything not named here"). When both components are
shown, their total is added, only for periods that both cover in every month.

The hemisphere views (Panama's Darién, Mexico) count crossings and apprehension events, by calendar
month or year only; their years come from annual tables (`explore_hemisphere`), because some
years were published only as a total.
"""

from __future__ import annotations

import pandas as pd

from data_sources.core.periods import days_in_month, month_start
from data_sources.core.vocabulary import COMPONENTS
from data_sources.tables.explore_notes import (
    file_name,
    for_download,
    month_label,
    notes,
    partial_periods,
    period_label,
    policy_events,
)
from data_sources.tables.explore_views import (
    BOTH,
    DEFAULT_VIEW,
    ENCOUNTERS_ABOUT,
    GRANULARITIES,
    LABELS,
    MAX_TOP,
    OHSS_NOTE,
    OTHER,
    PUBLISHER_OTHER,
    SOUTHWEST_ONLY,
    TOTAL,
    UNITS,
    VIEWS,
    Granularity,
    Query,
    Unit,
    View,
    label,
    wants_total,
)

# The reshaping is defined here; the vocabulary and the notes are re-exported, so callers keep one import.
__all__ = ["COLUMNS", "days_covered", "explore", "no_rows", "summarise"]
__all__ += ["BOTH", "DEFAULT_VIEW", "ENCOUNTERS_ABOUT", "GRANULARITIES", "LABELS", "MAX_TOP", "OHSS_NOTE", "OTHER"]
__all__ += ["PUBLISHER_OTHER", "SOUTHWEST_ONLY", "TOTAL", "UNITS", "VIEWS", "Granularity", "Query", "Unit", "View"]
__all__ += ["label", "wants_total"]
__all__ += ["file_name", "for_download", "month_label", "notes", "partial_periods", "period_label", "policy_events"]

COLUMNS = ["period", "encounters", "days", "months", "first_month", "last_month", "value"]  # plus the breakdown


def explore(table: pd.DataFrame, view: View, query: Query) -> pd.DataFrame:
    """Rows of the chart: period, series, encounters, days and months covered, value in the chosen unit."""
    rows = table
    for column, wanted in view.filters.items():
        rows = rows[rows[column] == wanted]
    if view.has_component and query.component != BOTH:
        rows = rows[rows["component"] == query.component]
    rows = rows[rows["month"].between(month_start(query.start), month_start(query.end))]
    if rows.empty:
        return no_rows(query)
    rows = rows.assign(period=_period(rows, query.granularity))
    return summarise(rows, days_covered(rows), view, query)


def no_rows(query: Query) -> pd.DataFrame:
    """An empty selection, with the chart's columns."""
    return pd.DataFrame(columns=[COLUMNS[0], query.by, *COLUMNS[1:]])


def summarise(rows: pd.DataFrame, covered: pd.DataFrame, view: View, query: Query) -> pd.DataFrame:
    """Rows with a `period` (and the breakdown and `encounters`) → one row per period and series, with the
    days and months each period covers (`covered`, from `days_covered`) and the value in the chosen unit."""
    rows = rows.assign(series=_top_series(rows, query.by, query.top))
    grouped = rows.groupby(["period", "series"])["encounters"].sum().reset_index()
    if wants_total(view, query):
        grouped = pd.concat([grouped, _total(rows, grouped, covered)], ignore_index=True)
    grouped = grouped.merge(covered, on="period")
    value = grouped["encounters"] / grouped["days"] if query.unit == "per_day" else grouped["encounters"]
    result = grouped.assign(value=value.round(2) if query.unit == "per_day" else value)
    return result.rename(columns={"series": query.by}).sort_values(["period", query.by]).reset_index(drop=True)


def _period(rows: pd.DataFrame, granularity: Granularity) -> pd.Series:
    if granularity == "fiscal_year":
        return rows["fiscal_year"]
    if granularity == "calendar_year":
        return rows["month"].dt.year
    return rows["month"]


def _top_series(rows: pd.DataFrame, by: str, top: int) -> pd.Series:
    """Keep the `top` largest named series; fold the rest into 'All other' (same table, so additive).

    The publisher's own 'Other' group (CBP names only a few citizenships) is folded in too: it is the
    same kind of remainder, and one legend with both 'Other' and 'All other' cannot be read.
    """
    named = rows[rows[by].astype(str).str.casefold() != PUBLISHER_OTHER]
    totals = named.groupby(by)["encounters"].sum().nlargest(top)
    return rows[by].where(rows[by].isin(totals.index), OTHER)


def _total(rows: pd.DataFrame, grouped: pd.DataFrame, covered: pd.DataFrame) -> pd.DataFrame:
    """Both components added up, only for periods that both cover in every month (OFO starts in
    FY2022 in the long series: a 'total' before that would be Border Patrol alone)."""
    counts = rows.groupby(["period", "component"])["month"].nunique().unstack()
    counts = counts.reindex(columns=list(COMPONENTS)).fillna(0)
    full = counts.eq(covered.set_index("period")["months"], axis=0).all(axis=1)
    both = grouped[grouped["period"].isin(full.index[full])]
    return both.groupby("period")["encounters"].sum().reset_index().assign(series=TOTAL)


def days_covered(rows: pd.DataFrame) -> pd.DataFrame:
    """Days and months each period covers (months present in the data, whatever the series)."""
    months = rows[["period", "month"]].drop_duplicates()
    grouped = months.assign(days=days_in_month(months["month"])).groupby("period")
    covered = {  # one plain aggregation each: half the time of named aggregation, on every explorer rerun
        "days": grouped["days"].sum(),
        "months": grouped.size(),  # the months are unique within a period here
        "first_month": grouped["month"].min(),
        "last_month": grouped["month"].max(),
    }
    return pd.DataFrame(covered).reset_index()
