"""Derived tables the claims and pages select from (`tables/derived.py`), on tiny inline frames."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from data_sources.claims.rows import figure_citations, figure_sentence
from data_sources.core.vocabulary import SOUTHWEST_REGION
from data_sources.tables import derived
from data_sources.tables.events import read_published_figures

M = pd.Timestamp


def fiscal_year_rows(fiscal_year: int, region: str, citizenship: str, encounters: int, months: int = 12):
    """One row per month of a fiscal year (October first), the first `months` of them."""
    start = M(f"{fiscal_year - 1}-10-01")
    return [
        {
            "month": start + pd.DateOffset(months=n),
            "fiscal_year": fiscal_year,
            "region": region,
            "citizenship": citizenship,
            "encounters": encounters,
        }
        for n in range(months)
    ]


def test_citizenship_by_country_keeps_complete_southwest_years_and_groups_the_rest():
    citizenship = pd.DataFrame(
        fiscal_year_rows(2022, SOUTHWEST_REGION, "Mexico", 10)
        + fiscal_year_rows(2022, SOUTHWEST_REGION, "India", 2)
        + fiscal_year_rows(2022, "Coastal Border", "Cuba", 99)
        + fiscal_year_rows(2023, SOUTHWEST_REGION, "Mexico", 10, months=11)  # incomplete: left out
    )
    groups = pd.DataFrame({"citizenship": ["Mexico", "Cuba"], "group": ["Mexico", "Rest of the Western Hemisphere"]})
    expected = pd.DataFrame(
        {
            "fiscal_year": [2022, 2022],
            "group": ["Mexico", derived.OTHER_GROUP],
            "citizenship": ["Mexico", "India"],
            "encounters": [120, 24],
        }
    )
    by_country = derived.citizenship_by_country(citizenship, groups)
    pd.testing.assert_frame_equal(by_country, expected, check_dtype=False)


def test_citizenship_shares_sum_each_year_to_100():
    by_country = pd.DataFrame(
        {
            "fiscal_year": [2022, 2022, 2022, 2023],
            "group": ["Mexico", "Rest", "Rest", "Rest"],
            "citizenship": ["Mexico", "Cuba", "Haiti", "Cuba"],
            "encounters": [50, 30, 20, 7],
        }
    )
    expected = pd.DataFrame(
        {
            "fiscal_year": [2022, 2022, 2023],
            "group": ["Mexico", "Rest", "Rest"],
            "encounters": [50, 50, 7],
            "share_pct": [50.0, 50.0, 100.0],
        }
    )
    pd.testing.assert_frame_equal(derived.citizenship_shares(by_country), expected, check_dtype=False)


def test_sector_per_day_names_each_sector_once_and_divides_by_days():
    sectors = pd.DataFrame(
        {
            "month": [M("2023-02-01"), M("2023-12-01"), M("2023-12-01")],
            "fiscal_year": [2023, 2024, 2024],
            "region": [SOUTHWEST_REGION, SOUTHWEST_REGION, "Northern Land Border"],
            "sector": ["Del Rio, TX", "Tucson, AZ", "Blaine, WA"],
            "encounters": [2_800, 3_100, 5],
        }
    )
    expected = pd.DataFrame(
        {
            "month": [M("2023-02-01"), M("2023-12-01")],
            "sector": ["Del Rio", "Tucson"],
            "encounters": [2_800, 3_100],
            "per_day": [100.0, 100.0],
        }
    )
    per_day = derived.sector_per_day(sectors)
    pd.testing.assert_frame_equal(per_day, expected, check_dtype=False)
    chosen = derived.select_sectors(per_day, ["Tucson"], M("2023-06-01"), M("2023-12-01"))
    pd.testing.assert_frame_equal(chosen, expected.iloc[1:].reset_index(drop=True), check_dtype=False)


def closure_events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["meet", "rail", "port"],
            "kind": ["meeting", "rail_closure", "port_closure"],
            "place": ["Mexico City", "El Paso railway bridge (BNSF), El Paso, Texas", "Lukeville Port of Entry, AZ"],
            "port_code": [None, "2402", "2602"],
            "start_date": [M("2023-12-27"), M("2023-12-18"), M("2023-12-04")],
            "end_date": [pd.NaT, M("2023-12-22"), M("2024-01-04")],
            "source_title": ["t0", "t1", "t2"],
            "source_url": ["u0", "u1", "u2"],
        }
    )


def port_sectors() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "port_code": ["2402", "2602"],
            "port_name": ["El Paso", "Lukeville"],
            "state": ["TX", "AZ"],
            "sector": ["El Paso", "Tucson"],
        }
    )


def test_closure_timeline_holds_closures_only_in_date_order():
    expected = pd.DataFrame(
        {
            "event_id": ["port", "rail"],
            "event_kind": ["port_closure", "rail_closure"],
            "crossing": ["Lukeville Port of Entry", "El Paso railway bridge"],
            "port_code": ["2602", "2402"],
            "port": ["Lukeville", "El Paso"],
            "state": ["AZ", "TX"],
            "kind": ["port closure", "rail closure"],
            "start": [M("2023-12-04"), M("2023-12-18")],
            "end": [M("2024-01-04"), M("2023-12-22")],
            "days": [32, 5],  # both end days counted: "18 to 22 December" is 5 days
            "source_title": ["t2", "t1"],
            "source_url": ["u2", "u1"],
        }
    )
    timeline = derived.closure_timeline(closure_events(), port_sectors())
    pd.testing.assert_frame_equal(timeline, expected, check_dtype=False)


def test_derived_tables_are_those_the_sources_allow():
    reference = {"events": closure_events(), "port_sectors": port_sectors()}
    assert set(derived.derived_tables(reference)) == {"closure_timeline"}
    full = reference | {
        "ohss_usbp_citizenship": pd.DataFrame(fiscal_year_rows(2022, SOUTHWEST_REGION, "Mexico", 1)),
        "citizenship_groups": pd.DataFrame({"citizenship": ["Mexico"], "group": ["Mexico"]}),
        "ohss_usbp_sector": pd.DataFrame(
            {"month": [M("2023-12-01")], "region": [SOUTHWEST_REGION], "sector": ["Tucson, AZ"], "encounters": [31]}
        ),
    }
    assert set(derived.derived_tables(full)) == {
        "closure_timeline",
        "citizenship_by_country",
        "citizenship_shares",
        "sector_per_day",
    }


def figure(value: str, qualifier: str = "exact", **changes: object) -> dict[str, object]:
    """A row of `published_figures` as the cards read it."""
    return {
        "figure_value": value,
        "value_qualifier": qualifier,
        "measure": "Southwest land border total encounters",
        "period_start": M("2023-12-01"),
        "period_end": M("2023-12-31"),
        "publisher": "U.S. Customs and Border Protection (monthly update)",
        "status": "official_release",
        "publication_date": M("2024-01-26"),
        "source_title": "CBP Releases December 2023 Monthly Update [title reconstructed from URL]",
        "source_url": "https://example.org/cbp",
    } | changes


@pytest.mark.parametrize(
    ("row", "sentence"),
    [
        (figure("302034"),
         "Southwest land border total encounters, December 2023: 302,034. Given on 26 January 2024 by U.S. Customs "
         "and Border Protection (monthly update); it is an official release."),
        (figure("9000-10000", "range", status="official_quoted_anonymous", publisher="Two DHS officials"),
         "Southwest land border total encounters, December 2023: 9,000 to 10,000. Given on 26 January 2024 by Two "
         "DHS officials; it comes from officials who were not named."),
        (figure("12600", "approx", period_start=M("2023-12-18"), period_end=M("2023-12-19"),
                status="unofficial_leak_not_published_by_CBP"),
         "Southwest land border total encounters, 18 to 19 December 2023: about 12,600. Given on 26 January 2024 by "
         "U.S. Customs and Border Protection (monthly update); it is unofficial: CBP never published it."),
        (figure("2475669", "more_than", measure="Encounters, fiscal year 2023", publication_date=pd.NaT),
         "Encounters, fiscal year 2023: more than 2,475,669. Given, undated, by U.S. Customs and Border Protection "
         "(monthly update); it is an official release."),
    ],
)  # fmt: skip
def test_what_officials_said_reads_as_sentences_with_thousands_separators(row, sentence):
    assert figure_sentence(row) == sentence
    citation = figure_citations({"published_figures": pd.DataFrame([row | {"figure_id": "f"}])}, ["f"])[0]
    assert citation.text == sentence and citation.title == "CBP Releases December 2023 Monthly Update"


def test_every_published_figure_reads_with_separators():
    """No number of five or more digits is left without separators in the real list's sentences."""
    sentences = [figure_sentence(f) for f in read_published_figures().to_dict("records")]
    bare = [s for s in sentences for n in re.findall(r"(?<![\d,])\d{5,}(?![\d,])", s)]
    assert sentences and not bare
    assert all(s.endswith(".") and s[0].isupper() for s in sentences)
