#!/usr/bin/env bash
# Set everything up and start the dashboard. An empty store fills itself first: from the folder of
# files as published named by BORDER_DATA_DIR (default ../shared/data/raw when it exists), else from
# the publishers. Whatever cannot be had, the dashboard starts anyway and says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python -m data_sources fill || echo "Some datasets are missing; the dashboard names them and how to get them."
.venv/bin/python -m data_sources build
exec .venv/bin/python -m streamlit run dashboard/app.py --server.headless true "$@"
