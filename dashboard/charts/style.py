"""The look every chart shares: one template, the Okabe–Ito palette, and one colour per series.

Okabe–Ito colours stay distinct for the common colour-vision deficiencies. A series keeps its
colour (and marker) on every chart of every page, because the colour is looked up by the series'
name, never by the order in which traces happen to be drawn. The components have fixed colours;
regions, sectors and port measures, which share charts with their own kind, take distinct slots in
the order listed below; any other name (a country, a demographic) gets a slot from a stable hash
of its name, the same in every session and process.

Figures carry their own template and are drawn with `theme=None`, so Streamlit's theme (light or
dark) cannot swap the palette; the white plot area stays readable in both themes.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache

import pandas as pd
import plotly.graph_objects as go

from data_sources.core.safe_text import escape_html
from data_sources.core.vocabulary import ALL_SOUTHWEST, EVENT_KINDS, OFO, REGIONS, USBP, sector_name
from data_sources.tables.explore import OTHER

BLUE, ORANGE, GREEN, PURPLE = "#0072B2", "#E69F00", "#009E73", "#CC79A7"
SKY, VERMILLION, BLACK = "#56B4E9", "#D55E00", "#000000"
PALETTE = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION, BLACK)  # Okabe–Ito without yellow: too faint on white
SYMBOLS = ("circle", "square", "diamond", "triangle-up")
GREY = "#999999"
CLAIM_COLOUR = VERMILLION  # the claimed value, closures, decreases
# port_closure, rail_closure, policy, meeting, caravan, administration
EVENT_COLOURS = dict(zip(EVENT_KINDS, (VERMILLION, PURPLE, GREEN, BLUE, ORANGE, GREY), strict=True))

# Named only so that series drawn together get distinct slots; a name not listed still gets a stable one.
SECTORS = ("Big Bend", "Del Rio", "El Centro", "El Paso", "Laredo", "Rio Grande Valley", "San Diego", "Tucson", "Yuma")
MEASURES = (
    "Personal Vehicles",
    "Personal Vehicle Passengers",
    "Pedestrians",
    "Trucks",
    "Truck Containers Loaded",
    "Truck Containers Empty",
    "Buses",
    "Bus Passengers",
    "Trains",
    "Train Passengers",
    "Rail Containers Loaded",
    "Rail Containers Empty",
)


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    symbol: str = "circle"


def _slot(number: int) -> SeriesStyle:
    return SeriesStyle(PALETTE[number % len(PALETTE)], SYMBOLS[number // len(PALETTE) % len(SYMBOLS)])


FIXED = {ALL_SOUTHWEST: SeriesStyle(BLUE), USBP: SeriesStyle(ORANGE), OFO: SeriesStyle(GREEN), OTHER: SeriesStyle(GREY)}
LISTED = {name: _slot(number) for names in (REGIONS, SECTORS, MEASURES) for number, name in enumerate(names)}


@cache
def series_style(name: str) -> SeriesStyle:
    """The colour and marker of a series, by its name alone ('Del Rio, TX' and 'Del Rio' are one sector)."""
    key = str(sector_name(pd.Series([name])).iloc[0])
    found = FIXED.get(key) or LISTED.get(key)
    return found or _slot(zlib.crc32(key.encode()) % (len(PALETTE) * len(SYMBOLS)))


def wrapped(title: str, width: int = 55) -> str:
    """Long titles break after their last comma, so they fit a phone screen."""
    if len(title) <= width or ", " not in title:
        return title
    head, tail = title.rsplit(", ", 1)
    return f"{head}<br><sup>{tail}</sup>"


def layout(fig: go.Figure, title: str, y_title: str) -> go.Figure:
    """The shared template: white, legend under the plot, thousands separated, y axis from zero."""
    fig.update_layout(
        template="plotly_white",
        colorway=PALETTE,
        title={"text": wrapped(title), "font": {"size": 16}},
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


def sanitised(fig: go.Figure) -> go.Figure:
    """Escape text that came from the data before Plotly reads it as HTML: trace names (legend),
    hover and bar texts, category labels, title and annotations. A category value such as
    `<a href=…>` is then shown as written, never as a link. Works on a copy: figures are cached."""
    fig = go.Figure(fig)
    for trace in fig.data:
        for attribute in ("name", "hovertext", "text", "x", "y"):
            value = getattr(trace, attribute, None)
            if isinstance(value, str):
                trace[attribute] = escape_html(value)
            elif isinstance(value, tuple | list) and any(isinstance(v, str) for v in value):
                trace[attribute] = [escape_html(v) if isinstance(v, str) else v for v in value]
    for annotation in fig.layout.annotations:
        annotation.text = _escaped_keeping_layout(annotation.text) if annotation.text else annotation.text
    if fig.layout.title.text:
        fig.layout.title.text = _escaped_keeping_layout(fig.layout.title.text)
    return fig


LAYOUT_TAGS = ("<br>", "<sup>", "</sup>")  # the only markup our own titles use (`wrapped`)


def _escaped_keeping_layout(text: str) -> str:
    """Escape a title, then give back the line break and subtitle tags our builders put there."""
    escaped = escape_html(text)
    for tag in LAYOUT_TAGS:
        escaped = escaped.replace(escape_html(tag), tag)
    return escaped
