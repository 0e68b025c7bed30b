"""Reference: a naive landing page that re-reads and re-reshapes the raw files on every rerun."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dashboard import charts
from data_sources.claims.articles import load_articles
from data_sources.claims.evaluate import evaluate
from data_sources.tables.build import build, default_store, usable_snapshots

store = default_store()
snapshots, _ = usable_snapshots(store)
tables = build(store, snapshots)  # no cache: every rerun parses every raw file again
article = load_articles()[0][0]
st.title(article.title)
for claim in article.claims:
    context = evaluate(claim, tables)
    for sentence in context.sentences:
        st.markdown(f"- {sentence}")
    for spec in context.charts:
        st.plotly_chart(charts.build(spec), theme=None)
