"""Hostile files generated on the spot (never stored): shared by the tests and the benchmark."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

OHSS_SHEETS = ("Monthly Region", "Monthly Rgn and Sector", "Monthly Rgn and Citp", "Monthly Rgn and Fam Status")


def sparse_workbook(path: Path, rows: int = 1_000_000) -> Path:
    """An OHSS-shaped workbook whose "Monthly Region" sheet holds `rows` rows of one cell in column XFD.

    It passes the zip checks (it compresses about ten to one, like a real sheet) but a reader
    that pads each row to its last column would allocate 16,384 cells per row.
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in OHSS_SHEETS:
        book.create_sheet(name).append(["Fiscal Year", "Month", "Region", "Quantity"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename != "xl/worksheets/sheet1.xml":
                target.writestr(member, source.read(member))
                continue
            with target.open("xl/worksheets/sheet1.xml", "w") as sheet:
                sheet.write(b'<?xml version="1.0" encoding="UTF-8"?>')
                sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                for start in range(1, rows + 1, 10_000):
                    sheet.write(
                        "".join(
                            f'<row r="{r}"><c r="XFD{r}" t="n"><v>{r}</v></c></row>'
                            for r in range(start, min(start + 10_000, rows + 1))
                        ).encode()
                    )
                sheet.write(b"</sheetData></worksheet>")
    plain.unlink()
    return path


def damaged_workbook(source: Path, path: Path, damage: str) -> Path:
    """A copy of a workbook whose first worksheet member is damaged inside an intact zip: its deflate
    data overwritten with bytes no inflater accepts (`"deflate"`) or its recorded CRC-32 wrong (`"crc"`)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        member = next(m for m in archive.infolist() if m.filename.startswith("xl/worksheets/"))
    name = member.filename.encode()
    local = member.header_offset
    if damage == "deflate":
        name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
        start = local + 30 + name_length + extra_length
        data[start : start + 64] = b"\xff" * 64  # a block of the reserved type 3 at once: "invalid block type"
    else:
        wrong = struct.pack("<I", member.CRC ^ 0xFFFFFFFF)
        data[local + 14 : local + 18] = wrong
        central = data.find(b"PK\x01\x02")
        while central != -1:
            length = struct.unpack_from("<H", data, central + 28)[0]
            if bytes(data[central + 46 : central + 46 + length]) == name:
                data[central + 16 : central + 20] = wrong
            central = data.find(b"PK\x01\x02", central + 46)
    path.write_bytes(bytes(data))
    return path


def workbook_without(source: Path, path: Path, sheet: str, drop: Callable[[tuple[Any, ...]], bool]) -> Path:
    """The monthly sheets of a real OHSS workbook, rewritten without the rows of `sheet` that `drop` picks."""
    book = openpyxl.load_workbook(source, read_only=True)
    out = openpyxl.Workbook(write_only=True)
    for name in OHSS_SHEETS:
        target = out.create_sheet(name)
        for row in book[name].iter_rows(values_only=True):
            if name != sheet or not drop(row):
                target.append(row)
    book.close()
    out.save(path)
    return path
