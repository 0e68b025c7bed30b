"""Schemas of the canonical tidy tables each source's `parse` makes, declared once.

Names are snake_case; counts are `encounters` (events, not unique people); every monthly table
carries `month` (first day of the calendar month) and `fiscal_year` (starting in October).
The OHSS workbook's sheets are separate cross-tabulations of the same events: each becomes its own
table, and no code sums across them. A parsed file must have rows, and each component's (or
region's) months must run without a gap: a gap usually means a truncated download.

The hemisphere tables (Panama's Darién, Mexico) are the exception, by nature of their sources: they
count crossings and apprehension events (`count`), by calendar month or year only (neither country
uses the U.S. fiscal year), and a month the publisher never reported stays missing rather than
being refused as a gap. Each source's `parse` makes its own rows of them; `build` puts them together.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from data_sources.core.schema import by_name, count, flag, integer, month, number, table, text, year
from data_sources.core.vocabulary import COMPONENTS, HEMISPHERE_PLACES, REGIONS

CBP_DIMENSIONS = ("component", "demographic", "citizenship", "title_of_authority", "encounter_type")


def _cbp_columns() -> dict[str, pa.Column]:
    return {"component": text(COMPONENTS)} | {d: text() for d in CBP_DIMENSIONS[1:]}


CBP_SW_ENCOUNTERS = table(
    "cbp_sw_encounters",
    {"month": month(), "fiscal_year": year()} | _cbp_columns() | {"encounters": count()},
    key=("month", *CBP_DIMENSIONS),
    series=("component",),
    rows_required=True,
    description="CBP Southwest Land Border encounters by month, component, demographic, "
    "citizenship group, title of authority and encounter type (exact counts).",
)

CBP_SW_AOR_ENCOUNTERS = table(
    "cbp_sw_aor_encounters",
    {"month": month(), "fiscal_year": year(), "area_of_responsibility": text()}
    | _cbp_columns()
    | {"encounters": count()},
    key=("month", "area_of_responsibility", *CBP_DIMENSIONS),
    series=("component",),
    rows_required=True,
    description="CBP Southwest Land Border encounters by area of responsibility (Border Patrol "
    "sector or OFO field office), from the Nationwide Encounters file.",
)


def _ohss_schema(name: str, dimension: str | None, what: str) -> pa.DataFrameSchema:
    dimensions = {dimension: text()} if dimension else {}
    return table(
        name,
        {"month": month(), "fiscal_year": year(), "region": text(REGIONS)} | dimensions | {"encounters": count()},
        key=("month", "region", *dimensions),
        series=("region",),  # a sector or country may have no encounters in a month; a region always has
        rows_required=True,
        description=f"DHS OHSS: U.S. Border Patrol encounters by month and {what} "
        "(rounded to the nearest 10 by the publisher).",
    )


OHSS_USBP_REGION = _ohss_schema("ohss_usbp_region", None, "border region")
OHSS_USBP_SECTOR = _ohss_schema("ohss_usbp_sector", "sector", "region and Border Patrol sector")
OHSS_USBP_CITIZENSHIP = _ohss_schema("ohss_usbp_citizenship", "citizenship", "region and citizenship")
OHSS_USBP_FAMILY_STATUS = _ohss_schema("ohss_usbp_family_status", "family_status", "region and family status")

PORT_CROSSINGS_MONTHLY = table(
    "port_crossings_monthly",
    {
        "month": month(),
        "port_name": text(),
        "port_code": text(),
        "state": text(),
        "border": text(),
        "measure": text(),
        "value": count(description="Inbound crossings of the measure's unit (not people, unless so named)"),
        "latitude": number(nullable=True),
        "longitude": number(nullable=True),
    },
    key=("month", "port_code", "measure"),
    series=(),  # the file's months run without a gap; a port that did not report a month stays missing
    rows_required=True,
    description="BTS inbound crossings at U.S.–Mexico land ports by month, port and measure (vehicles, "
    "passengers, pedestrians, trucks, trains, containers). Missing months stay missing: no zero-filling.",
)

# The hemisphere series (IOM's compilation of Panama's and Mexico's official counts). A year is either
# published only as a whole (Panama's Darién before monthly tables began) or summed from its months.
ANNUAL_AS_PUBLISHED = "annual total as published"
MONTHLY_SUM = "sum of monthly counts"
HEMISPHERE_COUNT = "Darién: irregular crossings into Panama; Mexico: apprehension events. Events, not unique people"


def _hemisphere_columns(**columns: pa.Column) -> dict[str, pa.Column]:
    return {"place": text(HEMISPHERE_PLACES), **columns, "count": count(description=HEMISPHERE_COUNT)}


def _year_columns() -> dict[str, pa.Column]:
    return {
        "months": integer("Months the count covers (12 for a whole year)", within=(1, 12)),
        "complete": flag("True when the count covers the whole calendar year"),
        "basis": text((ANNUAL_AS_PUBLISHED, MONTHLY_SUM)),
        "source": text(description="Key of the source the count comes from"),
    }


def _whole_years(frame: pd.DataFrame) -> pd.Series:
    """A year is complete exactly when it covers 12 months, and a published annual total covers all 12."""
    return (frame["complete"] == (frame["months"] == 12)) & (
        (frame["basis"] != ANNUAL_AS_PUBLISHED) | frame["complete"]
    )


_YEAR_CHECKS = [pa.Check(_whole_years, error="complete must mean 12 months; a published annual total is complete")]

HEMISPHERE_MONTHLY = table(
    "hemisphere_monthly",
    {"month": month(), **_hemisphere_columns(citizenship=text()), "source": text()},
    key=("month", "place", "citizenship"),
    series=None,  # months the publisher did not report (April, May and July 2020 in the Darién) stay missing
    rows_required=True,
    description="Irregular crossings of Panama's Darién and apprehension events in Mexico per month and "
    "nationality, as IOM's Global Data Institute compiled them from Panama's SNM and Mexico's UPM. Only "
    "months the publisher reported month by month: years published only as a total are in hemisphere_annual.",
)

HEMISPHERE_ANNUAL_BY_CITIZENSHIP = table(
    "hemisphere_annual_by_citizenship",
    {"year": year("Calendar year"), **_hemisphere_columns(citizenship=text()), **_year_columns()},
    key=("year", "place", "citizenship"),
    rows_required=True,
    checks=_YEAR_CHECKS,
    description="The hemisphere counts per calendar year and nationality: a total as published for years "
    "without monthly figures, else the sum of the year's months (partial years marked).",
)

HEMISPHERE_ANNUAL = table(
    "hemisphere_annual",
    {"year": year("Calendar year"), **_hemisphere_columns(), **_year_columns()},
    key=("year", "place"),
    rows_required=True,
    checks=_YEAR_CHECKS,
    description="Darién crossings and Mexico's apprehension events per calendar year: a total as published "
    "for years without monthly figures, else the sum of the year's months (partial years marked).",
)

CANONICAL = by_name(
    CBP_SW_ENCOUNTERS,
    CBP_SW_AOR_ENCOUNTERS,
    OHSS_USBP_REGION,
    OHSS_USBP_SECTOR,
    OHSS_USBP_CITIZENSHIP,
    OHSS_USBP_FAMILY_STATUS,
    PORT_CROSSINGS_MONTHLY,
    HEMISPHERE_MONTHLY,
    HEMISPHERE_ANNUAL_BY_CITIZENSHIP,
    HEMISPHERE_ANNUAL,
)
