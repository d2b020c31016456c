#!/usr/bin/env bash
# Runs the public SCIM conformance suites in ../shared/conformance against the console's own server:
# a fresh store, a fresh application per suite (scope = one empty organization, which is also the sync target;
# on-duplicate policy "reject", as both suites expect 409), `scim-console serve` on a free loopback port.
#   scripts/conformance.sh [okta|microsoft]...      default: both
# Expects a built tree (scripts/test.sh or scripts/run.sh builds it). Exit status 0 only when every suite passed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SCIM_CONSOLE_BIN:-$ROOT/build/app/scim-console}
SUITES=$ROOT/../shared/conformance
[ -x "$BIN" ] || { echo "build first: $BIN is missing" >&2; exit 2; }
[ -x "$SUITES/run.sh" ] || [ -f "$SUITES/run.sh" ] || { echo "no ../shared/conformance: skipped"; exit 0; }
command -v node >/dev/null || { echo "node is needed for the conformance suites" >&2; exit 2; }

work=$(mktemp -d /tmp/scim-conformance.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export SCIM_CONSOLE_DB=$work/store.sqlite
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

port=""
for p in $(seq 18400 18499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
"$BIN" serve --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^listening on' "$work/serve.log" && break; sleep 0.1; done
grep -q '^listening on' "$work/serve.log" || { cat "$work/serve.log" >&2; exit 2; }

status=0
for suite in "${@:-okta microsoft}"; do
  for s in $suite; do
    org=$("$BIN" org create --name "conformance-$s" --json | json '["id"]')
    app=$("$BIN" app create --name "conformance-$s" --json | json '["id"]')
    "$BIN" app scope --app "$app" --org "$org" >/dev/null
    "$BIN" app target --app "$app" --org "$org" >/dev/null
    "$BIN" app permission --app "$app" --enable >/dev/null
    policy=(--on-duplicate reject)
    [ "$s" = microsoft ] && policy+=(--unsupported-types ignore) # its users carry home emails and fax numbers
    "$BIN" app set --app "$app" "${policy[@]}" >/dev/null
    token=$("$BIN" token create --app "$app" --days 1 --json | json '["token"]')
    echo "== $s"
    bash "$SUITES/run.sh" "$s" "http://127.0.0.1:$port/scim/v2/apps/$app" "$token" || status=1
  done
done
exit $status
