"""How the counts a closures claim states ("at least three ports", "two railway crossings") are tested
against the ports and railway crossings our cited events list: what the quote counts, how its
qualifier reads ("at least", "more than"), and the verdict.

Apart from `closures.py`, which gathers the closures and the months around them: this part reads the
claim's own words and decides, and is the same whatever traffic data are loaded.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

import pandas as pd

from data_sources.claims import verdict as v
from data_sources.claims import wording as w
from data_sources.claims.context import Claim
from data_sources.claims.numbers import numbers_in, qualifier
from data_sources.core.vocabulary import CLOSURE_KINDS

__all__ = ["PORTS", "PORT_CLOSURE", "RAIL", "RAIL_CLOSURE", "Count", "claimed_counts", "count_rule", "count_verdict"]
__all__ += ["our_counts", "port_names"]

PORT_CLOSURE, RAIL_CLOSURE = CLOSURE_KINDS
PORTS, RAIL = "ports", "railway crossings"  # what a claim may count
COUNTED = {PORTS: re.compile(r"\bports?\b", re.I), RAIL: re.compile(r"\brail(?:way|road)?s?\b", re.I)}
# How a qualifier before a count reads as a test of our count against the claimed one.
AT_LEAST = ("at least", "upwards of")
MORE_THAN = ("more than", "over", "just over", "well over", "topping", "exceeding")
TESTS = {">=": operator.ge, ">": operator.gt, "==": operator.eq}


@dataclass(frozen=True)
class Count:
    """A count the claim states: what it counts, as written ('at least three'), its value and how it reads."""

    what: str  # PORTS or RAIL
    said: str
    value: float
    test: str  # ">=", ">" or "=="

    def holds(self, ours: int) -> bool:
        return bool(TESTS[self.test](ours, self.value))


def port_names(rows: pd.DataFrame) -> pd.Series:
    """The port each closure was at (its crossing where no port is known)."""
    return rows["port"].fillna(rows["crossing"])


def our_counts(rows: pd.DataFrame) -> dict[str, list[str]]:
    """The ports with a port closure and the railway crossings with a rail closure, each named once."""
    at_ports, on_rail = rows[rows["event_kind"] == PORT_CLOSURE], rows[rows["event_kind"] == RAIL_CLOSURE]
    return {PORTS: sorted(set(port_names(at_ports))), RAIL: sorted(set(port_names(on_rail)))}


def claimed_counts(claim: Claim) -> list[Count]:
    """The counts of ports and railway crossings the quote states ('at least three … ports', 'two railway
    crossings'); else the claim's own number and unit (a claim found in pasted text)."""
    found = numbers_in(claim.quote)
    counts = []
    for at, number in enumerate(found):
        stop = found[at + 1].start if at + 1 < len(found) else len(claim.quote)
        after = claim.quote[number.end : stop]
        hits = {what: m.start() for what, pattern in COUNTED.items() if (m := pattern.search(after))}
        if not hits:
            continue
        said = qualifier(claim.quote[: number.start])
        test = ">=" if said in AT_LEAST else ">" if said in MORE_THAN else "=="
        counts.append(Count(min(hits, key=hits.__getitem__), f"{said} {number.text}".strip(), number.value, test))
    if not counts and claim.claimed_value is not None and claim.unit in COUNTED:
        counts.append(Count(claim.unit, w.count(claim.claimed_value), claim.claimed_value, "=="))
    return counts


def count_rule(since: pd.Timestamp) -> str:
    return (
        "Each count the claim states is set against our cited events list: the ports with a port closure, and "
        f"the railway crossings with a rail closure, in force on or after {w.day_name(since)}. 'At least N' holds "
        "when our count is N or more, 'more than N' when it is above N, a plain N when it is equal. All counts "
        "holding is in line with the data; a claimed count that does not hold is higher or lower than the data "
        "(not in line when one is higher and another lower)."
    )


def count_verdict(claim: Claim, rows: pd.DataFrame, since: pd.Timestamp) -> v.Verdict:
    """The claim's counts of ports and railway crossings against those in our cited events."""
    claimed = claimed_counts(claim)
    if not claimed:
        return v.not_checkable("the claim states no count of ports or railway crossings that our events could test")
    ours = our_counts(rows)
    told = [f"“{c.said}” {c.what}" for c in claimed]
    # '4 ports (Eagle Pass, …)': `counted` adds the plural's s to 'port' and 'railway crossing'
    named = {what: f"{w.counted(len(ours[what]), what[:-1])} ({w.listing(ours[what]) or 'none'})" for what in COUNTED}
    listed = [named[what] for what in COUNTED if any(c.what == what for c in claimed)]
    failing = [c for c in claimed if not c.holds(len(ours[c.what]))]
    suspensions = int((rows["event_kind"] == PORT_CLOSURE).sum())
    extra = (
        f"; it counts ports, not the {suspensions} suspensions at them"
        if any(c.what == PORTS for c in claimed) and suspensions > len(ours[PORTS])
        else ""
    )
    if not failing:
        label, verb = v.IN_LINE, "fit"
    elif all(c.value > len(ours[c.what]) for c in failing):
        label, verb = v.HIGHER, "are more than"
    elif all(c.value < len(ours[c.what]) for c in failing):
        label, verb = v.LOWER, "are fewer than"
    else:
        label, verb = v.NOT_IN_LINE, "do not match"
    summary = (
        f"The article's {w.listing(told)} {verb} the {w.listing(listed)} our cited events list in force on or "
        f"after {w.day_name(since)}{extra}."
    )
    compared = f"our cited events list (events.csv): {w.listing(list(named.values()))}, each closure with its source"
    return v.Verdict(label, summary, count_rule(since), compared)
