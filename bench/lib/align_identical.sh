#!/usr/bin/env bash
# Byte-for-byte comparison of everything bead writes, between two builds, for
# a change that must not alter any output (a speed-up, a refactor). Each case
# runs REF and NEW side by side (two processes) in folders of their own,
# WORK/ref/CASE and WORK/new/CASE, with the inputs given by the same relative
# paths (in/..., a symlink in each case folder to WORK/in), so the names that
# land in the output (TMX x-doc, batch "out", messages) are the same bytes
# for both. A case is "same" when both folders hold the same files with the
# same bytes: _stdout, every file the command wrote (-o, moses
# PREFIX.<lang>, --summary-json, --report, batch outputs) and _exit (the
# exit status). A case also fails when REF's exit status is not the one the
# case expects (0, or the status an error case is there for), so a broken
# case cannot pass by failing the same way twice. _stderr is compared apart:
# after temporary names (NAME.tmp.XXXXXX) and the two work folders are made
# placeholders, a difference is counted and shown as "stderr differs", not
# as a failure.
#
# Non-determinism handled: the "seconds" of --summary-json files and of
# batch records (wall time) is dropped with python3 before the comparison,
# which checks that nothing else changed (the raw file is kept as FILE.raw);
# SOURCE_DATE_EPOCH is fixed, so the TMX creationdate is a fixed date
# (write_tmx.c: --date, else SOURCE_DATE_EPOCH, else no date); LC_ALL is
# C.UTF-8. Nothing else differed between two builds of one commit (batch
# -j 2 included). Installed FreeDict dictionaries (/usr/share/dictd, or
# $BEAD_DICT_DIR) change outputs; both builds see the same environment.
#
# Cases:
#   help       bead --version, --help, and each command's --help
#   segment    lines, --paragraphs, jsonl (stdout and -o FILE.gz) on the five
#              corpora/news-dprk-cyber files; lines and jsonl on
#              ../shared/eval/segment/{bg,de,en,id}-dev.txt
#   dev        every ../shared/eval/align/*/ with src.txt, trg.txt and
#              meta.json ("langs"; bible-john-*, textberg-1957, debref-dev-*):
#              align --presegmented in beads, tsv, tmx, jsonl and moses
#              (-o PREFIX: both files), each with --summary-json; on the
#              Bible en-de set also --dict none, --learn no, --anchors no,
#              --mode align/mine, --beads, --min-score, --include-unaligned
#              --header, --iterations 1; report json and html on the Bible
#              bg-de and the Text+Berg set
#   news       the corpus pairs bg-de (aljazeera), en-bg, en-de, en-id and
#              de(aljazeera)-de(cryptopolitan), default --mode auto (mining
#              for the comparable ones), in all five formats with
#              --summary-json; en-de and en-bg also --mode mine and --mode
#              align; en-de to -o FILE.tsv.gz, -o FILE.tmx --doctype, --date,
#              --report FILE.json; report json and html on en-de
#   nway       align -L bg,de,en,id on bg.aljazeera de.aljazeera en.reuters
#              id.kontan in all five formats with --summary-json, --pivot en;
#              report json and html on the four
#   batch      a JSONL job list over the corpora and ../shared/eval/match/dev
#              (inline results, .tsv .tmx .jsonl .beads .tsv.gz outputs,
#              inline texts, a missing file) with -j 1 and with -j 2
#              --keep-order; a TSV job list over the Bible and Text+Berg dev
#              sets with --presegmented -f moses. The records' "seconds" is
#              dropped (python3) before the comparison; the raw records are
#              kept as _stdout.raw
#   errors     exit statuses and messages: a missing file, an unknown
#              option, one file, an unknown language, invalid UTF-8 (and
#              --replace-invalid), empty input, .EOA section counts that
#              differ, --max-sentences
#   scale      unless --no-scale: the en-de Bible dev set repeated 60 times
#              (a long pair with a large FreeDict dictionary, when installed)
#              and 10k and 100k pairs made by bench/lib/scaled_pair.py from
#              the bg-de Bible set, in all five formats with --summary-json
# A tool for developers, not a benchmark (bench/run does not run bench/lib).
# Cost (FreeDict installed): a full run about 7.5 minutes of CPU, --no-scale
# about 5.5 (the dev sets are most of it); REF and NEW run in parallel, so on
# an idle two-core machine the wall time is a little over half of that.
#
# Usage: bench/lib/align_identical.sh REF_BEAD NEW_BEAD [--no-scale] [--keep DIR]
#   --no-scale  skip the long pairs (x60, 10k, 100k)
#   --keep DIR  work in DIR (emptied of ref/, new/, in/ first) and keep it:
#               DIR/ref and DIR/new hold each case's outputs, DIR/in the inputs
# Exit status: 0 all identical, 1 some output or exit status differs, 2 usage.
set -u
usage() { sed -n '/^# Usage:/,/^# Exit status/s/^# \{0,1\}//p' "$0" >&2; exit 2; }
REF='' NEW='' SCALE=1 KEEP=''
while [ $# -gt 0 ]; do
    case $1 in
        --no-scale) SCALE=0 ;;
        --keep) [ $# -ge 2 ] || usage; KEEP=$2; shift ;;
        --keep=*) KEEP=${1#--keep=} ;;
        -h|--help) usage ;;
        -*) echo "align_identical.sh: unknown option $1" >&2; usage ;;
        *) if [ -z "$REF" ]; then REF=$1; elif [ -z "$NEW" ]; then NEW=$1; else usage; fi ;;
    esac
    shift
