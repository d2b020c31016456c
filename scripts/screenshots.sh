#!/usr/bin/env bash
# Starts the real console under Xvfb on a demo store and saves a picture of every page and main dialog, in English
# and in Simplified Chinese, into docs/screenshots/<language>/. Installs what is missing first.
#   scripts/screenshots.sh            all languages
#   scripts/screenshots.sh zh_CN      one
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "${BUILD_PACKAGES[@]}" xvfb xauth
build

languages=("$@")
[ ${#languages[@]} -gt 0 ] || languages=(en zh_CN)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for language in "${languages[@]}"; do
    out="$ROOT/docs/screenshots/$language"
    rm -rf "$out"
    mkdir -p "$out"
    # A fresh store and fresh preferences each time, so that the pictures do not depend on this machine.
    store="$work/$language/store.db"
    mkdir -p "$work/$language/config" "$work/$language/runtime"
    chmod 700 "$work/$language/runtime"
    "$BUILD_DIR/app/scim-console" demo --db "$store" --users 2500 >/dev/null
    log "screenshots in $language"
    env XDG_CONFIG_HOME="$work/$language/config" XDG_DATA_HOME="$work/$language/data" \
        XDG_RUNTIME_DIR="$work/$language/runtime" LANG="$language.UTF-8" LANGUAGE="$language" LC_ALL= \
        QT_QPA_PLATFORM=xcb QT_LOGGING_RULES="console.*.info=false" \
        timeout 120 xvfb-run -a -s "-screen 0 1440x900x24" \
        "$BUILD_DIR/app/scim-console" --db "$store" --listen 127.0.0.1:0 --screenshot-tour "$out"
    count=$(find "$out" -name '*.png' | wc -l)
    [ "$count" -gt 0 ] || { echo "no screenshots were made in $language" >&2; exit 1; }
    log "$count pictures in ${out#"$ROOT"/}"
done
