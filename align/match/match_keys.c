/* A document's bag of keys for matching, from the same per-sentence
 * features the aligner anchors on (so that the index and the aligner agree
 * on what a shared name or number is), plus word keys: a document's own
 * words, or a query's words translated by a dictionary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"
#include "align/match/match_internal.h"

/* Translations per word at most: a word with more is vague, and its first
 * translations (dictionary order) are the common ones. */
#define TRANSLATIONS_MAX 6

int bd_match_dict_build(match_dict *d, const bead_lexicon *lex)
{
    memset(d, 0, sizeof *d);
    d->lex = lex;
    d->nsrc = bd_lex_id_count(lex, 0);
    if (bd_lex_rows(lex, &d->start, &d->trg))
        return 0;   /* mapped: its rows are the lists, sorted by target id */
    const lex_pairs *p = bd_lex_pair_set(lex);
    uint32_t *off = calloc((size_t)d->nsrc + 2, sizeof *off);
    size_t npairs = 0;
    if (!off)
        return -1;
    d->own_start = off;
    d->start = off;
    for (size_t i = 0; p->keys && i <= p->mask; i++)
        if (p->keys[i]) {
            off[(p->keys[i] >> 32) + 1]++;
            npairs++;
        }
    if (npairs >= UINT32_MAX) {
        bd_match_dict_free(d);
        return -1;
    }
    for (uint32_t s = 0; s <= d->nsrc; s++)
        off[s + 1] += off[s];
    uint32_t *trg = malloc((npairs ? npairs : 1) * sizeof *trg);
    uint32_t *fill = malloc(((size_t)d->nsrc + 1) * sizeof *fill);
    d->own_trg = trg;
    d->trg = trg;
    if (!trg || !fill) {
        free(fill);
        bd_match_dict_free(d);
        return -1;
    }
    memcpy(fill, off, ((size_t)d->nsrc + 1) * sizeof *fill);
    for (size_t i = 0; p->keys && i <= p->mask; i++)
        if (p->keys[i])
            trg[fill[p->keys[i] >> 32]++] = (uint32_t)p->keys[i];
    free(fill);
    /* The hash order of the pair set is no order at all: sort each list by
     * id, which is the order the dictionary named them in. */
    for (uint32_t s = 1; s <= d->nsrc; s++)
        bd_ids_sort(trg + off[s], off[s + 1] - off[s]);
    return 0;
}

void bd_match_dict_free(match_dict *d)
{
    free(d->own_start);
    free(d->own_trg);
    memset(d, 0, sizeof *d);
}

typedef struct collect {
    key_table *kt;
    uint32_t *ids;
    size_t n, cap;
    const char *lang;
    const match_dict *dict;
    int failed;
} collect;

static void push(collect *c, const char *key, size_t len)
{
    char buf[LEX_KEY_MAX + KEY_WORD_LANG_MAX + 4];
    int pre = snprintf(buf, sizeof buf, "x%s:", c->lang);
    if (pre < 0 || (size_t)pre + len >= sizeof buf)
        return;
    memcpy(buf + pre, key, len);
    uint32_t id = bd_key_table_intern(c->kt, buf, (size_t)pre + len, buf, (size_t)pre + len);
    if (id == UINT32_MAX ||
        array_grow((void **)&c->ids, &c->cap, c->n + 1, sizeof *c->ids, 256)) {
        c->failed = 1;
        return;
    }
    c->ids[c->n++] = id;
}

static void on_word(void *ctx, const char *key, size_t len)
{
    collect *c = ctx;
    if (!c->dict) {
        push(c, key, len);
        return;
    }
    uint32_t s = bd_lex_src_id(c->dict->lex, key, len);
    if (!s || s > c->dict->nsrc)
        return;
    size_t lo = c->dict->start[s], hi = c->dict->start[s + 1];
    if (hi - lo > TRANSLATIONS_MAX)
        hi = lo + TRANSLATIONS_MAX;
    for (size_t k = lo; k < hi; k++) {
        const char *t = bd_lex_key(c->dict->lex, 1, c->dict->trg[k]);
        if (t)
            push(c, t, strlen(t));
    }
}

static int by_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

int bd_match_doc_keys(const bead_doc *doc, key_table *kt, translit *tr,
                      const char *const *langs, const match_dict *const *dicts, size_t nlangs,
                      match_key **out, size_t *n, bead_error *err)
{
    *out = NULL;
    *n = 0;
    size_t ns = bead_doc_size(doc);
    if (ns == 0)
        return 0;
    sent_features f;
    memset(&f, 0, sizeof f);
    if (bd_features_build(&f, doc, 0, ns, kt, tr, err))
        return -1;
    collect c = {kt, NULL, 0, 0, NULL, NULL, 0};
    /* Sentence keys are unique per sentence: tf counts sentences. */
    for (size_t k = 0; k < f.nkeys && !c.failed; k++) {
        const char *key = bd_key_table_key(kt, f.keys[k]);
        if (key[0] != KEY_PUNCT &&
            !array_grow((void **)&c.ids, &c.cap, c.n + 1, sizeof *c.ids, 256))
            c.ids[c.n++] = f.keys[k];
        else if (key[0] != KEY_PUNCT)
            c.failed = 1;
    }
    bd_features_free(&f);
    const char *own = bead_doc_lang(doc);
    for (size_t l = 0; l < nlangs && !c.failed; l++) {
        int same = !strcmp(langs[l], own);
        if (!same && !dicts[l])
            continue;
        c.lang = langs[l];
        c.dict = same ? NULL : dicts[l];
        for (size_t i = 0; i < ns && !c.failed; i++) {
            size_t len;
            const char *text = bead_doc_text(doc, i, &len);
            bd_lex_each_key(own, text, len, on_word, &c);
        }
    }
    match_key *keys = NULL;
    if (!c.failed) {
        if (c.n)   /* qsort wants a non-NULL array, even for none */
            qsort(c.ids, c.n, sizeof *c.ids, by_id);
        keys = malloc((c.n ? c.n : 1) * sizeof *keys);
    }
    if (!keys) {
        free(c.ids);
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    size_t d = 0;
    for (size_t k = 0; k < c.n; k++) {
        if (d && keys[d - 1].id == c.ids[k])
            keys[d - 1].tf++;
        else
            keys[d++] = (match_key){c.ids[k], 1};
    }
    free(c.ids);
    *out = keys;
    *n = d;
    return 0;
}
