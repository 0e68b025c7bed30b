"""What IOM's `gdidata` R package files share: where they live, how they are read, how they become tables.

IOM's Global Data Institute keeps cleaned copies of official migration counts as R data files in the
public repository https://github.com/iom/gdidata (`data/<name>.rda`, each one data frame). The files
by nationality have the columns `t` (the month, stored as days since 1970-01-01), `nat` (the
nationality as an ISO 3166 alpha-3 code, plus a few codes of IOM's own) and `n` (the count). They
are read with the `rdata` library within the bounds of `acquire.r_data`.

Some years exist only as one total: in the Darién file, the years before monthly tables begin are
stored at January of each year. They are recognised from the data (`annual_total_years`) and kept as
annual totals, never as a January; every other year is the sum of its months, marked partial when
months are missing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pycountry

from data_sources.acquire.r_data import data_frame, read_objects
from data_sources.acquire.source import ParseError, Source
from data_sources.core.canonical import (
    ANNUAL_AS_PUBLISHED,
    HEMISPHERE_ANNUAL,
    HEMISPHERE_ANNUAL_BY_CITIZENSHIP,
    HEMISPHERE_MONTHLY,
    MONTHLY_SUM,
)
from data_sources.core.schema import key_of, validate

LANDING_PAGE = "https://github.com/iom/gdidata"
RAW_FILE = "https://raw.githubusercontent.com/iom/gdidata/main/data/{name}.rda"
LICENSE = (
    "IOM's compilation: MIT licence of the gdidata package (copyright “gdidata authors”). The counts "
    "themselves are official statistics of {publisher}; we found no statement of their own terms of reuse"
)
NATIONALITY_COLUMNS = ("t", "nat", "n")
OTHER = "Other"  # IOM's code OOO: the nationalities the publisher does not name
IOM_CODES = {"OOO": OTHER, "STL": "Stateless", "TIB": "Tibet", "XKX": "Kosovo"}  # codes outside ISO 3166


def nationality_source(
    key: str,
    object_name: str,
    place: str,
    *,
    title: str,
    publisher: str,
    short_publisher: str,
    description: str,
    coverage_note: str,
    caveats: tuple[str, ...],
) -> Source:
    """A gdidata file by nationality as a source: the file at a fixed URL on the repository's main branch
    (a refresh downloads it again and keeps it only if it changed and passes validation), recognised
    in a folder by its object's name and columns."""

    def parse(path: Path) -> dict[str, pd.DataFrame]:
        return parse_nationalities(path, object_name, place, key)

    return Source(
        key=key,
        title=title,
        publisher=publisher,
        landing_page=LANDING_PAGE,
        description=description,
        expected_columns=NATIONALITY_COLUMNS,
        expected_objects=(object_name,),
        parse=parse,
        max_bytes=5_000_000,
        coverage_note=coverage_note,
        caveats=caveats,
        download_url=RAW_FILE.format(name=object_name),
        license=LICENSE.format(publisher=short_publisher),
        release_cadence_days=120,
    )


def parse_nationalities(path: Path, object_name: str, place: str, source_key: str) -> dict[str, pd.DataFrame]:
    """An R data file by nationality → `hemisphere_monthly` and the annual tables, for one place."""
    frame = data_frame(read_objects(path), object_name, NATIONALITY_COLUMNS)
    counts = pd.DataFrame(
        {"month": months_of(frame["t"]), "citizenship": country_names(frame["nat"]), "count": whole_counts(frame["n"])}
    )
    # A code can have two rows in a month (Mexico's file: GIN and FRA, likely two countries whose names
    # IOM matched to one code): they are added up, as the code's count for the month.
    added = counts.groupby(["month", "citizenship"], as_index=False, sort=False).agg(count=("count", "sum"))
    return hemisphere_tables(added, place, source_key)


def months_of(days: pd.Series) -> pd.Series:
    """R's months (days since 1970-01-01, each the first of a month) → month-start timestamps."""
    values = pd.to_numeric(days, errors="coerce")
    if values.isna().any() or (values % 1 != 0).any():
        raise ParseError("column t holds values that are not dates (days since 1970)")
    try:
        months = pd.to_datetime(values.astype("int64"), unit="D").astype("datetime64[ns]")
    except (ValueError, OverflowError) as error:
        raise ParseError(f"column t holds dates out of range: {error}") from error
    if (months.dt.day != 1).any():
        raise ParseError(
            f"column t holds days that are not the first of a month, e.g. {months[months.dt.day != 1].iloc[0]:%Y-%m-%d}"
        )
    return months


