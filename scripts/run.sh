#!/usr/bin/env bash
# Set everything up and start the dashboard. An empty store fills itself first: from the folders of
# files as published named by BORDER_DATA_DIR (default ../shared/data/raw and
# ../shared/data/hemisphere/iom-gdidata when they exist), else from the publishers. Whatever cannot
# be had, the dashboard starts anyway and says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python -m data_sources fill || echo "Some datasets are missing; the dashboard names them and how to get them."
.venv/bin/python -m data_sources build
# The landing page's claim cards, built once for this data, so a first visit only reads a file.
.venv/bin/python -m dashboard.prebuilt || echo "The claim cards will be built on the first visit instead."
exec .venv/bin/python -m streamlit run dashboard/app.py --server.headless true "$@"
