#!/usr/bin/env bash
# Byte-for-byte comparison of `bead align` output between two builds, for a
# change that must not alter any alignment (a speed-up). Runs -f beads and
# -f tsv on the dev sets (../shared/eval/align), the news corpora and,
# unless --no-scale, the en-de dev set repeated 60 times and 10k and 100k
# pairs made by bench/lib/scaled_pair.py. A tool for developers, not a
# benchmark (bench/run does not run bench/lib).
# Usage: bench/lib/align_identical.sh REF_BEAD NEW_BEAD [--no-scale]
set -u
REF=$1 NEW=$2; SCALE=${3:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EVAL=$ROOT/../shared/eval/align
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail=0 n=0
check() {   # name, then the align arguments
    local name=$1; shift
    for f in beads tsv; do
        "$REF" align -f $f "$@" >"$TMP/ref" 2>"$TMP/ref.err"; local r1=$?
        "$NEW" align -f $f "$@" >"$TMP/new" 2>"$TMP/new.err"; local r2=$?
        n=$((n + 1))
        if [ $r1 != $r2 ] || ! cmp -s "$TMP/ref" "$TMP/new"; then
            echo "DIFFERS: $name -f $f (exit $r1 vs $r2)"; fail=1
        else
            echo "same: $name -f $f ($(wc -l <"$TMP/ref") lines)"
        fi
    done
}
for d in bible-john-bg-de-noisy:bg,de bible-john-bg-en-noisy:bg,en \
         bible-john-en-de-noisy:en,de textberg-1957:de,fr; do
    set -- ${d/:/ }
    [ -d "$EVAL/$1" ] && check "$1" --presegmented -L "$2" "$EVAL/$1/src.txt" "$EVAL/$1/trg.txt"
done
C=$ROOT/corpora/news-dprk-cyber
check bg-de.aljazeera -L bg,de "$C/bg.aljazeera.txt" "$C/de.aljazeera.txt"
check en-bg.news -L en,bg "$C/en.reuters.txt" "$C/bg.aljazeera.txt"
check en-de.news -L en,de "$C/en.reuters.txt" "$C/de.aljazeera.txt"
if [ "$SCALE" != --no-scale ]; then
    # A long pair with a large dictionary (FreeDict en-de, 650,000 pairs):
    # the dictionary evidence takes its scanning path there.
    d=$EVAL/bible-john-en-de-noisy
    if [ -d "$d" ]; then
        for k in $(seq 60); do cat "$d/src.txt"; done >"$TMP/en.txt"
        for k in $(seq 60); do cat "$d/trg.txt"; done >"$TMP/de.txt"
        check "en-de x60" --presegmented -L en,de "$TMP/en.txt" "$TMP/de.txt"
    fi
    d=$EVAL/bible-john-bg-de-noisy
    for k in 10000 100000; do
        [ -d "$d" ] || break
        python3 "$ROOT/bench/lib/scaled_pair.py" "$d" $k "$TMP/s$k.txt" "$TMP/t$k.txt" "$TMP/g$k.txt"
        check "scaled $k" --presegmented -L bg,de "$TMP/s$k.txt" "$TMP/t$k.txt"
    done
fi
echo "$n comparisons, $([ $fail = 0 ] && echo all identical || echo SOME DIFFER)"
exit $fail
