# lib.sh: sourced by tests/scripts/batch_*.sh (run as: bash SCRIPT BEAD SRC).
# Sets BEAD, SRC and T (a scratch folder, removed at exit, the working
# directory), and offers:
#   skip MESSAGE           exit 77 (the test is skipped) with a reason
#   skip_missing MESSAGE   the same for a missing test package (a failure
#                          under CI=true: tests/scripts/lib/skip.sh)
#   fail MESSAGE           exit 1 with a reason
#   make_jobs N [ARGS...]  docs/ and jobs.jsonl: N generated pairs (gen_pairs.py ARGS)
#   reference [ARGS...]    ref.jsonl (and ref-out/ when the jobs write files):
#                          one plain `bead batch` run, the yardstick
#   same_as_reference FILE [OUTDIR]   records (by id, without "seconds") and
#                          output files equal the reference's
set -u
BEAD=$(realpath "$1")
SRC=$(realpath "$2")
T=$(mktemp -d)
cleanup_hooks=()
on_exit() {
    local h
    for h in "${cleanup_hooks[@]}"; do $h; done
    rm -rf "$T"
}
trap on_exit EXIT
cd "$T" || exit 1

skip() { echo "SKIP: $*"; exit 77; }
source "$SRC/tests/scripts/lib/skip.sh"   # skip_missing: a missing test package
fail() { echo "FAIL: $*"; exit 1; }

command -v python3 >/dev/null 2>&1 || skip_missing "python3 is needed to compare results"

make_jobs() {
    local n=$1
    shift
    python3 "$SRC/tests/batch/gen_pairs.py" docs "$n" "$@" > jobs.jsonl || fail "gen_pairs.py"
}

reference() {
    rm -rf out ref-out
    mkdir out
    "$BEAD" batch "$@" < jobs.jsonl > ref.jsonl
    ref_status=$?
    [ "$ref_status" -le 1 ] || fail "the reference run exited $ref_status"
    [ "$(wc -l < ref.jsonl)" = "$(grep -c . jobs.jsonl)" ] ||
        fail "the reference run wrote $(wc -l < ref.jsonl) records for $(grep -c . jobs.jsonl) jobs"
    mv out ref-out
    mkdir out
}

same_as_reference() {
    python3 "$SRC/tests/batch/compare.py" ref.jsonl "$1" || fail "$1 differs from one bead batch run"
    if [ -n "${2:-}" ]; then
        diff -r ref-out "$2" > diff.txt || { head -20 diff.txt; fail "output files in $2 differ"; }
    fi
}
