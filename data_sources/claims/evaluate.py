"""Set each claim of an article beside the data: sentences with computed numbers, chart frames,
caveats and citations. Pure functions over the built tables; nothing here draws or loads.

`EVALUATORS` maps a claim's `metric` (from its article file) to the function that checks it.
Every number in a sentence is computed from the tables at call time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from data_sources.claims import wording as w
from data_sources.claims.articles import Claim
from data_sources.tables.metrics import ALL_SOUTHWEST

USBP, OFO = "U.S. Border Patrol", "Office of Field Operations"
Tables = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: a chart kind, exactly the rows it shows, and labels."""

    kind: str
    frame: pd.DataFrame
    title: str
    file_name: str
    options: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    text: str
    title: str
    url: str


@dataclass(frozen=True)
class ClaimContext:
    sentences: list[str]
    charts: list[ChartSpec]
    caveats: list[str]
    sources: list[str]  # registry keys of the datasets used
    citations: list[Citation] = field(default_factory=list)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (typed loosely, unlike itertuples under pandas-stubs)."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def month_of(period: str) -> pd.Timestamp:
    return pd.Timestamp(f"{period}-01")


def _monthly(tables: Tables) -> pd.DataFrame:
    return tables["southwest_monthly_metrics"]


def _row(tables: Tables, month: pd.Timestamp, component: str) -> pd.Series | None:
    rows = _monthly(tables)
    match = rows[(rows["month"] == month) & (rows["component"] == component)]
    return None if match.empty else match.iloc[0]


def _window(tables: Tables, claim: Claim, components: list[str]) -> pd.DataFrame:
    start, end = (month_of(p) for p in claim.params["window"])
    rows = _monthly(tables)
    keep = rows["component"].isin(components) & rows["month"].between(start, end)
    return rows.loc[keep, ["month", "component", "encounters", "days_in_month", "per_day", "source", "vintage"]]


def _no_data(claim: Claim, what: str) -> ClaimContext:
    return ClaimContext(
        [
            f"Our snapshots hold no {what} for {w.month_name(month_of(claim.period))}. "
            "Refresh the data (Data & downloads page, or `python -m data_sources refresh`) to check this claim."
        ],
        [],
        list(claim.caveats),
        [],
    )


def _figure_citations(tables: Tables, ids: list[str]) -> list[Citation]:
    """Officials' figures as cited context, each with how official it is."""
    figures = {f["figure_id"]: f for f in records(tables["published_figures"])}
    citations = []
    for figure_id in ids:
        if figure_id in figures:
            f = figures[figure_id]
            status = str(f["status"]).replace("_", " ")
            citations.append(
                Citation(
                    f"{f['measure']}: {f['value_qualifier'].replace('_', ' ')} "
                    f"{f['figure_value']} ({f['publisher']}; {status})",
                    f["source_title"],
                    f["source_url"],
                )
            )
    return citations


def _event_citations(events: pd.DataFrame) -> list[Citation]:
    return [Citation(e["description"], e["source_title"], e["source_url"]) for e in records(events)]


def _month_rows(claim: Claim, tables: Tables) -> tuple[pd.Series, pd.Series, pd.Series] | None:
    """The claim month's all-Southwest, Border Patrol and OFO rows, or None if any is missing."""
    rows = [_row(tables, month_of(claim.period), c) for c in (ALL_SOUTHWEST, USBP, OFO)]
    if claim.claimed_value is None or any(r is None for r in rows):
        return None
    total, usbp, ofo = rows
    assert total is not None and usbp is not None and ofo is not None
    return total, usbp, ofo


