"""Reshape logic on tiny inline frames: periods, splice, reconciliation, metrics, CSV safety.

Schema checks have their own file, `test_schemas.py`."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from data_sources.core import periods
from data_sources.core.derived import RECONCILIATION
from data_sources.core.vocabulary import OFO, USBP
from data_sources.tables import combine, metrics
from data_sources.tables.export import neutralise_formulas, to_csv_bytes

M = pd.Timestamp


def months(*labels: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(labels)))


def test_fiscal_year_starts_in_october():
    assert list(periods.fiscal_year_of(months("2023-09-01", "2023-10-01", "2024-01-01"))) == [2023, 2024, 2024]


def test_month_from_fiscal_year_and_calendar_month():
    result = periods.month_from_fiscal(pd.Series([2024, 2024, 2000]), pd.Series([12, 1, 10]))
    assert list(result) == [M("2023-12-01"), M("2024-01-01"), M("1999-10-01")]


def test_days_in_month_knows_leap_years():
    assert list(periods.days_in_month(months("2023-02-01", "2024-02-01", "2023-12-01"))) == [28, 29, 31]


def test_first_of_month_and_fiscal_month_order():
    dates = pd.Series(pd.to_datetime(["2024-02-29 13:30", "2023-10-01 00:00", "2023-09-30 00:00"]))
    assert list(periods.first_of_month(dates)) == [M("2024-02-01"), M("2023-10-01"), M("2023-09-01")]
    assert list(periods.fiscal_month_number(pd.Series([10, 12, 1, 9]))) == [1, 3, 4, 12]
    assert periods.FISCAL_MONTH_ABBREVIATIONS[:3] == ("OCT", "NOV", "DEC")
    assert periods.FISCAL_MONTH_ABBREVIATIONS[-1] == "SEP"


def test_shift_months_takes_one_month_or_a_column():
    assert periods.shift_months(M("2024-01-01"), -2) == M("2023-11-01")
    assert periods.year_earlier(M("2024-02-01")) == M("2023-02-01")
    shifted = periods.shift_months(months("2023-12-01", "2024-02-01"), 1)
    assert list(shifted) == [M("2024-01-01"), M("2024-03-01")]
    assert list(periods.year_earlier(months("2024-02-01"))) == [M("2023-02-01")]


def test_per_day_divides_by_each_months_days():
    rates = periods.per_day(pd.Series([290, 310]), months("2024-02-01", "2023-12-01"))
    assert list(rates) == [10.0, 10.0]


def candidates(rows: list[tuple[str, str, int, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["month", "component", "encounters", "source", "priority"])
    frame["month"] = pd.to_datetime(frame["month"])
    return frame.assign(fiscal_year=periods.fiscal_year_of(frame["month"]), vintage="v")[combine.CANDIDATE_COLUMNS]


def test_splice_prefers_higher_priority_and_fills_history():
    spliced = combine.splice(
        candidates(
            [
                ("2021-09-01", USBP, 190, "ohss", 2),
                ("2021-10-01", USBP, 160, "ohss", 2),
                ("2021-10-01", USBP, 163, "cbp", 1),
                ("2021-11-01", USBP, 170, "cbp", 1),
            ]
        )
    )
    assert list(spliced["source"]) == ["ohss", "cbp", "cbp"]
    assert list(spliced["encounters"]) == [190, 163, 170]
    assert spliced["per_day"].iloc[0] == pytest.approx(190 / 30)


def test_splice_rules_are_data():
    rules = combine.read_splice_rules()
    usbp = rules[rules["component"] == USBP].sort_values("priority")
    assert list(usbp["source"]) == ["cbp_sbo", "cbp_nationwide", "ohss_usbp"]
    assert rules["note"].str.len().min() > 20  # every rule explains itself


def test_reconcile_flags_differences_rounding_explains():
    frame = candidates(
        [
            ("2022-01-01", "USBP", 147877, "cbp", 1),
            ("2022-01-01", "USBP", 147880, "ohss", 2),
            ("2022-02-01", "USBP", 100, "cbp", 1),
            ("2022-02-01", "USBP", 120, "ohss", 2),
            ("2022-03-01", "USBP", 5, "cbp", 1),
        ]
    )
    result = combine.reconcile(frame, {"cbp": 1, "ohss": 10})
    assert list(result["difference"]) == [3, 20]
    assert list(result["within_rounding"]) == [True, False]
    assert len(result) == 2  # a month with one source has nothing to reconcile


def test_one_source_alone_leaves_an_empty_but_valid_reconciliation():
    """With a single source there is nothing to compare; this used to fail on an empty rounding column."""
    table = combine.reconciliation_table(candidates([("2022-01-01", USBP, 5, "cbp", 1)]), None, {"cbp": 1})
    assert table.empty and list(table.columns) == list(RECONCILIATION.columns)


def sector_pairs() -> pd.DataFrame:
    """CBP's exact sector counts and OHSS's rounded ones for two sectors, as `sector_candidates` gives them."""
    rows = [
        ("2023-12-01", "Del Rio", 71_095, "cbp_nationwide", 1),
        ("2023-12-01", "Del Rio", 71_050, "ohss_usbp", 2),
        ("2023-12-01", "El Paso", 33_972, "cbp_nationwide", 1),
        ("2023-12-01", "El Paso", 33_970, "ohss_usbp", 2),
        ("2023-11-01", "Del Rio", 42_930, "ohss_usbp", 2),
    ]
    frame = candidates(rows).assign(
        vintage=lambda f: f["source"].map({"cbp_nationwide": "2024-01", "ohss_usbp": "2024-12"})
    )
    return combine.reconciliation_table(frame.iloc[:0], frame, {"cbp_nationwide": 1, "ohss_usbp": 10})


def test_sector_figures_name_their_source_and_the_exact_count_where_both_exist():
    differences = combine.sector_differences(sector_pairs())
    assert list(differences["sector"]) == ["Del Rio", "El Paso"]
    assert list(differences["difference"]) == [-45, -2] and list(differences["within_rounding"]) == [False, True]
    note = combine.sector_source_note(differences, ["Del Rio", "El Paso"], M("2023-06-01"), M("2024-06-01"))
    assert note == (
        "Sector figures are from DHS Office of Homeland Security Statistics (OHSS), rounded to the nearest 10: the "
        "only source here with every month of each sector. Exact counts from U.S. Customs and Border Protection (CBP) "
        "exist for December 2023: Del Rio 71,095 (rounded: 71,050, 45 apart, more than rounding explains), El Paso "
        "33,972 (rounded: 33,970, 2 apart, within rounding)."
    )
    outside = combine.sector_source_note(differences, ["Del Rio"], M("2024-01-01"), M("2024-06-01"))
    assert outside.endswith("every month of each sector.")  # no month where both exist: the source alone


def series(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["month", "component", "encounters"])
    frame["month"] = pd.to_datetime(frame["month"])
    return frame.assign(fiscal_year=periods.fiscal_year_of(frame["month"]), source="s", vintage="v")


def test_southwest_total_only_where_both_components_exist():
    total = metrics.southwest_total(
        series([("2021-09-01", USBP, 100), ("2021-10-01", USBP, 100), ("2021-10-01", OFO, 30)])
    )
    assert list(total["month"]) == [M("2021-10-01")]
    assert list(total["encounters"]) == [130]
    assert total["per_day"].item() == pytest.approx(130 / 31)


def test_period_totals_flag_incomplete_years():
    frame = series([(f"2022-{m:02d}-01", "USBP", 10) for m in range(1, 13)] + [("2023-01-01", "USBP", 5)])
    fiscal = metrics.period_totals(frame, ["component"]).set_index("fiscal_year")
    calendar = metrics.period_totals(frame, ["component"], calendar=True).set_index("calendar_year")
    assert fiscal.loc[2022, "encounters"] == 90 and not fiscal.loc[2022, "complete"]
    assert calendar.loc[2022, "encounters"] == 120 and calendar.loc[2022, "complete"]
    assert calendar.loc[2022, "per_day"] == pytest.approx(120 / 365)


def test_year_over_year_uses_per_day_rates():
    frame = metrics.with_per_day(series([("2023-02-01", "USBP", 280), ("2024-02-01", "USBP", 290)]))
    result = metrics.year_over_year(frame, ["component"]).set_index("month")
    assert result.loc["2024-02-01", "encounters_prior_year"] == 280
    assert result.loc["2024-02-01", "yoy_change_pct"] == pytest.approx((290 / 29) / (280 / 28) * 100 - 100)
    assert pd.isna(result.loc["2023-02-01", "yoy_change_pct"])


def test_rank_and_records():
    frame = metrics.with_per_day(
        series([("2023-01-01", "A", 310), ("2023-02-01", "A", 280), ("2023-03-01", "A", 620), ("2023-01-01", "B", 1)])
    )
    ranked = metrics.rank_months(frame, ["component"]).set_index(["component", "month"])
    assert list(ranked.loc["A", "rank"]) == [2, 2, 1]  # 310/31 and 280/28 are the same 10 a day
    assert list(ranked.loc["A", "record_to_date"]) == [True, False, True]
    assert ranked.loc[("B", M("2023-01-01")), "months_in_series"] == 1


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd"])
def test_csv_cells_cannot_become_formulas(cell):
    frame = pd.DataFrame({"citizenship": [cell], "difference": [-45]})
    text = to_csv_bytes(frame).decode()
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["citizenship"] == f"'{cell}"
    assert row["difference"] == "-45"  # numbers stay numbers
    assert neutralise_formulas(frame)["difference"].item() == -45
