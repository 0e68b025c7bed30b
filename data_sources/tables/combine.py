"""One Southwest series per component from FY2000 on, and where its sources disagree.

The splice rule lives in data (`reference/splice_rules.csv`), not in code: for each component, every source
that can supply a Southwest monthly total is listed with a priority, and for each month the
highest-priority source that has that month wins: CBP's exact counts wherever its files reach, and
OHSS's rounded Border Patrol history before that. Every month where more than one source
(or an older vintage of the same source) has a value goes to the reconciliation table instead of
being silently dropped.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from data_sources.core.curated import SPLICE_RULES
from data_sources.core.derived import RECONCILIATION, SOUTHWEST_MONTHLY
from data_sources.core.periods import per_day
from data_sources.core.schema import validate
from data_sources.core.vocabulary import SOUTHWEST_REGION, USBP, sector_name
from data_sources.reference import REFERENCE_DIR
from data_sources.sources.registry import SOURCES

SPLICE_RULES_PATH = REFERENCE_DIR / "splice_rules.csv"
SOUTHWEST_TOTAL = "Southwest total"  # the reconciliation's breakdown for whole-border totals
SECTOR_EXACT, SECTOR_HISTORY = "cbp_nationwide", "ohss_usbp"  # the two sources of Border Patrol sector counts
CANDIDATE_COLUMNS = ["month", "fiscal_year", "component", "encounters", "source", "vintage", "priority"]


def read_splice_rules(path: Path = SPLICE_RULES_PATH) -> pd.DataFrame:
    """The declared splice rules (component, priority, source, table, filter), validated."""
    return validate(SPLICE_RULES, pd.read_csv(path))


def southwest_candidates(
    rules: pd.DataFrame, tables: dict[str, dict[str, pd.DataFrame]], vintages: dict[str, str]
) -> pd.DataFrame:
    """Monthly Southwest totals each rule's source can supply (`tables[source][table]`)."""
    pieces = []
    for rule in rules.itertuples(index=False):
        table = tables.get(str(rule.source), {}).get(str(rule.table))
        if table is None:
            continue
        rows = table[table[str(rule.filter_column)] == rule.filter_value]
        monthly = rows.groupby(["month", "fiscal_year"], as_index=False)["encounters"].sum()
        pieces.append(
            monthly.assign(
                component=rule.component, source=rule.source, vintage=vintages[str(rule.source)], priority=rule.priority
            )
        )
    return pd.concat(pieces, ignore_index=True)[CANDIDATE_COLUMNS]


def splice(candidates: pd.DataFrame) -> pd.DataFrame:
    """Per month and component, keep the highest-priority (lowest number) source's value."""
    ordered = candidates.sort_values(["component", "month", "priority"])
    winners = ordered.drop_duplicates(["component", "month"], keep="first")
    series = winners.assign(per_day=per_day(winners["encounters"], winners["month"]))
    series = series[list(SOUTHWEST_MONTHLY.columns)].sort_values(["component", "month"])
    return validate(SOUTHWEST_MONTHLY, series.reset_index(drop=True))


def source_spans(series: pd.DataFrame, component: str) -> pd.DataFrame:
    """Which source gives which months of one component of the spliced series, oldest first: one row
    per source with its `first` and `last` month (read from the rows, so true after any refresh)."""
    rows = series[series["component"] == component]
    months = rows.groupby("source")["month"]
    return pd.DataFrame({"first": months.min(), "last": months.max()}).sort_values("first")


