/* dicts.c: the dictionaries `bead align --dict auto|none|FILE` loads for N
 * versions, as one object any client can hold across calls: for every pair
 * of versions a < b the FreeDict lexicon from a's language to b's (through
 * the folder of compiled dictionaries), the first pair's always present
 * (empty when none is installed, which makes mining ask for cognates), or a
 * FILE in the first pair's place. The one place this rule is written: the
 * bead program (cli/dicts.c) and the Python module both load through it. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "bead/easy.h"

/* What went wrong loading the pair of versions (a, b), kept with the pair
 * so that a caller can say it where it belongs (the program's note on the
 * first pair comes after that pair's warnings and before the others'). */
typedef struct dict_warning {
    char *text;
    size_t a, b;
} dict_warning;

struct bead_dicts {
    const bead_lexicon *first;    /* langs[0] -> langs[1]: bead_align_options.lexicon */
    bead_lexicon_set *set;        /* every other pair with a dictionary (and the
                                     first, when FreeDict had one) */
    bead_lexicon *own_first;      /* first, when the set does not hold it */
    const bead_lexicon **list;    /* what d holds, first first */
    size_t nlist, list_cap;
    dict_warning *warnings;       /* in the order they came */
    size_t nwarnings, warnings_cap;
};

static bead_status nomem(bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory loading dictionaries");
}

static bead_status listed(bead_dicts *d, const bead_lexicon *lex, bead_error *err)
{
    if (array_grow((void **)&d->list, &d->list_cap, d->nlist + 1, sizeof *d->list, 8))
        return nomem(err);
    d->list[d->nlist++] = lex;
    return BEAD_OK;
}

static bead_status warned(bead_dicts *d, const char *message, size_t a, size_t b,
                          bead_error *err)
{
    char *copy = strdup(message);
    if (!copy || array_grow((void **)&d->warnings, &d->warnings_cap, d->nwarnings + 1,
                            sizeof *d->warnings, 4)) {
        free(copy);
        return nomem(err);
    }
    d->warnings[d->nwarnings++] = (dict_warning){copy, a, b};
    return BEAD_OK;
}

/* 1 when the languages of the pair (a, b) are those of an earlier pair in
 * bead_pair_versions' order: their dictionary is loaded already. */
static int seen_before(const char *const *langs, size_t n, size_t a, size_t b)
{
    for (size_t x = 0; x <= a; x++)
        for (size_t y = x + 1; y < (x < a ? n : b); y++)
            if (!strcmp(langs[x], langs[a]) && !strcmp(langs[y], langs[b]))
                return 1;
    return 0;
}

/* The FreeDict lexicon of versions a -> b, empty when none is installed. */
static bead_status load_freedict(bead_dicts *d, const char *dir, const char *cache_dir,
                                 const char *const *langs, size_t a, size_t b,
                                 bead_lexicon **out, size_t *loaded, bead_error *err)
{
    char warning[1200];
    bead_status s = bead_lexicon_load_freedict_cached(out, dir, cache_dir, langs[a], langs[b],
                                                      loaded, warning, sizeof warning, err);
    if (s == BEAD_OK && warning[0] && (s = warned(d, warning, a, b, err)) != BEAD_OK) {
        bead_lexicon_free(*out);
        *out = NULL;
    }
    return s;
}

static bead_status load_pairs(bead_dicts *d, const char *spec, const char *dir,
                              const char *cache_dir, const char *const *langs, size_t n,
                              bead_error *err)
{
    int file = strcmp(spec, "auto") != 0;
    bead_status s = BEAD_OK;
    if (file) {
        s = bead_lexicon_load_file(&d->own_first, spec, langs[0], langs[1], NULL, err);
        d->first = d->own_first;
        if (s == BEAD_OK)
            s = listed(d, d->first, err);
    }
    if (s == BEAD_OK)
        s = bead_lexicon_set_create(&d->set, err);
    for (size_t k = 0; s == BEAD_OK && k < bead_pair_count(n); k++) {
        size_t a, b;
        bead_pair_versions(k, n, &a, &b);
        int first = !strcmp(langs[a], langs[0]) && !strcmp(langs[b], langs[1]);
        if (seen_before(langs, n, a, b) || (first && file))
            continue;
        bead_lexicon *lex = NULL;
        size_t loaded = 0;
        s = load_freedict(d, dir, cache_dir, langs, a, b, &lex, &loaded, err);
        if (s != BEAD_OK)
            break;
        if (first) {
            d->first = lex;
            s = listed(d, lex, err);
            if (loaded == 0) {
                d->own_first = lex;
                continue;
            }
        }
        if (loaded == 0) {
            bead_lexicon_free(lex);
            continue;
        }
        if (s == BEAD_OK && !first)
            s = listed(d, lex, err);
        if (s == BEAD_OK)
            s = bead_lexicon_set_add(d->set, lex, err);
        if (s != BEAD_OK && lex != d->first)
            bead_lexicon_free(lex);
        else if (s != BEAD_OK)
            d->own_first = lex;   /* still d's to free */
    }
    return s;
}

bead_status bead_dicts_load(bead_dicts **out, const char *spec, const char *dir,
                            const char *cache_dir, const char *const *langs, size_t n,
                            bead_error *err)
{
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_dicts_load: no place for the result");
    *out = NULL;
    if (n < 2 || !langs)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "dictionaries are loaded for two or more languages, not %zu", n);
    for (size_t v = 0; v < n; v++)
        if (!langs[v] || !bead_language_known(langs[v]))
            return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                                  "unknown language '%s' (version %zu): give an ISO 639 code "
                                  "such as bg, de, en or id", langs[v] ? langs[v] : "", v + 1);
    bead_dicts *d = calloc(1, sizeof *d);
    if (!d)
        return nomem(err);
    bead_status s = BEAD_OK;
    if (spec && *spec && strcmp(spec, "none") != 0)
        s = load_pairs(d, spec, dir, cache_dir, langs, n, err);
    if (s != BEAD_OK) {
        bead_dicts_free(d);
        return s;
    }
    *out = d;
    return BEAD_OK;
}

void bead_dicts_free(bead_dicts *d)
{
    if (!d)
        return;
    bead_lexicon_set_free(d->set);
    bead_lexicon_free(d->own_first);
    for (size_t i = 0; i < d->nwarnings; i++)
        free(d->warnings[i].text);
    free(d->warnings);
    free(d->list);
    free(d);
}

void bead_dicts_apply(const bead_dicts *d, bead_align_options *opt)
{
    if (!opt)
        return;
    opt->lexicon = d ? d->first : NULL;
    opt->lexicons = d ? d->set : NULL;
}

size_t bead_dicts_count(const bead_dicts *d) { return d ? d->nlist : 0; }

const bead_lexicon *bead_dicts_lexicon(const bead_dicts *d, size_t i)
{
    return d && i < d->nlist ? d->list[i] : NULL;
}

size_t bead_dicts_warning_count(const bead_dicts *d) { return d ? d->nwarnings : 0; }

const char *bead_dicts_warning(const bead_dicts *d, size_t i)
{
    return d && i < d->nwarnings ? d->warnings[i].text : NULL;
}

int bead_dicts_warning_pair(const bead_dicts *d, size_t i, size_t *a, size_t *b)
{
    if (!d || i >= d->nwarnings)
        return 0;
    if (a)
        *a = d->warnings[i].a;
    if (b)
        *b = d->warnings[i].b;
    return 1;
}
