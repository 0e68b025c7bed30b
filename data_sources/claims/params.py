"""Typed parameters of a claim: each evaluator owns a frozen dataclass derived from `Params`.

A claim's extra fields in its article file (`window = ["2022-10", "2024-06"]`, `events = [...]`)
are read into that class when the file is loaded, so a missing, unknown or malformed field fails
then, naming the field, instead of surfacing later as a page that says "no data". A field without
a default is required; a default is the class's own. `suggest` gives the defaults for a claim found
in pasted text, whose only facts are its month and a few hints from the sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from types import NoneType
from typing import Any, Self, get_args, get_origin, get_type_hints

import pandas as pd

from data_sources.core.periods import month_start, period_of, shift_months

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ParamError(ValueError):
    """A claim parameter is missing, unknown or malformed; `field` names it."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field, self.problem = field, problem


@dataclasses.dataclass(frozen=True)
class Params:
    """No parameters (the base of every evaluator's class)."""

    @classmethod
    def read(cls, raw: Mapping[str, Any]) -> Self:
        """The parameters from an article file's fields, checked; raises `ParamError` naming the field."""
        declared = dataclasses.fields(cls)
        names = [f.name for f in declared]
        for name in raw:
            if name not in names:
                raise ParamError(name, f"unknown parameter for this metric (it takes: {', '.join(names) or 'none'})")
        for f in declared:
            if f.name not in raw and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ParamError(f.name, "missing (this metric needs it)")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
        hints = get_type_hints(cls)
        for name, value in values.items():
            _check_type(name, value, hints[name])
        return cls(**values)

    @classmethod
    def suggest(cls, period: str, hints: Mapping[str, object]) -> Self:
        """Defaults for a claim about `period` found in pasted text (`hints` come from its sentence)."""
        return cls()

    def months(self, month: pd.Timestamp) -> tuple[pd.Timestamp, ...]:
        """The months the check reads, for a claim about `month`."""
        return (month,)

    def fields(self) -> dict[str, object]:
        """The parameters as an article file writes them (lists for tuples; unset optional ones left out)."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items() if v is not None}


def _check_type(name: str, value: object, hint: object) -> None:
    args = set(get_args(hint))
    if hint is str or args == {str, NoneType}:
        ok, wanted = isinstance(value, str) or (value is None and NoneType in args), "text"
    elif get_origin(hint) is tuple:
        ok, wanted = isinstance(value, tuple) and all(isinstance(v, str) for v in value), "a list of text"
    else:
        ok, wanted = True, ""
    if not ok:
        raise ParamError(name, f"should be {wanted}, not {value!r}")


def check_month(name: str, value: str) -> None:
    """A 'YYYY-MM' month, or `ParamError` naming the field."""
    try:
        month_start(value)
    except ValueError as error:
        raise ParamError(name, str(error)) from None


def check_window(name: str, window: Sequence[str]) -> None:
    """Two months, first and last of a chart: ['2022-10', '2024-06']."""
    if len(window) != 2:
        raise ParamError(name, f"should be two months, first and last, not {list(window)!r}")
    for month in window:
        check_month(name, month)
    if window[0] > window[1]:
        raise ParamError(name, f"starts after it ends: {list(window)!r}")


def check_date(name: str, value: str) -> None:
    """A 'YYYY-MM-DD' day."""
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        pd.Timestamp(value)
    except ValueError:
        raise ParamError(name, f"not a YYYY-MM-DD day: {value!r}") from None


def check_choice(name: str, values: Sequence[str], allowed: Sequence[str]) -> None:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ParamError(name, f"unknown {unknown!r}; expected some of {list(allowed)!r}")


def window_around(period: str, before: int, after: int) -> tuple[str, str]:
    """The months from `before` months earlier to `after` months later than `period`."""
    month = month_start(period)
    return period_of(shift_months(month, -before)), period_of(shift_months(month, after))


def window_months(window: Sequence[str]) -> tuple[pd.Timestamp, pd.Timestamp]:
    return month_start(window[0]), month_start(window[1])
