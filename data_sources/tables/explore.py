"""The encounters explorer's reshaping: pick a table, a breakdown, a period and a unit.

Each view reads one canonical table. OHSS sheets are separate cross-tabulations, so each is its
own view and nothing sums across them. Per-day values divide by the days in the months covered,
so a 28-day February and a partial fiscal year compare fairly with full ones. A view is a `Query`,
which round-trips through the URL query string so a copied link opens the same chart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import pandas as pd

from data_sources.core.periods import days_in_month, month_start, period_of
from data_sources.core.vocabulary import COMPONENTS, POLICY_KINDS, SOUTHWEST_REGION

Unit = Literal["per_day", "total"]
Granularity = Literal["month", "fiscal_year", "calendar_year"]
UNITS: tuple[Unit, ...] = get_args(Unit)
GRANULARITIES: tuple[Granularity, ...] = get_args(Granularity)
BOTH = "all"  # the component choice that keeps both
OTHER = "All other"
MAX_TOP = 20
OHSS_NOTE = "OHSS rounds every count to the nearest 10; sheets are separate cross-tabs and are never added."


@dataclass(frozen=True)
class View:
    """One explorable table: which breakdowns it allows and which source it comes from."""

    label: str
    table: str
    breakdowns: tuple[str, ...]
    sources: tuple[str, ...]
    filters: dict[str, str] = field(default_factory=dict)
    has_component: bool = False
    note: str = ""


def _ohss(label: str, table: str, by: str, filters: dict[str, str] | None = None) -> View:
    """A sheet of the OHSS workbook: Border Patrol only, every count rounded to the nearest 10."""
    return View(label, table, (by,), ("ohss_usbp",), filters or {}, note=OHSS_NOTE)


SOUTHWEST_ONLY = {"region": SOUTHWEST_REGION}
VIEWS: dict[str, View] = {
    "southwest": View(
        "Southwest border by component (Border Patrol from FY2000, OFO from FY2022)",
        "southwest_monthly",
        ("component",),
        ("ohss_usbp", "cbp_sbo"),
        has_component=True,
    ),
    "cbp_detail": View(
        "CBP Southwest detail, FY2022 on (both components)",
        "cbp_sw_encounters",
        ("component", "citizenship", "demographic", "title_of_authority", "encounter_type"),
        ("cbp_sbo",),
        has_component=True,
    ),
    "usbp_sector": _ohss(
        "Border Patrol by Southwest sector, FY2000 on (OHSS)", "ohss_usbp_sector", "sector", SOUTHWEST_ONLY
    ),
    "usbp_citizenship": _ohss(
        "Border Patrol Southwest by citizenship, FY2000 on (OHSS)",
        "ohss_usbp_citizenship",
        "citizenship",
        SOUTHWEST_ONLY,
    ),
    "usbp_family": _ohss(
        "Border Patrol Southwest by family status, FY2000 on (OHSS)",
        "ohss_usbp_family_status",
        "family_status",
        SOUTHWEST_ONLY,
    ),
    "usbp_region": _ohss("Border Patrol by border region, FY2000 on (OHSS)", "ohss_usbp_region", "region"),
    "aor": View(
        "CBP Southwest by area of responsibility (Nationwide file)",
        "cbp_sw_aor_encounters",
        ("area_of_responsibility", "component", "citizenship", "demographic"),
        ("cbp_nationwide",),
        has_component=True,
    ),
}
DEFAULT_VIEW = "southwest"


@dataclass(frozen=True)
class Query:
    """Everything that defines an explorer view. There is no default month range: it comes from the data."""

    start: str  # first month shown, YYYY-MM
    end: str  # last month shown, YYYY-MM
    view: str = DEFAULT_VIEW
    by: str = "component"
    component: str = BOTH
    unit: Unit = "per_day"
    granularity: Granularity = "month"
    top: int = 6
    events: bool = True


def explore(table: pd.DataFrame, view: View, query: Query) -> pd.DataFrame:
    """Rows of the chart: period, series, encounters, days covered, value in the chosen unit."""
    rows = table
    for column, value in view.filters.items():
        rows = rows[rows[column] == value]
    if view.has_component and query.component != BOTH:
        rows = rows[rows["component"] == query.component]
    rows = rows[rows["month"].between(month_start(query.start), month_start(query.end))]
    if rows.empty:
        return pd.DataFrame(columns=["period", query.by, "encounters", "days", "months", "value"])
    rows = rows.assign(period=_period(rows, query.granularity), series=_top_series(rows, query.by, query.top))
    covered = _days_covered(rows)
    grouped = rows.groupby(["period", "series"], as_index=False)["encounters"].sum().merge(covered, on="period")
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
    """Keep the `top` largest series by total; fold the rest into 'All other' (same table, so additive)."""
    totals = rows.groupby(by)["encounters"].sum().nlargest(top)
    return rows[by].where(rows[by].isin(totals.index), OTHER)


def _days_covered(rows: pd.DataFrame) -> pd.DataFrame:
    """Days and months each period covers (months present in the data, whatever the series)."""
    months = rows[["period", "month"]].drop_duplicates()
    months = months.assign(days=days_in_month(months["month"]))
    return months.groupby("period", as_index=False).agg(days=("days", "sum"), months=("month", "nunique"))


def file_name(query: Query) -> str:
    return f"encounters_{query.view}_by_{query.by}_{query.start}_{query.end}.csv"


def notes(rows: pd.DataFrame, query: Query) -> list[str]:
    """What a reader should know about these rows: years with missing months, rounding in the source."""
    found = []
    if query.granularity != "month":
        partial = sorted(set(rows.loc[rows["months"] < 12, "period"]))
        if partial:
            found.append(
                f"Years with fewer than 12 months of data: {', '.join(map(str, partial))}. Compare them per day."
            )
    return [*found, VIEWS[query.view].note] if VIEWS[query.view].note else found


def policy_events(events: pd.DataFrame, query: Query) -> pd.DataFrame | None:
    """The events to mark on the chart, or None when switched off or when the periods are years."""
    if not query.events or query.granularity != "month":
        return None
    return events[events["kind"].isin(POLICY_KINDS)]


def months_of(table: pd.DataFrame) -> list[str]:
    """Every month from the table's first to its last, as YYYY-MM."""
    span = pd.date_range(table["month"].min(), table["month"].max(), freq="MS")
    return [period_of(month) for month in span]


