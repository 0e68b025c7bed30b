"""The encounters explorer's reshaping: pick a table, a breakdown, a period and a unit.

Each view reads one canonical table. OHSS sheets are separate cross-tabulations, so each is its
own view and nothing sums across them. Per-day values divide by the days in the months covered,
so a 28-day February and a partial fiscal year compare fairly with full ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from data_sources.core.periods import days_in_month

Unit = Literal["total", "per_day"]
Granularity = Literal["month", "fiscal_year", "calendar_year"]
OTHER = "All other"


@dataclass(frozen=True)
class View:
    """One explorable table: which breakdowns it allows and which source it comes from."""

    label: str
    table: str
    breakdowns: tuple[str, ...]
    sources: tuple[str, ...]
    filters: dict[str, str] = field(default_factory=dict)
    has_component: bool = False


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
    "usbp_sector": View(
        "Border Patrol by Southwest sector, FY2000 on (OHSS)",
        "ohss_usbp_sector",
        ("sector",),
        ("ohss_usbp",),
        {"region": "Southwest Land Border"},
    ),
    "usbp_citizenship": View(
        "Border Patrol Southwest by citizenship, FY2000 on (OHSS)",
        "ohss_usbp_citizenship",
        ("citizenship",),
        ("ohss_usbp",),
        {"region": "Southwest Land Border"},
    ),
    "usbp_family": View(
        "Border Patrol Southwest by family status, FY2000 on (OHSS)",
        "ohss_usbp_family_status",
        ("family_status",),
        ("ohss_usbp",),
        {"region": "Southwest Land Border"},
    ),
    "usbp_region": View(
        "Border Patrol by border region, FY2000 on (OHSS)", "ohss_usbp_region", ("region",), ("ohss_usbp",)
    ),
    "aor": View(
        "CBP Southwest by area of responsibility (Nationwide file)",
        "cbp_sw_aor_encounters",
        ("area_of_responsibility", "component", "citizenship", "demographic"),
        ("cbp_nationwide",),
        has_component=True,
    ),
}
COMPONENTS = ("U.S. Border Patrol", "Office of Field Operations")


@dataclass(frozen=True)
class Query:
    """Everything that defines an explorer view; it round-trips through the URL query string."""

    view: str = "southwest"
    by: str = "component"
    component: str = "all"
    unit: Unit = "per_day"
    granularity: Granularity = "month"
    start: str = "2019-10"
    end: str = "2025-08"
    top: int = 6
    events: bool = True


def explore(table: pd.DataFrame, view: View, query: Query) -> pd.DataFrame:
    """Rows of the chart: period, series, encounters, days covered, value in the chosen unit."""
    rows = table
    for column, value in view.filters.items():
        rows = rows[rows[column] == value]
    if view.has_component and query.component != "all":
        rows = rows[rows["component"] == query.component]
    start, end = pd.Timestamp(f"{query.start}-01"), pd.Timestamp(f"{query.end}-01")
    rows = rows[rows["month"].between(start, end)]
    if rows.empty:
        return pd.DataFrame(columns=["period", query.by, "encounters", "days", "months", "value"])
    rows = rows.assign(period=_period(rows, query.granularity), series=_top_series(rows, query.by, query.top))
    covered = _days_covered(rows, query.granularity)
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


def _days_covered(rows: pd.DataFrame, granularity: Granularity) -> pd.DataFrame:
    """Days and months each period covers (months present in the data, whatever the series)."""
    months = rows[["period", "month"]].drop_duplicates()
    months = months.assign(days=days_in_month(months["month"]))
    return months.groupby("period", as_index=False).agg(days=("days", "sum"), months=("month", "nunique"))


def parse_query(params: dict[str, str], coverage: tuple[str, str]) -> tuple[Query, list[str]]:
    """A `Query` from URL parameters; anything malformed or out of range is dropped with a notice."""
    base, notices = Query(start=coverage[0], end=coverage[1]), []
    values: dict[str, object] = {}
    view = VIEWS.get(params.get("view", base.view))
    if view is None:
        notices.append(f"Unknown view {params['view']!r}; showing the default.")
        view = VIEWS[base.view]
    else:
        values["view"] = params.get("view", base.view)
    checks: dict[str, tuple[object, ...]] = {
        "by": view.breakdowns,
        "component": ("all", *COMPONENTS),
        "unit": ("total", "per_day"),
        "granularity": ("month", "fiscal_year", "calendar_year"),
    }
    for name, allowed in checks.items():
        if name in params:
            if params[name] in allowed:
                values[name] = params[name]
            else:
                notices.append(f"Ignored {name}={params[name]!r}: expected one of {', '.join(map(str, allowed))}.")
    if "by" not in values:
        values["by"] = view.breakdowns[0]
    values.update(_months(params, coverage, notices))
    if params.get("top", "").isdigit() and 1 <= int(params["top"]) <= 20:
        values["top"] = int(params["top"])
    elif "top" in params:
        notices.append("Ignored top: expected a whole number from 1 to 20.")
    if "events" in params:
        values["events"] = params["events"] != "0"
    return Query(**{**base.__dict__, **values}), notices


def _months(params: dict[str, str], coverage: tuple[str, str], notices: list[str]) -> dict[str, str]:
    found = {}
    for name in ("start", "end"):
        text = params.get(name)
        if text is None:
            continue
        try:
            month = pd.Timestamp(f"{text}-01")
        except ValueError:
            notices.append(f"Ignored {name}={text!r}: expected YYYY-MM.")
            continue
        clipped = min(max(month.strftime("%Y-%m"), coverage[0]), coverage[1])
        if clipped != text:
            notices.append(f"{name} {text} is outside the data ({coverage[0]} to {coverage[1]}); using {clipped}.")
        found[name] = clipped
    start, end = found.get("start", coverage[0]), found.get("end", coverage[1])
    if start > end:
        notices.append("The start was after the end; swapped them.")
        found["start"], found["end"] = end, start
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
