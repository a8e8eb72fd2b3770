#!/bin/sh
# The benchmark of issue 5, run on demand (not part of the tests):
#   sh tests/bench/run.sh
# Builds Release in build-bench/, generates deterministic cases and prints
# one-shot/true, batch/jq, batch peak memory, rule scaling and the history
# figures (history and report on 10,000 saved checks). Needs jq, sqlite3,
# python3-yaml and /usr/bin/time (Debian package `time`).
# BENCH_CASES, BENCH_RUNS, BENCH_ONE_SHOT_RUNS, BENCH_SCALE_CASES and
# BENCH_HISTORY_CHECKS override the sizes; BENCH_ONLY=history measures only
# the history figures. Each figure's line ends with "ok" or "MISSED" against
# its target, and the script exits 1 when a target is missed.
set -eu
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${BENCH_BUILD_DIR:-$source_dir/build-bench}
launcher=
if command -v ccache >/dev/null 2>&1; then
    launcher=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSCIATICA_BUILD_TESTS=OFF $launcher >/dev/null
ninja -C "$build_dir" -j2 sciatica >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
python3 "$source_dir/tests/bench/measure.py" "$build_dir/sciatica" "$work"
