/* The paths of `bead batch` jobs, checked when a job is read, before it
 * runs (cli/batch_paths.c): inputs that are not standard input and (unless
 * --allow-special) regular files; outputs confined under --out-dir and
 * written by one job only. */
#ifndef BEAD_BATCH_PATHS_H
#define BEAD_BATCH_PATHS_H

#include <sys/types.h>
#include <bead/bead.h>

#include "batch_job.h"
#include "batch_run.h"

typedef struct batch_paths batch_paths;

/* out_dir: --out-dir (NULL: none); jobs_on_stdin: the job list is standard
 * input, which no job may read then. 0, or -1 after a message on stderr
 * (out_dir does not exist). */
int batch_paths_create(batch_paths **out, const char *out_dir, int jobs_on_stdin,
                       int allow_special);
void batch_paths_free(batch_paths *p);

/* Checks job, and points its out under --out-dir. BEAD_OK, or an error for
 * the job's record (err says what). A job whose outputs an earlier job
 * writes is refused: the first writer keeps them. */
bead_status batch_paths_check(batch_paths *p, const batch_settings *set, batch_job *job,
                              bead_error *err);

#endif
