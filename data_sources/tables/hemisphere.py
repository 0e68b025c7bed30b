"""The hemisphere tables put together: each IOM source (the Darién, Mexico) parses its own place's rows
of the same tables, and `build` stacks them here into one table each, in key order."""

from __future__ import annotations

import pandas as pd

from data_sources.core.registry import SCHEMAS
from data_sources.core.schema import key_of


def stacked(canonical: dict[str, dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Each table that more than one source makes part of, as one table (no source's rows overwrite another's)."""
    parts: dict[str, list[pd.DataFrame]] = {}
    for per_source in canonical.values():
        for name, table in per_source.items():
            parts.setdefault(name, []).append(table)
    return {
        name: pd.concat(tables, ignore_index=True).sort_values(key_of(SCHEMAS[name])).reset_index(drop=True)
        for name, tables in parts.items()
        if len(tables) > 1
    }
