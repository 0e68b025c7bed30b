"""Pieces several chart families use: lines per series, and dated events marked on a time axis.

An event is a dotted line with a triangle at its foot and a letter badge above it; the legend under
the chart is the key (letter, short label), so no long name is printed across the plot, where on a
phone it would cover the lines and its neighbours. Badges of events close in time stack upwards.
Hovering or tapping a triangle or badge gives the date and what happened, wrapped into short lines
so the label stays inside a phone's chart.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from string import ascii_uppercase
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import BLACK, BREAK, EVENT_COLOURS, layout, series_style, wrapped
from data_sources.core.safe_text import escape_html
from data_sources.tables.explore import OTHER


def line_traces(frame: pd.DataFrame, x: str, y: str, series: str, hover: str = ",.0f") -> list[dict[str, Any]]:
    """One line per value of `series` as plain trace dicts, each in its own colour, in the frame's
    order; the grouped remainder last. Names stay as the data have them (`reader_view` escapes them
    when the figure is drawn); the hover's name is escaped here, since nothing escapes templates later."""
    traces = []
    groups = sorted(frame.groupby(series, sort=False), key=lambda pair: pair[0] == OTHER)
    for name, rows in groups:
        look = series_style(str(name))
        traces.append(
            {
                "type": "scatter",
                "x": rows[x].to_numpy(),
                "y": rows[y].to_numpy(),
                "name": str(name),
                "mode": "lines+markers",
                "line": {"color": look.colour},
                "marker": {"color": look.colour, "symbol": look.symbol},
                "hovertemplate": f"%{{y:{hover}}}<extra>{escape_html(name)}</extra>",
            }
        )
    return traces


def lines(frame: pd.DataFrame, x: str, y: str, series: str, title: str, y_title: str, hover: str = ",.0f") -> go.Figure:
    """One line per value of `series`, each in its own colour, in the frame's order; the grouped remainder last."""
    return layout(go.Figure(data=line_traces(frame, x, y, series, hover)), title, y_title)


EVENT_HOVER_CHARS = 40  # a hover line of 12-px text stays inside a phone's 320-px chart
BADGE_SHARE = 0.04  # a letter badge's width, as a share of the x axis on a phone
BADGE_STEP = 15  # px between stacked badges


def label_levels(starts: list[pd.Timestamp], span_days: float, share: float = 0.06) -> list[int]:
    """A level for each label, in start order: a label starting within `share` of the axis after the
    last label on a level goes one level further, so labels of nearby dates never overlap."""
    gap = span_days * share
    last: list[pd.Timestamp] = []  # the start of the latest label on each level
    levels: list[int] = []
    for start in starts:
        level = next((i for i, seen in enumerate(last) if (start - seen).days >= gap), len(last))
        last[level:] = [start, *last[level + 1 :]]
        levels.append(level)
    return levels


