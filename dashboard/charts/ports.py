"""Charts of the ports page: a port's crossings against a year earlier, the sector around it, the map.

Closures are shaded and carry their number from the page's key (never their name, which would print
over its neighbours); numbers close in time are staggered down. Crossings get one panel per kind of
measure, each with its own axis. The map draws the two countries and the border under the ports, and a
size key under the map says what a circle's area means.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.common import label_levels, lines, with_events
from dashboard.charts.style import BLACK, BLUE, CLAIM_COLOUR, GREY, layout, series_style
from data_sources.core.safe_text import escape_html
from data_sources.tables.port_map import BORDER
from data_sources.tables.ports import measure_kinds

HALF_MONTH = pd.Timedelta(days=15)
LABEL_STEP = 0.11  # how far down (share of the top panel) each staggered level of closure numbers sits
LAND = {"United States": "rgba(150, 150, 150, 0.12)", "Mexico": "rgba(150, 150, 150, 0.3)"}  # light or dark theme
BORDER_LINE = "rgba(90, 90, 90, 0.9)"
KEY_LINE = 21  # px: one line of the events' key under the plot, as a phone stacks them (one per line)
PANEL, PANEL_GAP = 170, 48  # px: the height of one measure's panel, and the gap above the next (its title)
LARGEST_CIRCLE = 36  # px, the diameter of the busiest port's circle


def shade_closures(fig: go.Figure, key: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp]) -> go.Figure:
    """Shade each closure in every panel; print its key number at the top as a badge, its name on hover."""
    starts = list(key["start_date"])
    for closure, level in zip(
        key.to_dict("records"), label_levels(starts, (x_range[1] - x_range[0]).days), strict=True
    ):
        end = closure["end_date"] if pd.notna(closure["end_date"]) else x_range[1] + HALF_MONTH
        fig.add_vrect(x0=closure["start_date"], x1=end, fillcolor=CLAIM_COLOUR, opacity=0.15, line_width=0)
        fig.add_annotation(
            x=closure["start_date"],
            y=1 - LABEL_STEP * level,
            xref="x",
            yref="y domain",
            text=str(closure["number"]),
            hovertext=escape_html(closure["label"]),
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": 11, "color": BLACK, "weight": "bold"},  # black on vermillion: 5:1, in either theme
            bgcolor=CLAIM_COLOUR,  # a badge, readable over the lines it covers
            borderpad=2,
        )
    return fig


def padded(x_range: tuple[pd.Timestamp, pd.Timestamp]) -> list[pd.Timestamp]:
    return [x_range[0] - HALF_MONTH, x_range[1] + HALF_MONTH]


def volume(
    series: pd.DataFrame, key: pd.DataFrame, events: pd.DataFrame | None, x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> go.Figure:
    """Monthly crossings in small multiples: one panel per measure, each on its own axis and ordered by
    kind (people, vehicles, trains, containers), the same months a year earlier dotted, closures shaded."""
    panels = [
        (kind, measure)
        for kind, measures in measure_kinds(list(series["measure"].unique())).items()
        for measure in measures
    ]
    height = PANEL * max(len(panels), 1)
    fig = make_subplots(
        rows=max(len(panels), 1),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=PANEL_GAP / height,
        subplot_titles=[measure for _, measure in panels],
    )
    for row, (_, measure) in enumerate(panels, start=1):
        rows, look = series[series["measure"] == measure], series_style(measure)
        for column, suffix, dash in (("value", "", "solid"), ("value_year_before", ", a year earlier", "dot")):
            fig.add_trace(
                go.Scatter(
                    x=rows["month"],
                    y=rows[column],
                    name=f"{measure}{suffix}",
                    mode="lines" if suffix else "lines+markers",
                    line={"color": look.colour, "dash": dash},
                    marker={"color": look.colour, "symbol": look.symbol},
                    hovertemplate=f"%{{y:,}}<extra>{escape_html(measure + suffix)}</extra>",
                ),
                row=row,
                col=1,
            )
    name = series["port_name"].iloc[0] if not series.empty else "This port"
    period = f"{x_range[0]:%b %Y}–{x_range[1]:%b %Y}; dotted: the same month a year earlier"
    fig = layout(fig, f"{name}: inbound crossings per month", panels[0][0] if panels else "", subtitle=period)
    for row, (kind, _) in enumerate(panels, start=1):
        fig.update_yaxes(title_text=kind, row=row, col=1)
    fig.update_annotations(x=0, xanchor="left", font_size=13)  # the panel titles, before closure numbers exist
    fig.update_traces(showlegend=False)  # panel titles name the measures; the legend is only the events' key
    fig.update_xaxes(range=padded(x_range))
    fig = with_events(shade_closures(fig, key, x_range), events, series["month"])
    keyed = sum(trace.showlegend is True for trace in fig.data)
    return fig.update_layout(height=150 + height + KEY_LINE * keyed)


def sector(rows: pd.DataFrame, name: str, key: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp]) -> go.Figure:
    """Border Patrol encounters per day in the sector around a port, on the crossings chart's time range;
    months after the sector data end are greyed and say so."""
    title = f"Border Patrol {name} sector: encounters per day, {x_range[0]:%b %Y}–{x_range[1]:%b %Y}"
    fig = lines(rows, "month", "per_day", "sector", title, "Encounters per day")
    last = rows["month"].max()
    if last < x_range[1]:
        fig.add_vrect(
            x0=last + HALF_MONTH,
            x1=x_range[1] + HALF_MONTH,
            fillcolor=GREY,
            opacity=0.15,
            line_width=0,
            annotation_text=f"no sector data<br>after {last:%b %Y}",
            annotation_position="bottom right",
            annotation_font_size=11,
        )
    fig.update_xaxes(range=padded(x_range))
    return shade_closures(fig, key, x_range)


def size_steps(largest: float) -> list[int]:
    """Round values for the size key: the busiest port's value rounded down to one digit, then tenfold less."""
    if largest < 1:
        return []
    power = 10 ** math.floor(math.log10(largest))
    top = int(largest // power * power)
    return sorted({top, power, power // 10} - {0}, reverse=True)


def with_gaps(rows: pd.DataFrame) -> tuple[list[float], list[float]]:
    """The paths of an outline as one line, broken (NaN) between paths."""
    xs: list[float] = []
    ys: list[float] = []
    for _, path in rows.groupby("path", sort=False):
        xs += [*path["longitude"], np.nan]
        ys += [*path["latitude"], np.nan]
    return xs, ys


def base_map(fig: go.Figure, outlines: pd.DataFrame) -> go.Figure:
    """The countries as land (Mexico a shade darker), the border as a dark line (the only base-map entry
    in the legend)."""
    for part, rows in outlines.groupby("part", sort=False):
        xs, ys = with_gaps(rows)
        border = part == BORDER
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=str(part),
                fill=None if border else "toself",
                fillcolor=LAND.get(str(part)),
                line={"color": BORDER_LINE, "width": 2 if border else 0},  # coasts show as the land's edge
                showlegend=border,
                hoverinfo="skip",
            ),
            row=1,
            col=1,
        )
    return fig


def size_key(fig: go.Figure, largest: float, sizeref: float, what: str) -> go.Figure:
    """Circles of round values in the strip under the map, with what a circle's area counts."""
    steps = size_steps(largest)
    fig.add_trace(
        go.Scatter(
            x=list(range(len(steps))),
            y=[0] * len(steps),
            mode="markers+text",
            text=[f"{step:,}" for step in steps],
            textposition="middle right",
            marker={"size": steps, "sizemode": "area", "sizeref": sizeref, "color": GREY, "opacity": 0.5},
            showlegend=False,
            hoverinfo="skip",
        ),
        row=2,
        col=1,
    )
    fig.add_annotation(
        text=f"Circle area: {escape_html(what)}", x=0, y=1, xref="x2 domain", yref="y2 domain", showarrow=False
    )
    fig.update_xaxes(range=[-0.6, len(steps) + 0.2], visible=False, row=2, col=1)
    fig.update_yaxes(range=[-1, 1.2], visible=False, row=2, col=1)
    return fig


def ports_map(
    frame: pd.DataFrame,
    names: pd.Series,
    outlines: pd.DataFrame,
    box: tuple[float, float, float, float],
    measure: str,
    month: pd.Timestamp,
) -> go.Figure:
    """Ports on the U.S.–Mexico border, circle area by volume, closures on record in orange; ports are
    named where `names` places them (above or below), every port on hover."""
    fig = base_map(make_subplots(rows=2, cols=1, row_heights=[0.84, 0.16], vertical_spacing=0.03), outlines)
    largest = max(float(frame["value"].max()) if not frame.empty else 0.0, 1.0)
    sizeref = 2 * largest / LARGEST_CIRCLE**2
    for closed, rows in frame.groupby("closure", sort=True):
        fig.add_trace(
            go.Scatter(
                x=rows["longitude"],
                y=rows["latitude"],
                mode="markers+text",
                text=rows["port_name"].where(names[rows.index] != "", ""),
                textposition=[where or "top center" for where in names[rows.index]],
                textfont={"size": 10},
                name="port with a closure on record" if closed else "port",
                marker={
                    "size": rows["value"],
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 3,
                    "color": CLAIM_COLOUR if closed else BLUE,
                    "opacity": 0.7,
                },
                customdata=rows[["port_name", "state", "port_code", "value"]],
                hovertemplate="%{customdata[0]}, %{customdata[1]} (CBP port code %{customdata[2]}): "
                "%{customdata[3]:,}<extra></extra>",
            ),
            row=1,
            col=1,
        )
    what = f"{measure.lower()} in {month:%B %Y}"
    title = layout(fig, "Land ports on the U.S.–Mexico border", "", subtitle=f"{measure}, {month:%B %Y}")
    fig = size_key(title, largest, sizeref, what)
    west, south, east, north = box
    fig.update_xaxes(range=[west, east], visible=False, row=1, col=1)
    fig.update_yaxes(range=[south, north], visible=False, scaleanchor="x", scaleratio=1.15, row=1, col=1)
    for text, x, y in (("UNITED STATES", 0.75, 0.93), ("MEXICO", 0.45, 0.15)):  # away from the border's ports
        fig.add_annotation(
            text=text, x=west + x * (east - west), y=south + y * (north - south), showarrow=False, font={"color": GREY}
        )
    fig.update_layout(hovermode="closest", height=580)
    return fig