def clamp_range(months: tuple[str, str], coverage: tuple[str, str]) -> tuple[str, str]:
    """Keep a remembered month range inside the months a table covers (all of them if it falls outside)."""
    (start, end), (first, last) = months, coverage
    if end < first or start > last:
        return first, last
    return max(start, first), min(end, last)


def parse_query(params: Mapping[str, str], coverage: tuple[str, str]) -> tuple[Query, list[str]]:
    """A `Query` from URL parameters; anything malformed or out of range falls back with a notice."""
    notices: list[str] = []
    view_key = params.get("view", DEFAULT_VIEW)
    if view_key not in VIEWS:
        notices.append(f"Unknown view {view_key!r}; showing the default.")
        view_key = DEFAULT_VIEW
    view = VIEWS[view_key]
    choices = {"by": view.breakdowns, "component": (BOTH, *COMPONENTS), "unit": UNITS, "granularity": GRANULARITIES}
    values: dict[str, Any] = {"view": view_key, "by": view.breakdowns[0]}
    for name, allowed in choices.items():
        if name in params and params[name] in allowed:
            values[name] = params[name]
        elif name in params:
            notices.append(f"Ignored {name}={params[name]!r}: expected one of {', '.join(allowed)}.")
    top = params.get("top")
    if top is not None and top.isascii() and top.isdigit() and 1 <= int(top) <= MAX_TOP:
        values["top"] = int(top)
    elif top is not None:
        notices.append(f"Ignored top: expected a whole number from 1 to {MAX_TOP}.")
    if "events" in params:
        values["events"] = params["events"] != "0"
    values.update(_months(params, coverage, notices))
    return Query(**values), notices


def _months(params: Mapping[str, str], coverage: tuple[str, str], notices: list[str]) -> dict[str, str]:
    found = {"start": coverage[0], "end": coverage[1]}
    for name in found:
        text = params.get(name)
        if text is None:
            continue
        try:
            month_start(text)
        except ValueError:
            notices.append(f"Ignored {name}={text!r}: expected a month as YYYY-MM.")
            continue
        found[name] = min(max(text, coverage[0]), coverage[1])
        if found[name] != text:
            notices.append(f"{name} {text} is outside the data ({coverage[0]} to {coverage[1]}); using {found[name]}.")
    if found["start"] > found["end"]:
        notices.append("The start was after the end; swapped them.")
        found["start"], found["end"] = found["end"], found["start"]
    return found


def to_params(query: Query) -> dict[str, str]:
    """The query as URL parameters (the inverse of `parse_query`)."""
    return {
        "view": query.view,
        "by": query.by,
        "component": query.component,
        "unit": query.unit,
        "granularity": query.granularity,
        "start": query.start,
        "end": query.end,
        "top": str(query.top),
        "events": "1" if query.events else "0",
    }
