#!/bin/sh
# bead batch as a Hadoop Streaming job: a map-only job whose mapper is
# bead-task.sh. Every input line is a job; every output line is its result
# record. (Hadoop is not installed where bead is tested; the same command is
# tested by piping job lines through it, see tests/scripts/batch_streaming.sh.)
#
#   examples/hadoop/run-streaming.sh hdfs:///bead/jobs.jsonl hdfs:///bead/results
#
# The documents the jobs name must exist on every node (a shared file
# system), or give the texts inline ("src_text", "trg_text") and omit "out",
# so that the alignment comes back inline in the record, as "tsv".
set -eu
input=${1:?usage: run-streaming.sh INPUT OUTPUT [LINES_PER_MAP]}
output=${2:?usage: run-streaming.sh INPUT OUTPUT [LINES_PER_MAP]}
lines=${3:-100}
here=$(cd "$(dirname "$0")/.." && pwd)
hadoop jar "${HADOOP_STREAMING_JAR:-$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming.jar}" \
    -D mapreduce.job.name=bead-batch \
    -D mapreduce.job.reduces=0 \
    -D mapreduce.input.lineinputformat.linespermap="$lines" \
    -D stream.map.input.ignoreKey=true \
    -D mapreduce.output.textoutputformat.separator= \
    -inputformat org.apache.hadoop.mapred.lib.NLineInputFormat \
    -input "$input" \
    -output "$output" \
    -file "$here/bead-task.sh" \
    -cmdenv BEAD="${BEAD:-bead}" \
    -cmdenv BEAD_THREADS=1 \
    -mapper "sh bead-task.sh"
