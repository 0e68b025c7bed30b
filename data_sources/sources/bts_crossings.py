"""BTS Border Crossing/Entry Data (Socrata dataset keg4-3bc2): inbound crossings at land ports.

Landing page: https://data.bts.gov/Research-and-Statistics/Border-Crossing-Entry-Data/keg4-3bc2
API: https://data.bts.gov/resource/keg4-3bc2.json (SODA). The refresher asks only for the
U.S.–Mexico border and pages through it (see `socrata.py`); the snapshot is the API's answer, one
JSON array, as received. The CSV export is read too (the development copy in `../shared/data/raw`
holds its U.S.–Mexico rows from January 2022, dates written "Jan-24", a spreadsheet's re-save of
the export's "Jan 2024").

Values count inbound crossings of each measure's unit: vehicles, passengers, pedestrians, trucks,
trains, containers. A port/month/measure that BTS did not report stays absent (never zero-filled).
Data come from CBP; BTS publishes them monthly, a few months behind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from data_sources.acquire.socrata import SodaQuery
from data_sources.acquire.source import ParseError, Source
from data_sources.core.canonical import PORT_CROSSINGS_MONTHLY
from data_sources.core.periods import first_of_month
from data_sources.core.schema import key_of, validate
from data_sources.sources.cbp_common import integer_counts

US_MEXICO = "US-Mexico Border"
EXPORT_COLUMNS = {
    "Port Name": "port_name",
    "State": "state",
    "Port Code": "port_code",
    "Border": "border",
    "Date": "date",
    "Measure": "measure",
    "Value": "value",
    "Latitude": "latitude",
    "Longitude": "longitude",
}
API_FIELDS = ("port_name", "state", "port_code", "border", "date", "measure", "value")


def _read(path: Path) -> pd.DataFrame:
    """The API's JSON array or the CSV export, as text columns with API field names."""
    head = path.read_bytes()[:256].lstrip()
    if head.startswith(b"["):
        try:
            raw = pd.DataFrame(json.loads(path.read_text("utf-8")), dtype=str)
        except (json.JSONDecodeError, ValueError) as error:
            raise ParseError(f"not a readable API answer: {error}") from error
    elif head.lower().startswith(b"<"):
        raise ParseError("the file is an HTML page, not the BTS data")
    else:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        missing = [c for c in EXPORT_COLUMNS if c not in raw.columns]
        if missing:
            raise ParseError(f"missing expected columns {missing}; found {list(raw.columns)}")
        raw = raw.rename(columns=EXPORT_COLUMNS)
    missing = [f for f in API_FIELDS if f not in raw.columns]
    if missing:
        raise ParseError(f"missing fields {missing}")
    return raw


def _months(dates: pd.Series) -> pd.Series:
    """'Jan-24' (spreadsheet), 'Jan 2024' (export) or '2024-01-01T00:00:00.000' (API) → month start."""
    text = dates.str.strip()
    parsed = pd.to_datetime(text, format="%b-%y", errors="coerce")
    for fmt in ("%b %Y", "ISO8601"):
        parsed = parsed.fillna(pd.to_datetime(text.where(parsed.isna()), format=fmt, errors="coerce"))
    if parsed.isna().any():
        raise ParseError(f"unreadable dates, e.g. {text[parsed.isna()].iloc[0]!r}")
    return first_of_month(parsed)


def parse(path: Path) -> dict[str, pd.DataFrame]:
    """Raw export or API answer → `port_crossings_monthly` (U.S.–Mexico border rows)."""
    raw = _read(path)
    raw = raw[raw["border"].str.strip() == US_MEXICO]
    if raw.empty:
        raise ParseError(f"no rows with Border = {US_MEXICO!r}")
    coordinates = {
        c: pd.to_numeric(raw.get(c, pd.Series(index=raw.index)), errors="coerce") for c in ("latitude", "longitude")
    }
    table = pd.DataFrame(
        {
            "month": _months(raw["date"]),
            "port_name": raw["port_name"].str.strip(),
            "port_code": raw["port_code"].str.strip(),
            "state": raw["state"].str.strip(),
            "border": raw["border"].str.strip(),
            "measure": raw["measure"].str.strip(),
            "value": integer_counts(raw["value"]),
            **coordinates,
        }
    )
    table = table.sort_values(key_of(PORT_CROSSINGS_MONTHLY)).reset_index(drop=True)
    return {str(PORT_CROSSINGS_MONTHLY.name): validate(PORT_CROSSINGS_MONTHLY, table)}


SOURCE = Source(
    key="bts_crossings",
    title="Border Crossing/Entry Data",
    publisher="Bureau of Transportation Statistics (BTS), from CBP data",
    landing_page="https://data.bts.gov/Research-and-Statistics/Border-Crossing-Entry-Data/keg4-3bc2",
    description="Inbound crossings at U.S. land ports by month and measure: personal vehicles and "
    "passengers, pedestrians, buses, trucks, trains and containers.",
    expected_columns=tuple(EXPORT_COLUMNS),
    parse=parse,
    max_bytes=200_000_000,
    coverage_note="U.S.–Mexico ports, January 1996 to a few months before the latest release",
    caveats=(
        "Counts are inbound crossings, not people: a vehicle, a truck or a train counts once per crossing.",
        "Months a port did not report are missing, not zero.",
        "Monthly totals cannot show a closure of a few days.",
    ),
    download_url="https://data.bts.gov/resource/keg4-3bc2.json",
    soda=SodaQuery(
        endpoint="https://data.bts.gov/resource/keg4-3bc2.json",
        where=f"border = '{US_MEXICO}'",
        select="port_name,state,port_code,border,date,measure,value,latitude,longitude",
        date_field="date",
        required_fields=API_FIELDS,
    ),
    release_cadence_days=62,
)
