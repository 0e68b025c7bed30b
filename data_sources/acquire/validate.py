"""What a new file must pass before it may become current, and the names it may be filed under.

A file is parsed into its canonical tables (columns, types, whole non-negative counts, unique
keys, contiguous months), then compared with the current vintage of the same source, because a
file can be well-formed and still incomplete or wrong: cut at a line boundary (the last month half
missing), missing a whole component, or with every count multiplied by 1,000. Publishers revise
recent months, so only months older than the latest `REVISION_MONTHS` must keep their totals.

Every category a canonical table is broken down by (its declared key, less `month`: component,
region, sector, citizenship, port …) is compared month by month with the current vintage, however
many values it has. Only the last-month check is limited to columns with few values: a sector or a
country with no encounters in a month has no row in it.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from data_sources.acquire.snapshots import Snapshot
from data_sources.acquire.source import ParseError, Source
from data_sources.core.canonical import CANONICAL
from data_sources.core.safe_text import one_line
from data_sources.core.schema import SchemaError, key_of

REVISION_MONTHS = 3  # the latest months of the previous vintage may be revised freely
TOTAL_TOLERANCE = 0.10  # older months' totals may move by at most this share between vintages
NEW_MONTH_FACTOR = 10  # a month the previous vintage lacked may not exceed 10× its largest month
LAST_MONTH_MAX_VALUES = 20  # columns with few values (components, regions …) must all be in the last month
MESSAGE_MAX_CHARS = 500
_VINTAGE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class ValidationError(ValueError):
    """A file was refused; the message says why in one line."""


def bounded(text: str, limit: int = MESSAGE_MAX_CHARS) -> str:
    """One line of at most `limit` characters: messages from outside must not flood a page or log."""
    return one_line(text, limit)


def check_vintage(vintage: str) -> str:
    """A release month as YYYY-MM between 1990 and next year, or `ValidationError`."""
    match = _VINTAGE.fullmatch(vintage or "")
    if not match or not 1990 <= int(match[1]) <= datetime.now(UTC).year + 1:
        raise ValidationError(f"vintage must be a month YYYY-MM from 1990 to next year, not {bounded(vintage, 40)!r}")
    return vintage


def safe_file_name(name: str, fallback: str = "data") -> str:
    """A file name made only of letters, digits, dots, dashes and underscores (never a path)."""
    cleaned = _UNSAFE_NAME.sub("-", Path(name).name).strip(".-")[:120]
    return cleaned or fallback


def coverage_of(tables: dict[str, pd.DataFrame]) -> tuple[str, str]:
    """First and last month (YYYY-MM) present in any of a source's canonical tables.

    A table of calendar years (no `month` column, as for years a publisher released only as a total)
    covers January to December of each complete year; its partial years come from monthly rows.
    """
    months = [t["month"] for t in monthly_tables(tables).values()]
    for table in tables.values():
        if "month" not in table and {"year", "complete"} <= set(table.columns):
            years = table.loc[table["complete"], "year"].astype(int).astype(str)
            months += [pd.to_datetime(years + "-01-01"), pd.to_datetime(years + "-12-01")]
    found = pd.concat(months)
    return found.min().strftime("%Y-%m"), found.max().strftime("%Y-%m")


def monthly_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables counted by month: the ones the month-by-month checks below apply to."""
    return {name: table for name, table in tables.items() if "month" in table}


def parse_checked(source: Source, path: Path) -> dict[str, pd.DataFrame]:
    """The file's canonical tables, or `ValidationError` saying why it is not the source's layout (or
    is damaged). Running out of memory stays a `MemoryError`: `filing.failed` names the bound."""
    try:
        return source.parse(path)
    except (ParseError, SchemaError, ValueError, KeyError, UnicodeDecodeError) as error:
        if isinstance(error, pd.errors.ParserError) and "out of memory" in str(error):
            raise MemoryError(str(error)) from error  # how pandas' CSV reader reports a failed allocation
        raise ValidationError(bounded(f"the file does not look like {source.title}: {error}")) from error
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:  # a member of a workbook's zip is corrupt
        raise ValidationError(bounded(f"the file is damaged ({type(error).__name__}: {error})")) from error


