"""A store fills itself from a folder of files as published (recognised by content), else from the
publishers, else says what is missing; and the repository carries no copied data."""

from __future__ import annotations

import bz2
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from data_sources.acquire import local_folder
from data_sources.acquire.fetch import Fetcher, FetchSettings
from data_sources.acquire.fill import fill_missing
from data_sources.acquire.local_folder import DATA_DIR_ENV, import_folder, recognise
from data_sources.acquire.snapshots import SnapshotStore, sha256_of
from data_sources.cli import main
from data_sources.sources.registry import SOURCES
from tests.conftest import REPO, fixture_file, missing, shared_dir, source_file
from tests.test_hemisphere_source import r_file, tiny
from tests.test_refresh import SBO_FILE, serve_sbo_landing

DATA_SUFFIXES = {".csv", ".xlsx", ".xls", ".json", ".parquet", ".rda", ".7z", ".zip", ".gz", ".txt", ".tsv"}


def tracked_files() -> list[str]:
    try:
        listing = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [name for name in listing.stdout.decode().split("\0") if name]


def test_no_data_file_is_tracked_under_cache():
    under_cache = [name for name in tracked_files() if name.startswith("cache/")]
    assert under_cache == ["cache/README.md"]


def test_no_tracked_file_is_a_copy_of_a_shared_data_file():
    folders = [shared_dir() / "data" / "raw", shared_dir() / "data" / "hemisphere" / "iom-gdidata"]
    if not all(folder.is_dir() for folder in folders):
        missing(f"research data folders not found under {shared_dir()}")
    shared = {sha256_of(path) for folder in folders for path in folder.iterdir() if path.is_file()}
    tracked = {name: sha256_of(REPO / name) for name in tracked_files() if (REPO / name).is_file()}
    assert [name for name, digest in tracked.items() if digest in shared] == []


def test_no_news_quote_columns_in_reference_lists():
    for name in tracked_files():
        if name.endswith(".csv"):
            header = (REPO / name).read_text(encoding="utf-8").splitlines()[0]
            assert "quote" not in header.lower(), name