done
[ -n "$REF" ] && [ -n "$NEW" ] || usage
for b in "$REF" "$NEW"; do
    [ -x "$b" ] && [ -f "$b" ] || { echo "align_identical.sh: $b is not an executable" >&2; exit 2; }
done
REF=$(realpath "$REF") NEW=$(realpath "$NEW")
command -v python3 >/dev/null || { echo "align_identical.sh: needs python3" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=$(realpath "$ROOT/../shared" 2>/dev/null || echo "$ROOT/../shared")
EVAL=$SHARED/eval/align
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8

if [ -n "$KEEP" ]; then
    mkdir -p "$KEEP" || exit 2
    W=$(realpath "$KEEP")
    rm -rf "$W/ref" "$W/new" "$W/in"
else
    W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
fi
mkdir -p "$W/ref" "$W/new" "$W/in"
IN=$W/in
ln -s "$ROOT/corpora/news-dprk-cyber" "$IN/news"
[ -d "$EVAL" ] && ln -s "$EVAL" "$IN/align"
[ -d "$SHARED/eval/segment" ] && ln -s "$SHARED/eval/segment" "$IN/segment"
[ -d "$SHARED/eval/match/dev" ] && ln -s "$SHARED/eval/match/dev" "$IN/match"
I=in   # the inputs, seen from a case folder (a symlink to $IN)

fail=0 ncase=0 nfile=0 nerr=0
DIFFS=() ERRDIFFS=()
T0=$SECONDS

# Drops the top-level "seconds" of each JSON line of FILE (kept as FILE.raw),
# checking that nothing else changed.
strip_seconds() {
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        mv "$f" "$f.raw"
        python3 - "$f.raw" "$f" <<'EOF' || { echo "strip_seconds: $f failed" >&2; cp "$f.raw" "$f"; }
import json, re, sys
pat = re.compile(rb',"seconds":-?[0-9][0-9.eE+-]*(?=[,}])|"seconds":-?[0-9][0-9.eE+-]*,')
out = []
for line in open(sys.argv[1], 'rb').read().splitlines(keepends=True):
    new = pat.sub(b'', line, count=1)
    if new != line:
        a, b = json.loads(line), json.loads(new)
        a.pop('seconds', None)
        if a != b:
            sys.exit('stripping "seconds" changed more than that: %r' % line[:200])
    out.append(new)
open(sys.argv[2], 'wb').write(b''.join(out))
EOF
    done
}

# run SIDE BIN CASE STDIN STRIP ARGS...: runs BIN ARGS in WORK/SIDE/CASE.
run_side() {
    local side=$1 bin=$2 name=$3 in=$4 strip=$5; shift 5
    local dir=$W/$side/$name
    mkdir -p "$dir"
    ln -sfn "$IN" "$dir/in"
    (cd "$dir" && "$bin" "$@" <"$in" >_stdout 2>_stderr; echo $? >_exit)
    if [ -n "$strip" ]; then
        local f files=()
        for f in $strip; do files+=("$dir/$f"); done
        strip_seconds "${files[@]}"
    fi
}

norm_err() {   # the stderr of a case with temporary names and work folders made neutral
    sed -e "s#$W/ref#WORK/SIDE#g; s#$W/new#WORK/SIDE#g" \
        -e 's#\.tmp\.[A-Za-z0-9]\{6\}#.tmp.XXXXXX#g' "$1"
}

compare() {   # CASE EXPECTED_EXIT
    local name=$1 expect=$2 a=$W/ref/$1 b=$W/new/$1
    local la lb f bad=() rc
    la=$(cd "$a" && find . -type f ! -name _stderr ! -name '*.raw' | sort)
    lb=$(cd "$b" && find . -type f ! -name _stderr ! -name '*.raw' | sort)
    rc="exit $(cat "$a/_exit")"
    [ "$(cat "$a/_exit")" = "$(cat "$b/_exit")" ] || rc="exit $(cat "$a/_exit") vs $(cat "$b/_exit")"
    ncase=$((ncase + 1))
    if [ "$la" != "$lb" ]; then
        bad+=("file lists: $(diff <(echo "$la") <(echo "$lb") | grep '^[<>]' | tr '\n' ' ')")
    else
        for f in $la; do
            nfile=$((nfile + 1))
            cmp -s "$a/$f" "$b/$f" || bad+=("${f#./}")
        done
    fi
    local nf; nf=$(echo "$la" | wc -l)
    # Both failing the same way is no comparison: the case itself is broken.
    [ "$(cat "$a/_exit")" = "$expect" ] || bad+=("REF exit $(cat "$a/_exit"), expected $expect")
    if [ ${#bad[@]} -gt 0 ]; then
        echo "DIFFERS: $name ($rc): ${bad[*]}"
        DIFFS+=("$name")
        fail=1
    else
        echo "same: $name ($rc, $nf files, stdout $(wc -l <"$a/_stdout") lines)"
    fi
    if ! cmp -s "$a/_stderr" "$b/_stderr" && ! cmp -s <(norm_err "$a/_stderr") <(norm_err "$b/_stderr"); then
        echo "  stderr differs: $name"
        diff <(norm_err "$a/_stderr") <(norm_err "$b/_stderr") | head -6 | sed 's/^/    /'
        ERRDIFFS+=("$name")
        nerr=$((nerr + 1))
    fi
}

# check [--stdin FILE] [--strip "FILES"] [--expect N] CASE ARGS...: one case,
# REF and NEW in parallel; REF must exit N (default 0).
check() {
    local in=/dev/null strip='' expect=0
    while :; do
        case $1 in
            --stdin) in=$2; shift 2 ;;
            --expect) expect=$2; shift 2 ;;
            --strip) strip=$2; shift 2 ;;
            *) break ;;
        esac
    done
    local name=$1; shift
    run_side ref "$REF" "$name" "$in" "$strip" "$@" &
    run_side new "$NEW" "$name" "$in" "$strip" "$@" &
    wait
    compare "$name" $expect
}

