#!/usr/bin/env bash
# Set everything up and start the dashboard on the embedded snapshot in cache/ (no network needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python -m data_sources build
exec .venv/bin/python -m streamlit run dashboard/app.py --server.headless true "$@"
