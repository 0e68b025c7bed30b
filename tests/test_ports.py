"""Port crossings (BTS): golden values as published, closure effects, and the SODA fetcher against
a real HTTP server on 127.0.0.1 (pages, throttling, short last page, malformed JSON, missing field)."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from werkzeug import Request, Response

from data_sources.acquire.refresh import refresh_source
from data_sources.acquire.socrata import TOKEN_ENV
from data_sources.cli import main
from data_sources.sources.registry import get_source
from data_sources.tables.build import CACHE_ENV, load
from data_sources.tables.ports import closure_months
from tests.conftest import source_file

BTS = get_source("bts_crossings")
API_PATH = "/resource/keg4-3bc2.json"


@pytest.fixture(scope="module")
def exported(filled_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], int]:
    out = tmp_path_factory.mktemp("export")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(filled_cache))
        assert main(["export", "--out", str(out)]) == 0
    with (out / "port_crossings_monthly.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["month", "port_name", "port_code", "state", "border", "measure", "value"]
    return {(r["port_code"], r["month"], r["measure"]): int(r["value"]) for r in rows}


@pytest.mark.parametrize(
    ("port", "measure", "value"),
    [
        ("2602", "Personal Vehicles", 3_966),
        ("2602", "Pedestrians", 2_062),
        ("2504", "Personal Vehicles", 1_275_512),
        ("2504", "Pedestrians", 541_411),
        ("2604", "Trains", 83),
        ("2303", "Rail Containers Loaded", 13_612),
        ("2402", "Rail Containers Empty", 8_184),
    ],
)
def test_december_2023_values_as_published(exported, port, measure, value):
    assert exported[(port, "2023-12-01", measure)] == value


def test_missing_months_stay_missing(data_cache, exported):
    assert ("2504", "2024-01-01", "Pedestrians") not in exported  # BTS has no such row
    effects = load().tables["port_closure_effects"]
    row = effects[(effects["port_code"] == "2504") & (effects["month"] == "2024-01-01")]
    assert row["data_note"].item() == "no data reported" and pd.isna(row["value"].item())


def test_closure_effect_at_lukeville(data_cache):
    effects = load().tables["port_closure_effects"]
    row = effects[
        (effects["event_id"] == "lukeville_poe_suspension_2023")
        & (effects["measure"] == "Personal Vehicles")
        & (effects["month"] == "2023-12-01")
    ]
    assert (row["value"].item(), row["value_year_before"].item(), row["days_closed"].item()) == (3_966, 26_321, 28)
    assert row["change_pct"].item() == pytest.approx((3_966 / 26_321 - 1) * 100, abs=0.05)


def test_closure_days_per_month_exclude_the_reopening_day():
    months = closure_months(pd.Timestamp("2023-12-04"), pd.Timestamp("2024-01-04"))
    assert list(months["days_closed"]) == [28, 3]
    rail = closure_months(pd.Timestamp("2023-12-18"), pd.Timestamp("2023-12-22"))
    assert list(rail["days_closed"]) == [4]


def api_rows() -> list[dict[str, str]]:
    """The real published rows, as the SODA API writes them (field names, ISO dates, text values)."""
    with source_file("bts_crossings").open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for r in rows:
        month = pd.Timestamp(pd.to_datetime(r["Date"], format="%b-%y")).strftime("%Y-%m-%dT00:00:00.000")
        out.append(
            {
                "port_name": r["Port Name"],
                "state": r["State"],
                "port_code": r["Port Code"],
                "border": r["Border"],
                "date": month,
                "measure": r["Measure"],
                "value": r["Value"],
                "latitude": r["Latitude"],
                "longitude": r["Longitude"],
            }
        )
    return out


class FakeSoda:
    """A SODA endpoint over the real rows, with switchable faults."""

    def __init__(self, rows: list[dict[str, str]]):
        self.rows, self.fault, self.requests = rows, "", []

    def __call__(self, request: Request) -> Response:
        args = request.args
        self.requests.append(dict(args) | {"token": request.headers.get("X-App-Token", "")})
        if "count(" in args.get("$select", ""):
            latest = max(r["date"] for r in self.rows)
            return Response(json.dumps([{"n": str(len(self.rows)), "latest": latest}]), content_type="application/json")
        offset, limit = int(args["$offset"]), int(args["$limit"])
        page = self.rows[offset : offset + limit]
        if self.fault == "malformed" and offset > 0:
            return Response('[{"port_name": "Lukeville", ', content_type="application/json")
        if self.fault == "missing field" and offset > 0:
            page = [{k: v for k, v in row.items() if k != "measure"} for row in page]
        return Response(json.dumps(page), content_type="application/json")


@pytest.fixture
def soda(mirror) -> FakeSoda:
    fake = FakeSoda(api_rows())
    mirror.expect_request(API_PATH).respond_with_handler(fake)
    return fake


SMALL_PAGES = replace(BTS, soda=replace(BTS.soda, page_size=3_000))


def test_pages_until_a_short_page_and_files_the_answer(store, fetcher, soda, monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "test-token")
    outcome = refresh_source(store, SMALL_PAGES, fetcher)
    assert outcome.status == "updated", outcome.message
    pages = [r for r in soda.requests if "$offset" in r]
    assert [r["$offset"] for r in pages] == ["0", "3000", "6000"]  # 8,106 rows: 3,000 + 3,000 + 2,106
    assert all(r["$order"] == ":id" and r["$where"] == "border = 'US-Mexico Border'" for r in pages)
    assert all(r["token"] == "test-token" for r in soda.requests)
    table = load(store).tables["port_crossings_monthly"]
    assert len(table) == 8_106
    lukeville = table[(table["port_code"] == "2602") & (table["month"] == "2023-12-01")]
    assert lukeville.set_index("measure").loc["Personal Vehicles", "value"] == 3_966


def test_exact_multiple_of_page_size_ends_on_an_empty_page(store, fetcher, soda):
    soda.rows = soda.rows[:6_000]
    outcome = refresh_source(store, SMALL_PAGES, fetcher)
    assert [r["$offset"] for r in soda.requests if "$offset" in r] == ["0", "3000", "6000"]
    assert outcome.status == "failed" and "coverage would shrink" in outcome.message  # fewer months than now


def test_throttled_then_served(store, fetcher, mirror, soda):
    mirror.clear()
    mirror.expect_oneshot_request(API_PATH).respond_with_data("slow down", status=429, headers={"Retry-After": "0"})
    mirror.expect_request(API_PATH).respond_with_handler(soda)
    outcome = refresh_source(store, BTS, fetcher)
    assert outcome.status == "updated", outcome.message


@pytest.mark.parametrize(("fault", "message"), [("malformed", "malformed JSON"), ("missing field", "lacks fields")])
def test_bad_pages_keep_the_snapshot(store, fetcher, soda, fault, message):
    before = store.file_path(store.current("bts_crossings")).read_bytes()
    soda.fault = fault
    outcome = refresh_source(store, SMALL_PAGES, fetcher)
    assert outcome.status == "failed" and message in outcome.message
    assert store.file_path(store.current("bts_crossings")).read_bytes() == before
    assert not list(store.staging_dir("bts_crossings").iterdir())


def test_unchanged_dataset_costs_one_request(store, fetcher, soda):
    assert refresh_source(store, BTS, fetcher).status == "updated"
    seen = len(soda.requests)
    outcome = refresh_source(store, BTS, fetcher)
    assert outcome.status == "unchanged" and len(soda.requests) == seen + 1


def test_api_snapshot_parses_like_the_export(tmp_path: Path):
    answer = tmp_path / "keg4-3bc2.json"
    answer.write_text(json.dumps(api_rows()))
    from_api = BTS.parse(answer)["port_crossings_monthly"]
    from_export = BTS.parse(source_file("bts_crossings"))["port_crossings_monthly"]
    pd.testing.assert_frame_equal(from_api, from_export)
