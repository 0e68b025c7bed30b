"""The look every chart shares: one template, the Okabe–Ito palette, and one colour per series.

Okabe–Ito colours stay distinct for the common colour-vision deficiencies. A series keeps its
colour (and marker) on every chart of every page, because the colour is looked up by the series'
name, never by the order in which traces happen to be drawn. The components have fixed colours;
regions, sectors and port measures, which share charts with their own kind, take distinct slots in
the order listed below; any other name (a country, a demographic) gets a slot from a stable hash
of its name, the same in every session and process.

Figures are built once (light) and cached; `reader_view.themed` gives a copy in the reader's theme at
draw time, changing only background, grid and text colours, so Streamlit's theme never swaps the palette.

Charts must read on a 390-px phone, where a chart is about 320 px wide, and the server cannot know
the screen: titles are a short head (wrapped at `TITLE_CHARS`) with a smaller subtitle line for the
period and the rest, axis titles and bar labels wrap, and the legend sits under the plot in its own
reserved space, below any axis title. Widths are in characters of Streamlit's own font.
"""

from __future__ import annotations

import textwrap
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from data_sources.core.vocabulary import ALL_SOUTHWEST, EVENT_KINDS, OFO, REGIONS, SOUTHWEST_SECTORS, USBP, sector_name
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

# The citizenships with the most encounters in the OHSS and CBP tables, most first: the top seven
# (what a "top N" chart shows together) each get a colour of their own, where names hashed into slots
# could share one. Looked up case-blind: CBP's area tables write "MEXICO".
CITIZENSHIPS = (
    "Mexico",
    "Guatemala",
    "Honduras",
    "El Salvador",
    "Venezuela",
    "Cuba",
    "Ecuador",
    "Colombia",
    "Nicaragua",
    "Brazil",
    "Peru",
    "India",
    "Haiti",
)


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    symbol: str = "circle"


