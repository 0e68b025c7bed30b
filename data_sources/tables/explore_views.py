"""The explorer's vocabulary: what can be explored (`VIEWS`) and how a view is asked for (`Query`).

Kept apart from the reshaping (`explore`) so that the URL link (`explore_link`), the notes
(`explore_notes`) and the dashboard's widgets share one list of choices with it. Each view reads one
canonical table; the hemisphere views (Panama's Darién, Mexico) count crossings and apprehension
events, by calendar month or year only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from data_sources.core.vocabulary import COMPONENT_SHORT, DARIEN, MEXICO, OFO, SOUTHWEST_REGION, USBP

__all__ = ["BOTH", "DEFAULT_VIEW", "ENCOUNTERS_ABOUT", "GRANULARITIES", "LABELS", "MAX_TOP", "OHSS_NOTE", "OTHER"]
__all__ += ["PUBLISHER_OTHER", "SOUTHWEST_ONLY", "TOTAL", "UNITS", "VIEWS", "Granularity", "Query", "Unit", "View"]
__all__ += ["label", "wants_total"]

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


def wants_total(view: View, query: Query) -> bool:
    """A total only when the series are both components."""
    return view.has_component and query.component == BOTH and query.by == "component"
