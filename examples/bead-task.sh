#!/bin/sh
# bead-task.sh: one task of a distributed `bead batch` run (a Slurm array
# task, a Snakemake job, a Hadoop Streaming mapper, a Spark partition): job
# lines on standard input, JSON Lines or TSV (bead batch tells them by the
# first byte), one result record per job on standard output.
#
# Jobs that fail are not task failures: bead batch exits 1 for them, and
# their error records are in the output, so this exits 0 then. Anything
# worse fails the task, so that the scheduler notices and retries it: a
# usage error (2), a signal, a crash, and a task of which no job line could
# even be read (every record an error without an id: a wrong job format
# or a corrupt split), which would otherwise pass as done.
#
# Environment: BEAD (the program, default "bead"), BEAD_THREADS (worker
# threads, default 1: schedulers run one task per core), BEAD_JOBS_FORMAT
# (jsonl or tsv, to force the job format). Arguments go to bead batch (for
# example --skip-existing, -f tmx).
records=$(mktemp "${TMPDIR:-/tmp}/bead-task.XXXXXX") || exit 2
trap 'rm -f "$records"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
"${BEAD:-bead}" batch -j "${BEAD_THREADS:-1}" \
    ${BEAD_JOBS_FORMAT:+--jobs-format "$BEAD_JOBS_FORMAT"} "$@" > "$records"
rc=$?
cat "$records" || exit 2
if [ "$rc" -eq 1 ]; then
    if [ -s "$records" ] && ! grep -qv '^{"id":null,"status":"error"' "$records"; then
        echo "bead-task.sh: no job line could be read (wrong job format?); see the records" >&2
        exit 3
    fi
    exit 0
fi
exit "$rc"
