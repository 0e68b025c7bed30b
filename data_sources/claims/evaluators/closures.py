"""Which ports and railway crossings closed, for how long, and what the months around them show:
encounters in the Border Patrol sectors around them, and crossings at the ports (BTS, if loaded).

The closures are a table (one row each: crossing, traffic stopped, first and last day, days with both
ends counted), and the claim's counts ("at least three ports", "two railway crossings") are set
against the ports and crossings our cited events list (`closure_counts.py`): a count of ports, not
of suspensions, since one port may have had several.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, note, records
from data_sources.claims.evaluators.closure_counts import (
    PORT_CLOSURE,
    PORTS,
    RAIL,
    RAIL_CLOSURE,
    count_verdict,
    our_counts,
    port_names,
)
from data_sources.claims.params import Params, check_choice, check_date, check_window, window_around, window_months
from data_sources.core.periods import month_start, shift_months, year_earlier
from data_sources.core.vocabulary import CLOSURE_KINDS
from data_sources.tables.combine import sector_differences, sector_source_note
from data_sources.tables.derived import select_sectors
from data_sources.tables.ports import change_text, closure_list, count_text, days_closed_in

KIND_WORDS = {PORT_CLOSURE: "port", RAIL_CLOSURE: "railway"}
PLACES = {PORT_CLOSURE: PORTS, RAIL_CLOSURE: RAIL}
NEEDS = Needs(("events", "port_sectors", "closure_timeline", "closure_measures", "sector_per_day"), "dated closures")
CAVEAT = (
    "Monthly counts cannot show a closure lasting only a few days (like the rail "
    "closures): they are spread over the whole month."
)


@dataclass(frozen=True)
class ClosuresParams(Params):
    window: tuple[str, ...]  # first and last month of the sector chart (YYYY-MM)
    since: str  # YYYY-MM-DD: the closures in force on or after this day
    kinds: tuple[str, ...] = CLOSURE_KINDS

    MONTHS_BEFORE, MONTHS_AFTER = 12, 6  # the suggested window around the claim's month

    def __post_init__(self) -> None:
        check_window("window", self.window)
        check_date("since", self.since)
        check_choice("kinds", self.kinds, CLOSURE_KINDS)

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> ClosuresParams:
        since = shift_months(month_start(period), -1).strftime("%Y-%m-%d")
        return cls(window=window_around(period, cls.MONTHS_BEFORE, cls.MONTHS_AFTER), since=since)


def closures(claim: Claim, params: ClosuresParams, tables: Tables) -> ClaimContext:
    since, month = pd.Timestamp(params.since), claim.month
    timeline = tables["closure_timeline"]
    chosen = timeline[timeline["event_kind"].isin(params.kinds) & (timeline["end"].fillna(since) >= since)]
    if chosen.empty:
        return note(claim, f"Our events file lists no closures in force on or after {w.day_name(since)}.")
    ports = tables["port_sectors"]
    sectors = ports.loc[ports["port_code"].isin(chosen["port_code"].dropna()), "sector"].unique().tolist()
    sector_days = tables["sector_per_day"]
    window = window_months(params.window)
    sentences = [
        *closure_sentences(chosen, since),
        *sector_sentences(select_sectors(sector_days, sectors, year_earlier(month), month), ports, month),
    ]
    if "reconciliation" in tables:
        sentences.append(sector_source_note(sector_differences(tables["reconciliation"]), sectors, *window))
    start, end = chosen["start"].min(), chosen["end"].fillna(chosen["start"]).max()
    present = [k for k in CLOSURE_KINDS if k in set(chosen["event_kind"])]
    kinds = w.listing([KIND_WORDS[k] for k in present])
    charts = [
        ChartSpec(
            "closure_table",
            closure_list(chosen, tables["events"], tables["closure_measures"]),
            f"Closures at {w.listing([PLACES[k] for k in present])}, in force from {w.day_name(since)}",
            f"port_rail_closures_table_{claim.period}.csv",
        ),
        ChartSpec(
            "timeline",
            chosen.drop(columns=["event_id", "event_kind"]).reset_index(drop=True),
            f"{kinds.capitalize()} closures, {w.span(start, end)}",
            f"port_rail_closures_{claim.period}.csv",
        ),
    ]
    around = select_sectors(sector_days, sectors, *window)
    if not around.empty:
        charts.append(
            ChartSpec(
                "sector_lines",
                around,
                f"Border Patrol encounters per day in the sectors around the closed ports, {w.span(*window)}",
                f"sector_encounters_per_day_{claim.period}.csv",
                {"shade": (start, chosen["end"].max())},
            )
        )
    sources = ["events", "ohss_usbp"]
    in_month = month_effects(tables.get("port_closure_effects"), chosen, month)
    if not in_month.empty:
        sentences += crossing_sentences(in_month, month)
        charts.append(
            ChartSpec(
                "effects_bars",
                in_month,
                f"Inbound crossings at the closed crossings' ports, {w.month_name(month)} vs a year earlier",
                f"port_crossings_change_{claim.period}.csv",
            )
        )
        sources.append("bts_crossings")
    cited = tables["events"][tables["events"]["event_id"].isin(chosen["event_id"])]
    verdict = count_verdict(claim, chosen, since)
    return ClaimContext(sentences, charts, [*claim.caveats, CAVEAT], sources, r.event_citations(cited), verdict)


def closure_sentences(rows: pd.DataFrame, since: pd.Timestamp) -> list[str]:
    """'Our events list 5 port suspensions … at 4 ports in AZ, CA and TX (…; 2 at Lukeville), and 2 railway
    crossings …': counts and names; the table under the sentences gives each closure's dates."""
    counts = our_counts(rows)
    parts = []
    at_ports = rows[rows["event_kind"] == PORT_CLOSURE]
    if not at_ports.empty:
        states = sorted(set(at_ports["state"].dropna()))
        where = f" in {w.listing(states)}" if states else ""
        per_port = port_names(at_ports).value_counts()
        several = [f"{n} at {port}" for port, n in per_port[per_port > 1].sort_index().items()]
        named = "; ".join([w.listing(counts[PORTS]), *several])
        parts.append(
            f"{w.counted(len(at_ports), 'port suspension')} at {w.counted(len(counts[PORTS]), 'port')}{where} ({named})"
        )
    if counts[RAIL]:
        parts.append(f"{w.counted(len(counts[RAIL]), 'railway crossing')} ({w.listing(counts[RAIL])})")
    return [
        f"Our events list {' and '.join(parts)} in force on or after {w.day_name(since)}; the table gives each "
        "one's first and last day closed, both counted as days closed."
    ]


def sector_sentences(rows: pd.DataFrame, ports: pd.DataFrame, month: pd.Timestamp) -> list[str]:
    """Each sector's month against the same month a year earlier, naming the ports it surrounds."""
    before = year_earlier(month)
    sentences = []
    for sector, group in rows.groupby("sector"):
        now, then = group[group["month"] == month], group[group["month"] == before]
        if now.empty or then.empty:
            continue
        near = w.listing(sorted(ports.loc[ports["sector"] == sector, "port_name"].unique()))
        count, per_day, earlier = now["encounters"].item(), now["per_day"].item(), then["per_day"].item()
        sentences.append(
            f"Border Patrol's {sector} sector (around {near}) recorded {w.count(count)} encounters in "
            f"{w.month_name(month)}, {w.count(per_day)} a day, {w.change(per_day, earlier)} in "
            f"{w.month_name(before)}."
        )
    return sentences


