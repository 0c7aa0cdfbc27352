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
    free(d->memo_at);
    free(d->memo_n);
    free(d->memo_ids);
    memset(d, 0, sizeof *d);
}

typedef struct collect {
    key_table *kt;
    uint32_t *ids, *tf;       /* key ids and how often, not yet merged */
    size_t n, cap;
    char prefix[KEY_WORD_LANG_MAX + 4];   /* "x" + language + ":" */
    size_t prefix_len;
    int failed;
} collect;

static void add(collect *c, uint32_t id, uint32_t tf)
{
    size_t cap = c->cap;
    if (array_grow((void **)&c->ids, &cap, c->n + 1, sizeof *c->ids, 256) ||
        array_grow((void **)&c->tf, &c->cap, c->n + 1, sizeof *c->tf, 256)) {
        c->failed = 1;
        return;
    }
    c->ids[c->n] = id;
    c->tf[c->n++] = tf;
}

static void set_lang(collect *c, const char *lang)
{
    int pre = snprintf(c->prefix, sizeof c->prefix, "x%s:", lang);
    c->prefix_len = pre > 0 && (size_t)pre < sizeof c->prefix ? (size_t)pre : 0;
}

/* The word key of the current language, tf times; its id, or UINT32_MAX
 * when it was left out (too long) or memory ran out. */
static uint32_t push(collect *c, const char *key, size_t len, uint32_t tf)
{
    char buf[LEX_KEY_MAX + KEY_WORD_LANG_MAX + 4];
    if (!c->prefix_len || c->prefix_len + len >= sizeof buf)
        return UINT32_MAX;
    memcpy(buf, c->prefix, c->prefix_len);
    memcpy(buf + c->prefix_len, key, len);
    size_t n = c->prefix_len + len;
    uint32_t id = bd_key_table_intern(c->kt, buf, n, buf, n);
    if (id == UINT32_MAX)
        c->failed = 1;
    else
        add(c, id, tf);
    return id;
}

/* The translations of source id s into c's key table, once: later calls
 * (this document's other words, other documents) read the memo. 0, or -1
 * when out of memory. */
static int translate(collect *c, match_dict *dict, uint32_t s, uint32_t tf)
{
    int memo = dict->memo_kt == c->kt;
    if (!dict->memo_kt && !dict->memo_at) {
        dict->memo_at = calloc((size_t)dict->nsrc + 1, sizeof *dict->memo_at);
        dict->memo_n = calloc((size_t)dict->nsrc + 1, sizeof *dict->memo_n);
        if (!dict->memo_at || !dict->memo_n)
            return -1;
        dict->memo_kt = c->kt;
        memo = 1;
    }
    if (memo && dict->memo_at[s]) {
        const uint32_t *ids = dict->memo_ids + dict->memo_at[s] - 1;
        for (uint32_t k = 0; k < dict->memo_n[s]; k++)
            add(c, ids[k], tf);
        return 0;
    }
    size_t lo = dict->start[s], hi = dict->start[s + 1];
    if (hi - lo > TRANSLATIONS_MAX)
        hi = lo + TRANSLATIONS_MAX;
    size_t at = dict->memo_len;
    if (memo && (at >= UINT32_MAX - TRANSLATIONS_MAX ||
                 array_grow((void **)&dict->memo_ids, &dict->memo_cap, at + TRANSLATIONS_MAX,
                            sizeof *dict->memo_ids, 1024)))
        return -1;
    uint32_t n = 0;
    for (size_t k = lo; k < hi && !c->failed; k++) {
        const char *t = bd_lex_key(dict->lex, 1, dict->trg[k]);
        uint32_t id = t ? push(c, t, strlen(t), tf) : UINT32_MAX;
        if (memo && id != UINT32_MAX)
            dict->memo_ids[at + n++] = id;
    }
    if (memo && !c->failed) {
        dict->memo_at[s] = (uint32_t)at + 1;
        dict->memo_n[s] = n;
        dict->memo_len = at + n;
    }
    return 0;
}

/* A word occurring tf times: itself, or its translations by dict. */
static void on_word(collect *c, match_dict *dict, const char *key, size_t len, uint32_t tf)
{
    if (!dict) {
        push(c, key, len, tf);
        return;
    }
    uint32_t s = bd_lex_src_id(dict->lex, key, len);
    if (s && s <= dict->nsrc && translate(c, dict, s, tf))
        c->failed = 1;
}

