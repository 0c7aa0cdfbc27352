#!/usr/bin/env bash
# How the time of bead match grows with the collections: N en and N de
# documents a side (the dev chapters of ../shared/eval/match/dev repeated
# under new names, a few words changed in each copy), against aligning all
# their text as one pair (the cost target: match <= 3x that).
# Usage: bench/match_scaling.sh BEAD_BIN [N...]   (default: 100 1000 10000)
# INDEX_ONLY_ABOVE=N: above N documents a side, only the index/candidate stage
# (--verify 0) and the alignment are run. Writes the table to
# bench/reports/match.md (notes on the figures are added under it by hand).
set -eu
BEAD=$(realpath "$1"); shift
SIZES=${*:-100 1000 10000}
HERE=$(cd "$(dirname "$0")" && pwd)
DEV=$HERE/../../shared/eval/match/dev
[ -d "$DEV" ] || { echo "no $DEV"; exit 77; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
OUT=$HERE/reports/match.md
make_side() {   # make_side N COLUMN TRUTH DIR: N documents from one side of the true pairs,
                # in the truth's order on both sides, so that the concatenations are parallel
    python3 - "$1" "$DEV" "$3" "$4" "$2" <<'PY'
import os, random, sys
n, dev, lst, out, col = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
os.makedirs(out, exist_ok=True)
files = [l.rstrip('\n').split('\t')[col] for l in open(lst) if l.strip()]
rng = random.Random(7 + col)
for i in range(n):
    f = files[i % len(files)]
    text = open(os.path.join(dev, f), encoding='utf-8').read()
    if i >= len(files):    # a copy: change a few words, so copies are not identical
        w = text.split(' ')
        for _ in range(5):
            j = rng.randrange(len(w)); w[j] = w[j][::-1]
        text = ' '.join(w)
    open(os.path.join(out, 'd%06d.txt' % i), 'w', encoding='utf-8').write(text)
PY
}
{
echo "# bead match: time against collection size"
echo
echo "N en and N de documents (the true en-de chapter pairs of the match dev set, repeated"
echo "under new names with five words changed per copy); \`bead match -L en,de A B\`"
echo "against \`bead align\` of all of A's text with all of B's as one pair (the cost"
echo "target: match <= 3x that). CPU seconds (user + sys: the machine is shared, wall"
echo "time says little), peak RSS. \"index only\" is \`--verify 0\`: reading, keying and"
echo "indexing both sides and every query, no verification."
echo
echo "| N a side | match CPU s | match peak MB | index only CPU s | index only peak MB | verified | parallel pairs | align all CPU s | align peak MB | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$OUT"
cpu() {   # cpu FILE: user + sys of a /usr/bin/time -f "%U %S %M" file, and MB
    read -r u sy k < "$1"
    python3 -c "print('%.2f %d' % ($u + $sy, $k // 1024))"
}
for n in $SIZES; do
    make_side "$n" 0 "$DEV/truth-en-de.tsv" "$TMP/a$n"
    make_side "$n" 1 "$DEV/truth-en-de.tsv" "$TMP/b$n"
    if [ "${INDEX_ONLY_ABOVE:-0}" -gt 0 ] && [ "$n" -gt "${INDEX_ONLY_ABOVE}" ]; then
        ms=-; mk=-; nv=-; np=-
    else
        /usr/bin/time -f "%U %S %M" -o "$TMP/t" "$BEAD" match -L en,de -f candidates "$TMP/a$n" "$TMP/b$n" > "$TMP/c$n.jsonl"
        read -r ms mk < <(cpu "$TMP/t")
        nv=$(grep -c '"verified":true' "$TMP/c$n.jsonl" || true)
        "$BEAD" match --merge "$TMP/c$n.jsonl" > "$TMP/m$n.tsv"
        np=$(grep -c "	parallel	" "$TMP/m$n.tsv" || true)
    fi
    /usr/bin/time -f "%U %S %M" -o "$TMP/t1" "$BEAD" match -L en,de --verify 0 "$TMP/a$n" "$TMP/b$n" > /dev/null
    read -r is ik < <(cpu "$TMP/t1")
    cat "$TMP/a$n"/*.txt > "$TMP/all.en.txt"; cat "$TMP/b$n"/*.txt > "$TMP/all.de.txt"
    /usr/bin/time -f "%U %S %M" -o "$TMP/t2" "$BEAD" align -L en,de "$TMP/all.en.txt" "$TMP/all.de.txt" > /dev/null
    read -r as ak < <(cpu "$TMP/t2")
    ratio=$(python3 -c "print('%.2f' % (float('$ms') / max($as, 0.01)) if '$ms' != '-' else '-')")
    echo "| $n | $ms | $mk | $is | $ik | $nv | $np | $as | $ak | $ratio |" >> "$OUT"
    echo "N=$n: match ${ms}s, index only ${is}s, align-all ${as}s, ratio $ratio"
    rm -rf "$TMP/a$n" "$TMP/b$n"
done
