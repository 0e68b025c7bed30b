"""Parsing shared by CBP's encounter downloads (Southwest Land Border and Nationwide).

Both files label months as an abbreviation ("DEC") with a fiscal year that may carry a suffix
("2024 (FYTD)" for the year in progress), and counts as "Encounter Count".
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from data_sources.acquire.source import ParseError
from data_sources.core.periods import FISCAL_MONTH_ABBREVIATIONS, month_from_fiscal
from data_sources.core.schema import key_of, validate
from data_sources.core.vocabulary import MONTH_ABBREVIATIONS

RENAMES = {
    "Component": "component",
    "Demographic": "demographic",
    "Title of Authority": "title_of_authority",
    "Encounter Type": "encounter_type",
}


def newest_release_key(match: re.Match[str]) -> tuple[int, ...]:
    """'fy22-fy25-aug' sorts by the last fiscal year, then the month within it."""
    return (int(match["last_fy"]), FISCAL_MONTH_ABBREVIATIONS.index(match["month"].upper()))


def read_cbp_csv(path: Path, expected_columns: tuple[str, ...]) -> pd.DataFrame:
    """Read a CBP CSV as text, refusing anything that is not the published layout."""
    head = path.read_bytes()[:512].lstrip().lower()
    if head.startswith(b"<") or b"<html" in head:
        raise ParseError("the file is an HTML page, not a CSV (an error or login page?)")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ParseError(f"not a readable CSV: {error}") from error
    raw.columns = [c.strip() for c in raw.columns]
    missing = [c for c in expected_columns if c not in raw.columns]
    if missing:
        raise ParseError(f"missing expected columns {missing}; found {list(raw.columns)}")
    return raw


def cbp_months(raw: pd.DataFrame) -> pd.DataFrame:
    """Add `month` and `fiscal_year` from the 'Fiscal Year' and 'Month (abbv)' columns."""
    fiscal_text = raw["Fiscal Year"].str.extract(r"^\s*(\d{4})", expand=False)
    month_number = (
        raw["Month (abbv)"].str.strip().str.upper().map({abbv: i + 1 for i, abbv in enumerate(MONTH_ABBREVIATIONS)})
    )
    bad = fiscal_text.isna() | month_number.isna()
    if bad.any():
        example = raw.loc[bad, ["Fiscal Year", "Month (abbv)"]].head(1).to_dict("records")
        raise ParseError(f"{int(bad.sum())} rows with an unreadable fiscal year or month, e.g. {example}")
    fiscal_year = fiscal_text.astype("int64")
    out = raw.copy()
    out["fiscal_year"] = fiscal_year
    out["month"] = month_from_fiscal(fiscal_year, month_number.astype("int64"))
    return out


def to_canonical(raw: pd.DataFrame, renames: dict[str, str], schema: pa.DataFrameSchema) -> dict[str, pd.DataFrame]:
    """Months, whole counts and snake_case names, in the schema's columns and key order, validated."""
    raw = cbp_months(raw)
    raw["encounters"] = integer_counts(raw["Encounter Count"])
    table = raw.rename(columns=RENAMES | renames)[list(schema.columns)].sort_values(key_of(schema))
    return {str(schema.name): validate(schema, table.reset_index(drop=True))}


def integer_counts(text: pd.Series) -> pd.Series:
    """Counts as published ('1,234' or '1234') to int64; anything else is a parse error."""
    cleaned = text.str.replace(",", "", regex=False).str.strip()
    numeric = pd.to_numeric(cleaned, errors="coerce")
    bad = numeric.isna() | (numeric % 1 != 0)
    if bad.any():
        raise ParseError(f"{int(bad.sum())} counts are not whole numbers, e.g. {text[bad].iloc[0]!r}")
    return numeric.astype("int64")
