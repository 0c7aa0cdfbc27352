#!/usr/bin/env bash
# The learned lexicon (bead align --learn yes, the default): a second pass
# with word pairs learned from the first pass's confident 1-1 beads.
# 1. A made-up language pair (a word-for-word cipher, no numbers, names or
#    dictionary, a few sentences dropped on either side): only the learned
#    word pairs can place the gaps, so --learn yes must get every 1-1 bead
#    right and --learn no must not; the same input gives the same output.
# 2. On the dev sets (skipped without ../shared/eval): --learn yes --dict none
#    at least the strict F1 measured when it was added, minus 0.01.
# Usage: align_learn.sh BEAD_BIN SRC_ROOT.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); SRC=$(cd "$2" && pwd)
command -v python3 >/dev/null || skip_missing "no python3"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
fail=0

python3 - <<'PY'
import random
rnd = random.Random(7)
def word(r):
    return ''.join(r.choice('bcdfghklmnprstvz') + r.choice('aeiou') for _ in range(r.randint(2, 4)))
lexicon = random.Random(1)
vocab = [(word(lexicon), word(lexicon)) for _ in range(400)]
src, trg, gold = [], [], []
for _ in range(300):
    ws = [rnd.choice(vocab) for _ in range(rnd.randint(6, 10))]
    s = ' '.join(a for a, _ in ws).capitalize() + '.'
    t = ' '.join(b for _, b in ws).capitalize() + '.'
    drop_s = rnd.random() < 0.04
    drop_t = not drop_s and rnd.random() < 0.04
    if not drop_s: src.append(s)
    if not drop_t: trg.append(t)
    if not drop_s and not drop_t: gold.append((len(src) - 1, len(trg) - 1))
open('src.txt', 'w').write('\n'.join(src) + '\n')
open('trg.txt', 'w').write('\n'.join(trg) + '\n')
open('gold.txt', 'w').write(''.join('%d %d\n' % g for g in gold))
PY
count() {   # right and wrong 1-1 beads of $1 against gold.txt
    python3 - "$1" <<'PY'
import sys
gold = set(tuple(map(int, l.split())) for l in open('gold.txt'))
got = set()
for line in open(sys.argv[1]):
    a, b, _ = line.strip().split(':')
    a = [int(x) for x in a[1:-1].split(',') if x]
    b = [int(x) for x in b[1:-1].split(',') if x]
    if len(a) == 1 and len(b) == 1:
        got.add((a[0], b[0]))
print(len(got & gold), len(got - gold), len(gold))
PY
}
for learn in no yes yes; do
    out=learn-$learn.beads; [ -f "$out" ] && out=learn-$learn-again.beads
    if ! "$BEAD" align --presegmented --mode align --dict none --learn $learn -L en,de -f beads \
            src.txt trg.txt >"$out" 2>err.txt; then
        echo "cipher: bead align --learn $learn failed:"; cat err.txt; fail=1
    fi
done
read -r right_no wrong_no total < <(count learn-no.beads)
read -r right_yes wrong_yes _ < <(count learn-yes.beads)
echo "cipher: --learn no: $right_no of $total 1-1 beads right, $wrong_no wrong; --learn yes: $right_yes right, $wrong_yes wrong"
if [ "$right_yes" != "$total" ] || [ "$wrong_yes" != 0 ]; then
    echo "cipher: --learn yes should get every 1-1 bead right"; fail=1
fi
if [ "$wrong_no" = 0 ]; then
    echo "cipher: --learn no is already perfect, so this case no longer tests learning"; fail=1
fi
cmp -s learn-yes.beads learn-yes-again.beads || { echo "cipher: two runs differ"; fail=1; }

EVAL=$SRC/../shared/eval/align
if [ ! -d "$EVAL" ]; then
    echo "no $EVAL: dev-set floors skipped"
    exit $fail
fi
# Strict F1 of --learn yes --dict none when this was written, minus 0.01.
while read -r set langs floor; do
    [ -d "$EVAL/$set" ] || continue
    if ! "$BEAD" align --presegmented --dict none --learn yes -L "$langs" -f beads \
            "$EVAL/$set/src.txt" "$EVAL/$set/trg.txt" >"$set.beads" 2>/dev/null; then
        echo "$set: bead align failed"; fail=1; continue
    fi
    f1=$(python3 "$EVAL/score.py" --json "$EVAL/$set/gold.txt" "$set.beads" |
         python3 -c "import json,sys; print('%.4f' % json.load(sys.stdin)['f1_strict'])")
    echo "$set --learn yes --dict none: strict F1 $f1 (floor $floor)"
    python3 -c "import sys; sys.exit(float(sys.argv[1]) < float(sys.argv[2]))" "$f1" "$floor" || fail=1
done <<'SETS'
bible-john-bg-de-noisy bg,de 0.969
bible-john-bg-en-noisy bg,en 0.966
bible-john-en-de-noisy en,de 0.974
textberg-1957 de,fr 0.809
SETS
exit $fail
