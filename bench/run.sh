#!/usr/bin/env bash
# make bench: measures the server against the same machine's limits in one run and prints
# "name: value (target)" lines. Loopback only, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
duration=${BENCH_SECONDS:-10}
connections=64
data=$(mktemp -d /tmp/meldroute-bench-XXXXXX)
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$data"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }

"$build/meldroute" serve --data "$data" --listen 127.0.0.1:0 --demo > "$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$data/server.log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$data/server.log" | head -1)

token_of() {
    curl -sf -X POST "$url/api/v1/sessions" -H 'content-type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
rate_of() { sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

melder=$(token_of melder)
af=$(token_of af)
case_id=$(curl -sf "$url/api/v1/cases" -H "authorization: Bearer $af" | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -1)

echo "meldroute bench on $(nproc) cores, ${duration}s per measurement, $connections connections"
live=$(wrk -t2 -c$connections -d${duration}s "$url/health/live" | rate_of)
raw=$("$build/bench_raw_sqlite" "$data/raw" "$duration")
intake=$(MELDROUTE_TOKEN=$melder wrk -t2 -c$connections -d${duration}s -s bench/post_signal.lua "$url/api/v1/signals" | rate_of)
read_case=$(MELDROUTE_TOKEN=$af MELDROUTE_PATH=/api/v1/cases/$case_id wrk -t2 -c$connections -d${duration}s \
    -s bench/get_authorised.lua "$url" | rate_of)
read_inbox=$(MELDROUTE_TOKEN=$af MELDROUTE_PATH='/api/v1/signals?status=gemeld' wrk -t2 -c$connections -d${duration}s \
    -s bench/get_authorised.lua "$url" | rate_of)

echo "health/live rate: $live req/s"
echo "raw SQLite, one fsync'd transaction per row: $raw rows/s"
echo "durable intake: $intake req/s, $(ratio "$intake" "$live") of health/live (target >= 0.25), $(ratio "$intake" "$raw")x raw SQLite (target >= 1.5)"
echo "authorised read, GET a case: $read_case req/s, $(ratio "$read_case" "$live") of health/live (target >= 0.30)"
echo "authorised read, list the inbox: $read_inbox req/s, $(ratio "$read_inbox" "$live") of health/live (target >= 0.30)"
rss=$(awk '/VmHWM/ {print $2}' /proc/$server_pid/status)
echo "peak resident memory: $((rss / 1024)) MiB (target <= 64)"
echo
"$build/bench_domain" --benchmark_min_time=0.2
