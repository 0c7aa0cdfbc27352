#!/usr/bin/env bash
# Verdicts on the document-matching dev set (../shared/eval/match/dev): every
# document of one list against every document of the other, through
# `bead batch` with the defaults (--mode auto), one language pair at a time.
# For each pair: the share of true pairs judged parallel, of the others
# judged parallel or comparable, the non-matching pairs that get rows and
# their best score, and score_match.py's precision and recall.
# Writes bench/reports/verdicts.md (the rows of pairs not run this time are
# kept from bench/reports/verdicts.json). Not part of ctest.
#
# Usage: bench/verdict_match.sh [LANGPAIR...]   (default: all six)
#   SAMPLE=N  only N non-matching pairs per language pair, drawn at random
#             (seed 13), besides every true pair: a quicker, rougher look
#   JOBS=N    threads for bead batch (default 2); BUILD, MATCH as below
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
match=${MATCH:-$root/../shared/eval/match}
build=${BUILD:-$root/build-bench}
bead=$build/cli/bead
jobs=${JOBS:-2}
sample=${SAMPLE:-0}
report=$here/reports/verdicts.md
cache=$here/reports/verdicts.json
mkdir -p "$here/reports"
if [ ! -d "$match/dev" ]; then
    echo "bench/verdict_match.sh: $match/dev not found, skipped" >&2
    exit 0
