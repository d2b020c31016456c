#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Soak (issue 11): the headless server on a fresh store, seeded with SEED users through its own API (the shared
# harness), then rounds of wrk at 32 connections — reads (GET /Users/{id}) and writes (PATCH displayName), four to
# one. The first WARMUP requests (default 400,000), and at least one round of writes, warm up: every request is
# logged, the sync log grows to its retention bound (200,000 events here, about 300,000 requests), and the page caches
# of the workers' store connections (32 MiB each at most, Database.cpp) fill with what reads and writes touch. Then
# REQUESTS more requests (default 1,000,000) are measured: the resident memory and open descriptors at the end are
# compared with those after warm-up, and the last round's p99 with the first measured one's. (In CI runs of 2026-12-04
# a round of writes raised memory by 5 to 12 MiB: the presence heartbeat starved for the write lock while the
# sync-log events piled up to the housekeeper's bound of 10,000; Database::exec now queues such writes.)
#   tests/bench/soak.sh                  REQUESTS=1000000 WARMUP=400000 SEED=5000 ROUND=10s by default
# Fails when memory grows by 10% or more, descriptors leak, or any request errs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
BENCH=$ROOT/../shared/bench
BIN=$BUILD_DIR/app/scim-console
[ -x "$BIN" ] || { echo "build first (scripts/test.sh)" >&2; exit 2; }
[ -d "$BENCH" ] || { echo "../shared/bench is not there" >&2; exit 2; }
for tool in wrk node curl ss; do command -v "$tool" >/dev/null || install_packages wrk nodejs npm curl iproute2 time; done
REQUESTS=${REQUESTS:-1000000}
WARMUP=${WARMUP:-400000}
SEED=${SEED:-5000}
ROUND=${ROUND:-10s}

work=$(mktemp -d /tmp/scim-soak.XXXXXX)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
source "$ROOT/tests/bench/common.sh"
start_console_server "$work" 18091 > "$work/server.txt"
read -r server base token < "$work/server.txt"
"$BIN" log retention --days 1 --max-events 200000 >/dev/null

log "seeding $SEED users"
RESULTS_DIR=$work/results SEED=$SEED WORKLOADS=get DURATION=3s WARMUP=1s SERVER_PID=$server \
    bash "$BENCH/run.sh" "$base" "$token" >/dev/null
data=$work/results/data
[ -s "$data/ids.txt" ] || { echo "seeding failed" >&2; exit 1; }

# Resident memory, as issue 11 states the bound, is judged: anonymous (the heap, SQLite's page caches) plus
# file-backed (the libraries, the store's memory map). Both parts are printed. The anonymous part alone is about
# 14 MiB here, and its high-water mark moves in single steps of 1 to 2 MiB when the sync-log backlog (bounded by
# ServerHousekeeper::MaxBacklog) peaks higher than before: seen in a GET-only round of a run on 2026-12-04, two worker
# arenas grew by 564 and 844 KiB and then stayed. 10% of the anonymous part alone is smaller than that bounded swing;
# a leak of five bytes a request still fails the soak.
rss_anon() { awk '/^RssAnon/ {print $2}' "/proc/$server/status"; }
rss_file() { awk '/^RssFile/ {print $2}' "/proc/$server/status"; }
rss() { echo $(($(rss_anon) + $(rss_file))); }
fds() { ls "/proc/$server/fd" 2>/dev/null | wc -l; }
export BENCH_LUA_DIR=$BENCH/lua
# One wrk round: prints "requests p99_ms errors".
round() {
    local script=$1 out
    out=$(wrk -t2 -c32 -d"$ROUND" --latency -s "$BENCH/lua/$script.lua" "$base" -- "$token" "$data" soak 2>&1)
    local requests p99 errors
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {n += $NF} END {print n + 0}')
    echo "$requests ${p99:-0} $errors"
}

log "warming up for $WARMUP requests, then soaking for $REQUESTS"
total=0 errors=0 rounds=0 first_p99="" last_p99="" rss0="" fds0="" anon0="" measured=0 wrote=0
while [ "$measured" -lt "$REQUESTS" ]; do
    script=get
    [ $((rounds % 5)) -eq 4 ] && script=patch
    read -r n p99 e < <(round "$script")
    total=$((total + n)) errors=$((errors + e)) rounds=$((rounds + 1))
    [ "$script" = patch ] && wrote=1
    phase=warm-up
    if [ -n "$rss0" ]; then
        phase=soak measured=$((measured + n))
        if [ "$script" = get ]; then
            [ -z "$first_p99" ] && first_p99=$p99
            last_p99=$p99
        fi
    elif [ "$total" -ge "$WARMUP" ] && [ "$wrote" -eq 1 ]; then
        rss0=$(rss) fds0=$(fds) anon0=$(rss_anon)
    fi
    printf '  round %d (%s, %s): %d requests, p99 %s ms, %d errors; %d in all; RSS %d KiB anonymous + %d KiB file, %d descriptors\n' \
        "$rounds" "$phase" "$script" "$n" "$p99" "$e" "$total" "$(rss_anon)" "$(rss_file)" "$(fds)"
done
sleep 1 # the last round's connections close
rss1=$(rss) fds1=$(fds) anon1=$(rss_anon)
growth=$(awk -v a="$rss0" -v b="$rss1" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')
echo "soak: $measured requests measured after $((total - measured)) of warm-up, $rounds rounds at 32 connections, $errors errors"
echo "soak: resident memory after warm-up $rss0 KiB, at the end $rss1 KiB ($growth%; anonymous $anon0 then $anon1 KiB); descriptors $fds0 then $fds1"
echo "soak: GET p99 first round $first_p99 ms, last round $last_p99 ms"
status=0
awk -v g="$growth" 'BEGIN {exit !(g >= 10)}' && { echo "soak FAILED: memory grew by $growth%" >&2; status=1; }
[ "$fds1" -gt $((fds0 + 4)) ] && { echo "soak FAILED: descriptors $fds0 -> $fds1" >&2; status=1; }
# "Still answers within its p99": the last measured round's p99 within twice the first's (10 ms of slack for noise).
awk -v a="$first_p99" -v b="$last_p99" 'BEGIN {exit !(b > 2 * a && b > a + 10)}' \
    && { echo "soak FAILED: GET p99 went from $first_p99 ms to $last_p99 ms" >&2; status=1; }
[ "$errors" -eq 0 ] || { echo "soak FAILED: $errors errors" >&2; status=1; }
exit "$status"
