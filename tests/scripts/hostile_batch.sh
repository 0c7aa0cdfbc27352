#!/usr/bin/env bash
# Hostile job lists for `bead batch` (issue 14): inputs that never end (a
# FIFO without writer, /dev/zero, an endless stream) are refused unless
# --allow-special, and then bounded by --max-bytes and --timeout while the
# other jobs go on; a job may not read standard input when it holds the job
# list; two jobs may not write one file; --out-dir confines every out (..,
# absolute paths, symlinks leading out); ids stay as written; "\u0000" is
# refused; a job list of /dev/zero ends at once; a closed results pipe exits
# 141 quietly; moses sides are committed together. Special files are made in
# the scratch folder, never on the machine's own /dev.
# usage: hostile_batch.sh BEAD_BIN SRC_ROOT
set -u
BEAD=$(realpath "$1")
SRC=$(realpath "$2")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
export BEAD_DICT_DIR=/nonexistent/bead-test-no-dictionaries
. "$(dirname "$(realpath "$0")")/lib/hostile.sh"
cp "$SRC/tests/batch/en.two.txt" "$SRC/tests/batch/de.two.txt" .
job() {   # id src trg [out]: one JSONL job
    printf '{"id":%s,"src":"%s","trg":"%s","langs":"en,de"%s}\n' "$1" "$2" "$3" \
        "${4:+,\"out\":\"$4\"}"
}
# bounded CMD...: at most 60 s and (outside ASan, which maps terabytes) 2 GB
# of address space: what a bead without these bounds would never end.
MEM_KB=2000000
grep -qa -e __asan_init -e __ubsan_handle "$BEAD" && MEM_KB=unlimited
bounded() { (ulimit -v $MEM_KB; exec timeout 60 "$@"); }
# batch JOBS ARGS...: the job list on stdin, records in records.jsonl.
batch() { local jobs=$1; shift; printf '%s' "$jobs" | bounded "$BEAD" batch "$@" >records.jsonl; }
# record ID: the record of job ID, on one line.
record() { python3 -c '
import json, sys
for line in open("records.jsonl"):
    r = json.loads(line)
    if str(r.get("id")) == sys.argv[1]:
        print(json.dumps(r)); break' "$1"; }
# want ID STATUS WORDS: the record of ID has STATUS and its error holds WORDS.
want() {
    local r; r=$(record "$1")
    [ -n "$r" ] || { fail "no record for job $1: $(head -c 300 records.jsonl)"; return; }
    case $r in *"\"status\": \"$2\""*) ;; *) fail "job $1: $r" ;; esac
    [ -z "${3:-}" ] || case $r in *"$3"*) ;; *) fail "job $1 lacks '$3': $r" ;; esac
}

mkfifo silent.fifo stream.fifo

# ---------------------------------------------------------------- special inputs
expect fifo-refused 1 - "" -- batch "$(job 1 silent.fifo de.two.txt; job 2 en.two.txt de.two.txt)" -j 2
want 1 error "--allow-special"
want 2 ok
expect dev-zero-refused 1 - "" -- batch "$(job 1 /dev/zero de.two.txt)"
want 1 error "character device"
expect fifo-timeout 1 - "" -- batch "$(job 1 silent.fifo de.two.txt; job 2 en.two.txt de.two.txt)" -j 2 --allow-special --timeout 1
want 1 error "--timeout"
want 2 ok
expect dev-zero-allowed-nul 1 - "" -- batch "$(job 1 /dev/zero de.two.txt)" --allow-special --timeout 20
want 1 error "NUL byte at byte offset 0"
# An endless stream of text through a FIFO: --max-bytes ends the job.
(yes 'A line of text.' >stream.fifo 2>/dev/null &)
expect endless-max-bytes 1 - "" -- batch "$(job 1 stream.fifo de.two.txt)" --allow-special --max-bytes 2M --timeout 30
want 1 error "max-bytes"
(yes 'A line of text.' >stream.fifo 2>/dev/null &)
expect endless-timeout 1 - "" -- batch "$(job 1 stream.fifo de.two.txt; job 2 en.two.txt de.two.txt)" -j 1 --allow-special --timeout 2
want 1 error "--timeout"
want 2 ok
exec 3<>stream.fifo 4<>silent.fifo; exec 3>&- 4>&-   # release writers still waiting
# A job too large to align in the time given: the aligner stops itself.
python3 -c "
for side, w in (('en', 'Sentence'), ('de', 'Satz')):
    with open(side + '.big.txt', 'w') as f:
        for i in range(60000): f.write('%s number %d is here, with a few words more.\n' % (w, i))"
