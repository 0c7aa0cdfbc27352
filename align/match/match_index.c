/* The inverted index of one collection: for each key, the documents that
 * hold it and how often. Keys are weighed over the whole collection
 * (inverse document frequency times the kind's weight), so that a name
 * found in two chapters says much and a name found in forty says little. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fnv.h"
#include "core/grow.h"
#include "align/match/match_internal.h"

static bead_status nomem(bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
}

bead_status bead_match_index_create(bead_match_index **out, bead_error *err)
{
    *out = NULL;
    bead_match_index *ix = calloc(1, sizeof *ix);
    if (!ix || !(ix->kt = bd_key_table_create()) || !(ix->tr = bd_translit_create())) {
        bead_match_index_free(ix);
        return nomem(err);
    }
    *out = ix;
    return BEAD_OK;
}

static void drop_pivot_dicts(bead_match_index *ix)
{
    for (size_t i = 0; i < ix->npivot; i++)
        bd_match_dict_free(&ix->pivot_dicts[i]);
    ix->npivot = 0;
    ix->lexicons = NULL;
}

void bead_match_index_free(bead_match_index *ix)
{
    if (!ix)
        return;
    bd_key_table_free(ix->kt);
    bd_translit_free(ix->tr);
    for (size_t i = 0; i < ix->ndocs; i++)
        free(ix->names[i]);
    free(ix->names);
    free(ix->langs);
    free(ix->norm);
    free(ix->t_key);
    free(ix->t_doc);
    free(ix->t_tf);
    free(ix->post_off);
    free(ix->post_doc);
    free(ix->post_tf);
    free(ix->idf);
    free(ix->dlangs);
    drop_pivot_dicts(ix);
    free(ix);
}

int bd_match_index_grow_docs(bead_match_index *ix)
{
    size_t cap_l = ix->docs_cap;
    if (array_grow((void **)&ix->names, &ix->docs_cap, ix->ndocs + 1, sizeof *ix->names, 64))
        return -1;
    if (array_grow((void **)&ix->langs, &cap_l, ix->ndocs + 1, sizeof *ix->langs, 64)) {
        /* names grew, langs did not: keep the capacities honest */
        ix->docs_cap = cap_l;
        return -1;
    }
    return 0;
}

int bd_match_index_triple(bead_match_index *ix, uint32_t key, uint32_t doc, uint32_t tf)
{
    size_t c1 = ix->trip_cap, c2 = ix->trip_cap;
    if (array_grow((void **)&ix->t_key, &c1, ix->ntrip + 1, sizeof *ix->t_key, 4096) ||
        array_grow((void **)&ix->t_doc, &c2, ix->ntrip + 1, sizeof *ix->t_doc, 4096))
        return -1;
    size_t c3 = ix->trip_cap;
    if (array_grow((void **)&ix->t_tf, &c3, ix->ntrip + 1, sizeof *ix->t_tf, 4096))
        return -1;
    ix->trip_cap = c1;
    ix->t_key[ix->ntrip] = key;
    ix->t_doc[ix->ntrip] = doc;
    ix->t_tf[ix->ntrip] = tf;
    ix->ntrip++;
    return 0;
}

bead_status bead_match_index_set_pivot(bead_match_index *ix, const char *pivot,
                                       const bead_lexicon_set *lexicons, bead_error *err)
{
    if (ix->finished || ix->ndocs)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the pivot of a match index is set before any document is added");
    snprintf(ix->pivot, sizeof ix->pivot, "%s", pivot ? pivot : "");
    ix->lexicons = lexicons;
    return BEAD_OK;
}

