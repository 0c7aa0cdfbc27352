/* One line of a `bead batch` job list, parsed. Parsing does no I/O and keeps
 * no state between lines, so a job list can be split anywhere (GNU parallel,
 * Slurm array tasks, Hadoop, Spark) and give the same results. */
#ifndef BEAD_BATCH_JOB_H
#define BEAD_BATCH_JOB_H

#include <cjson/cJSON.h>
#include <bead/bead.h>

typedef enum batch_jobs_format {
    BATCH_JOBS_GUESS = 0,   /* from the first byte: '{' is JSONL, else TSV */
    BATCH_JOBS_JSONL,
    BATCH_JOBS_TSV
} batch_jobs_format;

typedef struct batch_job {
    cJSON *id;          /* string or number, owned; NULL when the line has none */
    char *src, *trg;    /* paths; NULL when the text comes inline */
    char *src_text, *trg_text;   /* inline texts (JSONL "src_text"/"trg_text") */
    char langs[2][16];  /* ISO 639 codes, checked against ICU */
    char *out;          /* output path; NULL: the alignment goes in the record */
} batch_job;

/* "jsonl" or "tsv"; 0 if neither. */
int batch_jobs_format_parse(const char *name, batch_jobs_format *out);
/* The format a job list starting with this line is in. */
batch_jobs_format batch_jobs_format_guess(const char *line, size_t len);

/* Parses one job line (without its line end; a trailing CR is ignored) into
 * job, which the caller clears with batch_job_clear afterwards, whatever the
 * result. Returns BEAD_OK; BEAD_DONE for a blank line (no job); or
 * BEAD_ERR_FORMAT / BEAD_ERR_UTF8 / BEAD_ERR_LANG with err saying what is
 * wrong and where (byte offset in the line). Even then job->id is set when
 * the line names one, so the error can be reported against it. */
bead_status batch_job_parse(const char *line, size_t len, batch_jobs_format fmt,
                            batch_job *job, bead_error *err);
void batch_job_clear(batch_job *job);

#endif
