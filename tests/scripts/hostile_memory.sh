#!/usr/bin/env bash
# Hostile sizes for `bead segment` (issue 8): a single 50 MB line (with sentences,
# and without a single break opportunity), a million 1-character lines, and a
# million 1-character paragraphs. Each must exit 0, lose no character, and stay
# under 256 MB of peak memory (GNU time's %M, the maximum resident set size).
# usage: hostile_memory.sh BEAD_BIN SRC_ROOT
#
# Under ASan the resident size counts shadow memory and the run is several times
# slower, so there the inputs shrink to 10 MB and the memory bound is not checked.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$(realpath "$1")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
LIMIT_KB=$((256 * 1024))
TIME=$(command -v time || true)
[ -x /usr/bin/time ] && TIME=/usr/bin/time
if [ -z "$TIME" ] || ! "$TIME" -f %M true >/dev/null 2>&1; then
    skip_missing "GNU time (package 'time') is needed to measure peak memory"
fi
MB=50
check_memory=1
if grep -qa -e __asan_init -e __ubsan_handle "$BEAD"; then MB=10; check_memory=0; fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
fails=0
fail() { echo "FAIL [$name]: $*"; fails=$((fails + 1)); }

# Non-whitespace bytes: what "no character lost" keeps, for ASCII input.
visible() { tr -d ' \n\t\r' <"$1" | wc -c; }

run() {
    name=$1; local input=$2
    local t0=$SECONDS got=0
    "$TIME" -f %M -o mem.txt "$BEAD" segment -l en -o out.txt "$input" 2>stderr.txt || got=$?
    local kb; kb=$(tail -1 mem.txt)
    echo "$name: exit $got, $((SECONDS - t0)) s, peak $((kb / 1024)) MB, $(wc -l <out.txt 2>/dev/null || echo 0) sentences"
    [ "$got" = 0 ] || { fail "exit $got: $(head -c 300 stderr.txt)"; return; }
    if [ $check_memory = 1 ] && [ "$kb" -gt $LIMIT_KB ]; then fail "peak memory $kb KB > $LIMIT_KB KB"; fi
    local a b; a=$(visible "$input"); b=$(visible out.txt)
    [ "$a" = "$b" ] || fail "characters lost: $a non-space bytes in, $b out"
    rm -f out.txt
}

bytes=$((MB * 1000 * 1000))
python3 -c "
import sys
s = b'The quick brown fox jumps over the lazy dog. It was 3.5 m away! Why? '
sys.stdout.buffer.write((s * ($bytes // len(s) + 1))[:$bytes])" >line.txt
run "one ${MB} MB line of sentences" line.txt
head -c $bytes /dev/zero | tr '\0' 'a' >word.txt
run "one ${MB} MB line, no break at all" word.txt
rm -f line.txt word.txt
yes a | head -n 1000000 >lines.txt
run "a million 1-character lines" lines.txt
yes a | head -n 1000000 | sed 's/$/\n/' >paras.txt
run "a million 1-character paragraphs" paras.txt
[ $fails = 0 ]
