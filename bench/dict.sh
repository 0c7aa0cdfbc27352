#!/usr/bin/env bash
# bench/dict.sh: compiled dictionaries (issue 16), side by side in one run.
#   - compiling FreeDict eng-deu once (CPU, wall, peak RSS) and the file size;
#   - opening it (bead_lexicon_open_compiled, warm page cache): best wall
#     time of 20 opens, through bench/dict_open.c;
#   - the 20-sentence news pair en-de (corpora/news-dprk-cyber) with
#     --dict auto (cache warm) against --dict none: CPU time, best of 5;
#   - a Bible-sized en-de pair (~27,000 sentences a side, bench/lib/scaled_pair.py
#     from bible-john-en-de-noisy) with defaults: CPU time (best of 3), peak
#     RSS, strict F1; with REF=path/to/bead also that build, and with
#     HUNALIGN=path/to/hunalign also `hunalign -utf -realign EMPTY.dic`.
# Needs FreeDict eng-deu in /usr/share/dictd (or $BEAD_DICT_DIR) and ../shared.
# Writes bench/reports/dict.md. BUILD=path picks the build (default
# build-bench); the cache is a scratch folder. Not part of ctest.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BUILD:-$root/build-bench}
bead=$build/cli/bead
opener=$build/bench/dict_open
if [ ! -x "$bead" ] || [ ! -x "$opener" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export BEAD_CACHE_DIR=$tmp/cache
report=$here/reports/dict.md
dev=$root/../shared/eval/align/bible-john-en-de-noisy
score=$root/../shared/eval/align/score.py
news=$root/corpora/news-dprk-cyber

# cpu CMD...: "user+sys wall rss_kb" of one run (stdout of CMD discarded).
cpu() {
    /usr/bin/time -f '%U %S %e %M' -o "$tmp/t" "$@" >/dev/null 2>&1
    read -r u s e m < "$tmp/t"
    echo "$(echo "$u + $s" | bc) $e $m"
}
# best N CMD...: the run of lowest CPU time of N.
best() {
    local n=$1 bl= b= line c
    shift
    for _ in $(seq "$n"); do
        line=$(cpu "$@")
        c=${line%% *}
        if [ -z "$b" ] || [ "$(echo "$c < $b" | bc)" = 1 ]; then b=$c; bl=$line; fi
    done
    echo "$bl"
}

read -r cc ce cm <<< "$(cpu "$bead" dict compile en de)"
file=$("$bead" dict path en de)
size=$(stat -c %s "$file")
open_ms=$("$opener" "$file" 20)

# A run of the small pair takes a few hundredths of a second, below GNU
# time's resolution: ten runs in a loop, best of 5 loops, per run.
ten=(bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do "$@" >/dev/null 2>&1; done' ten)
read -r na nae nam <<< "$(best 5 "${ten[@]}" "$bead" align -f tsv "$news/en.reuters.txt" "$news/de.aljazeera.txt")"
read -r nn nne nnm <<< "$(best 5 "${ten[@]}" "$bead" align --dict none -f tsv "$news/en.reuters.txt" "$news/de.aljazeera.txt")"
ratio=$(printf '%.2f' "$(echo "scale=4; $na / $nn" | bc)")
na=$(printf '%.3f' "$(echo "scale=4; $na / 10" | bc)")
nn=$(printf '%.3f' "$(echo "scale=4; $nn / 10" | bc)")

python3 "$root/bench/lib/scaled_pair.py" "$dev" 27000 "$tmp/en.txt" "$tmp/de.txt" "$tmp/gold.txt"
ls=$(wc -l < "$tmp/en.txt"); lt=$(wc -l < "$tmp/de.txt")
f1() { python3 "$score" --json "$tmp/gold.txt" "$1" | python3 -c "import json,sys; print('%.4f' % json.load(sys.stdin)['f1_strict'])"; }
row() {   # row NAME CMD...: one table row, best of 3
    local name=$1
    shift
    read -r c e m <<< "$(best 3 "$@")"
    "$@" > "$tmp/out.beads" 2>/dev/null
    echo "| $name | $c | $e | $((m / 1024)) | $(f1 "$tmp/out.beads") |"
}
rows=$(row "bead (this build), defaults" "$bead" align --presegmented -L en,de -f beads "$tmp/en.txt" "$tmp/de.txt")
rows+=$'\n'$(row "bead (this build), --dict none" "$bead" align --presegmented --dict none -L en,de -f beads "$tmp/en.txt" "$tmp/de.txt")
if [ -n "${REF:-}" ]; then
    rows+=$'\n'$(row "REF $(basename "$(dirname "$(dirname "$REF")")"), defaults" "$REF" align --presegmented -L en,de -f beads "$tmp/en.txt" "$tmp/de.txt")
fi
hun=
if [ -n "${HUNALIGN:-}" ]; then
    : > "$tmp/empty.dic"
    # hunalign leaves a translate.txt in its working folder: run it in $tmp.
    read -r hc he hm <<< "$(cd "$tmp" && cpu "$HUNALIGN" -utf -realign "$tmp/empty.dic" "$tmp/en.txt" "$tmp/de.txt")"
    hun="| hunalign -utf -realign (empty dictionary) | $hc | $he | $((hm / 1024)) | - |"
fi

cat > "$report" <<REPORT
## Compiled dictionaries (bench/dict.sh)

\`bench/dict.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores shared with other work (load average
$(cut -d' ' -f1-3 /proc/loadavg) at the end: wall times are noisy, CPU times are the best of N).
FreeDict eng-deu from ${BEAD_DICT_DIR:-/usr/share/dictd}.

| what | measured | target |
|---|---:|---:|
| compile eng-deu once (\`bead dict compile en de\`) | ${cc} s CPU, ${ce} s wall, $((cm / 1024)) MB | ≤ 5 s |
| compiled file | $((size / 1024)) KiB | |
| open it (warm page cache, best of 20) | ${open_ms} ms wall | ≤ 20 ms |
| 20-sentence news en-de, \`--dict auto\` (cache warm) | ${na} s CPU a run, $((nam / 1024)) MB | |
| the same, \`--dict none\` | ${nn} s CPU a run, $((nnm / 1024)) MB | |
| ratio auto / none | ${ratio}x | ≤ 1.5x |

Bible-sized en-de pair: bench/lib/scaled_pair.py from bible-john-en-de-noisy, $ls / $lt lines,
\`bead align --presegmented -L en,de -f beads\`; CPU = user + sys, best of 3; strict F1 against
the generated gold. Targets: ≤ 1.6 s CPU, ≤ 48 MB.

| run | CPU s | wall s | peak RSS MB | strict F1 |
|---|---:|---:|---:|---:|
$rows
$hun

The 20-sentence pair is comparable news: with a dictionary bead also mines it (the share of
each sentence pair's words with a translation), work that \`--dict none\` skips; loading the
compiled dictionary itself is the "open" line above.
REPORT
cat "$report"
