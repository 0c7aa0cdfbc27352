#!/usr/bin/env bash
# A translation whose words link weakly is still parallel. Without a
# dictionary, Bulgarian and German (or English) share names, numbers and few
# cognates, so the translation evidence of each verse of the Gospel of John
# is weak: the verdict once came out "comparable" and `bead align` wrote
# nothing for a text it aligns at strict F1 0.96 (align/judge/verdict.c,
# weakly_parallel). Two dozen unrelated Genesis chapters against two dozen
# others, concatenated, stay unrelated.
# Usage: verdict_weak_evidence.sh BEAD_BIN SRC_ROOT. Exit 77 without ../shared.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1; SRC=$2
EVAL=$SRC/../shared/eval
[ -d "$EVAL/align" ] && [ -d "$EVAL/match/dev" ] || { echo "SKIP: no $EVAL"; exit 77; }
command -v python3 >/dev/null || skip_missing "no python3"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail=0
verdict() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['verdict'])" "$1"; }

for set in bible-john-bg-de-noisy bible-john-bg-en-noisy bible-john-en-de-noisy; do
    d=$EVAL/align/$set
    langs=$(python3 -c "import json,sys; print(','.join(json.load(open(sys.argv[1]))['langs']))" "$d/meta.json")
    "$BEAD" align --presegmented --dict none -L "$langs" --summary-json "$TMP/s.json" \
        "$d/src.txt" "$d/trg.txt" >"$TMP/rows.tsv" 2>"$TMP/err" || { echo "$set: bead failed"; fail=1; continue; }
    v=$(verdict "$TMP/s.json"); rows=$(wc -l <"$TMP/rows.tsv"); lines=$(wc -l <"$d/src.txt")
    echo "$set --dict none: $v, $rows rows for $lines source lines"
    [ "$v" = parallel ] || { echo "  FAIL: expected parallel"; fail=1; }
    [ $((rows * 100)) -ge $((lines * 85)) ] || { echo "  FAIL: too few rows"; fail=1; }
done

# Unrelated: 25 chapters against 25 others (none the counterpart of another).
M=$EVAL/match/dev
for lp in bg-de en-de; do
    l1=${lp%-*}; l2=${lp#*-}
    cut -f1 "$M/truth-$lp.tsv" | head -25 | while read -r f; do cat "$M/$f"; echo; done >"$TMP/a.txt"
    cut -f2 "$M/truth-$lp.tsv" | sed -n 31,55p | while read -r f; do cat "$M/$f"; echo; done >"$TMP/b.txt"
    for dict in none auto; do
        "$BEAD" align --dict $dict -L "$l1,$l2" --summary-json "$TMP/s.json" "$TMP/a.txt" "$TMP/b.txt" \
            >"$TMP/rows.tsv" 2>/dev/null || { echo "$lp: bead failed"; fail=1; continue; }
        v=$(verdict "$TMP/s.json")
        echo "$lp 25 chapters against 25 others, --dict $dict: $v"
        [ "$v" != parallel ] || { echo "  FAIL: unrelated chapters called parallel"; fail=1; }
    done
done
exit $fail
