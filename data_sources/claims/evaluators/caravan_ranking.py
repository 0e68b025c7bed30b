"""Whether a caravan was "the largest since" an earlier one, from the sizes published for each.

Every caravan's published counts span a range (projections left out). The claim compares the
claimed caravan with every caravan that left the same place after the one it names: if all of
their ranges lie below its range, the reports agree with the claim; if one of them lies wholly
above, they contradict it; if ranges overlap, the reports cannot tell which group was larger.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables, note
from data_sources.claims.evaluators.caravan_estimates import (
    CARAVANS,
    COUNT,
    ends,
    estimate_citations,
    place,
    span_of,
)
from data_sources.claims.params import Params
from data_sources.claims.verdict import IN_LINE, NOT_IN_LINE, UNSETTLED, Verdict
from data_sources.core.periods import month_start, short_day

NEEDS = Needs((CARAVANS,), "published caravan sizes")
CLAIMED, NAMED, COMPARED, OTHER = "the claim's caravan", "the caravan named", "a caravan in between", "another caravan"
RULE = (
    "A caravan called the largest since an earlier one is in line with the data when every published count of "
    "every caravan that left the same place in between is below its own lowest count; not in line when all "
    "the counts of one of those caravans are above its highest; and the data cannot settle it when the ranges "
    "overlap. Projections of what a group could become are left out."
)
CHART_COLUMNS = [
    "caravan",
    "caravan_id",
    "role",
    "departure_date",
    "caravan_low",
    "caravan_high",
    "estimated_by",
    "publisher",
    "size_low",
    "size_high",
    "qualifier",
    "estimate_kind",
    "second_hand",
    "disputed",
    "source_url",
]


@dataclass(frozen=True)
class CaravanRankingParams(Params):
    caravan: str = ""  # caravan_id in caravans.csv of the caravan the claim is about
    named: str = ""  # caravan_id of the earlier caravan it is "the largest since" (empty: the largest ever)
    events: tuple[str, ...] = ()  # ids in events.csv, cited


@dataclass(frozen=True)
class Caravan:
    """One caravan: its departure, its range of published counts, and the estimates behind them."""

    id: str
    departed: pd.Timestamp
    low: int | None
    high: int | None
    rows: pd.DataFrame

    @property
    def name(self) -> str:
        return f"the {short_day(self.departed)} caravan"

    @property
    def span(self) -> str:
        return "no count" if self.low is None or self.high is None else span_of(self.low, self.high)


def caravan_ranking(claim: Claim, params: CaravanRankingParams, tables: Tables) -> ClaimContext:
    caravans = tables[CARAVANS]
    every = _caravans(caravans)
    claimed = every.get(params.caravan)
    if claimed is None or claimed.low is None or claimed.high is None:
        return note(claim, f"Our list of caravan sizes has no count of a caravan called {params.caravan!r}.")
    named = every.get(params.named)
    if params.named and named is None:
        return note(claim, f"Our list of caravan sizes has no caravan called {params.named!r}.")
    origin = claimed.rows["origin"].iloc[0]
    listed = [c for c in every.values() if c.rows["origin"].iloc[0] == origin and c.departed <= claimed.departed]
    since = named.departed if named is not None else pd.Timestamp.min
    between = [c for c in listed if since < c.departed < claimed.departed and c.low is not None]
    verdict = _verdict(claimed, between, named)
    sentences = [
        f"Our list holds {w.counted(len(listed), 'caravan')} that left {place(claimed.rows)} from "
        f"{w.month_name(listed[0].departed)} to {w.month_name(claimed.departed)}, each with the sizes reported at the "
        "time; no one counts a caravan officially.",
        f"The {short_day(claimed.departed)} caravan was put at {claimed.span} "
        f"({w.counted(int((claimed.rows['estimate_kind'] == COUNT).sum()), 'count')}).",
        _between_sentence(claimed, between, named),
        *_overlaps(claimed, between),
        *_also_called_largest(listed, claimed),
        *([f"{named.name[0].upper()}{named.name[1:]} itself was put at {named.span}."] if named is not None else []),
    ]
    frame = chart_rows(listed, claimed, between, named)
    chart = ChartSpec(
        "caravan_ranges",
        frame,
        f"Reported sizes of caravans leaving {place(claimed.rows)}, {w.span(listed[0].departed, claimed.departed)}",
        f"caravan_sizes_{place(claimed.rows).lower()}_{listed[0].departed:%Y%m}_{claimed.departed:%Y%m}.csv",
    )
    shown = pd.concat([c.rows for c in [claimed, *between, *([named] if named is not None else [])]])
    events = r.events_by_id(tables, params.events) if "events" in tables else pd.DataFrame()
    citations = [*estimate_citations(shown), *r.event_citations(events)]
    return ClaimContext(sentences, [chart], list(claim.caveats), ["events"], citations, verdict)


def _caravans(caravans: pd.DataFrame) -> dict[str, Caravan]:
    """Each caravan with the range of its counts (None where only projections were published), by departure."""
    found = {}
    for caravan_id, rows in caravans.sort_values("departure_date").groupby("caravan_id", sort=False):
        counted = rows[rows["estimate_kind"] == COUNT]
        low = None if counted.empty else int(counted["size_low"].min())
        high = None if counted.empty else int(counted["size_high"].max())
        found[str(caravan_id)] = Caravan(str(caravan_id), rows["departure_date"].iloc[0], low, high, rows)
    return found


def _above(one: Caravan, other: Caravan) -> bool:
    """All of `one`'s counts are above all of `other`'s."""
    return one.low is not None and other.high is not None and one.low > other.high


def _verdict(claimed: Caravan, between: list[Caravan], named: Caravan | None) -> Verdict:
    since = f"since {named.name}" if named is not None else "in our list"
    compared = "; ".join(f"{c.name}: {c.span}" for c in between) or "no caravan in between"
    compared_with = f"{claimed.name}: {claimed.span}; published counts of the caravans in between: {compared}"
    larger = [c for c in between if _above(c, claimed)]
    overlapping = [c for c in between if not _above(claimed, c) and c not in larger]
    if larger:
        summary = (
            f"Every count of {w.listing([f'{c.name} ({c.span})' for c in larger])} is above the highest count of "
            f"{claimed.name} ({w.count(claimed.high or 0)})."
        )
        return Verdict(NOT_IN_LINE, summary, RULE, compared_with)
    if overlapping:
        summary = (
            f"The counts of {w.listing([f'{c.name} ({c.span})' for c in overlapping])} overlap those of "
            f"{claimed.name} ({claimed.span}), so the reports cannot tell which group was larger."
        )
        return Verdict(UNSETTLED, summary, RULE, compared_with)
    lowest = w.count(claimed.low or 0)
    summary = (
        f"Every count of every caravan {since} is below the lowest count of {claimed.name} ({lowest})."
        if between
        else f"No other caravan with a published count left the same place {since}."
    )
    return Verdict(IN_LINE, summary, RULE, compared_with)


def _between_sentence(claimed: Caravan, between: list[Caravan], named: Caravan | None) -> str:
    after = f"after {named.name}" if named is not None else "before it"
    if not between:
        return f"No other caravan with a published count left {place(claimed.rows)} {after} and before {claimed.name}."
    listed = w.listing([f"{short_day(c.departed)} ({c.span})" for c in between])
    return f"Caravans that left {place(claimed.rows)} {after} and before {claimed.name}: {listed}."


def _overlaps(claimed: Caravan, between: list[Caravan]) -> list[str]:
    """For each caravan whose range reaches into the claimed one's: which estimates meet."""
    sentences = []
    for other in between:
        if _above(claimed, other) or _above(other, claimed) or other.high is None or claimed.low is None:
            continue
        counted = [c.rows[c.rows["estimate_kind"] == COUNT] for c in (other, claimed)]
        relation = "the same as" if other.high == claimed.low else "above"
        sentences.append(
            f"The highest count of {other.name}, {ends(counted[0], 'size_high', other.high)}, is {relation} the lowest "
            f"of {claimed.name}, {ends(counted[1], 'size_low', claimed.low)}."
        )
    return sentences


