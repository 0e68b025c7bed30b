"""Ports of entry: crossings at a port with its closures shaded, the same months a year earlier,
the change in closure months, the Border Patrol sector around it, and a map of all ports."""

from __future__ import annotations

import streamlit as st

from dashboard import port_controls as controls
from dashboard import ui
from dashboard.charts import ports as charts
from dashboard.data import dataset
from data_sources.tables.ports import closure_key, port_series, shared_range


def render() -> None:
    data = dataset()
    st.title("Ports of entry")
    crossings = data.tables.get("port_crossings_monthly")
    if crossings is None:
        ui.explain_missing(data, ["bts_crossings"])
        return
    st.caption(
        "BTS inbound crossings count vehicles, people or containers per crossing, not unique people. "
        "Months a port did not report are missing, not zero. Monthly data cannot show a closure of a few days. "
        + controls.PORT_CODE
    )
    events, effects = data.tables["events"], data.tables["port_closure_effects"]
    code = controls.pick_port(crossings, data.tables["port_sectors"])
    key = closure_key(events, code)
    measures = controls.pick_measures(crossings, effects, code)
    if not measures:
        st.info("Pick at least one measure to draw.")
        return
    series = port_series(crossings, code, measures)
    fig = charts.volume(series, key, ui.event_markers(events), shared_range(series["month"]))
    ui.chart_with_download(fig, series, f"port_{code}_crossings_monthly.csv", "port-volume")
    controls.closure_key(key)
    port = str(series["port_name"].iloc[0])
    controls.effects_table(effects[effects["port_code"] == code], key, port)
    controls.sector_section(data, code, port, key, series["month"])
    controls.map_section(crossings, events, code, measures)
    st.caption(ui.source_line(data, ["bts_crossings", "ohss_usbp", "events"]))


ui.friendly(render)
