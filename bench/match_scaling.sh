#!/usr/bin/env bash
# How the time of bead match grows with the collections: N en and N de
# documents a side (the dev chapters of ../shared/eval/match/dev repeated
# under new names, a few words changed in each copy), against aligning all
# their text as one pair (the cost target: match <= 3x that).
# Usage: bench/match_scaling.sh BEAD_BIN [N...]   (default: 100 1000 10000)
# Writes bench/reports/match.md.
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
echo "against \`bead align\` of all of A's text with all of B's as one pair."
echo "$(nproc) cores, shared with other work; wall seconds, peak RSS."
echo
echo "| N a side | match s | match peak MB | pairs | align all as one pair s | ratio |"
echo "|---:|---:|---:|---:|---:|---:|"
} > "$OUT"
for n in $SIZES; do
    make_side "$n" 0 "$DEV/truth-en-de.tsv" "$TMP/a$n"
    make_side "$n" 1 "$DEV/truth-en-de.tsv" "$TMP/b$n"
    /usr/bin/time -f "%U %S %M" -o "$TMP/t" "$BEAD" match -L en,de "$TMP/a$n" "$TMP/b$n" > "$TMP/m$n.tsv"
    read -r mu msy mk < "$TMP/t"; ms=$(python3 -c "print(round($mu + $msy, 2))")
    cat "$TMP/a$n"/*.txt > "$TMP/all.en.txt"; cat "$TMP/b$n"/*.txt > "$TMP/all.de.txt"
    /usr/bin/time -f "%U %S %M" -o "$TMP/t2" "$BEAD" align -L en,de "$TMP/all.en.txt" "$TMP/all.de.txt" > /dev/null
    read -r au asy ak < "$TMP/t2"; as=$(python3 -c "print(round($au + $asy, 2))")
    ratio=$(python3 -c "print('%.2f' % ($ms / max($as, 0.01)))")
    echo "| $n | $ms | $((mk / 1024)) | $(wc -l < "$TMP/m$n.tsv") | $as | $ratio |" >> "$OUT"
    echo "N=$n: match ${ms}s, align-all ${as}s, ratio $ratio"
done
