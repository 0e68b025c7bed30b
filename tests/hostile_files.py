"""Hostile files generated on the spot (never stored): shared by the tests and the benchmark."""

from __future__ import annotations

import zipfile
from pathlib import Path

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
