#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# The performance benchmark (issue 12), in one run on this machine: the headless server on a fresh store, the SCIMMY
# peer (../shared/bench) and a trivial QHttpServer route (the HTTP layer's ceiling, bench_trivial_route). Each SCIM
# server is seeded with SEED users through its own POST /Users, one in ten with a password, and gets a group of
# 10,000 members; then wrk measures GET /Users/{id}, filter userName eq, list pages of 100, PATCH displayName, POST
# create (../shared/bench/run.sh) and a group PATCH adding one member (lua/group_patch.lua); the trivial route gets
# the GET. A second, small instance of ours (1,000 users) gives the filter's rate at 1k users. Last, a RAM push of
# 10,000 accounts into the RAM test double answering each request after 20 ms (bench_ram_push).
#   tests/bench/run.sh                 SEED=100000 DURATION=10s
#   tests/bench/run.sh --quick         SEED=10000 DURATION=3s
#   tests/bench/run.sh --no-postgres   without the same workloads on a throw-away PostgreSQL
# One table at the end: our figures, the peer's, the ceiling's, the ratios. Raw output under build/bench/<time>/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
SHARED=$ROOT/../shared/bench
[ -d "$SHARED" ] || { echo "../shared/bench is not there" >&2; exit 2; }
QUICK=0 POSTGRES=1
for arg in "$@"; do
    case $arg in
        --quick) QUICK=1 ;;
        --no-postgres) POSTGRES=0 ;;
        *) echo "usage: tests/bench/run.sh [--quick] [--no-postgres]" >&2; exit 2 ;;
    esac
done
if [ "$QUICK" -eq 1 ]; then SEED=${SEED:-10000} DURATION=${DURATION:-3s}; else SEED=${SEED:-100000} DURATION=${DURATION:-10s}; fi
GROUP_MEMBERS=$((SEED < 10000 ? SEED : 10000))
WORKLOADS=${WORKLOADS:-"get filter list patch create"}
for tool in wrk node curl ss /usr/bin/time; do command -v "$tool" >/dev/null || install_packages wrk nodejs npm curl iproute2 time; done
[ "$POSTGRES" -eq 0 ] || install_packages postgresql

log "building (Release) in $BUILD_DIR"
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" --target scim-console bench_trivial_route bench_ram_push >/dev/null
BIN=$BUILD_DIR/app/scim-console
OUT=$BUILD_DIR/bench/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

pids=()
cleanup() {
    # Under set -e: a server already stopped must not end the cleanup before the others are.
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    bash "$SHARED/peerctl.sh" stop-scimmy >/dev/null 2>&1 || true
    stop_postgres
}
trap cleanup EXIT
source "$ROOT/tests/bench/common.sh"
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
port_pid() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# Seeds, makes the large group, runs the workloads. Arguments: name pid base token.
measure_scim() {
    local name=$1 pid=$2 base=$3 token=$4 dir=$OUT/$1
    mkdir -p "$dir/data"
    local rss0 rss1
    rss0=$(rss_kb "$pid")
    log "$name: seeding $SEED users (one in ten with a password)"
    node "$ROOT/tests/bench/seed.mjs" "$base" "$token" "$SEED" "$dir/data" 32 | tee "$dir/seed.txt" >&2
    rss1=$(rss_kb "$pid")
    echo "rss_before_seed=$rss0 rss_after_seed=$rss1" > "$dir/rss.txt"
    # The large group: its first GROUP_MEMBERS users.
    node -e '
        const ids = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").slice(0, Number(process.argv[2]));
        console.log(JSON.stringify({schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Everyone",
                                    members: ids.map((value) => ({value}))}));' "$dir/data/ids.txt" "$GROUP_MEMBERS" > "$dir/group.json"
    curl -sf -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/scim+json" \
        --data-binary "@$dir/group.json" "$base/Groups" | json id > "$dir/data/group.txt" \
        || { echo "$name: could not create the group" >&2; exit 1; }
    log "$name: workloads ($WORKLOADS, group-patch), $DURATION each"
    RESULTS_DIR=$dir/run SKIP_SEED=1 DATA_DIR=$dir/data SEED=0 DURATION=$DURATION WARMUP=1s WORKLOADS=$WORKLOADS \
        SERVER_PID=$pid bash "$SHARED/run.sh" "$base" "$token" > "$dir/summary.txt"
    BENCH_LUA_DIR=$SHARED/lua wrk -t2 -c32 -d"$DURATION" --timeout 30s -s "$ROOT/tests/bench/lua/group_patch.lua" \
        "$base" -- "$token" "$dir/data" "group-$RANDOM" > "$dir/group_patch.wrk.txt" 2>&1 || true
    grep '^RESULT ' "$dir/group_patch.wrk.txt" | sed 's/^RESULT /group_patch /' >> "$dir/summary.txt"
    echo "rss_end=$(rss_kb "$pid")" >> "$dir/rss.txt"
}

