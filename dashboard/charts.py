"""Chart builders: each takes a frame (exactly the rows it draws) and returns a Plotly figure.

Colours are the Okabe–Ito palette, safe for the common colour-vision deficiencies. Figures carry
their own template and are drawn with `theme=None`, so Streamlit's theme (light or dark) cannot
swap the palette; the white plot area stays readable in both themes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pandas as pd
import plotly.graph_objects as go

from data_sources.claims.evaluate import ChartSpec, records
from data_sources.tables.explore import OTHER

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
CLAIM_COLOUR = "#D55E00"
OTHER_COLOUR = "#999999"
EVENT_COLOURS = {
    "port_closure": "#D55E00",
    "rail_closure": "#CC79A7",
    "policy": "#009E73",
    "meeting": "#0072B2",
    "caravan": "#E69F00",
    "administration": "#999999",
}


def _wrapped(title: str, width: int = 55) -> str:
    """Long titles break after their last comma, so they fit a phone screen."""
    if len(title) <= width or ", " not in title:
        return title
    head, tail = title.rsplit(", ", 1)
    return f"{head}<br><sup>{tail}</sup>"


def _layout(fig: go.Figure, title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        colorway=PALETTE,
        title={"text": _wrapped(title), "font": {"size": 16}},
        yaxis_title=y_title,
        font={"size": 13},
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=440,
    )
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    return fig


def lines(frame: pd.DataFrame, x: str, y: str, series: str, title: str, y_title: str, hover: str = ",.0f") -> go.Figure:
    """One line per value of `series`, in the frame's order; the grouped remainder last, in grey."""
    fig = go.Figure()
    groups = sorted(frame.groupby(series, sort=False), key=lambda pair: pair[0] == OTHER)
    for name, rows in groups:
        colour = {"line": {"color": OTHER_COLOUR}, "marker": {"color": OTHER_COLOUR}} if name == OTHER else {}
        fig.add_trace(
            go.Scatter(
                x=rows[x],
                y=rows[y],
                name=str(name),
                mode="lines+markers",
                **colour,
                hovertemplate=f"%{{y:{hover}}}<extra>{name}</extra>",
            )
        )
    return _layout(fig, title, y_title)


def add_events(fig: go.Figure, events: pd.DataFrame) -> go.Figure:
    """Dated events as dotted vertical lines (spans shaded), labelled; hover gives the description."""
    for event in records(events):
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
                hovertext=f"{start:%d %b %Y}: {event['description']}",
            )
        )
    return fig


def per_day_vs_claim(spec: ChartSpec) -> go.Figure:
    fig = lines(spec.frame, "month", "per_day", "component", spec.title, "Encounters per day (monthly average)")
    fig.add_hline(
        y=spec.options["claimed"],
        line={"color": CLAIM_COLOUR, "dash": "dash", "width": 2},
        annotation_text=str(spec.options["claim_label"]),
        annotation_position="top left",
    )
    return _highlight(fig, spec.options["highlight"])


def _highlight(fig: go.Figure, month: object, label: str = "article") -> go.Figure:
    start = pd.Timestamp(str(month))
    fig.add_vrect(
        x0=start - pd.Timedelta(days=15),
        x1=start + pd.Timedelta(days=15),
        fillcolor="#999999",
        opacity=0.15,
        line_width=0,
        annotation_text=label,
        annotation_position="top left",
    )
    return fig


def per_day_events(spec: ChartSpec) -> go.Figure:
    fig = lines(spec.frame, "month", "per_day", "component", spec.title, "Encounters per day (monthly average)")
    events = spec.options.get("events")
    if isinstance(events, pd.DataFrame):
        add_events(fig, events)
    _highlight(fig, spec.options["compare"], "then")
    return _highlight(fig, spec.options["highlight"], "now")


def bars(spec: ChartSpec) -> go.Figure:
    frame = spec.frame
    colours = [CLAIM_COLOUR] + [PALETTE[0]] * (len(frame) - 1)
    fig = go.Figure(
        go.Bar(
            x=frame["people_or_encounters"],
            y=frame["measure"],
            orientation="h",
            marker_color=colours,
            hovertemplate="%{x:,.0f}<extra></extra>",
            text=[f"{v:,.0f}" for v in frame["people_or_encounters"]],
            textposition="auto",
        )
    )
    fig = _layout(fig, spec.title, "")
    fig.update_layout(hovermode="closest", height=360)
    fig.update_yaxes(autorange="reversed")
    axis = str(spec.options.get("axis_title", "People (caravan) or encounters (one average day)"))
    fig.update_xaxes(title=axis, separatethousands=True)
    return fig


def share_area(spec: ChartSpec) -> go.Figure:
    fig = go.Figure()
    for group, rows in spec.frame.groupby("group", sort=False):
        fig.add_trace(
            go.Scatter(
                x=rows["fiscal_year"],
                y=rows["share_pct"],
                name=str(group),
                stackgroup="one",
                mode="lines",
                hovertemplate=f"%{{y:.1f}}%<extra>{group}</extra>",
            )
        )
    fig = _layout(fig, spec.title, "Share of the fiscal year's encounters (%)")
    fig.update_xaxes(title="Fiscal year (October–September)", dtick=2)
    fig.update_yaxes(range=[0, 100])
    return fig


