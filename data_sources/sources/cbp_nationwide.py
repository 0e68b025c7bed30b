"""CBP Nationwide Encounters by area of responsibility (AOR), Southwest rows.

Landing page: https://www.cbp.gov/document/stats/nationwide-encounters. Like the Southwest file,
the CSV's URL changes with each release (e.g. `.../2024-Jan/nationwide-encounters-fy21-fy24-dec-aor.csv`).
It is the only CBP file that splits Southwest encounters by Border Patrol sector and OFO field office
and by detailed citizenship, which the sector and ports views need.

Only rows whose "Land Border Region" is "Southwest Land Border" become canonical; rows labelled
"Other" are excluded, as in CBP's own Southwest totals. The development copy in `../shared/data/raw`
is an extract of the January 2024 release holding its December 2023 Southwest rows verbatim; a
refresh brings the full current file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from data_sources.acquire.source import LinkRule, ParseError, Source
from data_sources.core.canonical import CBP_SW_AOR_ENCOUNTERS
from data_sources.core.vocabulary import SOUTHWEST_REGION
from data_sources.sources.cbp_common import newest_release_key, read_cbp_csv, to_canonical

EXPECTED_COLUMNS = (
    "Fiscal Year",
    "Month Grouping",
    "Month (abbv)",
    "Component",
    "Land Border Region",
    "Area of Responsibility",
    "AOR (Abbv)",
    "Demographic",
    "Citizenship",
    "Title of Authority",
    "Encounter Type",
    "Encounter Count",
)


def parse(path: Path) -> dict[str, pd.DataFrame]:
    """Raw CSV → `cbp_sw_aor_encounters` (Southwest land border rows only)."""
    raw = read_cbp_csv(path, EXPECTED_COLUMNS)
    raw = raw[raw["Land Border Region"].str.strip() == SOUTHWEST_REGION]
    if raw.empty:
        raise ParseError(f"no rows with Land Border Region = {SOUTHWEST_REGION!r}")
    renames = {"Citizenship": "citizenship", "Area of Responsibility": "area_of_responsibility"}
    return to_canonical(raw, renames, CBP_SW_AOR_ENCOUNTERS)


SOURCE = Source(
    key="cbp_nationwide",
    title="Nationwide Encounters (by area of responsibility)",
    publisher="U.S. Customs and Border Protection (CBP)",
    landing_page="https://www.cbp.gov/document/stats/nationwide-encounters",
    description="Encounters by land border region, Border Patrol sector / OFO field office, "
    "demographic, detailed citizenship, title of authority and type; Southwest rows are used.",
    expected_columns=EXPECTED_COLUMNS,
    parse=parse,
    max_bytes=300_000_000,
    coverage_note="The fiscal years the current release spans (its file name says which) to its latest month; "
    "each snapshot records its first and last month",
    caveats=(
        "Encounters are events, not unique people.",
        "OFO field offices cover several ports each; rows labelled 'Other' are excluded.",
        "Each release revises earlier months slightly; the vintage says which release this is.",
    ),
    link_rule=LinkRule(
        pattern=re.compile(
            r"nationwide-encounters-fy(?P<first_fy>\d{2})-fy(?P<last_fy>\d{2})-(?P<month>[a-z]{3})-aor[^/]*\.csv$",
            re.IGNORECASE,
        ),
        newest_key=newest_release_key,
    ),
)
