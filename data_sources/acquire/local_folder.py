"""Fill the snapshot store from a folder of files as their publishers released them.

A person who downloaded the files in a browser, or an offline mirror, hands us a folder. Each file
is recognised by what it contains (a CSV's header row, a workbook's sheet names, an API answer's
field names, an R data file's objects and their columns), never by its file name, because browsers
and mirrors rename files. A recognised
file goes through exactly the validation a download does (`refresh.import_file`) and is filed with
provenance: the sidecar says it came from a local folder and names the publisher's page for it.

The release month (vintage) of such a file is not in the file: it is taken as the month after the
last month of data, the earliest month the publisher could have released it, and the sidecar says so.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from data_sources.acquire.filing import FROM_FOLDER, Outcome, import_file
from data_sources.acquire.r_data import r_data_head, read_objects
from data_sources.acquire.snapshots import DATA_DIR_ENV, SnapshotStore, sha256_of
from data_sources.acquire.source import ParseError, Source
from data_sources.acquire.validate import coverage_of

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
DEVELOPMENT_DATA_DIRS = (SHARED_DATA / "raw", SHARED_DATA / "hemisphere" / "iom-gdidata")
HEAD_BYTES = 64 * 1024
WORKBOOK_XML_MAX_BYTES = 1_000_000
ARCHIVE_MAGIC = {
    b"7z\xbc\xaf\x27\x1c": "7z",
    b"\x1f\x8b": "gzip",
    b"Rar!": "rar",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
}
SHEET_NAME = re.compile(r"<(?:\w+:)?sheet\b[^>]*\bname=\"([^\"]*)\"")


@dataclass(frozen=True)
class Recognised:
    """What a file in the folder is: the source it belongs to, or why it belongs to none."""

    path: Path
    source: Source | None
    reason: str = ""


def data_dirs() -> list[Path]:
    """The folders of `BORDER_DATA_DIR` (several separated by `os.pathsep`, as in PATH) if set, else the
    development copies in `../shared/data` (`raw`, and `hemisphere/iom-gdidata`) that exist."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return [Path(part) for part in configured.split(os.pathsep) if part]
    return [folder for folder in DEVELOPMENT_DATA_DIRS if folder.is_dir()]


def recognise(path: Path, sources: Mapping[str, Source]) -> Recognised:
    """The source whose published layout this file has (by content only)."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if r_data_head(path) is not None:  # R data, compressed as a whole or not
        return _by_r_objects(path, sources)
    for magic, kind in ARCHIVE_MAGIC.items():
        if head.startswith(magic):
            return Recognised(path, None, f"a {kind} archive, not a file as a publisher releases it; extract it first")
    if head.startswith(b"PK\x03\x04"):
        return _by_sheets(path, sources)
    if head.lstrip().startswith(b"["):
        return _by_api_fields(path, head, sources)
    return _by_header(path, head, sources)


def _by_header(path: Path, head: bytes, sources: Mapping[str, Source]) -> Recognised:
    try:
        first_line = head.decode("utf-8-sig").splitlines()[0] if head else ""
    except UnicodeDecodeError:
        return Recognised(path, None, "not a text file, a workbook or an API answer")
    columns = {c.strip() for c in next(csv.reader(io.StringIO(first_line)), [])}
    matches = [
        s
        for s in sources.values()
        if not s.expected_sheets and not s.expected_objects and set(s.expected_columns) <= columns
    ]
    if not matches:
        shown = ", ".join(sorted(columns)[:12])[:300]
        return Recognised(path, None, f"its header row matches no source (columns: {shown or 'none'})")
    return Recognised(path, max(matches, key=lambda s: len(s.expected_columns)))


def _by_sheets(path: Path, sources: Mapping[str, Source]) -> Recognised:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > WORKBOOK_XML_MAX_BYTES:
                return Recognised(path, None, "its workbook index is implausibly large")
            sheets = set(SHEET_NAME.findall(archive.read(info).decode("utf-8", errors="replace")))
    except (zipfile.BadZipFile, KeyError):
        return Recognised(path, None, "a zip file that is not an Excel workbook")
    matches = [s for s in sources.values() if s.expected_sheets and set(s.expected_sheets) <= sheets]
    if not matches:
        return Recognised(path, None, f"a workbook whose sheets match no source ({len(sheets)} sheets)")
    return Recognised(path, matches[0])


def _by_r_objects(path: Path, sources: Mapping[str, Source]) -> Recognised:
    """An R data file belongs to the source that declares its objects, each with the declared columns."""
    try:
        objects = read_objects(path)
    except ParseError as error:
        return Recognised(path, None, f"an R data file that cannot be read: {error}")
    columns = {name: set(getattr(value, "columns", ())) for name, value in objects.items()}
    matches = [
        s
        for s in sources.values()
        if s.expected_objects
        and all(set(s.expected_columns) <= columns.get(name, set()) for name in s.expected_objects)
    ]
    if not matches:
        shown = ", ".join(sorted(objects)[:5])[:200]
        return Recognised(path, None, f"an R data file whose objects match no source (objects: {shown or 'none'})")
    return Recognised(path, matches[0])


def _by_api_fields(path: Path, head: bytes, sources: Mapping[str, Source]) -> Recognised:
    text = head.decode("utf-8", errors="replace")
    matches = [s for s in sources.values() if s.soda and all(f'"{field}"' in text for field in s.soda.required_fields)]
    if not matches:
        return Recognised(path, None, "a JSON array whose fields match no source's API")
    return Recognised(path, matches[0])


def recognise_folder(folder: Path, sources: Mapping[str, Source]) -> list[Recognised]:
    """Every visible file directly in `folder`, recognised, in name order."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return [recognise(p, sources) for p in files]


