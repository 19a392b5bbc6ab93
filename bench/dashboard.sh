#!/usr/bin/env bash
# Dashboard benchmark: gunicorn with 2 workers on 127.0.0.1 over a warehouse built offline from
# ../shared/data; wrk drives each main callback (recorded from a real browser) at 8 connections
# for 10 s and prints req/s, p50, p99 and errors; Playwright times navigation to the first chart;
# finally the largest worker's memory (RSS). Targets: p99 ≤ 100 ms, 0 errors, first chart
# ≤ 1.5 s, worker < 300 MB. The maps: their callbacks and geometry under wrk like the rest,
# the first map drawn ≤ 1.5 s after navigation, and what a first visit transfers for the map
# (Europe ≤ 1 MB with its geometry).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${RUSMON_SOURCES_DIR:-../shared/data}"
PORT="${BENCH_PORT:-8071}"
DURATION="${BENCH_SECONDS:-10}"
command -v wrk >/dev/null || { echo "wrk saknas: apt-get install wrk" >&2; exit 1; }

tmp=$(mktemp -d)
cleanup() { [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export RUSMON_DATABASE_URL="duckdb:///$tmp/rusmon.duckdb" RUSMON_RAW_DIR="$tmp/raw"
export RUSMON_SOURCES_DIR="$SHARED" RUSMON_OFFLINE=1
echo "bygger lagret offline från $SHARED …"
.venv/bin/rusmon etl >"$tmp/etl.log" 2>&1 || { cat "$tmp/etl.log"; exit 1; }

.venv/bin/gunicorn --workers 2 --bind "127.0.0.1:$PORT" --timeout 60 \
    --error-logfile "$tmp/server.log" dashboard.wsgi:server &
server=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$PORT/jamfor" >/dev/null 2>&1 && break
    sleep 0.2
done

.venv/bin/python bench/dashboard_browser.py "http://127.0.0.1:$PORT" "$tmp/bodies"

printf '\n%-24s %9s %9s %9s %7s %8s\n' "callback" "req/s" "p50 ms" "p99 ms" "fel" "anrop"
for body in "$tmp"/bodies/*.json; do
    name=$(basename "$body" .json)
    endpoint=$(cat "${body%.json}.url")
    # one warm-up pass so each worker has read the warehouse once
    BODY="$body" wrk -t 2 -c 8 -d 2s -s bench/dash_callback.lua "$endpoint" >/dev/null
    line=$(BODY="$body" wrk -t 2 -c 8 -d "${DURATION}s" --timeout 5s -s bench/dash_callback.lua \
        "$endpoint" | grep '^RESULT')
    read -r _ rps p50 p99 errors requests <<<"$line"
    printf '%-24s %9s %9s %9s %7s %8s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$requests"
done

# the maps' geometry, served from the warehouse (GET, cached per warehouse version)
for set in ris-2023 se-3; do
    endpoint="http://127.0.0.1:$PORT/kartor/$set.geojson"
    wrk -t 2 -c 8 -d 2s -s bench/map_geometry.lua "$endpoint" >/dev/null
    line=$(wrk -t 2 -c 8 -d "${DURATION}s" --timeout 5s -s bench/map_geometry.lua "$endpoint" \
        | grep '^RESULT')
    read -r _ rps p50 p99 errors requests <<<"$line"
    printf '%-24s %9s %9s %9s %7s %8s\n' "geometri-$set" "$rps" "$p50" "$p99" "$errors" "$requests"
done

.venv/bin/python bench/dashboard_views.py

echo
for pid in $(pgrep -P "$server"); do
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    printf 'gunicorn-arbetare %s: %d MB RSS (mål < 300 MB)\n' "$pid" "$((rss_kb / 1024))"
done
