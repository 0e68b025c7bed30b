"""Charts of claim cards: each builder takes a claim's `ChartSpec` (exactly the rows it draws) and
returns a figure; `build` picks the builder by the spec's kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import add_events, lines, with_events
from dashboard.charts.hemisphere import caravan_estimates, caravan_ranges, hemisphere_years
from dashboard.charts.style import (
    CLAIM_COLOUR,
    EVENT_COLOURS,
    GREY,
    PALETTE,
    bar_rows_height,
    category_labels,
    layout,
    series_style,
    x_title,
)
from dashboard.charts.tables import closure_table
from data_sources.claims.context import ChartSpec
from data_sources.core.safe_text import escape_html

PER_DAY = "Encounters per day (monthly average)"


def highlight(fig: go.Figure, month: object, label: str = "article") -> go.Figure:
    """A grey band over one month, labelled."""
    start = pd.Timestamp(str(month))
    fig.add_vrect(
        x0=start - pd.Timedelta(days=15),
        x1=start + pd.Timedelta(days=15),
        fillcolor=GREY,
        opacity=0.15,
        line_width=0,
        annotation_text=label,
        annotation_position="top left",
    )
    return fig


def per_day_vs_claim(spec: ChartSpec) -> go.Figure:
    fig = lines(spec.frame, "month", "per_day", "component", spec.title, PER_DAY)
    fig.add_hline(
        y=spec.options["claimed"],
        line={"color": CLAIM_COLOUR, "dash": "dash", "width": 2},
        annotation_text=str(spec.options["claim_label"]),
        annotation_position="top left",
    )
    return highlight(fig, spec.options["highlight"])


def per_day_events(spec: ChartSpec) -> go.Figure:
    fig = lines(spec.frame, "month", "per_day", "component", spec.title, PER_DAY)
    events = spec.options.get("events")
    if isinstance(events, pd.DataFrame):
        add_events(fig, events)
    highlight(fig, spec.options["compare"], "then")
    return highlight(fig, spec.options["highlight"], "now")


def bars(spec: ChartSpec) -> go.Figure:
    frame = spec.frame
    colours = [CLAIM_COLOUR] + [PALETTE[0]] * (len(frame) - 1)
    fig = go.Figure(
        go.Bar(
            x=frame["people_or_encounters"],
            y=category_labels(frame["measure"]),
            orientation="h",
            marker_color=colours,
            hovertemplate="%{x:,.0f}<extra></extra>",
            text=[f"{v:,.0f}" for v in frame["people_or_encounters"]],
            textposition="auto",
            textangle=0,
            cliponaxis=False,
        )
    )
    fig = layout(fig, spec.title, "")
    fig.update_layout(hovermode="closest", height=bar_rows_height(fig.data[0].y, 180))
    fig.update_yaxes(autorange="reversed")
    x_title(fig, str(spec.options.get("axis_title", "People (caravan) or encounters (one average day)")))
    fig.update_xaxes(separatethousands=True)
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
                line={"color": series_style(str(group)).colour},
                hovertemplate=f"%{{y:.1f}}%<extra>{escape_html(group)}</extra>",
            )
        )
    fig = layout(fig, spec.title, "Share of encounters (%)")
    x_title(fig, "Fiscal year (October–September)")
    fig.update_layout(height=480)  # room for a legend of four groups on a phone
    fig.update_yaxes(range=[0, 100])
    return fig


def timeline(spec: ChartSpec) -> go.Figure:
    frame = spec.frame
    fig = go.Figure()
    for kind, rows in frame.groupby("kind", sort=False):
        fig.add_trace(
            go.Bar(
                base=rows["start"],
                # the last day closed counts: the bar runs to the end of it
                x=[
                    (end - start + pd.Timedelta(days=1)).total_seconds() * 1000
                    for start, end in zip(rows["start"], rows["end"], strict=True)
                ],
                y=category_labels(rows["crossing"] + " (" + rows["state"].fillna("") + ")"),
                orientation="h",
                name=str(kind),
                marker_color=EVENT_COLOURS.get(str(kind).replace(" ", "_"), PALETTE[0]),
                customdata=rows[["end", "days"]],
                hovertemplate="%{base|%d %b %Y} to %{customdata[0]|%d %b %Y}: %{customdata[1]} days closed"
                "<extra></extra>",
            )
        )
    fig = layout(fig, spec.title, "")
    crossings = dict.fromkeys(label for trace in fig.data for label in trace.y)  # a row per crossing
    fig.update_layout(hovermode="closest", height=bar_rows_height(crossings, 200), barmode="overlay")
    fig.update_xaxes(type="date", tickformat="%b<br>%Y", tickangle=0)
    fig.update_yaxes(autorange="reversed", rangemode="normal")
    return fig


def sector_lines(spec: ChartSpec) -> go.Figure:
    fig = lines(spec.frame, "month", "per_day", "sector", spec.title, PER_DAY)
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
    """Change per port and measure; where the year-earlier month was unusual (`unusual_baseline`),
    the change against the usual level of the months around it is drawn instead, and said so."""
    frame = spec.frame.dropna(subset=["change_pct"])
    unusual = frame.get("unusual_baseline", pd.Series(False, index=frame.index)).fillna(False).astype(bool)
    change = frame["change_pct"].where(~unusual, frame.get("change_vs_usual_pct", frame["change_pct"]))
    against = pd.Series("a year earlier", index=frame.index).where(~unusual, "the usual level (unusual baseline)")
    baseline = frame["value_year_before"].where(~unusual, frame.get("usual_year_before", frame["value_year_before"]))
    labels = category_labels(frame["port_name"] + ": " + frame["measure"] + unusual.map({True: " *", False: ""}), 22)
    colours = [CLAIM_COLOUR if v < 0 else PALETTE[0] for v in change]
    fig = go.Figure(
        go.Bar(
            x=change,
            y=labels,
            orientation="h",
            marker_color=colours,
            customdata=pd.DataFrame(
                {"value": frame["value"], "base": baseline, "against": against, "days": frame["days_closed"]}
            ),
            hovertemplate="%{x:.1f}%: %{customdata[0]:,} vs %{customdata[1]:,} %{customdata[2]}; "
            "closed %{customdata[3]} days<extra></extra>",
        )
    )
    fig = layout(fig, spec.title, "")
    fig.update_layout(hovermode="closest", height=bar_rows_height(labels, 200))
    x_title(fig, "Change from the same month a year earlier (%)").update_xaxes(zeroline=True)
    fig.update_yaxes(autorange="reversed", rangemode="normal")
    return fig


BUILDERS: dict[str, Callable[[ChartSpec], go.Figure]] = {
    "hemisphere_years": hemisphere_years,
    "caravan_estimates": caravan_estimates,
    "caravan_ranges": caravan_ranges,
    "closure_table": closure_table,
    "effects_bars": effects_bars,
    "per_day_vs_claim": per_day_vs_claim,
    "per_day_events": per_day_events,
    "bars": bars,
    "share_area": share_area,
    "timeline": timeline,
    "sector_lines": sector_lines,
}
TIME_SERIES = ("per_day_vs_claim", "sector_lines")  # kinds that get the sidebar's event markers


def build(spec: ChartSpec, events: pd.DataFrame | None = None) -> go.Figure:
    """The figure for a claim's chart spec; time series get `events` marked within their range."""
    fig = BUILDERS[spec.kind](spec)
    return with_events(fig, events, spec.frame["month"]) if spec.kind in TIME_SERIES else fig
