#!/usr/bin/env bash
# Hostile sizes for `bead segment` (issue 8): a single 50 MB line (with sentences,
# and without a single break opportunity), a million 1-character lines, and a
# million 1-character paragraphs. Each must exit 0, lose no character, and stay
# under 256 MB of peak memory (GNU time's %M, the maximum resident set size).
# Issue 14: a 300 MB stream without a blank line (one paragraph, segmented in
# windows as it comes), and for `bead align` 100,000 .EOA sections of one
# sentence each and 5,000 sentences made of Cyrillic names only.
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
# One paragraph of 300 MB (50 MB under ASan): windows as it comes.
run_stream() {
    name=$1
    local got=0
    yes 'A line.' | head -c $((MB * 6 * 1000 * 1000)) |
        "$TIME" -f %M -o mem.txt "$BEAD" segment -l en - 2>stderr.txt | wc -l >count.txt || got=$?
    local kb; kb=$(tail -1 mem.txt)
    echo "$name: peak $((kb / 1024)) MB, $(cat count.txt) sentences"
    [ "$(cat count.txt)" = $((MB * 6 * 1000 * 1000 / 8)) ] || fail "$(cat count.txt) sentences: $(head -c 300 stderr.txt)"
    if [ $check_memory = 1 ] && [ "$kb" -gt $LIMIT_KB ]; then fail "peak memory $kb KB > $LIMIT_KB KB"; fi
}
run_stream "a $((MB * 6)) MB paragraph"

# align ARGS...: exit 0 under the memory bound.
run_align() {
    name=$1; shift
    local got=0
    "$TIME" -f %M -o mem.txt "$BEAD" align "$@" >out.txt 2>stderr.txt || got=$?
    local kb; kb=$(tail -1 mem.txt)
    echo "$name: exit $got, peak $((kb / 1024)) MB, $(wc -l <out.txt) lines"
    [ "$got" = 0 ] || fail "exit $got: $(head -c 300 stderr.txt)"
    if [ $check_memory = 1 ] && [ "$kb" -gt $LIMIT_KB ]; then fail "peak memory $kb KB > $LIMIT_KB KB"; fi
}
nsec=$((MB * 2000))
python3 -c "
for side, w in (('en', 'Sentence number %d is here.'), ('de', 'Satz Nummer %d ist hier.')):
    with open(side + '.sections.txt', 'w') as f:
        for i in range($nsec): f.write(w % i + '\n.EOA\n')"
run_align "$nsec sections of one sentence" --presegmented -L en,de -f beads en.sections.txt de.sections.txt
[ "$(wc -l <out.txt)" = $nsec ] || fail "$(wc -l <out.txt) beads for $nsec sections"
python3 -c "
import random
random.seed(4)
letters = 'абвгдежзийклмнопрстуфхцчшщъюя'
def name():
    w = ''.join(random.choice(letters) for _ in range(random.randint(4, 10)))
    return w[0].upper() + w[1:]
for side in ('bg', 'de'):
    with open(side + '.names.txt', 'w') as f:
        for i in range($MB * 100): f.write(' '.join(name() for _ in range(30)) + '.\n')"
# Both sides are Cyrillic on purpose (names as a German text would carry them):
# --force-lang keeps the script check (issue 15) out of the way.
run_align "$((MB * 100)) sentences of 30 Cyrillic names" -L bg,de --force-lang -f beads bg.names.txt de.names.txt
[ $fails = 0 ]
