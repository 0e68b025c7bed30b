"""Derived tables that claims and pages read: built once per dataset in the table build, so that a
render only selects rows.

Pure functions, frame in, frame out. `derived_tables` makes every one the given tables allow: a
source without a snapshot simply contributes none, and the claims that need it say so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from data_sources.core.periods import per_day
from data_sources.core.vocabulary import CLOSURE_KINDS, SOUTHWEST_REGION, sector_name

OTHER_GROUP = "Outside the Western Hemisphere, or unknown"  # citizenships citizenship_groups.csv does not list


def citizenship_by_country(citizenship: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Southwest Border Patrol encounters per complete fiscal year and citizenship, with its group.

    A fiscal year with fewer than 12 months is left out, so that shares compare whole years.
    """
    southwest = citizenship[citizenship["region"] == SOUTHWEST_REGION]
    group = southwest["citizenship"].map(groups.set_index("citizenship")["group"]).fillna(OTHER_GROUP)
    months = southwest.groupby("fiscal_year")["month"].nunique()
    complete = southwest.assign(group=group)[southwest["fiscal_year"].isin(months[months == 12].index)]
    return complete.groupby(["fiscal_year", "group", "citizenship"], as_index=False).agg(
        encounters=("encounters", "sum")
    )


def citizenship_shares(by_country: pd.DataFrame) -> pd.DataFrame:
    """Encounters per fiscal year and citizenship group, with each group's share of the year (%)."""
    totals = by_country.groupby(["fiscal_year", "group"], as_index=False)["encounters"].sum()
    year_total = totals.groupby("fiscal_year")["encounters"].transform("sum")
    return totals.assign(share_pct=totals["encounters"] / year_total * 100)


def sector_per_day(sector_table: pd.DataFrame) -> pd.DataFrame:
    """Southwest Border Patrol encounters per day, per sector (one name per sector) and month."""
    rows = sector_table[sector_table["region"] == SOUTHWEST_REGION]
    return pd.DataFrame(
        {
            "month": rows["month"],
            "sector": sector_name(rows["sector"]),
            "encounters": rows["encounters"],
            "per_day": per_day(rows["encounters"], rows["month"]),
        }
    ).reset_index(drop=True)


def select_sectors(
    sector_days: pd.DataFrame, sectors: Sequence[str], start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """The rows of `sector_per_day` for some sectors, from `start` to `end` (months, inclusive)."""
    keep = sector_days["sector"].isin(sectors) & sector_days["month"].between(start, end)
    return sector_days[keep].reset_index(drop=True)


def closure_timeline(events: pd.DataFrame, port_sectors: pd.DataFrame) -> pd.DataFrame:
    """One row per port or rail closure: crossing, port, state, kind, start, end, days, citation.

    `event_id` and `event_kind` (as in events.csv) are there to select by; `kind` is for reading.
    """
    closures = events[events["kind"].isin(CLOSURE_KINDS)]
    port_info = port_sectors.set_index("port_code")
    return (
        pd.DataFrame(
            {
                "event_id": closures["event_id"],
                "event_kind": closures["kind"],
                "crossing": closures["place"].str.split(",").str[0].str.replace(r"\s*\(.*\)$", "", regex=True),
                "port_code": closures["port_code"],
                "port": closures["port_code"].map(port_info["port_name"]),
                "state": closures["port_code"].map(port_info["state"]),
                "kind": closures["kind"].str.replace("_", " "),
                "start": closures["start_date"],
                "end": closures["end_date"],
                "days": (closures["end_date"] - closures["start_date"]).dt.days + 1,  # both end days count
                "source_title": closures["source_title"],
                "source_url": closures["source_url"],
            }
        )
        .sort_values("start", kind="stable")
        .reset_index(drop=True)
    )


def derived_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every derived table the given tables allow."""
    derived = {"closure_timeline": closure_timeline(tables["events"], tables["port_sectors"])}
    if "ohss_usbp_citizenship" in tables:
        by_country = citizenship_by_country(tables["ohss_usbp_citizenship"], tables["citizenship_groups"])
        derived |= {"citizenship_by_country": by_country, "citizenship_shares": citizenship_shares(by_country)}
    if "ohss_usbp_sector" in tables:
        derived["sector_per_day"] = sector_per_day(tables["ohss_usbp_sector"])
    return derived
