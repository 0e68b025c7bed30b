"""Schemas of the canonical tidy tables, declared once.

Names are snake_case; counts are `encounters` (events, not unique people); every monthly table
carries `month` (first day of the calendar month) and `fiscal_year` (starting in October).
The OHSS workbook's sheets are separate cross-tabulations of the same events: each becomes its own
table, and no code sums across them.
"""

from __future__ import annotations

from data_sources.core.schema import Column, TableSchema

MONTH = Column("month", description="First day of the calendar month")
FISCAL_YEAR = Column("int", description="U.S. federal fiscal year (starts 1 October)")
ENCOUNTERS = Column("count", description="Encounters (events, not unique people)")
TEXT = Column("text")

CBP_DIMENSIONS = ("component", "demographic", "citizenship", "title_of_authority", "encounter_type")

CBP_SW_ENCOUNTERS = TableSchema(
    name="cbp_sw_encounters",
    description="CBP Southwest Land Border encounters by month, component, demographic, "
    "citizenship group, title of authority and encounter type (exact counts).",
    columns={"month": MONTH, "fiscal_year": FISCAL_YEAR}
    | {d: TEXT for d in CBP_DIMENSIONS}
    | {"encounters": ENCOUNTERS},
    key=("month", *CBP_DIMENSIONS),
)

CBP_SW_AOR_ENCOUNTERS = TableSchema(
    name="cbp_sw_aor_encounters",
    description="CBP Southwest Land Border encounters by area of responsibility (Border Patrol "
    "sector or OFO field office), from the Nationwide Encounters file.",
    columns={"month": MONTH, "fiscal_year": FISCAL_YEAR, "area_of_responsibility": TEXT}
    | {d: TEXT for d in CBP_DIMENSIONS}
    | {"encounters": ENCOUNTERS},
    key=("month", "area_of_responsibility", *CBP_DIMENSIONS),
)


def _ohss_schema(name: str, dimension: str | None, what: str) -> TableSchema:
    dims = ("region",) + ((dimension,) if dimension else ())
    return TableSchema(
        name=name,
        description=f"DHS OHSS: U.S. Border Patrol encounters by month and {what} "
        "(rounded to the nearest 10 by the publisher).",
        columns={"month": MONTH, "fiscal_year": FISCAL_YEAR} | {d: TEXT for d in dims} | {"encounters": ENCOUNTERS},
        key=("month", *dims),
    )


OHSS_USBP_REGION = _ohss_schema("ohss_usbp_region", None, "border region")
OHSS_USBP_SECTOR = _ohss_schema("ohss_usbp_sector", "sector", "region and Border Patrol sector")
OHSS_USBP_CITIZENSHIP = _ohss_schema("ohss_usbp_citizenship", "citizenship", "region and citizenship")
OHSS_USBP_FAMILY_STATUS = _ohss_schema("ohss_usbp_family_status", "family_status", "region and family status")

SOUTHWEST_MONTHLY = TableSchema(
    name="southwest_monthly",
    description="One Southwest land border series per component from FY2000 to the latest month: "
    "OHSS history spliced onto CBP's exact counts (see splice_rules.csv).",
    columns={
        "month": MONTH,
        "fiscal_year": FISCAL_YEAR,
        "component": TEXT,
        "encounters": ENCOUNTERS,
        "per_day": Column("float", description="Encounters divided by the days in the month"),
        "source": TEXT,
        "vintage": TEXT,
    },
    key=("month", "component"),
    contiguous_months=False,  # OFO starts in FY2022; each component is checked on its own
)

RECONCILIATION = TableSchema(
    name="reconciliation",
    description="Where two sources or vintages report the same count: both values and the gap.",
    columns={
        "month": MONTH,
        "component": TEXT,
        "breakdown": TEXT,
        "left_source": TEXT,
        "left_vintage": TEXT,
        "left_encounters": ENCOUNTERS,
        "right_source": TEXT,
        "right_vintage": TEXT,
        "right_encounters": ENCOUNTERS,
        "difference": Column("int"),
        "within_rounding": Column("bool"),
    },
    key=("month", "component", "breakdown", "left_source", "left_vintage", "right_source", "right_vintage"),
    contiguous_months=False,
)

PORT_CROSSINGS_MONTHLY = TableSchema(
    name="port_crossings_monthly",
    description="BTS inbound crossings at U.S.–Mexico land ports by month, port and measure (vehicles, "
    "passengers, pedestrians, trucks, trains, containers). Missing months stay missing: no zero-filling.",
    columns={
        "month": MONTH,
        "port_name": TEXT,
        "port_code": TEXT,
        "state": TEXT,
        "border": TEXT,
        "measure": TEXT,
        "value": Column("count", description="Inbound crossings of the measure's unit (not people, unless so named)"),
        "latitude": Column("float", nullable=True),
        "longitude": Column("float", nullable=True),
    },
    key=("month", "port_code", "measure"),
)
