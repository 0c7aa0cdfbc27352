#!/usr/bin/env bash
# Lexicon coverage on the dev sets: how often the dictionary, the learned
# lexicon and both link a gold 1-1 sentence pair, against random and
# neighbouring non-gold pairs. Writes bench/reports/lexicon.md.
# Needs ../shared/eval/align (skips otherwise) and a build of bead
# (BUILD, default build-bench, configured and built when missing; the
# helper is bench/lexicon_coverage.c, built by CMake into BUILD/bench/).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
eval_dir=${EVAL:-$root/../shared/eval/align}
build=${BUILD:-$root/build-bench}
report=$here/reports/lexicon.md
mkdir -p "$here/reports"
if [ ! -d "$eval_dir" ]; then
    echo "bench/lexicon.sh: $eval_dir not found, skipped" >&2
    exit 0
fi
# Configured once (Release); built every time, so that the helpers are never
# older than the sources.
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBEAD_BENCH=ON >/dev/null
else
    cmake -S "$root" -B "$build" -DBEAD_BENCH=ON >/dev/null
fi
cmake --build "$build" -j2 --target bead bench_lexicon_coverage >/dev/null
coverage=$build/bench/lexicon_coverage
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

{
echo "## Lexicon coverage (bench/lexicon.sh)"
echo
echo "For every gold 1-1 bead (i, k) of a dev set: does the lexicon link any word of"
echo "source sentence i to a word of target sentence k (**gold**)? The same for a"
echo "random target sentence (**random**) and for the next one, k+1 (**next**), which"
echo "are not translations. **rare**: the same, counting only links between words"
echo "found in at most 2% of their document's sentences (what survives rarity"
echo "weighting). **share**: the mean share of source words with a translation in"
echo "the paired sentence (the dictionary anchor score of the issue)."
echo "Learned: from \`bead align\` run without a dictionary on the same pair"
echo "(1-1 beads scored >= 0.5), as the aligner would do; *oracle* when that"
echo "alignment failed and the gold beads were used instead."
echo
echo "| set | lexicon | pairs | load s | gold | random | next | rare gold | rare random | rare next | share gold | share random | share next |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for set in bible-john-bg-de-noisy:bg:de bible-john-bg-en-noisy:bg:en \
           bible-john-en-de-noisy:en:de textberg-1957:de:fr; do
    IFS=: read -r name a b <<<"$set"
    d=$eval_dir/$name
    [ -d "$d" ] || continue
    learn_from=$tmp/$name.beads
    learn_label=learned
    if ! "$build/cli/bead" align --presegmented -L "$a,$b" -f beads "$d/src.txt" "$d/trg.txt" \
            >"$learn_from" 2>/dev/null || [ ! -s "$learn_from" ]; then
        learn_from=gold
        learn_label="learned (oracle)"
    fi
    for variant in "FreeDict|--dict auto" "$learn_label|--learn $learn_from" \
                   "FreeDict + $learn_label|--dict auto --learn $learn_from"; do
        label=${variant%%|*}
        # shellcheck disable=SC2086
        out=$("$coverage" "$a" "$b" "$d/src.txt" "$d/trg.txt" "$d/gold.txt" ${variant#*|} 2>/dev/null)
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
            "$name" "$label" "$(field "$out" pairs)" "$(field "$out" seconds)" \
            "$(field "$out" coverage)" "$(field "$out" random)" "$(field "$out" next)" \
            "$(field "$out" rare_coverage)" "$(field "$out" rare_random)" "$(field "$out" rare_next)" \
            "$(field "$out" share_gold)" "$(field "$out" share_random)" "$(field "$out" share_next)"
    done
done
echo
echo "Dictionaries: Debian dict-freedict-* in /usr/share/dictd; bg-de and bg-en read"
echo "deu-bul and eng-bul inverted; de-en reads deu-eng only (eng-deu is the same"
echo "Ding data turned round); de-fr reads deu-fra and fra-deu."
} >"$report"
cat "$report"
