/* One lexicon per language pair, loaded once under a lock per pair and then
 * only read. Loading runs outside the cache lock, so a worker whose pair is
 * ready never waits behind another pair's (slow) load; workers that need the
 * pair being loaded wait for it instead of loading it again. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch_dicts.h"
#include "cli.h"

typedef struct dict_entry {
    struct dict_entry *next;
    char src[16], trg[16];
    bead_lexicon *lex;   /* NULL: none for this pair */
    int ready;
} dict_entry;

struct batch_dicts {
    batch_dict_mode mode;
    char *path;
    char *dir;            /* $BEAD_DICT_DIR, read once; NULL: the default */
    char *cache;          /* the compiled dictionaries' folder; NULL: none */
    int announce_missing;
    FILE *warnings;
    pthread_mutex_t lock;
    pthread_cond_t loaded;
    dict_entry *entries;
};

int batch_dict_parse(const char *value, batch_dict_mode *mode, bead_error *err)
{
    if (!strcmp(value, "auto")) {
        *mode = BATCH_DICT_AUTO;
        return 1;
    }
    if (!strcmp(value, "none")) {
        *mode = BATCH_DICT_NONE;
        return 1;
    }
    /* Checked now, before any job runs: a typo in the path is a usage error,
     * not a warning repeated for every pair. */
    /* stat first: opening a FIFO would wait for a writer. */
    struct stat st;
    const char *why = NULL;
    if (stat(value, &st) != 0) {
        why = strerror(errno);
    } else if (!S_ISREG(st.st_mode)) {
        why = "not a regular file";
    } else {
        FILE *f = fopen(value, "r");
        if (!f)
            why = strerror(errno);
        else
            fclose(f);
    }
    if (why) {
        bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                       "--dict wants auto, none or a hunalign dictionary file, not '%s' (%s)",
                       value, why);
        return 0;
    }
    *mode = BATCH_DICT_FILE;
    return 1;
}

bead_status batch_dicts_create(batch_dicts **out, batch_dict_mode mode, const char *path,
                               int announce_missing, FILE *warnings, bead_error *err)
{
    *out = NULL;
    batch_dicts *d = calloc(1, sizeof *d);
    const char *dir = cli_dict_dir();
    char cachebuf[4096];
    const char *cache = cli_cache_dir(cachebuf, sizeof cachebuf);
    if (!d || (mode == BATCH_DICT_FILE && !(d->path = strdup(path))) ||
        (dir && !(d->dir = strdup(dir))) || (cache && !(d->cache = strdup(cache)))) {
        if (d) {
            free(d->path);
            free(d->dir);
        }
        free(d);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    d->mode = mode;
    d->announce_missing = announce_missing;
    d->warnings = warnings;
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->loaded, NULL);
    *out = d;
    return BEAD_OK;
}

void batch_dicts_free(batch_dicts *d)
{
    if (!d)
        return;
    for (dict_entry *e = d->entries, *next; e; e = next) {
        next = e->next;
        bead_lexicon_free(e->lex);
        free(e);
    }
    pthread_cond_destroy(&d->loaded);
    pthread_mutex_destroy(&d->lock);
    free(d->path);
    free(d->dir);
    free(d->cache);
    free(d);
}

/* Loads the pair's lexicon; *warning gets what to tell the user (empty when
 * nothing). NULL when there is nothing to use. */
static bead_lexicon *load(const batch_dicts *d, const char *src, const char *trg,
                          char *warning, size_t size)
{
    warning[0] = '\0';
    bead_lexicon *lex = NULL;
    bead_error err;
    bead_error_clear(&err);
    size_t loaded = 0;
    bead_status s;
    char note[1200] = "";
    if (d->mode == BATCH_DICT_FILE) {
        s = bead_lexicon_load_file(&lex, d->path, src, trg, &loaded, &err);
    } else {
        /* Through the cache of compiled dictionaries: a pair compiled by an
         * earlier run is mapped in milliseconds, so one worker's load does
         * not hold up the others for long. */
        s = bead_lexicon_load_freedict_cached(&lex, d->dir, d->cache, src, trg, &loaded, note,
                                              sizeof note, &err);
        if (s == BEAD_OK && loaded == 0 && !note[0] && d->announce_missing)
            snprintf(warning, size,
                     "no FreeDict dictionary found for %s-%s; aligning without one", src, trg);
    }
    /* A corrupt dictionary is a warning, once for the pair: the jobs are
     * aligned without it rather than failed. */
    if (s != BEAD_OK) {
        snprintf(warning, size, "%s; aligning the %s-%s jobs without a dictionary",
                 err.message[0] ? err.message : bead_strerror(s), src, trg);
        loaded = 0;
    } else if (note[0]) {   /* already says it goes on without it */
        snprintf(warning, size, "%s", note);
    }
    if (loaded == 0) {
        bead_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

const bead_lexicon *batch_dicts_get(batch_dicts *d, const char *src, const char *trg)
{
    if (!d || d->mode == BATCH_DICT_NONE)
        return NULL;
    pthread_mutex_lock(&d->lock);
    dict_entry *e = d->entries;
    while (e && (strcmp(e->src, src) != 0 || strcmp(e->trg, trg) != 0))
        e = e->next;
    if (e) {
        while (!e->ready)
            pthread_cond_wait(&d->loaded, &d->lock);
        const bead_lexicon *lex = e->lex;
        pthread_mutex_unlock(&d->lock);
        return lex;
    }
    e = calloc(1, sizeof *e);
    if (!e) {
        pthread_mutex_unlock(&d->lock);
        return NULL;
    }
    snprintf(e->src, sizeof e->src, "%s", src);
    snprintf(e->trg, sizeof e->trg, "%s", trg);
    e->next = d->entries;
    d->entries = e;
    pthread_mutex_unlock(&d->lock);

    char warning[1024];
    bead_lexicon *lex = load(d, src, trg, warning, sizeof warning);

    pthread_mutex_lock(&d->lock);
    e->lex = lex;
    e->ready = 1;
    /* One fprintf under the lock: warnings from two loads do not mix. */
    if (warning[0] && d->warnings)
        fprintf(d->warnings, "bead: %s\n", warning);
    pthread_cond_broadcast(&d->loaded);
    pthread_mutex_unlock(&d->lock);
    return lex;
}
