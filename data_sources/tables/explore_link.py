"""The explorer's months and its link: every month a table covers, quick ranges over them, and the
`Query` as URL parameters (malformed or out-of-range values fall back, each with a notice).

Nothing here knows a year: the ranges come from the table's own first and last months.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from data_sources.core.periods import FISCAL_YEAR_START_MONTH, fiscal_year_of, month_start, period_of, shift_months
from data_sources.core.vocabulary import COMPONENTS
from data_sources.tables.explore_notes import month_label
from data_sources.tables.explore_views import BOTH, DEFAULT_VIEW, MAX_TOP, UNITS, VIEWS, Query


def months_of(table: pd.DataFrame) -> list[str]:
    """Every month from the table's first to its last, as YYYY-MM."""
    span = pd.date_range(table["month"].min(), table["month"].max(), freq="MS")
    return [period_of(month) for month in span]


def presets(months: list[str], fiscal: bool = True) -> dict[str, tuple[str, str]]:
    """Quick ranges over a table's months, all computed from them: the last 12 months, the latest
    fiscal year (or, with `fiscal` off, calendar year) so far, and everything. Labelled with their
    months; ranges that coincide appear once."""
    if len(months) < 2:
        return {}
    first, last = month_start(months[0]), month_start(months[-1])
    first_year, last_year = fiscal_year_of(pd.Series([first, last])) if fiscal else (first.year, last.year)
    start_month = FISCAL_YEAR_START_MONTH if fiscal else 1
    year_start = pd.Timestamp(year=last_year - 1 if fiscal else last_year, month=start_month, day=1)
    so_far = "" if shift_months(last, 1).month == start_month else " so far"
    prefix = "FY" if fiscal else ""
    since = f"{prefix}{first_year}" if first.month == start_month else month_label(first)
    wanted = {
        "Last 12 months": max(shift_months(last, -11), first),
        f"{prefix}{last_year}{so_far}": max(year_start, first),
        f"Since {since}": first,
    }
    found: dict[str, tuple[str, str]] = {}
    for name, start in wanted.items():
        if (period_of(start), months[-1]) not in found.values():
            found[f"{name} ({month_label(start)}–{month_label(last)})"] = (period_of(start), months[-1])
    return found


def clamp_range(months: tuple[str, str], coverage: tuple[str, str]) -> tuple[str, str]:
    """Keep a remembered month range inside the months a table covers (all of them if it falls outside)."""
    (start, end), (first, last) = months, coverage
    if end < first or start > last:
        return first, last
    return max(start, first), min(end, last)


def parse_query(params: Mapping[str, str], coverage: tuple[str, str]) -> tuple[Query, list[str]]:
    """A `Query` from URL parameters; anything malformed or out of range falls back with a notice."""
    notices: list[str] = []
    view_key = params.get("view", DEFAULT_VIEW)
    if view_key not in VIEWS:
        notices.append(f"Unknown view {view_key!r}; showing the default.")
        view_key = DEFAULT_VIEW
    view = VIEWS[view_key]
    choices = {
        "by": view.breakdowns,
        "component": (BOTH, *COMPONENTS),
        "unit": UNITS,
        "granularity": view.granularities,
    }
    values: dict[str, Any] = {"view": view_key, "by": view.breakdowns[0]}
    for name, allowed in choices.items():
        if name in params and params[name] in allowed:
            values[name] = params[name]
        elif name in params:
            notices.append(f"Ignored {name}={params[name]!r}: expected one of {', '.join(allowed)}.")
    top = params.get("top")
    if top is not None and top.isascii() and top.isdigit() and 1 <= int(top) <= MAX_TOP:
        values["top"] = int(top)
    elif top is not None:
        notices.append(f"Ignored top: expected a whole number from 1 to {MAX_TOP}.")
    if "events" in params:
        values["events"] = params["events"] != "0"
    values.update(_months(params, coverage, notices))
    return Query(**values), notices


def _months(params: Mapping[str, str], coverage: tuple[str, str], notices: list[str]) -> dict[str, str]:
    found = {"start": coverage[0], "end": coverage[1]}
    for name in found:
        text = params.get(name)
        if text is None:
            continue
        try:
            month_start(text)
        except ValueError:
            notices.append(f"Ignored {name}={text!r}: expected a month as YYYY-MM.")
            continue
        found[name] = min(max(text, coverage[0]), coverage[1])
        if found[name] != text:
            notices.append(f"{name} {text} is outside the data ({coverage[0]} to {coverage[1]}); using {found[name]}.")
    if found["start"] > found["end"]:
        notices.append("The start was after the end; swapped them.")
        found["start"], found["end"] = found["end"], found["start"]
    return found


def to_params(query: Query) -> dict[str, str]:
    """The query as URL parameters (the inverse of `parse_query`)."""
    return {
        "view": query.view,
        "by": query.by,
        "component": query.component,
        "unit": query.unit,
        "granularity": query.granularity,
        "start": query.start,
        "end": query.end,
        "top": str(query.top),
        "events": "1" if query.events else "0",
    }
