#!/usr/bin/env bash
# build.sh: set up a Debian 12 machine, build bead, and run the main job or the tests.
#
#   ./build.sh run    install the build packages, build (Release), run the main job
#                     on corpora/ into out/
#   ./build.sh test   install the build and test packages, then: a -Werror build and
#                     ctest; an ASan+UBSan build and ctest (leak checking on); the
#                     libFuzzer harnesses for FUZZ_SECONDS each (when clang is there)
#
# Environment:
#   BUILD_ROOT     where the build folders go (default: build)
#   JOBS           parallel build and test jobs (default: nproc)
#   FUZZ_SECONDS   seconds per fuzz harness (default: 60 under CI=true, else 20;
#                  0 skips fuzzing)
#   SKIP_APT=1     do not check or install packages
#
# Exits non-zero if any stage fails; the stages and their times are listed at the end.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

BUILD_PACKAGES=(cmake pkg-config libicu-dev zlib1g-dev libcjson-dev lowdown build-essential)
TEST_PACKAGES=(libxml2-utils libxml2-dev translate-toolkit clang libclang-rt-14-dev python3
               parallel snakemake slurm-wlm munge chromium time)
DICT_PACKAGES=(dict-freedict-deu-eng dict-freedict-eng-deu dict-freedict-eng-bul
               dict-freedict-deu-bul dict-freedict-eng-ind dict-freedict-deu-ind
               dict-freedict-deu-fra dict-freedict-fra-deu)

