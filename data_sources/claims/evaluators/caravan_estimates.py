"""A caravan's claimed size set against every size published for it at the time.

No one counts a caravan officially: reporters, organizers and local officials give estimates, and
they differ. The reference list (`reference/caravans.csv`) keeps each estimate with who gave it, so
the check is the range they span. Projections (what a group "could" grow to) are shown but left out
of the range; second-hand and disputed figures stay in and are flagged. One average day of U.S.
Southwest encounters that month is set beside them for scale, when the month is in the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from data_sources.claims import rows as r
from data_sources.claims import wording as w
from data_sources.claims.context import (
    ChartSpec,
    Citation,
    Claim,
    ClaimContext,
    Evaluator,
    Needs,
    Tables,
    note,
    records,
)
from data_sources.claims.params import Params
from data_sources.claims.verdict import compare_range, not_checkable
from data_sources.core.periods import short_day
from data_sources.core.vocabulary import ALL_SOUTHWEST, USBP

CARAVANS = "caravans"
COUNT, PROJECTION = "count", "projection"
CLAIM_ROW, US_DAY = "the claim", "U.S. encounters, one average day"
US_SHORT = {ALL_SOUTHWEST: "All encounters", USBP: "Border Patrol"}  # chart rows must fit a phone
NEEDS = Needs((CARAVANS,), "published caravan sizes")
CHART_COLUMNS = [
    "label",
    "what",
    "size_low",
    "size_high",
    "qualifier",
    "estimated_by",
    "publisher",
    "second_hand",
    "disputed",
    "source_url",
]


@dataclass(frozen=True)
class CaravanEstimatesParams(Params):
    caravan: str = ""  # caravan_id in caravans.csv (empty: the check says the caravan is not named)
    events: tuple[str, ...] = ()  # ids in events.csv (the caravan's departure and end), told and cited


def caravan_estimates(claim: Claim, params: CaravanEstimatesParams, tables: Tables) -> ClaimContext:
    rows = estimates_of(tables[CARAVANS], params.caravan)
    if rows.empty:
        return note(claim, f"Our list of caravan sizes has no caravan called {params.caravan!r}.")
    counted, projected = rows[rows["estimate_kind"] == COUNT], rows[rows["estimate_kind"] == PROJECTION]
    caravan = f"the caravan that left {place(rows)} on {w.day_name(rows['departure_date'].iloc[0])}"
    if counted.empty:
        sentence = f"Only projections, no counts, were published for {caravan}."
        return ClaimContext([sentence], [], list(claim.caveats), ["events"], verdict=not_checkable(sentence))
    low, high = int(counted["size_low"].min()), int(counted["size_high"].max())
    events = r.events_by_id(tables, params.events) if "events" in tables else pd.DataFrame()
    us_day = _us_day(tables, claim.month)
    sentences = [
        f"Reports at the time gave {w.counted(len(counted), 'count')} of {caravan}, from "
        f"{ends(counted, 'size_low', low)} to {ends(counted, 'size_high', high)}.",
        _where_the_claim_sits(claim.value, counted),
        *_projections(projected),
        *_second_hand(counted),
        *([_scale(us_day, low, high)] if us_day is not None else []),
        *[r.event_sentence(e) for e in records(events)],
    ]
    evidence = f"{len(counted)} published counts: " + "; ".join(
        f"{e['estimated_by']}, {size(e)}" for e in records(counted)
    )
    chart = ChartSpec(
        "caravan_estimates",
        chart_rows(claim.value, counted, projected, us_day),
        f"Reported sizes of the {short_day(rows['departure_date'].iloc[0])} caravan, beside the claim"
        + (
            f" and an average day of U.S. border encounters in {w.span(claim.month, claim.month)}"
            if us_day is not None
            else ""
        ),
        f"caravan_estimates_{params.caravan}.csv",
        {"range": (low, high), "claimed": claim.value},
    )
    return ClaimContext(
        sentences,
        [chart],
        list(claim.caveats),
        ["events", *(dict.fromkeys(us_day["source"]) if us_day is not None else [])],
        [*estimate_citations(rows), *r.event_citations(events)],
        compare_range(claim.value, low, high, evidence),
    )


def estimates_of(caravans: pd.DataFrame, caravan_id: str) -> pd.DataFrame:
    return caravans[caravans["caravan_id"] == caravan_id].sort_values(["estimate_kind", "size_low", "size_high"])


def place(rows: pd.DataFrame) -> str:
    """'Tapachula' from 'Tapachula, Chiapas'."""
    return str(rows["origin"].iloc[0]).split(",")[0]


def size(estimate: dict[str, Any]) -> str:
    """An estimate as it was worded, in our words: 'about 6,000', '10,000 or more', '4,000 to 5,000'."""
    low, high, qualifier = estimate["size_low"], estimate["size_high"], estimate["qualifier"]
    if qualifier == "range" or low != high:
        return f"{w.count(low)} to {w.count(high)}"
    return {"at_least": f"{w.count(low)} or more", "at_most": f"up to {w.count(high)}"}.get(
        qualifier, f"about {w.count(low)}"
    )


def span_of(low: float, high: float) -> str:
    """'6,000 to 10,000', or one number when both ends agree."""
    return w.count(low) if low == high else f"{w.count(low)} to {w.count(high)}"


def estimate_citations(rows: pd.DataFrame) -> list[Citation]:
    """Each estimate with who gave it, its flags, and the page it is cited from."""
    return [
        Citation(
            f"{e['estimated_by']}: {size(e)}"
            + (" (a projection, not a count)" if e["estimate_kind"] == PROJECTION else "")
            + ("; reported second-hand" if e["second_hand"] else "")
            + ("; disputed" if e["disputed"] else ""),
            str(e["source_title"]).replace(r.RECONSTRUCTED, "").strip(),
            e["source_url"],
        )
        for e in records(rows)
    ]


def ends(counted: pd.DataFrame, column: str, value: int) -> str:
    """'10,000 or more (Azteca Chihuahua)': an end of the range, worded as its estimates were, and who gave it."""
    ends = counted[counted[column] == value]
    who = w.listing(list(dict.fromkeys(ends["estimated_by"])))
    open_end = "at_least" if column == "size_high" else "at_most"
    if (ends["qualifier"] == open_end).all():
        return f"{size(records(ends)[0])} ({who})"
    return f"{w.count(value)} ({who})"


def _where_the_claim_sits(claimed: float, counted: pd.DataFrame) -> str:
    above = int((counted["size_low"] > claimed).sum())
    below = int((counted["size_high"] < claimed).sum())
    matching = len(counted) - above - below
    return (
        f"Of the {len(counted)} counts, {matching} include{'s' if matching == 1 else ''} the claimed "
        f"{w.count(claimed)}, {above} {'is' if above == 1 else 'are'} higher and {below} lower."
    )


def _projections(projected: pd.DataFrame) -> list[str]:
    if projected.empty:
        return []
    said = w.listing([f"{e['estimated_by']}'s {size(e)}" for e in records(projected)])
    return [f"Left out of the range: {said}, a forecast of what the group might become rather than a count."]


def _second_hand(counted: pd.DataFrame) -> list[str]:
    retold = int(counted["second_hand"].sum())
    if not retold:
        return []
    reach = "reaches" if retold == 1 else "reach"
    return [f"{retold} of the counts {reach} us only through another outlet's retelling; each is marked below."]


def _us_day(tables: Tables, month: pd.Timestamp) -> pd.DataFrame | None:
    """The month's average day for all Southwest encounters and Border Patrol (None when not in the data)."""
    monthly = tables.get(r.MONTHLY)
    if monthly is None:
        return None
    rows = monthly[(monthly["month"] == month) & monthly["component"].isin([ALL_SOUTHWEST, USBP])]
    return rows.set_index("component").reindex([ALL_SOUTHWEST, USBP]) if len(rows) == 2 else None


