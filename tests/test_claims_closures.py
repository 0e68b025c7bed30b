"""The closures evaluator on tiny inline tables (and once on the pinned real files): which ports
and railway crossings closed, the sectors around them, and crossings at the ports."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.charts.style import BREAK
from dashboard.charts.tables import closure_table
from data_sources.claims import verdict as v
from data_sources.claims.articles import DEFAULT_ARTICLES_DIR, load_articles, parse_article
from data_sources.claims.context import Claim
from data_sources.claims.evaluate import evaluate
from data_sources.claims.evaluators.closures import ClosuresParams
from data_sources.core.curated import SHORT_LABEL_CHARS
from data_sources.tables.derived import closure_timeline
from data_sources.tables.ports import CLOSURE_LIST_COLUMNS

M = pd.Timestamp
QUOTE = (
    "closures have affected at least three key border ports in Texas, Arizona, and California, as well as two "
    "railway crossings"
)
EVENTS = [  # id, kind, place, port code, start, end
    ("luke_cut", "port_closure", "Lukeville Port of Entry, Lukeville, Arizona", "2602", "2023-11-27", "2023-12-04"),
    ("luke", "port_closure", "Lukeville Port of Entry, Lukeville, Arizona", "2602", "2023-12-04", "2024-01-04"),
    ("sy", "port_closure", "San Ysidro PedWest, San Ysidro, California", "2504", "2023-12-09", "2024-01-04"),
    ("sy_old", "port_closure", "San Ysidro PedWest, San Ysidro, California", "2504", "2023-09-14", "2023-11-16"),
    ("ep_bridge", "port_closure", "Eagle Pass Bridge 1, Eagle Pass, Texas", "2303", "2023-11-27", "2024-01-04"),
    ("rail_ep", "rail_closure", "El Paso railway bridge, El Paso, Texas", "2402", "2023-12-18", "2023-12-22"),
    ("rail_eg", "rail_closure", "Eagle Pass railway bridge, Eagle Pass, Texas", "2303", "2023-12-18", "2023-12-22"),
]  # fmt: skip
LABELS = {  # the short labels charts and the closures table show
    "luke_cut": "Lukeville vehicles cut",
    "luke": "Lukeville port shut",
    "sy": "San Ysidro PedWest shut",
    "sy_old": "San Ysidro PedWest shut",
    "ep_bridge": "Eagle Pass Bridge 1 shut",
    "rail_ep": "El Paso rail halted",
    "rail_eg": "Eagle Pass rail halted",
}
MEASURES = [  # event, measure
    ("luke_cut", "Personal Vehicles"),
    ("luke", "Personal Vehicles"),
    ("luke", "Pedestrians"),
    ("luke", "Trucks"),
    ("sy", "Pedestrians"),
    ("ep_bridge", "Personal Vehicles"),
    ("rail_ep", "Trains"),
    ("rail_eg", "Trains"),
    ("rail_eg", "Rail Containers Loaded"),
]
SECTOR_DAYS = [  # sector, encounters in December 2022 and December 2023 (31 days each)
    ("Tucson", 31_000, 62_000),
    ("El Paso", 31_000, 15_500),
    ("Del Rio", 3_100, 3_100),
]
EFFECTS = [  # event, port, code, measure, days closed, value, a year earlier
    ("luke_cut", "Lukeville", "2602", "Personal Vehicles", 4, 3_966, 26_321),
    ("luke", "Lukeville", "2602", "Personal Vehicles", 28, 3_966, 26_321),
    ("luke", "Lukeville", "2602", "Pedestrians", 28, None, 8_033),
    ("ep_bridge", "Eagle Pass", "2303", "Personal Vehicles", 31, 138_097, 238_887),
    ("rail_eg", "Eagle Pass", "2303", "Trains", 5, 237, 227),
]


def tables() -> dict[str, pd.DataFrame]:
    events = pd.DataFrame(EVENTS, columns=["event_id", "kind", "place", "port_code", "start_date", "end_date"])
    events = events.assign(
        short_label=events["event_id"].map(LABELS),
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
        EFFECTS, columns=["event_id", "port_name", "port_code", "measure", "days_closed", "value", "value_year_before"]
    )
    effects = effects.assign(
        month=M("2023-12-01"),
        value=effects["value"].astype("Int64"),
        value_year_before=effects["value_year_before"].astype("Int64"),
        usual_year_before=effects["value_year_before"].astype("Int64"),
        unusual_baseline=False,
        change_vs_usual_pct=pd.NA,
    )
    return {
        "events": events,
        "port_sectors": ports,
        "closure_timeline": closure_timeline(events, ports),
        "closure_measures": pd.DataFrame(MEASURES, columns=["event_id", "measure"]),
        "sector_per_day": sector_days,
        "port_closure_effects": effects,
    }


def claim(
    kinds: tuple[str, ...] = ("port_closure", "rail_closure"),
    since: str = "2023-11-27",
    quote: str = QUOTE,
    value: float | None = None,
    unit: str = "ports",
) -> Claim:
    params = ClosuresParams(("2023-12", "2023-12"), since, kinds)
    return Claim("c", quote, "closures", "2023-12", unit, value, (), params)


PORTS = (
    "Our events list 4 port suspensions at 3 ports in AZ, CA and TX (Eagle Pass, Lukeville and San Ysidro; 2 at "
    "Lukeville) and 2 railway crossings (Eagle Pass and El Paso) in force on or after 27 November 2023; the table "
    "gives each one's first and last day closed, both counted as days closed."
)
RAIL = (
    "Our events list 2 railway crossings (Eagle Pass and El Paso) in force on or after 27 November 2023; the table "
    "gives each one's first and last day closed, both counted as days closed."
)
ONLY_PORTS = PORTS.replace(" and 2 railway crossings (Eagle Pass and El Paso)", "")
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
BRACKETS = "(BTS inbound crossings; in brackets, the change and the days of the month a closure stopped that traffic)"
EAGLE_PASS = (
    f"Eagle Pass in December 2023 {BRACKETS}: personal vehicles 138,097 vs 238,887 a year earlier (42% lower; 31 of "
    "31 days); trains 237 vs 227 a year earlier (4% higher; 5 of 31 days)."
)
LUKEVILLE = (
    f"Lukeville in December 2023 {BRACKETS}: pedestrians: no data reported (28 of 31 days); personal vehicles 3,966 "
    "vs 26,321 a year earlier (85% lower; 31 of 31 days)."
)


def test_closures_in_force_since_the_day_with_sectors_and_crossings():
    context = evaluate(claim(), tables())
    assert context.sentences == [PORTS, DEL_RIO, EL_PASO, TUCSON, EAGLE_PASS, LUKEVILLE]
    assert [c.kind for c in context.charts] == ["closure_table", "timeline", "sector_lines", "effects_bars"]
    assert context.charts[1].title == "Port and railway closures, Nov 2023–Jan 2024"
    assert set(context.charts[2].frame["sector"]) == {"Tucson", "San Diego", "El Paso", "Del Rio"}
    assert context.sources == ["events", "ohss_usbp", "bts_crossings"]
    assert [c.url.rsplit("/", 1)[1] for c in context.citations] == [
        "luke_cut", "luke", "sy", "ep_bridge", "rail_ep", "rail_eg"
    ]  # fmt: skip


def test_the_closures_are_a_table_a_phone_can_show_with_both_end_days_counted():
    table = evaluate(claim(), tables()).charts[0]
    assert table.title == "Closures at ports and railway crossings, in force from 27 November 2023"
    rows = [  # label, traffic stopped, first and last day closed, days closed
        ("Eagle Pass Bridge 1 shut", "vehicles", "2023-11-27", "2024-01-04", 39),
        ("Lukeville vehicles cut", "vehicles", "2023-11-27", "2023-12-04", 8),
        ("Lukeville port shut", "vehicles, pedestrians, trucks", "2023-12-04", "2024-01-04", 32),
        ("San Ysidro PedWest shut", "pedestrians", "2023-12-09", "2024-01-04", 27),
        ("Eagle Pass rail halted", "trains", "2023-12-18", "2023-12-22", 5),
        ("El Paso rail halted", "trains", "2023-12-18", "2023-12-22", 5),
    ]
    shown = ["closure", "traffic", "first_day_closed", "last_day_closed", "days_closed"]
    expected = pd.DataFrame(rows, columns=shown).astype({c: "datetime64[ns]" for c in shown[2:4]})
    assert list(table.frame.columns) == CLOSURE_LIST_COLUMNS
    assert list(table.frame["port"]) == ["Eagle Pass", "Lukeville", "Lukeville", "San Ysidro", "Eagle Pass", "El Paso"]
    pd.testing.assert_frame_equal(table.frame[shown], expected, check_dtype=False)
    assert table.frame["closure"].str.len().max() <= SHORT_LABEL_CHARS
    drawn = closure_table(table).data[0].cells.values  # the table a reader sees holds exactly the CSV's rows
    unbroken = [[str(text).replace(BREAK, " ") for text in column] for column in drawn]
    assert unbroken[0] == list(table.frame["closure"])
    assert unbroken[1] == [traffic.capitalize() for traffic in table.frame["traffic"]]
    assert unbroken[3] == [str(days) for days in table.frame["days_closed"]]
    assert unbroken[2][-1] == "18–22 Dec 2023"  # both end days closed: 5 days


def test_days_closed_belong_to_the_closures_that_stopped_each_measure():
    """Bug: Eagle Pass's trains were told 'a closure on 31 of 31 days' (the Bridge 1 vehicle suspension)
    although the rail crossing was closed 18–22 December: 5 days."""
    context = evaluate(claim(), tables())
    [effects] = [c.frame for c in context.charts if c.kind == "effects_bars"]
    days = effects.set_index(["port_name", "measure"])["days_closed"]
    assert days[("Eagle Pass", "Trains")] == 5 and days[("Eagle Pass", "Personal Vehicles")] == 31
    assert days[("Lukeville", "Personal Vehicles")] == 31  # the cut (1–4 Dec) and the suspension (4–31 Dec), 4 Dec once
    assert days[("Lukeville", "Pedestrians")] == 28
    assert "trains 237 vs 227 a year earlier (4% higher; 5 of 31 days)" in context.sentences[-2]


def test_an_unusual_baseline_is_told_with_the_usual_level():
    effects = tables()["port_closure_effects"]
    unusual = effects.assign(
        unusual_baseline=effects["measure"] == "Trains",
        usual_year_before=effects["usual_year_before"].where(effects["measure"] != "Trains", 500),
        change_vs_usual_pct=pd.array([None, None, None, None, -52.6], dtype="Float64"),
    )
    context = evaluate(claim(), tables() | {"port_closure_effects": unusual})
    assert (
        "trains 237 vs 227 a year earlier (4% higher, but that month was unusual: against the usual 500 of the "
        "months around it, −52.6%; 5 of 31 days)"
    ) in context.sentences[-2]


def test_only_rail_closures_are_told_without_a_port_sentence():
    """Bug: `wording.listing([])` raised IndexError on the empty list of states and took the page down."""
    context = evaluate(claim(kinds=("rail_closure",)), tables())
    assert context.sentences == [RAIL, DEL_RIO, EL_PASO, EAGLE_PASS.replace(
        "personal vehicles 138,097 vs 238,887 a year earlier (42% lower; 31 of 31 days); ", "")]  # fmt: skip
    assert context.charts[1].title == "Railway closures, Dec 2023"
    assert [c.kind for c in context.charts] == ["closure_table", "timeline", "sector_lines", "effects_bars"]


def test_only_port_closures():
    context = evaluate(claim(kinds=("port_closure",)), tables())
    assert context.sentences[:3] == [ONLY_PORTS, DEL_RIO, TUCSON]


def test_without_crossings_data_the_card_still_tells_closures_and_sectors():
    without_bts = {name: t for name, t in tables().items() if name != "port_closure_effects"}
    context = evaluate(claim(), without_bts)
    assert context.sentences == [PORTS, DEL_RIO, EL_PASO, TUCSON]
    assert context.sources == ["events", "ohss_usbp"]


def test_no_closure_in_force_since_the_day():
    context = evaluate(claim(since="2024-02-01"), tables())
    assert context.sentences == ["Our events file lists no closures in force on or after 1 February 2024."]
    assert context.charts == [] and context.verdict is not None and context.verdict.label == v.NOT_CHECKABLE


def test_without_border_patrol_sectors_it_is_no_data():
    without_ohss = {name: t for name, t in tables().items() if name != "sector_per_day"}
    context = evaluate(claim(), without_ohss)
    assert context.sentences[0].startswith("Our snapshots hold no dated closures for December 2023.")


@pytest.mark.parametrize(
    ("quote", "value", "unit", "label"),
    [
        (QUOTE, None, "ports", v.IN_LINE),  # at least 3 ports (we list 3) and 2 railway crossings (2)
        ("closures have affected at least five border ports", None, "ports", v.HIGHER),
        ("closures shut two ports and two railway crossings", None, "ports", v.LOWER),  # a plain 2 is not 3
        ("more than three ports and one railway crossing closed", None, "ports", v.NOT_IN_LINE),
        ("ports and railway crossings have closed", None, "ports", v.NOT_CHECKABLE),
        ("Ports have closed", 3, "ports", v.IN_LINE),  # found in pasted text: the number and unit it was read with
    ],
)
def test_the_verdict_sets_the_claimed_counts_against_the_ports_and_crossings_we_list(quote, value, unit, label):
    verdict = evaluate(claim(quote=quote, value=value, unit=unit), tables()).verdict
    assert verdict is not None and verdict.label == label
    if label != v.NOT_CHECKABLE:
        assert "3 ports (Eagle Pass, Lukeville and San Ysidro)" in verdict.compared_with
        assert "'At least N' holds when our count is N or more" in verdict.rule


def test_the_verdict_says_the_article_counts_ports_not_suspensions():
    verdict = evaluate(claim(), tables()).verdict
    assert verdict is not None and verdict.summary == (
        "The article's “at least three” ports and “two” railway crossings fit the 3 ports (Eagle Pass, Lukeville and "
        "San Ysidro) and 2 railway crossings (Eagle Pass and El Paso) our cited events list in force on or after 27 "
        "November 2023; it counts ports, not the 4 suspensions at them."
    )


def test_sector_figures_say_which_source_is_shown_and_the_exact_count_beside_it():
    reconciliation = pd.DataFrame(
        {
            "month": [M("2023-12-01")] * 2,
            "component": "U.S. Border Patrol",
            "breakdown": ["Del Rio", "Yuma"],
            "left_source": "cbp_nationwide",
            "left_vintage": "2024-01",
            "left_encounters": [3_145, 70],
            "right_source": "ohss_usbp",
            "right_vintage": "2024-12",
            "right_encounters": [3_100, 70],
            "difference": [-45, 0],
            "within_rounding": [False, True],
        }
    )
    sentences = evaluate(claim(), tables() | {"reconciliation": reconciliation}).sentences
    note = next(s for s in sentences if s.startswith("Sector figures are from"))
    assert "rounded to the nearest 10" in note and "Yuma" not in note  # Yuma surrounds none of the ports
    assert note.endswith("December 2023: Del Rio 3,145 (rounded: 3,100, 45 apart, more than rounding explains).")


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
    assert context.sentences[0].startswith("Our events list 2 railway crossings (Eagle Pass and El Paso) in force")
    assert not any("suspensions" in s for s in context.sentences)
    assert [c.kind for c in context.charts] == ["closure_table", "timeline", "sector_lines", "effects_bars"]


@pytest.fixture(scope="module")
def article_card(real_tables):
    (article,), _ = load_articles(DEFAULT_ARTICLES_DIR)
    [closures] = [c for c in article.claims if c.metric == "closures"]
    return evaluate(closures, real_tables)


def test_the_articles_closures_on_the_real_files(article_card):
    """Four ports and five suspensions, two railway crossings closed 18–22 December (5 days), in line with
    'at least three' ports and 'two' railway crossings."""
    assert article_card.verdict is not None and article_card.verdict.label == v.IN_LINE
    assert "4 ports (Eagle Pass, Lukeville, Nogales and San Ysidro)" in article_card.verdict.summary
    assert article_card.verdict.summary.endswith("it counts ports, not the 5 suspensions at them.")
    table = article_card.charts[0].frame.set_index("closure")
    assert table.loc["Eagle Pass rail halted", "days_closed"] == table.loc["El Paso rail halted", "days_closed"] == 5
    assert table.loc["Lukeville port shut", "traffic"] == "vehicles, pedestrians, trucks"
    assert len(table) == 7


def test_eagle_pass_trains_are_told_their_own_closure_days_on_the_real_files(article_card):
    [eagle_pass] = [s for s in article_card.sentences if s.startswith("Eagle Pass in December 2023")]
    assert re.search(r"trains [\d,]+ vs [\d,]+ a year earlier \([^;]+; 5 of 31 days\)", eagle_pass)
    assert re.search(r"personal vehicles [\d,]+ vs [\d,]+ a year earlier \([^;]+; 31 of 31 days\)", eagle_pass)


def test_del_rio_says_ohss_is_shown_and_cbp_differs_by_more_than_rounding_on_the_real_files(article_card):
    [note] = [s for s in article_card.sentences if s.startswith("Sector figures are from")]
    assert "Del Rio 71,095 (rounded: 71,050, 45 apart, more than rounding explains)" in note
    assert "Border Patrol's Del Rio sector (around Eagle Pass) recorded 71,050 encounters" in " ".join(
        article_card.sentences
    )
