#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Builds SCIM Console and starts it. Installs what is missing first. Arguments go to scim-console:
#   scripts/run.sh                              the console (GUI); without a display, the SCIM server headless
#   scripts/run.sh --db postgresql://…          the console on a shared PostgreSQL store
#   scripts/run.sh app list                     one command of the CLI
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "${BUILD_PACKAGES[@]}"
build scim-console # only what it runs: the tests build with scripts/test.sh

binary="$BUILD_DIR/app/scim-console"
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    log "no display: running the SCIM server headless (scim-console serve); Ctrl-C stops it"
    exec "$binary" serve
fi
exec "$binary" "$@"
