"""A built figure made ready for one reader: text from the data escaped (a category named `<a href=…>`
is shown as written, never as a link) and colours in the reader's light or dark theme.

Kept apart from `style`, which builds the shared look: these run on every figure at draw time (or
once per cached view), after the chart builders are done.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from dashboard.charts.style import BLACK, BREAK, DARK, END_SMALL, LIGHT, SMALL, lean_template
from data_sources.core.safe_text import escape_html


def theme_layout(dark: bool) -> dict[str, Any]:
    """The layout a theme changes: background, text and hover colours (series colours stay)."""
    theme = DARK if dark else LIGHT
    return {
        "paper_bgcolor": theme.background,
        "plot_bgcolor": theme.background,
        "font": {"color": theme.text},
        "title": {"subtitle": {"font": {"color": theme.text}}},
        "legend": {"bgcolor": "rgba(0,0,0,0)"},
        "hoverlabel": {"bgcolor": theme.background, "font": {"color": theme.text}, "bordercolor": theme.muted},
    }


def theme_axis(dark: bool) -> dict[str, str]:
    """What a theme changes on every axis: grid and axis lines."""
    theme = DARK if dark else LIGHT
    return {"gridcolor": theme.grid, "linecolor": theme.muted, "zerolinecolor": theme.muted}


def themed(fig: go.Figure, dark: bool, copy: bool = True) -> go.Figure:
    """The figure in the reader's theme (a copy, unless `copy` is False for a figure built for this
    rerun only): background, grid and text colours change; series keep their colours, except that
    Okabe–Ito's black becomes the theme's foreground colour."""
    theme = DARK if dark else LIGHT
    fig = go.Figure(fig) if copy else fig
    fig.update_layout(theme_layout(dark))
    fig.update_xaxes(theme_axis(dark))
    fig.update_yaxes(theme_axis(dark))
    fig.update_traces(marker_line_color=theme.background, selector={"type": "bar"})  # gaps between bars
    if dark:
        for trace in fig.data:
            for part in ("line", "marker"):
                if getattr(getattr(trace, part, None), "color", None) == BLACK:
                    trace[part].color = theme.foreground
    return fig


TRACE_TEXTS = ("name", "hovertext", "text", "x", "y")  # where a trace carries text from the data


def _has_text(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, tuple | list) and any(isinstance(v, str) for v in value))


def _escaped_texts(value: Any) -> Any:
    """A text, or the texts in a list, escaped (numbers and dates left as they are)."""
    return escaped(value) if isinstance(value, str) else [escaped(v) if isinstance(v, str) else v for v in value]


def sanitised(fig: go.Figure, copy: bool = True) -> go.Figure:
    """Escape text that came from the data before Plotly reads it as HTML: trace names (legend),
    hover and bar texts, category labels, title, subtitle and annotations. A category value such as
    `<a href=…>` is then shown as written, never as a link; our own line breaks stay. Works on a
    copy (figures are cached), unless `copy` is False for a figure built for this rerun only."""
    fig = go.Figure(fig) if copy else fig
    for trace in fig.data:
        for attribute in TRACE_TEXTS:
            value = getattr(trace, attribute, None)
            if _has_text(value):
                trace[attribute] = _escaped_texts(value)
    for annotation in fig.layout.annotations:
        annotation.text = escaped(annotation.text) if annotation.text else annotation.text
    for title in (fig.layout.title, fig.layout.title.subtitle):
        if title.text:
            title.text = escaped(title.text)
    return fig


def ready_for_reader(spec: dict[str, Any], dark: bool) -> dict[str, Any]:
    """A figure built as plain data (`{"data": […], "layout": {…}}`), made what `sanitised` and `themed`
    make of a built figure, in place and in one pass: text from the data escaped, the reader's theme
    and the shared template set. `figure_of` makes it a figure."""
    theme = DARK if dark else LIGHT
    for trace in spec["data"]:
        for attribute in TRACE_TEXTS:
            if _has_text(trace.get(attribute)):
                trace[attribute] = _escaped_texts(trace[attribute])
        if trace.get("type") == "bar":
            trace["marker"] = {**trace.get("marker", {}), "line": {"color": theme.background}}  # gaps between bars
        for part in ("line", "marker"):
            if dark and trace.get(part, {}).get("color") == BLACK:
                trace[part]["color"] = theme.foreground
    layout = spec["layout"]
    for annotation in layout.get("annotations", []):
        if annotation.get("text"):
            annotation["text"] = escaped(annotation["text"])
    layout["title"]["text"] = escaped(layout["title"]["text"])
    for key, value in theme_layout(dark).items():
        layout[key] = _merged(layout.get(key), value)
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {**layout.get(axis, {}), **theme_axis(dark)}
    layout["template"] = lean_template()
    return spec


def figure_of(spec: dict[str, Any]) -> go.Figure:
    """A figure from plain data without Plotly's property checks, which are three quarters of the cost
    of a new explorer view's figure (16 of 19 ms). The specs come from our own builders, never from a
    reader; `tests/test_explore.py` builds them with the checks on and compares the two figures."""
    return go.Figure(spec, _validate=False)


def _merged(base: Any, update: Any) -> Any:
    """`update` laid over `base`, nested dictionaries merged key by key (as Plotly's updates do)."""
    if not isinstance(base, dict) or not isinstance(update, dict):
        return update
    return {**base, **{key: _merged(base.get(key), value) for key, value in update.items()}}


LAYOUT_TAGS = (BREAK, "<sup>", "</sup>", SMALL, END_SMALL)  # the only markup our own titles and labels use


def escaped(text: str) -> str:
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
