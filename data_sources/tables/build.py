"""Build every canonical, combined and derived table from the current snapshots, or load them.

Three hops at most: raw snapshot → canonical tables (each source's `parse`) → combined and derived
tables (`combine`, `metrics`). Building from raw takes seconds (the OHSS workbook dominates), so
the result is cached as Parquet in `cache/derived/<fingerprint>/`, where the fingerprint covers
the snapshots' sha256 and this package's code and CSVs (the `reference/` lists included): a new
vintage, a code change or an edited list rebuilds it, and nothing stale is ever served. If
`cache/` is read-only, tables are simply built in memory.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from data_sources.acquire.snapshots import Snapshot, SnapshotStore
from data_sources.core.registry import validate_tables
from data_sources.reference import REFERENCE_DIR
from data_sources.sources.registry import SOURCES
from data_sources.tables import combine, derived, events, hemisphere, hemisphere_reference, metrics, port_closures
from data_sources.tables.state import (
    CACHE_ENV,
    LOCAL_CACHE_ENV,
    cache_root,
    current_state,
    default_store,
    fingerprint,
    usable_snapshots,
)
from data_sources.tables.state import derived_root as derived_root_of

__all__ = ["CACHE_ENV", "LOCAL_CACHE_ENV", "Dataset", "build", "cache_root", "current_state", "default_store"]
__all__ += ["fingerprint", "load", "usable_snapshots"]

log = logging.getLogger(__name__)


@dataclass
class Dataset:
    """All tables by name, the snapshot each source's tables came from, and any warnings."""

    tables: dict[str, pd.DataFrame]
    snapshots: dict[str, Snapshot]
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""  # of the snapshots and code the tables were built from

    def vintage_line(self) -> str:
        """'data through …, released …' for each source, for freshness captions."""
        return "; ".join(
            f"{s.source_key}: data through {s.coverage_end}, released {s.vintage}" for s in self.snapshots.values()
        )


def build(store: SnapshotStore, snapshots: dict[str, Snapshot]) -> dict[str, pd.DataFrame]:
    """Parse the given snapshots and derive every table they allow (the cold path).

    Sources without a snapshot simply contribute no tables: the reference lists are always there,
    and pages say which dataset is missing rather than failing. Every table is checked against its
    declared schema (`core.registry.SCHEMAS`) before it is returned or cached.
    """
    canonical = {key: SOURCES[key].parse(store.file_path(s)) for key, s in snapshots.items()}
    tables = {name: table for per_source in canonical.values() for name, table in per_source.items()}
    tables.update(hemisphere.stacked(canonical))  # one table from each place's rows
    rules = combine.read_splice_rules()
    if set(rules["source"]) & canonical.keys():
        tables.update(_southwest_tables(store, snapshots, canonical, rules))
    tables.update(reference_tables())
    if "port_crossings_monthly" in tables:
        tables["port_closure_effects"] = port_closures.closure_effects(
            tables["port_crossings_monthly"], tables["events"], tables["closure_measures"]
        )
    tables.update(derived.derived_tables(tables))  # what claims and pages select from, built once
    return validate_tables(tables)


def _southwest_tables(
    store: SnapshotStore,
    snapshots: dict[str, Snapshot],
    canonical: dict[str, dict[str, pd.DataFrame]],
    rules: pd.DataFrame,
) -> dict[str, pd.DataFrame]:
    """The spliced Southwest series, its reconciliation with every overlapping source, and metrics."""
    vintages = {key: s.vintage for key, s in snapshots.items()}
    candidates = combine.southwest_candidates(rules, canonical, vintages)
    series = combine.splice(candidates)
    earlier = _previous_vintage_candidates(store, snapshots, rules)
    sectors = None
    if {"cbp_nationwide", "ohss_usbp"} <= canonical.keys():
        sectors = combine.sector_candidates(
            canonical["cbp_nationwide"]["cbp_sw_aor_encounters"], canonical["ohss_usbp"]["ohss_usbp_sector"], vintages
        )
    rounding = {key: source.rounded_to for key, source in SOURCES.items()}
    compared = pd.concat([candidates, *earlier], ignore_index=True)
    return {
        "southwest_monthly": series,
        "reconciliation": combine.reconciliation_table(compared, sectors, rounding),
        **_derived(series),
    }