BUILD_ROOT=${BUILD_ROOT:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
if [ "${CI:-}" = true ]; then FUZZ_SECONDS=${FUZZ_SECONDS:-60}; else FUZZ_SECONDS=${FUZZ_SECONDS:-20}; fi
CORPUS=corpora/news-dprk-cyber
ALIGN_FILES=("$CORPUS/bg.aljazeera.txt" "$CORPUS/de.aljazeera.txt" "$CORPUS/en.reuters.txt"
             "$CORPUS/id.kontan.txt")

STAGES=()
FAILED=0

say() { printf '\n== %s\n' "$*"; }
warn() { printf 'build.sh: %s\n' "$*" >&2; }

# Runs "$@" as one named stage, timing it; a failure is recorded, not fatal, so
# that one run reports every stage that fails.
stage() {
    local name=$1; shift
    say "$name"
    local t0=$SECONDS rc=0
    "$@" || rc=$?
    local dt=$((SECONDS - t0))
    if [ $rc = 0 ]; then
        STAGES+=("$(printf '%-28s ok      %5ds' "$name" "$dt")")
    elif [ $rc = 77 ]; then
        STAGES+=("$(printf '%-28s skipped %5ds' "$name" "$dt")")
    else
        STAGES+=("$(printf '%-28s FAILED  %5ds (exit %d)' "$name" "$dt" "$rc")")
        FAILED=1
    fi
    return $rc
}

# A stage that cannot run because the one it needs failed.
not_run() {
    STAGES+=("$(printf '%-28s FAILED  (not run: %s)' "$1" "$2")")
    FAILED=1
}

summary() {
    say "summary"
    printf '%s\n' "${STAGES[@]}"
    if [ $FAILED != 0 ]; then echo "build.sh: FAILED"; else echo "build.sh: all stages passed"; fi
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@" || sudo "$@"
    else
        warn "need root to run: $*"
        return 1
    fi
}

# Installs what is missing from the lists given (by name of the list). A required
# package with no candidate is an error; an optional one is skipped with a note
# (the tests that need it skip themselves).
install_packages() {
    [ "${SKIP_APT:-0}" = 1 ] && { echo "SKIP_APT=1: not checking packages"; return 0; }
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        warn "not a Debian system: install these by hand: ${BUILD_PACKAGES[*]}"
        return 0
    fi
    local required=() optional=() p
    for p in "${BUILD_PACKAGES[@]}"; do is_installed "$p" || required+=("$p"); done
    if [ "$1" = test ]; then
        for p in "${TEST_PACKAGES[@]}" "${DICT_PACKAGES[@]}"; do
            is_installed "$p" || optional+=("$p")
        done
    fi
    if [ ${#required[@]} = 0 ] && [ ${#optional[@]} = 0 ]; then
        echo "all packages present"
        return 0
    fi
    echo "missing: ${required[*]} ${optional[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q </dev/null || return 1
    local available=()
    for p in "${optional[@]}"; do
        if has_candidate "$p"; then available+=("$p"); else warn "package $p is not available: tests that need it will skip"; fi
    done
    for p in "${required[@]}"; do
        has_candidate "$p" || { warn "required package $p is not available"; return 1; }
    done
    as_root apt-get install -y -q --no-install-recommends "${required[@]}" "${available[@]}" </dev/null
}

is_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

has_candidate() {
    local c
    c=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
    [ -n "$c" ] && [ "$c" != "(none)" ]
}

# configure DIR [cmake args...]
configure_and_build() {
    local dir=$1; shift
    cmake -S "$ROOT" -B "$dir" "$@" && cmake --build "$dir" -j "$JOBS"
}

run_ctest() {
    ctest --test-dir "$1" --output-on-failure -j "$JOBS" --timeout 600
}

# ---------------------------------------------------------------- run

main_job() {
    local bead=$BUILD_ROOT/release/cli/bead
    mkdir -p out
    local f name
    for f in "$CORPUS"/*.txt; do
        name=$(basename "$f" .txt)
        "$bead" segment -o "out/$name.sentences.txt" "$f" || return 1
        echo "out/$name.sentences.txt: $(wc -l <"out/$name.sentences.txt") sentences"
    done
    # The four versions of the article, aligned together, and the fidelity
    # report on them (verdicts of each pair go to stderr).
    "$bead" align -L bg,de,en,id -f tmx -o out/news-dprk-cyber.tmx "${ALIGN_FILES[@]}" || return 1
    echo "out/news-dprk-cyber.tmx written"
    "$bead" report -L bg,de,en,id -o out/news-dprk-cyber.html "${ALIGN_FILES[@]}" || return 1
    echo "out/news-dprk-cyber.html written"
}

# ---------------------------------------------------------------- test

asan_env() {
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$@"
}

# ctest under the sanitizers, with every report also written to a file, so that
# a leak or UB report counts even in a test that does not check exit statuses.
asan_ctest() {
    local logs
    logs=$(cd "$BUILD_ROOT/asan" && pwd)/sanitizer-logs
    rm -rf "$logs"
    mkdir -p "$logs"
    local rc=0
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1:log_path=$logs/asan \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan \
        run_ctest "$BUILD_ROOT/asan" || rc=$?
    local f n=0
    for f in "$logs"/*; do
        [ -e "$f" ] || continue
        n=$((n + 1))
        [ $n -le 5 ] && { echo "--- $f"; head -40 "$f"; }
    done
    if [ $n -gt 0 ]; then
        echo "build.sh: $n sanitizer report(s) (leaks, memory errors or UB) in $logs"
        rc=1
    fi
    return $rc
}

fuzz_build() {
    command -v clang >/dev/null 2>&1 || { echo "clang not found: fuzzing skipped"; return 77; }
    # Everything is instrumented for coverage (fuzzer-no-link); only the
    # harnesses are linked with libFuzzer's main.
    CC=clang cmake -S "$ROOT" -B "$BUILD_ROOT/fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DBEAD_FUZZ=ON -DBEAD_TESTS=ON \
        -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" &&
        cmake --build "$BUILD_ROOT/fuzz" -j "$JOBS" --target fuzzers
}

fuzz_run() {
    command -v clang >/dev/null 2>&1 || return 77
    [ "$FUZZ_SECONDS" = 0 ] && { echo "FUZZ_SECONDS=0: fuzzing skipped"; return 77; }
    bash tests/fuzz/run.sh "$FUZZ_SECONDS" "$BUILD_ROOT/fuzz"
}

# ---------------------------------------------------------------- main

mode=${1:-}
case "$mode" in
run)
    stage "packages (build)" install_packages run &&
        stage "build (Release)" configure_and_build "$BUILD_ROOT/release" -DCMAKE_BUILD_TYPE=Release &&
        stage "main job (corpora/)" main_job || true
    ;;
test)
    if stage "packages (build+test)" install_packages test; then
        if stage "build (-Werror)" configure_and_build "$BUILD_ROOT/werror" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBEAD_WERROR=ON -DBEAD_BENCH=ON; then
            stage "ctest (-Werror build)" run_ctest "$BUILD_ROOT/werror" || true
        else
            not_run "ctest (-Werror build)" "the build failed"
        fi
        if stage "build (ASan+UBSan)" configure_and_build "$BUILD_ROOT/asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBEAD_SANITIZE=ON; then
            stage "ctest (ASan+UBSan, leaks)" asan_ctest || true
        else
            not_run "ctest (ASan+UBSan, leaks)" "the build failed"
        fi
        rc=0
        stage "build (fuzz, clang)" fuzz_build || rc=$?
        if [ $rc = 0 ]; then
            stage "fuzz (${FUZZ_SECONDS}s per harness)" asan_env fuzz_run || true
        elif [ $rc != 77 ]; then
            not_run "fuzz" "the fuzz build failed"
        fi
    fi
    ;;
*)
    echo "usage: ./build.sh run|test" >&2
    echo "  run   install packages, build, run the main job on corpora/ into out/" >&2
    echo "  test  install packages, build with -Werror and with ASan+UBSan, run ctest on both, fuzz" >&2
    exit 2
    ;;
esac
summary
exit $FAILED