expect aligner-timeout 1 - "" -- batch "$(job 1 en.big.txt de.big.txt; job 2 en.two.txt de.two.txt)" -j 1 --timeout 0.5
want 1 error "--timeout"
want 2 ok
expect inline-max-bytes 1 - "" -- batch '{"id":1,"src_text":"0123456789 0123456789","trg":"de.two.txt","langs":"en,de"}
' --max-bytes 10
want 1 error "max-bytes"

# ---------------------------------------------------------------- standard input
expect src-dev-stdin 1 - "" -- batch "$(job 1 /dev/stdin de.two.txt; job 2 en.two.txt /proc/self/fd/0)"
want 1 error "standard input"
want 2 error "standard input"
job 3 /dev/stdin de.two.txt >jobs.jsonl
expect src-dev-stdin-job-file 0 - "" -- bash -c '"$0" batch jobs.jsonl <en.two.txt >records.jsonl' "$BEAD"
want 3 ok

# ---------------------------------------------------------------- outputs
expect duplicate-out 1 - "" -- batch "$(job 1 en.two.txt de.two.txt out/a.tsv; job 2 en.two.txt de.two.txt out/../out/a.tsv; job 3 en.two.txt de.two.txt out/b.tsv)" -j 2 --keep-order
want 1 ok
want 2 error "earlier job"
want 3 ok
mkdir -p dup; ln -s ../out/c.tsv dup/c-link.tsv
expect duplicate-out-symlink 1 - "" -- batch "$(job 1 en.two.txt de.two.txt out/c.tsv; job 2 en.two.txt de.two.txt dup/c-link.tsv)" -j 1
want 1 ok
want 2 error "earlier job"
mkdir -p od/sub outside
ln -sfn ../outside od/escape
ln -sf ../outside/f.tsv od/link.tsv
expect out-dir 1 - "" -- batch "$(job 1 en.two.txt de.two.txt a.tsv; job 2 en.two.txt de.two.txt ../b.tsv; job 3 en.two.txt de.two.txt /tmp/c.tsv; job 4 en.two.txt de.two.txt escape/d.tsv; job 5 en.two.txt de.two.txt link.tsv; job 6 en.two.txt de.two.txt sub/e.tsv; job 7 en.two.txt de.two.txt "$W/od/sub/g.tsv")" --out-dir od
want 1 ok
want 2 error "outside --out-dir"
want 3 error "outside --out-dir"
want 4 error "outside --out-dir"
want 5 error "outside --out-dir"
want 6 ok
want 7 ok
[ -z "$(ls outside)" ] || fail "--out-dir: something was written outside: $(ls outside)"
[ -f od/a.tsv ] && [ -f od/sub/e.tsv ] && [ -f od/sub/g.tsv ] || fail "--out-dir: outputs missing: $(find od -type f)"
expect out-dir-missing 2 - "--out-dir" -- batch "$(job 1 en.two.txt de.two.txt a.tsv)" --out-dir no/such/dir
expect out-special-refused 1 - "" -- batch "$(job 1 en.two.txt de.two.txt silent.fifo)"
want 1 error "--allow-special"
# Allowed, a FIFO out nobody reads blocks its job; SIGTERM still ends the
# batch (the clean-up does not wait for the worker stuck in open).
job 1 en.two.txt de.two.txt silent.fifo >fifo-out.jsonl
ncase=$((ncase + 1)); name=out-fifo-sigterm
rc=0; timeout -k 5 30 timeout --preserve-status -s TERM 2 "$BEAD" batch --allow-special fifo-out.jsonl >/dev/null 2>&1 </dev/null || rc=$?
[ "$rc" = 143 ] || fail "exit $rc, expected 143"
exec 4<>silent.fifo; exec 4>&-

