"""Port crossings (BTS): golden values as published, closure effects, the ports page's reshaping for
readers (closure table, panels per measure, map names, time ranges, border shapes), and the SODA
fetcher against a real HTTP server on 127.0.0.1 (pages, throttling, short last page, malformed JSON,
missing field)."""

from __future__ import annotations

import csv
import html
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from werkzeug import Request, Response

from dashboard.charts import ports as charts
from dashboard.charts.common import EVENT_HOVER_CHARS, lines, with_events, within
from data_sources.acquire.refresh import refresh_source
from data_sources.acquire.socrata import TOKEN_ENV
from data_sources.cli import main
from data_sources.core.curated import SHORT_LABEL_CHARS
from data_sources.core.schema import SchemaError
from data_sources.core.vocabulary import MARKER_KINDS
from data_sources.sources.registry import get_source
from data_sources.tables.build import CACHE_ENV, load
from data_sources.tables.events import EVENTS_PATH, read_events
from data_sources.tables.port_map import BORDER, border_outlines, map_labels
from data_sources.tables.ports import (
    NO_DATA,
    TABLE_COLUMNS,
    closure_days,
    closure_effects,
    closure_key,
    closure_months,
    closure_table,
    coverage_note,
    date_span,
    days_closed_in,
    measure_kinds,
    shared_range,
)
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


def test_closure_days_count_both_end_days():
    """'18 to 22 December' is 5 days, as the cited reports count them: the first day and the reopening day
    were each partly closed."""
    months = closure_months(pd.Timestamp("2023-12-04"), pd.Timestamp("2024-01-04"))
    assert list(months["days_closed"]) == [28, 4]
    rail = closure_months(pd.Timestamp("2023-12-18"), pd.Timestamp("2023-12-22"))
    assert list(rail["days_closed"]) == [5]
    assert closure_days(pd.Timestamp("2023-12-18"), pd.Timestamp("2023-12-22")) == 5
    assert closure_days(pd.Timestamp("2023-12-18"), pd.Timestamp("2023-12-18")) == 1


def test_a_day_two_closures_share_counts_once():
    spans = [(T("2023-11-27"), T("2023-12-04")), (T("2023-12-04"), T("2024-01-04"))]
    assert days_closed_in(spans, T("2023-12-01")) == 31
    assert days_closed_in(spans[:1], T("2023-12-01")) == 4 and days_closed_in(spans[:1], T("2023-11-01")) == 4


def crossings_frame(values: dict[str, int], port: str = "2504", measure: str = "Pedestrians") -> pd.DataFrame:
    """Rows of `port_crossings_monthly` for one port and measure: {YYYY-MM: value}."""
    return pd.DataFrame(
        {
            "month": pd.to_datetime([f"{m}-01" for m in values]),
            "port_name": "San Ysidro",
            "port_code": port,
            "state": "California",
            "measure": measure,
            "value": list(values.values()),
        }
    )


def test_an_unusual_year_earlier_month_is_flagged_with_the_usual_level_beside_it():
    """San Ysidro's pedestrians in October 2022 (about 246,000 against some 570,000 around it) make a
    year-over-year change of +133% meaningless: the month is flagged, and the change against the median
    of the months around it is there instead."""
    around = {"2022-07": 627_673, "2022-08": 583_173, "2022-09": 563_698, "2022-11": 571_779, "2022-12": 567_034}
    crossings = crossings_frame(around | {"2022-10": 246_257, "2023-01": 545_427, "2023-10": 574_271})
    events = pd.DataFrame(
        {
            "event_id": ["pedwest"],
            "port_code": ["2504"],
            "start_date": [T("2023-10-05")],
            "end_date": [T("2023-10-20")],
        }
    )
    measures = pd.DataFrame({"event_id": ["pedwest"], "measure": ["Pedestrians"]})
    [row] = closure_effects(crossings, events, measures).to_dict("records")
    assert row["value_year_before"] == 246_257 and row["change_pct"] == pytest.approx(133.2)
    assert row["usual_year_before"] == 569_406  # the median of Jul–Sep 2022 and Nov 2022–Jan 2023
    assert row["unusual_baseline"] and row["change_vs_usual_pct"] == pytest.approx(0.9)
    assert row["days_closed"] == 16


