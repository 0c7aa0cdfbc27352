#!/usr/bin/env bash
# Numbers in options (issue 14): every numeric option of every subcommand is
# parsed strictly (cli/numbers.c): a sign, blanks, trailing junk, overflow,
# NaN, infinity, hexadecimal and zero where it means nothing are usage
# errors (exit 2) that name the option, and nothing is written; the values
# at the edges of each range are accepted. Also: standard input can be read
# once (align - -, report - -).
# usage: hostile_options.sh BEAD_BIN SRC_ROOT
set -u
BEAD=$(realpath "$1")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
export BEAD_DICT_DIR=/nonexistent/bead-test-no-dictionaries
. "$(dirname "$(realpath "$0")")/lib/hostile.sh"
printf 'One. Two. Three.\n' >en.txt
printf 'Eins. Zwei. Drei.\n' >de.txt
job='{"id":1,"src":"en.txt","trg":"de.txt","langs":"en,de"}'

# bad SUBCOMMAND OPTION VALUE...: each value is a usage error naming OPTION.
bad() {
    local sub=$1 opt=$2; shift 2
    local v
    for v in "$@"; do
        case $sub in
        segment) expect "segment $opt '$v'" 2 absent "$opt" -- "$BEAD" segment -l en "$opt" "$v" -o out/out.txt en.txt ;;
        align) expect "align $opt '$v'" 2 absent "$opt" -- "$BEAD" align -L en,de "$opt" "$v" -o out/out.txt en.txt de.txt ;;
        report) expect "report $opt '$v'" 2 absent "$opt" -- "$BEAD" report -L en,de "$opt" "$v" -o out/out.txt en.txt de.txt ;;
        batch) expect "batch $opt '$v'" 2 empty "$opt" -- bash -c 'echo "$3" | "$0" batch "$1" "$2"' "$BEAD" "$opt" "$v" "$job" ;;
        esac
    done
}
# good SUBCOMMAND OPTION VALUE...: each value is accepted.
good() {
    local sub=$1 opt=$2; shift 2
    local v
    for v in "$@"; do
        case $sub in
        segment) expect "segment $opt '$v' accepted" 0 nonempty "" -- "$BEAD" segment -l en "$opt" "$v" -o out/out.txt en.txt ;;
        align) expect "align $opt '$v' accepted" 0 - "" -- "$BEAD" align -L en,de --mode align "$opt" "$v" -o out/out.txt en.txt de.txt ;;
        report) expect "report $opt '$v' accepted" 0 nonempty "" -- "$BEAD" report -L en,de "$opt" "$v" -o out/out.txt en.txt de.txt ;;
        batch) expect "batch $opt '$v' accepted" 0 nonempty "" -- bash -c 'echo "$3" | "$0" batch "$1" "$2"' "$BEAD" "$opt" "$v" "$job" ;;
        esac
    done
}

sizes_bad=(-52 0 00 17179869184G 18446744073709551616 16777216T 1.5M " 5" "5 " 5x 5KB 0x10 1e3 nan inf "" +5)
for sub in segment align report batch; do
    bad $sub --max-bytes "${sizes_bad[@]}"
    good $sub --max-bytes 1M 18446744073709551615 16777215T
done
for sub in segment align report; do
    bad $sub --max-sentences "${sizes_bad[@]}"
    good $sub --max-sentences 100 1K
done
scores_bad=(nan NaN inf -inf -0.1 1.1 1e1 0x1p-1 "" " 0.5" 0.5x . e5 -)
bad align --min-score "${scores_bad[@]}"
good align --min-score 0 1 0.5 .5 5e-1 1.0
bad batch --min-score "${scores_bad[@]}"
good batch --min-score 0 0.25
bad align --iterations -1 21 1.5 " 2" 2x 99999999999999999999 ""
good align --iterations 0 20
bad align --pivot -1 2 1x 99999999999999999999
bad report --pivot -1 2 99999999999999999999
bad report --lowest -1 1.5 x 99999999999999999999 1000001 ""
good report --lowest 0 5
bad batch -j 0 -1 257 1.5 x 1e1 ""
bad batch --timeout 0 -1 nan inf 1x "" 0x10 99999999999
good batch --timeout 30 0.5

# ------------------------------------------------------ standard input, once
expect align-stdin-twice 2 absent "standard input" -- bash -c '"$0" align -L en,de -o out/out.txt - - <en.txt' "$BEAD"
expect align-stdin-and-dev-stdin 2 absent "standard input" -- bash -c 'cat en.txt | "$0" align -L en,de -o out/out.txt - /dev/stdin' "$BEAD"
expect align-stdin-once 0 nonempty "" -- bash -c '"$0" align -L en,de --mode align -o out/out.txt - de.txt <en.txt' "$BEAD"
expect report-stdin-twice 2 absent "standard input" -- bash -c '"$0" report -L en,de -o out/out.txt - - <en.txt' "$BEAD"
expect align-three-stdin 2 absent "standard input" -- bash -c '"$0" align -L en,de,de -o out/out.txt - de.txt - <en.txt' "$BEAD"

echo "$ncase cases, $fails failures"
[ $fails = 0 ]
