"""Which ports and railway crossings closed, for how long, and what the months around them show:
encounters in the Border Patrol sectors around them, and crossings at the ports (BTS, if loaded)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, note, records
from data_sources.claims.params import Params, check_choice, check_date, check_window, window_around, window_months
from data_sources.core.periods import month_start, shift_months, year_earlier
from data_sources.core.vocabulary import CLOSURE_KINDS
from data_sources.tables.derived import select_sectors

PORT_CLOSURE, RAIL_CLOSURE = CLOSURE_KINDS
KIND_WORDS = {PORT_CLOSURE: "port", RAIL_CLOSURE: "railway"}
NEEDS = Needs(("events", "port_sectors", "closure_timeline", "sector_per_day"), "dated closures")
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
    sentences = [
        *closure_sentences(chosen),
        *sector_sentences(select_sectors(sector_days, sectors, year_earlier(month), month), ports, month),
    ]
    start, end = chosen["start"].min(), chosen["end"].fillna(chosen["start"]).max()
    kinds = w.listing([KIND_WORDS[k] for k in CLOSURE_KINDS if k in set(chosen["event_kind"])])
    charts = [
        ChartSpec(
            "timeline",
            chosen.drop(columns=["event_id", "event_kind"]).reset_index(drop=True),
            f"{kinds.capitalize()} closures, {w.span(start, end)}",
            f"port_rail_closures_{claim.period}.csv",
        )
    ]
    around = select_sectors(sector_days, sectors, *window_months(params.window))
    if not around.empty:
        charts.append(
            ChartSpec(
                "sector_lines",
                around,
                f"Border Patrol encounters per day in the sectors around the closed ports, "
                f"{w.span(*window_months(params.window))}",
                f"sector_encounters_per_day_{claim.period}.csv",
                {"shade": (start, chosen["end"].max())},
            )
        )
    sources = ["events", "ohss_usbp"]
    in_month = month_effects(tables.get("port_closure_effects"), set(chosen["event_id"]), month)
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
    return ClaimContext(sentences, charts, [*claim.caveats, CAVEAT], sources, r.event_citations(cited))


def closure_sentences(rows: pd.DataFrame) -> list[str]:
    """'5 suspensions hit 4 ports in AZ, CA and TX: …', '2 railway crossings were closed: …' (each if any)."""
    ports, rail = rows[rows["event_kind"] == PORT_CLOSURE], rows[rows["event_kind"] == RAIL_CLOSURE]
    sentences = []
    if not ports.empty:
        states = sorted(set(ports["state"].dropna()))
        where = f" in {w.listing(states)}" if states else ""
        sentences.append(
            f"{w.counted(len(ports), 'suspension')} hit {w.counted(ports['port'].nunique(), 'port')}{where}: "
            f"{_describe(ports)}."
        )
    if not rail.empty:
        verb = "was" if len(rail) == 1 else "were"
        sentences.append(f"{w.counted(len(rail), 'railway crossing')} {verb} closed: {_describe(rail)}.")
    return sentences


def _describe(rows: pd.DataFrame) -> str:
    return "; ".join(_closure(c) for c in records(rows))


def _closure(c: dict[str, Any]) -> str:
    """'Lukeville Port of Entry (Lukeville, AZ): 4 December 2023 to 4 January 2024, 31 days'."""
    where = ", ".join(str(v) for v in (c["port"], c["state"]) if pd.notna(v))
    name = f"{c['crossing']} ({where})" if where else c["crossing"]
    if pd.isna(c["end"]):
        return f"{name}: from {w.day_name(c['start'])}"
    return f"{name}: {w.day_name(c['start'])} to {w.day_name(c['end'])}, {c['days']} days"


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


def month_effects(effects: pd.DataFrame | None, event_ids: set[str], month: pd.Timestamp) -> pd.DataFrame:
    """One row per port and affected measure in `month` (the longest closure there if several)."""
    if effects is None or effects.empty:
        return pd.DataFrame()
    rows = effects[effects["event_id"].isin(event_ids) & (effects["month"] == month)]
    rows = rows.sort_values("days_closed", ascending=False).drop_duplicates(["port_code", "measure"])
    return rows.sort_values(["port_name", "measure"]).reset_index(drop=True)


def crossing_sentences(rows: pd.DataFrame, month: pd.Timestamp) -> list[str]:
    """'Lukeville in December 2023, with a closure on 28 of 31 days (BTS inbound crossings): personal
    vehicles 3,966 vs 26,321 a year earlier (85% lower); …'"""
    sentences = []
    for port, group in rows.groupby("port_name", sort=True):
        parts = []
        for c in records(group):
            if pd.isna(c["value"]):
                parts.append(f"{c['measure'].lower()}: no data reported")
            elif pd.notna(c["value_year_before"]):
                parts.append(
                    f"{c['measure'].lower()} {w.count(c['value'])} vs {w.count(c['value_year_before'])} "
                    f"a year earlier ({w.direction(c['value'], c['value_year_before'])})"
                )
        days = int(group["days_closed"].max())
        sentences.append(
            f"{port} in {w.month_name(month)}, with a closure on {days} of {month.days_in_month} days "
            f"(BTS inbound crossings): " + "; ".join(parts) + "."
        )
    return sentences


EVALUATOR = Evaluator("closures", closures, ClosuresParams, NEEDS)
