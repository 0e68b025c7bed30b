"""The one-line upshot on top of every claim card, decided by a rule the card states.

A verdict is never typed in: an evaluator computes it from the same numbers its sentences use, with
one of the rules below, and the card shows the label, the figure it compared with and the rule. The
labels are neutral on purpose (no "false", no "misleading"): they say how the claim sits beside the
data, and the reader judges the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from data_sources.claims import wording as w

IN_LINE = "In line with the data"
HIGHER = "Higher than the data"
LOWER = "Lower than the data"
NOT_IN_LINE = "Not in line with the data"  # a claim of kind or order (a record, a "largest") the data contradict
UNSETTLED = "The data cannot settle it"  # the evidence points both ways (overlapping estimates)
NOT_CHECKABLE = "Not checkable with these data"

LABELS = (IN_LINE, HIGHER, LOWER, NOT_IN_LINE, UNSETTLED, NOT_CHECKABLE)
NUMBER_TOLERANCE = 0.10  # a claimed number within 10% of an official figure is "in line"
# ClaimReview's reviewRating on a 1–5 scale (5 = in line); checks that cannot decide get none.
RATING = {IN_LINE: 5, HIGHER: 2, LOWER: 2, NOT_IN_LINE: 1}


@dataclass(frozen=True)
class Verdict:
    """What the card says first: a neutral label, one sentence, the rule and the figure used."""

    label: str  # one of LABELS
    summary: str  # one sentence with the numbers, shown after the label
    rule: str  # how the label was decided, in words a reader can check
    compared_with: str  # the official figure (or evidence) it was set against, with its value and source

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"unknown verdict label {self.label!r}")

    @property
    def line(self) -> str:
        """'In line with the data: …' — the card's first line."""
        return f"{self.label}: {self.summary}"

    @property
    def rating(self) -> int | None:
        """1–5 for ClaimReview (None when the data cannot decide)."""
        return RATING.get(self.label)


@dataclass(frozen=True)
class Figure:
    """An official figure a claimed number may be set against."""

    label: str  # 'all Southwest encounters per day, December 2023 (CBP)'
    value: float


def number_rule(tolerance: float = NUMBER_TOLERANCE) -> str:
    return (
        f"A claimed number within {tolerance:.0%} of the closest official figure that fits its words is in line "
        f"with the data; more than {tolerance:.0%} above it is higher, more than {tolerance:.0%} below it is lower."
    )


def compare_number(
    claimed: float, figures: Sequence[Figure], tolerance: float = NUMBER_TOLERANCE, what: str = ""
) -> Verdict:
    """The verdict on a claimed number against the best-matching (closest) of `figures`.

    Several figures fit many claims ("crossing illegally" may mean all encounters or only those
    between ports), so all are named and the closest decides; `what` names the claimed quantity.
    """
    usable = [f for f in figures if f.value > 0]
    if not usable:
        return not_checkable("no official figure fits this number")
    best = min(usable, key=lambda f: abs(claimed / f.value - 1))
    gap = claimed / best.value - 1
    label = IN_LINE if abs(gap) <= tolerance else HIGHER if gap > 0 else LOWER
    subject = f"the claimed {w.count(claimed)}{' ' + what if what else ''}"
    summary = f"{subject} is {w.compared(claimed, best.value)} {best.label} ({w.count(best.value)})."
    others = [f"{f.label}: {w.count(f.value)}" for f in usable if f is not best]
    compared = f"{best.label}: {w.count(best.value)}" + (f" (also considered: {'; '.join(others)})" if others else "")
    return Verdict(label, summary[0].upper() + summary[1:], number_rule(tolerance), compared)


def compare_range(
    claimed: float, low: float, high: float, evidence: str, tolerance: float = NUMBER_TOLERANCE
) -> Verdict:
    """A claimed number against a range of estimates: in line when inside it (widened by `tolerance`)."""
    rule = (
        f"A claimed number inside the range of published estimates, widened by {tolerance:.0%} at each end, is in "
        "line with the data; above or below that is higher or lower."
    )
    if low * (1 - tolerance) <= claimed <= high * (1 + tolerance):
        label, where = IN_LINE, "within"
    elif claimed > high:
        label, where = HIGHER, f"{w.compared(claimed, high)} the top of"
    else:
        label, where = LOWER, f"{w.compared(claimed, low)} the bottom of"
    estimates = f"{w.count(low)} to {w.count(high)}"
    summary = f"The claimed {w.count(claimed)} is {where} the estimates published at the time ({estimates})."
    return Verdict(label, summary, rule, evidence)


def not_checkable(reason: str) -> Verdict:
    """For a claim no data we hold can test; `reason` says why, in plain words."""
    text = reason.rstrip(".") + "."
    return Verdict(
        NOT_CHECKABLE,
        text[0].upper() + text[1:],
        "A claim is not checkable when none of the datasets we hold measures what it states.",
        "nothing: no dataset we hold measures this",
    )
