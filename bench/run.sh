#!/usr/bin/env bash
# make bench: measures the server against the same machine's limits and prints every line of the speed table of
# ../shared/product/quality.md as "name: value (target)", per store size. Loopback only, bounded in time.
#
#   BENCH_SIZES    store sizes in signals (default "10000 100000 1000000")
#   BENCH_SECONDS  seconds per load measurement (default 10)
#   BENCH_CACHE    where generated stores are kept between runs (default /tmp/meldroute-bench-cache), one
#                  directory per size and cache key (schema version and generator version, bench_generate --cache-key)
#   BENCH_PG       a postgresql:// URL (postgresql://host:port/db, a user that may create databases): the same
#                  lines are measured against the PostgreSQL store too, on a fresh database meldroute_bench_SIZE
#                  per size, filled from the same generated SQLite store (`meldroute copy-to-postgresql`); their
#                  intake is compared with the raw PostgreSQL rate of the same rows (bench_raw_postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
duration=${BENCH_SECONDS:-10}
sizes=${BENCH_SIZES:-"10000 100000 1000000"}
cache=${BENCH_CACHE:-/tmp/meldroute-bench-cache}
connections=64
# Generated stores hold every signal of several years: long terms keep the retention job from destroying them
# while the bench runs (with the default terms most of an older store would be due).
retention=(--retention zonder-casus=20y --retention standaard=20y)
work=$(mktemp -d /tmp/meldroute-bench-XXXXXX)
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }

