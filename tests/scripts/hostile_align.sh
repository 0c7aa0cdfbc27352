#!/usr/bin/env bash
# Hostile input for `bead align` (issue 8, CONTRACT.md "Exit codes and bad input"):
# one document empty and the other not (exit 0, every bead 1-0 or 0-1), sentence
# counts mismatched 1:1000, bad bytes / gzip / paths in either file (the message
# names that file), /dev/full and missing folders as output, limits, section
# counts that differ, usage errors. As in hostile_segment.sh, each case checks the
# exit status, the message, and that a failure leaves no output or temporary file.
# usage: hostile_align.sh BEAD_BIN SRC_ROOT
set -u
BEAD=$(realpath "$1")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
if ! "$BEAD" align --help >/dev/null 2>&1; then
    echo "SKIP: this build has no bead align"
    exit 77
fi
# No FreeDict dictionaries: loading one takes seconds (more under ASan) and has
# nothing to do with hostile input; one case below runs with them.
export BEAD_DICT_DIR=/nonexistent/bead-test-no-dictionaries
. "$(dirname "$(realpath "$0")")/lib/hostile.sh"
al() { "$BEAD" align "$@"; }

# beads_cover FILE NSRC NTRG: the beads output covers 0..NSRC-1 and 0..NTRG-1 in order.
beads_cover() {
    python3 - "$@" <<'PY' || fail "beads do not cover both documents: $(head -3 "$1")"
import sys, re
f, ns, nt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
want = [0, 0]
for line in open(f, encoding="utf-8"):
    m = re.fullmatch(r"\[([0-9,]*)\]:\[([0-9,]*)\]:([0-9.]+)\n?", line)
    if not m: sys.exit("bad line " + repr(line))
    for side in (0, 1):
        for k in filter(None, m.group(side + 1).split(",")):
            if int(k) != want[side]: sys.exit("out of order")
            want[side] += 1
sys.exit(0 if want == [ns, nt] else "covered %r" % want)
PY
}

printf 'Eins. Zwei. Drei.\n' >de.three.txt
printf 'One. Two. Three.\n' >en.three.txt
: >en.empty.txt
printf ' \n\t\n\r\n' >en.blank.txt

# ----------------------------------------------------------- empty sides
expect src-empty 0 nonempty "" -- al -L en,de -f beads -o out/out.txt en.empty.txt de.three.txt
[ -f out/out.txt ] && { beads_cover out/out.txt 0 3; grep -qv '^\[\]:' out/out.txt && fail "a bead with a source sentence"; }
expect trg-empty 0 nonempty "" -- al -L de,en -f beads -o out/out.txt de.three.txt en.empty.txt
[ -f out/out.txt ] && { beads_cover out/out.txt 3 0; grep -qv ':\[\]:' out/out.txt && fail "a bead with a target sentence"; }
expect src-blank-tsv 0 empty "" -- al -L en,de -f tsv -o out/out.txt en.blank.txt de.three.txt
expect both-empty 0 empty "" -- al -L en,en -f beads -o out/out.txt en.empty.txt en.empty.txt
expect both-empty-tmx 0 - "" -- al -L en,de -f tmx -o out/out.txt en.empty.txt en.empty.txt
[ -f out/out.txt ] && command -v xmllint >/dev/null && ! xmllint --noout out/out.txt 2>/dev/null && fail "TMX of empty documents is not well-formed"
expect src-empty-presegmented 0 nonempty "" -- al --presegmented -L en,de -f beads -o out/out.txt en.empty.txt de.three.txt

# ----------------------------------------------------------- 1:1000
echo "Only one sentence here." >en.one.txt
seq 1 1000 | sed 's/.*/Satz Nummer &./' >de.1000.txt
expect mismatch-1-1000 0 nonempty "" -- al --presegmented -L en,de -f beads -o out/out.txt en.one.txt de.1000.txt
[ -f out/out.txt ] && beads_cover out/out.txt 1 1000
expect mismatch-1000-1 0 nonempty "" -- al --presegmented -L de,en -f beads -o out/out.txt de.1000.txt en.one.txt
[ -f out/out.txt ] && beads_cover out/out.txt 1000 1
expect mismatch-1-1000-dictionaries 0 nonempty "" -- env -u BEAD_DICT_DIR "$BEAD" align -L en,de -f beads -o out/out.txt en.one.txt de.1000.txt

