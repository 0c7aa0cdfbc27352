/* dict_cached.c: a pair's FreeDict lexicon through a folder of compiled
 * dictionaries, the one way every client gets it (the bead program, its
 * batch workers, bead_dicts_load for the Python module). The first run of
 * a language pair reads FreeDict (seconds for eng-deu) and writes the
 * compiled file; later runs map it (milliseconds). A file is named after
 * its source's fingerprint (bead_dict_cache_path), so a changed dictionary
 * or a newer bead looks for a new file; a damaged one is said once and
 * replaced. Concurrent first runs each write a temporary file and rename it
 * into place: the last rename wins and every version is the same. The
 * folder is the caller's (bead_cache_dir says which): the library only
 * creates it and writes inside it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "align/lexicon/lexicon_internal.h"

/* mkdir -p; 0 when the folder is there. */
static int make_dirs(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return -1;
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0755) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

/* Appends what the user should hear to warning, "; " between two. */
static void add_warning(char *warning, size_t wsize, const char *what, const char *tail)
{
    if (!warning || !wsize)
        return;
    size_t used = strlen(warning);
    snprintf(warning + used, wsize - used, "%s%s%s", used ? "; " : "", what, tail);
}

bead_status bead_lexicon_load_freedict_cached(bead_lexicon **out, const char *dict_dir,
                                              const char *cache_dir, const char *src_lang,
                                              const char *trg_lang, size_t *loaded,
                                              char *warning, size_t wsize, bead_error *err)
{
    size_t ignored = 0;
    if (!loaded)
        loaded = &ignored;
    *loaded = 0;
    if (warning && wsize)
        warning[0] = '\0';
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_lexicon_load_freedict_cached: no place for the lexicon");
    *out = NULL;
    if (cache_dir && !*cache_dir)
        cache_dir = NULL;   /* "": no cache, as bead_cache_dir says it */
    char fp[BEAD_DICT_SOURCE_MAX], path[4096];
    int cached = cache_dir &&
                 bead_freedict_fingerprint(dict_dir, src_lang, trg_lang, fp, sizeof fp) &&
                 bead_dict_cache_path(cache_dir, src_lang, trg_lang, fp, path, sizeof path);
    if (cached) {
        bead_lexicon *lex = NULL;
        bead_error e;
        bead_error_clear(&e);
        bead_status s = bead_lexicon_open_compiled(&lex, path, fp, &e);
        if (s == BEAD_OK && lex) {
            *out = lex;
            *loaded = bead_lexicon_size(lex);
            return BEAD_OK;
        }
        if (s == BEAD_ERR_NOMEM)
            return bead_error_set(err, s, -1, 0, "out of memory");
        if (s == BEAD_ERR_FORMAT)   /* damaged: said once, then replaced below */
            add_warning(warning, wsize, e.message, "; compiling it again");
        else if (s != BEAD_OK)      /* unreadable: go on without the cache */
            cached = 0;
    }

    bead_lexicon *lex = NULL;
    bead_status s = bead_lexicon_create(&lex, src_lang, trg_lang, err);
    bead_error warn;
    bead_error_clear(&warn);
    if (s == BEAD_OK)
        s = bead_lexicon_load_freedict(lex, dict_dir, loaded, &warn);
    if (s != BEAD_OK) {
        bead_lexicon_free(lex);
        if (warn.message[0] && err)
            *err = warn;
        return s;
    }
    if (warn.message[0]) {
        /* A damaged FreeDict file: not cached, so that the warning is
         * repeated until it is reinstalled. */
        add_warning(warning, wsize, warn.message, "");
        cached = 0;
    }
    /* A cache that cannot be written is no error: the loaded lexicon serves. */
    if (cached && *loaded && make_dirs(cache_dir) == 0 &&
        bead_lexicon_compile(lex, path, fp, NULL) == BEAD_OK) {
        /* The mapped copy is shared with other processes and costs no heap. */
        bead_lexicon *mapped = NULL;
        if (bead_lexicon_open_compiled(&mapped, path, fp, NULL) == BEAD_OK && mapped &&
            bead_lexicon_size(mapped) == *loaded) {
            bead_lexicon_free(lex);
            lex = mapped;
        } else {
            bead_lexicon_free(mapped);
        }
    }
    *out = lex;
    return BEAD_OK;
}
