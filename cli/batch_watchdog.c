/* A thread that wakes every WATCH_MS milliseconds and interrupts every
 * worker past its deadline (see batch_watchdog.h), again at each wake until
 * the worker disarms: one signal could arrive just before the call it was
 * meant for. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bead/bead.h>

#include "batch_watchdog.h"

#define WATCH_MS 50
/* Default action: ignore; so one arriving late, after its job, is harmless. */
#define WAKE_SIGNAL SIGURG

typedef struct watch_slot {
    int used;                /* thread holds this slot */
    int armed;
    pthread_t thread;
    double deadline;
} watch_slot;

struct batch_watchdog {
    pthread_mutex_t lock;
    pthread_cond_t stop_cond;
    int stop;
    pthread_t thread;
    watch_slot *slots;
    size_t n;
};

static void wake(int sig) { (void)sig; }

static void *watch(void *arg)
{
    batch_watchdog *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += WATCH_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&w->stop_cond, &w->lock, &ts);
        double t = bead_seconds();
        for (size_t k = 0; k < w->n; k++)
            if (w->slots[k].armed && t >= w->slots[k].deadline)
                pthread_kill(w->slots[k].thread, WAKE_SIGNAL);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

batch_watchdog *batch_watchdog_start(size_t nworkers)
{
    batch_watchdog *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->slots = calloc(nworkers ? nworkers : 1, sizeof *w->slots);
    w->n = nworkers;
    if (!w->slots) {
        free(w);
        return NULL;
    }
    /* No SA_RESTART: a blocked read or open returns EINTR. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = wake;
    sigemptyset(&sa.sa_mask);
    sigaction(WAKE_SIGNAL, &sa, NULL);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->stop_cond, NULL);
    if (pthread_create(&w->thread, NULL, watch, w) != 0) {
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->stop_cond);
        free(w->slots);
        free(w);
        return NULL;
    }
    return w;
}

void batch_watchdog_stop(batch_watchdog *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = 1;
    pthread_cond_signal(&w->stop_cond);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->stop_cond);
    free(w->slots);
    free(w);
}

/* The slot of the calling thread (taken on first use); NULL when full. */
static watch_slot *own_slot(batch_watchdog *w)
{
    pthread_t self = pthread_self();
    for (size_t k = 0; k < w->n; k++)
        if (w->slots[k].used && pthread_equal(w->slots[k].thread, self))
            return &w->slots[k];
    for (size_t k = 0; k < w->n; k++)
        if (!w->slots[k].used) {
            w->slots[k].used = 1;
            w->slots[k].thread = self;
            return &w->slots[k];
        }
    return NULL;
}

void batch_watchdog_arm(batch_watchdog *w, double deadline)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    watch_slot *s = own_slot(w);
    if (s) {
        s->armed = 1;
        s->deadline = deadline;
    }
    pthread_mutex_unlock(&w->lock);
}

void batch_watchdog_disarm(batch_watchdog *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    watch_slot *s = own_slot(w);
    if (s)
        s->armed = 0;
    pthread_mutex_unlock(&w->lock);
}