# ----------------------------------------------------------- bad bytes in either file
printf 'Eins. Zwei \xff drei.\n' >de.bad.txt
printf 'One. Two \xc0\xaf three.\n' >en.bad.txt
expect utf8-second-file 1 absent "de.bad.txt|offset 11" -- al -L en,de -f tmx -o out/out.txt en.three.txt de.bad.txt
grep -q "en.three.txt:" stderr.txt && fail "the message blames the first file"
expect utf8-first-file 1 absent "en.bad.txt|offset 9" -- al -L en,de -f tmx -o out/out.txt en.bad.txt de.three.txt
expect utf8-second-stdout 1 - "de.bad.txt" -- al -L en,de en.three.txt de.bad.txt
expect utf8-second-replace 0 - "replaced" -- al -L en,de --replace-invalid -o out/out.txt en.three.txt de.bad.txt
printf 'Eins.\0 Zwei.\n' >de.nul.txt
expect nul-second-file 1 absent "de.nul.txt" -- al -L en,de -o out/out.txt en.three.txt de.nul.txt
for i in $(seq 1 300); do echo "Satz $i ist hier."; done | gzip >de.good.gz
head -c $(( $(stat -c %s de.good.gz) / 2 )) de.good.gz >de.trunc.gz
expect gzip-truncated-second 1 absent "de.trunc.gz" -- al -L en,de -o out/out.txt en.three.txt de.trunc.gz
mkdir de.dir
expect directory-second 1 absent "de.dir" -- al -L en,de -o out/out.txt en.three.txt de.dir
expect missing-second 1 absent "de.missing.txt" -- al -L en,de -o out/out.txt en.three.txt de.missing.txt
expect binary-second 1 absent "/bin/ls" -- al -L en,de -o out/out.txt en.three.txt /bin/ls

# ----------------------------------------------------------- output errors
if [ -w /dev/full ]; then
    expect output-dev-full 1 - "/dev/full" -- al -L en,de -f tsv -o /dev/full en.three.txt de.three.txt
    expect output-dev-full-redirect 1 - "" -- bash -c '"$0" align -L en,de -f tsv en.three.txt de.three.txt >/dev/full' "$BEAD"
fi
expect output-missing-dir 1 - "no-such-dir" -- al -L en,de -f tmx -o no-such-dir/out.tmx en.three.txt de.three.txt
[ -e no-such-dir ] && fail "created the missing folder"
echo precious >keep.txt
expect failed-run-keeps-old-output 1 - "de.bad.txt" -- bash -c 'cp keep.txt out/out.txt && "$0" align -L en,de -f tsv -o out/out.txt en.three.txt de.bad.txt' "$BEAD"
cmp -s keep.txt out/out.txt || fail "an existing output file was changed by a failed run"

# ----------------------------------------------------------- limits
expect max-sentences 1 absent "de.1000.txt|max-sentences" -- al --presegmented -L en,de --max-sentences 100 -o out/out.txt en.one.txt de.1000.txt
expect max-bytes 1 absent "de.1000.txt|max-bytes" -- al --presegmented -L en,de --max-bytes 1K -o out/out.txt en.one.txt de.1000.txt

# ----------------------------------------------------------- empty sections
# An empty section counts like any other, first, middle or last: equal .EOA
# counts always align (a last empty section was "2 sections but 1").
printf 'One.\n.EOA\nTwo.\n.EOA\n' >en.sec-last-empty.txt
printf 'Eins.\n.EOA\nZwei.\n.EOA\nDrei.\n' >de.sec-last-full.txt
expect sections-last-empty 0 nonempty "" -- al --presegmented -L en,de -f beads -o out/out.txt en.sec-last-empty.txt de.sec-last-full.txt
[ -f out/out.txt ] && { beads_cover out/out.txt 2 3; grep -qx '\[\]:\[2\]:.*' out/out.txt || fail "Drei. not alone in the last section: $(cat out/out.txt)"; }
expect sections-last-empty-segmented 0 nonempty "" -- al -L en,de -f beads -o out/out.txt en.sec-last-empty.txt de.sec-last-full.txt
printf '.EOA\nOne.\n.EOA\n.EOA\nTwo.\n' >en.sec-gaps.txt
printf 'Null.\n.EOA\nEins.\n.EOA\nX.\n.EOA\nZwei.\n' >de.sec-gaps.txt
expect sections-first-and-middle-empty 0 nonempty "" -- al --presegmented -L en,de -f beads -o out/out.txt en.sec-gaps.txt de.sec-gaps.txt
[ -f out/out.txt ] && { beads_cover out/out.txt 2 4; [ "$(head -1 out/out.txt | cut -d: -f1-2)" = '[]:[0]' ] || fail "Null. paired across a section: $(head -1 out/out.txt)"; }
printf 'One.\n\f\n' >en.sec-ff.txt
printf 'Eins.\n.EOA\n' >de.sec-eoa.txt
expect sections-form-feed-and-eoa 0 nonempty "" -- al --presegmented -L en,de -f beads -o out/out.txt en.sec-ff.txt de.sec-eoa.txt
printf 'One.\n.EOA\n' >en.sec-two.txt
expect sections-still-differ 2 absent "section" -- al --presegmented -L en,de -f beads -o out/out.txt en.sec-two.txt de.three.txt

