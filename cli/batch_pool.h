/* The worker pool of `bead batch`: N threads, each with its own worker
 * (aligner, segmenters); a bounded window of jobs, so memory does not grow
 * with the length of the job list; results written as they complete, or in
 * input order. */
#ifndef BEAD_BATCH_POOL_H
#define BEAD_BATCH_POOL_H

#include <stdio.h>

#include "batch_progress.h"
#include "batch_run.h"

typedef struct batch_pool_options {
    int threads;
    int keep_order;          /* --keep-order */
    int halt_on_error;       /* --halt-on-error */
    FILE *results;           /* where records go, one per line, flushed each */
    batch_progress *progress;   /* may be NULL */
} batch_pool_options;

typedef struct batch_pool batch_pool;

bead_status batch_pool_create(batch_pool **out, const batch_pool_options *opt,
                              const batch_settings *settings, bead_error *err);

/* Queues a job (its contents move into the pool; job is left cleared), or,
 * when record is not NULL, a ready result (a job line that did not parse).
 * Blocks while the window is full. Returns 0 once results can no longer be
 * written (standard output failed): stop submitting then. */
int batch_pool_submit(batch_pool *p, batch_job *job, cJSON *record);

typedef struct batch_pool_stats {
    size_t ok, failed;       /* records written */
    int output_failed;       /* errno of the failed write, or 0 */
} batch_pool_stats;

/* Waits for every queued job, stops the threads and frees the pool. */
void batch_pool_finish(batch_pool *p, batch_pool_stats *stats);

#endif
