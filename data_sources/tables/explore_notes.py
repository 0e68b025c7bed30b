"""What a reader is told about the explorer's rows: period labels, partial years, notes, the download's
columns and the policy events to mark.

Kept apart from the reshaping (`explore`): these run once on the finished rows, in words, and the
hemisphere views (`explore_hemisphere`) and the URL link (`explore_link`) use them too.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd

from data_sources.core.periods import month_start
from data_sources.core.vocabulary import POLICY_KINDS, USBP
from data_sources.tables.explore_views import TOTAL, VIEWS, Granularity, Query, label, wants_total

__all__ = ["file_name", "for_download", "month_label", "notes", "partial_periods", "period_label", "policy_events"]


def file_name(query: Query) -> str:
    return f"{VIEWS[query.view].counts}_{query.view}_by_{query.by}_{query.start}_{query.end}.csv"


def for_download(rows: pd.DataFrame, query: Query) -> pd.DataFrame:
    """The chart's rows with every active choice as a column, so a saved CSV says what it holds."""
    view = VIEWS[query.view]
    shown = label(query.component) if view.has_component else view.filters.get("place", USBP)
    return rows.rename(columns={"encounters": view.counts}).assign(
        view=view.label,
        components_shown=shown,
        unit=f"{view.counts} per day" if query.unit == "per_day" else view.counts,
        period_type=label(query.granularity),
        months_from=query.start,
        months_to=query.end,
        series_shown=query.top,
    )


def period_label(period: Any, granularity: Granularity) -> str:
    """'FY2024', '2024' or 'Dec 2023': whole years as whole years, never '2,023.5'."""
    if granularity == "fiscal_year":
        return f"FY{int(period)}"
    if granularity == "calendar_year":
        return str(int(period))
    return month_label(period)


def month_label(month: str | pd.Timestamp) -> str:
    """'2023-12' (or its first day) → 'Dec 2023'."""
    return _label_of_period(month) if isinstance(month, str) else f"{month:%b %Y}"


@functools.lru_cache(maxsize=4096)
def _label_of_period(period: str) -> str:
    """Remembered: the explorer's range slider labels every month of a table on every rerun."""
    return f"{month_start(period):%b %Y}"


def partial_periods(rows: pd.DataFrame, query: Query) -> dict[str, str]:
    """Years with fewer than 12 months of data, with how much they hold: {'FY2025': '11 of 12 months'}."""
    if query.granularity == "month":
        return {}
    short = rows.loc[rows["months"] < 12, ["period", "months"]].drop_duplicates().sort_values("period")
    return {
        period_label(p, query.granularity): f"{m} of 12 months"
        for p, m in zip(short["period"], short["months"], strict=True)
    }


def notes(rows: pd.DataFrame, query: Query) -> list[str]:
    """What a reader should know about these rows: events not drawn, partial years, grouping, rounding."""
    view, found = VIEWS[query.view], []
    single = rows["period"].nunique() == 1
    if query.events and query.granularity != "month":
        found.append("Policy events are marked on monthly charts only: choose Period “Month” to see them.")
    elif query.events and single:
        found.append("Policy events are marked on charts over several months: widen the months to see them.")
    partial = partial_periods(rows, query)
    if partial:
        listed = "; ".join(f"{period} has {months}" for period, months in partial.items())
        drawn = "" if single else ", drawn hollow on a dashed line"
        advice = "" if query.unit == "per_day" else " Their totals are low for that reason; compare them per day."
        found.append(f"Partial years{drawn}: {listed}.{advice}")
    if query.by in view.publisher_other:
        named = view.publisher_other[query.by]
        found.append(f"The source file names only a few {named} and counts the rest as “Other”, here in “All other”.")
    found.extend(_total_note(rows, query))
    return [*found, view.note] if view.note else found


def _total_note(rows: pd.DataFrame, query: Query) -> list[str]:
    """Where the total of both components is missing, and why (it needs both for every month)."""
    if not wants_total(VIEWS[query.view], query):
        return []
    totals = rows.loc[rows[query.by] == TOTAL, "period"]
    if len(totals) == rows["period"].nunique():
        return []
    why = "both components for every month"
    if totals.empty:
        return [f"No {TOTAL}: no period here has {why}."]
    return [f"{TOTAL} is drawn from {period_label(totals.min(), query.granularity)}: earlier periods lack {why}."]


def policy_events(events: pd.DataFrame, query: Query) -> pd.DataFrame | None:
    """The events to mark on the chart, or None when switched off or when the periods are years."""
    if not query.events or query.granularity != "month":
        return None
    return events[events["kind"].isin(POLICY_KINDS)]
