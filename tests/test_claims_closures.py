"""The closures evaluator on tiny inline tables (and once on the pinned real files): which ports
and railway crossings closed, the sectors around them, and crossings at the ports."""

from __future__ import annotations

import pandas as pd
import pytest

from data_sources.claims.articles import parse_article
from data_sources.claims.context import Claim
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.closures import ClosuresParams
from data_sources.tables.derived import closure_timeline

M = pd.Timestamp
EVENTS = [  # id, kind, place, port code, start, end
    ("luke", "port_closure", "Lukeville Port of Entry, Lukeville, Arizona", "2602", "2023-12-04", "2024-01-04"),
    ("sy", "port_closure", "San Ysidro PedWest, San Ysidro, California", "2504", "2023-12-09", "2024-01-04"),
    ("sy_old", "port_closure", "San Ysidro PedWest, San Ysidro, California", "2504", "2023-09-14", "2023-11-16"),
    ("rail_ep", "rail_closure", "El Paso railway bridge, El Paso, Texas", "2402", "2023-12-18", "2023-12-22"),
    ("rail_eg", "rail_closure", "Eagle Pass railway bridge, Eagle Pass, Texas", "2303", "2023-12-18", "2023-12-22"),
]  # fmt: skip
SECTOR_DAYS = [  # sector, encounters in December 2022 and December 2023 (31 days each)
    ("Tucson", 31_000, 62_000),
    ("El Paso", 31_000, 15_500),
    ("Del Rio", 3_100, 3_100),
]


def tables() -> dict[str, pd.DataFrame]:
    events = pd.DataFrame(EVENTS, columns=["event_id", "kind", "place", "port_code", "start_date", "end_date"])
    events = events.assign(
        start_date=pd.to_datetime(events["start_date"]),
        end_date=pd.to_datetime(events["end_date"]),
        description=events["event_id"] + " closed",
        source_title="A report",
        source_url="https://example.org/" + events["event_id"],
    )
    ports = pd.DataFrame(
        {
            "port_code": ["2602", "2504", "2402", "2303"],
            "port_name": ["Lukeville", "San Ysidro", "El Paso", "Eagle Pass"],
            "state": ["AZ", "CA", "TX", "TX"],
            "sector": ["Tucson", "San Diego", "El Paso", "Del Rio"],
        }
    )
    sector_days = pd.DataFrame(
        [
            (M(f"{year}-12-01"), s, n, n / 31)
            for s, *counts in SECTOR_DAYS
            for year, n in zip((2022, 2023), counts, strict=True)
        ]
        + [(M("2023-12-01"), "San Diego", 31, 1.0)],  # no December 2022: no comparison sentence
        columns=["month", "sector", "encounters", "per_day"],
    )
    effects = pd.DataFrame(
        {
            "event_id": ["luke", "luke"],
            "port_name": ["Lukeville", "Lukeville"],
            "port_code": ["2602", "2602"],
            "state": ["AZ", "AZ"],
            "measure": ["Personal Vehicles", "Pedestrians"],
            "month": [M("2023-12-01")] * 2,
            "days_closed": [28, 28],
            "value": pd.array([3_966, None], dtype="Int64"),
            "value_year_before": pd.array([26_321, 8_033], dtype="Int64"),
        }
    )
    return {
        "events": events,
        "port_sectors": ports,
        "closure_timeline": closure_timeline(events, ports),
        "sector_per_day": sector_days,
        "port_closure_effects": effects,
    }


def claim(kinds: tuple[str, ...] = ("port_closure", "rail_closure"), since: str = "2023-11-27") -> Claim:
    params = ClosuresParams(("2023-12", "2023-12"), since, kinds)
    return Claim("c", "closures", "closures", "2023-12", "ports", None, (), params)


