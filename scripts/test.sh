#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Builds SCIM Console and runs every test: unit, store tests on SQLite and on a throw-away PostgreSQL, and the
# end-to-end tests through the real binary. Installs what is missing first. Re-running it is quick.
#   scripts/test.sh                 everything
#   scripts/test.sh -R Token        extra arguments go to ctest
#   scripts/test.sh --long          everything, then the soak (tests/bench/soak.sh), then the whole suite again in a
#                                   Debug build under AddressSanitizer and UndefinedBehaviorSanitizer, then each
#                                   fuzz target for 60 s (scripts/fuzz.sh)
set -euo pipefail
CMAKE_OPTIONS=(-DSCIM_CONSOLE_WERROR=ON) # warnings are errors here and in CI; packagers' builds keep them warnings
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
LONG=0
if [ "${1:-}" = "--long" ]; then
    LONG=1
    shift
fi

install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
build

# A private PostgreSQL cluster on 127.0.0.1, for the tests labelled "postgres"; removed on exit.
trap stop_postgres EXIT
start_throwaway_postgres

# A private session bus with an unlocked gnome-keyring: the keychain tests use a real Secret Service, and no test
# touches the keyring, home or data folders of whoever runs this.
KEYRING_ROOT=$(mktemp -d /tmp/scim-console-keyring.XXXXXX)
trap 'stop_postgres; rm -rf "$KEYRING_ROOT"' EXIT
mkdir -p "$KEYRING_ROOT/home" "$KEYRING_ROOT/run" "$KEYRING_ROOT/data"
chmod 700 "$KEYRING_ROOT/run"
export HOME=$KEYRING_ROOT/home XDG_RUNTIME_DIR=$KEYRING_ROOT/run XDG_DATA_HOME=$KEYRING_ROOT/data
export SCIM_TEST_DATA_DIRS="$KEYRING_ROOT $PGROOT"
unset DBUS_SESSION_BUS_ADDRESS

# Runs ctest in build folder $1 (further arguments go to ctest) on the private bus and keyring; its log is
# $1/ctest.log.
run_suite() {
    local dir=$1
    shift
    dbus-run-session -- bash -c '
        printf %s "keyring-for-tests" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
        keyring=$!
        for _ in $(seq 100); do
            dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
            sleep 0.05
        done
        ctest --test-dir "$0" --output-on-failure --parallel "$(nproc)" "$@"
        status=$?
        kill $keyring; wait $keyring 2>/dev/null
        exit $status' "$dir" "$@" 2>&1 | tee "$dir/ctest.log"
    return "${PIPESTATUS[0]}"
}

log "running the tests"
set +e
run_suite "$BUILD_DIR" "$@"
status=$?
set -e
[ "$status" -eq 0 ] && [ "$LONG" -eq 1 ] || exit "$status"

# The long run. First the soak (tests/bench/soak.sh: 1,000,000 requests after warm-up against the Release build).
log "soak"
bash "$ROOT/tests/bench/soak.sh"

# Leak checking stays with the fuzzers (core alone): the suite's processes load Qt, fontconfig and
# D-Bus, whose one-off allocations at exit are not ours.
ASAN_DIR="$ROOT/build-asan"
log "building with AddressSanitizer and UndefinedBehaviorSanitizer in $ASAN_DIR"
cmake -S "$ROOT" -B "$ASAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSCIM_CONSOLE_SANITIZE=address,undefined \
    "${CMAKE_OPTIONS[@]}" >/dev/null
cmake --build "$ASAN_DIR" --parallel "$(nproc)"
log "running the tests under the sanitizers"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
set +e
# The translation check and the benchmark smoke test exercise no code of ours that the first run did not.
run_suite "$ASAN_DIR" -E "translations_complete|bench_" "$@"
status=$?
set -e
[ "$status" -eq 0 ] || exit "$status"
unset ASAN_OPTIONS UBSAN_OPTIONS
bash "$ROOT/scripts/fuzz.sh" 60
