#!/bin/sh
# Keeps the benchmark's inputs from rotting (ctest `bench_smoke`): generates a
# few cases and a 3x rule set and runs them through the binary. No timing.
# Usage: smoke.sh SCIATICA
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rules=$here/../../rules/default.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen.py" cases "$rules" 20 > "$work/cases.jsonl"
python3 "$here/gen.py" scale "$rules" 3 > "$work/rules-3x.yaml"
python3 "$here/gen.py" cases "$work/rules-3x.yaml" 5 > "$work/cases-3x.jsonl"
"$1" batch "$work/cases.jsonl" > "$work/out.jsonl"
"$1" --rules "$work/rules-3x.yaml" batch "$work/cases-3x.jsonl" > "$work/out-3x.jsonl"
test "$(wc -l < "$work/out.jsonl")" -eq 20
test "$(wc -l < "$work/out-3x.jsonl")" -eq 5
if grep -q '"error"' "$work/out.jsonl" "$work/out-3x.jsonl"; then
    echo "bench_smoke: a generated case was refused" >&2
    exit 1
fi
