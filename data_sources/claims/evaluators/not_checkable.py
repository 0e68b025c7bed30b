"""A claim no dataset we hold can test (ICE arrests, removals, deportations, Mexico's detentions, a
total over an arbitrary span of months): said so plainly, with the data that would settle it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from data_sources.claims.context import Claim, ClaimContext, Evaluator, Needs, Tables
from data_sources.claims.params import Params
from data_sources.claims.verdict import not_checkable as verdict_not_checkable

NEEDS = Needs((), "nothing")  # reads no table


@dataclass(frozen=True)
class NotCheckableParams(Params):
    reason: str = "no dataset we hold measures what it states"  # why, in plain words
    needed: str = ""  # the data that would check it

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> NotCheckableParams:
        reason, needed = hints.get("reason"), hints.get("needed")
        return cls(reason=str(reason) if reason else cls.reason, needed=str(needed) if needed else "")


def not_checkable(claim: Claim, params: NotCheckableParams, tables: Tables) -> ClaimContext:
    sentence = params.reason[0].upper() + params.reason[1:].rstrip(".") + "."
    sentences = [sentence]
    if params.needed:
        sentences.append(f"Checking it would need {params.needed}.")
    verdict = verdict_not_checkable(
        params.reason + (f"; checking it would need {params.needed}" if params.needed else "")
    )
    return ClaimContext(sentences, [], list(claim.caveats), [], verdict=verdict)


EVALUATOR = Evaluator("not_checkable", not_checkable, NotCheckableParams, NEEDS)