log "starting the servers"
start_console_server "$OUT/ours" 18090 > "$OUT/ours.txt"
read -r ours_pid ours_base ours_token < "$OUT/ours.txt"
pids+=("$ours_pid")
bash "$SHARED/peerctl.sh" start-scimmy 18080 bench-token >/dev/null
scimmy_pid=$(port_pid 18080)
"$BUILD_DIR/tests/bench_trivial_route" 18097 > "$OUT/trivial.log" 2>&1 &
pids+=("$!")
sleep 0.5
kill -0 "$!" 2>/dev/null || { cat "$OUT/trivial.log" >&2; exit 1; }

measure_scim scimmy "$scimmy_pid" http://127.0.0.1:18080/scim/v2 bench-token
bash "$SHARED/peerctl.sh" stop-scimmy >/dev/null 2>&1 || true
measure_scim ours "$ours_pid" "$ours_base" "$ours_token"
kill "$ours_pid"; wait "$ours_pid" 2>/dev/null || true

if [ "$POSTGRES" -eq 1 ]; then
    # The same workloads with the store on PostgreSQL (no target: where it stands beside SQLite). A local server whose
    # commits do not wait for their WAL flush, as SQLite's synchronous=NORMAL in WAL mode does not.
    start_throwaway_postgres "-c synchronous_commit=off -c shared_buffers=256MB"
    CONSOLE_STORE=$SCIM_TEST_PG_URL start_console_server "$OUT/ours_pg" 18092 > "$OUT/ours_pg.txt"
    read -r pg_pid pg_base pg_token < "$OUT/ours_pg.txt"
    pids+=("$pg_pid")
    measure_scim ours_pg "$pg_pid" "$pg_base" "$pg_token"
    kill "$pg_pid"; wait "$pg_pid" 2>/dev/null || true
    stop_postgres
    unset SCIM_CONSOLE_DB
fi

log "ceiling: the trivial route"
BENCH_LUA_DIR=$SHARED/lua wrk -t2 -c32 -d"$DURATION" --timeout 30s -s "$SHARED/lua/get.lua" \
    http://127.0.0.1:18097/scim/v2 -- token "$OUT/ours/data" ceiling > "$OUT/ceiling.wrk.txt" 2>&1 || true

log "ours at 1,000 users: the filter"
start_console_server "$OUT/small" 18091 > "$OUT/small.txt"
read -r small_pid small_base small_token < "$OUT/small.txt"
pids+=("$small_pid")
node "$ROOT/tests/bench/seed.mjs" "$small_base" "$small_token" 1000 "$OUT/small/data" 32 >/dev/null
RESULTS_DIR=$OUT/small/run SKIP_SEED=1 DATA_DIR=$OUT/small/data SEED=0 DURATION=$DURATION WARMUP=1s WORKLOADS=filter \
    SERVER_PID=$small_pid bash "$SHARED/run.sh" "$small_base" "$small_token" > "$OUT/small/summary.txt"

# The RAM push: 10,000 accounts (1,000 with --quick) into the RAM test double answering after 20 ms, at the default
# concurrency (tests/bench/RamPushBench.cpp).
RAM_ACCOUNTS=$((QUICK ? 1000 : 10000))
log "RAM push: $RAM_ACCOUNTS accounts into the RAM double answering after 20 ms"
SCIM_TEST_BACKEND=sqlite QT_LOGGING_RULES='console.*.info=false' "$BUILD_DIR/tests/bench_ram_push" \
    --accounts "$RAM_ACCOUNTS" --latency-ms 20 > "$OUT/ram_push.txt" 2> "$OUT/ram_push.log" || cat "$OUT/ram_push.log" >&2

