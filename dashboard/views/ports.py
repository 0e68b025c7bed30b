"""Ports of entry: crossings at a port with its closures shaded, the same months a year earlier,
the change in closure months, the Border Patrol sector around it, and a map of all ports."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, ui
from dashboard.data import dataset
from data_sources.claims.evaluate import sector_per_day
from data_sources.tables.ports import port_map, port_series

DEFAULT_MEASURES = ["Personal Vehicles", "Pedestrians"]


def pick_port(crossings: pd.DataFrame, article_ports: pd.DataFrame) -> str:
    ports = crossings.drop_duplicates("port_code").set_index("port_code")
    codes = list(article_ports["port_code"]) + sorted(set(ports.index) - set(article_ports["port_code"]))
    wanted = st.query_params.get("port", codes[0])
    code = st.selectbox(
        "Port",
        codes,
        index=codes.index(wanted) if wanted in codes else 0,
        format_func=lambda c: f"{ports.loc[c, 'port_name']}, {ports.loc[c, 'state']} ({c})",
    )
    st.query_params["port"] = code
    return str(code)


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
    code = pick_port(crossings, data.tables["port_sectors"])
    events, effects = data.tables["events"], data.tables["port_closure_effects"]
    closures = events[events["port_code"] == code].assign(label=lambda f: f["place"].str.split(",").str[0])
    affected = sorted(set(effects.loc[effects["port_code"] == code, "measure"])) or DEFAULT_MEASURES
    available = sorted(crossings.loc[crossings["port_code"] == code, "measure"].unique())
    measures = st.multiselect("Measures", available, default=[m for m in affected if m in available])
    if not measures:
        st.info("Pick at least one measure to draw.")
        return
    series = port_series(crossings, code, measures)
    name = series["port_name"].iloc[0] if not series.empty else code
    fig = charts.port_volume(
        series,
        closures,
        f"{name}: inbound crossings per month, {series['month'].min():%b %Y}–{series['month'].max():%b %Y}",
    )
    markers = ui.event_markers(events)
    if markers is not None and not series.empty:
        charts.add_events(fig, charts.within(markers, series["month"]))
    ui.chart_with_download(fig, series, f"port_{code}_crossings_monthly.csv", "port-volume")
    port_effects = effects[effects["port_code"] == code]
    if not port_effects.empty:
        st.subheader("Closure months against the same month a year earlier")
        st.dataframe(
            port_effects.drop(columns=["port_code", "state"]),
            hide_index=True,
            column_config={"month": st.column_config.DateColumn(format="MMM YYYY")},
        )
    sector = data.tables["port_sectors"].set_index("port_code")["sector"].get(code)
    if sector and ui.explain_missing(data, ["ohss_usbp"]):
        rows = sector_per_day(data.tables["ohss_usbp_sector"], [sector], series["month"].min(), series["month"].max())
        sector_fig = charts.shade_closures(
            charts.lines(
                rows,
                "month",
                "per_day",
                "sector",
                f"Border Patrol {sector} sector: encounters per day around this port",
                "Encounters per day",
            ),
            closures,
        )
        ui.chart_with_download(
            sector_fig, rows, f"sector_{sector.replace(' ', '_').lower()}_per_day.csv", "port-sector"
        )
    month = pd.Timestamp(
        st.select_slider("Map month", sorted(crossings["month"].dt.strftime("%Y-%m").unique()), value="2023-12")
    )
    options = measures + [m for m in available if m not in measures]
    measure = st.selectbox("Map measure", options, key="map-measure")
    closed = set(events.loc[events["kind"].isin(["port_closure", "rail_closure"]), "port_code"].dropna())
    frame = port_map(crossings, month, measure, closed)
    ui.chart_with_download(
        charts.port_map(frame, f"U.S.–Mexico land ports: {measure.lower()}, {month:%B %Y}"),
        frame,
        f"ports_map_{measure.replace(' ', '_').lower()}_{month:%Y-%m}.csv",
        "port-map",
    )
    st.caption(ui.source_line(data, ["bts_crossings", "ohss_usbp", "events"]))


ui.friendly(render)
