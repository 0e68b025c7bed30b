"""The curated lists about migration beyond the U.S. border, from `data_sources/reference/`:

- `caravans.csv`: every published size estimate of each caravan we list (no official count of a
  caravan exists, so these reports are the only evidence). An estimate is a count or a projection;
  second-hand and disputed figures are kept and flagged, never dropped, so a reader sees the spread.
- `hemisphere_figures.csv`: yearly totals for the Darién and Mexico as governments published them,
  for years the IOM files lack (after April 2025) and for releases that differ from the files.

Every row is cited by title and https address; descriptions and notes are the project's own words.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_sources.core.curated_hemisphere import CARAVANS, HEMISPHERE_FIGURES
from data_sources.core.schema import validate
from data_sources.reference import REFERENCE_DIR

CARAVANS_PATH = REFERENCE_DIR / "caravans.csv"
HEMISPHERE_FIGURES_PATH = REFERENCE_DIR / "hemisphere_figures.csv"
FLAGS = ("second_hand", "disputed")


def read_caravans(path: Path = CARAVANS_PATH) -> pd.DataFrame:
    """`caravans.csv` → one row per estimate: dates parsed, sizes whole, flags true/false (checked)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = raw.assign(
        departure_date=pd.to_datetime(raw["departure_date"], format="%Y-%m-%d").astype("datetime64[ns]"),
        size_low=pd.to_numeric(raw["size_low"]).astype("int64"),
        size_high=pd.to_numeric(raw["size_high"]).astype("int64"),
        called_largest_since=raw["called_largest_since"].replace("", None),
        **{name: _flag(raw[name], name) for name in FLAGS},
    )
    return validate(CARAVANS, table[list(CARAVANS.columns)])


def read_hemisphere_figures(path: Path = HEMISPHERE_FIGURES_PATH) -> pd.DataFrame:
    """`hemisphere_figures.csv`, years and counts as whole numbers (checked)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = raw.assign(
        year=pd.to_numeric(raw["year"]).astype("int64"), count=pd.to_numeric(raw["count"]).astype("int64")
    )
    return validate(HEMISPHERE_FIGURES, table[list(HEMISPHERE_FIGURES.columns)])


def _flag(values: pd.Series, name: str) -> pd.Series:
    """'true'/'false' as booleans; anything else is an authoring slip, named."""
    unknown = sorted(set(values) - {"true", "false"})
    if unknown:
        raise ValueError(f"caravans.csv: {name} must be true or false, not {unknown}")
    return values == "true"
