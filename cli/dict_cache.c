/* Compiled dictionaries in the cache folder. The first run of a language
 * pair reads FreeDict (seconds for eng-deu) and writes the compiled file;
 * later runs map it (milliseconds). A file is named after its source's
 * fingerprint (bead_dict_cache_path), so a changed dictionary or a newer
 * bead looks for a new file; a damaged one is said once and replaced.
 * Concurrent first runs each write a temporary file and rename it into
 * place: the last rename wins and every version is the same. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dict_cache.h"

const char *cli_cache_dir(char *buf, size_t size)
{
    const char *env = getenv("BEAD_CACHE_DIR");
    if (env && *env) {
        if (!strcmp(env, "none"))
            return NULL;
        snprintf(buf, size, "%s", env);
        return buf;
    }
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')   /* the XDG rule: a relative value is ignored */
        n = snprintf(buf, size, "%s/bead", xdg);
    else if (home && *home)
        n = snprintf(buf, size, "%s/.cache/bead", home);
    else
        return NULL;
    return n > 0 && (size_t)n < size ? buf : NULL;
}

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

int cli_is_compiled_dict(const char *path)
{
    char magic[8];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    int yes = fread(magic, 1, sizeof magic, f) == sizeof magic &&
              memcmp(magic, "BEADLEX", 8) == 0;
    fclose(f);
    return yes;
}

bead_status cli_freedict_lexicon(bead_lexicon **out, const char *dict_dir, const char *cache_dir,
                                 const char *src, const char *trg, size_t *loaded, char *warning,
                                 size_t wsize, bead_error *err)
{
    *out = NULL;
    *loaded = 0;
    warning[0] = '\0';
    char fp[BEAD_DICT_SOURCE_MAX], path[4096];
    int cached = cache_dir && bead_freedict_fingerprint(dict_dir, src, trg, fp, sizeof fp) &&
                 bead_dict_cache_path(cache_dir, src, trg, fp, path, sizeof path);
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
            snprintf(warning, wsize, "%s; compiling it again", e.message);
        else if (s != BEAD_OK)      /* unreadable: go on without the cache */
            cached = 0;
    }

    bead_lexicon *lex = NULL;
    bead_status s = bead_lexicon_create(&lex, src, trg, err);
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
        size_t used = strlen(warning);
        snprintf(warning + used, wsize - used, "%s%s", used ? "; " : "", warn.message);
        cached = 0;
    }
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

bead_status cli_dict_file_lexicon(bead_lexicon **out, const char *path, const char *src,
                                  const char *trg, size_t *loaded, bead_error *err)
{
    *out = NULL;
    *loaded = 0;
    if (cli_is_compiled_dict(path)) {
        bead_lexicon *lex = NULL;
        bead_error e;
        bead_error_clear(&e);
        bead_status s = bead_lexicon_open_compiled(&lex, path, NULL, &e);
        if (s == BEAD_OK && !lex)
            s = bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "%s; compile it again with 'bead dict compile'", e.message);
        else if (s != BEAD_OK && err)
            *err = e;
        if (s != BEAD_OK)
            return s;
        if (strcmp(bead_lexicon_src_lang(lex), src) || strcmp(bead_lexicon_trg_lang(lex), trg)) {
            s = bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                               "%s: a compiled %s-%s dictionary, but the texts are %s-%s", path,
                               bead_lexicon_src_lang(lex), bead_lexicon_trg_lang(lex), src, trg);
            bead_lexicon_free(lex);
            return s;
        }
        *out = lex;
        *loaded = bead_lexicon_size(lex);
        return BEAD_OK;
    }
    bead_lexicon *lex = NULL;
    bead_status s = bead_lexicon_create(&lex, src, trg, err);
    if (s == BEAD_OK)
        s = bead_lexicon_load_hunalign(lex, path, loaded, err);
    if (s != BEAD_OK) {
        bead_lexicon_free(lex);
        return s;
    }
    *out = lex;
    return BEAD_OK;
}