def import_folder(
    store: SnapshotStore, folder: Path, sources: Mapping[str, Source], only: set[str] | None = None
) -> list[Outcome]:
    """File every recognised file in `folder` (for the sources in `only`, if given).

    Files of one source are filed oldest coverage first, so each becomes a vintage and the one with
    the latest coverage ends up current. A file already in the store is reported, not filed again.
    """
    outcomes: list[Outcome] = []
    by_source: dict[str, list[Path]] = {}
    for item in recognise_folder(folder, sources):
        if item.source is None:
            outcomes.append(Outcome(item.path.name, "skipped", item.reason))
        elif only is None or item.source.key in only:
            by_source.setdefault(item.source.key, []).append(item.path)
    for key, paths in by_source.items():
        for path in _oldest_first(sources[key], paths):
            outcomes.append(_import_one(store, sources[key], path, folder))
    return outcomes


def _oldest_first(source: Source, paths: list[Path]) -> list[Path]:
    """Order a source's files by coverage (end, then start), so the latest is filed last."""
    if len(paths) < 2:
        return paths

    def coverage(path: Path) -> tuple[str, str]:
        try:
            start, end = coverage_of(source.parse(path))
        except (ParseError, ValueError, MemoryError):
            return ("", "")  # unreadable: filed (and refused, with its reason) first
        return (end, start)

    return sorted(paths, key=coverage)


def _import_one(store: SnapshotStore, source: Source, path: Path, folder: Path) -> Outcome:
    digest = sha256_of(path)
    known = next((s for s in store.all(source.key) if s.sha256 == digest), None)
    if known is not None:
        return Outcome(source.key, "unchanged", f"{path.name} is already in the store (vintage {known.vintage})", known)
    publisher_url = source.download_url if source.download_url and not source.soda else source.landing_page
    note = (
        f"Imported from the local folder {folder.resolve()} (file {path.name}), recognised by its content as "
        f"{source.title} ({source.publisher}); the publisher's page for it is {source.landing_page}. "
        "Release month estimated as the month after the last month of data."
    )
    outcome = import_file(store, source, path, None, publisher_url, note, method=FROM_FOLDER)
    if outcome.status == "updated" and outcome.snapshot is not None:
        snapshot = outcome.snapshot
        message = f"from the local folder: {path.name}, data {snapshot.coverage_start} to {snapshot.coverage_end}"
        return Outcome(source.key, "updated", message, snapshot)
    return Outcome(source.key, outcome.status, f"{path.name}: {outcome.message}", outcome.snapshot)
