/* Worker threads over a ring of job slots. The reader fills slot seq % size
 * once it is free; workers take slots in input order; a slot is freed when
 * its record has been written. So at most `size` jobs and records are held at
 * once, whatever the length of the job list, and --keep-order needs nothing
 * more than writing slots in sequence. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "batch_pool.h"

#define OUT_OF_MEMORY_RECORD "{\"id\":null,\"status\":\"error\",\"error\":\"out of memory\"}"

enum slot_state { SLOT_FREE = 0, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

typedef struct slot {
    enum slot_state state;
    batch_job job;
    cJSON *record;       /* ready-made (parse error), then the result */
    char *text;          /* the record as one line */
    int failed;
} slot;

struct batch_pool {
    batch_pool_options opt;
    pthread_mutex_t lock;
    pthread_cond_t slot_freed;   /* reader waits for a free slot */
    pthread_cond_t job_queued;   /* workers wait for work */
    slot *slots;
    size_t size;
    size_t next_seq;     /* next slot the reader fills */
    size_t next_take;    /* next slot a worker takes */
    size_t next_write;   /* --keep-order: next slot to write */
    int closed;          /* no more jobs coming */
    int halted;          /* --halt-on-error after a failure, or output failed */
    batch_pool_stats stats;
    pthread_t *threads;
    struct thread_arg *args;   /* one per thread: the pool and its worker */
    size_t nworkers, nthreads;
};

typedef struct thread_arg {
    batch_pool *pool;
    batch_worker *worker;
} thread_arg;

static void write_slot(batch_pool *p, slot *s)
{
    if (!p->stats.output_failed) {
        const char *text = s->text ? s->text : OUT_OF_MEMORY_RECORD;
        if (fputs(text, p->opt.results) == EOF || fputc('\n', p->opt.results) == EOF ||
            fflush(p->opt.results) == EOF) {
            p->stats.output_failed = errno ? errno : EIO;
            p->halted = 1;
        } else if (s->failed) {
            p->stats.failed++;
        } else {
            p->stats.ok++;
        }
    }
    free(s->text);
    s->text = NULL;
    s->state = SLOT_FREE;
    pthread_cond_broadcast(&p->slot_freed);
    batch_progress_update(p->opt.progress, p->stats.ok + p->stats.failed, p->stats.failed);
}

/* Called with the lock held, when slot s has its text. */
static void complete(batch_pool *p, slot *s)
{
    s->state = SLOT_DONE;
    if (s->failed && p->opt.halt_on_error)
        p->halted = 1;
    if (!p->opt.keep_order) {
        write_slot(p, s);
        return;
    }
    while (p->slots[p->next_write % p->size].state == SLOT_DONE) {
        write_slot(p, &p->slots[p->next_write % p->size]);
        p->next_write++;
    }
}

static cJSON *not_run(const batch_job *job)
{
    return batch_record_error(job->id, "not run: an earlier job failed and --halt-on-error "
                                       "is set");
}

static void *worker_main(void *argp)
{
    thread_arg *arg = argp;
    batch_pool *p = arg->pool;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next_take == p->next_seq && !p->closed)
            pthread_cond_wait(&p->job_queued, &p->lock);
        if (p->next_take == p->next_seq)
            break;
        slot *s = &p->slots[p->next_take++ % p->size];
        s->state = SLOT_RUNNING;
        int halted = p->halted;
        pthread_mutex_unlock(&p->lock);

        cJSON *rec = s->record;
        if (!rec)
            rec = halted ? not_run(&s->job) : batch_worker_run(arg->worker, &s->job);
        s->record = NULL;
        s->failed = !rec || !batch_record_ok(rec);
        s->text = rec ? cJSON_PrintUnformatted(rec) : NULL;
        cJSON_Delete(rec);
        batch_job_clear(&s->job);

        pthread_mutex_lock(&p->lock);
        complete(p, s);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

bead_status batch_pool_create(batch_pool **out, const batch_pool_options *opt,
                              const batch_settings *settings, bead_error *err)
{
    *out = NULL;
    batch_pool *p = calloc(1, sizeof *p);
    if (!p)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    p->opt = *opt;
    size_t n = opt->threads > 0 ? (size_t)opt->threads : 1;
    /* Enough slots that every thread has work queued behind the one it is
     * running, even when one slow job holds back --keep-order. */
    p->size = n * 4 + 4;
    p->slots = calloc(p->size, sizeof *p->slots);
    p->threads = calloc(n, sizeof *p->threads);
    p->args = calloc(n, sizeof *p->args);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->slot_freed, NULL);
    pthread_cond_init(&p->job_queued, NULL);
    bead_status s = BEAD_OK;
    if (!p->slots || !p->threads || !p->args)
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    for (size_t i = 0; i < n && s == BEAD_OK; i++) {
        p->args[i].pool = p;
        s = batch_worker_create(&p->args[i].worker, settings, err);
        if (s == BEAD_OK)
            p->nworkers++;
    }
    for (size_t i = 0; i < n && s == BEAD_OK; i++) {
        int e = pthread_create(&p->threads[i], NULL, worker_main, &p->args[i]);
        if (e)
            s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "cannot start a thread: %s",
                               strerror(e));
        else
            p->nthreads++;
    }
    if (s != BEAD_OK) {
        batch_pool_stats ignored;
        batch_pool_finish(p, &ignored);
        return s;
    }
    *out = p;
    return BEAD_OK;
}

int batch_pool_submit(batch_pool *p, batch_job *job, cJSON *record)
{
    pthread_mutex_lock(&p->lock);
    slot *s = &p->slots[p->next_seq % p->size];
    while (s->state != SLOT_FREE && !p->stats.output_failed)
        pthread_cond_wait(&p->slot_freed, &p->lock);
    int ok = !p->stats.output_failed;
    if (ok) {
        s->job = *job;
        memset(job, 0, sizeof *job);
        s->record = record;
        s->state = SLOT_QUEUED;
        p->next_seq++;
        pthread_cond_signal(&p->job_queued);
    } else {
        cJSON_Delete(record);
    }
    pthread_mutex_unlock(&p->lock);
    return ok;
}

void batch_pool_finish(batch_pool *p, batch_pool_stats *stats)
{
    pthread_mutex_lock(&p->lock);
    p->closed = 1;
    pthread_cond_broadcast(&p->job_queued);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    *stats = p->stats;
    for (size_t i = 0; i < p->nworkers; i++)
        batch_worker_free(p->args[i].worker);
    for (size_t i = 0; p->slots && i < p->size; i++) {
        batch_job_clear(&p->slots[i].job);
        cJSON_Delete(p->slots[i].record);
        free(p->slots[i].text);
    }
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->slot_freed);
    pthread_cond_destroy(&p->job_queued);
    free(p->slots);
    free(p->threads);
    free(p->args);
    free(p);
}