def test_a_usual_year_earlier_month_or_one_without_enough_months_around_is_not_flagged():
    months = {f"2022-{m:02d}": 100 for m in range(7, 13)} | {"2023-01": 100, "2023-10": 90}
    events = pd.DataFrame(
        {"event_id": ["e"], "port_code": ["2504"], "start_date": [T("2023-10-01")], "end_date": [T("2023-10-02")]}
    )
    measures = pd.DataFrame({"event_id": ["e"], "measure": ["Pedestrians"]})
    usual = closure_effects(crossings_frame(months | {"2022-10": 80}), events, measures).iloc[0]
    assert not usual["unusual_baseline"] and usual["usual_year_before"] == 100  # 20% below: within the rule
    sparse = closure_effects(crossings_frame({"2022-09": 100, "2022-10": 10, "2023-10": 90}), events, measures).iloc[0]
    assert pd.isna(sparse["usual_year_before"]) and not sparse["unusual_baseline"]  # one month around: no usual level


def test_san_ysidro_october_2022_is_an_unusual_baseline_in_the_real_data(data_cache):
    effects = load().tables["port_closure_effects"]
    flagged = effects[effects["unusual_baseline"]]
    row = flagged[(flagged["port_code"] == "2504") & (flagged["month"] == "2023-10-01")]
    assert (
        row["measure"].item() == "Pedestrians" and row["value_year_before"].item() < row["usual_year_before"].item() / 2
    )
    assert abs(row["change_vs_usual_pct"].item()) < abs(row["change_pct"].item()) / 10
    assert not effects.loc[effects["month"] == "2023-12-01", "unusual_baseline"].any()  # the article's month is fine


T = pd.Timestamp


def closure_events() -> pd.DataFrame:
    """Two back-to-back closures at one crossing (as at Lukeville in 2023) and one elsewhere."""
    place = "Lukeville Port of Entry, Lukeville, Arizona (CBP port code 2602; see NOTES)"
    return pd.DataFrame(
        {
            "event_id": ["cut_2023", "suspension_2023", "pedwest_2023", "summit"],
            "start_date": [T("2023-11-27"), T("2023-12-04"), T("2023-12-09"), T("2023-12-01")],
            "end_date": [T("2023-12-04"), T("2024-01-04"), T("2024-01-04"), pd.NaT],
            "kind": ["port_closure", "port_closure", "port_closure", "meeting"],
            "place": [
                place,
                place,
                "San Ysidro Port of Entry, PedWest crossing, San Ysidro, California",
                "Mexico City",
            ],
            "port_code": ["2602", "2602", "2504", None],
            "description": ["Vehicle processing cut.", "All traffic suspended.", "PedWest shut.", "A meeting."],
        }
    )


def effect_rows(rows: list[tuple[str, str, str, int, int | None, int | None, float | None]]) -> pd.DataFrame:
    """Rows of `port_closure_effects` for port 2602: (event, measure, month, days, value, year before, change)."""
    frame = pd.DataFrame(
        rows, columns=["event_id", "measure", "month", "days_closed", "value", "value_year_before", "change_pct"]
    )
    return frame.assign(
        month=pd.to_datetime(frame["month"]),
        port_code="2602",
        value=frame["value"].astype("Int64"),
        value_year_before=frame["value_year_before"].astype("Int64"),
        change_pct=frame["change_pct"].astype("Float64"),
        usual_year_before=frame["value_year_before"].astype("Int64"),
        unusual_baseline=False,
        change_vs_usual_pct=frame["change_pct"].astype("Float64"),
    )


