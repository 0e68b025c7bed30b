"""Table schemas (pandera): each kind of failure is caught, all of them in one bounded report; every
table the build returns has a schema; the curated reference lists validate, and a broken copy does not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from data_sources.core.canonical import OHSS_USBP_REGION, PORT_CROSSINGS_MONTHLY
from data_sources.core.curated import EVENTS
from data_sources.core.derived import SOUTHWEST_MONTHLY
from data_sources.core.registry import SCHEMAS, undeclared, validate_tables
from data_sources.core.schema import MAX_CASES, MAX_MESSAGE, SchemaError, validate
from data_sources.core.vocabulary import OFO, USBP
from data_sources.reference import REFERENCE_DIR
from data_sources.sources.registry import get_source
from data_sources.tables import build as tables
from data_sources.tables import combine, events, ports

M = pd.Timestamp


def southwest(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    """A tiny `southwest_monthly` frame: (month, component, encounters) rows."""
    frame = pd.DataFrame(rows, columns=["month", "component", "encounters"])
    frame["month"] = pd.to_datetime(frame["month"]).astype("datetime64[ns]")
    return frame.assign(fiscal_year=2024, per_day=frame["encounters"] / 30.0, source="cbp_sbo", vintage="2024-06")[
        list(SOUTHWEST_MONTHLY.columns)
    ]


GOOD = [("2023-10-01", USBP, 10), ("2023-11-01", USBP, 20), ("2023-12-01", USBP, 30), ("2023-12-01", OFO, 5)]


def problems(schema, frame: pd.DataFrame) -> str:
    with pytest.raises(SchemaError) as caught:
        validate(schema, frame)
    return str(caught.value)


def test_a_good_frame_passes_unchanged():
    frame = southwest(GOOD)
    pd.testing.assert_frame_equal(validate(SOUTHWEST_MONTHLY, frame), frame)


@pytest.mark.parametrize(
    ("rows", "change", "expected"),
    [
        (GOOD, {"encounters": [10.0, 20.0, 30.0, 5.0]}, "encounters: expected int64, got float64"),
        (GOOD, {"fiscal_year": ["2024"] * 4}, "fiscal_year: expected int64, got str"),
        ([*GOOD[:3], ("2023-12-01", OFO, -5)], {}, "encounters must not be negative: -5"),
        (
            [*GOOD, ("2023-11-01", USBP, 21)],
            {},
            "rows share a key (month, component): month=2023-11, component=" + USBP,
        ),
        ([*GOOD[:3], ("2023-12-01", "Coast Guard", 5)], {}, "component must be one of"),
        (
            [GOOD[0], GOOD[2], GOOD[3]],
            {},
            f"months must run without a gap per component: a month missing before, "
            f"or repeated at: component={USBP}, month=2023-12",
        ),
        (GOOD, {"month": pd.to_datetime(["2023-10-01", "2023-11-15", "2023-12-01", "2023-12-01"])}, "first day"),
        (GOOD, {"source": [None, "cbp_sbo", "cbp_sbo", "cbp_sbo"]}, "source: 1 missing values"),
        (GOOD, {"extra": 1}, "unexpected column extra"),
    ],
)
def test_each_kind_of_failure_is_named(rows, change, expected):
    assert expected in problems(SOUTHWEST_MONTHLY, southwest(rows).assign(**change))


def test_every_problem_in_one_report():
    rows = [
        ("2023-10-01", USBP, 10),
        ("2023-10-01", USBP, 11),  # duplicate key
        ("2024-01-01", USBP, 30),  # November and December missing
        ("2023-12-01", OFO, -5),  # negative
        ("2023-12-01", "Coast Guard", 5),  # unknown component
    ]
    frame = southwest(rows).assign(per_day=["1", "2", "3", "4", "5"])  # wrong type
    message = problems(SOUTHWEST_MONTHLY, frame)
    for part in (
        "rows share a key",
        "month missing before",
        "must not be negative",
        "must be one of",
        "per_day: expected",
    ):
        assert part in message, part


def test_a_component_starting_later_is_not_a_gap():
    later = [("2023-10-01", USBP, 1), ("2023-11-01", USBP, 1), ("2023-12-01", USBP, 1), ("2023-12-01", OFO, 1)]
    validate(SOUTHWEST_MONTHLY, southwest(later))  # OFO's series simply starts in December


def test_the_gap_is_found_in_one_series_while_the_others_are_whole():
    frame = pd.DataFrame(
        {
            "month": pd.to_datetime(["2023-10-01", "2023-11-01", "2023-12-01"] * 2 + ["2023-10-01", "2023-12-01"]),
            "fiscal_year": 2024,
            "region": ["Coastal Border"] * 3 + ["Northern Land Border"] * 3 + ["Southwest Land Border"] * 2,
            "encounters": 10,
        }
    )
    message = problems(OHSS_USBP_REGION, frame)
    assert "region=Southwest Land Border, month=2023-12" in message
    assert "Coastal" not in message and "Northern" not in message


def crossings(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["month", "port_code", "measure"])
    return frame.assign(
        month=pd.to_datetime(frame["month"]).astype("datetime64[ns]"),
        port_name="Lukeville",
        state="Arizona",
        border="US-Mexico Border",
        value=1,
        latitude=31.9,
        longitude=-112.8,
    )[list(PORT_CROSSINGS_MONTHLY.columns)]


def test_a_port_may_skip_a_month_but_the_file_may_not():
    port_skips = [("2024-01-01", "2602", "Trucks"), ("2024-02-01", "2604", "Trucks"), ("2024-03-01", "2602", "Trucks")]
    validate(PORT_CROSSINGS_MONTHLY, crossings(port_skips))  # BTS leaves unreported months out
    file_skips = [("2024-01-01", "2602", "Trucks"), ("2024-03-01", "2602", "Trucks")]
    assert "month missing before" in problems(PORT_CROSSINGS_MONTHLY, crossings(file_skips))


def test_an_unknown_event_kind_and_a_bad_citation_are_caught():
    frame = events.read_events().head(2).copy()
    frame.loc[frame.index[0], "kind"] = "parade"
    frame.loc[frame.index[1], "source_url"] = "javascript:alert(1)"
    message = problems(EVENTS, frame)
    assert "kind must be one of" in message and "parade" in message
    assert "source_url must be a web address" in message


def test_the_message_is_bounded_but_the_error_keeps_every_case():
    rows = [(f"{2000 + i // 12}-{i % 12 + 1:02d}-01", USBP, -i - 1) for i in range(600)]
    frame = southwest(rows).assign(component=[f"Component {i}" for i in range(600)])
    with pytest.raises(SchemaError) as caught:
        validate(SOUTHWEST_MONTHLY, frame)
    message = str(caught.value)
    assert len(message) <= MAX_MESSAGE
    assert len(re.findall(r"Component \d+", message)) + len(re.findall(r"-\d+\b", message)) <= MAX_CASES
    assert "and 590 more" in message
    assert len(caught.value.failure_cases) >= 1200  # the full list stays on the error


def test_a_bad_file_raises_schema_error_from_parse(tmp_path: Path):
    """`acquire` catches `SchemaError` from a source's parse, so a bad download never becomes current."""
    path = tmp_path / "bts.csv"
    header = "Port Name,State,Port Code,Border,Date,Measure,Value,Latitude,Longitude\n"
    rows = ["Lukeville,Arizona,2602,US-Mexico Border,Jan 2024,Trucks,-3,31.9,-112.8\n"]
    rows.append("Lukeville,Arizona,2602,US-Mexico Border,Mar 2024,Trucks,4,31.9,-112.8\n")
    path.write_text(header + "".join(rows))
    with pytest.raises(SchemaError, match=r"^port_crossings_monthly: ") as caught:
        get_source("bts_crossings").parse(path)
    assert "value must not be negative: -3" in str(caught.value)
    assert "a month missing before: month=2024-03" in str(caught.value)


