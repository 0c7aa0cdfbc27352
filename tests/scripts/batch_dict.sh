#!/usr/bin/env bash
# bead batch --dict: each language pair's dictionary is loaded once for the
# whole run and shared by the threads. Shown with a corrupt .dict.dz: 50 jobs
# of one pair on 4 threads give one warning, not 50 (and two pairs, two);
# the jobs still succeed, aligned as without a dictionary. Also: --dict none,
# a hunalign FILE (used for every job, and it changes the alignment), a
# hunalign file with a bad line (one warning), and the same records with -j 1
# and -j 4 (fixture dictionaries, and the installed ones when there).
source "$(dirname "$0")/../batch/lib.sh"

make_jobs 50
mkdir none corrupt fixture
cp "$SRC/tests/lexicon/freedict-deu-eng.index" corrupt/
head -c 200 "$SRC/tests/lexicon/freedict-deu-eng.dict.dz" > corrupt/freedict-deu-eng.dict.dz
cp "$SRC"/tests/lexicon/freedict-*.index "$SRC"/tests/lexicon/freedict-*.dict.dz fixture/

run() {   # run NAME [ENV=VALUE...] -- BATCH ARGS: NAME.jsonl, NAME.err, status in $st
    local name=$1
    shift
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    env "${envs[@]}" "$BEAD" batch "$@" < jobs.jsonl > "$name.jsonl" 2> "$name.err"
    st=$?
    [ "$st" = 0 ] || { cat "$name.err"; fail "$name: exit $st"; }
    [ "$(wc -l < "$name.jsonl")" = 50 ] || fail "$name: $(wc -l < "$name.jsonl") records for 50 jobs"
    grep -q '"status":"error"' "$name.jsonl" && fail "$name: a job failed"
    return 0
}

# The reference: no dictionary at all.
run none BEAD_DICT_DIR=$T/none -- -j 4
[ -s none.err ] && { cat none.err; fail "no dictionary installed: stderr is not quiet"; }
run off BEAD_DICT_DIR=$T/fixture -- -j 4 --dict none
same() { python3 "$SRC/tests/batch/compare.py" "$1" "$2" > cmp.txt || { cat cmp.txt; fail "$3"; }; }
same none.jsonl off.jsonl "--dict none differs from no dictionary installed"

# A corrupt dictionary: one warning for the 50 jobs, naming the file.
run corrupt BEAD_DICT_DIR=$T/corrupt -- -j 4
n=$(grep -c 'freedict-deu-eng.dict.dz' corrupt.err)
[ "$n" = 1 ] || { cat corrupt.err; fail "corrupt dictionary: $n warnings for 50 jobs of one pair, not 1"; }
same none.jsonl corrupt.jsonl "corrupt dictionary: not aligned as without one"

# Two pairs (en-de and de-en, both from deu-eng), interleaved: one warning each.
python3 - <<'PY'
import json
with open("jobs.jsonl") as f:
    jobs = [json.loads(l) for l in f]
for i, j in enumerate(jobs):
    if i % 2:
        j["src"], j["trg"], j["langs"] = j["trg"], j["src"], j["langs"][::-1]
with open("jobs2.jsonl", "w") as f:
    for j in jobs:
        f.write(json.dumps(j) + "\n")
PY
BEAD_DICT_DIR=$T/corrupt "$BEAD" batch -j 4 < jobs2.jsonl > two.jsonl 2> two.err || fail "two pairs: exit $?"
n=$(grep -c 'freedict-deu-eng.dict.dz' two.err)
[ "$n" = 2 ] || { cat two.err; fail "corrupt dictionary, two pairs: $n warnings, not 2"; }

# A hunalign file applies to every job, and the dictionary anchors change
# the alignment of these texts.
printf '%s\n' 'Ausschuss @ committee' 'Vorschläge @ proposals' 'Fluss @ river' \
    'Menschen @ people' 'Treffen @ meeting' 'Ergebnis @ result' 'Projekt @ project' > en-de.dic
run hun BEAD_DICT_DIR=$T/none -- -j 4 --dict en-de.dic
[ -s hun.err ] && { cat hun.err; fail "hunalign file: stderr is not quiet"; }
python3 "$SRC/tests/batch/compare.py" none.jsonl hun.jsonl > /dev/null &&
    fail "hunalign file: the same records as without a dictionary (not used?)"
run hun1 BEAD_DICT_DIR=$T/none -- -j 1 --dict en-de.dic
same hun.jsonl hun1.jsonl "hunalign file: -j 1 and -j 4 differ"

# A hunalign file with a bad line: one warning naming file and line, then
# the jobs are aligned without it.
printf 'Ausschuss @ committee\nno separator here\n' > bad.dic
run bad BEAD_DICT_DIR=$T/none -- -j 4 --dict bad.dic
n=$(grep -c 'bad.dic:2' bad.err)
[ "$n" = 1 ] || { cat bad.err; fail "bad hunalign line: $n warnings for 50 jobs, not 1"; }
same none.jsonl bad.jsonl "bad hunalign file: not aligned as without one"

# -j 1 and -j 4 agree with the fixture dictionaries, and with the installed
# ones when dict-freedict-eng-deu or -deu-eng is there.
run fix1 BEAD_DICT_DIR=$T/fixture -- -j 1
run fix4 BEAD_DICT_DIR=$T/fixture -- -j 4
same fix1.jsonl fix4.jsonl "fixture dictionaries: -j 1 and -j 4 differ"
if [ -r /usr/share/dictd/freedict-eng-deu.index ] || [ -r /usr/share/dictd/freedict-deu-eng.index ]; then
    run real1 -u BEAD_DICT_DIR -- -j 1
    run real4 -u BEAD_DICT_DIR -- -j 4 --dict auto
    same real1.jsonl real4.jsonl "installed dictionaries: -j 1 and -j 4 differ"
    [ -s real4.err ] && { cat real4.err; fail "installed dictionaries: a warning"; }
    python3 "$SRC/tests/batch/compare.py" none.jsonl real4.jsonl > /dev/null &&
        fail "installed dictionaries: the same records as without (not used?)"
fi
echo "ok"