def whole_counts(values: pd.Series) -> pd.Series:
    """Counts as int64: present, whole and not negative, or `ParseError` naming the first bad one."""
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.isna().any():
        raise ParseError(f"{int(numbers.isna().sum())} counts are missing")
    if (numbers % 1 != 0).any():
        raise ParseError(f"counts are not whole numbers, e.g. {numbers[numbers % 1 != 0].iloc[0]}")
    if (numbers < 0).any():
        raise ParseError(f"{int((numbers < 0).sum())} counts are negative, e.g. {numbers[numbers < 0].iloc[0]:.0f}")
    return numbers.astype("int64")


def country_names(codes: pd.Series) -> pd.Series:
    """ISO 3166 alpha-3 codes → the country's common English name (pycountry's ISO data); IOM's own
    codes by `IOM_CODES`; a code neither knows is kept as written, so nothing is dropped or guessed."""
    cleaned = codes.astype(str).str.strip().str.upper()
    return cleaned.map({code: _name(code) for code in cleaned.unique()})


def _name(code: str) -> str:
    if code in IOM_CODES:
        return IOM_CODES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    if common := getattr(country, "common_name", None):
        return str(common)
    head, _, tail = str(country.name).partition(", ")  # ISO's "Palestine, State of" reads "State of Palestine"
    return f"{tail.removeprefix('The ')} {head}" if tail else head


def annual_total_years(months: pd.Series) -> list[int]:
    """Years published only as a whole, which the file stores at January of each year.

    They are the years before the first year that has any month other than January: a year whose
    only month is January, followed by years counted month by month, can only be a year's total
    (a real January would be followed by a February). A file without any other month is taken
    as monthly, since nothing in it tells a year's total from a January.
    """
    later = months[months.dt.month != 1].dt.year
    if later.empty:
        return []
    return sorted(int(year) for year in months.dt.year.unique() if year < later.min())


def hemisphere_tables(counts: pd.DataFrame, place: str, source_key: str) -> dict[str, pd.DataFrame]:
    """Rows `month, citizenship, count` as the file has them → the monthly table (real months only),
    the yearly table by citizenship, and the yearly total; each validated."""
    annual = counts["month"].dt.year.isin(annual_total_years(counts["month"]))
    monthly = counts[~annual].assign(place=place, source=source_key)
    totals = counts[annual]
    published = totals.assign(
        year=totals["month"].dt.year.astype("int64"), months=12, complete=True, basis=ANNUAL_AS_PUBLISHED
    )
    by_citizenship = pd.concat([published.drop(columns="month"), _summed_years(monthly)], ignore_index=True)
    by_citizenship = by_citizenship.assign(place=place, source=source_key)
    per_year = by_citizenship.groupby(["year", "place", "months", "complete", "basis", "source"], as_index=False)
    return {
        str(schema.name): _shaped(schema, table)
        for schema, table in (
            (HEMISPHERE_MONTHLY, monthly),
            (HEMISPHERE_ANNUAL_BY_CITIZENSHIP, by_citizenship),
            (HEMISPHERE_ANNUAL, per_year["count"].sum()),
        )
    }


def _summed_years(monthly: pd.DataFrame) -> pd.DataFrame:
    """Each calendar year's months added up, per citizenship, with how many months the year holds."""
    years = monthly.assign(year=monthly["month"].dt.year.astype("int64"))
    months = years.groupby("year")["month"].nunique().rename("months")
    summed = years.groupby(["year", "citizenship"], as_index=False)["count"].sum().join(months, on="year")
    return summed.assign(complete=summed["months"] == 12, basis=MONTHLY_SUM)


def _shaped(schema: pa.DataFrameSchema, table: pd.DataFrame) -> pd.DataFrame:
    ordered = table[list(schema.columns)].sort_values(key_of(schema))
    return validate(schema, ordered.reset_index(drop=True))
