/* The progress line of `bead batch` on stderr: jobs done (of the total when
 * it is known), failures, rate and ETA. */
#ifndef BEAD_BATCH_PROGRESS_H
#define BEAD_BATCH_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

typedef struct batch_progress batch_progress;

/* tty: redraw one line in place; otherwise print a line now and then.
 * total: 0 when unknown. */
batch_progress *batch_progress_create(FILE *f, int tty, size_t total);
/* Called after each result; draws at most a few times a second. */
void batch_progress_update(batch_progress *p, size_t done, size_t failed);
/* Draws the final state and ends the line; frees p (NULL is fine). */
void batch_progress_finish(batch_progress *p, size_t done, size_t failed);

#endif