# formats CASE ARGS...: bead align ARGS in all five formats, with --summary-json.
formats() {
    local name=$1 f; shift
    for f in beads tsv tmx jsonl; do
        check --strip summary.json "$name/$f" align -f $f --summary-json summary.json "$@"
    done
    check --strip summary.json "$name/moses" align -f moses -o out --summary-json summary.json "$@"
}

langs_of() {   # the "langs" of a dev set's meta.json, as bg,de
    python3 -c 'import json, sys; print(",".join(json.load(open(sys.argv[1]))["langs"]))' "$1/meta.json" 2>/dev/null
}

echo "== help"
check help/version --version
check help/bead --help
for c in segment align report batch; do check help/$c $c --help; done

echo "== segment"
for f in bg.aljazeera de.aljazeera de.cryptopolitan en.reuters id.kontan; do
    check seg/$f/lines segment $I/news/$f.txt
    check seg/$f/paragraphs segment --paragraphs $I/news/$f.txt
    check seg/$f/jsonl segment -f jsonl $I/news/$f.txt
done
check seg/en.reuters/jsonl-gz segment -f jsonl -o out.jsonl.gz $I/news/en.reuters.txt
check seg/bg.aljazeera/presegmented segment --presegmented $I/news/bg.aljazeera.txt
for l in bg de en id; do
    [ -f "$IN/segment/$l-dev.txt" ] || continue
    check seg/$l-dev/lines segment -l $l $I/segment/$l-dev.txt
    check seg/$l-dev/jsonl segment -l $l -f jsonl $I/segment/$l-dev.txt
