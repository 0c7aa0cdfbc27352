/* Running one `bead batch` job on a worker thread and building its result
 * record. A worker owns its aligners and segmenters; nothing mutable is
 * shared between workers (the dictionaries are shared read-only). */
#ifndef BEAD_BATCH_RUN_H
#define BEAD_BATCH_RUN_H

#include <cjson/cJSON.h>
#include <bead/write.h>

#include "batch_dicts.h"
#include "batch_job.h"
#include "batch_watchdog.h"

typedef struct batch_settings {
    int format_given;        /* -f: otherwise from the out name, else tsv */
    bead_format format;
    int skip_existing;       /* --skip-existing */
    int presegmented;        /* --presegmented */
    int replace_invalid;     /* --replace-invalid */
    double min_score;        /* --min-score (tsv, tmx, jsonl, moses) */
    bead_mode mode;          /* --mode: as bead align decides (bead_align_decide) */
    batch_dicts *dicts;      /* --dict: shared by the workers, borrowed; NULL: none */
    int allow_special;       /* --allow-special: FIFOs and devices as inputs */
    uint64_t max_bytes;      /* --max-bytes, per input of a job; 0: none */
    double timeout;          /* --timeout seconds per job; 0: none */
    batch_watchdog *watchdog;   /* with --timeout; may be NULL */
} batch_settings;

typedef struct batch_worker batch_worker;

bead_status batch_worker_create(batch_worker **out, const batch_settings *settings,
                                bead_error *err);
void batch_worker_free(batch_worker *w);

/* Runs job and returns its result record, owned by the caller (NULL only when
 * out of memory). */
cJSON *batch_worker_run(batch_worker *w, const batch_job *job);

/* The files job writes, in names (one, or two for moses): the out name,
 * or PREFIX.<lang> / PREFIX.<n>.<lang>. 0 when the job has no out. */
size_t batch_job_outputs(const batch_settings *set, const batch_job *job, char names[2][4096]);

/* {"id":id,"status":"error","error":message}; id may be NULL. */
cJSON *batch_record_error(const cJSON *id, const char *message);

/* 1 if the record says "status":"ok". */
int batch_record_ok(const cJSON *record);

#endif
