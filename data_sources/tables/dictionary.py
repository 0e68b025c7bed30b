"""What every table and column means, in words for readers: the Data page shows it and every export
carries it (`columns.csv`).

The schemas (`core.registry.SCHEMAS`) describe tables for the code that checks them; this is the
reader's version, with a unit for every column. The meanings are data, in `dictionary_columns` (a column
means the same in every table) and `dictionary_per_table` (where one table or chart download means
something else by it). A column with no entry falls back to its schema's description;
`tests/test_data_page.py` fails when a column has neither, so a new column cannot reach a reader
unexplained.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from data_sources.core.registry import SCHEMAS
from data_sources.sources.registry import SOURCES
from data_sources.tables.dictionary_columns import COLUMNS
from data_sources.tables.dictionary_per_table import PER_TABLE

__all__ = ["COLUMNS", "PER_TABLE", "TABLES", "column_dictionary", "describe_column", "describe_table"]
__all__ += ["frame_dictionary", "reader_order", "sources_note"]

TABLES = {
    "southwest_monthly": "Encounters at the U.S.–Mexico border per month since October 1999, Border Patrol and OFO, "
    "one series each.",
    "southwest_monthly_metrics": "Southwest encounters per month with both components added up, per-day rates, the "
    "change from a year earlier and each month's rank.",
    "southwest_fiscal_year_totals": "Encounters per fiscal year (October–September), with incomplete years marked.",
    "southwest_calendar_year_totals": "Encounters per calendar year, with incomplete years marked.",
    "reconciliation": "Months two datasets or two releases both report: both numbers and the difference.",
    "cbp_sw_encounters": "CBP's Southwest border encounters per month by component, age and family group, "
    "citizenship, legal authority and encounter type (exact counts).",
    "cbp_sw_aor_encounters": "CBP's Southwest encounters by Border Patrol sector or OFO field office, for the months "
    "of the Nationwide file we hold.",
    "ohss_usbp_region": "Border Patrol encounters per month by border region since October 1999 (rounded to 10).",
    "ohss_usbp_sector": "Border Patrol encounters per month by sector since October 1999 (rounded to 10).",
    "ohss_usbp_citizenship": "Border Patrol encounters per month by citizenship since October 1999 (rounded to 10).",
    "ohss_usbp_family_status": "Border Patrol encounters per month by family status since October 1999 (rounded to "
    "10).",
    "sector_per_day": "Border Patrol encounters per day in each Southwest sector, per month.",
    "citizenship_by_country": "Border Patrol Southwest encounters per fiscal year and country of citizenship.",
    "citizenship_shares": "Each citizenship group's share of Border Patrol Southwest encounters per fiscal year.",
    "port_crossings_monthly": "Inbound crossings at each U.S.–Mexico land port per month: vehicles, people, "
    "containers, trains.",
    "port_closure_effects": "Crossings at each closed port in the closure months against the same month a year "
    "earlier.",
    "closure_timeline": "Every port and rail closure we list, with its dates and a citation.",
    "events": "Dated events (closures, policies, meetings, caravans, administrations), each with a citation.",
    "published_figures": "Numbers officials published or were quoted giving at the time, with a citation.",
    "port_sectors": "The Border Patrol sector and OFO field office around each port the article mentions.",
    "citizenship_groups": "How countries of citizenship are grouped in the charts.",
    "closure_measures": "Which kinds of crossing each closure stopped.",
    "hemisphere_annual": "Crossings of Panama's Darién and apprehension events in Mexico per calendar year: the total "
    "as published where only a yearly total exists, else the year's months added up.",
    "hemisphere_monthly": "Crossings of Panama's Darién and apprehension events in Mexico per month and nationality.",
    "hemisphere_annual_by_citizenship": "Darién crossings and Mexico's apprehension events per calendar year and "
    "nationality.",
    # Published caravan sizes and yearly Darién and Mexico totals as published (reference lists).
    "caravans": "Migrant caravans' sizes as reported at the time, one row per published estimate, each cited; no "
    "official count of a caravan exists.",
    "hemisphere_figures": "Yearly Darién crossings and Mexico's apprehension events as the governments published "
    "them, each cited, for years and releases the IOM files lack.",
}


def sources_note() -> str:
    """'cbp_sbo = CBP, Southwest Land Border Encounters; …': what the source keys in the tables stand for."""
    return "; ".join(f"{key} = {source.publisher}, {source.title}" for key, source in SOURCES.items())


def _source_columns() -> dict[str, tuple[str, str]]:
    meaning = f"Dataset the number comes from ({sources_note()})"
    return {name: ("code", meaning) for name in ("source", "left_source", "right_source")}


def describe_column(table: str, column: str) -> tuple[str, str]:
    """(unit, meaning) of a column; the schema's description when this module has none."""
    found = PER_TABLE.get((table, column)) or COLUMNS.get(column) or _source_columns().get(column)
    if found:
        return found
    schema = SCHEMAS.get(table)
    described = schema.columns[column].description if schema is not None and column in schema.columns else None
    return ("", described or "")


def describe_table(table: str) -> str:
    """One line on what a table holds, for its download button."""
    schema = SCHEMAS.get(table)
    return TABLES.get(table) or (schema.description if schema is not None and schema.description else "")


def reader_order(names: list[str]) -> list[str]:
    """Table names in the order readers want them (as `TABLES` lists them), any others last."""
    order = list(TABLES)
    return sorted(names, key=lambda name: order.index(name) if name in order else len(order))


def column_dictionary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per column of every table: table, column, unit, meaning."""
    rows = [
        (table, column, *describe_column(table, str(column))) for table, frame in tables.items() for column in frame
    ]
    return pd.DataFrame(rows, columns=["table", "column", "unit", "meaning"])


def frame_dictionary(columns: Iterable[object], table: str = "") -> pd.DataFrame:
    """What each column of a chart's download means: column, unit, meaning. `table` names the table or chart
    kind ('bars', 'explorer') whose own meanings apply where a column means something else there."""
    return column_dictionary({table: pd.DataFrame(columns=[str(c) for c in columns])}).drop(columns="table")
