"""CBP Southwest Land Border Encounters, the CSV behind CBP's monthly update.

Landing page: https://www.cbp.gov/document/stats/southwest-land-border-encounters. The CSV's URL
changes with every monthly release (e.g. `sbo-encounters-fy22-fy25-aug.csv`), so the refresher
reads the landing page and takes the link with the latest fiscal-year span and month.

Counts are exact (not rounded). Component is "U.S. Border Patrol" (apprehensions between ports of
entry, plus Title 42 expulsions) or "Office of Field Operations" (inadmissibles at ports of entry,
which include people with scheduled CBP One appointments). Citizenship comes in a few groups only.
Each monthly release restates earlier months slightly: old vintages are kept for comparison.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from data_sources.acquire.source import LinkRule, Source
from data_sources.core.canonical import CBP_SW_ENCOUNTERS
from data_sources.sources.cbp_common import newest_release_key, read_cbp_csv, to_canonical

EXPECTED_COLUMNS = (
    "Fiscal Year",
    "Month Grouping",
    "Month (abbv)",
    "Component",
    "Demographic",
    "Citizenship Grouping",
    "Title of Authority",
    "Encounter Type",
    "Encounter Count",
)


def parse(path: Path) -> dict[str, pd.DataFrame]:
    """Raw CSV → `cbp_sw_encounters`."""
    raw = read_cbp_csv(path, EXPECTED_COLUMNS)
    return to_canonical(raw, {"Citizenship Grouping": "citizenship"}, CBP_SW_ENCOUNTERS)


SOURCE = Source(
    key="cbp_sbo",
    title="Southwest Land Border Encounters",
    publisher="U.S. Customs and Border Protection (CBP)",
    landing_page="https://www.cbp.gov/document/stats/southwest-land-border-encounters",
    description="Monthly encounters at the U.S.–Mexico land border by component (Border Patrol "
    "between ports, OFO at ports), demographic, citizenship group, title of authority and type.",
    expected_columns=EXPECTED_COLUMNS,
    parse=parse,
    max_bytes=50_000_000,
    coverage_note="The fiscal years the current release spans (its file name says which) to its latest month; "
    "each snapshot records its first and last month",
    caveats=(
        "Encounters are events, not unique people: one person caught twice counts twice.",
        "OFO encounters at ports include people who booked CBP One appointments.",
        "Citizenship is grouped: a few countries by name, the rest as Other.",
        "Each release revises earlier months slightly.",
    ),
    link_rule=LinkRule(
        pattern=re.compile(
            r"sbo-encounters-fy(?P<first_fy>\d{2})-fy(?P<last_fy>\d{2})-(?P<month>[a-z]{3})[^/]*\.csv$",
            re.IGNORECASE,
        ),
        newest_key=newest_release_key,
    ),
)
