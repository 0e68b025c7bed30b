"""Dated, cited events (closures, policies, meetings, caravans, administrations) and figures as
officials published or quoted them, from the curated files in `data_sources/reference/`.

Events are data, not code: every chart's markers and the closures claim read them from here. The
port code in an event's free-text place ("CBP port code 2602") is pulled into its own column so
events join to port data and, through `port_sectors.csv`, to Border Patrol sectors. Every row is cited by
source title (publisher and date) and URL; descriptions and notes are the project's own words, and
there are no quote columns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_sources.core.curated import CITIZENSHIP_GROUPS, EVENTS, PORT_SECTORS, PUBLISHED_FIGURES
from data_sources.core.schema import validate
from data_sources.reference import REFERENCE_DIR

EVENTS_PATH = REFERENCE_DIR / "events.csv"
PUBLISHED_FIGURES_PATH = REFERENCE_DIR / "published_figures.csv"
PORT_SECTORS_PATH = REFERENCE_DIR / "port_sectors.csv"
CITIZENSHIP_GROUPS_PATH = REFERENCE_DIR / "citizenship_groups.csv"
PORT_CODE = r"port code (\d{4})"  # how an event's place names the CBP port it concerns


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.replace("", None), format="%Y-%m-%d").astype("datetime64[ns]")


def read_events(path: Path = EVENTS_PATH) -> pd.DataFrame:
    """`events.csv` → the events table (dates parsed, port code extracted, kinds checked by the schema)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = raw.assign(
        start_date=_dates(raw["start_date"]),
        end_date=_dates(raw["end_date"]),
        port_code=raw["place"].str.extract(PORT_CODE, expand=False),
        end_source_url=raw["end_source_url"].replace("", None),
        end_source_title=raw["end_source_title"].replace("", None),
    )
    return validate(EVENTS, table[list(EVENTS.columns)])


def read_published_figures(path: Path = PUBLISHED_FIGURES_PATH) -> pd.DataFrame:
    """`published_figures.csv`, dates parsed; values stay text ('9000-10000' is a quoted range)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = raw.assign(**{c: _dates(raw[c]) for c in ("period_start", "period_end", "publication_date")})
    return validate(PUBLISHED_FIGURES, table[list(PUBLISHED_FIGURES.columns)])


def read_port_sectors(path: Path = PORT_SECTORS_PATH) -> pd.DataFrame:
    """Which Border Patrol sector surrounds each port we discuss."""
    return validate(PORT_SECTORS, pd.read_csv(path, dtype=str))


def read_citizenship_groups(path: Path = CITIZENSHIP_GROUPS_PATH) -> pd.DataFrame:
    """Which group each country of citizenship is shown in."""
    return validate(CITIZENSHIP_GROUPS, pd.read_csv(path, dtype=str))
