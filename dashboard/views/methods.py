"""Methods & glossary: what the words and the numbers mean, every dated event the charts mark
(grouped by kind), how the long series is spliced, and the sources."""

from __future__ import annotations

import streamlit as st

from dashboard import methods_panels as panels
from dashboard import ui
from dashboard.data import dataset


def render() -> None:
    data = dataset()
    st.title("Methods & glossary")
    panels.glossary()
    panels.events_list(data.tables["events"])
    panels.series_note(data)
    panels.sources_list(data)


ui.friendly(render)
