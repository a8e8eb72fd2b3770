#!/bin/sh
# Writes the fuzz_history seeds (tests/fuzz/seeds/history/): real history
# databases made by SCIATICA (default build/sciatica), so that the fuzzer's
# bit flips and truncations start from what a person's file holds. The
# schema-2-*.sqlite3 seeds beside them were made the same way by a build
# before schema 3 (table check_list), and stay: a file of that age is read
# without being migrated, by another path.
#   sh tests/fuzz/make_history_seeds.sh [SCIATICA]
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-build/sciatica}
out=tests/fuzz/seeds/history
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export XDG_DATA_HOME="$work"
db="$work/sciatica/history.sqlite3"
"$bin" check --save --answer leg_pain=yes --answer pain_score=3 --answer leg_weakness=no >/dev/null
cp "$db" "$out/one-check.sqlite3"
"$bin" check --save --answer leg_pain=yes --answer pain_score=8 --answer leg_weakness=yes \
    --answer pain_below_knee=yes >/dev/null
cp "$db" "$out/two-checks-with-changes.sqlite3"
# A draft beside them, as an interview stopped with Ctrl-D leaves one.
sqlite3 "$db" "INSERT INTO draft (id, at, answers) SELECT 1, at, answers FROM checks WHERE id = 1"
cp "$db" "$out/with-draft.sqlite3"
: >"$out/empty.sqlite3"
