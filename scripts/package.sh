#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Builds the Debian package and checks it. Installs what is missing first (Debian 12 or 13).
#   scripts/package.sh                  build/scim-console_<version>_<arch>.deb, then lintian, appstreamcli validate
#                                       and desktop-file-validate on what it installs
#   scripts/package.sh --install-check  also installs it with apt in a fresh minimal root of this machine's Debian
#                                       release (debootstrap) and runs scim-console --version, a command, serve
#                                       (answering HTTP) and the console under Xvfb there, and checks the
#                                       service's user and systemd-analyze verify on its unit
set -euo pipefail
CMAKE_OPTIONS=(-DCMAKE_INSTALL_PREFIX=/usr) # where a Debian package installs (the service unit names the binary)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
INSTALL_CHECK=0
[ "${1:-}" = "--install-check" ] && INSTALL_CHECK=1

install_packages "${BUILD_PACKAGES[@]}" dpkg-dev librsvg2-bin lintian appstream desktop-file-utils
[ $INSTALL_CHECK -eq 1 ] && install_packages debootstrap
build scim-console icons cli_docs changelog
log "packaging"
(cd "$BUILD_DIR" && rm -f scim-console_*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$BUILD_DIR"/scim-console_*.deb)

log "checking $(basename "$deb")"
contents=$(mktemp -d)
trap 'rm -rf "$contents"' EXIT
if ! lintian --fail-on error,warning "$deb" >"$contents.lintian" 2>&1; then
    grep -v 'root privileges is not recommended' "$contents.lintian" >&2
    rm -f "$contents.lintian"
    echo "lintian: errors or warnings" >&2
    exit 1
fi
rm -f "$contents.lintian"
echo "lintian: clean"
dpkg-deb -x "$deb" "$contents"
appstreamcli validate --no-net "$contents"/usr/share/metainfo/*.metainfo.xml
desktop-file-validate "$contents"/usr/share/applications/*.desktop
echo "$deb"

[ $INSTALL_CHECK -eq 1 ] || exit 0

# A fresh minimal root of this release; apt installs the package there with what it depends on, as on a new machine.
release=$(. /etc/os-release && echo "$VERSION_CODENAME")
root=$(mktemp -d /tmp/scim-console-root.XXXXXX)
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root" "$contents"
}
trap cleanup EXIT
log "a fresh $release root (debootstrap --variant=minbase)"
debootstrap --variant=minbase "$release" "$root" http://deb.debian.org/debian >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
log "apt install ./$(basename "$deb") there"
chroot "$root" env DEBIAN_FRONTEND=noninteractive bash -c "apt-get update -qq && apt-get install -y -qq \
    --no-install-recommends /tmp/$(basename "$deb") xvfb xauth systemd man-db >/tmp/apt.log 2>&1 \
    || { tail -20 /tmp/apt.log; exit 1; }"
log "running it there"
chroot "$root" bash -euo pipefail -c '
export SCIM_CONSOLE_DB=/tmp/store.sqlite
scim-console --version
getent passwd scim-console >/dev/null || { echo "the service user was not made" >&2; exit 1; }
scim-console org create --name Check >/dev/null
scim-console org list | grep -q Check
scim-console serve --listen 127.0.0.1:0 >/tmp/serve.log 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "listening on" /tmp/serve.log && break; sleep 0.1; done
port=$(sed -n "s|^listening on http://127.0.0.1:\([0-9]*\).*|\1|p" /tmp/serve.log)
[ -n "$port" ] || { cat /tmp/serve.log >&2; exit 1; }
exec 3<>/dev/tcp/127.0.0.1/$port
printf "GET /scim/v2/apps/none/ServiceProviderConfig HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3
answer=$(head -n 1 <&3)
echo "serve answered: $answer"
case "$answer" in "HTTP/1.1 401"*|"HTTP/1.1 404"*) ;; *) echo "unexpected answer" >&2; exit 1 ;; esac
kill -TERM $server
wait $server
# The console: it must start and keep running under a real X server (timeout ends it: 124).
set +e
xvfb-run -a -s "-screen 0 1280x800x24" timeout 8 scim-console >/tmp/gui.log 2>&1
status=$?
set -e
if [ $status -ne 124 ] || grep -qi "could not load the qt platform plugin\|aborted" /tmp/gui.log; then
    cat /tmp/gui.log >&2
    echo "the console did not keep running (exit $status)" >&2
    exit 1
fi
echo "console: ran under Xvfb until stopped"
systemd-analyze verify /usr/lib/systemd/system/scim-console.service
echo "systemd-analyze verify: clean"
man -w scim-console >/dev/null
'
log "the package installs and runs on a fresh $release"
