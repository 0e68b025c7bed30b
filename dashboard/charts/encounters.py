"""The explorer's chart: lines over months, lines over whole years with partial years marked, or bars
when the selection holds a single period (a line needs two points; one dot on a time axis reads as a
date, not a value)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import days_between, event_marks, line_traces, within
from dashboard.charts.reader_view import figure_of, ready_for_reader
from dashboard.charts.style import SeriesStyle, layout_spec, series_style
from data_sources.core.safe_text import escape_html
from data_sources.core.vocabulary import ALL_SOUTHWEST, COMPONENT_SHORT, USBP
from data_sources.tables.explore import (
    BOTH,
    OTHER,
    TOTAL,
    VIEWS,
    Query,
    label,
    month_label,
    partial_periods,
    period_label,
)

PER = {"month": "month", "fiscal_year": "fiscal year", "calendar_year": "calendar year"}


def chart_title(query: Query, rows: pd.DataFrame) -> str:
    """Every active choice, as 'what, detail': the shared template puts the detail on a second line.

    'Border Patrol encounters per fiscal year by sector, FY2014–FY2023 (Oct 2013–Sep 2023) · OHSS Southwest sectors'
    """
    view = VIEWS[query.view]
    component = query.component if view.has_component else USBP  # OHSS sheets are Border Patrol only
    who = view.who or ("Encounters" if component == BOTH else f"{COMPONENT_SHORT[component]} encounters")
    unit = "per day" if query.unit == "per_day" else f"per {PER[query.granularity]}"
    each = "the" if rows["period"].nunique() == 1 else "each"
    detail = [f"averaged over {each} {PER[query.granularity]}"] if query.unit == "per_day" else []
    return f"{who} {unit} by {label(query.by).lower()}, {' · '.join([*detail, _span(rows, query), view.short])}"


def _span(rows: pd.DataFrame, query: Query) -> str:
    """'Oct 2013–Sep 2023', or for years 'FY2014–FY2023 (Oct 2013–Sep 2023)': the months actually shown."""
    months = [month_label(rows["first_month"].min()), month_label(rows["last_month"].max())]
    span = "–".join(dict.fromkeys(months))
    if query.granularity == "month":
        return span
    years = [
        period_label(rows["period"].min(), query.granularity),
        period_label(rows["period"].max(), query.granularity),
    ]
    return f"{'–'.join(dict.fromkeys(years))} ({span})"


def axis_title(query: Query) -> str:
    counts = VIEWS[query.view].counts.capitalize()
    return f"{counts} per day" if query.unit == "per_day" else f"{counts} per {PER[query.granularity]}"


def look(name: str) -> SeriesStyle:
    """A series' colour and marker; the total takes the colour the article gives both components together."""
    return series_style(ALL_SOUTHWEST if name == TOTAL else name)


Spec = dict[str, Any]  # a figure as plain data: {"data": [trace, …], "layout": {…}}


def explorer(rows: pd.DataFrame, query: Query, events: pd.DataFrame | None, dark: bool = False) -> go.Figure:
    """`explore`'s rows drawn for a reader in their theme, text from the data escaped; `events` (None:
    none) are marked on monthly lines only.

    Built as plain data and made a figure once: Plotly checks every property on each update, so a
    figure assembled in one step costs a fraction of one updated trace by trace (a new explorer view
    is drawn while the reader waits)."""
    return figure_of(ready_for_reader(explorer_spec(rows, query, events), dark))


def explorer_spec(rows: pd.DataFrame, query: Query, events: pd.DataFrame | None) -> Spec:
    title = chart_title(query, rows)
    if rows["period"].nunique() == 1:
        return bars(rows, query, title)
    if query.granularity == "month":
        spec: Spec = {
            "data": line_traces(rows, "period", "value", query.by),
            "layout": layout_spec(title, axis_title(query)),
        }
        if events is not None:
            _with_events(spec, within(events, rows["period"]), rows["period"])
        return _total_first(spec)
    return _total_first(years(rows, query, title))


def _with_events(spec: Spec, events: pd.DataFrame, months: pd.Series) -> None:
    marks = event_marks(events, days_between([*events["start_date"], months.min(), months.max()]), [("x", "y")])
    drawn = {"shapes": marks.shapes, "annotations": marks.badges}
    spec["layout"].update({part: items for part, items in drawn.items() if items})  # as Plotly drops empty ones
    spec["data"] += marks.keys


