/* Signals in `bead batch`: SIGINT and SIGTERM are blocked in every thread
 * but one, which waits for them with sigwait and so cleans up in ordinary
 * context: it waits until no worker is between creating a temporary output
 * and registering it, or between renaming it and unregistering it, removes
 * every registered temporary file, and exits 130 or 143. */
#ifndef BEAD_BATCH_SIGNALS_H
#define BEAD_BATCH_SIGNALS_H

#include <bead/bead.h>

/* Call before starting any other thread. Returns 0 when the signal thread
 * cannot start (the process then keeps the default handlers). */
int batch_signals_start(void);

/* Opens path for writing, its temporary file registered for removal. */
bead_status batch_output_open(bead_output **out, const char *path, bead_error *err);
/* Completes every output (NULL entries skipped) before renaming any. */
bead_status batch_output_commit_all(bead_output *const *outs, size_t n, bead_error *err);
/* Commits (status OK) or discards the output, unregisters it, frees it. */
bead_status batch_output_close(bead_output *out, bead_status status, bead_error *err);

#endif
