/* SIGINT, SIGTERM and the other terminating signals (cli_cleanup_signals)
 * for `bead batch`, handled by a thread of its own. The
 * read-write lock makes "create the temporary file and register it" and
 * "rename it and unregister it" atomic with respect to the clean-up, which
 * takes the lock for writing: so no temporary file escapes and no finished
 * output is removed. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch_signals.h"
#include "cli.h"

typedef struct temp_entry {
    const bead_output *out;
    char *path;             /* a copy: the output may drop its own */
    struct temp_entry *next;
} temp_entry;

static pthread_rwlock_t outputs_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static temp_entry *temps;

static void *signal_thread(void *arg)
{
    sigset_t *set = arg;
    int sig = 0;
    while (sigwait(set, &sig) != 0)
        ;
    /* A worker may hold the read lock in a call that blocks (opening a FIFO
     * nobody reads, under --allow-special): after a second, clean up
     * without it rather than never. */
    struct timespec limit;
    clock_gettime(CLOCK_REALTIME, &limit);
    limit.tv_sec += 1;
    pthread_rwlock_timedwrlock(&outputs_lock, &limit);
    pthread_mutex_lock(&list_lock);
    for (temp_entry *e = temps; e; e = e->next)
        unlink(e->path);
    _exit(128 + sig);
    return NULL;
}

int batch_signals_start(void)
{
    static sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < cli_cleanup_nsignals; i++)
        sigaddset(&set, cli_cleanup_signals[i]);
    sigset_t old;
    if (pthread_sigmask(SIG_BLOCK, &set, &old) != 0)
        return 0;
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int e = pthread_create(&t, &attr, signal_thread, &set);
    pthread_attr_destroy(&attr);
    if (e) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return 0;
    }
    return 1;
}

bead_status batch_output_open(bead_output **out, const char *path, bead_error *err)
{
    pthread_rwlock_rdlock(&outputs_lock);
    bead_status s = bead_output_open(out, path, err);
    const char *temp = s == BEAD_OK ? bead_output_temp_path(*out) : NULL;
    if (temp) {
        temp_entry *e = malloc(sizeof *e);
        char *copy = strdup(temp);
        if (!e || !copy) {
            free(e);
            free(copy);
            bead_output_free(*out);   /* removes the temporary file */
            *out = NULL;
            s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        } else {
            *e = (temp_entry){*out, copy, NULL};
            pthread_mutex_lock(&list_lock);
            e->next = temps;
            temps = e;
            pthread_mutex_unlock(&list_lock);
        }
    }
    pthread_rwlock_unlock(&outputs_lock);
    return s;
}

bead_status batch_output_commit_all(bead_output *const *outs, size_t n, bead_error *err)
{
    pthread_rwlock_rdlock(&outputs_lock);
    bead_status s = bead_output_commit_all(outs, n, err);
    pthread_rwlock_unlock(&outputs_lock);
    return s;
}

bead_status batch_output_close(bead_output *out, bead_status status, bead_error *err)
{
    if (!out)
        return status;
    pthread_rwlock_rdlock(&outputs_lock);
    if (status == BEAD_OK)
        status = bead_output_commit(out, err);
    bead_output_free(out);   /* removes the temporary file if not committed */
    pthread_mutex_lock(&list_lock);
    for (temp_entry **p = &temps; *p; p = &(*p)->next) {
        if ((*p)->out == out) {
            temp_entry *e = *p;
            *p = e->next;
            free(e->path);
            free(e);
            break;
        }
    }
    pthread_mutex_unlock(&list_lock);
    pthread_rwlock_unlock(&outputs_lock);
    return status;
}