def years(rows: pd.DataFrame, query: Query, title: str) -> Spec:
    """Whole years as category labels ('FY2024'); a partial year is a hollow point on a dashed line,
    its hover saying how many months it holds."""
    shown = rows.assign(period=[period_label(period, query.granularity) for period in rows["period"]])
    partial = partial_periods(rows, query)
    solid = shown.assign(value=shown["value"].where(~shown["period"].isin(partial)))
    traces = [{**trace, "legendgroup": trace["name"]} for trace in line_traces(solid, "period", "value", query.by)]
    if partial:
        for name, series in shown.groupby(query.by, sort=False):
            traces += _partial_traces(series, str(name), partial)
    order = list(dict.fromkeys(shown.sort_values("period")["period"]))
    spec: Spec = {"data": traces, "layout": layout_spec(title, axis_title(query))}
    spec["layout"]["xaxis"].update(type="category", categoryorder="array", categoryarray=order)
    return spec


def _partial_traces(series: pd.DataFrame, name: str, partial: dict[str, str]) -> list[dict[str, Any]]:
    """A dashed line into and out of each partial year, and a hollow marker on it with the months held."""
    is_partial = series["period"].isin(partial)
    near = is_partial | is_partial.shift(1, fill_value=False) | is_partial.shift(-1, fill_value=False)
    style, points = look(name), series[is_partial]
    common = {"type": "scatter", "name": name, "legendgroup": name, "showlegend": False}
    dashed = {
        "x": series["period"].to_numpy(),
        "y": series["value"].where(near).to_numpy(),
        "mode": "lines",
        "line": {"color": style.colour, "dash": "dash"},
        "marker": {"color": style.colour, "symbol": style.symbol},
        "hoverinfo": "skip",
        **common,
    }
    hollow = {
        "x": points["period"].to_numpy(),
        "y": points["value"].to_numpy(),
        "mode": "markers",
        "marker": {"color": style.colour, "symbol": f"{style.symbol}-open", "size": 10, "line": {"width": 2}},
        "customdata": [partial[period] for period in points["period"]],
        "hovertemplate": f"%{{y:,.0f}} (%{{customdata}})<extra>{escape_html(name)}</extra>",
        **common,
    }
    return [dashed, hollow]


def bars(rows: pd.DataFrame, query: Query, title: str) -> Spec:
    """One period: a bar per series, largest on top, the total above them and 'All other' at the bottom."""
    named = rows[~rows[query.by].isin([OTHER, TOTAL])].sort_values("value")
    ordered = pd.concat([rows[rows[query.by] == OTHER], named, rows[rows[query.by] == TOTAL]])
    names = [str(name) for name in ordered[query.by]]
    months = partial_periods(rows, query)
    held = f" ({next(iter(months.values()))})" if months else ""
    bar = {
        "type": "bar",
        "x": ordered["value"].to_numpy(),
        "y": names,
        "orientation": "h",
        "marker": {"color": [look(name).colour for name in names]},
        "texttemplate": "%{x:,.0f}",
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": f"%{{y}}: %{{x:,.0f}}{held}<extra></extra>",
    }
    spec: Spec = {"data": [bar], "layout": layout_spec(title, "")}
    room = 1.25  # for the value printed beyond the longest bar, on a phone too
    spec["layout"].update(showlegend=False, hovermode="closest", height=160 + 32 * len(names))
    spec["layout"]["xaxis"].update(
        title={"text": axis_title(query)}, separatethousands=True, range=[0, float(ordered["value"].max()) * room]
    )
    return spec


def _total_first(spec: Spec) -> Spec:
    """The computed total: first in the legend, in the total's colour, a little heavier than its parts."""
    style = look(TOTAL)
    for trace in spec["data"]:
        if trace.get("name") == TOTAL:
            trace.update(legendrank=1, line={**trace.get("line", {}), "color": style.colour, "width": 3})
            if trace.get("mode") == "lines+markers":
                trace["marker"] = {**trace.get("marker", {}), "color": style.colour, "symbol": style.symbol}
    return spec