def test_validate_tables_reports_every_failing_table_at_once():
    good = southwest(GOOD)
    bad = {"southwest_monthly": good.assign(encounters=-1), "port_sectors": events.read_port_sectors().iloc[:0]}
    with pytest.raises(SchemaError) as caught:
        validate_tables(bad)
    assert caught.value.table == "southwest_monthly, port_sectors"
    assert "port_sectors: has no rows" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("events", events.read_events),
        ("published_figures", events.read_published_figures),
        ("port_sectors", events.read_port_sectors),
        ("citizenship_groups", events.read_citizenship_groups),
        ("closure_measures", ports.read_closure_measures),
        ("splice_rules", combine.read_splice_rules),
    ],
)
def test_reference_lists_validate(name, read):
    table = read()
    validate(SCHEMAS[name], table)
    assert not table.empty


def test_a_broken_reference_list_fails_with_every_problem(tmp_path: Path):
    path = tmp_path / "events.csv"
    shutil.copy(REFERENCE_DIR / "events.csv", path)
    lines = path.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace('"port_closure"', '"parade"', 1)
    lines[2] = lines[2].replace('"2024-01-04"', '"2023-01-04"', 1)  # ends before it starts
    path.write_text("".join([*lines, lines[3]]))  # and a duplicated event
    with pytest.raises(SchemaError) as caught:
        events.read_events(path)
    message = str(caught.value)
    assert "kind must be one of" in message
    assert "must not end before it starts" in message
    assert "rows share a key (event_id)" in message


def test_every_table_name_has_one_schema_of_that_name():
    assert all(schema.name == name for name, schema in SCHEMAS.items())


def test_every_built_table_has_a_schema_and_fits_it(data_cache):
    """The tables as the pages read them (from the Parquet cache) are declared and still fit."""
    built = tables.load().tables
    assert undeclared(list(built)) == [], "tables without a schema in data_sources.core.registry.SCHEMAS"
    validate_tables(built)
    assert {"southwest_monthly", "reconciliation", "events", "port_closure_effects"} <= built.keys()


def test_the_southwest_series_months_of_the_real_files(data_cache):
    series = tables.load().tables["southwest_monthly"]
    first = series.groupby("component")["month"].min()
    assert first[USBP] < first[OFO]  # OFO begins later; neither series has a gap (the schema checks it)
    assert M("2023-12-01") in set(series["month"])
