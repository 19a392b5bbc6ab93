#!/usr/bin/env bash
# Nothing lost under load: `rusmon serve` (gunicorn, 2 workers, 127.0.0.1) answers the compare
# callback for SE33 (recorded from a real browser) under wrk at 8 connections while 5 reloads
# (`rusmon etl --force`) alternate the sources NEW, OLD, NEW, OLD, NEW (bench/two_versions.py:
# NEW = OLD with RIS values ×1.01 outside the leaders, so SE33's RII and every bar move).
# Mixed response: a 2xx response holding numbers of both versions. Markers per version, taken
# from the same callback rendered on a warehouse of each version: the RII on the card
# ("124,8" vs "126,1") and the first bar of each bar trace (first 10 digits); the Lua
# hook (bench/reload_check.lua) counts responses with markers of both. Errors = non-2xx +
# socket errors. Prints requests, errors and mixed; target 0 errors and 0 mixed. Fails only
# when the benchmark cannot run or a reload fails.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${RUSMON_SOURCES_DIR:-../shared/data}"
RELOADS=5
command -v wrk >/dev/null || { echo "wrk saknas: apt-get install wrk" >&2; exit 1; }
PORT="${BENCH_PORT:-$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"

tmp=$(mktemp -d)
cleanup() {
    [[ -n "${loader:-}" ]] && kill -INT "$loader" 2>/dev/null
    [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
export RUSMON_OFFLINE=1 RUSMON_RAW_DIR="$tmp/raw"
etl() {  # etl WAREHOUSE SOURCES LOG → exit code; seconds in $tmp/seconds
    local start=$EPOCHREALTIME rc=0
    RUSMON_DATABASE_URL="duckdb:///$1" RUSMON_SOURCES_DIR="$2" \
        timeout 300 .venv/bin/rusmon etl --force >"$3" 2>&1 || rc=$?
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }' >"$tmp/seconds"
    return $rc
}

echo "förbereder källmapparna OLD och NEW och deras lager …"
.venv/bin/python bench/two_versions.py "$SHARED" "$tmp/sources" >/dev/null
OLD="$tmp/sources/old" NEW="$tmp/sources/new"
etl "$tmp/ref_old.duckdb" "$OLD" "$tmp/ref_old.log" || { tail -20 "$tmp/ref_old.log"; exit 1; }
cp "$tmp/ref_old.duckdb" "$tmp/ref_new.duckdb"
etl "$tmp/ref_new.duckdb" "$NEW" "$tmp/ref_new.log" || { tail -20 "$tmp/ref_new.log"; exit 1; }
mkdir "$tmp/live"
LIVE="$tmp/live/rusmon.duckdb"
cp "$tmp/ref_old.duckdb" "$LIVE"

RUSMON_DATABASE_URL="duckdb:///$LIVE" .venv/bin/rusmon serve --port "$PORT" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 150); do
    curl -fs "http://127.0.0.1:$PORT/jamfor" >/dev/null 2>&1 && break
    sleep 0.2
done

# the compare callback's request as the browser sends it, then the markers of each version
.venv/bin/python - "http://127.0.0.1:$PORT" "$tmp" <<'EOF'
import sys
from pathlib import Path

sys.path.insert(0, "bench")
from dashboard_browser import CHROMIUM, FLAGS, record
from playwright.sync_api import sync_playwright

base, out = sys.argv[1], Path(sys.argv[2])
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    endpoint, body = record(browser.new_page(), base + "/jamfor?region=SE33", "compare-card.children")
    browser.close()
import json
(out / "body.json").write_text(json.dumps(body))
(out / "body.url").write_text(endpoint)
EOF
for version in old new; do  # the same request answered by each version's warehouse
    .venv/bin/python - "$tmp/ref_$version.duckdb" "$tmp/body.json" "$(cat "$tmp/body.url")" \
        >"$tmp/response_$version.json" <<'EOF'
import sys
from urllib.parse import urlsplit

from dashboard.app import create_app

warehouse, body, url = sys.argv[1:]
client = create_app(f"duckdb:///{warehouse}").server.test_client()
parts = urlsplit(url)
answer = client.post(f"{parts.path}?{parts.query}", data=open(body, "rb").read(),
                     content_type="application/json")
assert answer.status_code == 200, answer.status_code
sys.stdout.write(answer.get_data(as_text=True))
EOF
done
.venv/bin/python - "$tmp" <<'EOF' >"$tmp/markers"
import json
import sys
from pathlib import Path

tmp = Path(sys.argv[1])


