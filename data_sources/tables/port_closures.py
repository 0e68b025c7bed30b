"""Port closures in days and months, the list of closures, and what the closure months showed.

Pure functions over `port_crossings_monthly`, the events table and `reference/closure_measures.csv` (which
traffic each closure stopped, in our reading of the cited statements). A closure month is compared
with the same month a year earlier, because border traffic is seasonal. A month BTS did not report
stays missing and is labelled so; it is never treated as zero.

Kept apart from `ports` (the ports page's reshaping) and `port_closure_table` (the closures in words):
this is the arithmetic the tables are built from (`build`) and the claim cards check against.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from data_sources.core.curated import CLOSURE_MEASURES
from data_sources.core.derived import PORT_CLOSURE_EFFECTS
from data_sources.core.periods import first_of_month, shift_months, year_earlier
from data_sources.core.schema import validate
from data_sources.core.vocabulary import CLOSURE_KINDS
from data_sources.reference import REFERENCE_DIR
from data_sources.tables.metrics import beside_year_earlier

__all__ = ["CLOSURE_LIST_COLUMNS", "CLOSURE_MEASURES_PATH", "NO_DATA", "TRAFFIC", "UNUSUAL_GAP", "USUAL_MONTHS"]
__all__ += ["USUAL_REPORTED", "closed_dates", "closure_days", "closure_effects", "closure_list", "closure_months"]
__all__ += ["days_closed_in", "percent_change", "read_closure_measures", "traffic_words", "usual_level"]

CLOSURE_MEASURES_PATH = REFERENCE_DIR / "closure_measures.csv"
NO_DATA = "no data reported"
# The kind of traffic a measure counts, in the words a table of closures uses (in this order).
TRAFFIC: Mapping[str, str] = {
    "Personal Vehicles": "vehicles",
    "Personal Vehicle Passengers": "vehicles",
    "Pedestrians": "pedestrians",
    "Trucks": "trucks",
    "Truck Containers Loaded": "trucks",
    "Truck Containers Empty": "trucks",
    "Buses": "buses",
    "Bus Passengers": "buses",
    "Trains": "trains",
    "Train Passengers": "trains",
    "Rail Containers Loaded": "trains",
    "Rail Containers Empty": "trains",
}
CLOSURE_LIST_COLUMNS = [
    "closure",
    "port",
    "state",
    "crossing",
    "traffic",
    "first_day_closed",
    "last_day_closed",
    "days_closed",
]
# A year-earlier month is an unusual baseline when it lies more than UNUSUAL_GAP away from the median of
# the USUAL_MONTHS months on each side of it (San Ysidro's pedestrians in October 2022: about 246,000
# against some 570,000 around it); a change against it says more about that month than about the closure.
USUAL_MONTHS, USUAL_REPORTED, UNUSUAL_GAP = 3, 4, 0.30


def read_closure_measures(path: Path = CLOSURE_MEASURES_PATH) -> pd.DataFrame:
    """One row per (closure event, measure it affected), validated."""
    raw = pd.read_csv(path, dtype=str)
    table = raw.assign(measure=raw["measures"].str.split(";")).explode("measure", ignore_index=True)
    return validate(CLOSURE_MEASURES, table[list(CLOSURE_MEASURES.columns)])


def closed_dates(start: pd.Timestamp, end: pd.Timestamp) -> pd.DatetimeIndex:
    """The days a closure covered, both end days counted: it was in force during part of its first day
    and part of the day it reopened, so "18 to 22 December" is 5 days (as the cited reports count)."""
    return pd.date_range(start, end, freq="D")


def closure_days(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """How many days a closure lasted, both end days counted."""
    return len(closed_dates(start, end))


def days_closed_in(spans: list[tuple[pd.Timestamp, pd.Timestamp]], month: pd.Timestamp) -> int:
    """Days of `month` at least one of the closures (start, end) covered: a day two closures share counts once."""
    closed = pd.DatetimeIndex(sorted(set().union(*(closed_dates(start, end) for start, end in spans))))
    return int((first_of_month(pd.Series(closed)) == month).sum())


def traffic_words(measures: pd.Series) -> str:
    """'vehicles, pedestrians, trucks': the kinds of traffic some BTS measures count, once each."""
    kinds = {TRAFFIC.get(m, str(m).lower()) for m in measures}
    order = list(dict.fromkeys(TRAFFIC.values()))
    return ", ".join(sorted(kinds, key=lambda k: order.index(k) if k in order else len(order)))


def closure_list(timeline: pd.DataFrame, events: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """One row per closure for a table a phone can show: its short label, port, crossing, the traffic
    it stopped (from `closure_measures`), first and last day closed and the days, both ends counted.

    Port closures come first, then rail closures; each by port and start."""
    labels = events.set_index("event_id")["short_label"]
    stopped = measures.groupby("event_id")["measure"].agg(traffic_words)
    rows = timeline.assign(kind_order=timeline["event_kind"].map({k: i for i, k in enumerate(CLOSURE_KINDS)}))
    rows = rows.sort_values(["kind_order", "port", "start"], kind="stable")
    return pd.DataFrame(
        {
            "closure": rows["event_id"].map(labels),
            "port": rows["port"],
            "state": rows["state"],
            "crossing": rows["crossing"],
            "traffic": rows["event_id"].map(stopped).fillna(""),
            "first_day_closed": rows["start"],
            "last_day_closed": rows["end"],
            "days_closed": pd.array(
                [closure_days(a, b) if pd.notna(b) else None for a, b in zip(rows["start"], rows["end"], strict=True)],
                dtype="Int64",
            ),  # missing while a closure is still in force
        }
    ).reset_index(drop=True)[CLOSURE_LIST_COLUMNS]


def closure_months(start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The calendar months a closure touched, with how many of each month's days it covered."""
    days = pd.Series(closed_dates(start, end))
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
    keys = ["port_code", "measure"]
    values = crossings[[*keys, "month", "value"]]
    frame = frame.merge(values, on=[*keys, "month"], how="left")
    frame = beside_year_earlier(frame, values, keys, ["value"], "_year_before")
    usual = usual_level(values, keys, frame.assign(month=year_earlier(frame["month"])))
    frame = frame.merge(usual.assign(month=shift_months(usual["month"], 12)), on=[*keys, "month"], how="left")
    frame = frame.astype({"value": "Int64", "value_year_before": "Int64", "usual": "Float64"})
    names = crossings.drop_duplicates("port_code").set_index("port_code")[["port_name", "state"]]
    return frame.join(names, on="port_code").assign(
        change_pct=percent_change(frame["value"], frame["value_year_before"]),
        usual_year_before=frame["usual"].round().astype("Int64"),
        unusual_baseline=((frame["value_year_before"] / frame["usual"] - 1).abs() > UNUSUAL_GAP)
        .fillna(False)
        .astype(bool),
        change_vs_usual_pct=percent_change(frame["value"], frame["usual"]),
        data_note=frame["value"].isna().map({True: NO_DATA, False: ""}),
    )[list(PORT_CLOSURE_EFFECTS.columns)]


def percent_change(new: pd.Series, old: pd.Series) -> pd.Series:
    """(new ÷ old − 1) in percent, to one decimal; missing where either is."""
    return ((new / old - 1) * 100).round(1).astype("Float64")


def usual_level(values: pd.DataFrame, by: list[str], months: pd.DataFrame) -> pd.DataFrame:
    """For each series (`by`) and month of `months`: the median of the `USUAL_MONTHS` months before and
    after it (the month itself left out), the level a single month is judged against; missing where
    fewer than `USUAL_REPORTED` of those months were reported."""
    wanted = months[[*by, "month"]].drop_duplicates()
    offsets = [k for k in range(-USUAL_MONTHS, USUAL_MONTHS + 1) if k]
    around = pd.concat([wanted.assign(around=shift_months(wanted["month"], k)) for k in offsets], ignore_index=True)
    reported = values[[*by, "month", "value"]].rename(columns={"month": "around"})
    joined = around.merge(reported, on=[*by, "around"])
    stats = joined.groupby([*by, "month"], as_index=False)["value"].agg(usual="median", reported="count")
    return stats[stats["reported"] >= USUAL_REPORTED].drop(columns="reported")
