#!/usr/bin/env bash
# ETL benchmarks: RIS cold/rerun times, then the whole offline ETL into a fresh warehouse
# (wall time and peak memory of `rusmon etl`). Prints its figures; fails only if a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${RUSMON_SOURCES_DIR:-../shared/data}"
.venv/bin/python bench/etl_ris.py --file "$SHARED/ris/RIS_2023.xlsx"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export RUSMON_DATABASE_URL="duckdb:///$tmp/rusmon.duckdb" RUSMON_RAW_DIR="$tmp/raw"
export RUSMON_SOURCES_DIR="$SHARED" RUSMON_OFFLINE=1
for pass in "kall" "oförändrad"; do
    /usr/bin/time -f "%e %M" -o "$tmp/time" .venv/bin/rusmon etl >"$tmp/log" 2>&1 || {
        cat "$tmp/log"; exit 1; }
    read -r seconds kilobytes <"$tmp/time"
    printf 'hela offline-ETL:n (%s): %5.2f s, högst %d MB minne\n' \
        "$pass" "$seconds" "$((kilobytes / 1024))"
done
