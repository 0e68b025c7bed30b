"""Schemas of the canonical tidy tables each source's `parse` makes, declared once.

Names are snake_case; counts are `encounters` (events, not unique people); every monthly table
carries `month` (first day of the calendar month) and `fiscal_year` (starting in October).
The OHSS workbook's sheets are separate cross-tabulations of the same events: each becomes its own
table, and no code sums across them. A parsed file must have rows, and each component's (or
region's) months must run without a gap: a gap usually means a truncated download.
"""

from __future__ import annotations

import pandera.pandas as pa

from data_sources.core.schema import by_name, count, month, number, table, text, year
from data_sources.core.vocabulary import COMPONENTS, REGIONS

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

CANONICAL = by_name(
    CBP_SW_ENCOUNTERS,
    CBP_SW_AOR_ENCOUNTERS,
    OHSS_USBP_REGION,
    OHSS_USBP_SECTOR,
    OHSS_USBP_CITIZENSHIP,
    OHSS_USBP_FAMILY_STATUS,
    PORT_CROSSINGS_MONTHLY,
)
