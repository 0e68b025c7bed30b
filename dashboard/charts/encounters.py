"""The explorer's chart: lines over months, lines over whole years with partial years marked, or bars
when the selection holds a single period (a line needs two points; one dot on a time axis reads as a
date, not a value)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import lines, with_events
from dashboard.charts.style import SeriesStyle, layout, series_style
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


def explorer(rows: pd.DataFrame, query: Query, events: pd.DataFrame | None) -> go.Figure:
    """`explore`'s rows drawn for a reader; `events` (None: none) are marked on monthly lines only."""
    title = chart_title(query, rows)
    if rows["period"].nunique() == 1:
        return bars(rows, query, title)
    if query.granularity == "month":
        fig = lines(rows, "period", "value", query.by, title, axis_title(query))
        return _total_first(with_events(fig, events, rows["period"]))
    return _total_first(years(rows, query, title))


def years(rows: pd.DataFrame, query: Query, title: str) -> go.Figure:
    """Whole years as category labels ('FY2024'); a partial year is a hollow point on a dashed line,
    its hover saying how many months it holds."""
    shown = rows.assign(period=[period_label(period, query.granularity) for period in rows["period"]])
    partial = partial_periods(rows, query)
    solid = shown.assign(value=shown["value"].where(~shown["period"].isin(partial)))
    fig = lines(solid, "period", "value", query.by, title, axis_title(query))
    for trace in fig.data:
        trace.legendgroup = trace.name
    if partial:
        for name, series in shown.groupby(query.by, sort=False):
            fig.add_traces(_partial_traces(series, str(name), partial))
    order = list(dict.fromkeys(shown.sort_values("period")["period"]))
    return fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)


def _partial_traces(series: pd.DataFrame, name: str, partial: dict[str, str]) -> list[go.Scatter]:
    """A dashed line into and out of each partial year, and a hollow marker on it with the months held."""
    is_partial = series["period"].isin(partial)
    near = is_partial | is_partial.shift(1, fill_value=False) | is_partial.shift(-1, fill_value=False)
    style, points = look(name), series[is_partial]
    common = {"name": name, "legendgroup": name, "showlegend": False}
    dashed = go.Scatter(
        x=series["period"],
        y=series["value"].where(near),
        mode="lines",
        line={"color": style.colour, "dash": "dash"},
        marker={"color": style.colour, "symbol": style.symbol},
        hoverinfo="skip",
        **common,
    )
    hollow = go.Scatter(
        x=points["period"],
        y=points["value"],
        mode="markers",
        marker={"color": style.colour, "symbol": f"{style.symbol}-open", "size": 10, "line": {"width": 2}},
        customdata=[partial[period] for period in points["period"]],
        hovertemplate=f"%{{y:,.0f}} (%{{customdata}})<extra>{escape_html(name)}</extra>",
        **common,
    )
    return [dashed, hollow]


def bars(rows: pd.DataFrame, query: Query, title: str) -> go.Figure:
    """One period: a bar per series, largest on top, the total above them and 'All other' at the bottom."""
    named = rows[~rows[query.by].isin([OTHER, TOTAL])].sort_values("value")
    ordered = pd.concat([rows[rows[query.by] == OTHER], named, rows[rows[query.by] == TOTAL]])
    names = [str(name) for name in ordered[query.by]]
    months = partial_periods(rows, query)
    held = f" ({next(iter(months.values()))})" if months else ""
    fig = go.Figure(
        go.Bar(
            x=ordered["value"],
            y=names,
            orientation="h",
            marker_color=[look(name).colour for name in names],
            texttemplate="%{x:,.0f}",
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{y}}: %{{x:,.0f}}{held}<extra></extra>",
        )
    )
    layout(fig, title, "")
    fig.update_layout(
        xaxis_title=axis_title(query), showlegend=False, hovermode="closest", height=160 + 32 * len(names)
    )
    room = 1.25  # for the value printed beyond the longest bar, on a phone too
    return fig.update_xaxes(separatethousands=True, range=[0, float(ordered["value"].max()) * room])


def _total_first(fig: go.Figure) -> go.Figure:
    """The computed total: first in the legend, in the total's colour, a little heavier than its parts."""
    style = look(TOTAL)
    fig.update_traces(legendrank=1, line={"color": style.colour, "width": 3}, selector={"name": TOTAL})
    marker = {"color": style.colour, "symbol": style.symbol}
    return fig.update_traces(marker=marker, selector={"name": TOTAL, "mode": "lines+markers"})
