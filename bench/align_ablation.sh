#!/usr/bin/env bash
# Anchor ablation on the dev sets: strict and lax F1 (score.py) of bead align
# with length only, + numbers/names/punctuation, + the dictionary (FreeDict,
# --dict auto), + the learned lexicon. Writes bench/reports/align_ablation.md.
# A variant bead align has no option for is reported as such, not guessed.
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
if [ ! -x "$bead" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
help=$("$bead" align --help 2>&1 || true)
has_opt() { grep -q -- "$1" <<<"$help"; }

# Each variant: label | options (ANCHORS_OFF, LEARN_OFF, LEARN_ON and DICT
# are filled in from what bead align offers) .
anchors_off="" learn_off="" learn_on=""
if has_opt "--anchors"; then anchors_off="--anchors none"; fi
if has_opt "--no-anchors"; then anchors_off="--no-anchors"; fi
if has_opt "--no-learn"; then learn_off="--no-learn"; fi
if has_opt "--learn "; then learn_off="--learn off"; learn_on="--learn on"; fi
dict_ok=1
if ! has_opt "--dict" || grep -q -- "--dict.*not used yet" <<<"$help"; then dict_ok=0; fi

variants=()
if [ -n "$anchors_off" ]; then
    variants+=("length only|$anchors_off $learn_off")
else
    variants+=("length only|UNAVAILABLE: bead align has no option to turn anchors off")
fi
variants+=("+ numbers, names, punctuation|$learn_off")
if [ $dict_ok -eq 1 ]; then
    variants+=("+ dictionary (--dict auto)|--dict auto $learn_off")
else
    variants+=("+ dictionary (--dict auto)|UNAVAILABLE: bead align does not use --dict")
fi
if [ -n "$learn_off" ] || [ -n "$learn_on" ]; then
    variants+=("+ learned lexicon|$([ $dict_ok -eq 1 ] && echo --dict auto) $learn_on")
else
    variants+=("+ learned lexicon|UNAVAILABLE: bead align has no option to turn learning on or off")
fi

{
echo "## Anchor ablation (bench/align_ablation.sh)"
echo
echo "Strict / lax F1 from ../shared/eval/align/score.py; each row adds one kind of anchor."
echo "Options used: bead align --presegmented -L L1,L2 -f beads, plus the row's own."
echo
echo "| variant | options | bg-de | bg-en | en-de | de-fr (Text+Berg) |"
echo "|---|---|---|---|---|---|"
for v in "${variants[@]}"; do
    label=${v%%|*}
    opts=${v#*|}
    if [[ $opts == UNAVAILABLE:* ]]; then
        echo "| $label | ${opts#UNAVAILABLE: } | – | – | – | – |"
        continue
    fi
    row="| $label | \`${opts:-(defaults)}\` "
    for set in bible-john-bg-de-noisy:bg:de bible-john-bg-en-noisy:bg:en \
               bible-john-en-de-noisy:en:de textberg-1957:de:fr; do
        IFS=: read -r name a b <<<"$set"
        d=$eval_dir/$name
        # shellcheck disable=SC2086
        if "$bead" align --presegmented -L "$a,$b" -f beads $opts "$d/src.txt" "$d/trg.txt" \
                >"$tmp/out.beads" 2>"$tmp/err"; then
            f1=$(python3 "$eval_dir/score.py" "$d/gold.txt" "$tmp/out.beads" |
                 awk '/^F1/ {printf "%.3f / %.3f", $2, $3}')
            row+="| $f1 "
        else
            row+="| failed "
        fi
    done
    echo "$row|"
done
} >"$report"
cat "$report"