match_dict *bd_match_index_pivot_dict(bead_match_index *ix, const char *lang, int *failed)
{
    if (!ix->pivot[0] || !strcmp(lang, ix->pivot))
        return NULL;
    for (size_t i = 0; i < ix->npivot; i++)
        if (!strcmp(ix->pivot_from[i], lang))
            return ix->pivot_have[i] ? &ix->pivot_dicts[i] : NULL;
    const bead_lexicon *lex = bead_lexicon_set_find(ix->lexicons, lang, ix->pivot);
    /* More languages than slots: the rest go without pivot keys. */
    if (ix->npivot == sizeof ix->pivot_have / sizeof ix->pivot_have[0])
        return NULL;
    size_t i = ix->npivot++;
    snprintf(ix->pivot_from[i], sizeof ix->pivot_from[i], "%s", lang);
    ix->pivot_have[i] = 0;
    if (lex && bead_lexicon_size(lex)) {
        if (bd_match_dict_build(&ix->pivot_dicts[i], lex)) {
            *failed = 1;
            return NULL;
        }
        ix->pivot_have[i] = 1;
    }
    return ix->pivot_have[i] ? &ix->pivot_dicts[i] : NULL;
}

bead_status bead_match_index_add(bead_match_index *ix, const bead_doc *doc, const char *name,
                                 bead_error *err)
{
    if (ix->finished)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the match index is finished: nothing can be added to it");
    if (ix->ndocs >= UINT32_MAX - 1)
        return bead_error_set(err, BEAD_ERR_LIMIT, -1, 0, "too many documents for one index");
    if (bd_match_index_grow_docs(ix))
        return nomem(err);
    char *copy = strdup(name ? name : bead_doc_name(doc));
    if (!copy)
        return nomem(err);
    match_key *keys = NULL;
    size_t n = 0;
    const char *langs[2] = {bead_doc_lang(doc), ix->pivot};
    int failed = 0;
    match_dict *dicts[2] = {NULL, bd_match_index_pivot_dict(ix, langs[0], &failed)};
    if (failed) {
        free(copy);
        return nomem(err);
    }
    if (bd_match_doc_keys(doc, ix->kt, ix->tr, langs, dicts, dicts[1] ? 2 : 1, NULL, &keys, &n,
                          err)) {
        free(copy);
        return err ? err->status : BEAD_ERR_NOMEM;
    }
    uint32_t d = (uint32_t)ix->ndocs;
    for (size_t k = 0; k < n; k++)
        if (bd_match_index_triple(ix, keys[k].id, d, keys[k].tf)) {
            ix->ntrip -= k;   /* drop this document's triples */
            free(keys);
            free(copy);
            return nomem(err);
        }
    free(keys);
    ix->names[d] = copy;
    snprintf(ix->langs[d], sizeof ix->langs[d], "%s", bead_doc_lang(doc));
    ix->ndocs++;
    return BEAD_OK;
}

size_t bd_match_df_limit(const bead_match_index *ix)
{
    /* A tenth of the collection, but never fewer than 20 documents: in a
     * small collection every key may propose. */
    size_t lim = ix->ndocs / 10;
    return lim < 20 ? 20 : lim;
}

double bd_match_weight(const bead_match_index *ix, uint32_t key, uint32_t tf)
{
    return (1.0 + log((double)tf)) * ix->idf[key];
}