def test_closure_key_names_each_closure_by_place_and_dates():
    key = closure_key(closure_events(), "2602")
    assert list(key["label"]) == [  # the last day closed is the day it reopened
        "1: Lukeville Port of Entry, 27 Nov–4 Dec 2023",
        "2: Lukeville Port of Entry, 4 Dec 2023–4 Jan 2024",
    ]
    assert list(closure_key(closure_events(), "2504")["crossing"]) == ["San Ysidro Port of Entry, PedWest crossing"]
    assert closure_key(closure_events(), "2304").empty


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        ("2023-12-18", "2023-12-21", "18–21 Dec 2023"),
        ("2023-11-27", "2023-12-03", "27 Nov–3 Dec 2023"),
        ("2023-12-04", "2024-01-03", "4 Dec 2023–3 Jan 2024"),
        ("2023-12-18", "2023-12-18", "18 Dec 2023"),
        ("2023-12-18", None, "from 18 Dec 2023"),
    ],
)
def test_date_spans_read_like_prose(first, last, text):
    assert date_span(T(first), T(last) if last else pd.NaT) == text


def test_closure_table_has_plain_headers_formatted_numbers_and_no_repeated_month():
    effects = effect_rows(
        [
            ("cut_2023", "Personal Vehicles", "2023-11-01", 4, 34_361, 34_543, -0.5),
            ("cut_2023", "Personal Vehicles", "2023-12-01", 3, 3_966, 26_321, -84.9),
            ("suspension_2023", "Personal Vehicles", "2023-12-01", 28, 3_966, 26_321, -84.9),
            ("suspension_2023", "Personal Vehicles", "2024-01-01", 3, 17_919, 28_885, -38.0),
            ("suspension_2023", "Pedestrians", "2024-01-01", 3, None, 6_609, None),
            ("suspension_2023", "Trucks", "2024-01-01", 3, 66, 51, 29.4),
        ]
    )
    table = closure_table(effects, closure_key(closure_events(), "2602"))
    expected = pd.DataFrame(
        [
            [
                "1 · Lukeville Port of Entry",
                "Personal Vehicles",
                "Nov 2023",
                "34,361",
                "34,543",
                "−0.5%",
                "4 of 30",
                "",
            ],
            [
                "1 and 2 · Lukeville Port of Entry",
                "Personal Vehicles",
                "Dec 2023",
                "3,966",
                "26,321",
                "−84.9%",
                "31 of 31",
                "",
            ],
            ["2 · Lukeville Port of Entry", "Pedestrians", "Jan 2024", NO_DATA, "6,609", "—", "4 of 31", ""],
            [
                "2 · Lukeville Port of Entry",
                "Personal Vehicles",
                "Jan 2024",
                "17,919",
                "28,885",
                "−38.0%",
                "4 of 31",
                "",
            ],
            ["2 · Lukeville Port of Entry", "Trucks", "Jan 2024", "66", "51", "+29.4%", "4 of 31", ""],
        ],
        columns=TABLE_COLUMNS,
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert list(table.columns) == [
        "Closure", "Measure", "Month", "Crossings", "Same month a year earlier", "Change", "Days closed", "Note"
    ]  # fmt: skip
    assert not table.duplicated(["Measure", "Month"]).any()
    assert not table.map(lambda cell: "_2023" in cell).any().any()  # no internal ids


def test_closure_table_marks_an_unusual_baseline_and_gives_the_change_against_the_usual_level():
    effects = effect_rows([("suspension_2023", "Pedestrians", "2023-12-01", 28, 574_271, 246_257, 133.2)])
    effects = effects.assign(
        usual_year_before=pd.array([569_406], dtype="Int64"),
        unusual_baseline=True,
        change_vs_usual_pct=pd.array([0.9], dtype="Float64"),
    )
    [row] = closure_table(effects, closure_key(closure_events(), "2602")).to_dict("records")
    assert row["Change"] == "+133.2% (unusual baseline)"
    assert row["Note"] == (
        "Unusual baseline: 246,257 a year earlier was unusually low (more than 30% away from the median of the "
        "3 months on each side of it, 569,406); against that usual level the change is +0.9%."
    )


def test_closure_table_of_a_port_without_closures_is_empty_with_its_headers():
    table = closure_table(effect_rows([]), closure_key(closure_events(), "2304"))
    assert table.empty and list(table.columns) == TABLE_COLUMNS


def test_measures_are_grouped_by_what_they_count():
    measures = ["Trains", "Pedestrians", "Rail Containers Loaded", "Personal Vehicles", "Trucks", "Horses"]
    assert measure_kinds(measures) == {
        "People": ["Pedestrians"],
        "Vehicles": ["Personal Vehicles", "Trucks"],
        "Trains": ["Trains"],
        "Containers": ["Rail Containers Loaded"],
        "Other counts": ["Horses"],
    }


def test_each_measure_gets_its_own_panel_and_axis():
    months = pd.date_range("2023-01-01", periods=3, freq="MS")
    series = pd.DataFrame(
        {
            "month": list(months) * 2,
            "port_name": "Eagle Pass",
            "measure": ["Pedestrians"] * 3 + ["Trains"] * 3,
            "value": [500_000, 510_000, 490_000, 230, 240, 120],
            "value_year_before": [480_000, 500_000, 500_000, 220, 230, 235],
        }
    )
    fig = charts.volume(series, closure_key(closure_events(), "2303"), None, shared_range(series["month"]))
    axes = {trace.name: trace.yaxis for trace in fig.data}
    assert axes["Trains"] != axes["Pedestrians"] and axes["Trains"] == axes["Trains, a year earlier"]
    assert [fig.layout[f"yaxis{n}"].title.text for n in ("", "2")] == ["People", "Trains"]


def ports_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "port_name": ["San Ysidro", "Otay Mesa", "Lukeville", "Nogales", "Laredo", "Eagle Pass", "Hidalgo", "Roma"],
            "port_code": ["2504", "2506", "2602", "2604", "2304", "2303", "2305", "2310"],
            "longitude": [-117.03, -116.94, -112.82, -110.94, -99.51, -100.51, -98.26, -99.02],
            "latitude": [32.54, 32.57, 31.88, 31.33, 27.50, 28.71, 26.10, 26.40],
            "value": [541_411, 10_000, 2_062, 267_036, 266_937, 86_409, 300_000, 5_000],
            "closure": [True, False, True, True, False, True, False, False],
        }
    )


