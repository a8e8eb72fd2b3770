#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, address + undefined sanitizers) in their
# own build directory and runs each for SECONDS seconds from the committed
# seeds. Exits non-zero, keeping the crashing input under BUILD/artifacts/, if
# any target finds a crash, a leak, a sanitizer report, a timeout or an
# out-of-memory.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     (default: 60 s each, all targets)
#
# Targets: fuzz_rules (the rule-set loader), fuzz_answers (JSON and YAML
# answers), fuzz_line (one batch line: answers, evaluation, JSON result),
# fuzz_history (a history database through every reading command).
# SCIATICA_FUZZ_BUILD_DIR overrides the build directory (build-fuzz);
# SCIATICA_FUZZ_JOBS runs that many fuzzing processes per target (default 1;
# more write their logs to fuzz-N.log in the current directory).
set -euo pipefail

cd "$(dirname "$0")/../.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_rules fuzz_answers fuzz_line fuzz_history)
build_dir=${SCIATICA_FUZZ_BUILD_DIR:-build-fuzz}
jobs=${SCIATICA_FUZZ_JOBS:-1}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DSCIATICA_FUZZ=ON -DSCIATICA_SANITIZE=ON -DSCIATICA_BUILD_TESTS=OFF "${launcher[@]}" >&2
cmake --build "$build_dir" --target "${targets[@]}" >&2

mkdir -p "$build_dir/artifacts"
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
status=0
for target in "${targets[@]}"; do
    kind=${target#fuzz_}
    corpus="$build_dir/corpus/$kind"
    mkdir -p "$corpus"
    dictionary=()
    [ -f "tests/fuzz/$target.dict" ] && dictionary=(-dict="tests/fuzz/$target.dict")
    echo "fuzz: $target for ${seconds}s" >&2
    # New inputs go to the first (scratch) corpus; the committed seeds are
    # read only.
    if ! "$build_dir/tests/fuzz/$target" "$corpus" "tests/fuzz/seeds/$kind" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        "${parallel[@]}" -print_final_stats=1 \
        -artifact_prefix="$build_dir/artifacts/$target-" "${dictionary[@]}" \
        2>"$build_dir/$target.log"; then
        echo "fuzz: $target FAILED; see $build_dir/$target.log and $build_dir/artifacts/" >&2
        tail -n 40 "$build_dir/$target.log" >&2
        status=1
        continue
    fi
    grep -E '^Done [0-9]+ runs' "$build_dir/$target.log" |
        sed "s/^/fuzz: $target: /" >&2 || true
done
exit $status
