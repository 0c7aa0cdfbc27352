/* The dictionaries of `bead batch` (--dict): one lexicon per language pair,
 * loaded the first time a job needs that pair and then shared read-only by
 * every worker thread, so a job list of one pair reads its dictionary once
 * however many jobs it holds. */
#ifndef BEAD_BATCH_DICTS_H
#define BEAD_BATCH_DICTS_H

#include <stdio.h>

#include <bead/lexicon.h>

typedef enum batch_dict_mode {
    BATCH_DICT_AUTO = 0,   /* the installed FreeDict dictionaries for the pair */
    BATCH_DICT_NONE,       /* no dictionary anchors */
    BATCH_DICT_FILE        /* one hunalign file ("target @ source") for every job */
} batch_dict_mode;

typedef struct batch_dicts batch_dicts;

/* The --dict value: "auto", "none" or a path. 0 if it is a path that cannot
 * be read as a file (err says why). */
int batch_dict_parse(const char *value, batch_dict_mode *mode, bead_error *err);

/* path is the hunalign file for BATCH_DICT_FILE (copied). announce_missing:
 * say on warnings when auto finds no dictionary for a pair (--dict auto
 * given explicitly). Warnings go to warnings, once per pair. */
bead_status batch_dicts_create(batch_dicts **out, batch_dict_mode mode, const char *path,
                               int announce_missing, FILE *warnings, bead_error *err);
void batch_dicts_free(batch_dicts *d);

/* The lexicon for src -> trg, or NULL when there is none (mode none, no
 * dictionary installed, a corrupt one, out of memory). Safe to call from any
 * thread; the first caller for a pair loads it while later ones wait. The
 * lexicon lives until batch_dicts_free and must not be changed. */
const bead_lexicon *batch_dicts_get(batch_dicts *d, const char *src, const char *trg);

#endif
