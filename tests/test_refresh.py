"""The fetchers against a real HTTP server on 127.0.0.1 serving the real recorded bytes and faulty
variants of them. Every fault must leave the current snapshot byte-identical and say why."""

from __future__ import annotations

import gzip
import io
import threading
import time
import zlib
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from werkzeug import Request, Response

from data_sources.acquire.fetch import USER_AGENT
from data_sources.acquire.filing import import_file
from data_sources.acquire.refresh import newest_link, refresh_source
from data_sources.acquire.snapshots import SnapshotStore
from data_sources.sources.registry import get_source
from data_sources.tables.build import load
from tests.conftest import revised_sbo_file, source_file

SBO = get_source("cbp_sbo")
OHSS = get_source("ohss_usbp")
SBO_LANDING = "/document/stats/southwest-land-border-encounters"
SBO_FILE = "/sites/default/files/2025-09/sbo-encounters-fy22-fy25-aug.csv"
OHSS_LANDING = "/khsm/cbp-encounters"
OHSS_FILE = "/sites/default/files/2025-01/khsm-cbp-encounters-usbp-fy25m11.xlsx"


def landing_html(*hrefs: str) -> str:
    links = "".join(f'<li><a href="{h}">download</a></li>' for h in hrefs)
    return f"<html><body><h1>Southwest Land Border Encounters</h1><ul>{links}</ul></body></html>"


def serve_sbo_landing(server, file_path: str = SBO_FILE) -> None:
    older = "https://www.cbp.gov/sites/default/files/2025-08/sbo-encounters-fy22-fy25-jul.csv"
    server.expect_request(SBO_LANDING).respond_with_data(
        landing_html(older, f"https://www.cbp.gov{file_path}"), content_type="text/html"
    )


def snapshot_bytes(store: SnapshotStore, key: str) -> bytes:
    current = store.current(key)
    assert current is not None
    return store.file_path(current).read_bytes()


@pytest.fixture(scope="module")
def sbo_bytes() -> bytes:
    return source_file("cbp_sbo").read_bytes()