int bd_match_index_weigh(bead_match_index *ix, bead_error *err)
{
    size_t nk = bd_key_table_size(ix->kt);
    free(ix->post_off);
    free(ix->post_doc);
    free(ix->post_tf);
    free(ix->idf);
    free(ix->norm);
    ix->post_off = calloc(nk + 1, sizeof *ix->post_off);
    ix->post_doc = malloc((ix->ntrip ? ix->ntrip : 1) * sizeof *ix->post_doc);
    ix->post_tf = malloc((ix->ntrip ? ix->ntrip : 1) * sizeof *ix->post_tf);
    ix->idf = calloc(nk ? nk : 1, sizeof *ix->idf);
    ix->norm = calloc(ix->ndocs ? ix->ndocs : 1, sizeof *ix->norm);
    if (!ix->post_off || !ix->post_doc || !ix->post_tf || !ix->idf || !ix->norm) {
        nomem(err);
        return -1;
    }
    ix->nkeys = nk;
    uint64_t h = BD_FNV_OFFSET;
    for (size_t k = 0; k < nk; k++)
        for (const unsigned char *c = (const unsigned char *)bd_key_table_key(ix->kt, (uint32_t)k);;
             c++) {
            h = (h ^ *c) * BD_FNV_PRIME;   /* the NUL too: keys stay apart */
            if (!*c)
                break;
        }
    ix->keys_hash = h;
    /* Counting sort by key; within a key, documents stay in order of
     * addition (triples were appended document after document). */
    for (size_t t = 0; t < ix->ntrip; t++)
        ix->post_off[ix->t_key[t] + 1]++;
    for (size_t k = 0; k < nk; k++)
        ix->post_off[k + 1] += ix->post_off[k];
    size_t *fill = malloc((nk ? nk : 1) * sizeof *fill);
    if (!fill) {
        nomem(err);
        return -1;
    }
    memcpy(fill, ix->post_off, nk * sizeof *fill);
    for (size_t t = 0; t < ix->ntrip; t++) {
        size_t at = fill[ix->t_key[t]]++;
        ix->post_doc[at] = ix->t_doc[t];
        ix->post_tf[at] = ix->t_tf[t];
    }
    free(fill);
    double n = (double)ix->ndocs;
    size_t limit = bd_match_df_limit(ix);
    for (size_t k = 0; k < nk; k++) {
        size_t df = ix->post_off[k + 1] - ix->post_off[k];
        /* A key in most documents (a common word) is no evidence: it would
         * only dilute the rare ones. (n + 1): a one-document collection
         * still weighs its keys. */
        if (df == 0 || df > limit)
            continue;
        ix->idf[k] = log((n + 1) / (double)df) *
                     bd_key_kind_weight(bd_key_table_key(ix->kt, (uint32_t)k)[0]);
    }
    free(ix->dlangs);
    ix->dlangs = malloc((ix->ndocs ? ix->ndocs : 1) * sizeof *ix->dlangs);
    if (!ix->dlangs) {
        nomem(err);
        return -1;
    }
    ix->ndlangs = 0;
    for (size_t d = 0; d < ix->ndocs; d++) {
        size_t l = 0;
        while (l < ix->ndlangs && strcmp(ix->dlangs[l], ix->langs[d]))
            l++;
        if (l == ix->ndlangs)
            memcpy(ix->dlangs[ix->ndlangs++], ix->langs[d], sizeof ix->dlangs[0]);
    }
    for (size_t k = 0; k < nk; k++)
        for (size_t p = ix->post_off[k]; p < ix->post_off[k + 1]; p++) {
            double w = bd_match_weight(ix, (uint32_t)k, ix->post_tf[p]);
            ix->norm[ix->post_doc[p]] += w * w;
        }
    for (size_t d = 0; d < ix->ndocs; d++)
        ix->norm[d] = sqrt(ix->norm[d]);
    return 0;
}

bead_status bead_match_index_finish(bead_match_index *ix, bead_error *err)
{
    if (ix->finished)
        return BEAD_OK;
    if (bd_match_index_weigh(ix, err))
        return err ? err->status : BEAD_ERR_NOMEM;
    bd_translit_free(ix->tr);
    ix->tr = NULL;
    drop_pivot_dicts(ix);
    ix->finished = 1;
    return BEAD_OK;
}

size_t bead_match_index_size(const bead_match_index *ix) { return ix ? ix->ndocs : 0; }

const char *bead_match_index_name(const bead_match_index *ix, size_t i)
{
    return ix && i < ix->ndocs ? ix->names[i] : NULL;
}

const char *bead_match_index_lang(const bead_match_index *ix, size_t i)
{
    return ix && i < ix->ndocs ? ix->langs[i] : NULL;
}

size_t bead_match_index_keys(const bead_match_index *ix)
{
    return ix ? bd_key_table_size(ix->kt) : 0;
}
