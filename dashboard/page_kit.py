"""The lightest building blocks of a page: the reader's theme, the chart settings and the error
boundary. Only Streamlit is imported, so the landing page can use them without pandas (see
`card_views.py`); `ui.py` re-exports them for the other pages."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

log = logging.getLogger("dashboard")
# No Plotly toolbar: on a phone it covers the title, and zoom (drag, double-click to reset) works without it.
CHART_CONFIG = {"displayModeBar": False, "responsive": True}
EVENTS_KEY = "show_events"


def dark_theme() -> bool:
    """Whether the reader's page is dark (Streamlit reports the theme the browser shows). A theme
    switched while a page is open reaches the charts at the next rerun (Streamlit issue 11920)."""
    return st.context.theme.type == "dark"


def events_wanted() -> bool:
    """The events switch's current position, read without drawing it (a page that draws the switch
    after its first chart; see `cards.article_cards`)."""
    return bool(st.session_state.get(EVENTS_KEY, True))


def show_events() -> bool:
    """The sidebar switch for event markers on charts (one switch, the same key on every page)."""
    return st.sidebar.toggle("Show events on charts", value=True, key=EVENTS_KEY)


def notes(markdown: str, csv_text: bytes | str, file_name: str, key: str) -> None:
    """Beside a CSV download, folded away: what each column means, and the same as a CSV file (the
    data file itself holds only the rows drawn)."""
    with st.expander("What the columns mean"):
        st.markdown(markdown)
        st.download_button(
            "What the columns mean (CSV)",
            csv_text,
            file_name=f"{file_name.removesuffix('.csv')}_columns.csv",
            mime="text/csv",
            key=f"columns-{key}",
            icon=":material/download:",
        )


def friendly(render: Callable[[], None]) -> None:
    """Run a page; on any error show a plain message (details go to the server log, never the page)."""
    try:
        render()
    except Exception:
        log.exception("page failed")
        st.error(
            "Sorry, this page could not be drawn. The problem has been logged. "
            "Try reloading; if it persists, the Data & downloads page shows whether the data is intact."
        )
