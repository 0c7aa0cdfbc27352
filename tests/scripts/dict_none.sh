#!/usr/bin/env bash
# --dict none means no dictionary anywhere: with BEAD_DICT_DIR pointing at
# an English-German dictionary (the fixture tests/lexicon/news, so this never
# depends on FreeDict being installed), bead align (auto mode, which mines
# this comparable pair; mine mode; three versions; --report), bead report
# and bead batch give the same bytes as with no dictionary installed at all.
# The fixture does change each of them with --dict auto, so that the check
# can fail. Also: --dict none does not so much as open the dictionaries (a
# corrupt one draws no warning).
set -u
BEAD=$(realpath "$1")
SRC=$(realpath "$2")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
C=$SRC/corpora/news-dprk-cyber
EN=$C/en.reuters.txt DE=$C/de.aljazeera.txt BG=$C/bg.aljazeera.txt
fail=0
bad() { echo "FAIL: $*"; fail=1; }

mkdir empty corrupt
cp "$SRC/tests/lexicon/news/freedict-eng-deu.index" corrupt/
head -c 300 "$SRC/tests/lexicon/news/freedict-eng-deu.dict" >corrupt/freedict-eng-deu.dict

printf 'news\t%s\t%s\ten,de\n' "$EN" "$DE" >jobs.tsv
# Each case: a name and the bead command after the program name. Outputs go
# to stdout, or to OUT (replaced by a file name per run).
cases=(
    "align|align -f tsv $EN $DE"
    "mine|align --mode mine -f jsonl $EN $DE"
    "nway|align -L de,en,bg -f jsonl $DE $EN $BG"
    "align-report|align -f beads --report OUT.json $EN $DE"
    "report|report -o - $EN $DE"
    "report-nway|report -L en,bg,de -o OUT.html $EN $BG $DE"
    "batch|batch -j 1 jobs.tsv"
)

# run NAME DICT_DIR DICT ARGS: NAME.out (stdout, then OUT's file if any).
run() {
    local name=$1 dir=$2 dict=$3 args=${4//OUT/$1}
    # shellcheck disable=SC2086  # the case's arguments, split on purpose
    BEAD_DICT_DIR=$dir "$BEAD" $args --dict "$dict" >"$name.out" 2>"$name.err" ||
        { bad "$name: exit $?"; cat "$name.err"; }
    for f in "$name".json "$name".html; do [ -f "$f" ] && cat "$f" >>"$name.out"; done
    # Batch records say how long a job took.
    sed -i 's/"seconds":[0-9.e+-]*//' "$name.out"
    [ -s "$name.out" ] || bad "$name: no output"
}

for c in "${cases[@]}"; do
    name=${c%%|*} args=${c#*|}
    run "$name.nodict" "$T/empty" none "$args"
    run "$name.none" "$SRC/tests/lexicon/news" none "$args"
    run "$name.auto" "$SRC/tests/lexicon/news" auto "$args"
    run "$name.corrupt" "$T/corrupt" none "$args"
    cmp -s "$name.nodict.out" "$name.none.out" ||
        bad "$name: --dict none differs from no dictionary installed (a dictionary was used)"
    cmp -s "$name.nodict.out" "$name.auto.out" &&
        bad "$name: the fixture dictionary changes nothing with --dict auto (the test cannot fail)"
    cmp -s "$name.nodict.out" "$name.corrupt.out" ||
        bad "$name: --dict none with a corrupt dictionary differs from none installed"
    grep -q freedict "$name.corrupt.err" && bad "$name: --dict none opened a dictionary: $(cat "$name.corrupt.err")"
done
[ $fail = 0 ] && echo "ok: ${#cases[@]} cases"
exit $fail
