"""Border Numbers in Context: fetch, validate and reshape public border-encounter data.

This package never imports streamlit: everything here works from a notebook or the command line
(`python -m data_sources --help`). The dashboard in `dashboard/` only reads what this builds.
"""
