#!/usr/bin/env bash
# Calibration of bead's unit scores (bench/reports/calibration.md):
#  1. the Bible alignment dev sets (../shared/eval/align/bible-john-*), aligned
#     with the defaults: among the units scored in each bin, the share that
#     are exactly right (gold beads);
#  2. non-matching chapter pairs of the matching dev set
#     (../shared/eval/match/dev), aligned by force (`--mode align -f beads`):
#     every unit that pairs sentences is wrong, so the share scored 0.5 or
#     more is the share of confident junk.
# Targets (issue 13): units scored >= 0.9 are right >= 97% of the time on the
# Bible sets; at most 1 unit in 100 of the forced pairs scores >= 0.5.
# REF=path/to/older/bead adds its figures as "before" (its batch has no
# --mode: it always writes the monotone alignment); REF_DESC says what it is.
#   NEG=N      non-matching pairs per language pair (default 300, seed 13)
#   LANGPAIRS  language pairs for part 2 (default "en-de bg-de en-id bg-en de-id bg-id")
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${SHARED:-$root/../shared/eval}
build=${BUILD:-$root/build-bench}
bead=$build/cli/bead
neg=${NEG:-300}
langpairs=${LANGPAIRS:-en-de bg-de en-id bg-en de-id bg-id}
report=$here/reports/calibration.md
mkdir -p "$here/reports"
if [ ! -d "$shared/align" ] || [ ! -d "$shared/match/dev" ]; then
    echo "bench/calibration.sh: $shared not found, skipped" >&2
    exit 0
fi
if [ ! -x "$bead" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tools=(now)
[ -n "${REF:-}" ] && tools+=(before)
run() { [ "$1" = now ] && echo "$bead" || echo "$REF"; }
for t in "${tools[@]}"; do
    for d in "$shared"/align/bible-john-*/; do
        set=$(basename "$d")
        langs=$(python3 -c "import json,sys; print(','.join(json.load(open(sys.argv[1]))['langs']))" "$d/meta.json")
        "$(run $t)" align --presegmented -L "$langs" -f beads "$d/src.txt" "$d/trg.txt" \
            >"$tmp/$t.$set.beads" 2>/dev/null
    done
    for lp in $langpairs; do
        mkdir -p "$tmp/$t.$lp"
        python3 - "$shared/match/dev" "$lp" "$neg" "$tmp/$t.$lp" >"$tmp/$t.$lp.jobs" <<'PY'
import random, sys
dev, lp, neg, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
l1, l2 = lp.split('-')
a = [x.strip() for x in open('%s/list-%s.%s' % (dev, lp, l1)) if x.strip()]
b = [x.strip() for x in open('%s/list-%s.%s' % (dev, lp, l2)) if x.strip()]
truth = set(tuple(l.rstrip('\n').split('\t')) for l in open('%s/truth-%s.tsv' % (dev, lp)))
others = [(x, y) for x in a for y in b if (x, y) not in truth]
random.Random(13).shuffle(others)
for k, (x, y) in enumerate(others[:neg]):
    print('%d\t%s/%s\t%s/%s\t%s,%s\t%s/%d.beads' % (k, dev, x, dev, y, l1, l2, out, k))
PY
        mode=(--mode align); [ $t = before ] && mode=()
        "$(run $t)" batch -j 2 -f beads "${mode[@]}" --jobs-format tsv <"$tmp/$t.$lp.jobs" >/dev/null || true
    done
done
python3 - "$shared" "$tmp" "$report" "$langpairs" "${tools[@]}" <<'PY'
import glob, json, os, sys
shared, tmp, report, langpairs, tools = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(), sys.argv[5:]
bins = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.01)]

def beads(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        parts = line.split(':')
        side = lambda f: tuple(int(x) for x in f.strip()[1:-1].split(',') if x.strip())
        out.append((side(parts[0]), side(parts[1]), float(parts[2]) if len(parts) > 2 else 1.0))
    return out

def table(f, rows):
    f.write('| | ' + ' | '.join('%.2f-%.2f' % (lo, min(hi, 1)) for lo, hi in bins) + ' | >= 0.9 |\n')
    f.write('|---|' + '---|' * (len(bins) + 1) + '\n')
    for name, units in rows:
        cells = []
        for lo, hi in bins:
            sel = [ok for sc, ok in units if lo <= sc < hi]
            cells.append('%.3f (n=%d)' % (sum(sel) / len(sel), len(sel)) if sel else '–')
        top = [ok for sc, ok in units if sc >= 0.9]
        cells.append('**%.3f** (n=%d)' % (sum(top) / len(top), len(top)) if top else '–')
        f.write('| %s | %s |\n' % (name, ' | '.join(cells)))

with open(report, 'w', encoding='utf-8') as f:
    f.write('## Calibration of unit scores (bench/calibration.sh)\n\n')
    f.write('A unit\'s score is its path posterior times P(translation | evidence) (doc/EVIDENCE.md). '
            '"now" is this tree; "before" the tool at %s.\n\n'
            % os.environ.get('REF_DESC', 'commit 3f56e03 (score = path posterior)'))
    f.write('### 1. Bible dev sets (bible-john-*), default options\n\n'
            'Share of units exactly right (gold beads) among those scored in each bin. '
            'Target: >= 0.97 for units scored >= 0.9.\n\n')
    rows = []
    for t in tools:
        paired, every = [], []
        for path in sorted(glob.glob('%s/%s.*.beads' % (tmp, t))):
            set_ = os.path.basename(path)[len(t) + 1:-len('.beads')]
            gold = set((a, b) for a, b, _ in beads('%s/align/%s/gold.txt' % (shared, set_)))
            for a, b, sc in beads(path):
                every.append((sc, (a, b) in gold))
                if a and b:
                    paired.append((sc, (a, b) in gold))
        rows += [('%s, units with both sides' % t, paired), ('%s, all units' % t, every)]
    table(f, rows)
    f.write('\n### 2. Non-matching chapter pairs aligned by force (`--mode align -f beads`)\n\n'
            'Every unit with both sides pairs sentences that do not translate each other. '
            'Target: at most 1 in 100 scored >= 0.5. (1-0 and 0-1 units score that a sentence '
            'has no counterpart, which is right here; they are counted apart.)\n\n')
    f.write('| pair | tool | documents | units with both sides | scored >= 0.5 | scored >= 0.9 | '
            '1-0/0-1 units scored >= 0.5 |\n|---|---|---|---|---|---|---|\n')
    for lp in langpairs:
        for t in tools:
            files = glob.glob('%s/%s.%s/*.beads' % (tmp, t, lp))
            paired = []
            lone = 0
            for path in files:
                for a, b, sc in beads(path):
                    if a and b:
                        paired.append(sc)
                    else:
                        lone += sc >= 0.5
            n = len(paired) or 1
            f.write('| %s | %s | %d | %d | %d (%.2f%%) | %d (%.2f%%) | %d |\n' % (
                lp, t, len(files), len(paired), sum(s >= 0.5 for s in paired),
                100.0 * sum(s >= 0.5 for s in paired) / n, sum(s >= 0.9 for s in paired),
                100.0 * sum(s >= 0.9 for s in paired) / n, lone))
print(open(report).read())
PY
echo "wrote $report" >&2