def reference_tables() -> dict[str, pd.DataFrame]:
    """The package's curated lists (`REFERENCE_DIR`): cited events and officials' figures, the
    port → sector map, citizenship groups, which measures each closure touched, published caravan
    sizes and yearly Darién and Mexico totals as published."""
    return {
        "events": events.read_events(REFERENCE_DIR / "events.csv"),
        "published_figures": events.read_published_figures(REFERENCE_DIR / "published_figures.csv"),
        "port_sectors": events.read_port_sectors(REFERENCE_DIR / "port_sectors.csv"),
        "citizenship_groups": events.read_citizenship_groups(REFERENCE_DIR / "citizenship_groups.csv"),
        "closure_measures": port_closures.read_closure_measures(REFERENCE_DIR / "closure_measures.csv"),
        "caravans": hemisphere_reference.read_caravans(REFERENCE_DIR / "caravans.csv"),
        "hemisphere_figures": hemisphere_reference.read_hemisphere_figures(REFERENCE_DIR / "hemisphere_figures.csv"),
    }


def _previous_vintage_candidates(
    store: SnapshotStore, snapshots: dict[str, Snapshot], rules: pd.DataFrame
) -> list[pd.DataFrame]:
    """Southwest totals from each source's previous intact vintage, so revisions are visible."""
    pieces = []
    for key, current in snapshots.items():
        if key not in set(rules["source"]):
            continue
        older = [s for s in store.all(key) if s.folder != current.folder and s.vintage < current.vintage]
        if older and store.verify(older[-1]):
            parsed = {key: SOURCES[key].parse(store.file_path(older[-1]))}
            piece = combine.southwest_candidates(rules, parsed, {key: older[-1].vintage})
            pieces.append(piece.assign(priority=piece["priority"] + 100))
    return pieces


def _derived(series: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per-day rates, year-over-year change and ranks, per component and for the USBP + OFO total."""
    by = ["component"]
    monthly = pd.concat([metrics.with_per_day(series), metrics.southwest_total(series)], ignore_index=True)
    ranked = metrics.rank_months(metrics.year_over_year(monthly, by), by)
    return {
        "southwest_monthly_metrics": ranked.reset_index(drop=True),
        "southwest_fiscal_year_totals": metrics.period_totals(monthly, by),
        "southwest_calendar_year_totals": metrics.period_totals(monthly, by, calendar=True),
    }


def load(store: SnapshotStore | None = None, derived_root: Path | None = None) -> Dataset:
    """Every table, from the Parquet cache when it matches the snapshots, else rebuilt and cached."""
    store = store or default_store()
    derived_root = derived_root or derived_root_of(store)
    snapshots, warnings = usable_snapshots(store)
    key = fingerprint(snapshots)
    folder = derived_root / key
    if (folder / "tables.json").exists():
        names = json.loads((folder / "tables.json").read_text())
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in names}
    else:
        tables = build(store, snapshots)
        _save(folder, tables)
    return Dataset(tables, snapshots, warnings, key)


def _save(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Write the Parquet cache under a temporary name, then rename it into place."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".build-", dir=folder.parent))
        for name, table in tables.items():
            table.to_parquet(building / f"{name}.parquet", index=False)
        (building / "tables.json").write_text(json.dumps(list(tables)))
        building.rename(folder)
    except OSError as error:  # read-only cache, or another process won the race
        log.info("derived tables not cached (%s)", error)
        if "building" in locals():
            shutil.rmtree(building, ignore_errors=True)


def port_names(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Names of the land ports in the crossings data (empty without it): what the finder knows as ports."""
    crossings = tables.get("port_crossings_monthly")
    return [] if crossings is None else sorted(crossings["port_name"].dropna().unique())
