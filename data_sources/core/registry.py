"""Every table's declared shape, by table name: the one place `build` and the tests look them up.

Source tables (`canonical`), the tables derived from them (`derived`) and the curated reference
lists (`curated`) each declare their schemas beside their description; this module only gathers them.
"""

from __future__ import annotations

import logging

import pandas as pd
import pandera.pandas as pa

from data_sources.core.canonical import CANONICAL
from data_sources.core.curated import CURATED
from data_sources.core.curated_hemisphere import CURATED_HEMISPHERE
from data_sources.core.derived import DERIVED
from data_sources.core.schema import SchemaError, validate

log = logging.getLogger(__name__)

SCHEMAS: dict[str, pa.DataFrameSchema] = CANONICAL | DERIVED | CURATED | CURATED_HEMISPHERE


def undeclared(names: list[str]) -> list[str]:
    """The table names that have no schema in `SCHEMAS`."""
    return [name for name in names if name not in SCHEMAS]


def validate_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables unchanged if each fits its schema; else one `SchemaError` naming every problem.

    A table without a schema is logged, not refused: the test suite fails on it instead
    (`tests/test_schemas.py`), so a new table cannot reach a release undeclared.
    """
    for name in undeclared(list(tables)):
        log.warning("table %s has no declared schema; it was not validated", name)
    errors = []
    for name, frame in tables.items():
        if name not in SCHEMAS:
            continue
        try:
            validate(SCHEMAS[name], frame)
        except SchemaError as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        problems = [f"{e.table}: {p}" for e in errors for p in e.problems]
        raise SchemaError(", ".join(e.table for e in errors), problems)
    return tables
