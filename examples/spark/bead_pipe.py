"""bead batch from PySpark: RDD.pipe sends each partition's job lines to one
`bead batch` process (through bead-task.sh) and reads back one result record
per job.

    spark-submit --files examples/bead-task.sh examples/spark/bead_pipe.py \
        jobs.jsonl results [PARTITIONS]

The documents the jobs name must be readable on every executor (a shared
file system), or the jobs carry their texts inline ("src_text", "trg_text",
no "out") and get their alignment back inline, as "tsv".
"""
import json
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: bead_pipe.py JOBS RESULTS [PARTITIONS]")
    jobs_path, results_path = argv[1], argv[2]
    spark = SparkSession.builder.appName("bead-batch").getOrCreate()
    sc = spark.sparkContext
    partitions = int(argv[3]) if len(argv) > 3 else sc.defaultParallelism
    jobs = sc.textFile(jobs_path, minPartitions=partitions)
    # Failed jobs come back as error records: bead-task.sh exits 0 for them,
    # and non-zero only when bead cannot run, which checkCode turns into a
    # failed (and retried) task.
    task = SparkFiles.get("bead-task.sh")
    records = jobs.pipe("sh " + task, checkCode=True)
    records.saveAsTextFile(results_path)
    # A summary on the driver: how many jobs failed, and why the first ones did.
    failed = records.map(json.loads).filter(lambda r: r.get("status") != "ok")
    print("bead batch: %d failed jobs" % failed.count())
    for rec in failed.take(5):
        print("  %s: %s" % (rec.get("id"), rec.get("error")))
    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