def _also_called_largest(listed: list[Caravan], claimed: Caravan) -> list[str]:
    """Reports that called another caravan 'the largest since' the same month (the reference list records it)."""
    sentences = []
    for other in listed:
        called = other.rows["called_largest_since"].dropna()
        if other.id == claimed.id or called.empty:
            continue
        month = month_start(str(called.iloc[0]))
        who = w.listing(list(dict.fromkeys(other.rows.loc[called.index, "publisher"])))
        sentences.append(
            f"Reports at the time ({who}) also called {other.name} the largest since {w.month_name(month)}."
        )
    return sentences


def chart_rows(listed: list[Caravan], claimed: Caravan, between: list[Caravan], named: Caravan | None) -> pd.DataFrame:
    """One row per estimate drawn (a dot), with its caravan's range of counts (its bar) and role."""
    roles = {claimed.id: CLAIMED, **{c.id: COMPARED for c in between}, **({named.id: NAMED} if named else {})}
    pieces = [
        c.rows.assign(
            caravan=short_day(c.departed), role=roles.get(c.id, OTHER), caravan_low=c.low, caravan_high=c.high
        )
        for c in listed
    ]
    frame = pd.concat(pieces, ignore_index=True).sort_values(["departure_date", "size_low"], kind="stable")
    return frame[CHART_COLUMNS].astype({"caravan_low": "Int64", "caravan_high": "Int64"}).reset_index(drop=True)


EVALUATOR = Evaluator("caravan_ranking", caravan_ranking, CaravanRankingParams, NEEDS)