# ----------------------------------------------------------- identical texts
# A text and its copy align one to one and are judged parallel, however
# repetitive (the same line a thousand times was "unrelated", no pairs).
yes 'Identical line here.' | head -n 1000 >en.rep.txt
cp en.rep.txt en.rep-copy.txt
expect identical-repetitive 0 nonempty "" -- al -L en,en -f tsv --summary-json out/summary.json -o out/out.txt en.rep.txt en.rep-copy.txt
[ "$(wc -l <out/out.txt)" = 1000 ] || fail "$(wc -l <out/out.txt) pairs, expected 1000"
grep -q '"1-1":1000' out/summary.json || fail "not 1000 1-1 beads: $(head -c 200 out/summary.json)"
grep -q '"verdict":"parallel"' out/summary.json || fail "not parallel: $(grep -o '"verdict":"[a-z]*"' out/summary.json)"
grep -q verdict stderr.txt && fail "a verdict line for a copy: $(cat stderr.txt)"
expect identical-repetitive-beads 0 nonempty "" -- al -L en,en -f beads --mode align -o out/out.txt en.rep.txt en.rep-copy.txt
[ -f out/out.txt ] && { n=$(grep -cE '^\[([0-9]+)\]:\[\1\]:' out/out.txt); [ "$n" = 1000 ] || fail "$n of 1000 beads on the diagonal"; }
sed '500s/.*/A changed line./' en.rep.txt >de.rep-edited.txt
expect near-identical-repetitive 0 nonempty "" -- al -L en,de -f tsv --summary-json out/summary.json -o out/out.txt en.rep.txt de.rep-edited.txt
grep -q '"verdict":"parallel"' out/summary.json || fail "near copy not parallel"
yes 'Short.' | head -n 300 >en.short-rep.txt
expect identical-short-lines 0 - "" -- al -L en,en -f tsv --summary-json out/summary.json -o out/out.txt en.short-rep.txt en.short-rep.txt
grep -q '"verdict":"parallel"' out/summary.json || fail "300 'Short.' lines not parallel"

# ----------------------------------------------------------- dictionaries that are no files
mkfifo dict.fifo
MEM_KB=1000000
grep -qa -e __asan_init -e __ubsan_handle "$BEAD" && MEM_KB=unlimited
bounded() { (ulimit -v $MEM_KB; exec timeout 30 "$@"); }
expect dict-dev-zero 1 absent "/dev/zero|regular file" -- bounded "$BEAD" align -L en,de --dict /dev/zero -o out/out.txt en.three.txt de.three.txt
expect dict-fifo 1 absent "dict.fifo|regular file" -- bounded "$BEAD" align -L en,de --dict dict.fifo -o out/out.txt en.three.txt de.three.txt
expect dict-fifo-report 1 absent "dict.fifo" -- bounded "$BEAD" report -L en,de --dict dict.fifo -o out/out.txt en.three.txt de.three.txt
mkdir dictdir && mkfifo dictdir/freedict-eng-deu.index dictdir/freedict-eng-deu.dict
expect dict-auto-fifo-skipped 0 - "not a regular file" -- env BEAD_DICT_DIR=dictdir timeout 30 "$BEAD" align -L en,de --dict auto -o out/out.txt en.three.txt de.three.txt

# ----------------------------------------------------------- usage errors write nothing
printf 'One.\n.EOA\nTwo.\n' >en.sec2.txt
printf 'Eins.\nZwei.\n' >de.sec1.txt
expect sections-differ 2 absent "" -- al --presegmented -L en,de -f tsv -o out/out.txt en.sec2.txt de.sec1.txt
expect usage-one-file 2 absent "" -- al -L en -o out/out.txt en.three.txt
expect usage-unknown-lang 2 absent "xx" -- al -L en,xx -o out/out.txt en.three.txt de.three.txt
expect usage-unknown-format 2 absent "" -- al -L en,de -f docx -o out/out.txt en.three.txt de.three.txt
expect usage-unknown-option 2 absent "" -- al -L en,de --no-such-option -o out/out.txt en.three.txt de.three.txt

echo "$ncase cases, $fails failures"
[ $fails = 0 ]
