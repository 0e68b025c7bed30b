"""The command line as a person uses it: status, refresh failures, import, export, build."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from data_sources.acquire.fetch import MIRROR_ENV
from data_sources.cli import main
from data_sources.tables.build import load
from tests.conftest import REPO, revised_sbo_file


def test_status_lists_every_source_with_checksum(cache_dir, capsys):
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    for key, coverage in [
        ("cbp_sbo", "2021-10..2025-08"),
        ("ohss_usbp", "1999-10..2024-11"),
        ("cbp_nationwide", "2023-12..2023-12"),
    ]:
        line = next(line for line in out.splitlines() if line.startswith(key))
        assert coverage in line and " ok " in line


def test_status_fails_on_a_corrupted_snapshot(store, capsys):
    current = store.current("ohss_usbp")
    path = store.file_path(current)
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    assert main(["status"]) == 1
    assert "MISMATCH" in capsys.readouterr().out


def test_corrupted_snapshot_falls_back_to_previous_vintage(store, tmp_path):
    revised = revised_sbo_file(tmp_path)
    assert main(["import", "cbp_sbo", str(revised), "--vintage", "2025-10"]) == 0
    newest = store.current("cbp_sbo")
    store.file_path(newest).write_bytes(b"corrupted")
    dataset = load(store)
    assert dataset.snapshots["cbp_sbo"].vintage == "2025-09"
    assert any("fails its sha256 check" in w for w in dataset.warnings)


def test_refresh_offline_fails_per_source_and_keeps_snapshots(store, capsys, monkeypatch):
    monkeypatch.setenv(MIRROR_ENV, "http://127.0.0.1:9")  # the discard port: nothing listens
    before = {key: store.current(key) for key in ("cbp_sbo", "ohss_usbp")}
    assert main(["refresh", "cbp_sbo", "ohss_usbp"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        "cbp_sbo: failed: could not connect to 127.0.0.1:9 (offline, or the host is down)",
        "ohss_usbp: failed: could not connect to 127.0.0.1:9 (offline, or the host is down)",
    ]
    assert {key: store.current(key) for key in before} == before


def test_refresh_rejects_unknown_source(cache_dir, capsys):
    assert main(["refresh", "nope"]) == 2
    assert "unknown source" in capsys.readouterr().err


def test_import_rejects_a_file_of_the_wrong_kind(store, tmp_path, capsys):
    page = tmp_path / "download.csv"
    page.write_text("<html><body>Please enable JavaScript</body></html>")
    assert main(["import", "cbp_sbo", str(page)]) == 1
    assert "HTML page" in capsys.readouterr().out
    assert len(store.all("cbp_sbo")) == 1


def test_export_writes_every_table_and_provenance(cache_dir, tmp_path):
    out = tmp_path / "out"
    assert main(["export", "--out", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert {
        "southwest_monthly.csv",
        "reconciliation.csv",
        "cbp_sw_encounters.csv",
        "ohss_usbp_sector.csv",
        "provenance.json",
    } <= names
    provenance = json.loads((out / "provenance.json").read_text())
    sbo = provenance["sources"]["cbp_sbo"]
    assert sbo["snapshot"]["sha256"] == "644a70518bea08884f29483c4aa6aee5fcceadc85a0bd8f09043fa6d356fedc4"
    assert sbo["landing_page"] == "https://www.cbp.gov/document/stats/southwest-land-border-encounters"
    assert provenance["splice_rules"][0]["source"] == "cbp_sbo"


def test_module_runs_as_a_command():
    result = subprocess.run(
        [sys.executable, "-m", "data_sources", "--help"], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert "status" in result.stdout and "refresh" in result.stdout


def test_data_layer_never_imports_streamlit():
    for path in Path(REPO / "data_sources").rglob("*.py"):
        assert not re.search(r"^\s*(import|from) streamlit", path.read_text(), re.MULTILINE), path
