#!/usr/bin/env bash
# One entry point for setting up, building, running and testing sciatica on a
# Debian bookworm machine. Every step is idempotent.
#
#   scripts/dev.sh run [ARGS...]   install what is missing, build, run `sciatica check ARGS`
#   scripts/dev.sh test            install what is missing, build, run every test
#   scripts/dev.sh build           install what is missing and build
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${SCIATICA_BUILD_DIR:-build}

log() { printf 'dev.sh: %s\n' "$*" >&2; }

install_missing() {
    local missing=() pkg
    while read -r pkg; do
        pkg=${pkg%%#*}
        pkg=${pkg//[[:space:]]/}
        [ -n "$pkg" ] || continue
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done < scripts/packages.txt
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >&2
}

build() {
    install_missing
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >&2
    cmake --build "$BUILD_DIR" >&2
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        build
        exec "$BUILD_DIR/sciatica" check "$@"
        ;;
    test)
        build -DSCIATICA_WERROR=ON
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
        ;;
    build)
        build
        ;;
    *)
        echo "usage: scripts/dev.sh run [ARGS...] | test | build" >&2
        exit 64
        ;;
esac
