"""bead batch from PySpark: each partition's job lines go to one
`bead batch` process (through bead-task.sh), which returns one result record
per job.

    spark-submit --files examples/bead-task.sh examples/spark/bead_pipe.py \
        jobs.jsonl results [PARTITIONS]

The documents the jobs name must be readable on every executor (a shared
file system), or the jobs carry their texts inline ("src_text", "trg_text",
no "out") and get their alignment back inline, as "tsv".

Two things matter here. The task script is looked up where the partition
runs (SparkFiles.get on the executor, not on the driver, whose path the
executors do not have). And every job is aligned once: the records are
saved, and the summary reads the saved records back instead of recomputing
the RDD (an action on an RDD computes it again, so a count after the save
would have run every alignment twice).
"""
import json
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def run_partition(lines):
    """Runs bead-task.sh on one partition's job lines, on the executor."""
    jobs = "".join(line + "\n" for line in lines)
    if not jobs:
        return iter(())
    task = SparkFiles.get("bead-task.sh")
    done = subprocess.run(["sh", task], input=jobs.encode("utf-8"),
                          stdout=subprocess.PIPE, check=False)
    if done.returncode != 0:
        # Not a failed job (those are records): bead could not run. Failing
        # the task lets Spark retry it.
        raise RuntimeError("bead-task.sh exited %d" % done.returncode)
    return iter(done.stdout.decode("utf-8").splitlines())


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: bead_pipe.py JOBS RESULTS [PARTITIONS]")
    jobs_path, results_path = argv[1], argv[2]
    spark = SparkSession.builder.appName("bead-batch").getOrCreate()
    sc = spark.sparkContext
    partitions = int(argv[3]) if len(argv) > 3 else sc.defaultParallelism
    jobs = sc.textFile(jobs_path, minPartitions=partitions)
    jobs.mapPartitions(run_partition).saveAsTextFile(results_path)
    # The summary reads what was saved: no alignment runs again.
    records = sc.textFile(results_path).map(json.loads)
    failed = records.filter(lambda r: r.get("status") != "ok")
    print("bead batch: %d failed jobs" % failed.count())
    for rec in failed.take(5):
        print("  %s: %s" % (rec.get("id"), rec.get("error")))
    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
