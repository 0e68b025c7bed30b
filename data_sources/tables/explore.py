"""The encounters explorer's reshaping: pick a table, a breakdown, a period and a unit.

Each view reads one canonical table. OHSS sheets are separate cross-tabulations, so each is its
own view and nothing sums across them. Per-day values divide by the days in the months covered,
so a 28-day February and a partial fiscal year compare fairly with full ones; each period carries the
months it covers, so a partial year can be marked as such. A view is a `Query`, which round-trips
through the URL query string (`explore_link`) so a copied link opens the same chart.

A legend has one remainder bucket, "All other": the series below the top N and any group the
publisher itself calls "Other" (both mean "everything not named here"). When both components are
shown, their total is added, only for periods that both cover in every month.

The hemisphere views (Panama's Darién, Mexico) count crossings and apprehension events, by calendar
month or year only; their years come from annual tables (`explore_hemisphere`), because some
years were published only as a total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import pandas as pd

from data_sources.core.periods import days_in_month, month_start
from data_sources.core.vocabulary import (
    COMPONENT_SHORT,
    COMPONENTS,
    DARIEN,
    MEXICO,
    OFO,
    POLICY_KINDS,
    SOUTHWEST_REGION,
    USBP,
)

Unit = Literal["per_day", "total"]
Granularity = Literal["month", "fiscal_year", "calendar_year"]
UNITS: tuple[Unit, ...] = get_args(Unit)
GRANULARITIES: tuple[Granularity, ...] = get_args(Granularity)
BOTH = "all"  # the component choice that keeps both
OTHER = "All other"  # the one remainder bucket
PUBLISHER_OTHER = "other"  # how CBP names its own remainder ("Other", "OTHER"), compared case-blind
TOTAL = f"Total ({COMPONENT_SHORT[USBP]} + {COMPONENT_SHORT[OFO]})"
MAX_TOP = 20
OHSS_NOTE = "OHSS rounds every count to the nearest 10; sheets are separate cross-tabs and are never added."
ENCOUNTERS_ABOUT = "Encounters are events, not unique people. OFO encounters at ports include CBP One appointments."
COLUMNS = ["period", "encounters", "days", "months", "first_month", "last_month", "value"]  # plus the breakdown
LABELS = {  # the reader's words for breakdowns, units, periods and the component choice
    "component": "Component",
    "citizenship": "Citizenship",
    "demographic": "Demographic",
    "title_of_authority": "Title of authority",
    "encounter_type": "Encounter type",
    "sector": "Sector",
    "family_status": "Family status",
    "region": "Border region",
    "area_of_responsibility": "Area of responsibility",
    "place": "Place (the total)",
    "per_day": "Average per day",
    "total": "Total",
    "month": "Month",
    "fiscal_year": "Fiscal year (Oct–Sep)",
    "calendar_year": "Calendar year",
    BOTH: f"Both ({COMPONENT_SHORT[USBP]} + {COMPONENT_SHORT[OFO]})",
}


def label(value: str) -> str:
    """The words shown for a breakdown, unit, period or component choice."""
    return LABELS.get(value, value)


@dataclass(frozen=True)
class View:
    """One explorable table: which breakdowns it allows and which source it comes from."""

    label: str
    short: str  # for chart titles: a few words, no comma (a title's comma starts its second line)
    table: str
    breakdowns: tuple[str, ...]
    sources: tuple[str, ...]
    filters: dict[str, str] = field(default_factory=dict)
    has_component: bool = False
    note: str = ""
    publisher_other: dict[str, str] = field(default_factory=dict)  # breakdown → what the file names only some of
    granularities: tuple[Granularity, ...] = GRANULARITIES
    counts: str = "encounters"  # what one count is, in the plural: axis titles, downloads
    who: str = ""  # the chart title's subject, when it is not the chosen component's encounters
    about: str = ENCOUNTERS_ABOUT  # the line above the chart
    year_tables: dict[str, str] = field(default_factory=dict)  # breakdown → its table of calendar years


def _ohss(label: str, short: str, table: str, by: str, filters: dict[str, str] | None = None) -> View:
    """A sheet of the OHSS workbook: Border Patrol only, every count rounded to the nearest 10."""
    return View(label, short, table, (by,), ("ohss_usbp",), filters or {}, note=OHSS_NOTE)


def _hemisphere(label: str, place: str, source: str, who: str, counts: str, about: str) -> View:
    """A place of the hemisphere series: by nationality or in total, per calendar month or year."""
    return View(
        label,
        f"IOM's compilation ({'Panama' if place == DARIEN else 'Mexico'})",
        "hemisphere_monthly",
        ("place", "citizenship"),
        (source,),
        {"place": place},
        granularities=("month", "calendar_year"),
        counts=counts,
        who=who,
        about=about,
        year_tables={"place": "hemisphere_annual", "citizenship": "hemisphere_annual_by_citizenship"},
    )


SOUTHWEST_ONLY = {"region": SOUTHWEST_REGION}
VIEWS: dict[str, View] = {
    "southwest": View(
        "Southwest border by component (Border Patrol from FY2000, OFO from FY2022)",
        "CBP and OHSS Southwest series",
        "southwest_monthly",
        ("component",),
        ("ohss_usbp", "cbp_sbo"),
        has_component=True,
    ),
    "cbp_detail": View(
        "CBP Southwest detail, FY2022 on (both components)",
        "CBP Southwest detail",
        "cbp_sw_encounters",
        ("component", "citizenship", "demographic", "title_of_authority", "encounter_type"),
        ("cbp_sbo",),
        has_component=True,
        publisher_other={"citizenship": "countries of citizenship"},
    ),
    "usbp_sector": _ohss(
        "Border Patrol by Southwest sector, FY2000 on (OHSS)",
        "OHSS Southwest sectors",
        "ohss_usbp_sector",
        "sector",
        SOUTHWEST_ONLY,
    ),
    "usbp_citizenship": _ohss(
        "Border Patrol Southwest by citizenship, FY2000 on (OHSS)",
        "OHSS Southwest citizenship",
        "ohss_usbp_citizenship",
        "citizenship",
        SOUTHWEST_ONLY,
    ),
    "usbp_family": _ohss(
        "Border Patrol Southwest by family status, FY2000 on (OHSS)",
        "OHSS Southwest family status",
        "ohss_usbp_family_status",
        "family_status",
        SOUTHWEST_ONLY,
    ),
    "usbp_region": _ohss(
        "Border Patrol by border region, FY2000 on (OHSS)", "OHSS border regions", "ohss_usbp_region", "region"
    ),
    "aor": View(
        "CBP Southwest by area of responsibility (Nationwide file)",
        "CBP Nationwide file",
        "cbp_sw_aor_encounters",
        ("area_of_responsibility", "component", "citizenship", "demographic"),
        ("cbp_nationwide",),
        has_component=True,
        publisher_other={"citizenship": "countries of citizenship"},
    ),
    "darien": _hemisphere(
        "Darién crossings (Panama)",
        DARIEN,
        "iom_darien",
        "Darién crossings",
        "crossings",
        "Crossings of the Darién jungle into Panama that Panama registered: crossings, not unique people.",
    ),
    "mexico": _hemisphere(
        "Mexico apprehension events",
        MEXICO,
        "iom_mexico",
        "Mexico's apprehension events",
        "events",
        "People Mexico's migration authority apprehended without legal status: events, not unique people.",
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
    if _wants_total(view, query):
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


def _wants_total(view: View, query: Query) -> bool:
    """A total only when the series are both components."""
    return view.has_component and query.component == BOTH and query.by == "component"


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


def file_name(query: Query) -> str:
    return f"{VIEWS[query.view].counts}_{query.view}_by_{query.by}_{query.start}_{query.end}.csv"


def for_download(rows: pd.DataFrame, query: Query) -> pd.DataFrame:
    """The chart's rows with every active choice as a column, so a saved CSV says what it holds."""
    view = VIEWS[query.view]
    shown = label(query.component) if view.has_component else view.filters.get("place", USBP)
    return rows.rename(columns={"encounters": view.counts}).assign(
        view=view.label,
        components_shown=shown,
        unit=f"{view.counts} per day" if query.unit == "per_day" else view.counts,
        period_type=label(query.granularity),
        months_from=query.start,
        months_to=query.end,
        series_shown=query.top,
    )


