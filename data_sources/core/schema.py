"""Table shapes declared once, as pandera schemas, and checked where each table is made.

Each table is a `pandera.DataFrameSchema` built with `table()`: its columns (types, ranges, allowed
words from `vocabulary`), its unique key, and, for monthly series, a check that no month is missing
or repeated between a series' first and last month. `validate` checks lazily, so one bad file
explains itself in one report, and raises `SchemaError` with a short message an operator can read:
at most `MAX_CASES` failing values and `MAX_MESSAGE` characters (the full list stays on the error).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrorReason, SchemaErrors

from data_sources.core.periods import shift_months

MAX_CASES = 10  # failing values named in a message
MAX_MESSAGE = 500  # characters
GAP = "months must run without a gap"
CHECK_ERROR = SchemaErrorReason.CHECK_ERROR


class SchemaError(ValueError):
    """A table does not have its declared shape; `problems` names each reason, `failure_cases` every value."""

    def __init__(self, table: str, problems: list[str], failure_cases: pd.DataFrame | None = None):
        self.table = table
        self.problems = problems
        self.failure_cases = failure_cases if failure_cases is not None else pd.DataFrame()
        super().__init__(_bounded(f"{table}: " + "; ".join(problems)))


# Column kinds. Text is checked by content (pandas' `str` or object dtype both pass), numbers by dtype.


def month(description: str = "First day of the calendar month") -> pa.Column:
    return pa.Column(
        "datetime64[ns]",
        pa.Check(_first_of_month, error="must be the first day of a month"),
        description=description or None,
    )


def date(nullable: bool = False, description: str = "") -> pa.Column:
    return pa.Column("datetime64[ns]", nullable=nullable, description=description or None)


def year(description: str = "U.S. federal fiscal year (starts 1 October)") -> pa.Column:
    return pa.Column(
        "int64", pa.Check.in_range(1900, 2999, error="must be a four-digit year"), description=description or None
    )


def count(nullable: bool = False, description: str = "Encounters (events, not unique people)") -> pa.Column:
    dtype = "Int64" if nullable else "int64"
    return pa.Column(
        dtype, pa.Check.ge(0, error="must not be negative"), nullable=nullable, description=description or None
    )


def integer(description: str = "", within: tuple[int, int] | None = None) -> pa.Column:
    return pa.Column("int64", _within(within), description=description or None)


def number(nullable: bool = False, description: str = "", within: tuple[float, float] | None = None) -> pa.Column:
    return pa.Column("float64", _within(within), nullable=nullable, description=description or None)


def flag(description: str = "") -> pa.Column:
    return pa.Column("bool", description=description or None)


def text(allowed: Iterable[str] | None = None, nullable: bool = False, description: str = "") -> pa.Column:
    words = tuple(allowed or ())
    checks = [pa.Check.isin(words, error=f"must be one of {', '.join(words)}")] if words else []
    return pa.Column(str, checks, nullable=nullable, description=description or None)


def _within(bounds: tuple[float, float] | None) -> list[pa.Check]:
    return [pa.Check.in_range(*bounds, error=f"must be {bounds[0]} to {bounds[1]}")] if bounds else []


def _first_of_month(months: pd.Series) -> pd.Series:
    return months.dt.day == 1


def table(
    name: str,
    columns: dict[str, pa.Column],
    key: Sequence[str],
    *,
    series: Sequence[str] | None = None,
    rows_required: bool = False,
    checks: Sequence[pa.Check] = (),
    description: str = "",
) -> pa.DataFrameSchema:
    """A table's declared shape: exactly these columns, a unique `key`, and optional table checks.

    `series` names the columns that tell one monthly series from another (`()` for a table that is
    one series): each must have every month between its first and last, once per series where
    the key is just month and series. `rows_required` refuses an empty table (a parsed file or a
    curated list must have rows; a derived table may be empty when its sources do not overlap).
    `checks` are further checks over whole rows.
    """
    checks = list(checks)
    if rows_required:
        checks.append(pa.Check(lambda frame: len(frame) > 0, name="rows", error="has no rows"))
    if series is not None:
        checks.append(contiguous_months(tuple(series), once=set(key) == {"month", *series}))
    return pa.DataFrameSchema(
        columns,
        checks=checks,
        unique=list(key),
        strict=True,
        name=name,
        description=description or None,
        metadata={"key": tuple(key), "series": None if series is None else tuple(series)},
    )


def key_of(schema: pa.DataFrameSchema) -> list[str]:
    """The columns that identify a row, in the order tables are sorted by."""
    return list(schema.metadata["key"])


def by_name(*schemas: pa.DataFrameSchema) -> dict[str, pa.DataFrameSchema]:
    """Schemas keyed by the table name each declares."""
    return {str(s.name): s for s in schemas}


def contiguous_months(series: tuple[str, ...], once: bool) -> pa.Check:
    """Each series' months run from its first to its last without a gap (and, if `once`, without a repeat).

    A gap usually means a truncated or partial file. The check marks the first row of the month that
    follows a gap (and every repeated row), so the report names the series and where it breaks.
    """

    def check(frame: pd.DataFrame) -> pd.Series:
        months = frame[[*series, "month"]].reset_index(drop=True)  # positions, whatever the index
        first_rows = ~months.duplicated()
        distinct = months[first_rows].sort_values([*series, "month"])
        previous = distinct.groupby(list(series))["month"].shift() if series else distinct["month"].shift()
        follows_gap = previous.notna() & (shift_months(previous, 1) != distinct["month"])
        ok = np.ones(len(frame), dtype=bool)
        ok[follows_gap.index[follows_gap]] = False
        if once:
            ok &= first_rows.to_numpy()
        return pd.Series(ok, index=frame.index)

    by = " and ".join(series) or "the table"
    what = "a month missing before, or repeated at" if once else "a month missing before"
    return pa.Check(check, name="contiguous_months", error=f"{GAP} per {by}: {what}")


def validate(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame unchanged if it fits `schema`; else `SchemaError` naming every problem (bounded)."""
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        crashed = {e.check.error or e.check.name for e in errors.schema_errors if e.reason_code == CHECK_ERROR}
        cases = errors.failure_cases
        raise SchemaError(str(schema.name), describe(cases, schema, crashed), cases) from None