done

echo "== dev sets (../shared/eval/align, --presegmented)"
for d in "$EVAL"/*/; do
    d=${d%/}; n=${d##*/}
    if [ ! -f "$d/src.txt" ] || [ ! -f "$d/trg.txt" ]; then echo "skipped: $n (no src.txt/trg.txt)"; continue; fi
    L=$(langs_of "$d")
    [ -n "$L" ] || { echo "skipped: $n (no langs in meta.json)"; continue; }
    formats "dev/$n" --presegmented -L "$L" $I/align/$n/src.txt $I/align/$n/trg.txt
done
B=$I/align/bible-john-en-de-noisy
if [ -d "$EVAL/bible-john-en-de-noisy" ]; then
    for o in "--dict none" "--learn no" "--anchors no" "--dict none --learn no --anchors no" \
             "--mode align" "--mode mine" "--beads 1-1,1-0,0-1,2-1,1-2" "--iterations 1"; do
        check --strip summary.json "dev-opt/${o// /}" align -f jsonl --summary-json summary.json $o \
            --presegmented -L en,de $B/src.txt $B/trg.txt
    done
    check dev-opt/min-score align --min-score 0.9 --presegmented -L en,de $B/src.txt $B/trg.txt
    check dev-opt/unaligned-header align --include-unaligned --header --presegmented -L en,de $B/src.txt $B/trg.txt
fi
for n in bible-john-bg-de-noisy textberg-1957; do
    [ -d "$EVAL/$n" ] || continue
    L=$(langs_of "$EVAL/$n")
    check report/$n/json report --presegmented -L "$L" -o report.json $I/align/$n/src.txt $I/align/$n/trg.txt
    check report/$n/html report --presegmented -L "$L" -o report.html $I/align/$n/src.txt $I/align/$n/trg.txt
done

