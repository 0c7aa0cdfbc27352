#!/usr/bin/env bash
# Floors for bead match on the document-matching dev set (../shared/eval/match/dev):
# all six language pairs, precision and recall with score_match.py. The
# targets are P >= 0.98 and R >= 0.95; the floors sit just under what was
# measured when candidates came to be verified best first until a clearly
# parallel one (issue 18): P 1.0000 everywhere, R 1.0000 for bg-de, en-de,
# en-id and bg-en, 0.9861 for de-id, 0.9863 for bg-id (Genesis 7, whose
# names differ in every language, is not among its counterpart's candidates).
# See bench/reports/match.md. About 1 s of CPU a pair.
# Usage: match_dev.sh BEAD_BIN SRC_ROOT. Exit 77 when the dev set is absent
# (and not CI).
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1; SRC=$2
DEV=$SRC/../shared/eval/match/dev
if [ ! -d "$DEV" ]; then
    [ "${CI:-}" = true ] && { echo "FAIL: no $DEV under CI"; exit 1; }
    echo "SKIP: no $DEV"; exit 77
fi
command -v python3 >/dev/null || skip_missing "no python3"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail=0
while read -r pair pfloor rfloor; do
    l1=${pair%-*}; l2=${pair#*-}
    if ! "$BEAD" match -L "$l1,$l2" "@$DEV/list-$pair.$l1" "@$DEV/list-$pair.$l2" >"$TMP/$pair.tsv"; then
        echo "$pair: bead match failed"; fail=1; continue
    fi
    read -r p r < <(python3 "$DEV/../score_match.py" "$DEV/truth-$pair.tsv" "$TMP/$pair.tsv" --json |
        python3 -c "import json,sys; d=json.load(sys.stdin); print('%.4f %.4f' % (d['precision'], d['recall']))")
    echo "$pair: P $p (floor $pfloor) R $r (floor $rfloor)"
    python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) and float(sys.argv[3]) >= float(sys.argv[4]) else 1)" \
        "$p" "$pfloor" "$r" "$rfloor" || { echo "$pair: below the floor"; fail=1; }
done <<'FLOORS'
bg-de 0.99 0.99
en-de 0.99 0.99
en-id 0.99 0.99
bg-en 0.99 0.99
de-id 0.99 0.98
bg-id 0.99 0.98
FLOORS
exit $fail
