"""The ports page's widgets and sections, and the choices behind their defaults.

Every default comes from the data: the ports of the reference list first, the measures a closure
at the port touched, and for the map the latest month in which a closure on record started (when
the crossings data covers it; otherwise the last month of data). A section with nothing to show
says so and why, rather than vanishing.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.charts import ports as charts
from data_sources.core.periods import month_start
from data_sources.core.safe_text import escape_markdown
from data_sources.core.vocabulary import CLOSURE_KINDS
from data_sources.tables.build import Dataset
from data_sources.tables.combine import sector_differences, sector_source_note
from data_sources.tables.derived import select_sectors
from data_sources.tables.port_map import border_outlines, map_box, map_labels, port_map
from data_sources.tables.ports import UNUSUAL_GAP, USUAL_MONTHS, closure_table, coverage_note

FALLBACK_MEASURES = ("Personal Vehicles", "Pedestrians")  # for a port without a closure on record
PORT_CODE = (
    "The number after a port's name is its CBP port code: the four-digit code CBP and the BTS crossing "
    "data use for a port of entry. Ports whose codes share the first two digits are in the same CBP district."
)


def pick_port(crossings: pd.DataFrame, listed: pd.DataFrame) -> str:
    """A port, from the link's `?port=` if it names one; the listed ports come first."""
    ports = crossings.drop_duplicates("port_code").set_index("port_code")
    codes = list(listed["port_code"]) + sorted(set(ports.index) - set(listed["port_code"]))
    wanted = st.query_params.get("port", codes[0])
    code = st.selectbox(
        "Port (CBP port code)",
        codes,
        index=codes.index(wanted) if wanted in codes else 0,
        format_func=lambda c: f"{ports.loc[c, 'port_name']}, {ports.loc[c, 'state']} ({c})",
        help=PORT_CODE,
    )
    st.query_params["port"] = code
    return str(code)


def measures_at(crossings: pd.DataFrame, code: str) -> list[str]:
    return sorted(crossings.loc[crossings["port_code"] == code, "measure"].unique())


def pick_measures(crossings: pd.DataFrame, effects: pd.DataFrame, code: str) -> list[str]:
    """The measures to draw; at first, those a closure at this port touched."""
    available = measures_at(crossings, code)
    touched = sorted(set(effects.loc[effects["port_code"] == code, "measure"])) or FALLBACK_MEASURES
    return st.multiselect("Measures", available, default=[m for m in touched if m in available])


def closed_ports(events: pd.DataFrame) -> set[str]:
    return set(events.loc[events["kind"].isin(CLOSURE_KINDS), "port_code"].dropna())


def default_map_month(months: list[str], events: pd.DataFrame) -> str:
    """The latest month (YYYY-MM) in which a closure on record started and the data has crossings, else the last."""
    started = events.loc[events["kind"].isin(CLOSURE_KINDS), "start_date"].dt.strftime("%Y-%m")
    covered = sorted(set(started) & set(months))
    return covered[-1] if covered else months[-1]


def pick_map(crossings: pd.DataFrame, events: pd.DataFrame, code: str, measures: list[str]) -> tuple[pd.Timestamp, str]:
    """The map's month and measure; the measures drawn above come first."""
    months = sorted(crossings["month"].dt.strftime("%Y-%m").unique())
    month = st.select_slider("Map month", months, value=default_map_month(months, events))
    options = measures + [m for m in measures_at(crossings, code) if m not in measures]
    return month_start(month), str(st.selectbox("Map measure", options, key="map-measure"))


def closure_key(key: pd.DataFrame) -> None:
    """What each number on the charts stands for: the crossing, its dates and what happened."""
    lines = [
        f"- **{number}** · {escape_markdown(f'{crossing}, {dates}: {description}')}"
        for number, crossing, dates, description in key[["number", "crossing", "dates", "description"]].itertuples(
            index=False
        )
    ]
    st.markdown("\n".join(lines))


