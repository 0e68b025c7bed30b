"""Charts of the cards that look beyond the U.S. border: yearly series of the Darién, Mexico and the
U.S. side by side, and published caravan sizes as ranges. Each builder draws every row of its spec's
frame once (a point or a bar), so the CSV under a chart holds exactly what it shows.

Text that came from files (who estimated, outlets) reaches hover labels only through `escape_html`;
axis labels and trace names are escaped when the page draws the figure (`style.sanitised`).
"""

from __future__ import annotations

from typing import cast

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.style import (
    BLACK,
    BLUE,
    CLAIM_COLOUR,
    GREY,
    HOVER_CHARS,
    LABEL_CHARS,
    PURPLE,
    TITLE_CHARS,
    bar_rows_height,
    category_labels,
    layout,
    series_style,
    split_title,
    wrapped,
    x_title,
)
from data_sources.claims.context import ChartSpec, records
from data_sources.claims.evaluators.caravan_estimates import CLAIM_ROW, COUNT, PROJECTION, US_DAY, size
from data_sources.claims.evaluators.caravan_ranking import CLAIMED, COMPARED, NAMED, OTHER
from data_sources.core.safe_text import escape_html

SYMBOLS = {"at_least": "triangle-right", "at_most": "triangle-left"}  # open-ended estimates point the open way
ROLE_COLOURS = {CLAIMED: CLAIM_COLOUR, COMPARED: BLUE, NAMED: PURPLE, OTHER: GREY}
PANEL_HEIGHT = 190


def _hover(text: str) -> str:
    return wrapped(escape_html(text), HOVER_CHARS)


def _symbols(frame: pd.DataFrame, open_marker: bool = False) -> list[str]:
    return [SYMBOLS.get(q, "circle") + ("-open" if open_marker else "") for q in frame["qualifier"]]


def _estimates(rows: pd.DataFrame, y: list[str], name: str, projection: bool) -> go.Scatter:
    """One dot per estimate at its middle, whiskers to its low and high ends; projections hollow and grey."""
    middle = (rows["size_low"] + rows["size_high"]) / 2
    hover = [_hover(f"{e['estimated_by']}: {size(e)} (via {e['publisher']})") for e in records(rows)]
    return go.Scatter(
        x=middle,
        y=y,
        mode="markers",
        name=name,
        marker={
            "color": GREY if projection else BLACK,
            "size": 12 if projection else 10,
            "symbol": _symbols(rows, projection),
        },
        error_x={"type": "data", "array": rows["size_high"] - middle, "color": GREY},  # seen on light and dark
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
    )


def _years(
    years: pd.Series, counts: pd.Series, name: str, colour: str, months: pd.Series, whole_year: bool = True
) -> go.Scatter:
    """A series' whole years as a line, or its part-years as hollow dots with the months they hold."""
    return go.Scatter(
        x=years,
        y=counts,
        name=name if whole_year else f"{name}, part of a year",
        mode="lines+markers" if whole_year else "markers",
        connectgaps=False,
        line={"color": colour},
        marker={"color": colour, "size": 7 if whole_year else 9, "symbol": "circle" if whole_year else "circle-open"},
        customdata=months,
        hovertemplate="%{x}: %{y:,.0f}"
        + ("" if whole_year else " in %{customdata} months")
        + f"<extra>{escape_html(name)}</extra>",
        showlegend=False,
    )


def hemisphere_years(spec: ChartSpec) -> go.Figure:
    """One panel per series (their sizes differ tenfold), years on a shared axis; partial years hollow and
    unconnected, so a part-year never reads as a fall; the claim's year shaded."""
    frame = spec.frame
    series = list(dict.fromkeys(frame["series"]))
    titles = [wrapped(f"{name}: {frame.loc[frame['series'] == name, 'what'].iloc[0]}", TITLE_CHARS) for name in series]
    fig = make_subplots(rows=len(series), cols=1, shared_xaxes=True, vertical_spacing=0.1, subplot_titles=titles)
    for row, name in enumerate(series, start=1):
        rows, colour = frame[frame["series"] == name], series_style(name).colour
        whole = rows["count"].where(rows["complete"])  # a part-year leaves a gap in the line: never a dip
        fig.add_trace(_years(rows["year"], whole, name, colour, rows["months"]), row=row, col=1)
        part = rows[~rows["complete"]]
        if not part.empty:
            fig.add_trace(
                _years(part["year"], part["count"], name, colour, part["months"], whole_year=False), row=row, col=1
            )
    head, tail = split_title(spec.title)
    fig = layout(fig, head, "", subtitle=f"{tail}; open markers: part of a year only")
    for annotation in fig.layout.annotations:  # the panel titles, left-aligned so they stay on a phone's screen
        annotation.update(x=0, xanchor="left", align="left")
    year = cast(int, spec.options["highlight"])
    fig.add_vrect(x0=year - 0.5, x1=year + 0.5, row="all", col=1, fillcolor=GREY, opacity=0.15, line_width=0)
    # room between the subtitle and the first panel's title, which sits above the plot area
    fig.update_layout(hovermode="closest", height=140 + PANEL_HEIGHT * len(series), title_pad_b=40)
    fig.update_xaxes(tickformat="d", dtick=5)
    return fig


