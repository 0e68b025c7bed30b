"""Table shapes declared once, as code, and checked where each table is made.

A small, dependency-free take on pandera's idea: each canonical table has a `TableSchema` naming its
columns, their kinds, allowed ranges and the unique key. `validate` collects *every* problem before
raising, so one failed download explains itself in one message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

ColumnKind = Literal["month", "date", "int", "count", "text", "float", "bool"]


class SchemaError(ValueError):
    """A table does not have the declared shape; `problems` lists every reason."""

    def __init__(self, table: str, problems: list[str]):
        self.table = table
        self.problems = problems
        super().__init__(f"{table}: " + "; ".join(problems))


@dataclass(frozen=True)
class Column:
    """One declared column. `count` means a non-negative integer number of events."""

    kind: ColumnKind
    nullable: bool = False
    description: str = ""


@dataclass(frozen=True)
class TableSchema:
    """Declared shape of a canonical table: column kinds, unique key, month rules."""

    name: str
    columns: dict[str, Column]
    key: tuple[str, ...]
    description: str = ""
    contiguous_months: bool = True

    def validate(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Return the frame unchanged if it fits the schema, else raise `SchemaError`."""
        problems = _column_problems(self, frame)
        if not problems:
            problems += _value_problems(self, frame)
        if problems:
            raise SchemaError(self.name, problems)
        return frame


def _column_problems(schema: TableSchema, frame: pd.DataFrame) -> list[str]:
    missing = [c for c in schema.columns if c not in frame.columns]
    extra = [c for c in frame.columns if c not in schema.columns]
    problems = []
    if missing:
        problems.append(f"missing columns {missing}")
    if extra:
        problems.append(f"unexpected columns {extra}")
    if frame.empty:
        problems.append("no rows")
    return problems


def _value_problems(schema: TableSchema, frame: pd.DataFrame) -> list[str]:
    problems: list[str] = []
    for name, column in schema.columns.items():
        problems += _check_column(name, column, frame[name])
    duplicated = frame.duplicated(list(schema.key), keep=False)
    if duplicated.any():
        first = frame.loc[duplicated, list(schema.key)].head(1).to_dict("records")
        problems.append(f"{int(duplicated.sum())} rows share a key {schema.key}, e.g. {first}")
    if schema.contiguous_months and "month" in schema.columns and not problems:
        problems += _month_gaps(frame["month"])
    return problems


def _check_column(name: str, column: Column, values: pd.Series) -> list[str]:
    if values.isna().any() and not column.nullable:
        return [f"{name}: {int(values.isna().sum())} missing values"]
    present = values.dropna()
    kind = column.kind
    if kind == "date" and not pd.api.types.is_datetime64_any_dtype(values):
        return [f"{name}: expected dates, got {values.dtype}"]
    if kind == "month":
        if not pd.api.types.is_datetime64_any_dtype(values):
            return [f"{name}: expected dates, got {values.dtype}"]
        if (present.dt.day != 1).any():
            return [f"{name}: months must be stored as their first day"]
    elif kind in ("int", "count"):
        if not pd.api.types.is_integer_dtype(values):
            return [f"{name}: expected whole numbers, got {values.dtype}"]
        if kind == "count" and (present < 0).any():
            return [f"{name}: {int((present < 0).sum())} negative counts"]
    elif kind == "float" and not pd.api.types.is_numeric_dtype(values):
        return [f"{name}: expected numbers, got {values.dtype}"]
    elif kind == "text" and not (pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values)):
        return [f"{name}: expected text, got {values.dtype}"]
    elif kind == "bool" and not pd.api.types.is_bool_dtype(values):
        return [f"{name}: expected true/false, got {values.dtype}"]
    return []


def _month_gaps(months: pd.Series) -> list[str]:
    """A monthly series must not skip a month: a gap usually means a truncated or partial file."""
    present = pd.DatetimeIndex(months.drop_duplicates()).sort_values()
    expected = pd.date_range(present[0], present[-1], freq="MS")
    missing = expected.difference(present)
    if len(missing):
        shown = ", ".join(m.strftime("%Y-%m") for m in missing[:6])
        return [f"month: {len(missing)} months missing inside the coverage ({shown})"]
    return []
