"""CSV snapshots of every table, safe to open in a spreadsheet, with a column dictionary
(`columns.csv`, see `dictionary`) and a provenance file; as files in a folder or as one zip.

Text cells that start with `=`, `+`, `-`, `@` (or a tab or carriage return) would run as formulas in
Excel or LibreOffice; they get a leading apostrophe. Numbers are never touched, so a negative
difference stays a number.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset
from data_sources.tables.combine import read_splice_rules
from data_sources.tables.dictionary import column_dictionary

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Published column orders for the exports other people build on; other tables keep all their columns.
EXPORT_COLUMNS = {
    "southwest_monthly": ["month", "fiscal_year", "component", "encounters", "per_day", "source", "vintage"],
    "port_crossings_monthly": ["month", "port_name", "port_code", "state", "border", "measure", "value"],
}


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would treat as a formula with an apostrophe (a copy only
    when some cell needs it: most frames have none, and this runs on every new explorer view)."""
    out = frame
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]) or pd.api.types.is_object_dtype(frame[column]):
            text = frame[column]
            risky = _starts_a_formula(text)
            if risky.any():
                out = out.copy() if out is frame else out
                out[column] = text.where(~risky, "'" + text.astype(str))
    return out


def _starts_a_formula(text: pd.Series) -> pd.Series:
    """Which cells are text starting with a formula character. Each distinct value is looked at once
    (a column holds few of them); an object column may mix text with numbers, which are never touched."""
    risky = [value for value in text.unique() if isinstance(value, str) and value.startswith(FORMULA_PREFIXES)]
    return text.isin(risky)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Spreadsheet-safe CSV with months written as YYYY-MM-DD (the first of the month)."""
    out = neutralise_formulas(frame)
    return out.to_csv(index=False, float_format="%.2f", date_format="%Y-%m-%d", lineterminator="\n").encode("utf-8")


def exported(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every table as exported: some in a published column order (see EXPORT_COLUMNS), the rest whole."""
    return {
        name: table[EXPORT_COLUMNS[name]] if name in EXPORT_COLUMNS else table for name, table in dataset.tables.items()
    }


def export_files(dataset: Dataset) -> dict[str, bytes]:
    """File name → bytes: one CSV per table, `columns.csv` (what each column means) and provenance.json."""
    tables = exported(dataset)
    files = {f"{name}.csv": to_csv_bytes(table) for name, table in tables.items()}
    files["columns.csv"] = to_csv_bytes(column_dictionary(tables))
    files["provenance.json"] = (json.dumps(provenance_record(dataset), indent=2) + "\n").encode()
    return files


def export_tables(dataset: Dataset, out_dir: Path) -> list[Path]:
    """Write `export_files` into a folder; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in export_files(dataset).items():
        path = out_dir / name
        path.write_bytes(content)
        written.append(path)
    return written


def export_zip(dataset: Dataset, folder: str = "border-numbers-tables") -> bytes:
    """`export_files` as one zip (every file inside `folder/`), for a single download."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in export_files(dataset).items():
            archive.writestr(f"{folder}/{name}", content)
    return buffer.getvalue()


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
