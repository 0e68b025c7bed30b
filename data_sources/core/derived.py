"""Schemas of the tables built from the canonical ones: the spliced Southwest series, where its
sources disagree, its metrics and year totals, and what closures did to port crossings.

A derived table may be empty (two sources that do not overlap have nothing to reconcile), but the
monthly series it does hold must still run without a gap per component.
"""

from __future__ import annotations

import pandera.pandas as pa

from data_sources.core.schema import by_name, count, date, flag, integer, month, number, table, text, year
from data_sources.core.vocabulary import CLOSURE_KINDS, COMPONENTS, SERIES_COMPONENTS

SOUTHWEST_MONTHLY = table(
    "southwest_monthly",
    {
        "month": month(),
        "fiscal_year": year(),
        "component": text(COMPONENTS),
        "encounters": count(),
        "per_day": number(description="Encounters divided by the days in the month"),
        "source": text(description="Key of the source that supplied the month (see splice_rules.csv)"),
        "vintage": text(description="Release of that source"),
    },
    key=("month", "component"),
    series=("component",),  # OFO starts later than USBP: each component is checked on its own
    description="One Southwest land border series per component from FY2000 to the latest month: "
    "OHSS history spliced onto CBP's exact counts (see splice_rules.csv).",
)

RECONCILIATION = table(
    "reconciliation",
    {
        "month": month(),
        "component": text(COMPONENTS),
        "breakdown": text(description="'Southwest total', or the Border Patrol sector compared"),
        "left_source": text(),
        "left_vintage": text(),
        "left_encounters": count(),
        "right_source": text(),
        "right_vintage": text(),
        "right_encounters": count(),
        "difference": integer("Right minus left encounters"),
        "within_rounding": flag("True when the publishers' rounding alone explains the difference"),
    },
    key=("month", "component", "breakdown", "left_source", "left_vintage", "right_source", "right_vintage"),
    description="Where two sources or vintages report the same count: both values and the gap.",
)

SOUTHWEST_MONTHLY_METRICS = table(
    "southwest_monthly_metrics",
    {
        "month": month(),
        "fiscal_year": year(),
        "component": text(SERIES_COMPONENTS),
        "encounters": count(),
        "per_day": number(),
        "source": text(),
        "vintage": text(),
        "days_in_month": integer("Days in the calendar month", within=(28, 31)),
        "encounters_prior_year": count(nullable=True, description="Encounters in the same month a year earlier"),
        "per_day_prior_year": number(nullable=True),
        "yoy_change_pct": number(nullable=True, description="Change in encounters per day from a year earlier, %"),
        "rank": integer("Rank of the month's per-day rate within its series (1 = highest)"),
        "months_in_series": integer(),
        "record_to_date": flag("True when no earlier month of the series had a higher per-day rate"),
    },
    key=("month", "component"),
    series=("component",),
    description="The Southwest series and its USBP + OFO total with per-day rates, year-over-year change and ranks.",
)


def _year_totals(name: str, label: str, what: str) -> pa.DataFrameSchema:
    return table(
        name,
        {
            "component": text(SERIES_COMPONENTS),
            label: year(f"{what} year"),
            "encounters": count(),
            "months": integer("Months of data in the year", within=(1, 12)),
            "days": integer("Days in those months"),
            "per_day": number(),
            "complete": flag("True when all 12 months are in"),
        },
        key=("component", label),
        description=f"Southwest encounters per {what.lower()} year and component, flagged when incomplete.",
    )


SOUTHWEST_FISCAL_YEAR_TOTALS = _year_totals("southwest_fiscal_year_totals", "fiscal_year", "Fiscal")
SOUTHWEST_CALENDAR_YEAR_TOTALS = _year_totals("southwest_calendar_year_totals", "calendar_year", "Calendar")

PORT_CLOSURE_EFFECTS = table(
    "port_closure_effects",
    {
        "event_id": text(),
        "port_name": text(nullable=True),
        "port_code": text(),
        "state": text(nullable=True),
        "measure": text(),
        "month": month(),
        "days_closed": integer("Days of the month the closure covered", within=(1, 31)),
        "value": count(nullable=True, description="Crossings that month (missing when BTS reported none)"),
        "value_year_before": count(nullable=True),
        "change_pct": number(nullable=True),
        "usual_year_before": count(nullable=True, description="Median crossings of the months around a year earlier"),
        "unusual_baseline": flag("True when the year-earlier month is far from that median (an unusual baseline)"),
        "change_vs_usual_pct": number(nullable=True, description="Change from that median, %"),
        "data_note": text(),
    },
    key=("event_id", "measure", "month"),
    description="For each closure, month and affected measure: crossings then and a year earlier.",
)

CITIZENSHIP_BY_COUNTRY = table(
    "citizenship_by_country",
    {"fiscal_year": year(), "group": text(), "citizenship": text(), "encounters": count()},
    key=("fiscal_year", "citizenship"),
    description="Southwest Border Patrol encounters per complete fiscal year and citizenship, with its "
    "group (citizenship_groups.csv).",
)

CITIZENSHIP_SHARES = table(
    "citizenship_shares",
    {
        "fiscal_year": year(),
        "group": text(),
        "encounters": count(),
        "share_pct": number(description="The group's share of the year's encounters, %", within=(0, 100)),
    },
    key=("fiscal_year", "group"),
    description="Southwest Border Patrol encounters per complete fiscal year and citizenship group.",
)

SECTOR_PER_DAY = table(
    "sector_per_day",
    {"month": month(), "sector": text(), "encounters": count(), "per_day": number()},
    key=("month", "sector"),
    series=("sector",),
    description="Southwest Border Patrol encounters per day, per sector (one name per sector) and month.",
)

CLOSURE_TIMELINE = table(
    "closure_timeline",
    {
        "event_id": text(),
        "event_kind": text(CLOSURE_KINDS),
        "crossing": text(),
        "port_code": text(nullable=True),
        "port": text(nullable=True),
        "state": text(nullable=True),
        "kind": text(description="The event kind, for reading"),
        "start": date(),
        "end": date(),
        "days": count(description="Days closed, the first and the reopening day both counted"),
        "source_title": text(),
        "source_url": text(),
    },
    key=("event_id",),
    description="One row per port or rail closure, with its crossing, dates and citation.",
)

DERIVED = by_name(
    SOUTHWEST_MONTHLY,
    RECONCILIATION,
    SOUTHWEST_MONTHLY_METRICS,
    SOUTHWEST_FISCAL_YEAR_TOTALS,
    SOUTHWEST_CALENDAR_YEAR_TOTALS,
    PORT_CLOSURE_EFFECTS,
    CITIZENSHIP_BY_COUNTRY,
    CITIZENSHIP_SHARES,
    SECTOR_PER_DAY,
    CLOSURE_TIMELINE,
)