def describe(cases: pd.DataFrame, schema: pa.DataFrameSchema, crashed: set[str] | None = None) -> list[str]:
    """One line per failed check, naming up to `MAX_CASES` failing values in all.

    Checks of whole rows (key, contiguity) are named by the row's key. A column of the wrong type
    or a missing one is reported as such, without the checks that could not run because of it
    (`crashed`: checks that raised instead of answering).
    """
    if crashed and not cases["check"].isin(crashed).all():
        cases = cases[~cases["check"].isin(crashed)]
    on_rows = (cases["schema_context"] == "DataFrameSchema") & ~cases["check"].isin(_COLUMN_SET_CHECKS)
    cases = cases.assign(subject=cases["column"].where(~on_rows, ""))
    mistyped = cases.loc[cases["check"].astype(str).str.startswith("dtype("), "subject"]
    cases = cases[~cases["subject"].isin(mistyped) | cases["check"].astype(str).str.startswith("dtype(")]
    problems, budget = [], MAX_CASES
    for (subject, check), rows in cases.groupby(["subject", "check"], sort=False, dropna=False):
        if subject:
            values = [_short(v) for v in rows["failure_case"]]
            line, shown = _describe_column(str(subject), str(check), values, budget)
        else:
            line, shown = _describe_rows(str(check), rows, schema, budget)
        problems.append(line)
        budget = max(budget - shown, 0)
    return problems


_COLUMN_SET_CHECKS = ("column_in_schema", "column_in_dataframe")


def _describe_column(column: str, check: str, values: list[str], budget: int) -> tuple[str, int]:
    if check == "column_in_schema":
        return f"unexpected column {', '.join(values)}", 0
    if check == "column_in_dataframe":
        return f"missing column {', '.join(values)}", 0
    if check.startswith("dtype("):
        return f"{column}: expected {check[7:-2]}, got {values[0]}", 0
    if check == "not_nullable":
        return f"{column}: {len(values)} missing values", 0
    return _listed(f"{column} {check}", list(dict.fromkeys(values)), budget, ", ")


def _describe_rows(check: str, rows: pd.DataFrame, schema: pa.DataFrameSchema, budget: int) -> tuple[str, int]:
    """A check over whole rows: name each failing row by its key (or series and month)."""
    if check == "multiple_fields_uniqueness":
        check = f"rows share a key ({', '.join(key_of(schema))})"
    wanted = [*schema.metadata["series"], "month"] if check.startswith(GAP) else key_of(schema)
    picked = rows[rows["column"].isin(wanted)]
    if picked.empty:  # a check of the whole table, such as "has no rows"
        return check, 0
    by_row = [_key_text(row, wanted) for _, row in picked.groupby("index", sort=False)]
    return _listed(check, list(dict.fromkeys(by_row)), budget, "; ")


def _listed(label: str, values: list[str], budget: int, separator: str) -> tuple[str, int]:
    """`label: a, b and 3 more`, naming at most `budget` values (the rest are only counted)."""
    shown = values[:budget]
    if not shown:
        return f"{label}: {len(values)} cases", 0
    more = f" and {len(values) - len(shown)} more" if len(values) > len(shown) else ""
    return f"{label}: {separator.join(shown)}{more}", len(shown)


def _key_text(row: pd.DataFrame, order: list[str]) -> str:
    values = dict(zip(row["column"], row["failure_case"], strict=True))
    return ", ".join(f"{c}={_short(values[c])}" for c in order if c in values)


def _short(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m") if value.day == 1 else value.strftime("%Y-%m-%d")
    return str(value)


def _bounded(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"
