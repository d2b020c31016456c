#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# The sync log view under load: a store of EVENTS stored calls (1,000,000 by default), live calls at RATE per second
# (5,000) for SECONDS (10), then PAGES (20) pages of history scrolled back. Prints the rate taken, the longest stall of
# the GUI thread in each phase, and the memory held. Runs offscreen; needs a build (scripts/test.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
BIN=$BUILD_DIR/tests/bench_logview
[ -x "$BIN" ] || { echo "build first (scripts/test.sh)" >&2; exit 2; }
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} QT_LOGGING_RULES="console.*.info=false;qt.qpa.*=false" \
    "$BIN" --events "${EVENTS:-1000000}" --rate "${RATE:-5000}" --seconds "${SECONDS_LIVE:-10}" --pages "${PAGES:-20}"
