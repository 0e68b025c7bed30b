"""The reference lists say things in the project's own words, not in the research folder's.

Facts may be carried over from the research lists (`data/events/`, `data/hemisphere/` in `../shared` or
`$BORDER_SHARED_DIR`): ids, dates, numbers, who published what, source titles and URLs. The prose around
them (descriptions, places as written, measures, notes) is written for this project. Two checks: no prose
cell of 30 or more characters is one of the research lists' cells, and no prose cell shares a run of 12
or more consecutive words with a prose cell of the research lists (case and whitespace ignored).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO, missing, shared_dir

REFERENCE = REPO / "data_sources" / "reference"
RESEARCH_LISTS = ("events", "hemisphere")
MIN_CHARS = 30
RUN_WORDS = 12
# Columns that cite or identify rather than describe: the same text on both sides is the point.
CITATION_COLUMNS = {
    "publisher",
    "published_by",
    "reported_by",
    "estimated_by",
    "source",
    "source_publisher",
    "source_kind",
    "status",
    "geography",  # a fixed place label ("U.S.-Mexico (Southwest) border"), shared by design
}


def is_prose_column(column: str) -> bool:
    name = column.strip().lower()
    return not (name in CITATION_COLUMNS or name == "id" or name.endswith(("_id", "_url", "_title", "_code", "_date")))


def is_text(cell: str) -> bool:
    """Words, not a code, number or address: at least one letter and one space."""
    return any(ch.isalpha() for ch in cell) and " " in cell.strip()


def normal(text: str) -> str:
    return " ".join(text.lower().split())


def words(text: str) -> list[str]:
    return normal(text).split(" ")


def runs(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + RUN_WORDS]) for i in range(len(tokens) - RUN_WORDS + 1)}


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def prose_cells(path: Path) -> list[tuple[str, int, str]]:
    """(column, row number, text) for every prose cell of a list."""
    return [
        (column, number, cell)
        for number, row in enumerate(rows(path), start=2)
        for column, cell in row.items()
        if column and cell and is_prose_column(column) and is_text(cell)
    ]


@cache
def _research_files() -> tuple[Path, ...] | None:
    folders = [shared_dir() / "data" / name for name in RESEARCH_LISTS]
    if not all(folder.is_dir() for folder in folders) or not (folders[0] / "events.csv").is_file():
        return None
    return tuple(sorted(path for folder in folders for path in folder.rglob("*.csv")))


def research_files() -> tuple[Path, ...]:
    files = _research_files()
    if files is None:
        missing(f"research lists not found under {shared_dir() / 'data'} ({', '.join(RESEARCH_LISTS)})")
    assert files is not None
    return files


@cache
def research_cells() -> frozenset[str]:
    """Every cell of every research list, normalised."""
    cells: set[str] = set()
    for path in research_files():
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells |= {normal(cell) for row in csv.reader(handle) for cell in row}
    return frozenset(cells)


@cache
def research_runs() -> frozenset[tuple[str, ...]]:
    """Every run of RUN_WORDS words in the research lists' prose."""
    found: set[tuple[str, ...]] = set()
    for path in research_files():
        for _column, _number, text in prose_cells(path):
            found |= runs(text)
    return frozenset(found)


REFERENCE_LISTS = sorted(REFERENCE.glob("*.csv"))


def test_the_reference_lists_are_found():
    assert {"events.csv", "published_figures.csv", "caravans.csv", "hemisphere_figures.csv"} <= {
        path.name for path in REFERENCE_LISTS
    }


@pytest.mark.parametrize("path", REFERENCE_LISTS, ids=[path.name for path in REFERENCE_LISTS])
def test_no_prose_cell_is_a_cell_of_the_research_lists(path: Path):
    theirs = research_cells()
    copied = [
        f"{path.name}:{number} {column}: {text[:60]}"
        for column, number, text in prose_cells(path)
        if len(text.strip()) >= MIN_CHARS and normal(text) in theirs
    ]
    assert copied == []


@pytest.mark.parametrize("path", REFERENCE_LISTS, ids=[path.name for path in REFERENCE_LISTS])
def test_no_prose_cell_shares_a_run_of_words_with_the_research_lists(path: Path):
    theirs = research_runs()
    shared = [
        f"{path.name}:{number} {column}: …{' '.join(next(iter(runs(text) & theirs)))}…"
        for column, number, text in prose_cells(path)
        if runs(text) & theirs
    ]
    assert shared == []
