"""The explorer's reshaping and its query string, on tiny inline frames; and the defaults the ports
page takes from the data."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.charts.encounters import explorer
from dashboard.charts.style import series_style
from dashboard.port_controls import default_map_month
from data_sources.core.vocabulary import ALL_SOUTHWEST, OFO, SOUTHWEST_REGION, USBP
from data_sources.tables.explore import (
    OTHER,
    VIEWS,
    Query,
    clamp_range,
    explore,
    months_of,
    notes,
    parse_query,
    policy_events,
    to_params,
)

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
    expected = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-02-01", "2024-02-01", "2024-03-01"]),
            "component": [OFO, USBP, USBP],
            "encounters": [29, 290, 310],
            "days": [29, 29, 31],
            "months": [1, 1, 1],
            "value": [1.0, 10.0, 10.0],
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
    assert notes(rows, query) == ["Years with fewer than 12 months of data: 2023, 2024. Compare them per day."]


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
    assert rows.empty and list(rows.columns) == ["period", "component", "encounters", "days", "months", "value"]


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
    assert [t.name for t in figure.data] == [USBP, "order"]
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
    query = Query("2024-01", "2024-01", by="citizenship")
    figure = explorer(explore(monthly(rows, "citizenship"), VIEWS["southwest"], query), query, None)
    return {trace.name: trace.line.color for trace in figure.data}


def test_each_series_has_one_colour_whatever_the_order_or_spelling():
    assert series_style("Del Rio, TX") == series_style("Del Rio") == series_style("Del Rio Sector")
    assert len({series_style(name) for name in (ALL_SOUTHWEST, USBP, OFO, OTHER)}) == 4
    two = colours_by_citizenship([("2024-01", "Guatemala", 1), ("2024-01", "Honduras", 2)])
    three = colours_by_citizenship([("2024-01", "Cuba", 5), ("2024-01", "Honduras", 2), ("2024-01", "Guatemala", 1)])
    assert two.items() <= three.items()  # adding a series, or drawing in another order, changes no colour
