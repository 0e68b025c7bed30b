"""A hostile or broken upstream, served from 127.0.0.1: incomplete files are refused with their
reason, one bad source never stops the others, nothing is unbounded, names from outside are safe."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from pathlib import Path

import pytest
from werkzeug import Response

from data_sources.acquire import refresh
from data_sources.acquire.fetch import Fetcher, FetchSettings
from data_sources.acquire.filing import import_file
from data_sources.acquire.refresh import refresh_source
from data_sources.cli import main
from data_sources.sources.registry import SOURCES, get_source
from tests.conftest import source_file
from tests.hostile_files import sparse_workbook
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


@pytest.mark.parametrize("vintage", ["../../escape", "a/b", "2024-13", "0999-01", "9999-01", "2024-1"])
def test_import_vintage_must_be_a_plausible_month(store, tmp_path, vintage):
    outcome = import_file(store, SBO, source_file("cbp_sbo"), vintage=vintage)
    assert outcome.status == "failed" and "vintage must be" in outcome.message
    assert not list(store.root.parent.rglob("escape*")) and not (store.root / "cbp_sbo" / "a").exists()
    assert main(["status"]) in (0, 1)  # status still reads the store


def test_last_modified_outside_plausible_years_is_not_a_vintage(empty_store, fetcher, mirror):
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_data(
        source_file("cbp_sbo").read_bytes(), headers={"Last-Modified": "Mon, 15 Sep 0999 18:00:00 GMT"}
    )
    outcome = refresh_source(empty_store, SBO, fetcher)
    assert outcome.status == "updated"
    assert outcome.snapshot.vintage == refresh.utc_now().strftime("%Y-%m")


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
