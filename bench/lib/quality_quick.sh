#!/usr/bin/env bash
# Quick look at alignment quality on the 10 dev sets of ../shared/eval/align
# with the defaults: strict/lax F1, lost sentences (rate), crossing beads and
# CPU (user) seconds per set, one line each. For iterating on the model;
# bench/align_quality.sh writes the full report.
#   BUILD=dir (default ../build-bench)   OUT=dir keeps the predictions
#   SETS="glob" restricts the sets (default *)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
eval_dir=${EVAL:-$root/../shared/eval/align}
build=${BUILD:-$root/build-bench}
bead=$build/cli/bead
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
printf '%-28s %7s %7s %10s %6s %6s\n' set strict lax lost cross cpu
for d in "$eval_dir"/${SETS:-*}/; do
    [ -f "$d/gold.txt" ] || continue
    s=$(basename "$d")
    langs=$(python3 -c "import json,sys; print(','.join(json.load(open(sys.argv[1]))['langs']))" "$d/meta.json")
    /usr/bin/time -f "%U" -o "$out/$s.time" "$bead" align --presegmented -L "$langs" -f beads \
        "$d/src.txt" "$d/trg.txt" >"$out/$s.beads" 2>"$out/$s.err" || true
    python3 "$eval_dir/score.py" --json "$d/gold.txt" "$out/$s.beads" | python3 -c '
import json, sys
r = json.load(sys.stdin); s = sys.argv[1]; cpu = open(sys.argv[2]).read().split()[-1]
print("%-28s %7.4f %7.4f %4d %.4f %6d %6s" % (s, r["f1_strict"], r["f1_lax"], r["lost"], r["lost_rate"], r["crossing"], cpu))' "$s" "$out/$s.time"
done
