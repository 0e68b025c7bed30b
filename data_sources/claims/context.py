"""What a check starts from and what it gives back: a claim, and the context set beside it.

A `Claim` is one checkable sentence of an article with its typed parameters (see `params.py`). An
evaluator turns it into a `ClaimContext`: sentences with computed numbers, the frames of its charts,
caveats and citations. `Needs` is what an evaluator declares it reads, so that `evaluate` can tell
"our data hold nothing for this" before calling it, rather than by catching an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import pandas as pd

from data_sources.claims import wording as w
from data_sources.claims.params import Params
from data_sources.claims.verdict import Verdict, not_checkable
from data_sources.core.periods import month_start

Tables = dict[str, pd.DataFrame]
P = TypeVar("P", bound=Params)


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    metric: str
    period: str  # YYYY-MM
    unit: str
    claimed_value: float | None = None
    caveats: tuple[str, ...] = ()
    params: Params = field(default_factory=Params)

    @property
    def month(self) -> pd.Timestamp:
        return month_start(self.period)

    @property
    def value(self) -> float:
        """The claimed number (`evaluate` calls an evaluator that needs one only when it is there)."""
        if self.claimed_value is None:
            raise ValueError(f"claim {self.id!r} states no number")
        return self.claimed_value


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
    verdict: Verdict | None = None  # the card's first line; every evaluator sets one


@dataclass(frozen=True)
class Needs:
    """The tables an evaluator reads, and which of them must hold the months the claim is about."""

    tables: tuple[str, ...]  # each must be present and hold rows
    what: str  # those data in plain words, for the note a reader sees when they are missing
    months_in: str | None = None  # a table (among `tables`) whose `month` column must hold the claim's months…
    components: tuple[str, ...] = ()  # …for each of these components (none: any row counts)

    def lack(self, tables: Tables, months: Sequence[pd.Timestamp]) -> bool:
        """True when a table is absent or empty, or the claim's months are outside `months_in`."""
        if any(name not in tables or tables[name].empty for name in self.tables):
            return True
        return self.months_in is not None and not covers(tables[self.months_in], months, self.components)


def covers(frame: pd.DataFrame, months: Sequence[pd.Timestamp], components: Sequence[str] = ()) -> bool:
    """Whether `frame` has rows for every month, for each component (or at all, without components)."""
    if not components:
        return set(months) <= set(frame["month"])
    return all(set(months) <= set(frame.loc[frame["component"] == c, "month"]) for c in components)


@dataclass(frozen=True)
class Evaluator(Generic[P]):
    """A kind of check: the function, its parameter class, what it reads, and whether it needs a number."""

    metric: str
    check: Callable[[Claim, P, Tables], ClaimContext]
    params: type[P]
    needs: Needs
    needs_value: bool = False  # the claim must state a number (`claimed_value`)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (typed loosely, unlike itertuples under pandas-stubs)."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def note(claim: Claim, sentence: str) -> ClaimContext:
    """A context that is only a sentence (and the claim's caveats): nothing computed to show."""
    return ClaimContext([sentence], [], list(claim.caveats), [], verdict=not_checkable(sentence))


def no_data(claim: Claim, what: str) -> ClaimContext:
    sentence = (
        f"Our snapshots hold no {what} for {w.month_name(claim.month)}. "
        "Refresh the data (Data & downloads page, or `python -m data_sources refresh`) to check this claim."
    )
    return ClaimContext(
        [sentence],
        [],
        list(claim.caveats),
        [],
        verdict=not_checkable(f"our snapshots hold no {what} for {w.month_name(claim.month)}"),
    )