def daily_rate(claim: Claim, tables: Tables) -> ClaimContext:
    """A claimed number per day against per-day encounters: between ports, at ports, and both."""
    found = _month_rows(claim, tables)
    if found is None or claim.claimed_value is None:
        return _no_data(claim, "Southwest encounter counts")
    (total, usbp, ofo), month = found, month_of(claim.period)
    label, claimed = w.month_name(month), claim.claimed_value
    sentences = [
        f"In {label}, CBP counted {w.count(total.encounters)} encounters at the Southwest border: "
        f"{w.count(usbp.encounters)} by the Border Patrol between ports of entry and {w.count(ofo.encounters)} "
        f"by OFO at ports. That is {w.count(total.per_day)} a day on average ({w.count(usbp.per_day)} between "
        f"ports, {w.count(ofo.per_day)} at ports).",
        f"The claimed {w.count(claimed)} a day is {w.compared(claimed, total.per_day)} the average of all "
        f"encounters, and {w.compared(claimed, usbp.per_day)} the between-ports average, the closer match to "
        "'crossing illegally'.",
        f"Per day, {label} ranks #{usbp['rank']} of {usbp.months_in_series} months of Border Patrol data "
        f"since {w.month_name(_first_month(tables, USBP))}, and #{total['rank']} of {total.months_in_series} "
        f"months of all Southwest encounters since {w.month_name(_first_month(tables, ALL_SOUTHWEST))}.",
        *_revision_sentences(tables, month),
    ]
    chart = ChartSpec(
        "per_day_vs_claim",
        _window(tables, claim, [ALL_SOUTHWEST, USBP, OFO]),
        f"Southwest border encounters per day, {_window_label(claim)}",
        f"encounters_per_day_{claim.period}.csv",
        {"claimed": claimed, "claim_label": f"Claim: {w.count(claimed)} a day", "highlight": month},
    )
    citations = _figure_citations(tables, claim.params.get("figures", []))
    return ClaimContext(sentences, [chart], list(claim.caveats), ["cbp_sbo", "ohss_usbp", "cbp_nationwide"], citations)


def _first_month(tables: Tables, component: str) -> pd.Timestamp:
    rows = _monthly(tables)
    return rows.loc[rows["component"] == component, "month"].min()


def _window_label(claim: Claim) -> str:
    start, end = (month_of(p) for p in claim.params["window"])
    return f"{start:%b %Y}–{end:%b %Y}"


def _revision_sentences(tables: Tables, month: pd.Timestamp) -> list[str]:
    """How the month was first published versus the vintage we show."""
    recon = tables["reconciliation"]
    rows = recon[
        (recon["month"] == month)
        & (recon["breakdown"] == "Southwest total")
        & (recon["right_source"] == "cbp_nationwide")
    ]
    if rows.empty:
        return []
    first = int(rows["right_encounters"].sum())
    later = int(rows["left_encounters"].sum())
    return [
        f"As first published (release of {rows['right_vintage'].iloc[0]}) the month had {w.count(first)} "
        f"encounters; CBP's release of {rows['left_vintage'].iloc[0]} revises it to {w.count(later)}."
    ]


def size_vs_daily(claim: Claim, tables: Tables) -> ClaimContext:
    """A one-off group size set against how many encounters a single average day brings."""
    found = _month_rows(claim, tables)
    if found is None or claim.claimed_value is None:
        return _no_data(claim, "Southwest encounter counts")
    (total, usbp, ofo), month = found, month_of(claim.period)
    label, size = w.month_name(month), claim.claimed_value
    events = _events(tables, claim.params.get("events", []))
    sentences = [
        f"At {label}'s pace of {w.count(total.per_day)} Southwest border encounters a day, a group of "
        f"{w.count(size)} equals {size / total.per_day:.1f} days of encounters, or "
        f"{size / total.encounters * 100:.1f}% of the month's {w.count(total.encounters)}.",
        *[_event_sentence(e) for e in records(events)],
    ]
    bars = pd.DataFrame(
        {
            "measure": [
                "Caravan size (as claimed)",
                f"Average day, all Southwest encounters, {label}",
                f"Average day, Border Patrol between ports, {label}",
                f"Average day, OFO at ports, {label}",
            ],
            "people_or_encounters": [size, total.per_day, usbp.per_day, ofo.per_day],
            "source": ["the article", total.source, usbp.source, ofo.source],
        }
    )
    chart = ChartSpec(
        "bars",
        bars,
        f"A {w.count(size)}-person caravan vs one average day of encounters, {label}",
        f"caravan_vs_daily_encounters_{claim.period}.csv",
    )
    return ClaimContext(sentences, [chart], list(claim.caveats), ["cbp_sbo"], _event_citations(events))


def _events(tables: Tables, ids: list[str]) -> pd.DataFrame:
    events = tables["events"]
    return events[events["event_id"].isin(ids)].sort_values("start_date")


