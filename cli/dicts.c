/* The dictionaries of bead align and bead report (--dict auto|none|FILE).
 * libbead loads no dictionary by itself and reads no environment, so this is
 * where $BEAD_DICT_DIR is read and where every lexicon a run uses is loaded:
 * for N versions, one per pair of their languages. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <bead/lexicon.h>

#include "cli.h"
#include "dict_cache.h"

const char *cli_dict_dir(void)
{
    const char *dir = getenv("BEAD_DICT_DIR");
    return dir && *dir ? dir : NULL;
}

/* The FreeDict lexicon of src -> trg (empty when none is installed),
 * through the cache of compiled dictionaries; *loaded gets its size. A
 * corrupt dictionary or cache file is a warning on stderr. */
static bead_status load_freedict(bead_lexicon **out, const char *src, const char *trg,
                                 size_t *loaded, bead_error *err)
{
    char cache[4096], warning[1200];
    bead_status s = cli_freedict_lexicon(out, cli_dict_dir(), cli_cache_dir(cache, sizeof cache),
                                         src, trg, loaded, warning, sizeof warning, err);
    if (s == BEAD_OK && warning[0])
        cli_error("%s", warning);
    return s;
}

/* 1 when the languages of the pair (a, b) are those of an earlier pair of
 * the n versions (pairs in bead_align_multi's order). */
static int seen_before(char langs[][16], int n, int a, int b)
{
    for (int x = 0; x <= a; x++)
        for (int y = x + 1; y < (x < a ? n : b); y++)
            if (!strcmp(langs[x], langs[a]) && !strcmp(langs[y], langs[b]))
                return 1;
    return 0;
}

bead_status cli_dicts_load(cli_dicts *d, const char *dict, char langs[][16], int n,
                           int for_align, int for_report, int say_when_missing,
                           bead_error *err)
{
    memset(d, 0, sizeof *d);
    if (!strcmp(dict, "none") || (!for_align && !for_report))
        return BEAD_OK;
    int file = strcmp(dict, "auto") != 0;
    bead_status s = BEAD_OK;
    if (for_align && file) {
        /* A dictionary is a file: refused before any read (the check for a
         * compiled one opens it), since a FIFO might never answer and
         * /dev/zero never ends. */
        struct stat st;
        if (stat(dict, &st) == 0 && !S_ISREG(st.st_mode))
            return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                  "%s: not a regular file; give a dictionary file", dict);
        size_t loaded = 0;
        s = cli_dict_file_lexicon(&d->own_first, dict, langs[0], langs[1], &loaded, err);
        d->first = d->own_first;
    }
    if (s == BEAD_OK)
        s = bead_lexicon_set_create(&d->set, err);
    for (int a = 0; a < n && s == BEAD_OK; a++)
        for (int b = a + 1; b < n && s == BEAD_OK; b++) {
            int first = !strcmp(langs[a], langs[0]) && !strcmp(langs[b], langs[1]);
            /* A FILE serves the first pair's alignment; the report looks
             * words up in FreeDict whatever --dict FILE says. */
            if (seen_before(langs, n, a, b) || (first && file && !for_report))
                continue;
            bead_lexicon *lex = NULL;
            size_t loaded = 0;
            s = load_freedict(&lex, langs[a], langs[b], &loaded, err);
            if (s != BEAD_OK)
                break;
            if (first && !file && for_align) {
                if (loaded == 0 && say_when_missing)
                    cli_error("no FreeDict dictionary found for %s-%s; aligning without one",
                              langs[0], langs[1]);
                /* Even empty, the first pair's lexicon is the aligner's:
                 * mining then asks for cognates (bead_align_options). */
                d->first = lex;
                if (loaded == 0) {
                    d->own_first = lex;
                    continue;
                }
            }
            if (loaded == 0) {
                bead_lexicon_free(lex);
                continue;
            }
            s = bead_lexicon_set_add(d->set, lex, err);
            if (s != BEAD_OK)
                bead_lexicon_free(lex);
        }
    if (s != BEAD_OK)
        cli_dicts_free(d);
    return s;
}

void cli_dicts_free(cli_dicts *d)
{
    bead_lexicon_set_free(d->set);
    bead_lexicon_free(d->own_first);
    memset(d, 0, sizeof *d);
}
