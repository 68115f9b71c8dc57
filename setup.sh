#!/usr/bin/env bash
# Sets up ClusterDesk in ./.venv (idempotent; quick when nothing changed).
#   ./setup.sh          the program and its test tools
# On Debian/Ubuntu, run as root (or with sudo available) it also installs the few system
# libraries Qt needs (and Xvfb, for a virtual screen on machines without one).
set -euo pipefail
cd "$(dirname "$0")"

QT_LIBS="libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core"
XCB_LIBS="xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libx11-xcb1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1"

install_system_packages() {
    command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in $QT_LIBS $XCB_LIBS; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    python3 -m venv --help >/dev/null 2>&1 || missing+=("python3-venv")
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "setup: please install these system packages: ${missing[*]}" >&2
            return 0
        fi
    fi
    echo "setup: installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null
}

install_system_packages

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: ClusterDesk needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))" >&2
    exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=.venv/.clusterdesk-setup
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[test]'
    touch "$stamp"
fi
echo "setup: ready — .venv/bin/clusterdesk"