def effects_table(effects: pd.DataFrame, key: pd.DataFrame, port: str) -> None:
    """Each closure month of a port against the same month a year earlier, or why there is none."""
    st.subheader("Closure months against the same month a year earlier")
    if effects.empty:
        st.info(
            f"No closure on record at {port}, so there is nothing to compare: closure months appear only for "
            "ports where the dashboard's events list (Methods & glossary) records a port or rail closure.",
            icon=":material/info:",
        )
        return
    st.dataframe(closure_table(effects, key), hide_index=True)  # text shown as text; scrolls sideways on a phone
    st.caption(
        "Change: against the same month a year earlier, since border traffic is seasonal. Where that month was "
        f"unusual (more than {UNUSUAL_GAP:.0%} away from the median of the {USUAL_MONTHS} months on each side of "
        "it), the change is marked and the Note gives the change against that usual level instead. Days closed: "
        "the days of the month a closure was in force, its first day and the day it reopened both counted; a month "
        "two closures shared is one row, naming both."
    )


def sector_section(data: Dataset, code: str, port: str, key: pd.DataFrame, crossings: pd.Series) -> None:
    """Border Patrol encounters per day in the sector around the port, on the crossings chart's time range."""
    st.subheader("Border Patrol encounters in the sector around the port")
    listed = data.tables["port_sectors"]
    sector = listed.set_index("port_code")["sector"].get(code)
    if sector is None:
        st.info(
            f"No sector chart for {port}: the Border Patrol sector around it is not in the dashboard's list of "
            f"ports and sectors, which so far names only the ports with a closure on record "
            f"({', '.join(listed['port_name'])}). The Encounters explorer draws every Southwest sector.",
            icon=":material/info:",
        )
        return
    if not ui.explain_missing(data, ["ohss_usbp"]):
        return
    span = (crossings.min(), crossings.max())
    days = data.tables["sector_per_day"]
    rows = select_sectors(days, [sector], *span)
    if rows.empty:
        known = days.loc[days["sector"] == sector, "month"]
        st.info(
            f"No Border Patrol figures for the {sector} sector from {span[0]:%b %Y} to {span[1]:%b %Y}: "
            + (
                f"they run from {known.min():%b %Y} to {known.max():%b %Y}."
                if not known.empty
                else "the OHSS figures have no rows for it."
            ),
            icon=":material/info:",
        )
        return
    note = coverage_note({"Border Patrol sector figures": rows["month"], "port crossings": crossings})
    differences = sector_differences(data.tables["reconciliation"]) if "reconciliation" in data.tables else None
    source = "" if differences is None else sector_source_note(differences, [sector], *span)
    st.caption(f"Drawn on the same months as the crossings chart above. {note} {escape_markdown(source)}")
    fig = charts.sector(rows, sector, key, span)
    ui.chart_with_download(fig, rows, f"sector_{sector.replace(' ', '_').lower()}_per_day.csv", "port-sector")


def map_section(crossings: pd.DataFrame, events: pd.DataFrame, code: str, measures: list[str]) -> None:
    """Every port on a map of the border, circle area by volume in one month."""
    st.subheader("All land ports on the U.S.–Mexico border")
    month, measure = pick_map(crossings, events, code, measures)
    frame = port_map(crossings, month, measure, closed_ports(events))
    if frame.empty:
        st.info(
            f"No port reported {measure.lower()} in {month:%B %Y}, so there is no map for it.", icon=":material/info:"
        )
        return
    box = map_box(crossings)
    land = border_outlines(box[0] - 8, box[1] - 6, box[2] + 8, box[3] + 6)  # beyond the box: a narrow screen sees more
    fig = charts.ports_map(frame, map_labels(frame, code), land, box, measure, month)
    name = f"ports_map_{measure.replace(' ', '_').lower()}_{month:%Y-%m}.csv"
    ui.chart_with_download(fig, frame, name, "port-map")
    st.caption(
        "Named on the map: the ports with a closure on record and the busiest few; hover over or tap any circle "
        "for its name, CBP port code and count. Border and coasts: Natural Earth (public domain)."
    )