python3 - "$OUT" "$SEED" <<'EOF'
import os, re, sys
out, seed = sys.argv[1], int(sys.argv[2])
def summary(name):
    rows = {}
    for line in open(f"{out}/{name}/summary.txt"):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split()
        if parts[0] == "group_patch":
            kv = dict(p.split("=") for p in parts[1:] if "=" in p)
            rows["group_patch"] = (float(kv["rps"]), float(kv["p99_ms"]), int(kv["errors"]))
        else:
            rows[parts[0]] = (float(parts[1]), float(parts[3]), int(parts[4]))
    return rows
def keyvalues(path):
    text = open(path).read()
    return {k: v for k, v in re.findall(r"(\w+)=([\d.]+)", text)}
ours, peer = summary("ours"), summary("scimmy")
small = summary("small")
ceiling = keyvalues(f"{out}/ceiling.wrk.txt")
servers = ["ours", "scimmy"] + (["ours_pg"] if os.path.exists(f"{out}/ours_pg/summary.txt") else [])
pg = summary("ours_pg") if "ours_pg" in servers else {}
seeds = {name: keyvalues(f"{out}/{name}/seed.txt") for name in servers}
rss = {name: keyvalues(f"{out}/{name}/rss.txt") for name in servers}
print(f"\nUsers seeded: {seed:,} (one in ten with a password); group PATCH into a group of {min(seed, 10000):,} members.")
print(f"{'workload':12} | {'ours req/s':>10} {'p99 ms':>8} {'err':>4} | {'SCIMMY req/s':>12} {'p99 ms':>8} | {'ratio':>7}"
      + (f" | {'PostgreSQL req/s':>16} {'p99 ms':>8}" if pg else ""))
print("-" * (77 + (28 if pg else 0)))
for workload in ("get", "filter", "list", "patch", "create", "group_patch"):
    if workload not in ours:
        continue
    o, p = ours[workload], peer.get(workload, (0, 0, 0))
    ratio = f"{o[0] / p[0]:.1f}x" if p[0] else "-"
    peer_rps = f"{p[0]:>12,.0f}" if p[0] >= 10 else f"{p[0]:>12.2f}"
    row = f"{workload:12} | {o[0]:>10,.0f} {o[1]:>8.1f} {o[2]:>4} | {peer_rps} {p[1]:>8.1f} | {ratio:>7}"
    if pg:
        g = pg.get(workload, (0, 0, 0))
        row += f" | {g[0]:>16,.0f} {g[1]:>8.1f}"
    print(row)
if "rps" in ceiling and "get" in ours:
    c = float(ceiling["rps"])
    print(f"\nceiling (trivial QHttpServer route): {c:,.0f} req/s; our GET is {ours['get'][0] / c * 100:.0f}% of it")
if "filter" in small and "filter" in ours:
    print(f"filter at 1,000 users: {small['filter'][0]:,.0f} req/s; at {seed:,}: {ours['filter'][0] / small['filter'][0] * 100:.0f}% of that")
for name in servers:
    s, r = seeds[name], rss[name]
    print(f"{name}: seeding {float(s.get('secs', 0)):.1f} s ({float(s.get('rps', 0)):,.0f} users/s, {s.get('errors', '?')} errors); "
          f"resident memory {int(r.get('rss_after_seed', 0)) / 1024:.0f} MB after seeding, {int(r.get('rss_end', 0)) / 1024:.0f} MB at the end")
push = open(f"{out}/ram_push.txt").read()
if push.startswith("RAMPUSH"):
    p = dict(kv.split("=") for kv in push.split()[1:])
    print(f"RAM push: {int(p['accounts']):,} accounts in {float(p['secs']):.1f} s ({float(p['writes_per_s']):,.0f} writes/s, "
          f"{p['concurrency']} at once, the double answering after {p['latency_ms']} ms; {p['failures']} failures)")
else:
    print("RAM push: failed (ram_push.log)")
print(f"\nraw output: {out}")
EOF
