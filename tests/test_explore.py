"""The explorer's reshaping and its query string, on tiny inline frames; and the defaults the ports
page takes from the data."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.charts.encounters import chart_title, explorer, explorer_spec
from dashboard.charts.reader_view import figure_of, ready_for_reader
from dashboard.charts.style import series_style
from dashboard.port_controls import default_map_month
from data_sources.core.vocabulary import ALL_SOUTHWEST, DARIEN, MEXICO, OFO, SOUTHWEST_REGION, USBP
from data_sources.sources.registry import get_source
from data_sources.tables.explore import (
    OTHER,
    TOTAL,
    VIEWS,
    Query,
    explore,
    file_name,
    for_download,
    month_label,
    notes,
    partial_periods,
    policy_events,
)
from data_sources.tables.explore_hemisphere import notes as notes_for
from data_sources.tables.explore_hemisphere import rows_for, view_months
from data_sources.tables.explore_link import clamp_range, months_of, parse_query, presets, to_params
from data_sources.tables.hemisphere import stacked
from tests.conftest import source_file

COVERAGE = ("2021-10", "2025-08")


def monthly(rows: list[tuple[str, str, int]], by: str = "component") -> pd.DataFrame:
    """A canonical-shaped table from (YYYY-MM, series, encounters) rows."""
    months = pd.to_datetime([f"{month}-01" for month, _, _ in rows])
    return pd.DataFrame(
        {
            "month": months,
            "fiscal_year": months.year + (months.month >= 10),
            by: [series for _, series, _ in rows],
            "encounters": [count for _, _, count in rows],
        }
    )


def test_per_day_divides_by_the_days_in_each_month():
    table = monthly([("2024-02", USBP, 290), ("2024-03", USBP, 310), ("2024-02", OFO, 29)])
    rows = explore(table, VIEWS["southwest"], Query("2024-02", "2024-03"))
    months = pd.to_datetime(["2024-02-01"] * 3 + ["2024-03-01"])
    expected = pd.DataFrame(
        {
            "period": months,
            "component": [OFO, TOTAL, USBP, USBP],  # no total for March: OFO reported nothing
            "encounters": [29, 319, 290, 310],
            "days": [29, 29, 29, 31],
            "months": [1, 1, 1, 1],
            "first_month": months,
            "last_month": months,
            "value": [1.0, 11.0, 10.0, 10.0],
        }
    )
    pd.testing.assert_frame_equal(rows, expected)


def test_fiscal_years_add_months_and_count_the_days_covered():
    table = monthly([("2023-09", USBP, 30), ("2023-10", USBP, 31), ("2023-11", USBP, 60)])
    query = Query("2023-09", "2023-11", unit="total", granularity="fiscal_year")
    rows = explore(table, VIEWS["southwest"], query)
    assert rows[["period", "encounters", "days", "months", "value"]].to_dict("records") == [
        {"period": 2023, "encounters": 30, "days": 30, "months": 1, "value": 30},
        {"period": 2024, "encounters": 91, "days": 61, "months": 2, "value": 91},
    ]
    assert partial_periods(rows, query) == {"FY2023": "1 of 12 months", "FY2024": "2 of 12 months"}


def test_only_the_largest_series_are_kept_and_the_rest_added_up():
    table = monthly([("2024-01", "A", 50), ("2024-01", "B", 40), ("2024-01", "C", 3), ("2024-01", "D", 2)], "x")
    rows = explore(table, VIEWS["southwest"], Query("2024-01", "2024-01", by="x", unit="total", top=2))
    assert dict(zip(rows["x"], rows["value"], strict=True)) == {"A": 50, "B": 40, OTHER: 5}


def test_view_filters_component_choice_and_month_range_select_rows():
    table = monthly(
        [("2024-01", "Tucson, AZ", 10), ("2024-01", "Blaine, WA", 99), ("2024-02", "Tucson, AZ", 20)], "sector"
    )
    table["region"] = [SOUTHWEST_REGION, "Northern Land Border", SOUTHWEST_REGION]
    rows = explore(table, VIEWS["usbp_sector"], Query("2024-01", "2024-01", view="usbp_sector", by="sector"))
    assert list(rows["sector"]) == ["Tucson, AZ"] and list(rows["encounters"]) == [10]
    both = monthly([("2024-01", USBP, 10), ("2024-01", OFO, 5)])
    rows = explore(both, VIEWS["southwest"], Query("2024-01", "2024-01", component=OFO, unit="total"))
    assert list(rows["component"]) == [OFO]


def test_an_empty_selection_has_the_chart_columns():
    rows = explore(monthly([("2024-01", USBP, 10)]), VIEWS["southwest"], Query("2020-01", "2020-12"))
    columns = ["period", "component", "encounters", "days", "months", "first_month", "last_month", "value"]
    assert rows.empty and list(rows.columns) == columns


def test_a_link_without_parameters_shows_the_whole_coverage():
    query, notices = parse_query({}, COVERAGE)
    assert query == Query(*COVERAGE) and notices == []


def test_a_query_survives_the_round_trip_through_the_url():
    query = Query("2022-10", "2023-09", "cbp_detail", "citizenship", USBP, "total", "fiscal_year", 4, False)
    assert parse_query(to_params(query), COVERAGE) == (query, [])


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"view": "<script>"}, "Unknown view '<script>'"),
        ({"by": "sector"}, "Ignored by='sector'"),  # not a breakdown of the default view
        ({"component": "Navy"}, "Ignored component='Navy'"),
        ({"unit": "per_week"}, "Ignored unit='per_week'"),
        ({"granularity": "decade"}, "Ignored granularity='decade'"),
        ({"start": "-5"}, "Ignored start='-5'"),
        ({"start": "20x3"}, "Ignored start='20x3'"),
        ({"end": "2023-13"}, "Ignored end='2023-13'"),
        ({"end": "2023"}, "Ignored end='2023'"),
        ({"top": "0"}, "Ignored top"),
        ({"top": "21"}, "Ignored top"),
        ({"top": "²"}, "Ignored top"),  # a digit to str.isdigit, not to int()
        ({"top": "-3"}, "Ignored top"),
    ],
)
def test_malformed_values_fall_back_to_the_defaults_with_a_notice(params, notice):
    query, notices = parse_query(params, COVERAGE)
    assert query == Query(*COVERAGE)
    assert len(notices) == 1 and notices[0].startswith(notice)


def test_months_outside_the_data_are_clipped_and_a_reversed_range_swapped():
    query, notices = parse_query({"start": "1990-01", "end": "2099-01"}, COVERAGE)
    assert (query.start, query.end) == COVERAGE
    assert [n.split(" is ")[0] for n in notices] == ["start 1990-01", "end 2099-01"]
    query, notices = parse_query({"start": "2024-05", "end": "2022-01"}, COVERAGE)
    assert (query.start, query.end) == ("2022-01", "2024-05") and "swapped" in notices[-1]


def test_a_breakdown_of_the_chosen_view_is_kept():
    query, notices = parse_query({"view": "usbp_sector", "by": "sector", "events": "0"}, COVERAGE)
    assert (query.view, query.by, query.events, notices) == ("usbp_sector", "sector", False, [])
    query, _ = parse_query({"view": "usbp_sector"}, COVERAGE)
    assert query.by == "sector"  # the view's first breakdown, not the default view's


@pytest.mark.parametrize(
    ("remembered", "fitted"),
    [
        (("2019-10", "2025-08"), ("2021-10", "2025-08")),
        (("2022-01", "2023-01"), ("2022-01", "2023-01")),
        (("2000-01", "2005-01"), COVERAGE),  # no overlap: all of it
    ],
)
def test_a_remembered_range_is_fitted_to_another_tables_months(remembered, fitted):
    assert clamp_range(remembered, COVERAGE) == fitted


def test_months_of_a_table_have_no_gaps():
    assert months_of(monthly([("2023-11", USBP, 1), ("2024-02", USBP, 1)])) == [
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
    ]


EVENTS = pd.DataFrame(
    {
        "event_id": ["order", "inauguration", "talks", "bridge", "rail"],
        "kind": ["policy", "administration", "meeting", "port_closure", "rail_closure"],
        "start_date": pd.to_datetime(["2020-03-20", "2021-01-20", "2023-12-27", "2023-11-27", "2023-12-18"]),
        "end_date": pd.to_datetime(["2023-05-11", None, None, "2024-01-04", "2023-12-22"]),
        "short_label": ["Order", "Inauguration", "Talks", "Bridge closed", "Rail closed"],
        "description": ["a", "b", "c", "d", "e"],
    }
)


def test_policy_events_are_marked_only_on_monthly_charts_when_asked():
    assert list(policy_events(EVENTS, Query(*COVERAGE))["event_id"]) == ["order", "inauguration"]
    assert policy_events(EVENTS, Query(*COVERAGE, events=False)) is None
    assert policy_events(EVENTS, Query(*COVERAGE, granularity="fiscal_year")) is None


def test_the_explorer_chart_marks_only_events_inside_its_months():
    rows = explore(
        monthly([("2020-01", USBP, 31), ("2020-06", USBP, 30)]), VIEWS["southwest"], Query("2020-01", "2020-06")
    )
    figure = explorer(rows, Query("2020-01", "2020-06"), policy_events(EVENTS, Query(*COVERAGE)))
    assert [t.name for t in figure.data] == [USBP, "A: Order"]  # the one event inside, keyed by letter and label
    assert figure.data[0].line.color == series_style(USBP).colour


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (["2023-10", "2023-11", "2023-12", "2024-01"], "2023-12"),  # the latest month a closure started
        (["2023-10", "2023-11"], "2023-11"),  # the data stops before the later closure
        (["2024-05", "2024-06"], "2024-06"),  # no closure in the data: the last month
    ],
)
def test_the_map_opens_on_a_closure_month_the_data_covers(months, expected):
    assert default_map_month(months, EVENTS) == expected


def colours_by_citizenship(rows: list[tuple[str, str, int]]) -> dict[str, str]:
    rows = [*rows, *[("2024-02", name, count) for _, name, count in rows]]
    query = Query("2024-01", "2024-02", by="citizenship")
    figure = explorer(explore(monthly(rows, "citizenship"), VIEWS["southwest"], query), query, None)
    return {trace.name: trace.line.color for trace in figure.data}


def test_each_series_has_one_colour_whatever_the_order_or_spelling():
    assert series_style("Del Rio, TX") == series_style("Del Rio") == series_style("Del Rio Sector")
    assert len({series_style(name) for name in (ALL_SOUTHWEST, USBP, OFO, OTHER)}) == 4
    two = colours_by_citizenship([("2024-01", "Guatemala", 1), ("2024-01", "Honduras", 2)])
    three = colours_by_citizenship([("2024-01", "Cuba", 5), ("2024-01", "Honduras", 2), ("2024-01", "Guatemala", 1)])
    assert two.items() <= three.items()  # adding a series, or drawing in another order, changes no colour


def fiscal_year_2023_and(later: list[str]) -> pd.DataFrame:
    """Border Patrol: all 12 months of FY2023 (100 each), then `later` months (10 each)."""
    whole = [f"{month:%Y-%m}" for month in pd.date_range("2022-10-01", "2023-09-01", freq="MS")]
    return monthly([*[(m, USBP, 100) for m in whole], *[(m, USBP, 10) for m in later]])


@pytest.mark.parametrize(
    ("granularity", "periods", "labels"),
    [("fiscal_year", [2023, 2024], ("FY2023", "FY2024")), ("calendar_year", [2022, 2023], ("2022", "2023"))],
)
def test_year_views_are_whole_years_on_a_category_axis(granularity, periods, labels):
    query = Query("2022-10", "2023-10", component=USBP, granularity=granularity)
    rows = explore(fiscal_year_2023_and(["2023-10"]), VIEWS["southwest"], query)
    assert pd.api.types.is_integer_dtype(rows["period"]) and list(rows["period"]) == periods
    figure = explorer(rows, query, None)
    assert figure.layout.xaxis.type == "category" and list(figure.layout.xaxis.categoryarray) == list(labels)
    assert {x for trace in figure.data for x in trace.x} == set(labels)  # never 2,022.5


def test_a_partial_year_is_hollow_on_a_dashed_line_and_says_how_many_months():
    query = Query("2022-10", "2023-11", component=USBP, unit="total", granularity="fiscal_year")
    rows = explore(fiscal_year_2023_and(["2023-10", "2023-11"]), VIEWS["southwest"], query)
    assert partial_periods(rows, query) == {"FY2024": "2 of 12 months"}
    solid, dashed, hollow = explorer(rows, query, None).data
    assert list(solid.x) == ["FY2023", "FY2024"] and solid.y[0] == 1200 and pd.isna(solid.y[1])  # stops at FY2023
    assert dashed.line.dash == "dash" and list(dashed.y) == [1200, 20] and dashed.hoverinfo == "skip"
    assert list(hollow.x) == ["FY2024"] and hollow.marker.symbol == "circle-open"
    assert hollow.customdata == ("2 of 12 months",) and "%{customdata}" in hollow.hovertemplate
    assert {solid.legendgroup, dashed.legendgroup, hollow.legendgroup} == {USBP} and not dashed.showlegend
    assert "Partial years, drawn hollow on a dashed line: FY2024 has 2 of 12 months." in notes(rows, query)[1]


@pytest.mark.parametrize(
    ("table", "query"),
    [
        (fiscal_year_2023_and(["2023-10", "2023-11"]), Query("2022-10", "2023-11", unit="per_day")),  # lines, events
        (fiscal_year_2023_and(["2023-10"]), Query("2022-10", "2023-10", component=USBP, granularity="fiscal_year")),
        (fiscal_year_2023_and([]), Query("2023-05", "2023-05", unit="total")),  # one period: bars
    ],
)
def test_explorer_figures_are_what_plotlys_checks_make_of_them(table, query):
    """The explorer skips Plotly's property checks (`figure_of`); with them on, every property must be
    accepted and the figure drawn must be the same."""
    rows = explore(table, VIEWS["southwest"], query)
    spec = ready_for_reader(explorer_spec(rows, query, policy_events(EVENTS, query)), dark=False)
    checked = go.Figure(copy.deepcopy(spec))  # raises on any property Plotly does not know
    assert json.loads(checked.to_json()) == json.loads(figure_of(spec).to_json())


def test_a_single_period_is_drawn_as_bars_largest_on_top():
    table = monthly(
        [("2023-12", "Tucson Sector", 80), ("2023-12", "Del Rio Sector", 70), ("2023-12", "Yuma", 1)],
        "area_of_responsibility",
    )
    query = Query("2023-12", "2023-12", view="aor", by="area_of_responsibility", top=2)
    (bars,) = explorer(explore(table, VIEWS["aor"], query), query, policy_events(EVENTS, query)).data
    assert bars.type == "bar" and bars.orientation == "h"
    assert bars.y == (OTHER, "Del Rio Sector", "Tucson Sector")  # drawn bottom to top
    assert (
        "Policy events are marked on charts over several months" in notes(explore(table, VIEWS["aor"], query), query)[0]
    )


@pytest.mark.parametrize(
    ("query", "title", "columns"),
    [
        (
            Query("2022-10", "2023-10", "cbp_detail", "citizenship", OFO, "total", "fiscal_year", 3),
            "OFO encounters per fiscal year by citizenship, FY2023–FY2024 (Oct 2022–Oct 2023) · CBP Southwest detail",
            ("CBP Southwest detail, FY2022 on (both components)", OFO, "encounters", "Fiscal year (Oct–Sep)", 3),
        ),
        (
            Query("2022-10", "2023-10", "usbp_sector", "sector", unit="per_day"),
            "Border Patrol encounters per day by sector, averaged over each month · Oct 2022–Oct 2023 · "
            "OHSS Southwest sectors",
            ("Border Patrol by Southwest sector, FY2000 on (OHSS)", USBP, "encounters per day", "Month", 6),
        ),
        (
            Query("2022-10", "2023-10", granularity="calendar_year"),
            "Encounters per day by component, averaged over each calendar year · 2022–2023 (Oct 2022–Oct 2023) · "
            "CBP and OHSS Southwest series",
            ("Southwest border by component", "Both (Border Patrol + OFO)", "encounters per day", "Calendar year", 6),
        ),
    ],
)
def test_every_choice_is_in_the_title_and_in_the_csv_columns(query, title, columns):
    table = fiscal_year_2023_and(["2023-10"]).assign(
        component=lambda t: [OFO if query.component == OFO else USBP] * len(t), citizenship="Mexico", sector="Tucson"
    )
    table["region"] = SOUTHWEST_REGION
    rows = explore(table, VIEWS[query.view], query)
    assert chart_title(query, rows) == title
    download = for_download(rows, query)
    described = download[["view", "components_shown", "unit", "period_type", "series_shown"]].drop_duplicates()
    view, component, unit, period_type, top = columns
    assert len(described) == 1 and described.iloc[0]["view"].startswith(view)
    assert list(described.iloc[0])[1:] == [component, unit, period_type, top]
    assert set(download["months_from"]) == {"2022-10"} and set(download["months_to"]) == {"2023-10"}
    assert list(download.columns[: len(rows.columns)]) == list(rows.columns)  # the chart's rows, unchanged


def test_a_tie_at_the_cut_keeps_the_name_that_sorts_first_and_sums_stay_whole():
    table = monthly(
        [("2024-01", "Peru", 30), ("2024-01", "Chile", 30), ("2024-01", "Haiti", 0), ("2024-02", "Peru", 5)],
        "citizenship",
    )
    query = Query("2024-01", "2024-02", "cbp_detail", "citizenship", unit="total", top=1)
    rows = explore(table, VIEWS["cbp_detail"], query)
    # Peru (35) is first; the cut at one series falls between Chile and Haiti's zero, both folded
    assert list(zip(rows["period"].dt.strftime("%Y-%m"), rows["citizenship"], rows["value"], strict=True)) == [
        ("2024-01", OTHER, 30),
        ("2024-01", "Peru", 30),
        ("2024-02", "Peru", 5),
    ]
    tied = explore(table.assign(encounters=[30, 30, 0, 0]), VIEWS["cbp_detail"], query)
    assert set(tied["citizenship"]) == {"Chile", OTHER}  # 30 each: Chile sorts before Peru


@pytest.mark.parametrize("top", [2, 20])
def test_the_publishers_other_and_our_remainder_are_one_bucket(top):
    table = monthly(
        [("2024-01", "Mexico", 50), ("2024-01", "Other", 40), ("2024-01", "Guatemala", 30), ("2024-01", "Cuba", 1)],
        "citizenship",
    )
    query = Query("2024-01", "2024-01", "cbp_detail", "citizenship", unit="total", top=top)
    rows = explore(table, VIEWS["cbp_detail"], query)
    grouped = 41 if top == 2 else 40  # CBP's 'Other' (40), plus Cuba when it is not among the top two
    assert dict(zip(rows["citizenship"], rows["value"], strict=True))[OTHER] == grouped
    assert [name for name in rows["citizenship"] if "other" in name.lower()] == [OTHER]
    assert "names only a few countries of citizenship and counts the rest as “Other”, here in “All other”." in " ".join(
        notes(rows, query)
    )


def test_the_total_line_is_the_sum_of_both_components_where_both_cover_the_period():
    table = monthly(
        [
            ("2021-09", USBP, 300),
            ("2021-10", USBP, 310),
            ("2021-10", OFO, 31),
            ("2021-11", USBP, 30),
            ("2021-11", OFO, 3),
        ]
    )
    query = Query("2021-09", "2021-11")
    rows = explore(table, VIEWS["southwest"], query)
    wide = rows.pivot(index="period", columns="component", values="encounters")
    both = wide.dropna()
    assert list(both.index) == list(pd.to_datetime(["2021-10-01", "2021-11-01"]))  # not September: no OFO yet
    assert (both[TOTAL] == both[USBP] + both[OFO]).all()
    values = rows.pivot(index="period", columns="component", values="value").dropna()
    assert values[TOTAL].to_list() == pytest.approx((values[USBP] + values[OFO]).to_list(), abs=0.01)
    assert "Total (Border Patrol + OFO) is drawn from Oct 2021: earlier periods lack both" in " ".join(
        notes(rows, query)
    )
    total = next(trace for trace in explorer(rows, query, None).data if trace.name == TOTAL)
    assert total.legendrank == 1 and total.line.color == series_style(ALL_SOUTHWEST).colour


@pytest.mark.parametrize(
    "query",
    [
        Query("2021-10", "2021-11", component=USBP),  # one component
        Query("2021-10", "2021-11", by="citizenship"),  # the series are not the components
        Query("2021-10", "2021-11", view="usbp_region", by="region"),  # OHSS: Border Patrol only
    ],
)
def test_no_total_unless_both_components_are_the_series(query):
    table = monthly([("2021-10", USBP, 310), ("2021-10", OFO, 31), ("2021-11", USBP, 30)], query.by)
    table["component"] = [USBP, OFO, USBP]
    assert TOTAL not in set(explore(table, VIEWS[query.view], query)[query.by])


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (
            ("1999-10", "2024-11"),  # OHSS: from the start of FY2000 to November of FY2025
            {
                "Last 12 months (Dec 2023–Nov 2024)": ("2023-12", "2024-11"),
                "FY2025 so far (Oct 2024–Nov 2024)": ("2024-10", "2024-11"),
                "Since FY2000 (Oct 1999–Nov 2024)": ("1999-10", "2024-11"),
            },
        ),
        (
            ("2021-10", "2024-09"),  # a whole fiscal year at the end
            {
                "Last 12 months (Oct 2023–Sep 2024)": ("2023-10", "2024-09"),  # the same range as FY2024: once
                "Since FY2022 (Oct 2021–Sep 2024)": ("2021-10", "2024-09"),
            },
        ),
        (
            ("2024-01", "2024-03"),  # three months, starting mid-year
            {"Last 12 months (Jan 2024–Mar 2024)": ("2024-01", "2024-03")},
        ),
        (("2023-12", "2023-12"), {}),  # one month: nothing to choose
    ],
)
def test_range_presets_come_from_the_tables_months(months, expected):
    span = [f"{m:%Y-%m}" for m in pd.date_range(f"{months[0]}-01", f"{months[1]}-01", freq="MS")]
    assert presets(span) == expected


@pytest.mark.parametrize(
    ("query", "said"),
    [
        (Query("2020-01", "2020-06", granularity="fiscal_year"), "marked on monthly charts only"),
        (Query("2020-01", "2020-06", granularity="calendar_year", events=False), None),
        (Query("2020-01", "2020-06"), None),
    ],
)
def test_the_events_toggle_says_when_it_cannot_draw(query, said):
    rows = explore(monthly([("2020-01", USBP, 31), ("2020-06", USBP, 30)]), VIEWS["southwest"], query)
    found = [note for note in notes(rows, query) if note.startswith("Policy events")]
    assert len(found) == (said is not None) and all(said in note for note in found)


def test_slider_months_read_as_months():
    assert [month_label(m) for m in ("2023-12", pd.Timestamp("2024-01-01"))] == ["Dec 2023", "Jan 2024"]


# The hemisphere views (Darién, Mexico) on the pinned real files: years from the annual tables.


@pytest.fixture(scope="module")
def hemisphere() -> dict[str, pd.DataFrame]:
    return stacked({key: get_source(key).parse(source_file(key)) for key in ("iom_darien", "iom_mexico")})


def whole_span(hemisphere: dict[str, pd.DataFrame], view: str, **choices: Any) -> Query:
    months = view_months(hemisphere, VIEWS[view])
    return Query(months[0], months[-1], view, **choices)


def test_darien_years_are_its_published_totals_then_the_sums_of_its_months(hemisphere):
    query = whole_span(hemisphere, "darien", by="place", unit="total", granularity="calendar_year")
    rows = rows_for(hemisphere, VIEWS["darien"], query)
    annual = hemisphere["hemisphere_annual"]
    annual = annual[annual["place"] == DARIEN]
    assert rows["period"].tolist() == annual["year"].tolist()  # every year from the first annual total on
    assert rows["encounters"].tolist() == rows["value"].tolist() == annual["count"].tolist()
    assert rows["months"].tolist() == annual["months"].tolist()
    assert partial_periods(rows, query) == {"2020": "9 of 12 months", "2025": "4 of 12 months"}
    said = " ".join(notes_for(hemisphere, rows, query, VIEWS["darien"]))
    assert "2010–2019 are totals the publisher gave for the whole year" in said
    assert "Apr 2020, May 2020, Jul 2020" in said


def test_darien_months_start_where_the_monthly_tables_do(hemisphere):
    query = whole_span(hemisphere, "darien", by="place", unit="total")
    assert query.start == "2010-01"  # the range reaches the annual years, for the year view
    rows = rows_for(hemisphere, VIEWS["darien"], query)
    assert rows["period"].min() == pd.Timestamp("2020-01-01")
    assert not rows["period"].isin(pd.to_datetime(["2020-04-01", "2020-05-01", "2020-07-01"])).any()
    said = " ".join(notes_for(hemisphere, rows, query, VIEWS["darien"]))
    assert "Months start in Jan 2020" in said and "Choose Period “Calendar year”" in said


def test_a_year_published_only_as_a_total_is_shown_only_when_the_range_holds_all_of_it(hemisphere):
    query = Query("2015-06", "2021-03", "darien", "place", unit="per_day", granularity="calendar_year")
    rows = rows_for(hemisphere, VIEWS["darien"], query).set_index("period")
    assert rows.index.tolist() == [2016, 2017, 2018, 2019, 2020, 2021]  # 2015 cannot be cut at June
    assert (rows.loc[2016, "days"], rows.loc[2021, "months"], rows.loc[2021, "days"]) == (366, 3, 90)
    assert rows.loc[2017, "value"] == round(rows.loc[2017, "encounters"] / 365, 2)


def test_mexico_by_nationality_names_the_largest_and_adds_up_the_rest(hemisphere):
    query = whole_span(hemisphere, "mexico", by="citizenship", unit="total", granularity="calendar_year", top=3)
    rows = rows_for(hemisphere, VIEWS["mexico"], query)
    assert rows["citizenship"].nunique() == 4 and OTHER in set(rows["citizenship"])
    annual = hemisphere["hemisphere_annual"]
    expected = annual.loc[annual["place"] == MEXICO].set_index("year")["count"]
    assert rows.groupby("period")["encounters"].sum().to_dict() == expected.to_dict()
    monthly = rows_for(hemisphere, VIEWS["mexico"], replace(query, granularity="month"))
    assert monthly["period"].min() == pd.Timestamp("2018-01-01")


def test_hemisphere_views_offer_calendar_periods_only(hemisphere):
    coverage = ("2010-01", "2025-04")
    query, said = parse_query({"view": "darien", "granularity": "fiscal_year"}, coverage)
    assert query.granularity == "month" and "expected one of month, calendar_year" in said[0]
    assert VIEWS["darien"].granularities == VIEWS["mexico"].granularities == ("month", "calendar_year")
    months = [f"{m:%Y-%m}" for m in pd.date_range("2024-01-01", "2025-04-01", freq="MS")]
    assert list(presets(months, fiscal=False)) == [
        "Last 12 months (May 2024–Apr 2025)",
        "2025 so far (Jan 2025–Apr 2025)",
        "Since 2024 (Jan 2024–Apr 2025)",
    ]


def test_hemisphere_charts_and_downloads_say_what_they_count(hemisphere):
    query = whole_span(hemisphere, "darien", by="citizenship", unit="total", granularity="calendar_year")
    rows = rows_for(hemisphere, VIEWS["darien"], query)
    figure = explorer(rows, query, None)
    assert chart_title(query, rows).startswith("Darién crossings per calendar year by citizenship")
    assert figure.layout.yaxis.title.text.replace("<br>", " ") == "Crossings per calendar year"
    saved = for_download(rows, query)
    assert {"crossings", "components_shown", "unit"} <= set(saved.columns) and "encounters" not in saved.columns
    assert set(saved["components_shown"]) == {DARIEN} and set(saved["unit"]) == {"crossings"}
    assert file_name(query).startswith("crossings_darien_by_citizenship")