def _event_sentence(event: dict[str, Any]) -> str:
    start, end = event["start_date"], event["end_date"]
    when = f"From {w.day_name(start)}" + (f" to {w.day_name(end)}" if pd.notna(end) else "")
    return f"{when}: {event['description']}"


def compare_periods(claim: Claim, tables: Tables) -> ClaimContext:
    """Encounter levels in the claim's month against an earlier month it compares itself to."""
    now, then = month_of(claim.period), _compared_month(tables, str(claim.params.get("compare_to", "")), claim)
    rows = {(m, c): _row(tables, m, c) for m in (now, then) for c in (ALL_SOUTHWEST, USBP)}
    if any(r is None for r in rows.values()):
        return _no_data(claim, "Southwest encounter counts")
    a, b = rows[(then, ALL_SOUTHWEST)], rows[(now, ALL_SOUTHWEST)]
    a_usbp, b_usbp = rows[(then, USBP)], rows[(now, USBP)]
    assert a is not None and b is not None and a_usbp is not None and b_usbp is not None
    events = _events(tables, claim.params.get("events", []))
    sentences = [
        f"In {w.month_name(then)}, Southwest border encounters averaged {w.count(a.per_day)} a day "
        f"({w.count(a.encounters)} in the month; Border Patrol {w.count(a_usbp.per_day)} a day).",
        f"In {w.month_name(now)} they averaged {w.count(b.per_day)} a day, {w.change(b.per_day, a.per_day)} "
        f"{w.month_name(then)} (Border Patrol {w.count(b_usbp.per_day)} a day, "
        f"{w.change(b_usbp.per_day, a_usbp.per_day)} then).",
        f"Of {b.months_in_series} months with all Southwest encounters, {w.month_name(then)} ranks #{a['rank']} "
        f"and {w.month_name(now)} #{b['rank']} per day.",
    ]
    frame = _window(tables, claim, [ALL_SOUTHWEST, USBP])
    chart = ChartSpec(
        "per_day_events",
        frame,
        f"Southwest border encounters per day, {_window_label(claim)}",
        f"encounters_per_day_{claim.params['compare_to']}_vs_{claim.period}.csv",
        {"events": events, "highlight": now, "compare": then},
    )
    return ClaimContext(sentences, [chart], list(claim.caveats), ["cbp_sbo", "events"], _event_citations(events))


def _compared_month(tables: Tables, compare_to: str, claim: Claim) -> pd.Timestamp:
    """'2022-06' is that month; '2022' (as in 'largest since 2022') is that year's busiest month per day."""
    if len(compare_to) == 7:
        return month_of(compare_to)
    rows = _monthly(tables)
    year = int(compare_to) if compare_to.isdigit() else month_of(claim.period).year - 1
    candidates = rows[(rows["component"] == ALL_SOUTHWEST) & (rows["month"].dt.year == year)]
    if candidates.empty:
        candidates = rows[(rows["component"] == USBP) & (rows["month"].dt.year == year)]
    return month_of(claim.period) if candidates.empty else candidates.sort_values("per_day")["month"].iloc[-1]


def period_total(claim: Claim, tables: Tables) -> ClaimContext:
    """A claimed count for a month or a fiscal year against CBP's Southwest totals for that span."""
    span = str(claim.params.get("span", "month"))
    if claim.claimed_value is None:
        return _no_data(claim, "a claimed number")
    end = month_of(claim.period)
    start = end - pd.DateOffset(months=11) if span in ("fiscal_year", "calendar_year") else end
    rows = _monthly(tables)
    chosen = rows[rows["month"].between(start, end)]
    needed = (end.year - start.year) * 12 + end.month - start.month + 1
    sums = {c: (int(g["encounters"].sum()), g["month"].nunique()) for c, g in chosen.groupby("component")}
    if any(sums.get(c, (0, 0))[1] < needed for c in (ALL_SOUTHWEST, USBP, OFO)):
        return _no_data(claim, "complete Southwest totals (Border Patrol and OFO)")
    label = (
        w.month_name(end)
        if span == "month"
        else (f"fiscal year {end.year}" if span == "fiscal_year" else str(end.year))
    )
    total, usbp, ofo = (sums[c][0] for c in (ALL_SOUTHWEST, USBP, OFO))
    claimed = claim.claimed_value
    sentences = [
        f"In {label}, CBP counted {w.count(total)} encounters at the Southwest border: {w.count(usbp)} by the Border "
        f"Patrol between ports and {w.count(ofo)} by OFO at ports.",
        f"The claimed {w.count(claimed)} is {w.compared(claimed, total)} all encounters and "
        f"{w.compared(claimed, usbp)} the Border Patrol's count.",
    ]
    bars = pd.DataFrame(
        {
            "measure": [
                "The claim",
                f"All Southwest encounters, {label}",
                f"Border Patrol, {label}",
                f"OFO at ports, {label}",
            ],
            "people_or_encounters": [claimed, total, usbp, ofo],
            "source": ["the text", "cbp_sbo", "cbp_sbo", "cbp_sbo"],
        }
    )
    chart = ChartSpec(
        "bars",
        bars,
        f"The claim against Southwest border encounters, {label}",
        f"claim_vs_encounters_{claim.period}.csv",
        {"axis_title": "Encounters (or the claimed count)"},
    )
    caveats = [*claim.caveats, "Encounters are events, not unique people; OFO counts include CBP One appointments."]
    return ClaimContext(sentences, [chart], caveats, ["cbp_sbo", "ohss_usbp"])


