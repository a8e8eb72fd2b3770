#!/usr/bin/env bash
# One entry point for setting up, building, running and testing sciatica on a
# Debian bookworm machine. Every step is idempotent.
#
#   scripts/dev.sh run [ARGS...]   install what is missing, build, run `sciatica check ARGS`
#   scripts/dev.sh test            install what is missing, build, run every test; then
#                                  again under the sanitizers (build-asan), and each
#                                  fuzzer for SCIATICA_FUZZ_SECONDS (20) seconds
#   scripts/dev.sh build           install what is missing and build
#   scripts/dev.sh package         build the Debian package in build-deb/ with Debian's
#                                  flags and shared libraries, and test it (lintian too)
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${SCIATICA_BUILD_DIR:-build}

log() { printf 'dev.sh: %s\n' "$*" >&2; }
# Where CI's time goes: each stage of `test` says how long the run has taken.
stage() { log "[$((SECONDS / 60))m$((SECONDS % 60))s] $*"; }

install_missing() {
    local list=${1:-scripts/packages.txt} missing=() pkg
    while read -r pkg; do
        pkg=${pkg%%#*}
        pkg=${pkg//[[:space:]]/}
        [ -n "$pkg" ] || continue
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done < "$list"
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >&2
}

# FHIR.js for tests/e2e/test_fhir.py, exactly as tests/fhir/package-lock.json
# pins it: the one download outside apt, done here and never by the build.
# Debian's nodejs and npm only when there is no node or npm already (a
# NodeSource node conflicts with Debian's npm package).
install_fhir_validator() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        install_missing scripts/packages-node.txt
    fi
    local stamp=tests/fhir/node_modules/.sciatica-lock
    if [ -f "$stamp" ] && cmp -s "$stamp" tests/fhir/package-lock.json; then
        return 0
    fi
    log "installing FHIR.js in tests/fhir (npm ci)"
    (cd tests/fhir && npm ci --no-audit --no-fund --loglevel=error >&2)
    cp tests/fhir/package-lock.json "$stamp"
}

build() {
    install_missing
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >&2
    cmake --build "$BUILD_DIR" >&2
}

# The package Debian would take: Debian's flags (hardening=+all adds bind-now
# to the default fortify, stack protector and relro), the shared libraries
# (SCIATICA_LEAN_LINK=OFF), and SOURCE_DATE_EPOCH from the changelog so that
# two builds give the same bytes. Then the package tests, lintian among them.
package() {
    install_missing
    local dir=${SCIATICA_DEB_BUILD_DIR:-build-deb} launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    local cppflags cxxflags ldflags
    cppflags=$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CPPFLAGS)
    cxxflags=$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CXXFLAGS)
    ldflags=$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=None "${launcher[@]}" \
        -DCMAKE_CXX_FLAGS="$cppflags $cxxflags -DNDEBUG" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
        -DSCIATICA_LEAN_LINK=OFF -DSCIATICA_BUILD_TESTS=OFF >&2
    cmake --build "$dir" >&2
    local epoch
    epoch=$(dpkg-parsechangelog -l packaging/debian/changelog -STimestamp)
    rm -rf "$dir/deb"
    SOURCE_DATE_EPOCH=$epoch cpack -G DEB -B "$dir/deb" --config "$dir/CPackConfig.cmake" >&2
    local deb
    deb=$(ls "$dir"/deb/*.deb)
    log "built $deb"
    SCIATICA_DEB=$deb SOURCE_DATE_EPOCH=$epoch SCIATICA_BUILD_DIR=$dir \
        SCIATICA_VERSION=$(sed -n 's/^sciatica (\([^)]*\)).*/\1/p;q' packaging/debian/changelog) \
        python3 -m unittest discover -s tests/package -v
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        build
        exec "$BUILD_DIR/sciatica" check "$@"
        ;;
    test)
        stage "release build"
        # With the strict warnings (-Wconversion -Wsign-conversion
        # -Wold-style-cast) on the project's own code (issue 22).
        build -DSCIATICA_WERROR=ON -DSCIATICA_STRICT_WARNINGS=ON
        install_fhir_validator
        # The package Debian would take, with lintian.
        stage "package"
        package
        stage "tests"
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
        # The whole suite again with AddressSanitizer and UBSan: any report fails.
        # (Not the package test: a sanitizer build is never packaged, and its
        # Depends on libasan/libubsan differ from a release's.)
        # -O1 -g1 (line tables only), as the sanitizers' own documentation
        # suggests: the reports keep file and line, and the build takes about
        # 40% less than -O2 -g, which kept CI near its 30 minutes.
        BUILD_DIR=${SCIATICA_ASAN_BUILD_DIR:-build-asan}
        stage "sanitizer build"
        build -DSCIATICA_WERROR=ON -DSCIATICA_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1"
        stage "sanitizer tests"
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
            ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" -E '^install_and_package$'
        # Short fuzz runs from the committed seeds: any crash fails.
        stage "fuzz"
        install_missing scripts/packages-fuzz.txt
        bash tests/fuzz/run.sh "${SCIATICA_FUZZ_SECONDS:-20}"
        stage "done"
        ;;
    build)
        build
        ;;
    package)
        package
        ;;
    *)
        echo "usage: scripts/dev.sh run [ARGS...] | test | build | package" >&2
        exit 64
        ;;
esac
