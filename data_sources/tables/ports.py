"""Port closures against crossings: which measures a closure touched, and what the months showed.

Pure functions over `port_crossings_monthly`, the events table and `reference/closure_measures.csv` (which
traffic each closure stopped, in our reading of the cited statements). A closure month is compared
with the same month a year earlier, because border traffic is seasonal. A month BTS did not report
stays missing and is labelled so; it is never treated as zero.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_sources.core.curated import CLOSURE_MEASURES
from data_sources.core.derived import PORT_CLOSURE_EFFECTS
from data_sources.core.periods import first_of_month
from data_sources.core.schema import validate
from data_sources.reference import REFERENCE_DIR
from data_sources.tables.metrics import beside_year_earlier

CLOSURE_MEASURES_PATH = REFERENCE_DIR / "closure_measures.csv"
NO_DATA = "no data reported"


def read_closure_measures(path: Path = CLOSURE_MEASURES_PATH) -> pd.DataFrame:
    """One row per (closure event, measure it affected), validated."""
    raw = pd.read_csv(path, dtype=str)
    table = raw.assign(measure=raw["measures"].str.split(";")).explode("measure", ignore_index=True)
    return validate(CLOSURE_MEASURES, table[list(CLOSURE_MEASURES.columns)])


def closure_months(start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The calendar months a closure touched, with how many of each month's days it covered."""
    last_day = end - pd.Timedelta(days=1) if end > start else start  # the reopening day was open
    days = pd.Series(pd.date_range(start, last_day, freq="D"))
    counted = first_of_month(days).value_counts(sort=False).sort_index()
    return pd.DataFrame({"month": counted.index, "days_closed": counted.to_numpy().astype("int64")})


def closure_effects(crossings: pd.DataFrame, events: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """For each closure, month and affected measure: crossings then, a year earlier, and the change."""
    closures = events[events["port_code"].notna() & events["end_date"].notna()].merge(measures, on="event_id")
    rows = []
    for closure in closures.to_dict("records"):
        for touched in closure_months(closure["start_date"], closure["end_date"]).to_dict("records"):
            rows.append(
                {
                    "event_id": closure["event_id"],
                    "port_code": closure["port_code"],
                    "measure": closure["measure"],
                    **touched,
                }
            )
    frame = pd.DataFrame(rows, columns=["event_id", "port_code", "measure", "month", "days_closed"])
    frame = frame.astype({"month": "datetime64[ns]", "days_closed": "int64"})
    values = crossings[["port_code", "measure", "month", "value"]]
    frame = frame.merge(values, on=["port_code", "measure", "month"], how="left")
    frame = beside_year_earlier(frame, values, ["port_code", "measure"], ["value"], "_year_before")
    frame = frame.astype({"value": "Int64", "value_year_before": "Int64"})
    names = crossings.drop_duplicates("port_code").set_index("port_code")[["port_name", "state"]]
    change = (frame["value"] / frame["value_year_before"] - 1) * 100
    return frame.join(names, on="port_code").assign(
        change_pct=change.round(1).astype("Float64"),
        data_note=frame["value"].isna().map({True: NO_DATA, False: ""}),
    )[list(PORT_CLOSURE_EFFECTS.columns)]


def port_series(crossings: pd.DataFrame, port_code: str, measures: list[str]) -> pd.DataFrame:
    """Monthly values for a port and measures, with the same month a year earlier beside each."""
    rows = crossings[(crossings["port_code"] == port_code) & crossings["measure"].isin(measures)]
    merged = beside_year_earlier(rows, rows, ["measure"], ["value"], "_year_before")
    merged["value_year_before"] = merged["value_year_before"].astype("Int64")
    return (
        merged[["month", "port_name", "port_code", "measure", "value", "value_year_before"]]
        .sort_values(["measure", "month"])
        .reset_index(drop=True)
    )


def port_map(crossings: pd.DataFrame, month: pd.Timestamp, measure: str, closed_codes: set[str]) -> pd.DataFrame:
    """One row per port for the map: its volume of `measure` in `month` and whether it had a closure."""
    rows = crossings[(crossings["month"] == month) & (crossings["measure"] == measure)]
    rows = rows.dropna(subset=["latitude", "longitude"])
    return rows.assign(closure=rows["port_code"].isin(closed_codes))[
        ["port_name", "port_code", "state", "measure", "month", "value", "latitude", "longitude", "closure"]
    ].reset_index(drop=True)
