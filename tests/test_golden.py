"""Golden tests on the real published files: canonical tables and the export reproduce the
monthly figures exactly as published (OHSS: to the ten)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from data_sources.cli import main
from data_sources.core.vocabulary import ALL_SOUTHWEST, MONTH_ABBREVIATIONS, MONTH_NAMES, OFO, SOUTHWEST_REGION, USBP
from data_sources.sources.registry import get_source
from data_sources.tables import build as tables
from data_sources.tables.build import CACHE_ENV
from tests.conftest import source_file

MONTHS = {abbreviation: number for number, abbreviation in enumerate(MONTH_ABBREVIATIONS, 1)}


@pytest.fixture(scope="module")
def exported(filled_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(filled_cache))
        assert main(["export", "--out", str(out)]) == 0
    return out


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def published_sbo_totals() -> dict[tuple[str, str], int]:
    """Monthly totals by component, summed straight from CBP's CSV with the csv module."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for row in read_rows(source_file("cbp_sbo")):
        fiscal_year, month = int(row["Fiscal Year"][:4]), MONTHS[row["Month (abbv)"]]
        year = fiscal_year - 1 if month >= 10 else fiscal_year
        totals[(f"{year}-{month:02d}-01", row["Component"])] += int(row["Encounter Count"])
    return totals


def published_ohss_southwest() -> dict[str, int]:
    """The 'Monthly Region' sheet's Southwest values, read with openpyxl."""
    names = ["", *MONTH_NAMES]
    sheet = openpyxl.load_workbook(source_file("ohss_usbp"), read_only=True)["Monthly Region"]
    values = {}
    for fiscal_year, label, region, quantity in sheet.iter_rows(min_row=2, values_only=True):
        if region == SOUTHWEST_REGION:
            month = names.index(label.split()[1])
            year = fiscal_year - 1 if month >= 10 else fiscal_year
            values[f"{year}-{month:02d}-01"] = quantity
    return values


def test_southwest_monthly_columns_are_as_documented(exported):
    header = (exported / "southwest_monthly.csv").read_text().splitlines()[0]
    assert header == "month,fiscal_year,component,encounters,per_day,source,vintage"


def test_export_reproduces_cbp_counts_exactly(exported):
    published = published_sbo_totals()
    rows = {(r["month"], r["component"]): r for r in read_rows(exported / "southwest_monthly.csv")}
    assert len(published) == 2 * 47  # Oct 2021–Aug 2025, two components
    for key, count in published.items():
        assert int(rows[key]["encounters"]) == count, key
        assert rows[key]["source"] == "cbp_sbo"


def test_export_reproduces_ohss_history_to_the_ten(exported):
    published = published_ohss_southwest()
    usbp = {r["month"]: r for r in read_rows(exported / "southwest_monthly.csv") if r["component"] == USBP}
    before_cbp = {m: v for m, v in published.items() if m < "2021-10-01"}
    assert min(before_cbp) == "1999-10-01"
    for month, value in before_cbp.items():
        assert int(usbp[month]["encounters"]) == value, month
        assert usbp[month]["source"] == "ohss_usbp"


def test_combined_series_has_every_month_once(data_cache):
    frame = tables.load().tables["southwest_monthly"]
    for component, first in [(USBP, "1999-10-01"), (OFO, "2021-10-01")]:
        months = frame.loc[frame["component"] == component, "month"]
        expected = pd.date_range(first, "2025-08-01", freq="MS")
        assert list(months) == list(expected), component


@pytest.mark.parametrize(
    ("month", "component", "per_day"),
    [("2023-12-01", USBP, 249_740 / 31), ("2023-12-01", OFO, 52_241 / 31), ("2024-02-01", USBP, None)],
)
def test_per_day_divides_by_the_days_in_that_month(exported, month, component, per_day):
    row = next(
        r for r in read_rows(exported / "southwest_monthly.csv") if (r["month"], r["component"]) == (month, component)
    )
    expected = per_day if per_day is not None else int(row["encounters"]) / 29  # 2024 is a leap year
    assert float(row["per_day"]) == pytest.approx(expected, abs=0.005)


def test_nationwide_extract_matches_cbp_january_2024_release():
    aor = get_source("cbp_nationwide").parse(source_file("cbp_nationwide"))["cbp_sw_aor_encounters"]
    by_component = aor.groupby("component")["encounters"].sum()
    # CBP's December 2023 monthly update (26 Jan 2024): 249,785 USBP, 302,034 in all
    assert by_component[USBP] == 249_785
    assert by_component.sum() == 302_034
    tucson = aor[aor["area_of_responsibility"] == "Tucson Sector"]["encounters"].sum()
    assert tucson == 80_185


def test_reconciliation_shows_revisions_and_rounding(data_cache):
    recon = tables.load().tables["reconciliation"]
    dec = recon[recon["month"] == "2023-12-01"].set_index(["component", "breakdown", "right_source"])
    revision = dec.loc[(USBP, "Southwest total", "cbp_nationwide")]
    assert (revision["left_encounters"], revision["right_encounters"], revision["difference"]) == (249_740, 249_785, 45)
    assert not revision["within_rounding"]
    rounded = dec.loc[(USBP, "Southwest total", "ohss_usbp")]
    assert rounded["within_rounding"]
    del_rio = dec.loc[(USBP, "Del Rio", "ohss_usbp")]
    assert (del_rio["left_encounters"], del_rio["right_encounters"]) == (71_095, 71_050)
    overlap = recon[(recon["right_source"] == "ohss_usbp") & (recon["breakdown"] == "Southwest total")]
    assert overlap["month"].min() == pd.Timestamp("2021-10-01")
    assert overlap["month"].max() == pd.Timestamp("2024-11-01")
    assert overlap["within_rounding"].mean() > 0.9  # OHSS is rounded, and a later vintage revises a few


def test_december_2023_ranks_first_since_fy2000(data_cache):
    metrics = tables.load().tables["southwest_monthly_metrics"]
    usbp = metrics[metrics["component"] == USBP].set_index("month")
    assert usbp.loc["2023-12-01", "rank"] == 1
    assert usbp.loc["2023-12-01", "months_in_series"] == 311  # Oct 1999–Aug 2025
    total = metrics[metrics["component"] == ALL_SOUTHWEST].set_index("month")
    assert total.loc["2023-12-01", "encounters"] == 301_981
    assert bool(total.loc["2023-12-01", "record_to_date"])


def test_fiscal_year_2023_total_matches_cbp_published_figure(data_cache):
    totals = tables.load().tables["southwest_fiscal_year_totals"]
    fy23 = totals[(totals["component"] == ALL_SOUTHWEST) & (totals["fiscal_year"] == 2023)]
    # CBP published 2,475,669 for FY2023 in October 2023; the September 2025 vintage revises it slightly
    assert fy23["encounters"].item() == pytest.approx(2_475_669, rel=0.001)
    assert bool(fy23["complete"].item())
