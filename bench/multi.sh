#!/usr/bin/env bash
# bench/multi.sh: verdicts for every pair of the texts in corpora/news-dprk-cyber
# (from `bead report`), the pairs mining finds between en.reuters and both
# aljazeera versions (`bead align --mode mine`), and the time of a 4-way
# alignment with its report. Writes bench/reports/multi.md. Not part of ctest.
#
#   bench/multi.sh        (BEAD=path/to/bead to pick the build)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BEAD=${BEAD:-$root/build-bench/cli/bead}
[ -x "$BEAD" ] || BEAD=$(command -v bead) || { echo "bench/multi.sh: build bead first, or set BEAD" >&2; exit 1; }
BEAD=$(realpath "$BEAD")
C=$root/corpora/news-dprk-cyber
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$here/reports/multi.md
mkdir -p "$here/reports"
files=(bg.aljazeera de.aljazeera en.reuters id.kontan de.cryptopolitan)
{
    echo "## N-way alignment, verdicts and mining (bench/multi.sh)"
    echo
    echo "Verdicts of every pair of corpora/news-dprk-cyber (expected: bg/de aljazeera"
    echo "parallel, en reuters against either aljazeera comparable, de cryptopolitan"
    echo "unrelated to every other; id kontan, about an earlier meeting, is not fixed)."
    echo
    echo "| A | B | verdict | coverage |"
    echo "|---|---|---|---|"
    for ((a = 0; a < ${#files[@]}; a++)); do
        for ((b = a + 1; b < ${#files[@]}; b++)); do
            x=${files[a]}; y=${files[b]}
            "$BEAD" report -o "$tmp/r.json" "$C/$x.txt" "$C/$y.txt" 2>/dev/null
            python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))["verdicts"][0]; print("| %s | %s | %s | %.2f |" % (sys.argv[2], sys.argv[3], v["verdict"], v["coverage"]))' "$tmp/r.json" "$x" "$y"
        done
    done
    echo
    echo "Mined pairs (\`bead align --mode mine -f tsv\`), score and the start of each side:"
    echo
    for y in de.aljazeera bg.aljazeera; do
        echo "- en.reuters against $y:"
        if "$BEAD" align --mode mine -f tsv "$C/en.reuters.txt" "$C/$y.txt" >"$tmp/m.tsv" 2>/dev/null; then
            python3 -c 'import sys
for l in open(sys.argv[1], encoding="utf-8"):
    a, b, sc = l.rstrip("\n").split("\t")[:3]
    print("  - %s: %s | %s" % (sc, a[:60], b[:60]))' "$tmp/m.tsv"
        else
            echo "  - (bead align --mode mine is not available in this build)"
        fi
    done
    echo
    B=$root/../shared/eval/align/bible-john-en-de-noisy
    if [ -d "$B" ]; then
        # Mining precision: the Bible (en) against its German verses in a
        # shuffled order; a pair is right when the gold verse ids meet.
        shuf --random-source=<(yes) "$B/trg.txt" >"$tmp/de.txt"
        shuf --random-source=<(yes) "$B/trg.ids" >"$tmp/de.ids"
        if "$BEAD" align --presegmented --mode mine -L en,de -f tsv "$B/src.txt" "$tmp/de.txt" \
            >"$tmp/bible.tsv" 2>/dev/null; then
            python3 - "$B/src.txt" "$B/src.ids" "$tmp/de.txt" "$tmp/de.ids" "$tmp/bible.tsv" <<'PY'
import sys
def ids(text, idf):
    m = {}
    for t, i in zip(open(text, encoding="utf-8").read().split("\n"), open(idf).read().split("\n")):
        m.setdefault(t, set()).update(i.replace("+", " ").split())
    return m
src, trg = ids(sys.argv[1], sys.argv[2]), ids(sys.argv[3], sys.argv[4])
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[5], encoding="utf-8") if l.strip()]
good = sum(1 for r in rows if src.get(r[0], set()) & trg.get(r[1], set()))
n_trg = sum(1 for l in open(sys.argv[3], encoding="utf-8") if l.strip())
print(f"Mining the Bible (John, en) against its German verses shuffled: {len(rows)} pairs, "
      f"precision {good / max(1, len(rows)):.3f}, recall {good / n_trg:.3f} of {n_trg} verses.")
PY
        else
            echo "(bead align --mode mine is not available in this build: no mining precision)"
        fi
        echo
    fi
    start=$(date +%s.%N)
    "$BEAD" report -o "$tmp/four.html" "$C/bg.aljazeera.txt" "$C/de.aljazeera.txt" \
        "$C/en.reuters.txt" "$C/id.kontan.txt" 2>/dev/null
    end=$(date +%s.%N)
    printf 'A 4-way report (bg, de, en, id; %s sentences) took %.2f s on %s cores,\n' \
        "$(cat "$C"/{bg.aljazeera,de.aljazeera,en.reuters,id.kontan}.txt | wc -l)" \
        "$(echo "$end - $start" | bc)" "$(nproc)"
    echo "most of it loading FreeDict dictionaries for the comparable pairs that are mined."
} >"$out"
cat "$out"
