# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Shared by the benchmarks in tests/bench: sourced, not run.

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

# Starts `scim-console serve` (BIN) on a fresh store in DIR, with one application ready for SCIM (an organization
# as scope and target, the permission on, rejecting duplicates, a token), on 127.0.0.1:PORT; more serve options in
# SERVE_ARGS; the store is DIR/store.sqlite unless CONSOLE_STORE names another (a postgresql:// URL). Exports
# SCIM_CONSOLE_DB and prints "PID BASE_URL TOKEN": call it without a subshell (its output to a file), so that the
# server is this shell's child and the caller can stop it and wait.
start_console_server() {
    local dir=$1 port=$2 org app token
    if ss -ltnH "sport = :$port" | grep -q LISTEN; then
        echo "port $port is taken (a server left from an earlier run?)" >&2
        return 1
    fi
    mkdir -p "$dir"
    export SCIM_CONSOLE_DB=${CONSOLE_STORE:-$dir/store.sqlite}
    org=$("$BIN" org create --name bench --json | json id)
    app=$("$BIN" app create --name bench --json | json id)
    "$BIN" app scope --app "$app" --org "$org" >/dev/null
    "$BIN" app target --app "$app" --org "$org" >/dev/null
    "$BIN" app permission --app "$app" --enable >/dev/null
    "$BIN" app set --app "$app" --on-duplicate reject >/dev/null
    token=$("$BIN" token create --app "$app" --days 1 --json | json token)
    # shellcheck disable=SC2086 # SERVE_ARGS: options, such as --workers 1
    "$BIN" serve --listen "127.0.0.1:$port" ${SERVE_ARGS:-} > "$dir/serve.log" 2>&1 &
    local pid=$!
    for _ in $(seq 100); do grep -q '^listening on' "$dir/serve.log" && break; sleep 0.1; done
    grep -q '^listening on' "$dir/serve.log" || { cat "$dir/serve.log" >&2; return 1; }
    echo "$pid http://127.0.0.1:$port/scim/v2/apps/$app $token"
}