def event_letter(number: int) -> str:
    """'A'…'Z', then 'AA', 'BB'…: the key letter of the n-th event (from 0) on a chart."""
    return ascii_uppercase[number % 26] * (number // 26 + 1)


def event_hover(letter: str, event: Mapping[Hashable, Any]) -> str:
    """'C · Caravan leaves Tapachula, 24 Dec 2023: A caravan of several …', broken into short lines."""
    start = pd.Timestamp(str(event["start_date"]))
    return wrapped(f"{letter} · {event['short_label']}, {start:%d %b %Y}: {event['description']}", EVENT_HOVER_CHARS)


def x_span(fig: go.Figure, events: pd.DataFrame) -> float:
    """Days the chart's time axis covers: from its traces' dates and the events' own."""
    dates = [*events["start_date"]]
    for trace in fig.data:
        if trace.x is not None and len(trace.x) and pd.api.types.is_datetime64_any_dtype(pd.Series(trace.x)):
            dates += [*pd.to_datetime(pd.Series(trace.x))]
    return days_between(dates)


def days_between(dates: list[pd.Timestamp]) -> float:
    """Days from the first to the last of some dates (at least 1): how long a time axis is."""
    return max((max(dates) - min(dates)).days, 1) if dates else 1


def axis_pairs(fig: go.Figure) -> list[tuple[str, str]]:
    """The (x, y) axes the traces are drawn on: one pair per panel, in order ('x', 'y'), ('x2', 'y2')…"""
    pairs = [(trace.xaxis or "x", trace.yaxis or "y") for trace in fig.data]
    return list(dict.fromkeys(pairs)) or [("x", "y")]


@dataclass(frozen=True)
class EventMarks:
    """Dated events as plain parts of a figure: shapes (lines, shaded spans), letter badges, key traces."""

    shapes: list[dict[str, Any]]
    badges: list[dict[str, Any]]
    keys: list[dict[str, Any]]


def event_marks(events: pd.DataFrame, span_days: float, pairs: list[tuple[str, str]]) -> EventMarks:
    """Dotted vertical lines in every panel (`pairs` of axes; spans of over 20 days shaded), each with
    a letter badge keyed in the legend by its short label; hover gives the date and story in short lines."""
    rows = events.sort_values(["start_date", "event_id"]).to_dict("records")
    levels = label_levels([e["start_date"] for e in rows], span_days, BADGE_SHARE)
    marks = EventMarks([], [], [])
    for number, (event, level) in enumerate(zip(rows, levels, strict=True)):
        colour, letter = EVENT_COLOURS.get(event["kind"], "#555555"), event_letter(number)
        start, end = event["start_date"], event["end_date"]
        hover = event_hover(letter, event)
        for x_axis, y_axis in pairs:
            place = {"xref": x_axis, "yref": f"{y_axis} domain", "y0": 0, "y1": 1}
            if pd.notna(end) and (end - start).days > 20:
                marks.shapes.append({"type": "rect", "x0": start, "x1": end, "fillcolor": colour, "opacity": 0.08,
                                     "line": {"width": 0}, "layer": "below", **place})  # fmt: skip
            dotted = {"color": colour, "dash": "dot", "width": 1}
            marks.shapes.append({"type": "line", "x0": start, "x1": start, "line": dotted, **place})
        marks.badges.append(
            {
                "x": start,
                "y": 0,
                "xref": "x",
                "yref": "y domain",
                "yanchor": "bottom",
                "yshift": 12 + BADGE_STEP * level,
                "text": letter,
                # `sanitised` skips annotation hovers
                "hovertext": BREAK.join(escape_html(line) for line in hover.split(BREAK)),
                "hoverlabel": {"font": {"size": 12}},
                "showarrow": False,
                "font": {"size": 11, "color": BLACK, "weight": "bold"},  # black on the kind's colour, in either theme
                "bgcolor": colour,
                "borderpad": 1,
            }
        )
        marks.keys.append(
            {
                "type": "scatter",
                "x": [start],
                "y": [0],
                "mode": "markers",
                "marker": {"color": colour, "size": 9, "symbol": "triangle-up"},
                "name": f"{letter}: {event['short_label']}",
                "legendgroup": "events",
                "showlegend": True,
                "hoverinfo": "text",
                "hovertext": hover,  # escaped with the trace names when drawn
                "hoverlabel": {"align": "left", "font": {"size": 12}},
            }
        )
    return marks


def add_events(fig: go.Figure, events: pd.DataFrame) -> go.Figure:
    """`event_marks` drawn on a figure, in one update each (Plotly's `add_vline` and `add_annotation`
    validate the whole layout on every call, which cost most of a page's rerun)."""
    marks = event_marks(events, x_span(fig, events), axis_pairs(fig))
    fig.update_layout(shapes=[*fig.layout.shapes, *marks.shapes], annotations=[*fig.layout.annotations, *marks.badges])
    return fig.add_traces(marks.keys)


def within(events: pd.DataFrame, months: pd.Series) -> pd.DataFrame:
    """Events that start inside the span of a monthly series."""
    return events[events["start_date"].between(months.min(), months.max() + pd.offsets.MonthEnd(0))]


def with_events(fig: go.Figure, events: pd.DataFrame | None, months: pd.Series) -> go.Figure:
    """Mark the events inside the series' span; None (markers switched off) or no months leaves it as it was."""
    if events is not None and not months.empty:
        add_events(fig, within(events, months))
    return fig
