#!/usr/bin/env bash
# Load benchmark: the console's SCIM server against the SCIMMY peer, measured in the same run on this machine
# with ../shared/bench (wrk). Each server starts fresh and is seeded through its own POST /Users.
#   tests/bench/compare.sh                 SEED=10000 WORKLOADS="get filter" DURATION=10s by default
#   SEED=100000 WORKLOADS="get filter list patch create" tests/bench/compare.sh
# Prints the harness's table (rps, p50, p99, errors per workload and server). Loopback only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
BENCH=$ROOT/../shared/bench
BIN=$BUILD_DIR/app/scim-console
[ -x "$BIN" ] || { echo "build first (scripts/test.sh)" >&2; exit 2; }
[ -d "$BENCH" ] || { echo "../shared/bench is not there" >&2; exit 2; }
for tool in wrk node curl ss; do command -v "$tool" >/dev/null || install_packages wrk nodejs npm curl iproute2 time; done
export SEED=${SEED:-10000} WORKLOADS=${WORKLOADS:-"get filter"} DURATION=${DURATION:-10s}

work=$(mktemp -d /tmp/scim-bench.XXXXXX)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    bash "$BENCH/peerctl.sh" stop-scimmy >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
export SCIM_CONSOLE_DB=$work/store.sqlite
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

org=$("$BIN" org create --name bench --json | json id)
app=$("$BIN" app create --name bench --json | json id)
"$BIN" app scope --app "$app" --org "$org" >/dev/null
"$BIN" app target --app "$app" --org "$org" >/dev/null
"$BIN" app permission --app "$app" --enable >/dev/null
"$BIN" app set --app "$app" --on-duplicate reject >/dev/null
token=$("$BIN" token create --app "$app" --days 1 --json | json token)
"$BIN" serve --listen 127.0.0.1:18090 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^listening on' "$work/serve.log" && break; sleep 0.1; done

bash "$BENCH/peerctl.sh" start-scimmy 18080 bench-token >/dev/null
bash "$BENCH/compare.sh" scimmy http://127.0.0.1:18080/scim/v2 bench-token \
    scim-console "http://127.0.0.1:18090/scim/v2/apps/$app" "$token"