def period_label(period: Any, granularity: Granularity) -> str:
    """'FY2024', '2024' or 'Dec 2023': whole years as whole years, never '2,023.5'."""
    if granularity == "fiscal_year":
        return f"FY{int(period)}"
    if granularity == "calendar_year":
        return str(int(period))
    return month_label(period)


def month_label(month: str | pd.Timestamp) -> str:
    """'2023-12' (or its first day) → 'Dec 2023'."""
    return f"{month_start(month) if isinstance(month, str) else month:%b %Y}"


def partial_periods(rows: pd.DataFrame, query: Query) -> dict[str, str]:
    """Years with fewer than 12 months of data, with how much they hold: {'FY2025': '11 of 12 months'}."""
    if query.granularity == "month":
        return {}
    short = rows.loc[rows["months"] < 12, ["period", "months"]].drop_duplicates().sort_values("period")
    return {
        period_label(p, query.granularity): f"{m} of 12 months"
        for p, m in zip(short["period"], short["months"], strict=True)
    }


def notes(rows: pd.DataFrame, query: Query) -> list[str]:
    """What a reader should know about these rows: events not drawn, partial years, grouping, rounding."""
    view, found = VIEWS[query.view], []
    single = rows["period"].nunique() == 1
    if query.events and query.granularity != "month":
        found.append("Policy events are marked on monthly charts only: choose Period “Month” to see them.")
    elif query.events and single:
        found.append("Policy events are marked on charts over several months: widen the months to see them.")
    partial = partial_periods(rows, query)
    if partial:
        listed = "; ".join(f"{period} has {months}" for period, months in partial.items())
        drawn = "" if single else ", drawn hollow on a dashed line"
        advice = "" if query.unit == "per_day" else " Their totals are low for that reason; compare them per day."
        found.append(f"Partial years{drawn}: {listed}.{advice}")
    if query.by in view.publisher_other:
        named = view.publisher_other[query.by]
        found.append(f"The source file names only a few {named} and counts the rest as “Other”, here in “All other”.")
    found.extend(_total_note(rows, query))
    return [*found, view.note] if view.note else found


def _total_note(rows: pd.DataFrame, query: Query) -> list[str]:
    """Where the total of both components is missing, and why (it needs both for every month)."""
    if not _wants_total(VIEWS[query.view], query):
        return []
    totals = rows.loc[rows[query.by] == TOTAL, "period"]
    if len(totals) == rows["period"].nunique():
        return []
    why = "both components for every month"
    if totals.empty:
        return [f"No {TOTAL}: no period here has {why}."]
    return [f"{TOTAL} is drawn from {period_label(totals.min(), query.granularity)}: earlier periods lack {why}."]


def policy_events(events: pd.DataFrame, query: Query) -> pd.DataFrame | None:
    """The events to mark on the chart, or None when switched off or when the periods are years."""
    if not query.events or query.granularity != "month":
        return None
    return events[events["kind"].isin(POLICY_KINDS)]
