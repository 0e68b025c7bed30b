"""Ports of entry: crossings at a port with its closures shaded, the same months a year earlier,
the change in closure months, the Border Patrol sector around it, and a map of all ports."""

from __future__ import annotations

import streamlit as st

from dashboard import port_controls as controls
from dashboard import ui
from dashboard.charts import ports as charts
from dashboard.data import dataset
from data_sources.tables.derived import select_sectors
from data_sources.tables.ports import port_map, port_series


def slug(name: str) -> str:
    return name.replace(" ", "_").lower()


def render() -> None:
    data = dataset()
    st.title("Ports of entry")
    crossings = data.tables.get("port_crossings_monthly")
    if crossings is None:
        ui.explain_missing(data, ["bts_crossings"])
        return
    st.caption(
        "BTS inbound crossings count vehicles, people or containers per crossing, not unique people. "
        "Months a port did not report are missing, not zero. Monthly data cannot show a closure of a few days."
    )
    events, effects = data.tables["events"], data.tables["port_closure_effects"]
    code = controls.pick_port(crossings, data.tables["port_sectors"])
    closures = controls.port_closures(events, code)
    measures = controls.pick_measures(crossings, effects, code)
    if not measures:
        st.info("Pick at least one measure to draw.")
        return
    series = port_series(crossings, code, measures)
    fig = charts.volume(series, closures, ui.event_markers(events))
    ui.chart_with_download(fig, series, f"port_{code}_crossings_monthly.csv", "port-volume")
    controls.effects_table(effects[effects["port_code"] == code])
    sector = data.tables["port_sectors"].set_index("port_code")["sector"].get(code)
    if sector and ui.explain_missing(data, ["ohss_usbp"]):
        rows = select_sectors(data.tables["sector_per_day"], [sector], series["month"].min(), series["month"].max())
        ui.chart_with_download(
            charts.sector(rows, sector, closures), rows, f"sector_{slug(sector)}_per_day.csv", "port-sector"
        )
    month, measure = controls.pick_map(crossings, events, code, measures)
    frame = port_map(crossings, month, measure, controls.closed_ports(events))
    ui.chart_with_download(
        charts.ports_map(frame, measure, month), frame, f"ports_map_{slug(measure)}_{month:%Y-%m}.csv", "port-map"
    )
    st.caption(ui.source_line(data, ["bts_crossings", "ohss_usbp", "events"]))


ui.friendly(render)
