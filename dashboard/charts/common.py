"""Pieces several chart families use: lines per series, and dated events marked on a time axis."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import EVENT_COLOURS, HOVER_CHARS, layout, series_style, wrapped
from data_sources.core.safe_text import escape_html
from data_sources.tables.explore import OTHER


def lines(frame: pd.DataFrame, x: str, y: str, series: str, title: str, y_title: str, hover: str = ",.0f") -> go.Figure:
    """One line per value of `series`, each in its own colour, in the frame's order; the grouped remainder last."""
    fig = go.Figure()
    groups = sorted(frame.groupby(series, sort=False), key=lambda pair: pair[0] == OTHER)
    for name, rows in groups:
        look = series_style(str(name))
        fig.add_trace(
            go.Scatter(
                x=rows[x],
                y=rows[y],
                name=str(name),
                mode="lines+markers",
                line={"color": look.colour},
                marker={"color": look.colour, "symbol": look.symbol},
                hovertemplate=f"%{{y:{hover}}}<extra>{escape_html(name)}</extra>",
            )
        )
    return layout(fig, title, y_title)


def add_events(fig: go.Figure, events: pd.DataFrame) -> go.Figure:
    """Dated events as dotted vertical lines (spans shaded), labelled; hover gives the description."""
    for event in events.to_dict("records"):
        colour = EVENT_COLOURS.get(event["kind"], "#555555")
        start, end = event["start_date"], event["end_date"]
        if pd.notna(end) and (end - start).days > 20:
            fig.add_vrect(x0=start, x1=end, fillcolor=colour, opacity=0.08, line_width=0)
        fig.add_vline(x=start, line={"color": colour, "dash": "dot", "width": 1})
        fig.add_trace(
            go.Scatter(
                x=[start],
                y=[0],
                mode="markers",
                marker={"color": colour, "size": 9, "symbol": "triangle-up"},
                name=event["event_id"].replace("_", " "),
                showlegend=False,
                hoverinfo="text",
                hovertext=wrapped(f"{start:%d %b %Y}: {event['description']}", HOVER_CHARS),
            )
        )
    return fig


def within(events: pd.DataFrame, months: pd.Series) -> pd.DataFrame:
    """Events that start inside the span of a monthly series."""
    return events[events["start_date"].between(months.min(), months.max() + pd.offsets.MonthEnd(0))]


def with_events(fig: go.Figure, events: pd.DataFrame | None, months: pd.Series) -> go.Figure:
    """Mark the events inside the series' span; None (markers switched off) or no months leaves it as it was."""
    if events is not None and not months.empty:
        add_events(fig, within(events, months))
    return fig
