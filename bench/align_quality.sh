#!/usr/bin/env bash
# Alignment quality of bead align on the dev sets in ../shared/eval/align:
# strict and lax P/R/F1 (score.py) next to the baselines, the share of
# 1-0/0-1 beads, the mean score, and the calibration of the scores (among
# beads scored in a bin, the share that are exactly right).
# Writes bench/reports/align_quality.md. Not part of ctest.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
eval_dir=${EVAL:-$root/../shared/eval/align}
build=${BUILD:-$root/build-bench}
bead=$build/cli/bead
report=$here/reports/align_quality.md
mkdir -p "$here/reports"
if [ ! -d "$eval_dir" ]; then
    echo "bench/align_quality.sh: $eval_dir not found, skipped" >&2
    exit 0
fi
if [ ! -x "$bead" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sets=()
for d in "$eval_dir"/*/; do
    [ -f "$d/gold.txt" ] || continue
    set=$(basename "$d")
    langs=$(python3 -c "import json,sys; print(','.join(json.load(open(sys.argv[1]))['langs']))" "$d/meta.json")
    # The defaults (FreeDict dictionary anchors when installed), then without.
    for variant in default nodict; do
        opt=(); [ $variant = nodict ] && opt=(--dict none)
        s=$set@$variant
        /usr/bin/time -f "%e %U %M" -o "$tmp/$s.time" "$bead" align --presegmented "${opt[@]}" \
            -L "$langs" -f beads "$d/src.txt" "$d/trg.txt" >"$tmp/$s.beads" 2>"$tmp/$s.err" || true
        sets+=("$s")
    done
done
python3 - "$eval_dir" "$tmp" "$report" "${sets[@]}" <<'PY'
import json, re, subprocess, sys
eval_dir, tmp, report, sets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def beads(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        parts = line.split(':')
        side = lambda f: tuple(int(x) for x in f.strip()[1:-1].split(',') if x.strip())
        score = float(parts[2]) if len(parts) > 2 else None
        out.append((side(parts[0]), side(parts[1]), score))
    return out

base = {}
section = None
for line in open(eval_dir + '/BASELINES.md', encoding='utf-8'):
    if line.startswith('Plain Gale-Church'):
        section = 'Gale-Church'
    elif line.startswith('hunalign'):
        section = 'hunalign'
    m = re.match(r'\| (\S+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|', line)
    if m and section:
        base.setdefault(m.group(1), {})[section] = (float(m.group(4)), float(m.group(5)))

rows, calib = [], {}
bins = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.01)]
for s in sets:
    s, variant = s.split('@')
    gold_path = '%s/%s/gold.txt' % (eval_dir, s)
    pred_path = '%s/%s@%s.beads' % (tmp, s, variant)
    r = json.loads(subprocess.run([sys.executable, eval_dir + '/score.py', '--json', gold_path, pred_path],
                                  capture_output=True, text=True, check=True).stdout)
    pred = beads(pred_path)
    gold = set((a, b) for a, b, _ in beads(gold_path))
    n = len(pred) or 1
    dels = sum(1 for a, b, _ in pred if not a or not b) / n
    mean = sum(sc for _, _, sc in pred) / n
    wall, user, kb = open('%s/%s@%s.time' % (tmp, s, variant)).read().split()[-3:]
    rows.append((s, variant, r, dels, mean, float(user), int(kb) / 1024))
    group = ('Bible (3 sets)' if s.startswith('bible') else s) + (' --dict none' if variant == 'nodict' else '')
    for a, b, sc in pred:
        for lo, hi in bins:
            if lo <= sc < hi:
                c = calib.setdefault(group, {}).setdefault((lo, hi), [0, 0])
                c[0] += 1
                c[1] += (a, b) in gold
with open(report, 'w', encoding='utf-8') as f:
    f.write('## Alignment quality (bench/align_quality.sh)\n\n')
    f.write('`bead align --presegmented -L L1,L2 -f beads SRC TRG` on ../shared/eval/align, scored with score.py. '
            'Baselines from ../shared/eval/align/BASELINES.md (strict F1 / lax F1).\n\n')
    f.write('"default" uses the installed FreeDict dictionaries for the pair (deu-bul, eng-bul, eng-deu, deu-fra '
            'here) in a first pass, then realigns with a lexicon learned from that pass alone (--learn yes); '
            '"--dict none" is length, numbers, names, cognates and punctuation, then the learned lexicon. '
            'bench/reports/align_ablation.md has the rows without learning (--learn no).\n\n')
    f.write('"lost": sentences left unaligned (1-0 / 0-1) although the gold aligns them, with their rate among '
            'the sentences the gold aligns; "crossing": beads joining sentences the gold puts in different beads '
            '(score.py). On the `-sent` sets the gold is one bead per paragraph, so strict F1 is low for every '
            'aligner by construction and lost, crossing and lax F1 are the figures that count.\n\n')
    f.write('| set | options | strict P | strict R | strict F1 | lax P | lax R | lax F1 | lost (rate) | crossing | 1-0/0-1 share | mean score | CPU s | max RSS MB | Gale-Church | hunalign |\n')
    f.write('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n')
    for s, variant, r, dels, mean, secs, rss in rows:
        b = base.get(s, {})
        fmt = lambda k: '%.3f / %.3f' % b[k] if k in b else '–'
        f.write('| %s | %s | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f | %d (%.4f) | %d | %.3f | %.3f | %.2f | %.0f | %s | %s |\n' % (
            s, 'default' if variant == 'default' else '--dict none', r['precision_strict'], r['recall_strict'], r['f1_strict'], r['precision_lax'],
            r['recall_lax'], r['f1_lax'], r['lost'], r['lost_rate'], r['crossing'], dels, mean, secs, rss, fmt('Gale-Church'), fmt('hunalign')))
    f.write('\n### Calibration\n\nA bead\'s score is its posterior probability under the bead model '
            '(forward-backward over the search band). Among the beads scored in each bin, the share that '
            'are exactly right (strict, as score.py counts precision):\n\n')
    f.write('| group | ' + ' | '.join('%.2f-%.2f' % (lo, min(hi, 1)) for lo, hi in bins) + ' |\n')
    f.write('|---|' + '---|' * len(bins) + '\n')
    for g, c in calib.items():
        cells = []
        for k in bins:
            n, ok = c.get(k, [0, 0])
            cells.append('%.2f (n=%d)' % (ok / n, n) if n else '–')
        f.write('| %s | %s |\n' % (g, ' | '.join(cells)))
PY
echo "wrote $report" >&2