def test_the_map_names_the_chosen_and_closed_ports_and_leaves_crowded_ones_to_hover():
    names = map_labels(ports_frame(), chosen="2602", largest=4)
    assert dict(zip(ports_frame()["port_name"], names, strict=True)) == {
        "San Ysidro": "top center",
        "Otay Mesa": "",  # neither closed nor among the four largest
        "Lukeville": "top center",  # the chosen port comes first
        "Nogales": "",  # within 2.5 degrees of Lukeville
        "Laredo": "",  # within 2.5 degrees of Eagle Pass
        "Eagle Pass": "top center",
        "Hidalgo": "bottom center",  # 3.5 degrees south-east of Eagle Pass: its name goes away from it
        "Roma": "",
    }


def test_sector_and_crossings_share_one_range_and_the_page_says_which_ends_first():
    crossings = pd.Series(pd.date_range("2022-01-01", "2025-06-01", freq="MS"))
    sector = pd.Series(pd.date_range("2022-01-01", "2024-11-01", freq="MS"))
    assert shared_range(crossings, sector) == (T("2022-01-01"), T("2025-06-01"))
    note = coverage_note({"Border Patrol sector figures": sector, "port crossings": crossings})
    assert note == "Border Patrol sector figures end in Nov 2024; port crossings run to Jun 2025."
    assert coverage_note({"a": crossings, "b": crossings}) == ""
    fig = charts.sector(
        pd.DataFrame({"month": sector, "sector": "Tucson", "per_day": 100.0}),
        "Tucson",
        closure_key(closure_events(), "2602"),
        shared_range(crossings, sector),
    )
    assert list(fig.layout.xaxis.range) == [T("2021-12-17"), T("2025-06-16")]  # half a month either side
    assert any("after Nov 2024" in (a.text or "") for a in fig.layout.annotations)


