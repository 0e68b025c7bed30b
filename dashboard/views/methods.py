"""Methods & glossary: what the words and the numbers mean, with dates read from the events file."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import dataset
from data_sources.acquire.fill import how_to_get
from data_sources.claims.wording import day_name
from data_sources.sources.registry import SOURCES

GLOSSARY = {
    "Encounter": "Any time CBP meets someone it can refuse entry to: a Border Patrol apprehension, an OFO "
    "inadmissible, or a Title 42 expulsion. An encounter is an event, not a person: someone expelled and caught "
    "again is counted each time.",
    "Apprehension": "A Border Patrol arrest of someone who crossed between ports of entry (Title 8).",
    "Inadmissible": "Someone who came to a port of entry and was found not admissible, counted by the Office of "
    "Field Operations (OFO). Since 2023 this includes people who booked a CBP One appointment to present there.",
    "Expulsion": "A quick return under the Title 42 public-health order, without an immigration case.",
    "Title 8 vs Title 42": "Title 8 is ordinary immigration law (removal, asylum screening). Title 42 is a "
    "public-health power used to expel people at the border during the pandemic.",
    "Fiscal year": "The federal year from 1 October to 30 September: December 2023 is in FY2024.",
    "Per-day average": "The month's encounters divided by its days, so a 28-day February and a 31-day March "
    "compare fairly. Monthly data cannot show single days.",
    "Rounding in OHSS files": "DHS's statistics office rounds every count to the nearest 10. Totals of rounded "
    "numbers can differ from exact counts by a few tens.",
    "Revisions between releases": "Each monthly CBP release restates earlier months a little as records are "
    "updated. We keep every vintage and show the differences (the reconciliation table on Data & downloads).",
    "Components": "U.S. Border Patrol (USBP) works between ports of entry; the Office of Field Operations (OFO) "
    "staffs the ports.",
}


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