def card_value(node):
    if isinstance(node, dict):
        props = node.get("props", node)
        if props.get("className") == "card-value":
            return props["children"]
        node = props.get("children")
    for child in node if isinstance(node, list) else [node] if isinstance(node, dict) else []:
        found = card_value(child)
        if found is not None:
            return found
    return None


raw, markers = {}, {}
for version in ("old", "new"):
    raw[version] = (tmp / f"response_{version}.json").read_text()
    response = json.loads(raw[version])["response"]
    value = card_value(response["compare-card"]["children"])
    found = [f'"children":{json.dumps(value)},"className":"card-value"']
    # a bar's full-precision value can differ in its last digits between two renders of the
    # same data (float sums in another order), so a bar marker is its first 10 digits
    bars = [json.dumps(t["x"][0]) for t in response["compare-bars"]["figure"]["data"] if t.get("x")]
    found += [x[: 13 if x.startswith("-") else 12] for x in bars]
    markers[version] = found
for version, other in (("old", "new"), ("new", "old")):
    for text in markers[version]:
        if text not in raw[version] or text in raw[other]:
            sys.exit(f"markören {text!r} skiljer inte {version} från {other}")
        print(version, text)
EOF
echo "markörer (gammal / ny): $(awk '$1=="old"{printf "%s  ", substr($0,5)}' "$tmp/markers")/ " \
    "$(awk '$1=="new"{printf "%s  ", substr($0,5)}' "$tmp/markers")"
served() {  # which version the live server answers with now
    curl -fs -X POST -H 'Content-Type: application/json' --data @"$tmp/body.json" \
        "$(cat "$tmp/body.url")" >"$tmp/probe.json" || { echo fel; return; }
    local o=0 n=0
    while read -r version text; do
        if grep -qF -- "$text" "$tmp/probe.json"; then
            if [[ $version == old ]]; then o=$((o + 1)); else n=$((n + 1)); fi
        fi
    done <"$tmp/markers"
    local want_o want_n
    want_o=$(grep -c '^old ' "$tmp/markers") want_n=$(grep -c '^new ' "$tmp/markers")
    if ((o && n)); then echo blandat; elif ((o == want_o)); then echo old
    elif ((n == want_n)); then echo new; else echo ofullständigt; fi
}
before=$(served)

BODY="$tmp/body.json" MARKERS="$tmp/markers" wrk -t 2 -c 8 -d 900s --timeout 5s \
    -s bench/reload_check.lua "$(cat "$tmp/body.url")" >"$tmp/wrk.out" 2>&1 &
loader=$!
sleep 3
printf '\n%-9s %-7s %5s %9s\n' "omladdning" "källor" "exit" "sekunder"
reload_failures=0
for i in $(seq "$RELOADS"); do
    if ((i % 2)); then version=new dir=$NEW; else version=old dir=$OLD; fi
    rc=0
    etl "$LIVE" "$dir" "$tmp/reload$i.log" || rc=$?
    ((rc == 0)) || reload_failures=$((reload_failures + 1))
    printf '%-10s %-7s %5s %9.1f\n' "$i" "$version" "$rc" "$(cat "$tmp/seconds")"
    kill -0 "$loader" 2>/dev/null || { echo "wrk slutade före omladdning $i" >&2; break; }
    sleep 2
done
kill -INT "$loader"
wait "$loader" || true
loader=
sleep 1
after=$(served)
line=$(grep '^RESULT' "$tmp/wrk.out") || { cat "$tmp/wrk.out"; exit 1; }
read -r _ requests errors mixed old new unknown non2xx p50 p99 <<<"$line"

echo
echo "Sammanfattning: $RELOADS omladdningar (rusmon etl --force, NEW/OLD växelvis) under wrk, 8 anslutningar"
printf '  %-42s %8s\n' "anrop" "$requests" \
    "fel (icke-2xx + socketfel)" "$errors" \
    "  varav icke-2xx" "$non2xx" \
    "blandade svar (markörer från båda)" "$mixed" \
    "svar med gamla data" "$old" \
    "svar med nya data" "$new" \
    "svar utan alla markörer för en version" "$unknown" \
    "p50 / p99 ms" "$p50 / $p99" \
    "misslyckade omladdningar" "$reload_failures"
echo "  servern visade före: $before, efter sista omladdningen (NEW): $after"
if ((errors == 0 && mixed == 0)); then verdict=UPPNÅTT; else verdict="EJ UPPNÅTT"; fi
echo "  mål: 0 fel och 0 blandade svar → $verdict"
((reload_failures == 0))  # the figures are the result; a reload that fails fails the benchmark
