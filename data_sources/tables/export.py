"""CSV snapshots of every table, safe to open in a spreadsheet, plus a provenance file.

Text cells that start with `=`, `+`, `-`, `@` (or a tab or carriage return) would run as formulas in
Excel or LibreOffice; they get a leading apostrophe. Numbers are never touched, so a negative
difference stays a number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset
from data_sources.tables.combine import read_splice_rules

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Published column orders for the exports other people build on; other tables keep all their columns.
EXPORT_COLUMNS = {
    "southwest_monthly": ["month", "fiscal_year", "component", "encounters", "per_day", "source", "vintage"],
    "port_crossings_monthly": ["month", "port_name", "port_code", "state", "border", "measure", "value"],
}


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would treat as a formula with an apostrophe."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or pd.api.types.is_object_dtype(out[column]):
            text = out[column]
            risky = text.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_PREFIXES))
            out[column] = text.where(~risky, "'" + text.astype(str))
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Spreadsheet-safe CSV with months written as YYYY-MM-DD (the first of the month)."""
    out = neutralise_formulas(frame)
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, float_format="%.2f", lineterminator="\n").encode("utf-8")


def export_tables(dataset: Dataset, out_dir: Path) -> list[Path]:
    """Write one CSV per table (some in a published column order, see EXPORT_COLUMNS) and provenance.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in dataset.tables.items():
        if name in EXPORT_COLUMNS:
            table = table[EXPORT_COLUMNS[name]]
        path = out_dir / f"{name}.csv"
        path.write_bytes(to_csv_bytes(table))
        written.append(path)
    provenance = out_dir / "provenance.json"
    provenance.write_text(json.dumps(provenance_record(dataset), indent=2) + "\n")
    return [*written, provenance]


def provenance_record(dataset: Dataset) -> dict[str, object]:
    """Where every exported number comes from: sources, snapshots, splice rules, table sizes."""
    sources = {}
    for key, source in SOURCES.items():
        snapshot = dataset.snapshots.get(key)
        sources[key] = {
            "title": source.title,
            "publisher": source.publisher,
            "landing_page": source.landing_page,
            "license": source.license,
            "caveats": list(source.caveats),
            "snapshot": json.loads(snapshot.to_json()) if snapshot else None,
        }
    return {
        "sources": sources,
        "splice_rules": read_splice_rules().to_dict("records"),
        "tables": {name: len(table) for name, table in dataset.tables.items()},
        "warnings": dataset.warnings,
    }