echo "== news corpora (default --mode auto)"
N=$I/news
formats news/bg-de -L bg,de $N/bg.aljazeera.txt $N/de.aljazeera.txt
formats news/en-bg -L en,bg $N/en.reuters.txt $N/bg.aljazeera.txt
formats news/en-de -L en,de $N/en.reuters.txt $N/de.aljazeera.txt
formats news/en-id -L en,id $N/en.reuters.txt $N/id.kontan.txt
formats news/de-de -L de,de $N/de.aljazeera.txt $N/de.cryptopolitan.txt
for p in en-de:de.aljazeera en-bg:bg.aljazeera; do
    t=${p#*:}; l=${p%%:*}
    for m in mine align; do
        for f in tsv jsonl; do
            check --strip summary.json news-mode/$l/$m/$f align --mode $m -f $f --summary-json summary.json \
                -L ${l/-/,} $N/en.reuters.txt $N/$t.txt
        done
    done
done
check news-file/tsv-gz align -o out.tsv.gz $N/en.reuters.txt $N/de.aljazeera.txt
check news-file/tmx-doctype align -o out.tmx --doctype $N/en.reuters.txt $N/de.aljazeera.txt
check news-file/tmx-date align -f tmx --date 20240131T120000Z $N/en.reuters.txt $N/de.aljazeera.txt
check --strip _stdout news-file/summary-stdout align -f beads --summary-json - $N/en.reuters.txt $N/de.aljazeera.txt
check news-file/report align -f tsv --report report.json $N/en.reuters.txt $N/de.aljazeera.txt
check report/news-en-de/json report -o report.json $N/en.reuters.txt $N/de.aljazeera.txt
check report/news-en-de/html report -o report.html $N/en.reuters.txt $N/de.aljazeera.txt

echo "== N-way (bg,de,en,id)"
NWAY=($N/bg.aljazeera.txt $N/de.aljazeera.txt $N/en.reuters.txt $N/id.kontan.txt)
formats nway -L bg,de,en,id "${NWAY[@]}"
check --strip summary.json nway-pivot-en/tsv align --pivot en --summary-json summary.json -L bg,de,en,id "${NWAY[@]}"
check report/nway/json report -L bg,de,en,id -o report.json "${NWAY[@]}"
check report/nway/html report -L bg,de,en,id -o report.html "${NWAY[@]}"

echo "== batch"
M=$I/match
{
    printf '{"id":"news-bg-de","src":"%s","trg":"%s"}\n' $N/bg.aljazeera.txt $N/de.aljazeera.txt
    printf '{"id":"news-en-de","src":"%s","trg":"%s","out":"news-en-de.tmx"}\n' $N/en.reuters.txt $N/de.aljazeera.txt
    printf '{"id":"news-en-bg","src":"%s","trg":"%s","out":"news-en-bg.jsonl"}\n' $N/en.reuters.txt $N/bg.aljazeera.txt
    printf '{"id":"news-en-id","src":"%s","trg":"%s","langs":"en,id","out":"news-en-id.beads"}\n' $N/en.reuters.txt $N/id.kontan.txt
    printf '{"id":"news-de-de","src":"%s","trg":"%s","langs":["de","de"],"out":"news-de-de.tsv.gz"}\n' $N/de.aljazeera.txt $N/de.cryptopolitan.txt
    if [ -d "$IN/match" ]; then
        for p in en-de bg-en de-id; do
            head -3 "$IN/match/truth-$p.tsv" | awk -F'\t' -v M=$M -v p=$p '{
                split(p, l, "-");
                printf "{\"id\":\"match-%s-%d\",\"src\":\"%s/%s\",\"trg\":\"%s/%s\",\"langs\":[\"%s\",\"%s\"]%s}\n",
                    p, NR, M, $1, M, $2, l[1], l[2], NR == 2 ? ",\"out\":\"match-" p ".tsv\"" : "" }'
        done
        # a pair that is not a translation: the first en document with the second de one
        paste <(sed -n 1p "$IN/match/truth-en-de.tsv" | cut -f1) <(sed -n 2p "$IN/match/truth-en-de.tsv" | cut -f2) |
            awk -F'\t' -v M=$M '{printf "{\"id\":\"match-mismatch\",\"src\":\"%s/%s\",\"trg\":\"%s/%s\",\"langs\":[\"en\",\"de\"]}\n", M, $1, M, $2}'
    fi
    printf '{"id":"inline","src_text":"Hello world. This is a test.\\nIt has 2 lines.","trg_text":"Hallo Welt. Das ist ein Test.\\nEs hat 2 Zeilen.","langs":["en","de"]}\n'
    printf '{"id":"missing","src":"%s/en.missing.txt","trg":"%s","langs":"en,de"}\n' $N $N/de.aljazeera.txt
} >"$IN/jobs.jsonl"
check --expect 1 --stdin "$IN/jobs.jsonl" --strip _stdout batch/jsonl-j1 batch -j 1
check --expect 1 --stdin "$IN/jobs.jsonl" --strip _stdout batch/jsonl-j2 batch -j 2 --keep-order
: >"$IN/jobs-dev.tsv"
for n in bible-john-bg-de-noisy bible-john-bg-en-noisy bible-john-en-de-noisy textberg-1957; do
    [ -d "$EVAL/$n" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$n" $I/align/$n/src.txt $I/align/$n/trg.txt \
        "$(langs_of "$EVAL/$n")" "$n" >>"$IN/jobs-dev.tsv"
done
check --stdin "$IN/jobs-dev.tsv" --strip _stdout batch/dev-tsv-moses batch -j 2 --keep-order --presegmented -f moses

echo "== errors"
printf 'Ein Satz.\n\xff\xfe kaputt.\n' >"$IN/de.invalid.txt"
: >"$IN/en.empty.txt"
printf 'one\n.EOA\ntwo\n' >"$IN/en.sections.txt"
printf 'eins\nzwei\n' >"$IN/de.sections.txt"
check --expect 1 err/missing align $N/en.reuters.txt $N/de.missing.txt
check --expect 2 err/usage align --no-such-option $N/en.reuters.txt $N/de.aljazeera.txt
check --expect 2 err/one-file align $N/en.reuters.txt
check --expect 2 err/unknown-lang segment -l xx-notalang $N/en.reuters.txt
check --expect 1 err/invalid segment $I/de.invalid.txt
check err/replace-invalid segment --replace-invalid -f jsonl $I/de.invalid.txt
check --expect 1 err/align-invalid align $N/en.reuters.txt $I/de.invalid.txt
check err/empty align -f jsonl $I/en.empty.txt $N/de.aljazeera.txt
check --expect 2 err/sections align --presegmented $I/en.sections.txt $I/de.sections.txt
check --expect 1 err/max-sentences align --max-sentences 3 $N/en.reuters.txt $N/de.aljazeera.txt

if [ $SCALE = 1 ]; then
    echo "== long pairs"
    # A long pair with a large dictionary (FreeDict en-de, 650,000 pairs):
    # the dictionary evidence takes its scanning path there.
    d=$EVAL/bible-john-en-de-noisy
    if [ -d "$d" ]; then
        for k in $(seq 60); do cat "$d/src.txt"; done >"$IN/en-x60.txt"
        for k in $(seq 60); do cat "$d/trg.txt"; done >"$IN/de-x60.txt"
        formats scale/en-de-x60 --presegmented -L en,de $I/en-x60.txt $I/de-x60.txt
    fi
    d=$EVAL/bible-john-bg-de-noisy
    for k in 10000 100000; do
        [ -d "$d" ] || break
        python3 "$ROOT/bench/lib/scaled_pair.py" "$d" $k "$IN/s$k.txt" "$IN/t$k.txt" "$IN/g$k.txt"
        formats scale/$k --presegmented -L bg,de $I/s$k.txt $I/t$k.txt
    done
fi

echo
TIMES=$(mktemp); times >"$TIMES"   # in this shell: the CPU time of every command run
cpu=$(awk 'NR == 2 { print $1 " user + " $2 " sys" }' "$TIMES"); rm -f "$TIMES"
echo "$ncase cases, $nfile files compared, $((SECONDS - T0)) s ($cpu CPU): $([ $fail = 0 ] && echo all identical || echo "SOME DIFFER: ${DIFFS[*]}")"
[ $nerr = 0 ] || echo "stderr differs in $nerr cases: ${ERRDIFFS[*]}"
[ -n "$KEEP" ] && echo "outputs kept in $W/ref and $W/new"
exit $fail