def test_closure_numbers_close_in_time_are_staggered():
    starts = [T("2023-09-20"), T("2023-11-27"), T("2023-12-18"), T("2024-06-01")]
    assert charts.label_levels(starts, span_days=1_250) == [0, 1, 0, 0]  # at least 75 days apart on a level


@pytest.mark.parametrize(("largest", "steps"), [(547_061, [500_000, 100_000, 10_000]), (2_062, [2_000, 1_000, 100])])
def test_size_key_uses_round_values(largest, steps):
    assert charts.size_steps(largest) == steps


def test_the_border_comes_from_natural_earth_offline():
    outlines = border_outlines(-125, 20, -90, 40)
    border = outlines[outlines["part"] == BORDER]
    assert set(outlines["part"]) == {"United States", "Mexico", BORDER}
    assert border["path"].nunique() == 1  # one line from the Pacific to the Gulf
    assert border["longitude"].min() == pytest.approx(-117.1, abs=0.1)  # Tijuana / San Ysidro
    assert border["longitude"].max() == pytest.approx(-97.1, abs=0.1)  # the mouth of the Rio Grande
    assert border["latitude"].between(25.8, 32.8).all()


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


MONTHS = pd.Series(pd.date_range("2022-10-01", "2024-06-01", freq="MS"))  # the article's daily-rate window


def marked(events: pd.DataFrame) -> go.Figure:
    frame = pd.DataFrame({"month": MONTHS, "per_day": 1.0, "c": "x"})
    return with_events(lines(frame, "month", "per_day", "c", "T", "Per day"), events, MONTHS)


def test_every_event_has_a_short_label_a_phone_can_show():
    events = read_events()
    assert events["short_label"].str.len().between(1, SHORT_LABEL_CHARS).all()
    assert SHORT_LABEL_CHARS <= 24


def test_a_long_short_label_is_refused_when_the_list_is_read(tmp_path):
    path = tmp_path / "events.csv"
    frame = pd.read_csv(EVENTS_PATH, dtype=str, keep_default_na=False)
    frame.loc[0, "short_label"] = "A label far too long to sit beside its neighbours"
    frame.to_csv(path, index=False)
    with pytest.raises(SchemaError, match="short_label"):
        read_events(path)


def test_events_on_a_chart_are_lettered_keyed_by_short_label_and_hover_in_short_lines():
    markers = read_events()[lambda e: e["kind"].isin(MARKER_KINDS)]
    fig = marked(markers)
    keyed = [t for t in fig.data if t.legendgroup == "events"]
    drawn = within(markers, MONTHS).sort_values(["start_date", "event_id"])
    assert len(drawn) >= 3
    assert [t.name for t in keyed] == [f"{chr(65 + i)}: {label}" for i, label in enumerate(drawn["short_label"])]
    hovers = [t.hovertext for t in keyed] + [a.hovertext for a in fig.layout.annotations if a.hovertext]
    assert len(hovers) == 2 * len(drawn)
    assert all(len(html.unescape(line)) <= EVENT_HOVER_CHARS for hover in hovers for line in hover.split("<br>"))
    assert all(t.hoverlabel.align == "left" for t in keyed)
    december = [a for a in fig.layout.annotations if a.hovertext and pd.Timestamp(a.x).strftime("%Y-%m") == "2023-12"]
    assert len(december) == 3 and len({a.yshift for a in december}) == 3  # stacked, not printed over each other


def test_without_events_the_chart_has_no_key():
    fig = marked(read_events().iloc[:0])
    assert not [t for t in fig.data if t.legendgroup == "events"] and not fig.layout.annotations
