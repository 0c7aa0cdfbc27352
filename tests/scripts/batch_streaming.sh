#!/usr/bin/env bash
# The Hadoop Streaming / Spark RDD.pipe contract, tested without Hadoop or
# Spark: splits of the job list piped through examples/bead-task.sh (the
# command both examples run) give, together, the records of one bead batch
# run: one record per job line, lines in and lines out; failed jobs are
# records and exit 0; bead batch itself exits 1 for them; an unusable
# command exits non-zero.
source "$(dirname "$0")/../batch/lib.sh"
# No dictionary loading (1-2 s a run): this tests the batch machinery;
# batch_dict.sh tests --dict.
export BEAD_DICT_DIR=$T/no-dictionaries
TASK=$SRC/examples/bead-task.sh

make_jobs 40 --broken 9
reference -j 2
# Hadoop's NLineInputFormat gives mappers N lines each; Spark partitions
# split anywhere. Three uneven splits, one of them with a blank line.
head -n 5 jobs.jsonl > part.0
echo >> part.0
sed -n 6,23p jobs.jsonl > part.1
sed -n '24,$p' jobs.jsonl > part.2
: > streamed.jsonl
for p in part.0 part.1 part.2; do
    BEAD=$BEAD sh "$TASK" < "$p" > "$p.out"
    status=$?
    [ "$status" = 0 ] || fail "bead-task.sh exited $status on $p: failed jobs must not fail the task"
    [ "$(wc -l < "$p.out")" = "$(grep -c . "$p")" ] ||
        fail "$p: $(grep -c . "$p") job lines in, $(wc -l < "$p.out") records out"
    cat "$p.out" >> streamed.jsonl
done
same_as_reference streamed.jsonl
if grep -q "$(printf '\t')" streamed.jsonl; then fail "a record holds a raw tab"; fi

# bead batch itself: exit 1 when a job failed, 0 when none did.
sed -n 9p jobs.jsonl | "$BEAD" batch > /dev/null
[ $? = 1 ] || fail "bead batch must exit 1 when a job failed"
head -n 3 jobs.jsonl | "$BEAD" batch > /dev/null || fail "bead batch must exit 0 when every job is ok"
# A task that cannot run fails: bad options (2), a missing program (127).
BEAD=$BEAD BEAD_THREADS=0 sh "$TASK" < part.1 > /dev/null 2>&1
[ $? = 2 ] || fail "bead-task.sh must pass on a usage error"
BEAD=/nonexistent/bead sh "$TASK" < part.1 > /dev/null 2>&1
[ $? -gt 1 ] || fail "bead-task.sh must fail when bead is missing"
# Inline texts, no out: the alignment comes back in the record, as "tsv".
echo '{"id":"x","src_text":"One. Two.","trg_text":"Eins. Zwei.","langs":["en","de"]}' |
    BEAD=$BEAD sh "$TASK" > inline.jsonl || fail "inline job"
python3 -c 'import json,sys; r=json.load(open("inline.jsonl")); sys.exit(0 if r["status"]=="ok" and r["tsv"].count("\n")==2 else 1)' ||
    fail "inline job: $(cat inline.jsonl)"
echo "ok: streamed splits equal one run; exit codes as documented"
