/* The dictionaries of bead align and bead report (--dict auto|none|FILE).
 * libbead reads no environment, so this is where $BEAD_DICT_DIR and the
 * cache folder's variables are read; which lexicon serves which pair of
 * versions is the library's rule (bead_dicts_load), written once for the
 * program and the Python module. What is the program's own: the report's
 * FreeDict beside a FILE, the note when auto finds nothing for the first
 * pair, and refusing a FILE that is not a regular file. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <bead/easy.h>

#include "cli.h"

const char *cli_dict_dir(void)
{
    const char *dir = getenv("BEAD_DICT_DIR");
    return dir && *dir ? dir : NULL;
}

static const char *env_getenv(void *ctx, const char *name)
{
    (void)ctx;
    return getenv(name);
}

const char *cli_cache_dir(char *buf, size_t size)
{
    /* A folder too long for buf is no cache, as no folder at all. */
    return bead_cache_dir(env_getenv, NULL, buf, size, NULL) == BEAD_OK && buf[0] ? buf : NULL;
}

bead_status cli_dicts_load(cli_dicts *d, const char *dict, char langs[][16], int n,
                           int for_align, int for_report, int say_when_missing,
                           bead_error *err)
{
    memset(d, 0, sizeof *d);
    if (!strcmp(dict, "none") || (!for_align && !for_report))
        return BEAD_OK;
    int file = strcmp(dict, "auto") != 0;
    if (for_align && file) {
        /* A dictionary is a file: refused before any read (the check for a
         * compiled one opens it), since a FIFO might never answer and
         * /dev/zero never ends. */
        struct stat st;
        if (stat(dict, &st) == 0 && !S_ISREG(st.st_mode))
            return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                  "%s: not a regular file; give a dictionary file", dict);
    }
    /* The report looks words up in FreeDict whatever --dict FILE says: it
     * gets auto's dictionaries, and the FILE takes the first pair's place
     * for the aligner alone (bead_align_options: a lexicon for the pair
     * wins over the set's). Read first, so that a bad FILE stops the run
     * before FreeDict is read. */
    int file_beside_auto = file && for_report;
    bead_status s = BEAD_OK;
    if (for_align && file_beside_auto)
        s = bead_lexicon_load_file(&d->file_first, dict, langs[0], langs[1], NULL, err);
    const char *lp[MAX_VERSIONS];
    for (int v = 0; v < n && v < MAX_VERSIONS; v++)
        lp[v] = langs[v];
    char cache[4096];
    if (s == BEAD_OK)
        s = bead_dicts_load(&d->loaded, file_beside_auto ? "auto" : dict, cli_dict_dir(),
                            cli_cache_dir(cache, sizeof cache), lp, (size_t)n, err);
    if (s != BEAD_OK) {
        cli_dicts_free(d);
        return s;
    }
    bead_align_options held = {0};
    bead_dicts_apply(d->loaded, &held);
    d->set = held.lexicons;
    if (for_align)
        d->first = d->file_first ? d->file_first : held.lexicon;
    /* The note on the first pair (loaded first) follows its warnings and
     * comes before the other pairs'. */
    int note = for_align && !file && say_when_missing && bead_lexicon_size(held.lexicon) == 0;
    size_t nwarnings = bead_dicts_warning_count(d->loaded);
    for (size_t i = 0; i <= nwarnings; i++) {
        size_t a = 0, b = 0;
        int of_first = bead_dicts_warning_pair(d->loaded, i, &a, &b) && a == 0 && b == 1;
        if (note && !of_first) {
            cli_error("no FreeDict dictionary found for %s-%s; aligning without one",
                      langs[0], langs[1]);
            note = 0;
        }
        if (i < nwarnings)
            cli_error("%s", bead_dicts_warning(d->loaded, i));
    }
    return BEAD_OK;
}

void cli_dicts_free(cli_dicts *d)
{
    bead_dicts_free(d->loaded);
    bead_lexicon_free(d->file_first);
    memset(d, 0, sizeof *d);
}
