#!/usr/bin/env bash
# Issue 15: the examples/ that cannot run their engine here still do what
# their engine needs. bead-task.sh reads TSV jobs (examples/jobs.tsv) as
# well as JSON Lines, and fails a task of which no job line could be read;
# examples/spark/bead_pipe.py, run on a local stand-in for PySpark
# (tests/examples/pyspark: partitions computed again by every action, as
# Spark does), finds the task script on the executor and aligns every job
# once. (Hadoop Streaming's mapper contract: batch_streaming.sh.)
set -u
BEAD=$(realpath "$1"); SRC=$(realpath "$2")
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
ln -s "$SRC/corpora" corpora
mkdir out
export BEAD BEAD_DICT_DIR=$T/no-dictionaries

# TSV jobs: no forced --jobs-format any more.
sh "$SRC/examples/bead-task.sh" < "$SRC/examples/jobs.tsv" > tsv.records 2>tsv.err ||
    fail "bead-task.sh on examples/jobs.tsv exited $?"
ok=$(grep -c '"status":"ok"' tsv.records)
[ "$ok" = "$(grep -c . "$SRC/examples/jobs.tsv")" ] ||
    fail "examples/jobs.tsv: $ok jobs ok: $(cat tsv.records tsv.err)"
[ -s out/bg-en.tsv ] || fail "examples/jobs.tsv wrote no out/bg-en.tsv"
# Forcing the wrong job format: no job line can be read, the task fails.
BEAD_JOBS_FORMAT=jsonl sh "$SRC/examples/bead-task.sh" < "$SRC/examples/jobs.tsv" \
    > bad.records 2>/dev/null
[ $? = 3 ] || fail "bead-task.sh must fail a task of which no job line could be read"

# Spark, on the stand-in: the script from --files is in FAKE_SPARK_FILES.
mkdir files && cp "$SRC/examples/bead-task.sh" files/
export FAKE_SPARK_FILES=$T/files FAKE_SPARK_LOG=$T/spark.log
: > spark.log
PYTHONPATH=$SRC/tests/examples python3 "$SRC/examples/spark/bead_pipe.py" \
    "$SRC/examples/jobs.jsonl" results 2 > spark.out 2>spark.err ||
    fail "bead_pipe.py: $(cat spark.err)"
[ "$(grep -c partition spark.log)" = 2 ] ||
    fail "the jobs ran $(grep -c partition spark.log) partition(s) for 2: computed more than once"
n=$(cat results/part-* | grep -c .)
[ "$n" = "$(grep -c . "$SRC/examples/jobs.jsonl")" ] || fail "$n records for the jobs"
grep -q "bead batch: 0 failed jobs" spark.out || fail "summary: $(cat spark.out)"
echo "ok: jobs.tsv runs, a task with no readable job fails, Spark aligns once"
