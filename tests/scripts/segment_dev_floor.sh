#!/bin/bash
# Regression floors on the dev sets of ../shared/eval/segment: exact-sentence
# F1 and boundary F1 may not drop more than 1 point below the scores of
# bench/reports/segment_quality.md, and every core golden rule must pass.
# Skipped (77) where ../shared/eval is absent.
# Usage: segment_dev_floor.sh BEAD_BIN SRC_ROOT
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1
SRC=$2
E=$SRC/../shared/eval/segment
[ -d "$E" ] || { echo "no $E: skipped"; exit 77; }
command -v python3 >/dev/null || skip_missing "python3 missing"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lang exact boundary: the scores when the floors were set, minus 1 point.
FLOORS="bg 85.3 93.9
de 94.9 97.6
en 84.4 92.4
id 87.2 94.6"
fail=0
while read -r lang exact boundary; do
    "$BEAD" segment -l "$lang" "$E/$lang-dev.txt" > "$tmp/$lang.pred" || { echo "FAIL: bead on $lang"; fail=1; continue; }
    python3 "$E/score.py" "$E/$lang-dev.gold" "$tmp/$lang.pred" --json > "$tmp/$lang.json" || { fail=1; continue; }
    python3 - "$tmp/$lang.json" "$lang" "$exact" "$boundary" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
lang, fe, fb = sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
e, b = r['sentence']['f1'] * 100, r['boundary']['f1'] * 100
ok = e >= fe and b >= fb
print(f"{'ok  ' if ok else 'FAIL'} {lang}: exact F1 {e:.2f} (floor {fe}), boundary F1 {b:.2f} (floor {fb})")
sys.exit(0 if ok else 1)
PY
done <<< "$FLOORS"

for lang in bg de en; do
    python3 - "$BEAD" "$lang" "$E/golden-$lang.jsonl" > "$tmp/golden-$lang.pred" <<'PY' || { fail=1; continue; }
import json, subprocess, sys
bead, lang, path = sys.argv[1:4]
for line in open(path, encoding='utf-8'):
    ex = json.loads(line)
    out = subprocess.run([bead, 'segment', '-l', lang, '-'], input=ex['text'].encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    print(json.dumps({"sentences": [s for s in out.split('\n') if s]}, ensure_ascii=False))
PY
    python3 "$E/score.py" --golden "$E/golden-$lang.jsonl" "$tmp/golden-$lang.pred" --json > "$tmp/g.json" || { fail=1; continue; }
    python3 - "$tmp/g.json" "$lang" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
src = r['golden']
c, t = src['correct'], src['total']
print(f"{'ok  ' if c == t else 'FAIL'} golden-{sys.argv[2]} core: {c}/{t}")
sys.exit(0 if c == t else 1)
PY
done
exit $fail
