"""Curated, cited reference lists that ship with the package (not with the snapshot cache).

`events.csv` and `published_figures.csv` cite each row by publisher, title, date and URL; their
descriptions and notes are the project's own words. `port_sectors.csv`, `citizenship_groups.csv`,
`closure_measures.csv` and `splice_rules.csv` are the project's own lookup tables. See README.md.
"""

from __future__ import annotations

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
