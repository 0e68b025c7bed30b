"""DHS OHSS "Key Homeland Security Metrics – CBP Encounters (USBP)" workbook, FY2000 onward.

Landing page: https://ohss.dhs.gov/khsm/cbp-encounters. The workbook's file name carries its data
month (e.g. `... fy25m11.xlsx`), so the refresher takes the link with the latest one.

It is the long history: U.S. Border Patrol encounters every month since October 1999 (FY2000),
with sheets by region, sector, citizenship and family status. It has no OFO (port) counts.
Quantities are rounded to the nearest 10 by OHSS. Each "Monthly Rgn and …" sheet is a separate
cross-tabulation of the same events; each becomes its own canonical table, never summed together.
Months are written as fiscal-month number and name ("03 December" = third month of the FY).
"""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pandera.pandas as pa

from data_sources.acquire.source import LinkRule, ParseError, Source
from data_sources.core.canonical import (
    OHSS_USBP_CITIZENSHIP,
    OHSS_USBP_FAMILY_STATUS,
    OHSS_USBP_REGION,
    OHSS_USBP_SECTOR,
)
from data_sources.core.periods import fiscal_month_number, month_from_fiscal
from data_sources.core.schema import key_of, validate
from data_sources.core.vocabulary import MONTH_NAMES
from data_sources.sources.cbp_common import integer_counts

# sheet name → (canonical schema, the sheet's columns after "Fiscal Year" and "Month")
SHEETS: dict[str, tuple[pa.DataFrameSchema, dict[str, str]]] = {
    "Monthly Region": (OHSS_USBP_REGION, {"Region": "region"}),
    "Monthly Rgn and Sector": (OHSS_USBP_SECTOR, {"Region": "region", "Sector": "sector"}),
    "Monthly Rgn and Citp": (OHSS_USBP_CITIZENSHIP, {"Region": "region", "Citizenship": "citizenship"}),
    "Monthly Rgn and Fam Status": (
        OHSS_USBP_FAMILY_STATUS,
        {"Region": "region", "Family Status": "family_status"},
    ),
}
MAX_UNCOMPRESSED_BYTES = 300_000_000  # the real workbook unpacks to about 12 MB
MAX_COMPRESSION_RATIO = 200  # zip bombs compress thousands to one; real sheets about 10 to one
MAX_SHEET_ROWS = 100_000  # the largest monthly sheet has about 15,000 rows (FY2000–FY2025)
MAX_SHEET_COLUMNS = 10  # the monthly sheets have at most 5 columns
PARSE_SECONDS = 60
EXPECTED_COLUMNS = ("Fiscal Year", "Month", "Region", "Sector", "Citizenship", "Family Status", "Quantity")


def _newest_key(match: re.Match[str]) -> tuple[int, ...]:
    return (int(match["fy"]), int(match["month"]))


def _months(fiscal_year: pd.Series, month_text: pd.Series) -> pd.Series:
    """'03 December' in FY2024 → 2023-12-01, checking the number agrees with the name."""
    parts = month_text.str.strip().str.extract(r"^(?P<number>\d{1,2})\s+(?P<name>[A-Za-z]+)$")
    calendar = parts["name"].str.capitalize().map({n: i + 1 for i, n in enumerate(MONTH_NAMES)})
    if calendar.isna().any():
        raise ParseError(f"unreadable month label {month_text[calendar.isna()].iloc[0]!r}")
    calendar = calendar.astype("int64")
    if (parts["number"].astype("int64") != fiscal_month_number(calendar)).any():
        raise ParseError("month numbers do not match month names (expected fiscal-month order)")
    return month_from_fiscal(fiscal_year, calendar)


def _sheet_table(raw: pd.DataFrame, schema: pa.DataFrameSchema, dimensions: dict[str, str]) -> pd.DataFrame:
    raw = raw.rename(columns=lambda c: " ".join(str(c).split()))
    missing = [c for c in ("Fiscal Year", "Month", *dimensions, "Quantity") if c not in raw.columns]
    if missing:
        raise ParseError(f"sheet is missing columns {missing}; found {list(raw.columns)}")
    raw = raw.dropna(how="all")
    fiscal_year = integer_counts(raw["Fiscal Year"].astype(str).str.replace(r"\.0$", "", regex=True))
    table = pd.DataFrame(
        {
            "month": _months(fiscal_year, raw["Month"].astype(str)),
            "fiscal_year": fiscal_year,
            **{new: raw[old].astype(str).str.strip() for old, new in dimensions.items()},
            "encounters": integer_counts(raw["Quantity"].astype(str).str.replace(r"\.0$", "", regex=True)),
        }
    )
    table = table.sort_values(key_of(schema)).reset_index(drop=True)
    return validate(schema, table)


