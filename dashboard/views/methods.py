"""Methods & glossary: what the words and the numbers mean, and every dated event the charts mark,
read from the events table and grouped by kind."""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.data import dataset
from dashboard.glossary import GLOSSARY
from data_sources.acquire.fill import how_to_get
from data_sources.claims.wording import day_name
from data_sources.core.vocabulary import EVENT_KINDS
from data_sources.sources.registry import SOURCES

KIND_HEADINGS = dict(
    zip(
        EVENT_KINDS,
        ("Port closures", "Rail closures", "Policies", "Meetings", "Caravans", "Administrations"),
        strict=True,
    )
)
NOTES_POINTER = re.compile(r";?\s*see NOTES")  # a pointer into our research notes, meaningless to readers


def glossary() -> None:
    for section, entries in GLOSSARY.items():
        st.header(section)
        st.markdown("\n\n".join(f"**{term}.** {meaning}" for term, meaning in entries.items()))


def when(event: dict[Hashable, Any]) -> str:
    start, end = event["start_date"], event["end_date"]
    return day_name(start) + (f" to {day_name(end)}" if pd.notna(end) else "")


def event_line(event: dict[Hashable, Any]) -> str:
    """'**date to date**, place: description (source; end date: source)'."""
    place = NOTES_POINTER.sub("", str(event["place"])).replace("()", "").strip()
    sources = ui.citation(str(event["source_title"]), str(event["source_url"]))
    ending = event.get("end_source_url")
    if isinstance(ending, str) and ending and ending != event["source_url"]:
        sources += "; end date: " + ui.citation(str(event["end_source_title"]), ending)
    text = ui.escape_markdown(f"{place}: {event['description']}" if place else str(event["description"]))
    return f"- **{when(event)}**, {text} ({sources})"


def events_list(events: pd.DataFrame) -> None:
    """Every event the charts can mark, grouped by kind, oldest first."""
    st.header("Dated events")
    st.caption("Every event the charts can mark, each with the page it comes from.")
    for kind, heading in KIND_HEADINGS.items():
        rows = events[events["kind"] == kind].sort_values("start_date")
        if not rows.empty:
            st.markdown(f"### {heading}\n\n" + "\n".join(event_line(event) for event in rows.to_dict("records")))


def render() -> None:
    st.title("Methods & glossary")
    glossary()
    events_list(dataset().tables["events"])
    st.header("How the long series is built")
    st.markdown(
        "Border Patrol history from October 1999 comes from DHS's statistics office (OHSS); where CBP's exact counts "
        "exist (from fiscal year 2022 on), they replace it. For each month, the most exact source that has it wins, "
        "and every month where two sources overlap is kept with both numbers (the reconciliation table). OFO counts "
        "start in fiscal year 2022 in our sources, so totals of both components start there."
    )
    st.header("Sources")
    held = dataset().snapshots
    for key, source in SOURCES.items():
        absent = "" if key in held else f" *No data in this store yet: to get it, {how_to_get(source)}.*"
        st.markdown(f"- {source.publisher}: [{source.title}]({source.landing_page}). {source.description}{absent}")


ui.friendly(render)
