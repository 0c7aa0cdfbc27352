/* Progress of `bead batch` on stderr. */
#include <stdlib.h>

#include <bead/bead.h>

#include "batch_progress.h"

struct batch_progress {
    FILE *f;
    int tty;
    size_t total;
    double start, last_draw;
};

batch_progress *batch_progress_create(FILE *f, int tty, size_t total)
{
    batch_progress *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->f = f;
    p->tty = tty;
    p->total = total;
    p->start = p->last_draw = bead_seconds();
    return p;
}

static void draw(batch_progress *p, size_t done, size_t failed, double t, int final)
{
    double elapsed = t - p->start;
    double rate = elapsed > 0 ? (double)done / elapsed : 0;
    char bar[32] = "";
    char eta[32] = "";
    if (p->total) {
        size_t shown = done > p->total ? p->total : done;
        int width = 20, full = (int)((double)shown / (double)p->total * width);
        bar[0] = '[';
        for (int i = 0; i < width; i++)
            bar[1 + i] = i < full ? '#' : '-';
        bar[width + 1] = ']';
        bar[width + 2] = ' ';
        bar[width + 3] = '\0';
        if (!final && rate > 0 && p->total > done) {
            long s = (long)((double)(p->total - done) / rate + 0.5);
            snprintf(eta, sizeof eta, "  ETA %ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
        }
    }
    char of[32] = "";
    if (p->total)
        snprintf(of, sizeof of, "/%zu", p->total);
    fprintf(p->f, "%sbead batch: %s%zu%s jobs, %zu failed, %.1f jobs/s%s%s",
            p->tty ? "\r" : "", bar, done, of, failed, rate, eta,
            p->tty ? "\033[K" : "\n");
    if (final && p->tty)
        fputc('\n', p->f);
    fflush(p->f);
}

void batch_progress_update(batch_progress *p, size_t done, size_t failed)
{
    if (!p)
        return;
    double t = bead_seconds();
    /* A terminal is redrawn 5 times a second; a log gets a line a second. */
    if (t - p->last_draw < (p->tty ? 0.2 : 1.0))
        return;
    p->last_draw = t;
    draw(p, done, failed, t, 0);
}

void batch_progress_finish(batch_progress *p, size_t done, size_t failed)
{
    if (!p)
        return;
    draw(p, done, failed, bead_seconds(), 1);
    free(p);
}
