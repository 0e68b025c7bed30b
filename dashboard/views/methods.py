"""Methods & glossary: what the words and the numbers mean, with dates read from the events file."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import dataset
from dashboard.glossary import GLOSSARY
from data_sources.acquire.fill import how_to_get
from data_sources.claims.wording import day_name
from data_sources.sources.registry import SOURCES


def policy_dates() -> None:
    events = dataset().tables["events"]
    policies = events[events["kind"] == "policy"].sort_values("start_date")
    for event in policies.to_dict("records"):
        ends = f" to {day_name(event['end_date'])}" if event["end_date"] == event["end_date"] else ""
        st.markdown(
            f"- **{day_name(event['start_date'])}{ends}**: {event['description']} "
            f"([{event['source_title']}]({event['source_url']}))"
        )


def render() -> None:
    st.title("Methods & glossary")
    for term, meaning in GLOSSARY.items():
        st.markdown(f"**{term}.** {meaning}")
    st.subheader("Policy dates that shape the series")
    policy_dates()
    st.subheader("How the long series is built")
    st.markdown(
        "Border Patrol history from FY2000 comes from DHS OHSS; from FY2022 on, CBP's exact counts replace it. "
        "The rule is a data file (`data_sources/reference/splice_rules.csv`): for each month, the highest-priority "
        "source that has it wins. OFO counts start in FY2022 in our sources, so totals of both components start there."
    )
    st.subheader("Sources")
    held = dataset().snapshots
    for key, source in SOURCES.items():
        absent = "" if key in held else f" *No data in this store yet: to get it, {how_to_get(source)}.*"
        st.markdown(f"- {source.publisher}: [{source.title}]({source.landing_page}). {source.description}{absent}")


ui.friendly(render)
