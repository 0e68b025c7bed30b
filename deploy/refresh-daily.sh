#!/bin/sh
# The one refresh job: give every source without data its data once, then look for new releases
# every day at REFRESH_AT (UTC, HH:MM; default 06:15). A failed source is reported and retried the
# next day; the current snapshots stay as they were. Replicas pick up a new vintage on their own.
set -u
python -m data_sources fill || echo "some sources have no data yet; see the lines above"
while true; do
    now=$(date -u +%s)
    next=$(date -u -d "today ${REFRESH_AT:-06:15}" +%s)
    [ "$next" -le "$now" ] && next=$(date -u -d "tomorrow ${REFRESH_AT:-06:15}" +%s)
    sleep $((next - now))
    python -m data_sources refresh || echo "refresh: some sources failed (reasons above)"
done