def citizenship_mix(claim: Claim, tables: Tables) -> ClaimContext:
    """Who is encountered (citizenship groups, per fiscal year) and whether the level is a record."""
    shares = citizenship_shares(tables["ohss_usbp_citizenship"], tables["citizenship_groups"])
    month = month_of(claim.period)
    usbp = _row(tables, month, USBP)
    if shares.empty or usbp is None:
        return _no_data(claim, "Border Patrol citizenship counts")
    first, last = int(shares["fiscal_year"].min()), int(shares["fiscal_year"].max())
    share = shares.set_index(["fiscal_year", "group"])["share_pct"]
    rest = "Rest of the Western Hemisphere"
    sentences = [
        f"In FY{first}, {share[(first, 'Mexico')]:.0f}% of Border Patrol's Southwest encounters were of Mexican "
        f"citizens; in FY{last}, {share[(last, 'Mexico')]:.0f}%.",
        f"Citizens of the rest of the Western Hemisphere (beyond Mexico, Guatemala, Honduras and El Salvador) "
        f"went from {share.get((first, rest), 0):.1f}% in FY{first} to {share.get((last, rest), 0):.0f}% in "
        f"FY{last}; the largest such groups in FY{last} were {_top_countries(tables, last, rest)}.",
        f"Border Patrol's {w.month_name(month)}, {w.count(usbp.per_day)} encounters a day, ranks #{usbp['rank']} "
        f"of {usbp.months_in_series} months since {w.month_name(_first_month(tables, USBP))}. "
        + _earlier_peak(tables, claim),
    ]
    chart = ChartSpec(
        "share_area",
        shares,
        f"Border Patrol Southwest encounters by citizenship, FY{first}–FY{last} (share of each fiscal year)",
        f"usbp_citizenship_shares_fy{first}_fy{last}.csv",
    )
    return ClaimContext(sentences, [chart], list(claim.caveats), ["ohss_usbp", "cbp_sbo"])


