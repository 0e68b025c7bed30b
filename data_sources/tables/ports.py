"""Port closures against crossings: which measures a closure touched, and what the months showed.

Pure functions over `port_crossings_monthly`, the events table and `reference/closure_measures.csv` (which
traffic each closure stopped, in our reading of the cited statements). A closure month is compared
with the same month a year earlier, because border traffic is seasonal. A month BTS did not report
stays missing and is labelled so; it is never treated as zero.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_sources.reference import REFERENCE_DIR

CLOSURE_MEASURES_PATH = REFERENCE_DIR / "closure_measures.csv"
NO_DATA = "no data reported"


def read_closure_measures(path: Path = CLOSURE_MEASURES_PATH) -> pd.DataFrame:
    """One row per (closure event, measure it affected)."""
    raw = pd.read_csv(path, dtype=str)
    return raw.assign(measure=raw["measures"].str.split(";")).explode("measure")[["event_id", "measure", "note"]]


def closure_months(start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The calendar months a closure touched, with how many of each month's days it covered."""
    last_day = end - pd.Timedelta(days=1) if end > start else start  # the reopening day was open
    days = pd.date_range(start, last_day, freq="D")
    months = days.to_period("M").to_timestamp()
    counted = pd.Series(1, index=months).groupby(level=0).sum()
    return pd.DataFrame({"month": counted.index.astype("datetime64[ns]"), "days_closed": counted.to_numpy()})


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
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    values = crossings[["port_code", "measure", "month", "value"]]
    earlier = values.assign(month=values["month"] + pd.DateOffset(years=1)).rename(
        columns={"value": "value_year_before"}
    )
    frame = frame.merge(values, on=["port_code", "measure", "month"], how="left")
    frame = frame.merge(earlier, on=["port_code", "measure", "month"], how="left")
    frame = frame.astype({"value": "Int64", "value_year_before": "Int64"})
    names = crossings.drop_duplicates("port_code").set_index("port_code")[["port_name", "state"]]
    change = (frame["value"] / frame["value_year_before"] - 1) * 100
    return frame.join(names, on="port_code").assign(
        change_pct=change.round(1).astype("Float64"),
        data_note=frame["value"].isna().map({True: NO_DATA, False: ""}),
    )[
        [
            "event_id",
            "port_name",
            "port_code",
            "state",
            "measure",
            "month",
            "days_closed",
            "value",
            "value_year_before",
            "change_pct",
            "data_note",
        ]
    ]


def port_series(crossings: pd.DataFrame, port_code: str, measures: list[str]) -> pd.DataFrame:
    """Monthly values for a port and measures, with the same month a year earlier beside each."""
    rows = crossings[(crossings["port_code"] == port_code) & crossings["measure"].isin(measures)]
    earlier = rows[["measure", "month", "value"]].assign(month=rows["month"] + pd.DateOffset(years=1))
    merged = rows.merge(earlier, on=["measure", "month"], how="left", suffixes=("", "_year_before"))
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