# ---------------------------------------------------------------- job lines
expect id-raw-number 0 - "" -- batch '{"id":12345678901234567891,"src":"en.two.txt","trg":"de.two.txt","langs":"en,de"}
{"id":-1.50e3,"src":"en.two.txt","trg":"de.two.txt","langs":"en,de"}
' -j 1 --keep-order
grep -q '"id":12345678901234567891,' records.jsonl || fail "big id not kept: $(head -c 200 records.jsonl)"
grep -q '"id":-1.50e3,' records.jsonl || fail "id -1.50e3 not kept as written"
expect id-not-json-number 1 - "" -- batch '{"id":01,"src":"en.two.txt","trg":"de.two.txt","langs":"en,de"}
'
grep -q 'not a JSON number' records.jsonl || fail "id 01 accepted: $(cat records.jsonl)"
expect nul-in-path 1 - "" -- batch '{"id":"n1","src":"en.two.txt\u0000.evil","trg":"de.two.txt","langs":"en,de"}
{"id":"n2","src":"en.two.txt","trg":"de.two.txt","langs":"en,de","out":"out/x.tsv\u0000.tmx"}
{"id":"n3","src_text":"A\u0000B","trg":"de.two.txt","langs":"en,de"}
'
want n1 error "NUL"
want n2 error "NUL"
want n3 error "NUL"
[ -e out/x.tsv ] && fail "out/x.tsv written for out/x.tsv\\u0000.tmx"
expect job-list-dev-zero 1 - "not a job list" -- bounded "$BEAD" batch /dev/zero
expect job-list-endless-line 1 - "not a job list" -- bash -c 'yes | tr -d "\n" | (ulimit -v $1; timeout 120 "$0" batch --max-bytes 1K) >records.jsonl' "$BEAD" $MEM_KB

# ---------------------------------------------------------------- closed pipe
for i in $(seq 1 200); do job "$i" en.two.txt de.two.txt; done >many.jsonl
ncase=$((ncase + 1)); name=closed-results-pipe
"$BEAD" batch -j 2 many.jsonl 2>pipe.err | head -n 1 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 141 ] || fail "exit $rc, expected 141"
[ -s pipe.err ] && fail "a message on stderr: $(head -c 200 pipe.err)"

# ---------------------------------------------------------------- moses on a full disk
ncase=$((ncase + 1)); name=moses-full-disk
if unshare -m true 2>/dev/null; then
    mkdir full
    for i in $(seq 1 40); do cat "$SRC/corpora/news-dprk-cyber/en.reuters.txt"; done >en.long.txt
    for i in $(seq 1 40); do cat "$SRC/corpora/news-dprk-cyber/de.aljazeera.txt"; done >de.long.txt
    job 1 en.long.txt de.long.txt "$W/full/m" >moses.jsonl
    # Room for the first side, not for both: committing the first before the
    # second is written would leave it behind.
    room=$(( ($(stat -c %s en.long.txt) + $(stat -c %s de.long.txt)) * 6 / 10 / 1024 ))k
    unshare -m bash -c '
        mount -t tmpfs -o size=$6 tmpfs "$1" || exit 77
        "$2" batch --mode align -f moses "$3/moses.jsonl" >"$3/moses.records"
        echo "exit $?" >"$3/moses.rc"
        ls -A "$1" >"$3/moses.left"' _ "$W/full" "$BEAD" "$W" "" "" "$room"
    grep -q '^exit 1$' moses.rc || fail "moses on a full disk: $(cat moses.rc)"
    [ -s moses.left ] && fail "left behind: $(cat moses.left)"
elif [ "${CI:-}" = true ]; then
    fail "no private mount namespace (unshare -m) under CI"
fi

echo "$ncase cases, $fails failures"
[ $fails = 0 ]