def citizenship_shares(citizenship: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Southwest Border Patrol encounters per complete fiscal year by citizenship group, with shares."""
    southwest = citizenship[citizenship["region"] == "Southwest Land Border"]
    group = southwest["citizenship"].map(groups.set_index("citizenship")["group"])
    frame = southwest.assign(group=group.fillna("Outside the Western Hemisphere, or unknown"))
    months = frame.groupby("fiscal_year")["month"].nunique()
    complete = frame[frame["fiscal_year"].isin(months[months == 12].index)]
    totals = complete.groupby(["fiscal_year", "group"], as_index=False)["encounters"].sum()
    year_total = totals.groupby("fiscal_year")["encounters"].transform("sum")
    return totals.assign(share_pct=totals["encounters"] / year_total * 100)


def _top_countries(tables: Tables, fiscal_year: int, group: str, n: int = 3) -> str:
    groups = tables["citizenship_groups"]
    members = set(groups.loc[groups["group"] == group, "citizenship"])
    rows = tables["ohss_usbp_citizenship"]
    rows = rows[
        (rows["region"] == "Southwest Land Border")
        & (rows["fiscal_year"] == fiscal_year)
        & rows["citizenship"].isin(members)
    ]
    top = rows.groupby("citizenship")["encounters"].sum().nlargest(n)
    return w.listing([f"{name} ({w.count(value)})" for name, value in top.items()])


def _earlier_peak(tables: Tables, claim: Claim) -> str:
    before = month_of(claim.params.get("earlier_than", "2021-01"))
    rows = _monthly(tables)
    usbp = rows[(rows["component"] == USBP) & (rows["month"] < before)]
    peak = usbp.sort_values("per_day").iloc[-1]
    return (
        f"Before {w.month_name(before)}, the highest month in the series was {w.month_name(peak.month)}, "
        f"at {w.count(peak.per_day)} a day."
    )


def closures(claim: Claim, tables: Tables) -> ClaimContext:
    """Which ports and railway crossings closed, for how long, and encounters in the sectors around them."""
    since = pd.Timestamp(claim.params["since"])
    events = tables["events"]
    chosen = events[events["kind"].isin(claim.params["kinds"]) & (events["end_date"].fillna(since) >= since)]
    ports = tables["port_sectors"]
    timeline = closure_timeline(chosen, ports)
    if timeline.empty:
        return _no_data(claim, "dated closures")
    sentences = _closure_sentences(timeline)
    sectors = ports.loc[ports["port_code"].isin(timeline["port_code"].dropna()), "sector"].unique().tolist()
    month = month_of(claim.period)
    sector_rows = sector_per_day(tables["ohss_usbp_sector"], sectors, *(month_of(p) for p in claim.params["window"]))
    year_before = month - pd.DateOffset(years=1)
    sentences += _sector_sentences(
        sector_per_day(tables["ohss_usbp_sector"], sectors, year_before, month), ports, month
    )
    charts: list[ChartSpec] = [
        ChartSpec("timeline", timeline, "Port and railway closures, late 2023", "port_rail_closures_2023.csv"),
        ChartSpec(
            "sector_lines",
            sector_rows,
            f"Border Patrol encounters per day in the sectors around the closed ports, {_window_label(claim)}",
            f"sector_encounters_per_day_{claim.period}.csv",
            {"shade": (timeline["start"].min(), timeline["end"].max())},
        ),
    ]
    sources = ["events", "ohss_usbp"]
    effects = tables.get("port_closure_effects")
    if effects is not None and not effects.empty:
        in_month = month_effects(effects, set(chosen["event_id"]), month)
        sentences += _crossing_sentences(in_month, month)
        charts.append(
            ChartSpec(
                "effects_bars",
                in_month,
                f"Inbound crossings at the closed crossings' ports, {w.month_name(month)} vs a year earlier",
                f"port_crossings_change_{claim.period}.csv",
            )
        )
        sources.append("bts_crossings")
    caveats = [
        *claim.caveats,
        "Monthly counts cannot show a closure lasting only a few days (like the rail "
        "closures): they are spread over the whole month.",
    ]
    return ClaimContext(sentences, charts, caveats, sources, _event_citations(chosen))


def month_effects(effects: pd.DataFrame, event_ids: set[str], month: pd.Timestamp) -> pd.DataFrame:
    """One row per port and affected measure in `month` (the longest closure there if several)."""
    rows = effects[effects["event_id"].isin(event_ids) & (effects["month"] == month)]
    rows = rows.sort_values("days_closed", ascending=False).drop_duplicates(["port_code", "measure"])
    return rows.sort_values(["port_name", "measure"]).reset_index(drop=True)


def _crossing_sentences(rows: pd.DataFrame, month: pd.Timestamp) -> list[str]:
    """'Lukeville, closed 28 of 31 days: personal vehicles 3,966 vs 26,321 a year earlier (85% lower); …'"""
    sentences = []
    for port, group in rows.groupby("port_name", sort=True):
        parts = []
        for r in records(group):
            if pd.isna(r["value"]):
                parts.append(f"{r['measure'].lower()}: no data reported")
            elif pd.notna(r["value_year_before"]):
                parts.append(
                    f"{r['measure'].lower()} {w.count(r['value'])} vs {w.count(r['value_year_before'])} "
                    f"a year earlier ({w.direction(r['value'], r['value_year_before'])})"
                )
        days = int(group["days_closed"].max())
        sentences.append(
            f"{port} in {w.month_name(month)}, with a closure on {days} of {month.days_in_month} days "
            f"(BTS inbound crossings): " + "; ".join(parts) + "."
        )
    return sentences


def closure_timeline(chosen: pd.DataFrame, ports: pd.DataFrame) -> pd.DataFrame:
    """One row per closure: crossing, port, state, kind, start, end, days, citation."""
    port_info = ports.set_index("port_code")
    return (
        pd.DataFrame(
            {
                "crossing": chosen["place"].str.split(",").str[0].str.replace(r"\s*\(.*\)$", "", regex=True),
                "port_code": chosen["port_code"],
                "port": chosen["port_code"].map(port_info["port_name"]),
                "state": chosen["port_code"].map(port_info["state"]),
                "kind": chosen["kind"].str.replace("_", " "),
                "start": chosen["start_date"],
                "end": chosen["end_date"],
                "days": (chosen["end_date"] - chosen["start_date"]).dt.days,
                "source_title": chosen["source_title"],
                "source_url": chosen["source_url"],
            }
        )
        .sort_values("start")
        .reset_index(drop=True)
    )


def _closure_sentences(timeline: pd.DataFrame) -> list[str]:
    ports = timeline[timeline["kind"] == "port closure"]
    rail = timeline[timeline["kind"] == "rail closure"]

    def describe(rows: pd.DataFrame) -> str:
        return "; ".join(
            f"{r['crossing']} ({r['port']}, {r['state']}): {w.day_name(r['start'])} to {w.day_name(r['end'])}, "
            f"{r['days']} days"
            for r in records(rows)
        )

    states = sorted(set(ports["state"].dropna()))
    return [
        f"{len(ports)} suspensions hit {ports['port'].nunique()} ports in {w.listing(states)}: {describe(ports)}.",
        f"{len(rail)} railway crossings were closed: {describe(rail)}.",
    ]


def sector_per_day(
    sector_table: pd.DataFrame, sectors: list[str], start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """Southwest Border Patrol encounters per day for the named sectors (OHSS names end in ', ST')."""
    rows = sector_table[(sector_table["region"] == "Southwest Land Border") & sector_table["month"].between(start, end)]
    name = rows["sector"].str.replace(r",\s*[A-Z]{2}$", "", regex=True)
    rows = rows.assign(sector=name)[name.isin(sectors)]
    days = rows["month"].dt.days_in_month
    return rows.assign(per_day=rows["encounters"] / days)[["month", "sector", "encounters", "per_day"]].reset_index(
        drop=True
    )


def _sector_sentences(rows: pd.DataFrame, ports: pd.DataFrame, month: pd.Timestamp) -> list[str]:
    year_before = month - pd.DateOffset(years=1)
    sentences = []
    for sector, group in rows.groupby("sector"):
        now, then = group[group["month"] == month], group[group["month"] == year_before]
        if now.empty or then.empty:
            continue
        near = w.listing(sorted(ports.loc[ports["sector"] == sector, "port_name"].unique()))
        count, per_day, before = now["encounters"].item(), now["per_day"].item(), then["per_day"].item()
        sentences.append(
            f"Border Patrol's {sector} sector (around {near}) recorded {w.count(count)} encounters in "
            f"{w.month_name(month)}, {w.count(per_day)} a day, {w.change(per_day, before)} in "
            f"{w.month_name(year_before)}."
        )
    return sentences


EVALUATORS: dict[str, Callable[[Claim, Tables], ClaimContext]] = {
    "daily_rate": daily_rate,
    "size_vs_daily": size_vs_daily,
    "compare_periods": compare_periods,
    "citizenship_mix": citizenship_mix,
    "closures": closures,
    "period_total": period_total,
}


def evaluate(claim: Claim, tables: Tables) -> ClaimContext:
    """The context for one claim, or a plain note when no evaluator knows its metric."""
    evaluator = EVALUATORS.get(claim.metric)
    if evaluator is None:
        return ClaimContext(
            [f"This claim's metric ({claim.metric!r}) is not one we can check yet."], [], list(claim.caveats), []
        )
    try:
        return evaluator(claim, tables)
    except KeyError as missing:  # a source's tables are absent (no intact snapshot)
        return _no_data(claim, f"data for this check ({missing.args[0]})")