def _refuse_zip_bombs(path: Path) -> None:
    """Check the archive's declared sizes, then count each sheet's rows, before openpyxl parses anything."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        unpacked = sum(m.file_size for m in members)
        packed = max(sum(m.compress_size for m in members), 1)
        if unpacked > MAX_UNCOMPRESSED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
            raise ParseError(f"refusing a workbook that unpacks to {unpacked:,} bytes from {packed:,} (a zip bomb?)")
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                _refuse_long_sheet(archive, member)


def _refuse_long_sheet(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Count `<row` tags while inflating in chunks (fast, constant memory): a sheet over the row bound
    is refused before any cell is parsed."""
    rows, tail = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            rows += window.count(b"<row ") + window.count(b"<row>")
            tail = window[-5:]
            rows -= tail.count(b"<row ") + tail.count(b"<row>")  # counted again with the next chunk
            if rows > MAX_SHEET_ROWS:
                raise ParseError(f"a sheet has more than {MAX_SHEET_ROWS:,} rows (the row bound); refused")


def parse(path: Path) -> dict[str, pd.DataFrame]:
    """Workbook → one canonical table per monthly region cross-tab sheet."""
    if not zipfile.is_zipfile(path):
        raise ParseError("not an Excel workbook (.xlsx files are zip archives; an HTML page?)")
    _refuse_zip_bombs(path)
    raw = _read_sheets(path)
    tables = {}
    for sheet, (schema, dimensions) in SHEETS.items():
        try:
            tables[str(schema.name)] = _sheet_table(raw[sheet], schema, dimensions)
        except ParseError as error:
            raise ParseError(f"sheet {sheet!r}: {error}") from error
    return tables


def _read_sheets(path: Path) -> dict[str, pd.DataFrame]:
    """The monthly sheets, read within the declared bounds of rows, columns and time.

    A workbook can stay inside the zip limits and still cost gigabytes: a sheet of a million rows
    with one cell in its last column (XFD) makes a reader that pads rows allocate 16,384 cells per
    row. Reading at most `MAX_SHEET_COLUMNS` columns and `MAX_SHEET_ROWS` rows, against a clock,
    keeps any file's cost bounded; a refusal says which bound was hit.
    """
    deadline = time.monotonic() + PARSE_SECONDS
    with path.open("rb") as handle:  # a file object: openpyxl would judge a path by its extension
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise ParseError(f"unreadable workbook: {error}") from error
        try:
            missing = [s for s in SHEETS if s not in book.sheetnames]
            if missing:
                raise ParseError(f"workbook is missing sheets {missing}; found {book.sheetnames[:20]}")
            return {sheet: _bounded_sheet(book[sheet], deadline) for sheet in SHEETS}
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise ParseError(f"unreadable workbook: {error}") from error
        finally:
            book.close()


def _bounded_sheet(sheet: Any, deadline: float) -> pd.DataFrame:
    rows = sheet.iter_rows(values_only=True, max_col=MAX_SHEET_COLUMNS)
    header = [str(c) if c is not None else "" for c in next(rows, ())]
    data = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_SHEET_ROWS:
            raise ParseError(f"sheet {sheet.title!r} has more than {MAX_SHEET_ROWS:,} rows (the row bound); refused")
        if number % 1_000 == 0 and time.monotonic() > deadline:
            raise ParseError(f"reading the workbook took over {PARSE_SECONDS} s (the time bound); refused")
        data.append(row)
    return pd.DataFrame(data, columns=header, dtype=object)


SOURCE = Source(
    key="ohss_usbp",
    title="Key Homeland Security Metrics: CBP Encounters (USBP)",
    publisher="DHS Office of Homeland Security Statistics (OHSS)",
    landing_page="https://ohss.dhs.gov/khsm/cbp-encounters",
    description="U.S. Border Patrol encounters every month since FY2000, by border region, "
    "sector, citizenship and family status.",
    expected_columns=EXPECTED_COLUMNS,
    expected_sheets=tuple(SHEETS),
    parse=parse,
    max_bytes=50_000_000,
    coverage_note="FY2000 (October 1999) to the workbook's data month",
    caveats=(
        "Border Patrol only: no OFO (port of entry) encounters.",
        "Quantities are rounded to the nearest 10 by OHSS.",
        "Sheets are separate cross-tabulations: totals of different sheets are not additive.",
    ),
    link_rule=LinkRule(
        pattern=re.compile(r"usbp[^/]*fy(?P<fy>\d{2})m(?P<month>\d{1,2})[^/]*\.xlsx$", re.IGNORECASE),
        newest_key=_newest_key,
    ),
    release_cadence_days=120,
    rounded_to=10,
)
