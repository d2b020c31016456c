#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Builds the libFuzzer targets of tests/fuzz with clang (address and undefined-behaviour sanitizers on) and runs each
# for SECONDS (default 60) from its committed seed corpus. Fails on a crash, a leak, a timeout or a sanitizer report;
# the input that did it is kept under build-fuzz/artifacts. Prints the executions each target ran.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SECONDS_PER_TARGET=${1:-60}
FUZZ_DIR="$ROOT/build-fuzz"

install_packages "${BUILD_PACKAGES[@]}" clang libclang-rt-dev
if [ ! -f "$FUZZ_DIR/build.ninja" ]; then
    log "configuring the fuzz targets in $FUZZ_DIR"
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSCIM_CONSOLE_FUZZ=ON -DSCIM_CONSOLE_WERROR=OFF >/dev/null
fi
log "building the fuzz targets"
cmake --build "$FUZZ_DIR" --parallel "$(nproc)" --target fuzz_filter fuzz_patch fuzz_resource fuzz_http_head

mkdir -p "$FUZZ_DIR/artifacts"
status=0
for target in filter patch resource http_head; do
    # A scratch copy of the seeds: what the run finds is not committed by accident.
    corpus="$FUZZ_DIR/corpus/$target"
    mkdir -p "$corpus"
    cp -n "$ROOT/tests/fuzz/corpus/$target/"* "$corpus/"
    log "fuzzing $target for ${SECONDS_PER_TARGET}s"
    if "$FUZZ_DIR/tests/fuzz/fuzz_$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$FUZZ_DIR/artifacts/$target-" "$corpus" \
        >"$FUZZ_DIR/$target.log" 2>&1; then
        runs=$(grep -E '^stat::number_of_executed_units' "$FUZZ_DIR/$target.log" | awk '{print $2}')
        echo "fuzz_$target: ${runs:-?} executions in ${SECONDS_PER_TARGET}s, no crash, leak or sanitizer report"
    else
        echo "fuzz_$target FAILED: see $FUZZ_DIR/$target.log and $FUZZ_DIR/artifacts" >&2
        tail -n 40 "$FUZZ_DIR/$target.log" >&2
        status=1
    fi
done
exit "$status"
