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

import numpy as np
import pandas as pd

from data_sources.core.periods import month_start
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


def _period(rows: pd.DataFrame, granularity: Granularity) -> pd.Series:
    if granularity == "fiscal_year":
        return rows["fiscal_year"]
    if granularity == "calendar_year":
        return rows["month"].dt.year
    return rows["month"]


def summarise(rows: pd.DataFrame, covered: pd.DataFrame, view: View, query: Query) -> pd.DataFrame:
    """Rows with a `period` (and the breakdown and `encounters`) → one row per period and series, with the
    days and months each period covers (`covered`, from `days_covered`) and the value in the chosen unit.

    Summed over integer codes with NumPy rather than with pandas' group-by, merge and sort: the same
    result in a fraction of the time (each pandas step costs a fraction of a millisecond whatever the
    size, these tables hold a few thousand rows, and a new explorer view is drawn while the reader waits)."""
    total = wants_total(view, query)
    periods, period_codes = _codes(rows["period"])
    names, name_codes = _series_names(rows, query.by, query.top, extra=[TOTAL] if total else [])
    encounters = rows["encounters"].to_numpy()
    sums = _Sums(period_codes * len(names) + name_codes, encounters, len(periods) * len(names))
    cells = np.flatnonzero(sums.present)
    period_at, name_at, summed = cells // len(names), cells % len(names), sums.total[cells]
    if total:
        full = _fully_covered(rows, periods, period_codes, covered)
        period_at = np.concatenate([period_at, full])
        name_at = np.concatenate([name_at, np.full(len(full), names.index(TOTAL))])
        summed = np.concatenate([summed, _Sums(period_codes, encounters, len(periods)).total[full]])
    at = pd.Index(covered["period"]).get_indexer(periods[period_at])
    order = np.lexsort((name_at, period_at))
    order = order[at[order] >= 0]  # a period that `covered` does not hold is left out (an inner join)
    result = covered.iloc[at[order]].reset_index(drop=True)
    result["period"] = periods[period_at[order]]  # the rows' own type (`covered` may hold years as floats)
    result.insert(1, query.by, pd.Series([names[code] for code in name_at[order]], dtype=rows[query.by].dtype))
    result.insert(2, "encounters", summed[order])
    per_day = (summed[order] / result["days"].to_numpy()).round(2)
    return result.assign(value=per_day if query.unit == "per_day" else summed[order])


def _codes(column: pd.Series) -> tuple[pd.Index, np.ndarray]:
    """The column's distinct values (sorted), and each row's index into them."""
    codes, uniques = pd.factorize(column, sort=True, use_na_sentinel=False)
    return pd.Index(uniques), codes


class _Sums:
    """Sums of `values` per code in `range(size)`, and which codes occur at all (a group-by keeps a group
    whose sum is 0)."""

    def __init__(self, codes: np.ndarray, values: np.ndarray, size: int) -> None:
        self.present = np.bincount(codes, minlength=size) > 0
        self.total = np.bincount(codes, weights=values, minlength=size).round().astype("int64")


def _series_names(rows: pd.DataFrame, by: str, top: int, extra: list[str]) -> tuple[list[str], np.ndarray]:
    """Keep the `top` largest named series; fold the rest into 'All other' (same table, so additive).
    Returns the series' names, sorted (with `extra` names among them), and each row's index into them.

    The publisher's own 'Other' group (CBP names only a few citizenships) is folded in too: it is the
    same kind of remainder, and one legend with both 'Other' and 'All other' cannot be read. Ties at
    the cut keep the name that sorts first; a missing name is never kept."""
    keys, codes = _codes(rows[by])
    totals = np.bincount(codes, weights=rows["encounters"].to_numpy(), minlength=len(keys))
    named = np.flatnonzero([pd.notna(key) and str(key).casefold() != PUBLISHER_OTHER for key in keys])
    kept = named[np.argsort(-totals[named], kind="stable")[:top]]
    label = np.full(len(keys), OTHER, dtype=object)
    label[kept] = keys[kept]
    names = sorted({*label, *extra})
    where = {name: number for number, name in enumerate(names)}
    return names, np.array([where[name] for name in label])[codes]


def _fully_covered(
    rows: pd.DataFrame, periods: pd.Index, period_codes: np.ndarray, covered: pd.DataFrame
) -> np.ndarray:
    """The periods (as codes) that every component covers in every month: only they get a total
    (OFO starts in FY2022 in the long series: a 'total' before that would be Border Patrol alone)."""
    month_codes = pd.factorize(rows["month"])[0]
    component_codes = pd.Index(COMPONENTS).get_indexer(pd.Index(rows["component"]))
    known = component_codes >= 0
    months = int(month_codes.max()) + 1
    cells = np.unique(((period_codes * len(COMPONENTS) + component_codes) * months + month_codes)[known]) // months
    counts = np.bincount(cells, minlength=len(periods) * len(COMPONENTS)).reshape(len(periods), len(COMPONENTS))
    wanted = covered.set_index("period")["months"].reindex(periods).to_numpy()
    return np.flatnonzero((counts == wanted[:, None]).all(axis=1))


def days_covered(rows: pd.DataFrame) -> pd.DataFrame:
    """Days and months each period covers (months present in the data, whatever the series)."""
    periods, period_codes = _codes(rows["period"])
    months, month_codes = _codes(rows["month"])
    pairs = np.unique(period_codes * len(months) + month_codes)  # sorted: by period, then month
    period_at, month_at = pairs // len(months), pairs % len(months)
    firsts = np.searchsorted(period_at, np.arange(len(periods)))
    lasts = np.searchsorted(period_at, np.arange(len(periods)), side="right") - 1
    in_month = pd.DatetimeIndex(months).days_in_month.to_numpy()
    return pd.DataFrame(
        {
            "period": periods,
            "days": np.bincount(period_at, weights=in_month[month_at], minlength=len(periods)).astype("int64"),
            "months": np.bincount(period_at, minlength=len(periods)).astype("int64"),
            "first_month": months[month_at[firsts]],
            "last_month": months[month_at[lasts]],
        }
    )
