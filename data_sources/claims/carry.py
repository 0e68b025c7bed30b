"""What a sentence leaves for the next one to lean on: the unit it names ("The number then rose to
…"), its period ("The month's total was …"), a caravan it names ("By Tuesday it had shrunk to …"),
and whether it is about migration and the border.

The unit and the period are read only when a later sentence asks: most sentences without numbers
are never asked, and a long run of them is read back in a loop, not recursively.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from data_sources.claims import phrases as p
from data_sources.claims import units as u
from data_sources.claims.measures import FoundClaim
from data_sources.claims.when import Reference, When, periods_in

__all__ = ["Context", "context_after"]


class Context:
    """What the sentences before say, for a sentence that leans on them. Its unit and period are
    read only when a later sentence asks (most sentences without numbers are never asked)."""

    def __init__(
        self,
        unit: Callable[[], str] = str,
        said: Callable[[], str | None] = lambda: None,
        before: Context | None = None,
        **cues: bool,
    ) -> None:
        self.unit_of, self.said, self.before = unit, said, before
        self.caravan, self.about, self.border = (
            cues.get("caravan", False),
            cues.get("about", False),
            cues.get("border", False),
        )

    @cached_property
    def when(self) -> str | None:
        return self.said()

    @cached_property
    def unit(self) -> str:
        """The unit the sentence names, else the one before it names (read back, not recursively)."""
        chain: list[Context] = []
        context: Context | None = self
        while context is not None and "unit" not in context.__dict__:
            chain.append(context)
            context = context.before
        unit = context.unit if context is not None else ""
        for context in reversed(chain):
            unit = context.unit_of() or (unit if context.before is not None else "")
            context.__dict__["unit"] = unit
        return unit


def context_after(
    sentence: str,
    ref: Reference,
    cues: p.Cues,
    before: Context,
    unit: str,
    claims: list[FoundClaim],
    periods: list[When] | None = None,
) -> Context:
    """What a sentence leaves for the next: its unit, its period, a caravan it names, its subject."""

    def said() -> str | None:
        own = [w for w in (periods_in(sentence, ref) if periods is None else periods) if not w.anchor]
        return own[0].label if own else (claims[0].when if claims else None)

    def unit_of() -> str:
        return unit or u.unit_in(sentence)

    return Context(
        unit_of,
        said,
        None if cues.about_migration else before,
        caravan=bool(p.CARAVAN.search(sentence)) or (before.caravan and not cues.about_migration),
        about=cues.about_migration or (before.about and bool(claims)),
        border=cues.border or (before.border and bool(claims)),
    )
