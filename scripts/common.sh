# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Shared by scripts/run.sh, scripts/test.sh and the benchmarks: install what is missing, then configure and build;
# a throw-away PostgreSQL.
# Sourced, not run. Debian 12 and Ubuntu 22.04+ are supported; elsewhere it prints what to install and stops.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}

# Build and run-time needs. qt6-websockets-dev: QtHttpServer's CMake config requires it. libsecret-1-0: QtKeychain
# loads it at run time. libqt6sql6-*: the SQL drivers are only Recommends of the Qt packages. libqt6svg6: the
# SVG icon engine that draws resources/icons.
BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libsecret-1-0 libqt6sql6-sqlite libqt6sql6-psql libphonenumber-dev libssl-dev libargon2-dev libsqlite3-dev libgl-dev
    qt6-translations-l10n fonts-wqy-microhei libqt6svg6 qt6-charts-dev
    libqt6opengl6-dev)
# What the tests start: a throw-away PostgreSQL, a Secret Service on a private session bus; openssl makes test
# certificates.
TEST_PACKAGES=(postgresql dbus gnome-keyring openssl)

# Each step with the time it began (UTC), so that a CI log shows what each stage took.
log() { printf '\033[1m==> %s %s\033[0m\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# A private PostgreSQL cluster on 127.0.0.1 (the newest server under /usr/lib/postgresql), with a role "scim" owning a
# database "scimdb"; exports SCIM_TEST_PG_URL. $1: the server's settings ("-c fsync=off" unless given). The caller
# sets `trap stop_postgres EXIT` first.
start_throwaway_postgres() {
    local settings=${1:--c fsync=off} port
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }
    PGROOT=$(mktemp -d /tmp/scim-console-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGROOT"
    chmod 700 "$PGROOT"
    PGPORT=""
    for port in $(seq 54329 54399); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then PGPORT=$port; break; fi
    done
    [ -n "$PGPORT" ] || { echo "no free port for the test PostgreSQL" >&2; exit 1; }

    log "starting a throw-away PostgreSQL on 127.0.0.1:$PGPORT"
    as_pg "printf 'postgres-test-only\n' > '$PGROOT/pw' && '$PGBIN/initdb' -D '$PGROOT/data' -U postgres \
        --pwfile='$PGROOT/pw' --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null"
    as_pg "'$PGBIN/pg_ctl' -D '$PGROOT/data' -l '$PGROOT/log' -w -o \"-p $PGPORT -c listen_addresses=127.0.0.1 -k '$PGROOT' $settings\" start >/dev/null"
    as_pg "'$PGBIN/psql' -h '$PGROOT' -p $PGPORT -U postgres -q -c \"CREATE ROLE scim LOGIN CREATEDB PASSWORD 'scim-test-only'\" \
        -c 'CREATE DATABASE scimdb OWNER scim'"
    export SCIM_TEST_PG_URL="postgresql://scim:scim-test-only@127.0.0.1:$PGPORT/scimdb"
}
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
stop_postgres() {
    [ -n "${PGROOT:-}" ] || return 0
    as_pg "'$PGBIN/pg_ctl' -D '$PGROOT/data' -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
    PGROOT=""
}

install_packages() {
    local missing=() package provided
    # What installed packages provide counts too (Debian 13's qt6-base-dev provides libqt6opengl6-dev).
    provided=$(dpkg-query -W -f='${db:Status-Abbrev} ${Provides}\n' 2>/dev/null | awk '$1 == "ii" { $1 = ""; print }' \
        | tr ',' '\n' | awk '{ print $1 }')
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || grep -qxF "$package" <<<"$provided" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
        echo "This script installs with apt-get (Debian 12, Ubuntu 22.04 or later). Install these packages," >&2
        echo "or their equivalents, and run it again:" >&2
        printf '  %s\n' "$@" >&2
        exit 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Not root and no sudo: install ${missing[*]} as root." >&2; exit 1; }
        sudo=(sudo)
    fi
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build [TARGET…]: configures $BUILD_DIR once (with the options in CMAKE_OPTIONS, applied again on every call) and
# builds the given targets, or everything.
CMAKE_OPTIONS=(${CMAKE_OPTIONS[@]+"${CMAKE_OPTIONS[@]}"})
build() {
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        log "configuring in $BUILD_DIR"
        cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release ${CMAKE_OPTIONS[@]+"${CMAKE_OPTIONS[@]}"} >/dev/null
    elif [ ${#CMAKE_OPTIONS[@]} -gt 0 ]; then
        cmake -B "$BUILD_DIR" "${CMAKE_OPTIONS[@]}" >/dev/null
    fi
    log "building${1:+ $*}"
    if [ $# -gt 0 ]; then
        local targets=() target
        for target in "$@"; do targets+=(--target "$target"); done
        cmake --build "$BUILD_DIR" --parallel "$(nproc)" "${targets[@]}"
    else
        cmake --build "$BUILD_DIR" --parallel "$(nproc)"
    fi
}
