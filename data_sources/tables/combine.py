"""One Southwest series per component from FY2000 on, and where its sources disagree.

The splice rule lives in data (`reference/splice_rules.csv`), not in code: for each component, every source
that can supply a Southwest monthly total is listed with a priority, and for each month the
highest-priority source that has that month wins: CBP's exact counts wherever its files reach, and
OHSS's rounded Border Patrol history before that. Every month where more than one source
(or an older vintage of the same source) has a value goes to the reconciliation table instead of
being silently dropped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_sources.core.curated import SPLICE_RULES
from data_sources.core.derived import RECONCILIATION, SOUTHWEST_MONTHLY
from data_sources.core.periods import per_day
from data_sources.core.schema import validate
from data_sources.core.vocabulary import SOUTHWEST_REGION, USBP, sector_name
from data_sources.reference import REFERENCE_DIR

SPLICE_RULES_PATH = REFERENCE_DIR / "splice_rules.csv"
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


def reconcile(candidates: pd.DataFrame, rounding: dict[str, int], breakdown: str = "Southwest total") -> pd.DataFrame:
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
        cbp.assign(source="cbp_nationwide", vintage=vintages["cbp_nationwide"], priority=1),
        ohss.assign(source="ohss_usbp", vintage=vintages["ohss_usbp"], priority=2),
    ]
    # `component` carries the sector so `reconcile` pairs values sector by sector
    return pd.concat(both, ignore_index=True).rename(columns={"sector": "component"})


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
