"""The Methods page's sections: the glossary, every dated event by kind, how the long series is
spliced (read from the combined table, so it stays true after a refresh) and the sources.

Each function draws one section; the page only puts them in order.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.glossary import GLOSSARY
from data_sources.acquire.fill import how_to_get
from data_sources.core.periods import day_name, month_name
from data_sources.core.vocabulary import EVENT_KINDS
from data_sources.sources.registry import SOURCES
from data_sources.tables.build import Dataset
from data_sources.tables.combine import source_spans

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


def splice_lines(southwest: pd.DataFrame) -> list[str]:
    """Which source each component's months come from, in order: '- U.S. Border Patrol: DHS …
    (October 1999 to September 2021), then CBP … (October 2021 to August 2025).'"""
    lines = []
    for component in sorted(southwest["component"].unique()):
        parts = [
            f"{SOURCES[str(key)].publisher if str(key) in SOURCES else key} "
            f"({month_name(span['first'])} to {month_name(span['last'])})"
            for key, span in source_spans(southwest, component).iterrows()
        ]
        lines.append(f"- **{component}**: " + ", then ".join(parts) + ".")
    return lines


def series_note(data: Dataset) -> None:
    """How the long series is built, with the months each source gives, read from the combined table."""
    st.header("How the long series is built")
    st.markdown(
        "Each month and component is taken from the most exact source that has it; where two sources overlap, "
        "both numbers are kept in the reconciliation table. Totals of both components start where the later "
        "component starts."
    )
    southwest = data.tables.get("southwest_monthly")
    if southwest is None or southwest.empty:
        st.info("No encounter data in this store yet; the Data & downloads page says how to get it.")
        return
    st.markdown("\n".join(splice_lines(southwest)))


def sources_list(data: Dataset) -> None:
    st.header("Sources")
    for key, source in SOURCES.items():
        absent = "" if key in data.snapshots else f" *No data in this store yet: to get it, {how_to_get(source)}.*"
        st.markdown(f"- {source.publisher}: [{source.title}]({source.landing_page}). {source.description}{absent}")
