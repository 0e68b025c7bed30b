"""A built figure made ready for one reader: text from the data escaped (a category named `<a href=…>`
is shown as written, never as a link) and colours in the reader's light or dark theme.

Kept apart from `style`, which builds the shared look: these run on every figure at draw time (or
once per cached view), after the chart builders are done.
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts.style import BLACK, BREAK, DARK, END_SMALL, LIGHT, SMALL
from data_sources.core.safe_text import escape_html


def themed(fig: go.Figure, dark: bool, copy: bool = True) -> go.Figure:
    """The figure in the reader's theme (a copy, unless `copy` is False for a figure built for this
    rerun only): background, grid and text colours change; series keep their colours, except that
    Okabe–Ito's black becomes the theme's foreground colour."""
    theme = DARK if dark else LIGHT
    fig = go.Figure(fig) if copy else fig
    fig.update_layout(
        paper_bgcolor=theme.background,
        plot_bgcolor=theme.background,
        font_color=theme.text,
        title_subtitle_font_color=theme.text,
        legend_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"bgcolor": theme.background, "font_color": theme.text, "bordercolor": theme.muted},
    )
    fig.update_xaxes(gridcolor=theme.grid, linecolor=theme.muted, zerolinecolor=theme.muted)
    fig.update_yaxes(gridcolor=theme.grid, linecolor=theme.muted, zerolinecolor=theme.muted)
    fig.update_traces(marker_line_color=theme.background, selector={"type": "bar"})  # gaps between bars
    if dark:
        for trace in fig.data:
            for part in ("line", "marker"):
                if getattr(getattr(trace, part, None), "color", None) == BLACK:
                    trace[part].color = theme.foreground
    return fig


def sanitised(fig: go.Figure, copy: bool = True) -> go.Figure:
    """Escape text that came from the data before Plotly reads it as HTML: trace names (legend),
    hover and bar texts, category labels, title, subtitle and annotations. A category value such as
    `<a href=…>` is then shown as written, never as a link; our own line breaks stay. Works on a
    copy (figures are cached), unless `copy` is False for a figure built for this rerun only."""
    fig = go.Figure(fig) if copy else fig
    for trace in fig.data:
        for attribute in ("name", "hovertext", "text", "x", "y"):
            value = getattr(trace, attribute, None)
            if isinstance(value, str):
                trace[attribute] = _escaped_keeping_layout(value)
            elif isinstance(value, tuple | list) and any(isinstance(v, str) for v in value):
                trace[attribute] = [_escaped_keeping_layout(v) if isinstance(v, str) else v for v in value]
    for annotation in fig.layout.annotations:
        annotation.text = _escaped_keeping_layout(annotation.text) if annotation.text else annotation.text
    for title in (fig.layout.title, fig.layout.title.subtitle):
        if title.text:
            title.text = _escaped_keeping_layout(title.text)
    return fig


LAYOUT_TAGS = (BREAK, "<sup>", "</sup>", SMALL, END_SMALL)  # the only markup our own titles and labels use


def _escaped_keeping_layout(text: str) -> str:
    """Escape a text, then give back the line break and subtitle tags our builders put there."""
    escaped = escape_html(text)
    for tag in LAYOUT_TAGS:
        escaped = escaped.replace(escape_html(tag), tag)
    return escaped


def plain(text: str) -> str:
    """A chart title as plain words (for screen readers): the subtitle after a full stop, tags gone."""
    text = text.replace(BREAK + SMALL, ". ", 1)
    for tag in LAYOUT_TAGS:
        text = text.replace(tag, " ")
    return " ".join(text.split())
