#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Starts the real console under Xvfb on a demo store and saves a picture of every page and main dialog, in English
# and in Simplified Chinese, into docs/screenshots/<language>/. The RAM pictures talk to the RAM test double
# (tests/support) on 127.0.0.1, with the profile's secret in a throw-away keyring on a private session bus.
# Installs what is missing first.
#   scripts/screenshots.sh            all languages
#   scripts/screenshots.sh zh_CN      one
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" xvfb xauth
build

languages=("$@")
[ ${#languages[@]} -gt 0 ] || languages=(en zh_CN)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for language in "${languages[@]}"; do
    out="$ROOT/docs/screenshots/$language"
    rm -rf "$out"
    mkdir -p "$out"
    # A fresh store, preferences and keyring each time, so that the pictures do not depend on this machine.
    home="$work/$language"
    mkdir -p "$home/config" "$home/runtime" "$home/data" "$home/home"
    chmod 700 "$home/runtime"
    log "screenshots in $language"
    env -u DBUS_SESSION_BUS_ADDRESS HOME="$home/home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        XDG_RUNTIME_DIR="$home/runtime" LANG="$language.UTF-8" LANGUAGE="$language" LC_ALL= \
        QT_LOGGING_RULES="console.*.info=false" BIN="$BUILD_DIR/app/scim-console" \
        DOUBLE="$BUILD_DIR/tests/ram-double" STORE="$home/store.db" OUT="$out" \
        dbus-run-session -- bash -euo pipefail -c '
        printf %s "keyring-for-screenshots" | gnome-keyring-daemon --foreground --unlock --components=secrets \
            >/dev/null 2>&1 &
        keyring=$!
        for _ in $(seq 100); do
            dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
                | grep -q "boolean true" && break
            sleep 0.05
        done
        "$BIN" demo --db "$STORE" --users 2500 >/dev/null
        # A stand-in for Alibaba Cloud RAM, slow enough that a push is caught under way.
        export RAM_DOUBLE_SECRET=screenshot-only-secret
        coproc RAM { exec "$DOUBLE" --latency-ms 60 --ram-user ops-admin --ram-user billing-bot; }
        read -r token_url scim_url <&"${RAM[0]}"
        app=$("$BIN" app list --db "$STORE" --json | grep -o "\"id\": *\"[^\"]*\"" | head -n 1 | cut -d\" -f4)
        printf %s "$RAM_DOUBLE_SECRET" | "$BIN" ram profile set --db "$STORE" --name production \
            --token-url "$token_url" --scim-url "$scim_url" --client-id ram-client-id --app "$app" \
            --concurrency 4 --secret-stdin >/dev/null
        QT_QPA_PLATFORM=xcb timeout 180 xvfb-run -a -s "-screen 0 1440x900x24" \
            "$BIN" --db "$STORE" --listen 127.0.0.1:0 --screenshot-tour "$OUT"
        kill "$RAM_PID" "$keyring" 2>/dev/null || true'
    count=$(find "$out" -name '*.png' | wc -l)
    [ "$count" -gt 0 ] || { echo "no screenshots were made in $language" >&2; exit 1; }
    log "$count pictures in ${out#"$ROOT"/}"
done
