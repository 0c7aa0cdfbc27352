#!/usr/bin/env bash
# Verdicts from translation evidence on chapters of Genesis and Exodus
# (../shared/eval/match/dev; skipped without it): a fixed set of 10 true
# chapter pairs (en-de, bg-de) must be parallel, and 31 pairs of chapters
# that do not translate each other (among them Genesis 41 en against
# Genesis 9 de, parallel at 0.97 before) must not be, and must get no row
# scored 0.9 or more; aligned by force (--mode align), at most 2 in 100 of
# their units may score 0.5 or more. All through `bead batch`, which decides
# as `bead align` does.
set -u
BEAD=$1; SRC=$2
DEV=$SRC/../shared/eval/match/dev
[ -d "$DEV" ] || { echo "SKIP: $DEV missing"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
python3 - "$DEV" "$T" >"$T/jobs.tsv" <<'PY'
import sys
dev, tmp = sys.argv[1], sys.argv[2]
for lp in ('en-de', 'bg-de'):
    l1, l2 = lp.split('-')
    truth = sorted(tuple(l.rstrip('\n').split('\t')) for l in open('%s/truth-%s.tsv' % (dev, lp)))[:5]
    for k, (a, b) in enumerate(truth):
        print('T|%s|%s\t%s/%s\t%s/%s\t%s,%s' % (a, b, dev, a, dev, b, l1, l2))
        for d in (1, 2, 3):
            c = truth[(k + d) % len(truth)][1]
            print('F|%s|%s\t%s/%s\t%s/%s\t%s,%s' % (a, c, dev, a, dev, c, l1, l2))
a, b = 'en/46dabfba167c.txt', 'de/085b7486ee61.txt'   # Genesis 41, Genesis 9
print('F|%s|%s\t%s/%s\t%s/%s\ten,de' % (a, b, dev, a, dev, b))
PY
"$BEAD" batch -j 2 --jobs-format tsv <"$T/jobs.tsv" >"$T/auto.jsonl" || { echo "bead batch failed"; exit 1; }
grep '^F' "$T/jobs.tsv" | awk -F'\t' -v d="$T" 'BEGIN{OFS="\t"} {print $1, $2, $3, $4, d "/" NR ".beads"}' >"$T/force.tsv"
"$BEAD" batch -j 2 --jobs-format tsv --mode align -f beads <"$T/force.tsv" >/dev/null ||
    { echo "bead batch --mode align failed"; exit 1; }
python3 - "$T" <<'PY'
import glob, json, sys
tmp = sys.argv[1]
fail = 0
n = {'T': 0, 'F': 0}
ok = {'T': 0, 'F': 0}
high = 0
for line in open(tmp + '/auto.jsonl'):
    r = json.loads(line)
    kind, a, b = r['id'].split('|')
    n[kind] += 1
    if r.get('status') != 'ok':
        print('%s %s: %s' % (a, b, r.get('error')))
        fail = 1
        continue
    v = r.get('verdict')
    if (kind == 'T') == (v == 'parallel'):
        ok[kind] += 1
    else:
        print('%s %s: %s (%s pair)' % (a, b, v, 'true' if kind == 'T' else 'false'))
        fail = 1
    if kind == 'F':
        for row in r.get('tsv', '').split('\n'):
            if row and float(row.rsplit('\t', 1)[1]) >= 0.9:
                print('%s %s: row scored %s' % (a, b, row.rsplit('\t', 1)[1]))
                high += 1
                fail = 1
units = confident = 0
for path in glob.glob(tmp + '/*.beads'):
    for line in open(path):
        a, b, sc = line.strip().split(':')
        if a != '[]' and b != '[]':
            units += 1
            confident += float(sc) >= 0.5
print('%d/%d true pairs parallel, %d/%d others not, %d rows of others scored >= 0.9; '
      'forced: %d of %d units scored >= 0.5' % (ok['T'], n['T'], ok['F'], n['F'], high, confident, units))
if units == 0 or confident > 0.02 * units:
    fail = 1
sys.exit(fail)
PY