rate_of() { sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Milliseconds of one request as curl measures it (connection included; loopback).
time_ms() { curl -sf -o /dev/null -w '%{time_total}\n' "$@" | awk '{ printf "%.1f", $1 * 1000 }'; }
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
maximum() { tr ' ' '\n' | sort -g | tail -1; }

# A generated store of $1 signals in the cache, made when missing; prints its directory.
cached_store() {
    local size=$1 key dir
    key=$("$build/bench_generate" --cache-key)
    dir="$cache/$size-$key"
    if [ ! -f "$dir/complete" ]; then
        mkdir -p "$cache"
        rm -rf "$dir.partial"
        local started older
        started=$(now_ms)
        # A store of the same generator at an older schema is brought forward by meldroute's own migrations
        # (opening it is enough; `audit verify` opens it and reads it whole), instead of generating it again.
        older=$(ls -d "$cache/$size-schema"*"-${key#*-}" 2>/dev/null | grep -v '\.partial$' | head -1 || true)
        if [ -n "$older" ] && [ -f "$older/complete" ] && cp -r "$older" "$dir.partial" &&
            "$build/meldroute" audit verify --data "$dir.partial" > /dev/null; then
            mv "$dir.partial" "$dir"
            for other in "$cache/$size-"*; do
                [ "$other" = "$dir" ] || rm -rf "$other"  # older keys of this size are of no use any more
            done
            echo "migrated the cached $size signals of $(basename "$older") in $(( ($(now_ms) - started) / 1000 )) s into $dir" >&2
            echo "$dir"
            return 0
        fi
        rm -rf "$dir.partial" "$cache/$size-"*  # older keys of this size are of no use any more
        # Only a store the generator finished is marked complete: one cut short (killed, disk full) is dropped,
        # not cached as a store of $size signals.
        if ! "$build/bench_generate" "$dir.partial" "$size" >&2; then
            rm -rf "$dir.partial"
            echo "bench_generate did not finish $size signals; nothing cached" >&2
            return 1
        fi
        touch "$dir.partial/complete"
        mv "$dir.partial" "$dir"
        echo "generated $size signals in $(( ($(now_ms) - started) / 1000 )) s into $dir" >&2
    fi
    echo "$dir"
}

# Starts the server on data directory $1 (further arguments go to serve); sets url and ready_ms.
start_server() {
    local data=$1
    shift
    local started
    started=$(now_ms)
    "$build/meldroute" serve --data "$data" --listen 127.0.0.1:0 --demo "${retention[@]}" "$@" > "$work/server.log" 2>&1 &
    server_pid=$!
    url=""
    for _ in $(seq 3000); do
        url=$(grep -o 'http://[0-9.:]*' "$work/server.log" | awk 'NR == 1' || true)
        [ -n "$url" ] && curl -sf -o /dev/null "$url/health/ready" && break
        sleep 0.005
    done
    [ -n "$url" ] || { echo "server did not start:"; cat "$work/server.log"; exit 1; }
    # The server is ready when it logs that it listens (the store is open and migrated by then); its own
    # timestamp keeps this loop's polling out of the figure.
    local listening
    listening=$(grep -m1 'listening on' "$work/server.log" | cut -d' ' -f1)
    ready_ms=$(( $(date -d "$listening" +%s%3N) - started ))
}

token_of() {
    curl -sf -X POST "$url/api/v1/sessions" -H 'content-type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}

# Measures every line against the running server; $1 names the store in the output, $2 its size.
measure() {
    local label=$1 size=$2
    local melder af beleid case_id year live intake read_case read_inbox search_line cold_line p50 p99 cold_p99 stats overview rss hwm
    melder=$(token_of melder)
    af=$(token_of af)
    beleid=$(token_of beleid)
    case_id=$(curl -sf "$url/api/v1/cases" -H "authorization: Bearer $af" | grep -o '"id":"[^"]*"' | awk -F'"' 'NR == 1 { print $4 }')
    year=$(( $(date +%Y) - 1 ))
    # A reporter's "controleer" step loads the narrative suggestions' matcher and learned model once (about 8 MiB):
    # loaded before the loads, as in use, so that the memory line includes them.
    curl -sf -o /dev/null -X POST "$url/api/v1/indicator-suggestions" -H "authorization: Bearer $melder" \
        -H 'content-type: application/json' -d '{"text":"Zij werkt 14 uur per dag en de baas houdt haar paspoort."}' ||
        { echo "indicator suggestions failed"; exit 1; }
    # Resident memory under load: sampled while the loads run, after the sign-ins above (each Argon2id
    # verification takes 64 MiB for a moment, which the process peak below includes).
    (
        peak=0
        while [ -r "/proc/$server_pid/status" ]; do
            now=$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
            [ "${now:-0}" -gt "$peak" ] && peak=$now && echo "$peak" > "$work/rss"
            sleep 0.2
        done
    ) &
    local sampler=$!

    live=$(wrk -t2 -c$connections -d"${duration}s" "$url/health/live" | rate_of)
    intake=$(MELDROUTE_TOKEN=$melder wrk -t2 -c$connections -d"${duration}s" -s bench/post_signal.lua \
        "$url/api/v1/signals" 2>/dev/null | rate_of)
    read_case=$(MELDROUTE_TOKEN=$af MELDROUTE_PATH=/api/v1/cases/$case_id wrk -t2 -c$connections -d"${duration}s" \
        -s bench/get_authorised.lua "$url" | rate_of)
    read_inbox=$(MELDROUTE_TOKEN=$af MELDROUTE_PATH='/api/v1/signals?status=gemeld' wrk -t2 -c$connections \
        -d"${duration}s" -s bench/get_authorised.lua "$url" | rate_of)
    # One client: the latency of the request itself, not of a queue in front of it. The steady state, after one
    # second of the same searches: when the load before ends, the server is still answering its 64 requests in
    # flight, and the first few searches wait behind them (a pause of one second instead took the first second's
    # p99 on PostgreSQL at 1M from 33 to 16 ms); those few alone would be the p99 of a few hundred requests. That
    # second is printed too.
    cold_line=$(MELDROUTE_TOKEN=$af wrk -t1 -c1 -d1s -s bench/search.lua "$url" 2>/dev/null | grep '^latency-us')
    search_line=$(MELDROUTE_TOKEN=$af wrk -t1 -c1 -d"${duration}s" -s bench/search.lua "$url" 2>/dev/null |
        grep '^latency-us')
    p50=$(echo "$search_line" | awk '{ printf "%.1f", $3 / 1000 }')
    p99=$(echo "$search_line" | awk '{ printf "%.1f", $5 / 1000 }')
    cold_p99=$(echo "$cold_line" | awk '{ printf "%.1f", $5 / 1000 }')
    local samples="" overview_samples=""
    for _ in 1 2 3 4 5; do
        samples+=" $(time_ms "$url/api/v1/statistics?from=$year-01-01&to=$year-12-31" -H "authorization: Bearer $beleid")"
        overview_samples+=" $(time_ms "$url/api/v1/yearly-overview" -H "authorization: Bearer $beleid")"
    done
    stats=$(echo "$samples" | median)
    overview=$(echo "$overview_samples" | median)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    rss=$(( $(cat "$work/rss" 2>/dev/null || echo 0) / 1024 ))
    hwm=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status")
    rm -f "$work/rss"

    echo "[$label, $size signals]"
    echo "health/live: $live req/s"
    echo "durable intake: $intake req/s, $(ratio "$intake" "$live") of health/live (>= 0.25)," \
        "$(ratio "$intake" "$raw_row")x raw $raw_name one commit per row (>= 1.5), $(ratio "$intake" "$raw_batch") of raw $raw_name batched"
    echo "authorised read, GET a case: $read_case req/s, $(ratio "$read_case" "$live") of health/live (>= 0.30)"
    echo "authorised read, list the inbox: $read_inbox req/s, $(ratio "$read_inbox" "$live") of health/live (>= 0.30)"
    echo "full-text search with filters, newest first, one client: p99 $p99 ms, p50 $p50 ms (p99 <= 20 ms); the first second after the loads above: p99 $cold_p99 ms"
    echo "yearly statistics ($year): $stats ms, median of 5, max $(echo "$samples" | maximum) ms (<= 200 ms)"
    echo "yearly overview (every year): $overview ms, median of 5 (<= 200 ms)"
    echo "start to ready: $ready_ms ms (<= 300 ms)"
    echo "resident memory under load: $rss MiB, sampled every 0.2 s (<= 64 MiB); process peak with sign-ins: $hwm MiB"
    echo
    growth+=("$size $(ratio "$read_case" "$live") $(ratio "$read_inbox" "$live") $(ratio "$intake" "$live") $p50 $stats $ready_ms")
}

echo "meldroute bench on $(nproc) cores, ${duration}s per load measurement, $connections connections, sizes: $sizes"
raw_name=SQLite
raw_row=$("$build/bench_raw_sqlite" "$work/raw" "$duration")
raw_batch=$("$build/bench_raw_sqlite" "$work/raw" "$duration" 256)
echo "raw SQLite, one fsync'd transaction per row: $raw_row rows/s; batched, 256 rows per transaction: $raw_batch rows/s"
echo
growth=()
for size in $sizes; do
    source_dir=$(cached_store "$size")
    rm -rf "$work/data"
    cp -r "$source_dir" "$work/data"
    rm -f "$work/data/complete"
    # The copy (5 GB at 1M) is otherwise written back to the disk while the loads run, and every commit's fsync
    # waits behind it (1M intake, two runs each on 2 December: 0.20 and 0.12 of /health/live straight after the
    # copy, 0.20 and 0.26 after a sync, which took 2-3 s).
    sync
    start_server "$work/data"
    measure sqlite "$size"
    stop_server
    rm -rf "$work/data"
done

if [ "${#growth[@]}" -gt 1 ]; then
    echo "growth (cost of a request against store size; flat is the target):"
    printf '%s\n' "${growth[@]}" | awk '
        { size[NR] = $1; cas[NR] = $2; inbox[NR] = $3; intake[NR] = $4; search[NR] = $5; stats[NR] = $6; ready[NR] = $7 }
        function row(name, values, unit,   i, line) {
            line = name ":"
            for (i = 1; i <= NR; i++) line = line sprintf(" %s at %d%s", values[i], size[i], i < NR ? "," : "")
            print line " (" unit ")"
        }
        END {
            row("GET a case, share of health/live", cas, "flat")
            row("list the inbox, share of health/live", inbox, "flat")
            row("durable intake, share of health/live", intake, "flat")
            row("search p50 ms", search, "flat")
            row("yearly statistics ms", stats, "grows with the signals of one year")
            row("start to ready ms", ready, "flat")
        }'
    echo
fi

if [ -n "${BENCH_PG:-}" ]; then
    if "$build/bench_generate" --stores | grep -qx postgresql; then
        # The PostgreSQL lines' intake is compared with the raw rate of the same rows on the same server.
        psql -X -q "$BENCH_PG" -c "DROP DATABASE IF EXISTS meldroute_bench_raw WITH (FORCE)" \
            -c "CREATE DATABASE meldroute_bench_raw"
        raw_name=PostgreSQL
        raw_row=$("$build/bench_raw_postgres" "${BENCH_PG%/*}/meldroute_bench_raw" "$duration")
        raw_batch=$("$build/bench_raw_postgres" "${BENCH_PG%/*}/meldroute_bench_raw" "$duration" 256)
        echo "raw PostgreSQL, one committed transaction per row: $raw_row rows/s; batched, 256 rows per transaction: $raw_batch rows/s"
        echo
        for size in $sizes; do
            # A fresh database per size on the server BENCH_PG names (its user may create databases); the
            # intake ratios stay against the raw SQLite rates above.
            database="meldroute_bench_$size"
            store_url="${BENCH_PG%/*}/$database"
            rm -rf "$work/pg"
            if [ "${BENCH_PG_REUSE:-0}" = 1 ] &&
                [ "$(psql -X -qtA "$store_url" -c "SELECT to_regclass('signals') IS NOT NULL" 2>/dev/null)" = t ]; then
                # BENCH_PG_REUSE=1: the database an earlier run copied (a copy is one transaction, so a database
                # with tables holds all of it), plus that run's intake; only the keys are needed beside it.
                echo "reusing $database (BENCH_PG_REUSE=1)" >&2
                mkdir -p "$work/pg"
                cp -r "$(cached_store "$size")/keys" "$work/pg/"
            else
                psql -X -q "$BENCH_PG" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
                # The same signals as the SQLite line above: the cached store, copied in (its keys come along).
                cp -r "$(cached_store "$size")" "$work/pg"
                rm -f "$work/pg/complete"
                "$build/meldroute" copy-to-postgresql --data "$work/pg" --to "$store_url" >&2
                # A copy of 1M signals leaves gigabytes of log behind, and PostgreSQL checkpoints them for minutes:
                # measured during those, a search's commit waited for the disk (p99 143 ms at 1M, 15-17 ms after).
                # The loaded database is measured once its load is on disk, as a deployment would be.
                psql -X -q "$store_url" -c "VACUUM ANALYZE" -c "CHECKPOINT"
            fi
            start_server "$work/pg" --store "$store_url"
            measure postgresql "$size"
            stop_server
        done
    else
        echo "PostgreSQL: not measured (BENCH_PG is set, but this build has no PostgreSQL store: bench_generate --stores)"
    fi
else
    echo "PostgreSQL: not measured (set BENCH_PG=postgresql://… to measure the same lines against it)"
fi
echo
"$build/bench_domain" --benchmark_min_time=0.2