def caravan_estimates(spec: ChartSpec) -> go.Figure:
    """The claim, each published estimate (count or projection) and one average U.S. day, a row each;
    the range of counts shaded."""
    frame = spec.frame
    labels = category_labels(frame["label"], LABEL_CHARS + 4)  # names of estimators: two lines, not three
    fig = go.Figure()
    claim = frame["what"] == CLAIM_ROW
    fig.add_trace(
        go.Scatter(
            x=frame.loc[claim, "size_low"],
            y=[label for label, keep in zip(labels, claim, strict=True) if keep],
            mode="markers",
            name="The article",
            marker={"color": CLAIM_COLOUR, "size": 13, "symbol": "diamond"},
            hovertemplate="The article: %{x:,.0f}<extra></extra>",
        )
    )
    for what, name in ((COUNT, "Count"), (PROJECTION, "Projection, not a count")):
        keep = frame["what"] == what
        if keep.any():
            fig.add_trace(_estimates(frame[keep], _picked(labels, keep), name, what == PROJECTION))
    us = frame["what"] == US_DAY
    if us.any():
        fig.add_trace(
            go.Bar(
                x=frame.loc[us, "size_high"],
                y=_picked(labels, us),
                orientation="h",
                name="U.S. encounters, one average day",
                marker_color=[series_style(c).colour for c in frame.loc[us, "estimated_by"]],
                opacity=0.8,
                hovertemplate="%{x:,.0f} encounters<extra></extra>",
            )
        )
    low, high = cast(tuple[int, int], spec.options["range"])
    fig.add_vrect(x0=low, x1=high, fillcolor=PURPLE, opacity=0.12, line_width=0)
    head, tail = split_title(spec.title)
    fig = layout(fig, head, "", subtitle=f"{tail}; shaded: the range of counts")
    fig.update_layout(hovermode="closest", height=bar_rows_height(labels, 330))
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed", rangemode="normal")
    x_title(fig, "People, or encounters in a day")
    return fig


def caravan_ranges(spec: ChartSpec) -> go.Figure:
    """Each caravan a row: a bar over the range of its counts, coloured by its part in the claim, and a
    dot per published estimate."""
    frame = spec.frame
    caravans = list(dict.fromkeys(frame["caravan"]))
    ranges = frame.drop_duplicates("caravan").dropna(subset=["caravan_low"])
    names = _role_names(frame)
    fig = go.Figure()
    for role in ROLE_COLOURS:  # the legend reads from the claim's caravan down
        rows = ranges[ranges["role"] == role]
        if rows.empty:
            continue
        low, high = rows["caravan_low"].astype(float), rows["caravan_high"].astype(float)
        fig.add_trace(
            go.Bar(
                base=low,
                x=high - low,
                y=rows["caravan"],
                orientation="h",
                name=names[role],
                marker_color=ROLE_COLOURS[role],
                opacity=0.45,
                customdata=_hover_list(
                    [
                        f"{c}: counts {lo:,.0f} to {hi:,.0f}"
                        for c, lo, hi in zip(rows["caravan"], low, high, strict=True)
                    ]
                ),
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    for kind, name in ((COUNT, "Estimate (count)"), (PROJECTION, "Projection, not a count")):
        rows = frame[frame["estimate_kind"] == kind]
        if not rows.empty:
            fig.add_trace(_estimates(rows, list(rows["caravan"]), name, kind == PROJECTION))
    head, tail = split_title(spec.title)
    fig = layout(fig, head, "", subtitle=f"{tail}; bars span each caravan's counts")
    fig.update_layout(hovermode="closest", barmode="overlay", height=bar_rows_height(caravans, 260))
    fig.update_yaxes(categoryorder="array", categoryarray=caravans, autorange="reversed", rangemode="normal")
    x_title(fig, "People, as reported")
    return fig


def _picked(labels: list[str], keep: pd.Series) -> list[str]:
    return [label for label, chosen in zip(labels, keep, strict=True) if chosen]


def _hover_list(texts: list[str]) -> list[str]:
    return [_hover(text) for text in texts]


def _role_names(frame: pd.DataFrame) -> dict[str, str]:
    """Legend names: which caravan is the claim's, which one it names, and those in between."""
    named = frame.loc[frame["role"] == NAMED, "caravan"]
    since = f"after {named.iloc[0]}" if not named.empty else "before it"
    return {
        CLAIMED: "The article's caravan",
        NAMED: f"{named.iloc[0]} (named)" if not named.empty else "Named caravan",
        COMPARED: f"Caravans {since}",
        OTHER: "Other caravans",
    }