def month_effects(effects: pd.DataFrame | None, closures: pd.DataFrame, month: pd.Timestamp) -> pd.DataFrame:
    """One row per port and affected measure in `month`, with the days of the month the closures that
    stopped that measure covered (a day two of them shared counted once): a rail closure's days are
    never told of a port's vehicles."""
    if effects is None or effects.empty:
        return pd.DataFrame()
    rows = effects[effects["event_id"].isin(set(closures["event_id"])) & (effects["month"] == month)]
    spans = closures.set_index("event_id")[["start", "end"]]
    days = {
        key: days_closed_in([tuple(spans.loc[e]) for e in group["event_id"]], month)
        for key, group in rows.groupby(["port_code", "measure"])
    }
    first = rows.drop_duplicates(["port_code", "measure"])
    closed = [days[key] for key in zip(first["port_code"], first["measure"], strict=True)]
    return first.assign(days_closed=closed).sort_values(["port_name", "measure"]).reset_index(drop=True)


def crossing_sentences(rows: pd.DataFrame, month: pd.Timestamp) -> list[str]:
    """'Lukeville in December 2023 (BTS inbound crossings; in brackets, the change and the days of the month
    a closure stopped that traffic): personal vehicles 3,966 vs 26,321 a year earlier (85% lower; 31 of 31
    days); …'"""
    sentences = []
    for port, group in rows.groupby("port_name", sort=True):
        parts = [_crossing_part(c, month) for c in records(group)]
        sentences.append(
            f"{port} in {w.month_name(month)} (BTS inbound crossings; in brackets, the change and the days of the "
            f"month a closure stopped that traffic): " + "; ".join(parts) + "."
        )
    return sentences


def _crossing_part(c: dict[str, Any], month: pd.Timestamp) -> str:
    days = f"{c['days_closed']} of {month.days_in_month} days"
    measure = str(c["measure"]).lower()
    if pd.isna(c["value"]):
        return f"{measure}: no data reported ({days})"
    if pd.isna(c["value_year_before"]):
        return f"{measure} {count_text(c['value'])}, nothing a year earlier to compare ({days})"
    change = w.direction(c["value"], c["value_year_before"])
    if c["unusual_baseline"]:
        change = (
            f"{change}, but that month was unusual: against the usual {count_text(c['usual_year_before'])} "
            f"of the months around it, {change_text(c['change_vs_usual_pct'])}"
        )
    return (
        f"{measure} {count_text(c['value'])} vs {count_text(c['value_year_before'])} a year earlier ({change}; {days})"
    )


EVALUATOR = Evaluator("closures", closures, ClosuresParams, NEEDS)
