"""Charts of the ports page: a port's crossings against a year earlier, the sector around it, the map."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import lines, with_events
from dashboard.charts.style import BLUE, CLAIM_COLOUR, layout, series_style
from data_sources.core.safe_text import escape_html


def shade_closures(fig: go.Figure, closures: pd.DataFrame) -> go.Figure:
    """Shade each closure period and label it with the crossing's name."""
    for closure in closures.to_dict("records"):
        fig.add_vrect(
            x0=closure["start_date"],
            x1=closure["end_date"],
            fillcolor=CLAIM_COLOUR,
            opacity=0.15,
            line_width=0,
            annotation_text=closure["label"],
            annotation_position="top left",
            annotation_font_size=11,
        )
    return fig


def volume(series: pd.DataFrame, closures: pd.DataFrame, events: pd.DataFrame | None) -> go.Figure:
    """Monthly crossings per measure, the same months a year earlier dotted, closures shaded, events marked."""
    fig = go.Figure()
    for measure, rows in series.groupby("measure", sort=True):
        look = series_style(str(measure))
        fig.add_trace(
            go.Scatter(
                x=rows["month"],
                y=rows["value"],
                name=str(measure),
                mode="lines+markers",
                line={"color": look.colour},
                marker={"color": look.colour, "symbol": look.symbol},
                hovertemplate=f"%{{y:,}}<extra>{escape_html(measure)}</extra>",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=rows["month"],
                y=rows["value_year_before"],
                name=f"{measure}, a year earlier",
                mode="lines",
                line={"color": look.colour, "dash": "dot"},
                hovertemplate=f"%{{y:,}}<extra>{escape_html(measure)}, a year earlier</extra>",
            )
        )
    name = series["port_name"].iloc[0] if not series.empty else "This port"
    span = f"{series['month'].min():%b %Y}–{series['month'].max():%b %Y}" if not series.empty else "no data"
    fig = layout(fig, f"{name}: inbound crossings per month, {span}", "Inbound crossings per month")
    return with_events(shade_closures(fig, closures), events, series["month"])


def sector(rows: pd.DataFrame, name: str, closures: pd.DataFrame) -> go.Figure:
    """Border Patrol encounters per day in the sector around a port, with the port's closures shaded."""
    title = f"Border Patrol {name} sector: encounters per day around this port"
    return shade_closures(lines(rows, "month", "per_day", "sector", title, "Encounters per day"), closures)


def ports_map(frame: pd.DataFrame, measure: str, month: pd.Timestamp) -> go.Figure:
    """Ports at their coordinates, sized by volume, closures on record in orange (no base map: works offline)."""
    fig = go.Figure()
    for closed, rows in frame.groupby("closure", sort=True):
        size = (rows["value"] / max(frame["value"].max(), 1)) ** 0.5 * 45 + 6
        fig.add_trace(
            go.Scatter(
                x=rows["longitude"],
                y=rows["latitude"],
                mode="markers+text",
                text=rows["port_name"],
                textposition="top center",
                textfont={"size": 10},
                name="port with a closure on record" if closed else "port",
                marker={"size": size, "color": CLAIM_COLOUR if closed else BLUE, "opacity": 0.7},
                customdata=rows[["state", "value"]],
                hovertemplate="%{text}, %{customdata[0]}: %{customdata[1]:,}<extra></extra>",
            )
        )
    fig = layout(fig, f"U.S.–Mexico land ports: {measure.lower()}, {month:%B %Y}", "Latitude")
    fig.update_layout(hovermode="closest", height=460)
    fig.update_xaxes(title="Longitude (west to east)")
    fig.update_yaxes(scaleanchor="x", scaleratio=1.15, rangemode="normal")
    return fig
