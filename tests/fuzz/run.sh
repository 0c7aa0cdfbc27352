#!/usr/bin/env bash
# Runs every libFuzzer harness for a bounded time.
# usage: tests/fuzz/run.sh SECONDS [BUILD_DIR]
#   BUILD_DIR: a tree configured with clang, -DBEAD_FUZZ=ON and
#   -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" and built with
#   `cmake --build BUILD_DIR --target fuzzers` (./build.sh test does both);
#   default build/fuzz.
# Each harness starts from its seeds (tests/fuzz/seeds/<h>/) and its regressions,
# and grows a work corpus in BUILD_DIR/fuzz-corpus/<h>/ (kept between runs). A
# crash, leak, UB report, failed property or slow input (over 20 s) stops that
# harness; its input is saved as BUILD_DIR/fuzz-artifacts/<h>/crash-*, and the
# script says how to turn it into a regression test. Exit status: 0 if every
# harness ran clean, 1 otherwise.
set -u
SECONDS_EACH=${1:?usage: run.sh SECONDS [BUILD_DIR]}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(cd "${2:-$ROOT/build/fuzz}" && pwd) || exit 1
BIN=$BUILD/tests/fuzz
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

harnesses=()
for src in "$HERE"/fuzz_*.c; do
    h=$(basename "$src" .c); h=${h#fuzz_}
    if [ -x "$BIN/fuzz_$h" ]; then harnesses+=("$h"); else echo "note: $BIN/fuzz_$h not built"; fi
done
[ ${#harnesses[@]} -gt 0 ] || { echo "no fuzz harnesses built in $BIN"; exit 1; }

failed=()
for h in "${harnesses[@]}"; do
    corpus=$BUILD/fuzz-corpus/$h
    artifacts=$BUILD/fuzz-artifacts/$h
    mkdir -p "$corpus" "$artifacts"
    dirs=("$corpus" "$HERE/seeds/$h")
    [ -d "$HERE/regressions/$h" ] && dirs+=("$HERE/regressions/$h")
    # The aligner is quadratic in places and runs under ASan here: short inputs.
    max_len=16384
    [ "$h" = align ] && max_len=4096
    echo "== fuzz_$h: ${SECONDS_EACH}s"
    t0=$SECONDS
    rc=0
    "$BIN/fuzz_$h" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
        -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "${dirs[@]}" >"$artifacts/log.txt" 2>&1 || rc=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$artifacts/log.txt" | tr '\n' ' '
    echo "($((SECONDS - t0)) s, exit $rc)"
    if [ $rc != 0 ]; then
        failed+=("$h")
        grep -E -A15 'ERROR: |fuzz check failed|runtime error|SUMMARY' "$artifacts/log.txt" | head -40
        for a in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/slow-unit-*; do
            [ -e "$a" ] || continue
            echo "input saved: $a"
            echo "  make it a regression test: mkdir -p tests/fuzz/regressions/$h && cp '$a' tests/fuzz/regressions/$h/"
        done
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing FAILED: ${failed[*]}"
    exit 1
fi
echo "fuzzing: ${#harnesses[@]} harnesses ran ${SECONDS_EACH}s each, clean"
