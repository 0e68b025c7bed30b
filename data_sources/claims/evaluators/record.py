"""A record claim without a number ("the most of any month on record", "the lowest since 2020", "a
17-year low") against the rank of its month (or year) in the Border Patrol's series.

Border Patrol encounters reach back to October 1999, so "on record" is tested on them; all
Southwest encounters (with OFO) are shown beside them where the months exist (from October 2021).
Months differ in length, so they are ranked per day. A record is judged as of its own month: later
months do not count against it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, covers
from data_sources.claims.params import ParamError, Params, check_choice, check_month
from data_sources.claims.verdict import IN_LINE, NOT_IN_LINE, Verdict, not_checkable
from data_sources.core.periods import FISCAL_YEAR_START_MONTH, month_start, shift_months
from data_sources.core.vocabulary import ALL_SOUTHWEST, USBP
from data_sources.sources.registry import publisher_abbreviation
from data_sources.tables import combine

DIRECTIONS = ("highest", "lowest")
SPANS = ("month", "fiscal_year", "calendar_year", "day")
YEAR_TABLES = {"fiscal_year": "southwest_fiscal_year_totals", "calendar_year": "southwest_calendar_year_totals"}
NEEDS = Needs((r.MONTHLY, *YEAR_TABLES.values()), "Border Patrol encounter counts", r.MONTHLY, (USBP,))
RULE = (
    "A record claim is in line with the data when its month (or year) ranks first, highest or lowest as "
    "claimed, among the periods it is compared with: every earlier one in the Border Patrol's series (since "
    "October 1999), or only those after the year or month it names ('since 2020'), or only the same "
    "calendar month of each year ('for the month'). Months are ranked per day, years by their totals of "
    "complete years; otherwise it is not in line."
)
CAVEAT = "Ranks are of encounters (events, not people), per day for months; our series starts in October 1999."


@dataclass(frozen=True)
class RecordParams(Params):
    direction: str = "highest"  # or "lowest"
    since: str | None = None  # "2020" or "2020-04": compared only with what came after it; None: the whole series
    span: str = "month"  # what is ranked: months, fiscal or calendar years (a day cannot be: our data are monthly)
    same_month: bool = False  # compared only with the same calendar month of other years

    def __post_init__(self) -> None:
        check_choice("direction", [self.direction], DIRECTIONS)
        check_choice("span", [self.span], SPANS)
        if self.since is not None and not re.fullmatch(r"\d{4}", self.since):
            check_month("since", self.since)
        if not isinstance(self.same_month, bool):
            raise ParamError("same_month", f"should be true or false, not {self.same_month!r}")

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> RecordParams:
        since = hints.get("since")
        span = str(hints.get("span", "month"))
        return cls(
            direction="lowest" if hints.get("direction") == "lowest" else "highest",
            since=str(since) if since else None,
            span=span if span in SPANS else "month",
            same_month=bool(hints.get("same_month", False)),
        )

    def months(self, month: pd.Timestamp) -> tuple[pd.Timestamp, ...]:
        count = 12 if self.span in ("fiscal_year", "calendar_year") else 1
        return tuple(shift_months(month, -back) for back in reversed(range(count)))

    def start(self) -> pd.Timestamp | None:
        """The first period compared: the month after `since` (January after a year)."""
        if self.since is None:
            return None
        return shift_months(month_start(f"{self.since}-12" if len(self.since) == 4 else self.since), 1)


def record(claim: Claim, params: RecordParams, tables: Tables) -> ClaimContext:
    if params.span == "day":
        reason = "CBP publishes monthly counts, not daily ones, so a one-day record cannot be ranked"
        return ClaimContext(
            [reason[0].upper() + reason[1:] + "."], [], list(claim.caveats), [], verdict=not_checkable(reason)
        )
    monthly = tables[r.MONTHLY]
    if params.span == "month":
        ranked = _months(monthly, USBP, claim.month, params)
        label = w.month_name(claim.month)
    else:
        ranked = _years(tables[YEAR_TABLES[params.span]], USBP, claim.month, params.span, params)
        label = _year_label(claim.month, params.span)
    if ranked.empty or claim.month not in set(ranked["month"]):
        reason = f"our Border Patrol series holds no complete {label.lower()} to rank"
        return ClaimContext(
            [reason[0].upper() + reason[1:] + "."], [], list(claim.caveats), [], verdict=not_checkable(reason)
        )
    sentences, verdict = _judged(ranked, claim.month, label, params, source_spans(monthly, USBP))
    if params.span == "month" and covers(monthly, [claim.month], (ALL_SOUTHWEST,)):
        everything = _months(monthly, ALL_SOUTHWEST, claim.month, params)
        rank, row = _rank_of(everything, claim.month, params.direction)
        sentences.append(
            f"With OFO's encounters at ports added (all Southwest encounters, counted since "
            f"{w.month_name(everything['month'].min())}), {label} had {w.count(row['value'])} a day: "
            f"#{rank} of {len(everything)} months, {params.direction} first."
        )
    return ClaimContext(
        sentences,
        [_chart(claim, ranked, tables, params, label)],
        [*claim.caveats, CAVEAT],
        ["cbp_sbo", "ohss_usbp"],
        verdict=verdict,
    )


def _months(monthly: pd.DataFrame, component: str, month: pd.Timestamp, params: RecordParams) -> pd.DataFrame:
    """The months a record of `month` is set against (itself included), with their value per day."""
    rows = monthly[(monthly["component"] == component) & (monthly["month"] <= month)]
    start = params.start()
    if start is not None:
        rows = rows[rows["month"] >= start]
    if params.same_month:
        rows = rows[rows["month"].dt.month == month.month]
    return rows.assign(value=rows["per_day"])[["month", "value", "encounters"]]


def _years(totals: pd.DataFrame, component: str, month: pd.Timestamp, span: str, params: RecordParams) -> pd.DataFrame:
    """Complete fiscal or calendar years (from the year totals built with the tables) up to the one
    ending in `month`, each dated by its last month."""
    year = totals[span]
    last_month = FISCAL_YEAR_START_MONTH - 1 if span == "fiscal_year" else 12
    ended = pd.to_datetime({"year": year, "month": last_month, "day": 1})
    chosen = totals.assign(month=ended)
    chosen = chosen[(chosen["component"] == component) & chosen["complete"] & (chosen["month"] <= month)]
    start = params.start()
    if start is not None:
        chosen = chosen[chosen["month"] >= start]
    return chosen.assign(value=chosen["encounters"])[["month", "value", "encounters"]].reset_index(drop=True)


def source_spans(monthly: pd.DataFrame, component: str) -> str:
    """Which publisher gives which months of a component, from the rows' `source` column:
    'OHSS October 1999 to September 2021, CBP from October 2021'."""
    spans = combine.source_spans(monthly, component)
    parts = []
    for number, (source, span) in enumerate(spans.iterrows()):
        name = publisher_abbreviation(str(source))
        last = number == len(spans) - 1
        parts.append(f"{name} from {w.month_name(span['first'])}" if last else
                     f"{name} {w.month_name(span['first'])} to {w.month_name(span['last'])}")  # fmt: skip
    return ", ".join(parts)


def _rank_of(ranked: pd.DataFrame, month: pd.Timestamp, direction: str) -> tuple[int, pd.Series]:
    row = ranked[ranked["month"] == month].iloc[0]
    beyond = ranked["value"] > row["value"] if direction == "highest" else ranked["value"] < row["value"]
    return int(beyond.sum()) + 1, row


def _judged(
    ranked: pd.DataFrame, month: pd.Timestamp, label: str, params: RecordParams, sources: str
) -> tuple[list[str], Verdict]:
    rank, row = _rank_of(ranked, month, params.direction)
    others = ranked[ranked["month"] != month]
    per = "a day" if params.span == "month" else "in the year"
    unit = "months" if params.span == "month" else "complete years"
    first, last = w.month_name(ranked["month"].min()), w.month_name(ranked["month"].max())
    sentences = [
        f"Border Patrol encounters in {label}: {w.count(row['value'])} {per}, #{rank} of {len(ranked)} {unit} "
        f"from {first} to {last}, counting the {params.direction} first"
        + (" (the same calendar month each year)." if params.same_month else ".")
    ]
    if not others.empty:
        best = others.sort_values("value", ascending=params.direction == "lowest").iloc[0]
        best_label = w.month_name(best["month"]) if params.span == "month" else _year_label(best["month"], params.span)
        sentences.append(f"The {params.direction} of the others: {best_label}, at {w.count(best['value'])} {per}.")
    held = rank == 1
    summary = (
        f"{label} is the {params.direction} of the {len(ranked)} {unit} it is compared with "
        f"({w.count(row['value'])} {per})."
        if held
        else f"{label} ranks #{rank} of {len(ranked)} {unit}, not the {params.direction}."
    )
    compared = f"Border Patrol encounters {per}, {first} to {last} ({sources})"
    return sentences, Verdict(IN_LINE if held else NOT_IN_LINE, summary, RULE, compared)


def _year_label(month: pd.Timestamp, span: str) -> str:
    return f"Fiscal year {month.year}" if span == "fiscal_year" else f"Calendar year {month.year}"


def _chart(claim: Claim, ranked: pd.DataFrame, tables: Tables, params: RecordParams, label: str) -> ChartSpec:
    if params.span != "month":
        top = ranked.sort_values("value", ascending=params.direction == "lowest").head(8)
        top = pd.concat([ranked[ranked["month"] == claim.month], top[top["month"] != claim.month]])
        bars = pd.DataFrame(
            {
                "measure": [_year_label(m, params.span) for m in top["month"]],
                "people_or_encounters": top["value"].to_numpy(),
                "source": "cbp_sbo, ohss_usbp",
            }
        )
        bars["measure"] = [f"{m} (the claim's year)" if i == 0 else m for i, m in enumerate(bars["measure"])]
        return ChartSpec(
            "bars",
            bars,
            f"{label} against the {params.direction} years of Border Patrol encounters",
            f"record_years_{claim.period}.csv",
            {"axis_title": "Border Patrol encounters in the year"},
        )
    others = ranked[ranked["month"] != claim.month].sort_values("value", ascending=params.direction == "lowest")
    compare = others["month"].iloc[0] if not others.empty else claim.month
    window = (
        (min(compare, ranked["month"].min()).strftime("%Y-%m")),
        shift_months(claim.month, 3).strftime("%Y-%m"),
    )
    return ChartSpec(
        "per_day_events",
        r.window_rows(tables, window, [ALL_SOUTHWEST, USBP]),
        f"{label} against the months it is ranked with, per day",
        f"record_{claim.period}.csv",
        {
            "events": r.events_by_id(tables, ()) if "events" in tables else None,
            "highlight": claim.month,
            "compare": compare,
        },
    )


EVALUATOR = Evaluator("record", record, RecordParams, NEEDS)
