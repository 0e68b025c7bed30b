"""Tables drawn as figures, for a claim card that shows a short list rather than a chart.

A card draws each chart spec as a figure with its download under it; a Plotly table keeps that shape
(no change to the card) and reads on a 390-px phone: four short columns, cell text broken into
lines that fit them, no fill colours, so the reader's light or dark theme only changes the text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import BREAK, FONT_SIZE, layout, wrapped
from data_sources.claims.context import ChartSpec
from data_sources.core.safe_text import escape_html
from data_sources.tables.ports import date_span

# Header, share of the width, characters a line holds at that width on a phone.
CLOSURE_COLUMNS = (("Closure", 0.33, 13), ("Stopped", 0.28, 11), ("Closed", 0.26, 10), ("Days", 0.13, 4))
LINE_PX, ROW_PAD_PX, FIXED_PX = 16, 16, 80  # a line of 13-px text; space in a row; title and margins
RULE = "rgba(140, 140, 140, 0.5)"  # lines between rows, visible on either theme's background
HEAD_FILL = "rgba(140, 140, 140, 0.15)"


def cell(text: str, width: int) -> str:
    """A cell's text, escaped (it comes from data) and broken into lines of at most `width` characters."""
    return wrapped(escape_html(text), width)


def closure_cells(frame: pd.DataFrame) -> list[list[str]]:
    """The table's columns: short label, traffic stopped, first–last day closed, days (both ends counted)."""
    widths = [chars for _, _, chars in CLOSURE_COLUMNS]
    spans = zip(frame["first_day_closed"], frame["last_day_closed"], strict=True)
    closed = [date_span(first, last) for first, last in spans]
    days = ["in force" if pd.isna(n) else f"{int(n)}" for n in frame["days_closed"]]
    columns = [list(frame["closure"]), list(frame["traffic"].str.capitalize()), closed, days]
    return [[cell(str(text), width) for text in column] for column, width in zip(columns, widths, strict=True)]


def closure_table(spec: ChartSpec) -> go.Figure:
    """The closures of a claim card as a compact table: one row per closure, four short columns."""
    columns = closure_cells(spec.frame)
    lines = [max(str(c).count(BREAK) + 1 for c in row) for row in zip(*columns, strict=True)]
    fig = go.Figure(
        go.Table(
            columnwidth=[share for _, share, _ in CLOSURE_COLUMNS],
            header={
                "values": [f"<b>{name}</b>" for name, _, _ in CLOSURE_COLUMNS],
                "align": "left",
                "fill": {"color": HEAD_FILL},
                "line": {"color": RULE},
                "height": LINE_PX + ROW_PAD_PX,
            },
            cells={
                "values": columns,
                "align": ["left", "left", "left", "right"],
                "fill": {"color": "rgba(0, 0, 0, 0)"},
                "line": {"color": RULE},
                "font": {"size": FONT_SIZE},
                "height": LINE_PX + ROW_PAD_PX,
            },
        )
    )
    fig = layout(fig, spec.title, "")
    height = FIXED_PX + (LINE_PX + ROW_PAD_PX) + sum(LINE_PX * n + ROW_PAD_PX for n in lines)
    fig.update_layout(height=height, margin={"l": 4, "r": 4, "b": 4})
    return fig
