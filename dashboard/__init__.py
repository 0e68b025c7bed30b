"""Streamlit UI for Border Numbers in Context. Data comes only from `data_sources`."""
