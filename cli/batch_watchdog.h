/* The --timeout of `bead batch` (cli/batch_watchdog.c). A job's deadline is
 * checked by the library itself, between steps (the aligner, each read);
 * what no check can reach is a system call that blocks (opening a FIFO
 * without a writer, reading a pipe that stays silent). The watchdog thread
 * sends such a worker a signal whose handler does nothing and does not
 * restart system calls, so that the call returns EINTR and the library, its
 * deadline passed, gives up with BEAD_ERR_TIMEOUT. */
#ifndef BEAD_BATCH_WATCHDOG_H
#define BEAD_BATCH_WATCHDOG_H

#include <stddef.h>

typedef struct batch_watchdog batch_watchdog;

/* Starts the watchdog for up to nworkers workers; NULL when out of memory
 * or no thread can start (jobs then only stop at the library's checks). */
batch_watchdog *batch_watchdog_start(size_t nworkers);
void batch_watchdog_stop(batch_watchdog *w);

/* The calling thread (one of the nworkers) runs a job until deadline
 * (CLOCK_MONOTONIC seconds); it disarms when the job is done. w may be
 * NULL. */
void batch_watchdog_arm(batch_watchdog *w, double deadline);
void batch_watchdog_disarm(batch_watchdog *w);

#endif