def _slot(number: int) -> SeriesStyle:
    return SeriesStyle(PALETTE[number % len(PALETTE)], SYMBOLS[number // len(PALETTE) % len(SYMBOLS)])


FIXED = {ALL_SOUTHWEST: SeriesStyle(BLUE), USBP: SeriesStyle(ORANGE), OFO: SeriesStyle(GREEN), OTHER: SeriesStyle(GREY)}
LISTED = {
    name.casefold(): _slot(number)
    for names in (REGIONS, SOUTHWEST_SECTORS, MEASURES, CITIZENSHIPS)
    for number, name in enumerate(names)
}


@cache
def series_style(name: str) -> SeriesStyle:
    """The colour and marker of a series, by its name alone ('Del Rio, TX' and 'Del Rio' are one sector)."""
    key = str(sector_name(pd.Series([name])).iloc[0])
    found = FIXED.get(key) or LISTED.get(key.casefold())
    return found or _slot(zlib.crc32(key.encode()) % (len(PALETTE) * len(SYMBOLS)))


# Text: Streamlit's web font (already loaded by the page), and how many of its characters fit a phone.
FONT = '"Source Sans", "Source Sans Pro", Arial, sans-serif'
TITLE_SIZE, SUBTITLE_SIZE, FONT_SIZE = 17, 13, 13
TITLE_CHARS, SUBTITLE_CHARS, AXIS_TITLE_CHARS, LABEL_CHARS, HOVER_CHARS = 38, 48, 22, 18, 44
BREAK = "<br>"
SMALL, END_SMALL = f'<span style="font-size:{SUBTITLE_SIZE}px">', "</span>"


@dataclass(frozen=True)
class Theme:
    """The colours a theme may change; series colours are not among them."""

    background: str
    text: str
    muted: str  # axis lines, zero lines
    grid: str
    foreground: str  # what Okabe–Ito's black means: the strongest contrast with the background


# Streamlit's own page colours (light text as set in .streamlit/config.toml), so a chart sits on the page.
LIGHT = Theme(background="#FFFFFF", text="#1A1918", muted="#8F8C87", grid="#E7E5E2", foreground=BLACK)
DARK = Theme(background="#171614", text="#EDEBE8", muted="#8F8C87", grid="#34322E", foreground="#EDEBE8")


def wrapped(text: str, width: int) -> str:
    """Break text into lines of at most `width` characters (Plotly does not wrap); text that already
    has its own line breaks is left as it is."""
    if BREAK in text or len(text) <= width:
        return text
    return BREAK.join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def split_title(title: str) -> tuple[str, str]:
    """'Southwest border encounters per day, Oct 2022–Jul 2024' → the subject as the title and the
    rest (period, unit, qualifiers) as the subtitle. A title that fits one line stays whole."""
    if len(title) <= TITLE_CHARS or BREAK in title or ", " not in title:
        return title, ""
    head, tail = title.split(", ", 1)
    return head, tail[:1].upper() + tail[1:]


def _lines(text: str) -> int:
    return text.count(BREAK) + 1 if text else 0


def title_text(title: str, subtitle: str) -> str:
    """The title's lines, then the subtitle's in a smaller font: one text block, so Plotly's title
    automargin makes room for all of it above the plot."""
    head, tail = wrapped(title, TITLE_CHARS), wrapped(subtitle, SUBTITLE_CHARS)
    small = [f"{SMALL}{line}{END_SMALL}" for line in tail.split(BREAK)] if tail else []
    return BREAK.join([head, *small])


@cache
def lean_template() -> go.layout.Template:
    """Plotly's `plotly_white` with only the parts our charts use (axes, hover labels, map, table and
    bar styling): the full template carries every colour scale and 3-D scene, about 6.5 KB in every
    figure's JSON, and applying it by name costs ~30 ms a figure; this one is built once."""
    white = pio.templates["plotly_white"]
    keep = ("xaxis", "yaxis", "hoverlabel", "geo", "annotationdefaults", "shapedefaults", "font", "autotypenumbers")
    layout_parts = {key: white.layout[key] for key in keep if white.layout[key] is not None}
    data_parts = {key: white.data[key] for key in ("bar", "table", "scatter", "scattergeo")}
    return go.layout.Template(layout=layout_parts, data=data_parts)


AXIS_X = {"automargin": True}
AXIS_Y = {"rangemode": "tozero", "separatethousands": True, "automargin": True}


def layout_spec(title: str, y_title: str, subtitle: str | None = None) -> dict[str, Any]:
    """Everything the shared look sets, as one plain layout (its template aside): a wrapped title with a
    subtitle, legend under the plot, thousands separated, y axis from zero, margins that make room for
    all of it. `subtitle=None` splits the title at its first comma (`split_title`)."""
    head, tail = (title, subtitle) if subtitle is not None else split_title(title)
    return {
        "colorway": PALETTE,
        "font": {"family": FONT, "size": FONT_SIZE, "color": LIGHT.text},
        "title": {
            "text": title_text(head, tail),
            "font": {"size": TITLE_SIZE},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "yref": "paper",
            "y": 1,
            "yanchor": "bottom",
            "automargin": True,
            "pad": {"b": 14, "l": 4},
        },
        "xaxis": dict(AXIS_X),
        "yaxis": {**AXIS_Y, "title": {"text": wrapped(y_title, AXIS_TITLE_CHARS)}},
        "hovermode": "x unified",
        "legend": {"orientation": "h", "xref": "container", "x": 0, "yref": "container", "y": 0, "yanchor": "bottom"},
        "margin": {"l": 8, "r": 12, "t": 10, "b": 8, "autoexpand": True},
        "paper_bgcolor": LIGHT.background,
        "plot_bgcolor": LIGHT.background,
        "height": 440,
    }


def layout(fig: go.Figure, title: str, y_title: str, subtitle: str | None = None) -> go.Figure:
    """The shared look (`layout_spec`) on a figure, every panel's axes included."""
    fig.update_layout(template=lean_template(), **layout_spec(title, y_title, subtitle))
    fig.update_xaxes(AXIS_X)
    return fig.update_yaxes(AXIS_Y)


def x_title(fig: go.Figure, text: str) -> go.Figure:
    """An x-axis title, wrapped for a phone (it is centred under the plot, which may be narrow there)."""
    return fig.update_xaxes(title=wrapped(text, AXIS_TITLE_CHARS))


def category_labels(values: pd.Series, width: int = LABEL_CHARS) -> list[str]:
    """Bar labels broken into short lines, so a phone shows them whole beside their bars."""
    return [wrapped(str(value), width) for value in values]


def bar_rows_height(labels: Iterable[object], fixed: int) -> int:
    """The height of a horizontal bar chart: `fixed` for title, axis and legend, and a row per bar
    that grows with its label's lines, so bars stay readable on a phone."""
    return fixed + sum(max(34, 18 * _lines(str(label)) + 12) for label in labels)  # 18 px a line of 13-px text
