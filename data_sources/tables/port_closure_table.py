"""A port's closures in words for readers: each closure numbered and dated, and the closure months as
a table with plain headers and numbers written out.

Kept apart from `port_closures` (the arithmetic) because this is the reading of it: the ports page's
key and table, and the counts and changes the claim cards print.
"""

from __future__ import annotations

import pandas as pd

from data_sources.core.vocabulary import CLOSURE_KINDS
from data_sources.tables.port_closures import NO_DATA, UNUSUAL_GAP, USUAL_MONTHS, days_closed_in

__all__ = ["TABLE_COLUMNS", "baseline_note", "change_text", "closure_key", "closure_names", "closure_table"]
__all__ += ["count_text", "date_span"]

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