@pytest.fixture
def renamed_folder(tmp_path: Path) -> Path:
    """The pinned files under meaningless names, plus files that belong to no source."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    for number, key in enumerate(SOURCES):
        shutil.copyfile(source_file(key), folder / f"download ({number}).bin")
    (folder / "notes.csv").write_text("Name,Value\nfoo,1\n")
    (folder / "archive.7z").write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\0" * 32)
    (folder / "empty.csv").write_bytes(b"")
    return folder


def test_files_are_recognised_by_content_and_filed_with_provenance(renamed_folder, empty_store):
    outcomes = import_folder(empty_store, renamed_folder, SOURCES)
    by_key = {o.source_key: o for o in outcomes}
    for key, source in SOURCES.items():
        snapshot = empty_store.current(key)
        assert by_key[key].status == "updated" and snapshot is not None
        assert snapshot.method == "local-folder"
        assert snapshot.url in (source.landing_page, source.download_url)
        assert str(renamed_folder) in snapshot.note and "local folder" in snapshot.note
        assert snapshot.sha256 == sha256_of(source_file(key))
        assert snapshot.size_bytes == source_file(key).stat().st_size
        assert snapshot.coverage_start <= snapshot.coverage_end < snapshot.vintage
    skipped = {o.source_key: o.message for o in outcomes if o.status == "skipped"}
    assert set(skipped) == {"notes.csv", "archive.7z", "empty.csv"}
    assert "matches no source" in skipped["notes.csv"] and "7z archive" in skipped["archive.7z"]


def test_two_files_of_one_source_become_two_vintages_latest_current(tmp_path, empty_store):
    folder = tmp_path / "two"
    folder.mkdir()
    full = source_file("cbp_sbo").read_text().splitlines(keepends=True)
    earlier = [line for line in full if ",AUG," not in line or "2025" not in line.split(",")[0]]
    (folder / "a-latest.csv").write_text("".join(full))
    (folder / "z-earlier.csv").write_text("".join(earlier))  # named to sort last: order must come from coverage
    outcomes = import_folder(empty_store, folder, SOURCES)
    assert [o.status for o in outcomes] == ["updated", "updated"]
    assert sorted(s.coverage_end for s in empty_store.all("cbp_sbo")) == ["2025-07", "2025-08"]
    assert empty_store.current("cbp_sbo").coverage_end == "2025-08"
    assert empty_store.current("cbp_sbo").sha256 == sha256_of(folder / "a-latest.csv")


def test_importing_the_same_folder_twice_files_nothing_new(renamed_folder, empty_store):
    import_folder(empty_store, renamed_folder, SOURCES)
    again = [o for o in import_folder(empty_store, renamed_folder, SOURCES) if o.source_key in SOURCES]
    assert {o.status for o in again} == {"unchanged"}
    assert all(len(empty_store.all(key)) == 1 for key in SOURCES)


@pytest.mark.parametrize("damage", ["cut mid-row", "wrong file"])
def test_truncated_or_wrong_file_is_refused_and_store_unchanged(store, tmp_path, damage):
    published = source_file("cbp_sbo").read_bytes()
    folder = tmp_path / "bad"
    folder.mkdir()
    if damage == "cut mid-row":
        body = published[: len(published) * 2 // 3]
        body = body[: body.rindex(b",") + 1]  # ends inside a row: its count is missing
    else:
        header = published.split(b"\n", 1)[0]
        body = header + b"\n2025 (FYTD),FYTD,SEP,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,lots\n"
    (folder / "sbo.csv").write_bytes(body)
    before = {key: store.current(key) for key in SOURCES}
    outcomes = import_folder(store, folder, SOURCES)
    assert [o.status for o in outcomes] == ["failed"]
    assert "does not look like" in outcomes[0].message
    assert {key: store.current(key) for key in SOURCES} == before
    assert len(store.all("cbp_sbo")) == 1


def test_recognition_reads_content_not_names(tmp_path):
    csv_named_xlsx = tmp_path / "encounters.xlsx"
    shutil.copyfile(source_file("cbp_sbo"), csv_named_xlsx)
    assert recognise(csv_named_xlsx, SOURCES).source is SOURCES["cbp_sbo"]
    html = tmp_path / "sbo-encounters-fy22-fy25-aug.csv"
    html.write_text("<!DOCTYPE html><html><body>Access denied</body></html>")
    assert recognise(html, SOURCES).source is None


def offline_fetcher() -> Fetcher:
    """No network: every publisher is unreachable (a closed port on 127.0.0.1), with no retries."""
    return Fetcher(FetchSettings(connect_timeout=1, read_timeout=1, retries=0, backoff_factor=0))


def test_fill_takes_the_folder_then_the_publishers_then_says_what_is_missing(tmp_path, empty_store, monkeypatch):
    monkeypatch.setenv("BORDER_DATA_MIRROR", "http://127.0.0.1:9")
    folder = tmp_path / "partial"
    folder.mkdir()
    shutil.copyfile(source_file("cbp_sbo"), folder / "one.csv")
    shutil.copyfile(source_file("ohss_usbp"), folder / "two.xlsx")
    outcomes = fill_missing(empty_store, SOURCES, folder, offline_fetcher)
    assert [o.source_key for o in outcomes] == list(SOURCES)  # one line per source
    lines = {o.source_key: (o.status, o.message) for o in outcomes}
    assert lines["cbp_sbo"][0] == lines["ohss_usbp"][0] == "updated"
    assert lines["cbp_sbo"][1].startswith("from the local folder")
    for key in ("cbp_nationwide", "bts_crossings"):
        status, message = lines[key]
        assert status == "failed" and empty_store.current(key) is None
        assert "could not connect" in message and f"python -m data_sources refresh {key}" in message
    again = fill_missing(empty_store, SOURCES, folder, None)  # a second start: nothing re-imported
    assert {o.source_key: o.status for o in again}["cbp_sbo"] == "unchanged"


def test_fill_command_prints_one_line_per_source(renamed_folder, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BORDER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(DATA_DIR_ENV, str(renamed_folder))
    assert main(["fill", "--offline"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for key in SOURCES:
        assert sum(line.startswith(f"{key}: updated: from the local folder") for line in lines) == 1
    assert SnapshotStore(tmp_path / "cache" / "raw").current("bts_crossings") is not None


def test_fill_command_without_any_data_names_each_missing_dataset(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BORDER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "no-such-folder"))
    assert main(["fill", "--offline"]) == 1
    out = capsys.readouterr().out
    for key in SOURCES:
        assert f"{key}: failed: no data yet" in out and f"python -m data_sources import {key} FILE" in out


def test_r_data_files_are_recognised_by_their_objects_whatever_their_name(tmp_path):
    renamed = tmp_path / "download (7).bin"
    shutil.copyfile(source_file("iom_darien"), renamed)
    assert recognise(renamed, SOURCES).source is SOURCES["iom_darien"]
    mexico = tmp_path / "data.rda"
    shutil.copyfile(source_file("iom_mexico"), mexico)
    assert recognise(mexico, SOURCES).source is SOURCES["iom_mexico"]
    for compression in ("gzip", "xz"):  # however R compressed it
        made = r_file(tmp_path / f"made-{compression}", tiny(), compression=compression)
        assert recognise(made, SOURCES).source is SOURCES["iom_darien"]


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("iom_darien_csv_conversion", "header row matches no source"),  # a third party's conversion, not the file
        ("iom_darien_by_sex_and_age", "an R data file whose objects match no source (objects: irreg_darien_dmg)"),
    ],
)
def test_conversions_and_other_r_objects_are_not_taken_for_a_source(tmp_path, fixture, reason):
    found = recognise(fixture_file(fixture), SOURCES)
    assert found.source is None and reason in found.reason


def test_compressed_files_that_are_not_r_data_stay_archives(tmp_path):
    text = tmp_path / "notes.bz2"
    text.write_bytes(bz2.compress(b"Fiscal Year,Month\n"))
    found = recognise(text, SOURCES)
    assert found.source is None and "bzip2 archive" in found.reason


def test_fill_reads_every_folder_the_data_dir_names(tmp_path, monkeypatch, capsys):
    """BORDER_DATA_DIR takes several folders (separated as in PATH): the U.S. files in one, IOM's in another."""
    us, hemisphere = tmp_path / "us", tmp_path / "hemisphere"
    for folder, keys in (
        (us, [k for k in SOURCES if not k.startswith("iom_")]),
        (hemisphere, ["iom_darien", "iom_mexico"]),
    ):
        folder.mkdir()
        for key in keys:
            shutil.copyfile(source_file(key), folder / source_file(key).name)
    shutil.copyfile(fixture_file("iom_darien_csv_conversion"), hemisphere / "irreg_darien_nat.csv")
    monkeypatch.setenv("BORDER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(DATA_DIR_ENV, f"{us}{os.pathsep}{hemisphere}")
    assert main(["fill", "--offline"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for key in SOURCES:
        assert sum(line.startswith(f"{key}: updated: from the local folder") for line in lines) == 1, key
    assert any(line.startswith("irreg_darien_nat.csv: skipped: its header row matches no source") for line in lines)


def test_without_a_data_dir_the_development_copies_that_exist_are_used(tmp_path, monkeypatch):
    raw, hemisphere = tmp_path / "raw", tmp_path / "iom-gdidata"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setattr(local_folder, "DEVELOPMENT_DATA_DIRS", (raw, hemisphere))
    raw.mkdir()
    assert local_folder.data_dirs() == [raw]
    hemisphere.mkdir()
    assert local_folder.data_dirs() == [raw, hemisphere]


def test_fill_gets_what_no_folder_holds_from_the_publisher(tmp_path, empty_store, mirror, fetcher):
    """An empty folder: CBP's file comes from its publisher (a 127.0.0.1 server answering as cbp.gov),
    and its line says so; sources the server does not hold are named with the command that gets them."""
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_data(source_file("cbp_sbo").read_bytes(), content_type="text/csv")
    empty = tmp_path / "empty"
    empty.mkdir()
    outcomes = {
        o.source_key: o for o in fill_missing(empty_store, {"cbp_sbo": SOURCES["cbp_sbo"]}, empty, lambda: fetcher)
    }
    assert outcomes["cbp_sbo"].status == "updated"
    assert outcomes["cbp_sbo"].message.startswith("from the publisher")
    current = empty_store.current("cbp_sbo")
    assert current is not None and current.sha256 == sha256_of(source_file("cbp_sbo"))