def validate_file(
    source: Source, path: Path, current: Snapshot | None, current_path: Path | None = None
) -> tuple[str, str]:
    """Parse and check a raw file against the current vintage; return its coverage."""
    tables = parse_checked(source, path)
    start, end = coverage_of(tables)
    if current and (start > current.coverage_start or end < current.coverage_end):
        raise ValidationError(
            f"coverage would shrink from {current.coverage_start}–{current.coverage_end} "
            f"to {start}–{end}; keeping the current snapshot"
        )
    for name, table in monthly_tables(tables).items():
        for column in _few_valued_columns(name, table):
            _last_month_complete(name, column, table)
    if current_path is not None:
        previous = parse_checked(source, current_path)
        for name, table in monthly_tables(tables).items():
            if name in previous:
                compare_vintages(name, previous[name], table)
    return start, end


def category_columns(name: str, table: pd.DataFrame) -> list[str]:
    """The columns a monthly table is broken down by: its declared key (`core.canonical`) less `month`.

    A table without a declared schema (the schema tests fail on one) falls back to its text columns.
    """
    schema = CANONICAL.get(name)
    if schema is None:
        return [c for c in table.columns if c != "month" and _is_text(table[c])]
    return [c for c in key_of(schema) if c != "month"]


def _few_valued_columns(name: str, table: pd.DataFrame) -> list[str]:
    """The category columns with few values (components, regions, groups): each month should have all."""
    return [c for c in category_columns(name, table) if table[c].nunique() <= LAST_MONTH_MAX_VALUES]


def compare_vintages(name: str, old: pd.DataFrame, new: pd.DataFrame) -> None:
    """Refuse a new vintage that lost categories or moved old totals beyond revision."""
    counts = [c for c in old.columns if pd.api.types.is_integer_dtype(old[c]) and c != "fiscal_year"]
    for column in category_columns(name, old):
        _same_categories(name, column, old, new)
    for column in counts:
        _totals_hold(name, column, old, new)


def _same_categories(name: str, column: str, old: pd.DataFrame, new: pd.DataFrame) -> None:
    """Every (month, value) of the current vintage, in a month both have, must be in the new one."""
    before = old.loc[old["month"].isin(set(new["month"])), ["month", column]].drop_duplicates()
    after = new[["month", column]].drop_duplicates()
    lost = before.merge(after, how="left", indicator=True)
    lost = lost[lost["_merge"] == "left_only"]
    if len(lost):
        month = lost["month"].min()
        values = sorted(map(str, lost.loc[lost["month"] == month, column]))
        others = lost["month"].nunique() - 1
        more = f" (and in {others} other months)" if others else ""
        raise ValidationError(
            bounded(f"{name}: {month:%Y-%m} lost {column} {values} that the current vintage has{more}")
        )


def _last_month_complete(name: str, column: str, new: pd.DataFrame) -> None:
    months = sorted(new["month"].unique())
    if len(months) < 2:
        return
    last, before = (set(new.loc[new["month"] == m, column]) for m in (months[-1], months[-2]))
    missing = before - last
    if missing:
        raise ValidationError(
            bounded(
                f"{name}: the last month {pd.Timestamp(months[-1]):%Y-%m} has no {column} {sorted(map(str, missing))} "
                "that the month before has; the file looks cut short"
            )
        )


def _totals_hold(name: str, column: str, old: pd.DataFrame, new: pd.DataFrame) -> None:
    before = old.groupby("month")[column].sum()
    after = new.groupby("month")[column].sum()
    settled = before.index[: max(len(before) - REVISION_MONTHS, 0)]
    for month in settled.intersection(after.index):
        old_total, new_total = float(before[month]), float(after[month])
        if abs(new_total - old_total) > TOTAL_TOLERANCE * max(old_total, 1.0):
            raise ValidationError(
                f"{name}: {month:%Y-%m} {column} total moved from {old_total:,.0f} to {new_total:,.0f} "
                f"(more than {TOTAL_TOLERANCE:.0%}); an older month should only be revised slightly"
            )
    ceiling = NEW_MONTH_FACTOR * float(before.max()) if len(before) else float("inf")
    for month in after.index.difference(settled):  # revised and new months: only a plausibility bound
        if float(after[month]) > ceiling:
            raise ValidationError(
                f"{name}: {month:%Y-%m} {column} total {float(after[month]):,.0f} is over "
                f"{NEW_MONTH_FACTOR}× the largest month of the current vintage; implausible"
            )


def _is_text(values: pd.Series) -> bool:
    return not pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_datetime64_any_dtype(values)
