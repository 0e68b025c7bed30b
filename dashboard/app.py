"""Entry point: `streamlit run dashboard/app.py`. It only sets up the page and routes."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `data_sources` imports when run by path

st.set_page_config(page_title="Border Numbers in Context", page_icon=":material/bar_chart:", layout="wide")

PAGES = Path(__file__).parent / "views"
navigation = st.navigation(
    [
        st.Page(PAGES / "article.py", title="The article in context", icon=":material/article:", default=True),
        st.Page(PAGES / "check_article.py", title="Check another article", icon=":material/fact_check:"),
        st.Page(PAGES / "explorer.py", title="Encounters explorer", icon=":material/query_stats:"),
        st.Page(PAGES / "ports.py", title="Ports of entry", icon=":material/directions_car:"),
        st.Page(PAGES / "data_downloads.py", title="Data & downloads", icon=":material/database:"),
        st.Page(PAGES / "methods.py", title="Methods & glossary", icon=":material/menu_book:"),
    ]
)
navigation.run()