def reconcile(candidates: pd.DataFrame, rounding: dict[str, int], breakdown: str = SOUTHWEST_TOTAL) -> pd.DataFrame:
    """Each non-winning value next to the winning one for the same month and component.

    `within_rounding` is true when the gap is no larger than half the coarser rounding of the two
    sources (OHSS rounds to 10, so ±5), i.e. rounding alone explains it.
    """
    ordered = candidates.sort_values(["component", "month", "priority"])
    left = ordered.drop_duplicates(["component", "month"], keep="first")
    right = ordered[~ordered.index.isin(left.index)]
    pairs = left.merge(right, on=["component", "month"], suffixes=("_l", "_r"))
    rounded = pd.concat([pairs["source_l"].map(rounding), pairs["source_r"].map(rounding)], axis=1)
    tolerance = rounded.max(axis=1).astype("int64")  # int64 even when no month overlaps
    difference = (pairs["encounters_r"] - pairs["encounters_l"]).astype("int64")
    result = pd.DataFrame(
        {
            "month": pairs["month"],
            "component": pairs["component"],
            "breakdown": breakdown,
            "left_source": pairs["source_l"],
            "left_vintage": pairs["vintage_l"],
            "left_encounters": pairs["encounters_l"],
            "right_source": pairs["source_r"],
            "right_vintage": pairs["vintage_r"],
            "right_encounters": pairs["encounters_r"],
            "difference": difference,
            "within_rounding": difference.abs() <= (tolerance // 2),
        }
    )
    return result.sort_values(["month", "component"]).reset_index(drop=True)


def sector_candidates(nationwide: pd.DataFrame, ohss_sector: pd.DataFrame, vintages: dict[str, str]) -> pd.DataFrame:
    """Border Patrol Southwest counts by sector from CBP's AOR file and OHSS, on common names.

    CBP writes "Del Rio Sector", OHSS "Del Rio, TX"; `sector_name` makes both "Del Rio".
    """
    usbp = nationwide[nationwide["component"] == USBP]
    usbp = usbp.assign(sector=sector_name(usbp["area_of_responsibility"]))
    cbp = usbp.groupby(["month", "fiscal_year", "sector"], as_index=False)["encounters"].sum()
    southwest = ohss_sector[ohss_sector["region"] == SOUTHWEST_REGION]
    ohss = southwest.assign(sector=sector_name(southwest["sector"]))[["month", "fiscal_year", "sector", "encounters"]]
    both = [
        cbp.assign(source=SECTOR_EXACT, vintage=vintages[SECTOR_EXACT], priority=1),
        ohss.assign(source=SECTOR_HISTORY, vintage=vintages[SECTOR_HISTORY], priority=2),
    ]
    # `component` carries the sector so `reconcile` pairs values sector by sector
    return pd.concat(both, ignore_index=True).rename(columns={"sector": "component"})


def sector_differences(reconciliation: pd.DataFrame) -> pd.DataFrame:
    """Border Patrol sector months both CBP's exact AOR file and OHSS's rounded figures hold: month,
    sector, both counts, OHSS minus CBP, and whether OHSS's rounding alone explains the gap."""
    rows = reconciliation[
        (reconciliation["breakdown"] != SOUTHWEST_TOTAL)
        & (reconciliation["left_source"] == SECTOR_EXACT)
        & (reconciliation["right_source"] == SECTOR_HISTORY)
    ]
    return pd.DataFrame(
        {
            "month": rows["month"],
            "sector": rows["breakdown"],
            "exact": rows["left_encounters"],
            "rounded": rows["right_encounters"],
            "difference": rows["difference"],
            "within_rounding": rows["within_rounding"],
        }
    ).reset_index(drop=True)


def sector_source_note(differences: pd.DataFrame, sectors: list[str], start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Which source a sector figure comes from and why, and CBP's exact count beside it where both exist
    for `sectors` between `start` and `end` (months): a gap rounding cannot explain is called so."""
    history, exact = SOURCES[SECTOR_HISTORY], SOURCES[SECTOR_EXACT]
    note = (
        f"Sector figures are from {history.publisher}, rounded to the nearest {history.rounded_to}: the only source "
        "here with every month of each sector."
    )
    both = differences[differences["sector"].isin(sectors) & differences["month"].between(start, end)]
    if both.empty:
        return note
    pairs = []
    for month, rows in both.sort_values(["month", "sector"]).groupby("month", sort=True):
        told = [_pair(row) for row in rows.to_dict("records")]
        pairs.append(f"{pd.Timestamp(str(month)):%B %Y}: {', '.join(told)}")
    return f"{note} Exact counts from {exact.publisher} exist for {'; '.join(pairs)}."


def _pair(row: Mapping[Hashable, Any]) -> str:
    """'Del Rio 71,095 (rounded: 71,050, 45 apart, more than rounding explains)'."""
    exact, rounded, gap = (int(row[c]) for c in ("exact", "rounded", "difference"))
    if gap == 0:
        return f"{row['sector']} {exact:,} (the same)"
    why = "within rounding" if row["within_rounding"] else "more than rounding explains"
    return f"{row['sector']} {exact:,} (rounded: {rounded:,}, {abs(gap):,} apart, {why})"


def reconciliation_table(
    candidates: pd.DataFrame, sectors: pd.DataFrame | None, rounding: dict[str, int]
) -> pd.DataFrame:
    """Southwest totals by component, plus Border Patrol sectors where CBP and OHSS overlap."""
    parts = [reconcile(candidates, rounding)]
    if sectors is not None and not sectors.empty:
        by_sector = reconcile(sectors, rounding, breakdown="sector")
        parts.append(by_sector.assign(breakdown=by_sector["component"], component=USBP))
    table = pd.concat(parts, ignore_index=True)
    return validate(RECONCILIATION, table)