def _scale(us_day: pd.DataFrame, low: int, high: int) -> str:
    total, border_patrol = (records(us_day.loc[[component]])[0] for component in (ALL_SOUTHWEST, USBP))
    per_day, usbp, month = total["per_day"], border_patrol["per_day"], total["month"]
    return (
        f"For scale: at {w.month_name(month)}'s pace of {w.count(per_day)} Southwest border encounters a "
        f"day ({w.count(usbp)} by the Border Patrol between ports), the counted sizes equal "
        f"{low / per_day:.1f} to {high / per_day:.1f} days of encounters at the U.S. border."
    )


def chart_rows(
    claimed: float, counted: pd.DataFrame, projected: pd.DataFrame, us_day: pd.DataFrame | None
) -> pd.DataFrame:
    """One row per bar or dot drawn: the claim, each count, each projection, then the U.S. days."""
    claim_row = pd.DataFrame(
        {"label": ["The article"], "what": [CLAIM_ROW], "size_low": [claimed], "size_high": [claimed]}
    )
    estimates = pd.concat([counted, projected]).assign(what=lambda f: f["estimate_kind"])
    estimates = estimates.assign(label=_labels(estimates))
    pieces = [claim_row, estimates]
    if us_day is not None:
        pieces.append(
            pd.DataFrame(
                {
                    "label": [f"{US_SHORT[c]}, a day" for c in us_day.index],
                    "what": US_DAY,
                    "size_low": us_day["per_day"].to_numpy(),
                    "size_high": us_day["per_day"].to_numpy(),
                    "estimated_by": us_day.index.to_numpy(),  # the component: what was counted
                    "publisher": us_day["source"].to_numpy(),
                }
            )
        )
    frame = pd.concat(pieces, ignore_index=True).reindex(columns=CHART_COLUMNS)
    filled = {
        "qualifier": "",
        "estimated_by": "",
        "publisher": "",
        "source_url": "",
        "second_hand": False,
        "disputed": False,
    }
    return frame.astype({"size_low": "float64", "size_high": "float64"}).fillna(filled)


def _labels(estimates: pd.DataFrame) -> list[str]:
    """Who gave each estimate, with the outlet or 'projection' where one name would appear twice."""
    labels = [
        str(e["estimated_by"]) + (", projection" if e["estimate_kind"] == PROJECTION else "")
        for e in records(estimates)
    ]
    repeated = {label for label in labels if labels.count(label) > 1}
    return [
        f"{label} ({e['publisher']})" if label in repeated else label
        for label, e in zip(labels, records(estimates), strict=True)
    ]


EVALUATOR = Evaluator("caravan_estimates", caravan_estimates, CaravanEstimatesParams, NEEDS, needs_value=True)
