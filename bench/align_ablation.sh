#!/usr/bin/env bash
# Anchor ablation on the dev sets: strict / lax F1 (score.py) of the aligner
# with each kind of anchor added in turn. Writes bench/reports/align_ablation.md.
# Rows run by `bead align` use its options (--learn yes: align, learn a
# lexicon from the 1-1 beads scored >= 0.5, align again with it alone); the
# merged variant, which bead align does not offer, runs the same aligner
# through the public API (bench/lexicon_align.c). A variant nothing offers
# is reported as such, not guessed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
eval_dir=${EVAL:-$root/../shared/eval/align}
build=${BUILD:-$root/build-bench}
bead=$build/cli/bead
report=$here/reports/align_ablation.md
mkdir -p "$here/reports"
if [ ! -d "$eval_dir" ]; then
    echo "bench/align_ablation.sh: $eval_dir not found, skipped" >&2
    exit 0
fi
lexicon_align=$build/bench/lexicon_align
# Configured once (Release); built every time, so that the helpers are never
# older than the sources.
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBEAD_BENCH=ON >/dev/null
else
    cmake -S "$root" -B "$build" -DBEAD_BENCH=ON >/dev/null
fi
cmake --build "$build" -j2 --target bead bench_lexicon_align >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
help=$("$bead" align --help 2>&1 || true)
has_opt() { grep -q -- "$1" <<<"$help"; }

# label | runner:options   (runner: cli = bead align, api = lexicon_align)
variants=()
if has_opt "--anchors"; then
    variants+=("length only|cli:--anchors no --dict none --learn no")
else
    variants+=("length only|none:bead align has no option to turn anchors off")
fi
variants+=("+ numbers, names, punctuation|cli:--dict none --learn no")
variants+=("+ dictionary (FreeDict)|cli:--dict auto --learn no")
variants+=("+ learned lexicon, no dictionary|cli:--dict none --learn yes")
variants+=("dictionary for the first pass, learned lexicon alone for the second (the default)|cli:--dict auto --learn yes")
variants+=("dictionary + learned lexicon merged for the second pass|api:--dict auto --learn")

{
echo "## Anchor ablation (bench/align_ablation.sh)"
echo
echo "Strict / lax F1 from ../shared/eval/align/score.py on the dev sets; each row adds"
echo "one kind of anchor. \`cli\` rows run \`bead align --presegmented -L L1,L2 -f beads\`"
echo "with the options shown (\`--learn yes\`, the default: align, learn a lexicon from the"
echo "1-1 beads scored >= 0.5, align again with the learned pairs alone as the dictionary"
echo "anchor); the \`api\` row runs the same aligner through the public API"
echo "(bench/lexicon_align.c) with the dictionary and the learned pairs merged for the"
echo "second pass, which bead align does not offer."
echo "Each cell: strict F1 / lax F1 · lost / crossing (score.py: sentences left unaligned"
echo "although gold aligns them, and beads joining sentences gold puts in different beads)."
echo
echo "| variant | run | bg-de | bg-en | en-de | de-fr (Text+Berg) |"
echo "|---|---|---|---|---|---|"
for v in "${variants[@]}"; do
    label=${v%%|*}
    spec=${v#*|}
    runner=${spec%%:*}
    opts=${spec#*:}
    if [ "$runner" = none ]; then
        echo "| $label | $opts | – | – | – | – |"
        continue
    fi
    row="| $label | $runner \`${opts:-(defaults)}\` "
    for set in bible-john-bg-de-noisy:bg:de bible-john-bg-en-noisy:bg:en \
               bible-john-en-de-noisy:en:de textberg-1957:de:fr; do
        IFS=: read -r name a b <<<"$set"
        d=$eval_dir/$name
        if [ "$runner" = cli ]; then
            # shellcheck disable=SC2086
            "$bead" align --presegmented -L "$a,$b" -f beads $opts "$d/src.txt" "$d/trg.txt" \
                >"$tmp/out.beads" 2>"$tmp/err" || : >"$tmp/out.beads"
        else
            # shellcheck disable=SC2086
            "$lexicon_align" "$a" "$b" "$d/src.txt" "$d/trg.txt" $opts \
                >"$tmp/out.beads" 2>"$tmp/err" || : >"$tmp/out.beads"
        fi
        if [ -s "$tmp/out.beads" ]; then
            f1=$(python3 "$eval_dir/score.py" "$d/gold.txt" "$tmp/out.beads" |
                 awk '/^F1/ {f = sprintf("%.3f / %.3f", $2, $3)}
                      /^lost/ {l = $2; c = $NF} END {printf "%s · %s / %s", f, l, c}')
            row+="| $f1 "
        else
            row+="| failed "
        fi
    done
    echo "$row|"
done
echo
echo "Baselines (../shared/eval/align/BASELINES.md, strict F1): hunalign without a"
echo "dictionary 0.817 / 0.887 / 0.845 / 0.626; Gale-Church 0.747 / 0.755 / 0.701 / 0.626."
} >"$report"
cat "$report"
