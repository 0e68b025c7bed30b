"""The ports page's widgets, and the choices behind their defaults.

Every default comes from the data: the ports of the reference list first, the measures a closure
at the port touched, and for the map the latest month in which a closure on record started (when
the crossings data covers it; otherwise the last month of data).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_sources.core.periods import month_start
from data_sources.core.vocabulary import CLOSURE_KINDS

FALLBACK_MEASURES = ("Personal Vehicles", "Pedestrians")  # for a port without a closure on record


def pick_port(crossings: pd.DataFrame, listed: pd.DataFrame) -> str:
    """A port, from the link's `?port=` if it names one; the listed ports come first."""
    ports = crossings.drop_duplicates("port_code").set_index("port_code")
    codes = list(listed["port_code"]) + sorted(set(ports.index) - set(listed["port_code"]))
    wanted = st.query_params.get("port", codes[0])
    code = st.selectbox(
        "Port",
        codes,
        index=codes.index(wanted) if wanted in codes else 0,
        format_func=lambda c: f"{ports.loc[c, 'port_name']}, {ports.loc[c, 'state']} ({c})",
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


def port_closures(events: pd.DataFrame, code: str) -> pd.DataFrame:
    """The closures at a port, each labelled with the crossing's short name."""
    return events[events["port_code"] == code].assign(label=lambda f: f["place"].str.split(",").str[0])


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


def effects_table(effects: pd.DataFrame) -> None:
    """Each closure month of a port against the same month a year earlier, when it has any."""
    if effects.empty:
        return
    st.subheader("Closure months against the same month a year earlier")
    st.dataframe(
        effects.drop(columns=["port_code", "state"]),
        hide_index=True,
        column_config={"month": st.column_config.DateColumn(format="MMM YYYY")},
    )