def _csv_variant(original: bytes, change: str) -> bytes:
    lines = original.decode("utf-8").splitlines(keepends=True)
    if change == "renamed column":
        lines[0] = lines[0].replace("Encounter Count", "Encounters Total")
    elif change == "negative count":
        fields = lines[1].rstrip("\n").split(",")
        lines[1] = ",".join([*fields[:-1], "-5"]) + "\n"
    elif change == "duplicated rows":
        lines.append(lines[1])
    elif change == "truncated file":
        return original[: len(original) // 2]
    return "".join(lines).encode("utf-8")


FAULTS = [
    # (what the server does, words the message must contain)
    ("403", "403"),
    ("404", "404"),
    ("html page", "HTML page"),
    ("renamed column", "Encounter Count"),
    ("negative count", "negative"),
    ("duplicated rows", "share a key"),
    ("truncated file", "not whole numbers"),
    ("oversized", "limit"),
    ("500 forever", "500"),
]


def _serve_fault(server, fault: str, original: bytes) -> None:
    route = server.expect_request(SBO_FILE)
    if fault in ("403", "404", "500 forever"):
        route.respond_with_data("nope", status=int(fault.split()[0]))
    elif fault == "html page":
        route.respond_with_data("<!DOCTYPE html><html><body>Access Denied</body></html>", content_type="text/csv")
    elif fault == "oversized":
        route.respond_with_data(original + original)
    else:
        route.respond_with_data(_csv_variant(original, fault), content_type="text/csv")


@pytest.mark.parametrize(("fault", "explains"), FAULTS)
def test_fault_keeps_current_snapshot(store, fetcher, mirror, sbo_bytes, fault, explains):
    before = snapshot_bytes(store, "cbp_sbo")
    current_before = store.current("cbp_sbo")
    serve_sbo_landing(mirror)
    _serve_fault(mirror, fault, sbo_bytes)
    source = replace(SBO, max_bytes=len(sbo_bytes) + 10) if fault == "oversized" else SBO
    # a different (newer) link so the refresh really tries to replace the snapshot
    outcome = refresh_source(store, source, fetcher)
    assert outcome.status == "failed"
    assert explains in outcome.message
    assert "\n" not in outcome.message
    assert store.current("cbp_sbo") == current_before
    assert snapshot_bytes(store, "cbp_sbo") == before
    assert not list(store.staging_dir("cbp_sbo").iterdir()), "no partial files may remain"


def test_403_offers_the_manual_import(store, fetcher, mirror):
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_data("Access Denied", status=403)
    outcome = refresh_source(store, SBO, fetcher)
    assert "python -m data_sources import cbp_sbo FILE" in outcome.message
    assert SBO.landing_page in outcome.message


@pytest.mark.parametrize("status", [429, 500])
def test_retries_then_succeeds(empty_store, fetcher, mirror, sbo_bytes, status):
    serve_sbo_landing(mirror)
    mirror.expect_oneshot_request(SBO_FILE).respond_with_data("busy", status=status, headers={"Retry-After": "0"})
    mirror.expect_request(SBO_FILE).respond_with_data(sbo_bytes, content_type="text/csv")
    outcome = refresh_source(empty_store, SBO, fetcher)
    assert outcome.status == "updated", outcome.message
    assert snapshot_bytes(empty_store, "cbp_sbo") == sbo_bytes
    assert len([r for r, _ in mirror.log if r.path == SBO_FILE]) == 2


def test_timeout_is_reported_and_harmless(store, fetcher, mirror):
    before = snapshot_bytes(store, "cbp_sbo")
    serve_sbo_landing(mirror)

    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("late")

    mirror.expect_request(SBO_FILE).respond_with_handler(slow)
    outcome = refresh_source(store, SBO, fetcher)
    assert outcome.status == "failed"
    assert "did not answer in time" in outcome.message
    assert snapshot_bytes(store, "cbp_sbo") == before


def test_body_shorter_than_declared_length(store, fetcher, mirror, sbo_bytes):
    serve_sbo_landing(mirror)
    short = Response(iter([sbo_bytes[:1000]]), headers={"Content-Length": str(len(sbo_bytes))}, direct_passthrough=True)
    mirror.expect_request(SBO_FILE).respond_with_response(short)
    outcome = refresh_source(store, SBO, fetcher)
    assert outcome.status == "failed"
    assert "broke off" in outcome.message or "stopped early" in outcome.message


def test_streamed_body_over_the_cap_without_length(store, fetcher, mirror, sbo_bytes):
    serve_sbo_landing(mirror)
    chunks = (sbo_bytes for _ in range(5))
    mirror.expect_request(SBO_FILE).respond_with_response(Response(chunks, direct_passthrough=True))
    outcome = refresh_source(store, replace(SBO, max_bytes=len(sbo_bytes) * 2), fetcher)
    assert outcome.status == "failed"
    assert "limit" in outcome.message


def test_download_files_snapshot_with_provenance(empty_store, fetcher, mirror, sbo_bytes):
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_data(
        sbo_bytes,
        content_type="text/csv",
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 15 Sep 2025 18:00:00 GMT"},
    )
    outcome = refresh_source(empty_store, SBO, fetcher)
    snapshot = outcome.snapshot
    assert outcome.status == "updated"
    assert snapshot is not None
    assert snapshot.url == f"https://www.cbp.gov{SBO_FILE}"  # the published URL, not the mirror's
    assert (snapshot.vintage, snapshot.coverage_start, snapshot.coverage_end) == ("2025-09", "2021-10", "2025-08")
    assert (snapshot.etag, snapshot.size_bytes) == ('"v1"', len(sbo_bytes))
    assert all(r.headers["User-Agent"] == USER_AGENT for r, _ in mirror.log)


def test_unchanged_source_costs_one_small_request(empty_store, fetcher, mirror, sbo_bytes):
    mirror.expect_request(SBO_LANDING, headers={"If-None-Match": '"page-v1"'}).respond_with_data("", status=304)
    mirror.expect_request(SBO_LANDING).respond_with_data(
        landing_html(f"https://www.cbp.gov{SBO_FILE}"), headers={"ETag": '"page-v1"'}
    )
    mirror.expect_request(SBO_FILE).respond_with_data(sbo_bytes, headers={"ETag": '"v1"'})
    assert refresh_source(empty_store, SBO, fetcher).status == "updated"
    requests_before = len(mirror.log)
    second = refresh_source(empty_store, SBO, fetcher)
    assert second.status == "unchanged"
    assert len(mirror.log) - requests_before == 1


def test_changed_page_same_file_uses_conditional_get(empty_store, fetcher, mirror, sbo_bytes):
    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE, headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    mirror.expect_request(SBO_FILE).respond_with_data(sbo_bytes, headers={"ETag": '"v1"'})
    refresh_source(empty_store, SBO, fetcher)
    outcome = refresh_source(empty_store, SBO, fetcher)
    assert outcome.status == "unchanged"
    assert "304" in outcome.message


@pytest.mark.parametrize(
    "evil",
    ["https://evil.example/sbo-encounters-fy22-fy26-jan.csv", "//evil.example/x/sbo-encounters-fy22-fy26-jan.csv"],
)
def test_links_to_unregistered_hosts_are_refused(store, fetcher, mirror, evil):
    before = snapshot_bytes(store, "cbp_sbo")
    mirror.expect_request(SBO_LANDING).respond_with_data(landing_html(evil))
    outcome = refresh_source(store, SBO, fetcher)
    assert outcome.status == "failed"
    assert "not a registered host" in outcome.message
    assert [r.path for r, _ in mirror.log] == [SBO_LANDING]  # nothing else was requested
    assert snapshot_bytes(store, "cbp_sbo") == before


def test_newest_link_picks_latest_release():
    html = landing_html(
        "/sites/default/files/2025-09/sbo-encounters-fy22-fy25-aug.csv",
        "/sites/default/files/2025-11/sbo-encounters-fy23-fy26-oct.csv",
        "/sites/default/files/2025-10/sbo-encounters-fy22-fy25-sep.csv",
        "/sites/default/files/other-report.pdf",
    )
    assert newest_link(SBO, html) == "https://www.cbp.gov/sites/default/files/2025-11/sbo-encounters-fy23-fy26-oct.csv"


def test_no_link_on_landing_page_is_a_clear_failure(store, fetcher, mirror):
    mirror.expect_request(SBO_LANDING).respond_with_data(landing_html("/about"))
    outcome = refresh_source(store, SBO, fetcher)
    assert outcome.status == "failed"
    assert "no link to the data file" in outcome.message


@pytest.fixture(scope="module")
def workbook_missing_sheet() -> bytes:
    book = openpyxl.load_workbook(source_file("ohss_usbp"))
    del book["Monthly Rgn and Sector"]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_workbook_missing_a_sheet_is_refused(store, fetcher, mirror, workbook_missing_sheet):
    before = snapshot_bytes(store, "ohss_usbp")
    mirror.expect_request(OHSS_LANDING).respond_with_data(landing_html(f"https://ohss.dhs.gov{OHSS_FILE}"))
    mirror.expect_request(OHSS_FILE).respond_with_data(workbook_missing_sheet)
    outcome = refresh_source(store, OHSS, fetcher)
    assert outcome.status == "failed"
    assert "Monthly Rgn and Sector" in outcome.message
    assert snapshot_bytes(store, "ohss_usbp") == before


def test_coverage_must_not_shrink(store, tmp_path: Path, sbo_bytes):
    lines = sbo_bytes.decode().splitlines(keepends=True)
    older = [lines[0]] + [line for line in lines[1:] if not line.startswith("2025")]
    partial = tmp_path / "sbo-fy22-fy24.csv"
    partial.write_text("".join(older))
    outcome = import_file(store, SBO, partial, vintage="2026-01")
    assert outcome.status == "failed"
    assert "coverage would shrink" in outcome.message


def test_import_files_a_new_vintage_and_keeps_the_old(store, tmp_path: Path):
    outcome = import_file(store, SBO, revised_sbo_file(tmp_path), vintage="2025-10")
    assert outcome.status == "updated"
    assert [s.vintage for s in store.all("cbp_sbo")] == ["2025-09", "2025-10"]
    assert store.current("cbp_sbo").vintage == "2025-10"
    recon = load(store).tables["reconciliation"]
    revision = recon[(recon["right_source"] == "cbp_sbo") & (recon["right_vintage"] == "2025-09")]
    assert len(revision) == 2 * 47  # every month and component of the old vintage is compared
    assert list(revision.loc[revision["difference"] != 0, "difference"]) == [-1]  # the one revised count


def test_two_refreshes_at_once_do_not_corrupt(empty_store, mirror, sbo_bytes):
    from data_sources.acquire.fetch import Fetcher, FetchSettings

    serve_sbo_landing(mirror)
    mirror.expect_request(SBO_FILE).respond_with_data(sbo_bytes)
    results = []

    def run() -> None:
        fetcher = Fetcher(FetchSettings(read_timeout=5, retries=0))
        results.append(refresh_source(empty_store, SBO, fetcher))
        fetcher.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.status for r in results) == ["unchanged", "updated"]
    assert len(empty_store.all("cbp_sbo")) == 1
    assert empty_store.verify(empty_store.current("cbp_sbo"))


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compressed_responses_are_decoded_and_complete(empty_store, fetcher, mirror, sbo_bytes, encoding):
    """As most CDNs answer: Content-Encoding set and Content-Length the compressed size."""
    body = gzip.compress(sbo_bytes) if encoding == "gzip" else zlib.compress(sbo_bytes)
    serve_sbo_landing(mirror)
    headers = {"Content-Encoding": encoding, "Content-Length": str(len(body))}
    mirror.expect_request(SBO_FILE).respond_with_response(
        Response(body, headers=headers, content_type="text/csv", direct_passthrough=True)
    )
    outcome = refresh_source(empty_store, SBO, fetcher)
    assert outcome.status == "updated", outcome.message
    assert snapshot_bytes(empty_store, "cbp_sbo") == sbo_bytes  # the file as published, decoded
    assert outcome.snapshot is not None and outcome.snapshot.size_bytes == len(sbo_bytes)


def test_compressed_response_cut_short_is_refused(store, fetcher, mirror, sbo_bytes):
    body = gzip.compress(sbo_bytes)
    before = snapshot_bytes(store, "cbp_sbo")
    serve_sbo_landing(mirror)
    short = Response(
        iter([body[: len(body) // 2]]),
        headers={"Content-Encoding": "gzip", "Content-Length": str(len(body))},
        direct_passthrough=True,
    )
    mirror.expect_request(SBO_FILE).respond_with_response(short)
    outcome = refresh_source(store, SBO, fetcher)
    assert outcome.status == "failed"
    assert snapshot_bytes(store, "cbp_sbo") == before
