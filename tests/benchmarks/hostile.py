"""Time and memory bounds against hostile input (issue 15), measured, not asserted in the tests.

    .venv/bin/python -m tests.benchmarks.hostile [--runs 5]

Each hostile workbook is imported by the real command line in its own process (as the Data page's
refresh does), so its wall time and peak RSS are that process's own (`os.wait4`). The claim finder
reads 10,000 numbers in one pasted sentence, with and without the cap on claims. Prints a table of
medians with each target and exits non-zero when one is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from data_sources.claims import finder
from tests.hostile_files import sparse_workbook

TARGETS = {"refuse seconds": 5.0, "refuse peak MB": 400.0, "read 10,000 numbers seconds": 2.0}


def import_cost(workbook: Path, cache: Path) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, last line printed) of `python -m data_sources import ohss_usbp …`."""
    env = os.environ | {"BORDER_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "data_sources", "import", "ohss_usbp", str(workbook)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    said = process.stdout.read().strip().splitlines()[-1] if process.stdout else ""
    return elapsed, usage.ru_maxrss / 1024, said


def finder_seconds(numbers: int, capped: bool) -> float:
    sentence = "Agents counted " + ", ".join(f"{n:,} migrants" for n in range(1_000, 1_000 + numbers)) + "."
    started = time.perf_counter()
    finder.find_claims(sentence, "2023-12", cap=capped)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    rows, missed = [], False
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for rows_in_sheet in (1_000_000, 2_000):
            book = sparse_workbook(folder / f"sparse-{rows_in_sheet}.xlsx", rows_in_sheet)
            costs = [import_cost(book, folder / f"cache-{i}") for i in range(runs)]
            seconds = statistics.median(c[0] for c in costs)
            peak = statistics.median(c[1] for c in costs)
            missed |= seconds > TARGETS["refuse seconds"] or peak > TARGETS["refuse peak MB"]
            rows.append((f"refuse sparse workbook, {rows_in_sheet:,} rows (wall)", f"{seconds:.2f} s", "≤ 5 s"))
            rows.append((f"refuse sparse workbook, {rows_in_sheet:,} rows (peak RSS)", f"{peak:.0f} MB", "≤ 400 MB"))
            rows.append(("  its one-line reason", costs[0][2][:90], ""))
    for capped in (True, False):
        seconds = statistics.median(finder_seconds(10_000, capped) for _ in range(runs))
        missed |= seconds > TARGETS["read 10,000 numbers seconds"]
        label = "with the cap on claims" if capped else "every number made a claim (no cap)"
        rows.append((f"claim finder, 10,000 numbers in one sentence, {label}", f"{seconds:.2f} s", "≤ 2 s"))
    print("| measure | median | target |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
