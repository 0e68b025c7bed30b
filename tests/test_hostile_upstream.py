"""A hostile or broken upstream, served from 127.0.0.1: incomplete files are refused with their
reason, one bad source never stops the others, nothing is unbounded, names from outside are safe."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from werkzeug import Response

from data_sources.acquire import memory, refresh
from data_sources.acquire.fetch import Fetcher, FetchSettings
from data_sources.acquire.filing import import_file
from data_sources.acquire.refresh import refresh_source
from data_sources.cli import main
from data_sources.sources.registry import SOURCES, get_source
from tests.conftest import REPO, revised_sbo_file, source_file
from tests.hostile_files import damaged_workbook, sparse_workbook, workbook_without
from tests.test_refresh import OHSS_LANDING, SBO_FILE, SBO_LANDING, serve_sbo_landing, snapshot_bytes

SBO = get_source("cbp_sbo")


def sbo_variant(folder: Path, change: str) -> Path:
    """The real CBP file, altered the way a broken or hostile release would be."""
    lines = source_file("cbp_sbo").read_text().splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    if change == "last month half missing":  # August 2025, the file's last month, loses its OFO rows
        rows = [r for r in rows if not (r.startswith("2025") and ",AUG," in r and "Office of Field" in r)]
    elif change == "OFO removed":
        rows = [r for r in rows if "Office of Field" not in r]
    elif change == "every count ×1000":
        rows = [r.rstrip("\n").rsplit(",", 1)[0] + f",{int(r.rstrip().rsplit(',', 1)[1]) * 1000}\n" for r in rows]
    elif change.startswith("one count of 1e18"):
        month = ",AUG," if "latest" in change else ",OCT,"
        at = next(i for i, r in enumerate(rows) if r.startswith("2025") and month in r)
        rows[at] = rows[at].rstrip("\n").rsplit(",", 1)[0] + ",1000000000000000000\n"
    path = folder / "sbo.csv"
    path.write_text(header + "".join(rows))
    return path


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("last month half missing", "the last month 2025-08 has no component ['Office of Field Operations']"),
        ("OFO removed", "lost component"),
        ("every count ×1000", "total moved"),
        ("one count of 1e18 in an old month", "total moved"),
        ("one count of 1e18 in the latest month", "implausible"),
    ],
)
def test_incomplete_or_implausible_vintage_is_refused_with_its_reason(store, tmp_path, change, reason):
    before = snapshot_bytes(store, "cbp_sbo")
    outcome = import_file(store, SBO, sbo_variant(tmp_path, change), vintage="2025-10")
    assert outcome.status == "failed" and reason in outcome.message, outcome.message
    assert len(outcome.message) <= 500
    assert snapshot_bytes(store, "cbp_sbo") == before
    assert len(store.all("cbp_sbo")) == 1


def test_a_first_file_whose_last_month_is_half_missing_is_refused(empty_store, tmp_path):
    outcome = import_file(empty_store, SBO, sbo_variant(tmp_path, "last month half missing"))
    assert outcome.status == "failed" and "the last month 2025-08 has no component" in outcome.message
    assert "cut short" in outcome.message and empty_store.current("cbp_sbo") is None


def test_force_files_a_refused_vintage_for_inspection_without_making_it_current(store, tmp_path):
    before = store.current("cbp_sbo")
    outcome = import_file(store, SBO, sbo_variant(tmp_path, "OFO removed"), vintage="2025-10", force=True)
    assert outcome.status == "updated" and "not current" in outcome.message
    assert store.current("cbp_sbo") == before
    assert [s.vintage for s in store.all("cbp_sbo")] == [before.vintage, "2025-10"]


def test_the_import_force_flag_files_a_refused_file_as_a_non_current_vintage(store, tmp_path, capsys):
    before, current_bytes = store.current("cbp_sbo"), snapshot_bytes(store, "cbp_sbo")
    refused = sbo_variant(tmp_path, "OFO removed")
    assert main(["import", "cbp_sbo", str(refused), "--vintage", "2025-10"]) == 1
    assert "lost component" in capsys.readouterr().out and len(store.all("cbp_sbo")) == 1
    assert main(["import", "cbp_sbo", str(refused), "--vintage", "2025-10", "--force"]) == 0
    assert capsys.readouterr().out == "cbp_sbo: updated: filed for inspection, not current: as vintage 2025-10\n"
    assert store.current("cbp_sbo") == before and snapshot_bytes(store, "cbp_sbo") == current_bytes
    filed = store.all("cbp_sbo")
    assert [s.vintage for s in filed] == [before.vintage, "2025-10"]
    assert store.file_path(filed[1]).read_bytes() == refused.read_bytes()


@pytest.mark.parametrize("vintage", ["../../escape", "a/b", "2024-13", "0999-01", "9999-01", "2024-1"])
def test_import_vintage_must_be_a_plausible_month(store, tmp_path, vintage):
    outcome = import_file(store, SBO, source_file("cbp_sbo"), vintage=vintage)
    assert outcome.status == "failed" and "vintage must be" in outcome.message
    assert not list(store.root.parent.rglob("escape*")) and not (store.root / "cbp_sbo" / "a").exists()
    assert main(["status"]) in (0, 1)  # status still reads the store


@pytest.mark.parametrize("date", ["Mon, 15 Sep 0999 18:00:00 GMT", "Wed, 15 Sep 9999 18:00:00 GMT"])
def test_last_modified_outside_plausible_years_is_not_a_vintage(empty_store, fetcher, mirror, date):
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_data(
        source_file("cbp_sbo").read_bytes(), headers={"Last-Modified": date}
    )
    outcome = refresh_source(empty_store, SBO, fetcher)
    assert outcome.status == "updated"
    assert outcome.snapshot.vintage == refresh.utc_now().strftime("%Y-%m")
    assert outcome.snapshot.last_modified == date  # kept as the server said it, but not taken for a release month


def test_one_bad_source_never_stops_the_others(cache_dir, mirror, capsys):
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_response(
        Response(status=302, headers={"Location": "file:///etc/passwd"})
    )
    mirror.expect_request(OHSS_LANDING).respond_with_response(Response(status=302, headers={"Location": OHSS_LANDING}))
    assert main(["refresh"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == list(SOURCES)  # every source was tried and reported
    said = dict(line.split(": ", 1) for line in lines)
    assert "non-web address" in said["cbp_sbo"]
    assert "redirected more than" in said["ohss_usbp"]
    assert all(len(line) < 600 and "Traceback" not in line for line in lines)
    assert {r.path for r, _ in mirror.log} >= {SBO_LANDING, SBO_FILE, OHSS_LANDING}


def test_redirect_to_another_host_is_refused_before_it_is_contacted(store, fetcher, mirror):
    with socket.socket() as elsewhere:
        elsewhere.bind(("127.0.0.2", 0))
        elsewhere.listen(1)
        elsewhere.settimeout(0.5)
        port = elsewhere.getsockname()[1]
        serve_sbo_landing(mirror)
        mirror.expect_request(SBO_FILE).respond_with_response(
            Response(status=302, headers={"Location": f"http://127.0.0.2:{port}/corrected.csv"})
        )
        outcome = refresh_source(store, SBO, fetcher)
        assert outcome.status == "failed" and "not a registered host" in outcome.message
        with pytest.raises(TimeoutError):
            elsewhere.accept()  # nobody ever connected


def test_a_trickling_server_is_cut_off_at_the_deadline(store, mirror):
    def trickle():
        yield b"Fiscal Year"
        while True:
            time.sleep(0.1)
            yield b","

    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_response(Response(trickle(), direct_passthrough=True))
    fetcher = Fetcher(FetchSettings(connect_timeout=2, read_timeout=2, retries=0, backoff_factor=0, total_seconds=1))
    started = time.monotonic()
    outcome = refresh_source(store, SBO, fetcher)
    fetcher.close()
    assert outcome.status == "failed" and "took longer than 1 s" in outcome.message
    assert time.monotonic() - started < 10


def test_a_second_refresh_says_the_first_is_running(store, fetcher, monkeypatch):
    monkeypatch.setattr(refresh, "LOCK_WAIT_SECONDS", 0.2)
    with store.lock("cbp_sbo"):
        outcome = refresh_source(store, SBO, fetcher)
    assert outcome.status == "failed" and "another refresh or import of this source is running" in outcome.message


def test_empty_and_encrypted_files_are_refused_with_a_reason(store, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "does not look like" in import_file(store, SBO, empty).message
    fake_xlsx = tmp_path / "book.xlsx"
    fake_xlsx.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # an encrypted (OLE) workbook
    outcome = import_file(store, replace(get_source("ohss_usbp")), fake_xlsx)
    assert outcome.status == "failed" and "Traceback" not in outcome.message


@pytest.mark.parametrize("rows", [1_000_000, 2_000])
def test_a_sparse_workbook_is_refused_within_bounds(store, tmp_path, rows):
    """Inside the zip limits, yet a row-padding reader would need gigabytes (see tests/benchmarks)."""
    before = snapshot_bytes(store, "ohss_usbp")
    outcome = import_file(store, get_source("ohss_usbp"), sparse_workbook(tmp_path / "book.xlsx", rows))
    assert outcome.status == "failed" and len(outcome.message) <= 500
    if rows > 100_000:
        assert "row bound" in outcome.message
    assert snapshot_bytes(store, "ohss_usbp") == before


OHSS = get_source("ohss_usbp")


@pytest.mark.parametrize(
    ("sheet", "value", "reason"),
    [
        ("Monthly Rgn and Sector", "Big Bend, TX", "ohss_usbp_sector: 2024-03 lost sector ['Big Bend, TX']"),
        ("Monthly Rgn and Citp", "Romania", "ohss_usbp_citizenship: 2024-03 lost citizenship ['Romania']"),
    ],
)
def test_a_vintage_that_loses_a_sector_or_citizenship_in_one_month_is_refused(store, tmp_path, sheet, value, reason):
    """Sectors (21) and citizenships (135) are too many for a rule of thumb: every declared category counts."""
    before = snapshot_bytes(store, "ohss_usbp")

    def march_2024(row: tuple) -> bool:  # FY2024's sixth month
        return str(row[0]) == "2024" and row[1] == "06 March" and row[-2] == value

    variant = workbook_without(source_file("ohss_usbp"), tmp_path / "usbp.xlsx", sheet, march_2024)
    outcome = import_file(store, OHSS, variant, vintage="2025-10")
    assert outcome.status == "failed" and reason in outcome.message, outcome.message
    assert len(outcome.message) <= 500
    assert snapshot_bytes(store, "ohss_usbp") == before and len(store.all("ohss_usbp")) == 1


def test_every_category_of_the_real_files_is_kept_by_the_same_data_rewritten(store, tmp_path):
    """The real workbook, rewritten unchanged, is compared category by category with itself and filed."""
    same = workbook_without(source_file("ohss_usbp"), tmp_path / "usbp.xlsx", "", lambda row: False)
    outcome = import_file(store, OHSS, same, vintage="2025-10")
    assert outcome.status == "updated" and outcome.message == "imported as vintage 2025-10", outcome.message
    for key in ("cbp_sbo", "bts_crossings", "cbp_nationwide"):  # the CSVs, each against itself
        copy = tmp_path / f"{key}.csv"
        copy.write_bytes(source_file(key).read_bytes() + b"\n")
        outcome = import_file(store, get_source(key), copy, vintage="2025-10")
        assert outcome.status == "updated", outcome.message


@pytest.mark.parametrize("damage", ["deflate", "crc"])
def test_a_workbook_with_a_corrupt_sheet_member_is_refused_and_the_others_still_run(store, tmp_path, capsys, damage):
    before = snapshot_bytes(store, "ohss_usbp")
    folder = tmp_path / "downloads"
    folder.mkdir()
    damaged_workbook(source_file("ohss_usbp"), folder / "usbp.xlsx", damage)
    revised_sbo_file(folder)
    assert main(["import-dir", str(folder)]) == 1
    said = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert said["ohss_usbp"].startswith("failed: usbp.xlsx: the file is damaged ("), said
    assert "Traceback" not in said["ohss_usbp"] and len(said["ohss_usbp"]) < 600
    assert said["cbp_sbo"].startswith("updated: from the local folder")
    assert snapshot_bytes(store, "ohss_usbp") == before


def _cli_address_space_mb() -> int:
    """The address space the CLI needs before it reads any file (its libraries loaded), in MB."""
    code = (
        "import io, os\nfrom data_sources.acquire import memory\nos.environ.setdefault(*memory.ARROW_RESERVE)\n"
        "import pandas as pd, data_sources.acquire.filing, data_sources.sources.registry\n"
        "pd.read_csv(io.StringIO('a\\n1\\n'))\n"
        "print(next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmPeak')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return int(result.stdout) // 1024


def test_a_file_over_the_memory_bound_is_refused_in_one_line_and_the_others_still_run(store, tmp_path):
    pytest.importorskip("resource")
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to measure the address space")
    bound = _cli_address_space_mb() + 150  # room to read a small real file, not a 32 MB CSV
    before = snapshot_bytes(store, "cbp_sbo")
    folder = tmp_path / "downloads"
    folder.mkdir()
    lines = source_file("cbp_sbo").read_text().splitlines(keepends=True)
    (folder / "sbo-huge.csv").write_text(lines[0] + "".join(lines[1:]) * 200)  # 32 MB: about 2 GB to parse
    nationwide = source_file("cbp_nationwide").read_text().splitlines(keepends=True)
    nationwide[1] = nationwide[1].rstrip("\n").rsplit(",", 1)[0] + ",13\n"  # a revised count: a new vintage
    (folder / "nationwide.csv").write_text("".join(nationwide))
    result = subprocess.run(
        [sys.executable, "-m", "data_sources", "import-dir", str(folder)],
        cwd=REPO,
        env=os.environ | {memory.LIMIT_ENV: str(bound)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert result.returncode == 1, result.stdout + result.stderr
    assert said["cbp_sbo"] == (
        f"failed: sbo-huge.csv: the file was refused: it needs more memory than the {bound} MB bound"
    ), result.stdout + result.stderr[-2000:]
    assert said["cbp_nationwide"].startswith("updated: from the local folder"), said
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot_bytes(store, "cbp_sbo") == before and len(store.all("cbp_sbo")) == 1