def timeline(spec: ChartSpec) -> go.Figure:
    frame = spec.frame
    fig = go.Figure()
    for kind, rows in frame.groupby("kind", sort=False):
        fig.add_trace(
            go.Bar(
                base=rows["start"],
                x=(rows["end"] - rows["start"]).dt.total_seconds() * 1000,
                y=rows["crossing"] + " (" + rows["state"].fillna("") + ")",
                orientation="h",
                name=str(kind),
                marker_color=EVENT_COLOURS.get(str(kind).replace(" ", "_"), PALETTE[0]),
                customdata=rows[["days"]],
                hovertemplate="%{base|%d %b %Y} + %{customdata[0]} days<extra></extra>",
            )
        )
    fig = _layout(fig, spec.title, "")
    fig.update_layout(hovermode="closest", height=120 + 38 * len(frame), barmode="overlay")
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", rangemode="normal")
    return fig


def sector_lines(spec: ChartSpec) -> go.Figure:
    fig = lines(spec.frame, "month", "per_day", "sector", spec.title, "Encounters per day (monthly average)")
    start, end = cast(tuple[pd.Timestamp, pd.Timestamp], spec.options["shade"])
    fig.add_vrect(
        x0=start,
        x1=end,
        fillcolor=CLAIM_COLOUR,
        opacity=0.12,
        line_width=0,
        annotation_text="closures",
        annotation_position="top left",
    )
    return fig


def effects_bars(spec: ChartSpec) -> go.Figure:
    frame = spec.frame.dropna(subset=["change_pct"])
    labels = frame["port_name"] + ": " + frame["measure"]
    colours = [CLAIM_COLOUR if v < 0 else PALETTE[0] for v in frame["change_pct"]]
    fig = go.Figure(
        go.Bar(
            x=frame["change_pct"],
            y=labels,
            orientation="h",
            marker_color=colours,
            customdata=frame[["value", "value_year_before", "days_closed"]],
            hovertemplate="%{x:.1f}%: %{customdata[0]:,} vs %{customdata[1]:,} a year earlier; "
            "closed %{customdata[2]} days<extra></extra>",
        )
    )
    fig = _layout(fig, spec.title, "")
    fig.update_layout(hovermode="closest", height=140 + 30 * len(frame))
    fig.update_xaxes(title="Change from the same month a year earlier (%)", zeroline=True)
    fig.update_yaxes(autorange="reversed", rangemode="normal")
    return fig


def shade_closures(fig: go.Figure, closures: pd.DataFrame) -> go.Figure:
    """Shade each closure period and label it with the crossing's name."""
    for closure in records(closures):
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


def port_volume(series: pd.DataFrame, closures: pd.DataFrame, title: str) -> go.Figure:
    """Monthly crossings per measure, the same months a year earlier dashed, closures shaded."""
    fig = go.Figure()
    for number, (measure, rows) in enumerate(series.groupby("measure", sort=True)):
        colour = PALETTE[number % len(PALETTE)]
        fig.add_trace(
            go.Scatter(
                x=rows["month"],
                y=rows["value"],
                name=str(measure),
                mode="lines+markers",
                line={"color": colour},
                hovertemplate=f"%{{y:,}}<extra>{measure}</extra>",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=rows["month"],
                y=rows["value_year_before"],
                name=f"{measure}, a year earlier",
                mode="lines",
                line={"color": colour, "dash": "dot"},
                hovertemplate=f"%{{y:,}}<extra>{measure}, a year earlier</extra>",
            )
        )
    return shade_closures(_layout(fig, title, "Inbound crossings per month"), closures)


def port_map(frame: pd.DataFrame, title: str) -> go.Figure:
    """Ports at their coordinates, sized by volume, closures in orange (no base map: works offline)."""
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
                name="closure in late 2023" if closed else "port",
                marker={"size": size, "color": CLAIM_COLOUR if closed else PALETTE[0], "opacity": 0.7},
                customdata=rows[["state", "value"]],
                hovertemplate="%{text}, %{customdata[0]}: %{customdata[1]:,}<extra></extra>",
            )
        )
    fig = _layout(fig, title, "Latitude")
    fig.update_layout(hovermode="closest", height=460)
    fig.update_xaxes(title="Longitude (west to east)")
    fig.update_yaxes(scaleanchor="x", scaleratio=1.15, rangemode="normal")
    return fig


BUILDERS: dict[str, Callable[[ChartSpec], go.Figure]] = {
    "effects_bars": effects_bars,
    "per_day_vs_claim": per_day_vs_claim,
    "per_day_events": per_day_events,
    "bars": bars,
    "share_area": share_area,
    "timeline": timeline,
    "sector_lines": sector_lines,
}


TIME_SERIES = ("per_day_vs_claim", "sector_lines")


def build(spec: ChartSpec, events: pd.DataFrame | None = None) -> go.Figure:
    """The figure for a claim's chart spec; time series get `events` marked within their range."""
    fig = BUILDERS[spec.kind](spec)
    if events is not None and spec.kind in TIME_SERIES:
        add_events(fig, within(events, spec.frame["month"]))
    return fig


def within(events: pd.DataFrame, months: pd.Series) -> pd.DataFrame:
    """Events that start inside the span of a monthly series."""
    return events[events["start_date"].between(months.min(), months.max() + pd.offsets.MonthEnd(0))]