fi
if [ ! -x "$bead" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 >/dev/null
fi
pairs=("$@")
[ ${#pairs[@]} -gt 0 ] || pairs=(en-de bg-de en-id bg-en de-id bg-id)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lp in "${pairs[@]}"; do
    l1=${lp%-*}; l2=${lp#*-}
    python3 - "$match/dev" "$lp" "$sample" >"$tmp/$lp.jobs" <<'PY'
import random, sys
dev, lp, sample = sys.argv[1], sys.argv[2], int(sys.argv[3])
l1, l2 = lp.split('-')
a = [x.strip() for x in open('%s/list-%s.%s' % (dev, lp, l1)) if x.strip()]
b = [x.strip() for x in open('%s/list-%s.%s' % (dev, lp, l2)) if x.strip()]
truth = set(tuple(l.rstrip('\n').split('\t')) for l in open('%s/truth-%s.tsv' % (dev, lp)))
jobs = [(x, y) for x in a for y in b]
if sample:
    others = [j for j in jobs if j not in truth]
    random.Random(13).shuffle(others)
    jobs = [j for j in jobs if j in truth] + others[:sample]
for x, y in jobs:
    print('%s|%s\t%s/%s\t%s/%s\t%s,%s' % (x, y, dev, x, dev, y, l1, l2))
PY
    echo "$lp: $(wc -l <"$tmp/$lp.jobs") pairs" >&2
    /usr/bin/time -f "%e %U" -o "$tmp/$lp.time" \
        "$bead" batch -j "$jobs" --jobs-format tsv <"$tmp/$lp.jobs" >"$tmp/$lp.jsonl" || true
done
python3 - "$match" "$tmp" "$report" "$cache" "$sample" "${pairs[@]}" <<'PY'
import json, os, subprocess, sys
match, tmp, report, cache, sample, pairs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6:]
old = json.load(open(cache)) if os.path.exists(cache) else {}
for lp in pairs:
    truth = set(tuple(l.rstrip('\n').split('\t')) for l in open('%s/dev/truth-%s.tsv' % (match, lp)))
    n = {'true': 0, 'true_parallel': 0, 'false': 0, 'false_parallel': 0, 'false_comparable': 0,
         'false_with_rows': 0, 'false_rows': 0, 'false_rows_09': 0, 'false_best': 0.0, 'errors': 0}
    worst = []
    with open('%s/%s.pred' % (tmp, lp), 'w') as pred:
        for line in open('%s/%s.jsonl' % (tmp, lp)):
            r = json.loads(line)
            if r.get('status') != 'ok':
                n['errors'] += 1
                continue
            a, b = r['id'].split('|')
            v = r.get('verdict', 'none')
            pred.write('%s\t%s\t%s\n' % (a, b, v))
            rows = [x for x in r.get('tsv', '').split('\n') if x]
            if (a, b) in truth:
                n['true'] += 1
                n['true_parallel'] += v == 'parallel'
                continue
            n['false'] += 1
            n['false_parallel'] += v == 'parallel'
            n['false_comparable'] += v == 'comparable'
            if rows:
                scores = [float(x.rsplit('\t', 1)[1]) for x in rows]
                n['false_with_rows'] += 1
                n['false_rows'] += len(rows)
                n['false_rows_09'] += sum(s >= 0.9 for s in scores)
                n['false_best'] = max(n['false_best'], max(scores))
                worst.append((max(scores), a, b, v, len(rows)))
    score = json.loads(subprocess.run([sys.executable, '%s/score_match.py' % match,
                                       '%s/dev/truth-%s.tsv' % (match, lp), '%s/%s.pred' % (tmp, lp), '--json'],
                                      capture_output=True, text=True).stdout or '{}')
    wall, user = open('%s/%s.time' % (tmp, lp)).read().split()[-2:]
    n['precision'] = score.get('precision')
    n['recall'] = score.get('recall')
    n['cpu_seconds'] = float(user)
    n['sample'] = sample
    n['worst'] = sorted(worst, reverse=True)[:5]
    old[lp] = n
json.dump(old, open(cache, 'w'), indent=1, sort_keys=True)
pct = lambda a, b: '%.2f%%' % (100.0 * a / b) if b else '–'
with open(report, 'w', encoding='utf-8') as f:
    f.write('## Verdicts on the document-matching dev set (bench/verdict_match.sh)\n\n')
    f.write('Every Genesis and Exodus chapter of one list against every chapter of the other '
            '(../shared/eval/match/dev), through `bead batch` with the defaults (`--mode auto`, '
            'the installed FreeDict dictionary for the pair when there is one; bg-id has none). '
            'Targets: parallel for >= 98% of the true pairs and <= 0.5% of the others; rows '
            'written for <= 2% of the others, none scored >= 0.9.\n\n')
    f.write('| pair | pairs run | true pairs parallel | others parallel | others comparable | '
            'others with rows | rows of others (>= 0.9) | best row score of others | precision | recall | CPU s |\n')
    f.write('|---|---|---|---|---|---|---|---|---|---|---|\n')
    for lp in sorted(old):
        n = old[lp]
        f.write('| %s | %d%s | %d/%d (%s) | %d/%d (%s) | %d (%s) | %d (%s) | %d (%d) | %.4f | %s | %s | %.0f |\n' % (
            lp, n['true'] + n['false'], ' (sample)' if n['sample'] else '',
            n['true_parallel'], n['true'], pct(n['true_parallel'], n['true']),
            n['false_parallel'], n['false'], pct(n['false_parallel'], n['false']),
            n['false_comparable'], pct(n['false_comparable'], n['false']),
            n['false_with_rows'], pct(n['false_with_rows'], n['false']),
            n['false_rows'], n['false_rows_09'], n['false_best'],
            '%.3f' % n['precision'] if n['precision'] is not None else '–',
            '%.3f' % n['recall'] if n['recall'] is not None else '–', n['cpu_seconds']))
    f.write('\nBefore (commit 3f56e03, en-de, from the issue): 2,013 of 6,561 pairs parallel, '
            '1,940 of them wrong (precision 0.036).\n\n')
    f.write('Non-matching pairs with the highest-scored rows (score, pair, verdict, rows):\n\n')
    for lp in sorted(old):
        for w in old[lp]['worst']:
            f.write('- %s: %.4f %s %s %s, %d rows\n' % (lp, w[0], w[1], w[2], w[3], w[4]))
print(open(report).read())
PY
echo "wrote $report" >&2
