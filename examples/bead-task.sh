#!/bin/sh
# bead-task.sh: one task of a distributed `bead batch` run (a Slurm array
# task, a Snakemake job, a Hadoop Streaming mapper, a Spark pipe): job lines
# on standard input, one result record per job on standard output.
#
# Jobs that fail are not task failures: bead batch exits 1 for them, and
# their error records are in the output, so this exits 0 then. Anything
# worse (usage error 2, a signal, a crash) fails the task, so that the
# scheduler notices and retries it.
#
# Environment: BEAD (the program, default "bead"), BEAD_THREADS (worker
# threads, default 1: schedulers run one task per core). Arguments go to
# bead batch (for example --skip-existing, -f tmx).
"${BEAD:-bead}" batch -j "${BEAD_THREADS:-1}" --jobs-format jsonl "$@"
rc=$?
if [ "$rc" -eq 1 ]; then
    exit 0
fi
exit "$rc"