/* The distinct word keys of doc with their counts: each word keyed once
 * (ICU and the stemmer are the cost), and each distinct key looked up or
 * translated once per language rather than once per occurrence. */
static int word_counts(const bead_doc *doc, lex_word_cache *wc, uint32_t **ids, uint32_t **tf,
                       size_t *n)
{
    lex_ids all = {NULL, 0, 0};
    for (size_t i = 0; i < bead_doc_size(doc); i++) {
        size_t len;
        const char *text = bead_doc_text(doc, i, &len);
        if (bd_lex_word_cache_keys(wc, text, len, &all)) {
            free(all.v);
            return -1;
        }
    }
    /* Key ids are dense (1..keys.n): count them in place of a sort. */
    size_t nk = wc->keys.n;
    uint32_t *count = calloc(nk + 1, sizeof *count);
    *ids = malloc((nk ? nk : 1) * sizeof **ids);
    *tf = malloc((nk ? nk : 1) * sizeof **tf);
    if (!count || !*ids || !*tf) {
        free(count);
        free(*ids);
        free(*tf);
        free(all.v);
        *ids = *tf = NULL;
        return -1;
    }
    for (size_t k = 0; k < all.n; k++)
        if (all.v[k] <= nk)
            count[all.v[k]]++;
    free(all.v);
    size_t d = 0;
    for (uint32_t id = 1; id <= nk; id++)
        if (count[id]) {
            (*ids)[d] = id;
            (*tf)[d++] = count[id];
        }
    free(count);
    *n = d;
    return 0;
}

size_t bd_match_keys_sort(match_key *keys, size_t n)
{
    /* (id, tf) as id << 32 | tf, radix-sorted on the id. */
    uint64_t *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return SIZE_MAX;
    for (size_t k = 0; k < n; k++)
        v[k] = (uint64_t)keys[k].id << 32 | keys[k].tf;
    bd_keys64_sort(v, n, 32);
    size_t d = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t id = (uint32_t)(v[k] >> 32), tf = (uint32_t)v[k];
        if (d && keys[d - 1].id == id)
            keys[d - 1].tf += tf;
        else
            keys[d++] = (match_key){id, tf};
    }
    free(v);
    return d;
}

int bd_match_doc_keys(const bead_doc *doc, key_table *kt, translit *tr,
                      const char *const *langs, match_dict *const *dicts, size_t nlangs,
                      const doc_features *df, match_key **out, size_t *n, bead_error *err)
{
    *out = NULL;
    *n = 0;
    size_t ns = bead_doc_size(doc);
    if (ns == 0)
        return 0;
    sent_features f;
    memset(&f, 0, sizeof f);
    if (bd_features_for(&f, doc, 0, ns, kt, tr, df, err))
        return -1;
    collect c;
    memset(&c, 0, sizeof c);
    c.kt = kt;
    /* Sentence keys are unique per sentence: tf counts sentences. */
    for (size_t k = 0; k < f.nkeys && !c.failed; k++)
        if (bd_key_table_key(kt, f.keys[k])[0] != KEY_PUNCT)
            add(&c, f.keys[k], 1);
    bd_features_free(&f);
    const char *own = bead_doc_lang(doc);
    lex_word_cache wc;
    bd_lex_word_cache_init(&wc, own);
    uint32_t *wid = NULL, *wtf = NULL;
    size_t nw = 0;
    if (!c.failed && word_counts(doc, &wc, &wid, &wtf, &nw))
        c.failed = 1;
    for (size_t l = 0; l < nlangs && !c.failed; l++) {
        int same = !strcmp(langs[l], own);
        if (!same && !dicts[l])
            continue;
        set_lang(&c, langs[l]);
        for (size_t w = 0; w < nw && !c.failed; w++) {
            size_t len;
            const char *key = bd_lex_word_cache_key(&wc, wid[w], &len);
            if (key && len)
                on_word(&c, same ? NULL : dicts[l], key, len, wtf[w]);
        }
    }
    free(wid);
    free(wtf);
    bd_lex_word_cache_free(&wc);
    match_key *keys = c.failed ? NULL : malloc((c.n ? c.n : 1) * sizeof *keys);
    for (size_t k = 0; keys && k < c.n; k++)
        keys[k] = (match_key){c.ids[k], c.tf[k]};
    free(c.ids);
    free(c.tf);
    size_t d = keys ? bd_match_keys_sort(keys, c.n) : SIZE_MAX;
    if (d == SIZE_MAX) {
        free(keys);
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    *out = keys;
    *n = d;
    return 0;
}