PORTS = (
    "2 suspensions hit 2 ports in AZ and CA: Lukeville Port of Entry (Lukeville, AZ): 4 December 2023 to "
    "4 January 2024, 31 days; San Ysidro PedWest (San Ysidro, CA): 9 December 2023 to 4 January 2024, 26 days."
)
RAIL = (
    "2 railway crossings were closed: El Paso railway bridge (El Paso, TX): 18 December 2023 to 22 December "
    "2023, 4 days; Eagle Pass railway bridge (Eagle Pass, TX): 18 December 2023 to 22 December 2023, 4 days."
)
DEL_RIO = (
    "Border Patrol's Del Rio sector (around Eagle Pass) recorded 3,100 encounters in December 2023, 100 a day, "
    "about the same as in December 2022."
)
EL_PASO = (
    "Border Patrol's El Paso sector (around El Paso) recorded 15,500 encounters in December 2023, 500 a day, "
    "50% lower than in December 2022."
)
TUCSON = (
    "Border Patrol's Tucson sector (around Lukeville) recorded 62,000 encounters in December 2023, 2,000 a day, "
    "100% higher than in December 2022."
)
LUKEVILLE = (
    "Lukeville in December 2023, with a closure on 28 of 31 days (BTS inbound crossings): pedestrians: no data "
    "reported; personal vehicles 3,966 vs 26,321 a year earlier (85% lower)."
)


def test_closures_in_force_since_the_day_with_sectors_and_crossings():
    context = evaluate(claim(), tables())
    assert context.sentences == [PORTS, RAIL, DEL_RIO, EL_PASO, TUCSON, LUKEVILLE]
    assert [c.kind for c in context.charts] == ["timeline", "sector_lines", "effects_bars"]
    assert context.charts[0].title == "Port and railway closures, Dec 2023–Jan 2024"
    assert list(context.charts[0].frame["crossing"]) == [
        "Lukeville Port of Entry",
        "San Ysidro PedWest",
        "El Paso railway bridge",
        "Eagle Pass railway bridge",
    ]
    assert set(context.charts[1].frame["sector"]) == {"Tucson", "San Diego", "El Paso", "Del Rio"}
    assert context.sources == ["events", "ohss_usbp", "bts_crossings"]
    assert [c.url.rsplit("/", 1)[1] for c in context.citations] == ["luke", "sy", "rail_ep", "rail_eg"]


def test_only_rail_closures_are_told_without_a_port_sentence():
    """Bug: `wording.listing([])` raised IndexError on the empty list of states and took the page down."""
    context = evaluate(claim(kinds=("rail_closure",)), tables())
    assert context.sentences == [RAIL, DEL_RIO, EL_PASO]
    assert context.charts[0].title == "Railway closures, Dec 2023"
    assert [c.kind for c in context.charts] == ["timeline", "sector_lines"]  # no BTS rows for the rail events here


def test_only_port_closures():
    context = evaluate(claim(kinds=("port_closure",)), tables())
    assert context.sentences == [PORTS, TUCSON, LUKEVILLE]


def test_without_crossings_data_the_card_still_tells_closures_and_sectors():
    without_bts = {name: t for name, t in tables().items() if name != "port_closure_effects"}
    context = evaluate(claim(), without_bts)
    assert context.sentences == [PORTS, RAIL, DEL_RIO, EL_PASO, TUCSON]
    assert context.sources == ["events", "ohss_usbp"]


def test_no_closure_in_force_since_the_day():
    context = evaluate(claim(since="2024-02-01"), tables())
    assert context.sentences == ["Our events file lists no closures in force on or after 1 February 2024."]
    assert context.charts == []


def test_without_border_patrol_sectors_it_is_no_data():
    without_ohss = {name: t for name, t in tables().items() if name != "sector_per_day"}
    context = evaluate(claim(), without_ohss)
    assert context.sentences[0].startswith("Our snapshots hold no dated closures for December 2023.")


@pytest.fixture(scope="module")
def real_tables(filled_cache):
    from data_sources.acquire.snapshots import SnapshotStore
    from data_sources.tables.build import load

    return load(SnapshotStore(filled_cache / "raw")).tables


def test_rail_closures_only_on_the_real_files(real_tables, tmp_path):
    """The same bug on the pinned files: a rail-only closures claim raised IndexError."""
    text = (
        '[article]\nid = "a"\ntitle = "T"\npublished = "p"\nreference_month = "2023-12"\nsummary = "s"\n\n'
        '[[claims]]\nid = "rail"\nquote = "q"\nmetric = "closures"\nperiod = "2023-12"\nunit = "railway crossings"\n'
        'window = ["2023-06", "2024-06"]\nkinds = ["rail_closure"]\nsince = "2023-11-27"\n'
    )
    [rail] = parse_article(text, tmp_path / "a.toml").claims
    context = evaluate(rail, real_tables)
    assert context.sentences[0].startswith("2 railway crossings were closed: Eagle Pass international railway bridge")
    assert not any("suspensions" in s for s in context.sentences)
    assert [c.kind for c in context.charts] == ["timeline", "sector_lines", "effects_bars"]
