/* Running one `bead batch` job on a worker thread and building its result
 * record. A worker owns its aligners and segmenters; nothing mutable is
 * shared between workers (the dictionaries are shared read-only). */
#ifndef BEAD_BATCH_RUN_H
#define BEAD_BATCH_RUN_H

#include <cjson/cJSON.h>
#include <bead/write.h>

#include "batch_dicts.h"
#include "batch_job.h"

typedef struct batch_settings {
    int format_given;        /* -f: otherwise from the out name, else tsv */
    bead_format format;
    int skip_existing;       /* --skip-existing */
    int presegmented;        /* --presegmented */
    int replace_invalid;     /* --replace-invalid */
    double min_score;        /* --min-score (tsv, tmx, jsonl, moses) */
    bead_mode mode;          /* --mode: as bead align decides (bead_align_decide) */
    batch_dicts *dicts;      /* --dict: shared by the workers, borrowed; NULL: none */
} batch_settings;

typedef struct batch_worker batch_worker;

bead_status batch_worker_create(batch_worker **out, const batch_settings *settings,
                                bead_error *err);
void batch_worker_free(batch_worker *w);

/* Runs job and returns its result record, owned by the caller (NULL only when
 * out of memory). */
cJSON *batch_worker_run(batch_worker *w, const batch_job *job);

/* {"id":id,"status":"error","error":message}; id may be NULL. */
cJSON *batch_record_error(const cJSON *id, const char *message);

/* 1 if the record says "status":"ok". */
int batch_record_ok(const cJSON *record);

#endif
