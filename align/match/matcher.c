/* The matcher: candidates from the index, their verification, and the
 * assignment. Verification goes through match_verify alone, so that a
 * better judge of a pair (translation evidence against chance) changes the
 * matcher without touching it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/match/match_internal.h"
#include "align/multi/multi_internal.h"

struct bead_matcher {
    bead_match_options opt;
    bead_align_options aopt;
    bead_aligner *aligner;
    translit *tr;
    /* query scratch, by index document; reset through the touched list */
    double *acc;
    uint32_t *shared;
    uint32_t *touched;
    size_t acc_cap, ntouched;
    /* dictionaries walked so far, by pair of languages; each slot on its
     * own, so that a pointer to one outlives the growth of the list */
    struct dict_slot {
        char src[16], trg[16];
        match_dict d;
        int have;             /* 0: no lexicon for the pair */
    } **dicts;
    size_t ndicts, dicts_cap;
    /* The queries' keys, kept from one query to the next (a word is then
     * translated once a run, match_dict's memo), and what each is in the
     * index last queried: by query key id, -2 not looked up yet, -1 absent,
     * else the index's key id. */
    key_table *kt;
    /* The features of the document last queried, built for its keys and
     * composed again by its verifications (bd_align_decide). */
    doc_features queried;
    uint64_t ixid_hash;       /* keys_hash of the index ixid is for */
    int64_t *ixid;
    size_t nixid;
};

/* The walked dictionary from src to trg, NULL when the options hold none;
 * *failed on out of memory. */
static match_dict *dict_for(bead_matcher *m, const char *src, const char *trg, int *failed)
{
    for (size_t i = 0; i < m->ndicts; i++)
        if (!strcmp(m->dicts[i]->src, src) && !strcmp(m->dicts[i]->trg, trg))
            return m->dicts[i]->have ? &m->dicts[i]->d : NULL;
    struct dict_slot *slot = calloc(1, sizeof *slot);
    if (!slot ||
        array_grow((void **)&m->dicts, &m->dicts_cap, m->ndicts + 1, sizeof *m->dicts, 4)) {
        free(slot);
        *failed = 1;
        return NULL;
    }
    m->dicts[m->ndicts++] = slot;
    snprintf(slot->src, sizeof slot->src, "%s", src);
    snprintf(slot->trg, sizeof slot->trg, "%s", trg);
    const bead_lexicon *lex = bead_lexicon_set_find(m->opt.lexicons, src, trg);
    if (lex && bead_lexicon_size(lex)) {
        if (bd_match_dict_build(&slot->d, lex)) {
            *failed = 1;
            return NULL;
        }
        slot->have = 1;
    }
    return slot->have ? &slot->d : NULL;
}

void bead_match_options_init(bead_match_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->candidates = 5;
    opt->verify = 4;
    opt->min_score = 0.1;
    opt->learn = 0;
}

bead_status bead_matcher_create(bead_matcher **out, const bead_match_options *opt,
                                bead_error *err)
{
    *out = NULL;
    bead_matcher *m = calloc(1, sizeof *m);
    if (!m)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (opt)
        m->opt = *opt;
    else
        bead_match_options_init(&m->opt);
    if (m->opt.candidates == 0)
        m->opt.candidates = 1;
    bead_align_options_init(&m->aopt);
    /* The verdict is read from the monotone alignment: mining would add
     * cost and nothing to the decision. */
    m->aopt.mode = BEAD_MODE_ALIGN;
    m->aopt.learn = m->opt.learn;
    m->aopt.lexicons = m->opt.lexicons;
    m->tr = bd_translit_create();
    bead_status s = m->tr ? bead_aligner_create(&m->aligner, &m->aopt, err)
                          : bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (s != BEAD_OK) {
        bead_matcher_free(m);
        return s;
    }
    *out = m;
    return BEAD_OK;
}

void bead_matcher_free(bead_matcher *m)
{
    if (!m)
        return;
    bead_aligner_free(m->aligner);
    bd_translit_free(m->tr);
    free(m->acc);
    free(m->shared);
    free(m->touched);
    for (size_t i = 0; i < m->ndicts; i++) {
        bd_match_dict_free(&m->dicts[i]->d);
        free(m->dicts[i]);
    }
    free(m->dicts);
    bd_key_table_free(m->kt);
    bd_doc_features_free(&m->queried);
    free(m->ixid);
    free(m);
}

static int scratch(bead_matcher *m, size_t n)
{
    if (n <= m->acc_cap)
        return 0;
    double *a = realloc(m->acc, n * sizeof *a);
    if (a)
        m->acc = a;
    uint32_t *s = realloc(m->shared, n * sizeof *s);
    if (s)
        m->shared = s;
    uint32_t *t = realloc(m->touched, n * sizeof *t);
    if (t)
        m->touched = t;
    if (!a || !s || !t)
        return -1;
    for (size_t i = m->acc_cap; i < n; i++) {
        m->acc[i] = 0;
        m->shared[i] = 0;
    }
    m->acc_cap = n;
    return 0;
}

/* Room in m->ixid for every key of m->kt, new ones not looked up yet. */
static int ix_ids(bead_matcher *m)
{
    size_t n = bd_key_table_size(m->kt);
    if (n > m->nixid) {
        int64_t *p = realloc(m->ixid, n * sizeof *p);
        if (!p)
            return -1;
        m->ixid = p;
        for (size_t i = m->nixid; i < n; i++)
            p[i] = -2;
        m->nixid = n;
    }
    return 0;
}

/* Best first; ties by index document, so that results never depend on
 * the order of the accumulator. */
static int by_index_score(const void *x, const void *y)
{
    const bead_match_candidate *a = x, *b = y;
    if (a->index_score != b->index_score)
        return a->index_score > b->index_score ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

bead_status bead_matcher_query(bead_matcher *m, const bead_match_index *ix, const bead_doc *doc,
                               size_t exclude, bead_match_candidate **out, size_t *n,
                               bead_error *err)
{
    *out = NULL;
    *n = 0;
    if (!ix->finished)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the match index must be finished before it is queried");
    if (scratch(m, ix->ndocs))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (!m->kt && !(m->kt = bd_key_table_create()))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    key_table *kt = m->kt;
    if (m->ixid_hash != ix->keys_hash) {   /* another index: other ids */
        m->nixid = 0;
        m->ixid_hash = ix->keys_hash;
    }
    const char **langs = malloc((ix->ndlangs + 1) * sizeof *langs);
    match_dict **dicts = malloc((ix->ndlangs + 1) * sizeof *dicts);
    int failed = !langs || !dicts;
    size_t nl = 0, has_pivot = 0;
    for (size_t l = 0; !failed && l < ix->ndlangs; l++) {
        langs[nl] = ix->dlangs[l];
        has_pivot |= !strcmp(langs[nl], ix->pivot);
        dicts[nl] = dict_for(m, bead_doc_lang(doc), langs[nl], &failed);
        nl++;
    }
    /* The index holds its documents' words in the pivot language too:
     * translate there as well, unless a direct language is the pivot. */
    if (!failed && ix->pivot[0] && !has_pivot) {
        langs[nl] = ix->pivot;
        dicts[nl] = dict_for(m, bead_doc_lang(doc), ix->pivot, &failed);
        nl++;
    }
    match_key *keys = NULL;
    size_t nk = 0;
    bd_doc_features_free(&m->queried);
    if (failed || bd_doc_features_build(&m->queried, doc, m->tr, err) ||
        bd_match_doc_keys(doc, kt, m->tr, langs, dicts, nl, &m->queried, &keys, &nk, err)) {
        free(langs);
        free(dicts);
        if (failed)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return err ? err->status : BEAD_ERR_NOMEM;
    }
    free(langs);
    free(dicts);
    size_t df_limit = bd_match_df_limit(ix);
    double qnorm = 0;
    m->ntouched = 0;
    if (ix_ids(m)) {
        free(keys);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    /* The keys as the index's ids, in their order: the sums below then
     * do not depend on which documents this matcher queried before (its
     * key table's ids do), so that shards score as one run does. */
    size_t nq = 0;
    for (size_t k = 0; k < nk; k++) {
        int64_t id = m->ixid[keys[k].id];
        if (id == -2) {
            const char *s = bd_key_table_key(kt, keys[k].id);
            id = m->ixid[keys[k].id] = bd_key_table_find(ix->kt, s, strlen(s));
        }
        if (id >= 0 && (size_t)id < ix->nkeys)
            keys[nq++] = (match_key){(uint32_t)id, keys[k].tf};
    }
    /* The index ids are distinct, as the key strings are: nothing merges. */
    if (bd_match_keys_sort(keys, nq) == SIZE_MAX) {
        free(keys);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    for (size_t k = 0; k < nq; k++) {
        uint32_t key = keys[k].id;
        size_t lo = ix->post_off[key], hi = ix->post_off[key + 1];
        if (hi - lo > df_limit)
            continue;
        double qw = bd_match_weight(ix, key, keys[k].tf);
        qnorm += qw * qw;
        for (size_t p = lo; p < hi; p++) {
            uint32_t d = ix->post_doc[p];
            if (d == exclude)
                continue;
            if (m->shared[d] == 0)
                m->touched[m->ntouched++] = d;
            m->shared[d]++;
            m->acc[d] += qw * bd_match_weight(ix, key, ix->post_tf[p]);
        }
    }
    free(keys);
    qnorm = sqrt(qnorm);
    bead_match_candidate *c = calloc(m->ntouched ? m->ntouched : 1, sizeof *c);
    if (!c) {
        for (size_t t = 0; t < m->ntouched; t++)
            m->acc[m->touched[t]] = 0, m->shared[m->touched[t]] = 0;
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    for (size_t t = 0; t < m->ntouched; t++) {
        uint32_t d = m->touched[t];
        double denom = qnorm * ix->norm[d];
        c[t].b = d;
        c[t].index_score = denom > 0 ? m->acc[d] / denom : 0;
        c[t].shared = m->shared[d];
        c[t].verdict = BEAD_VERDICT_NONE;
        m->acc[d] = 0;
        m->shared[d] = 0;
    }
    qsort(c, m->ntouched, sizeof *c, by_index_score);
    /* Keep the best few of each language, in order. */
    size_t kept = 0;
    size_t *per = calloc(ix->ndlangs ? ix->ndlangs : 1, sizeof *per);
    if (!per) {
        free(c);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    for (size_t t = 0; t < m->ntouched; t++) {
        size_t l = 0;
        while (l + 1 < ix->ndlangs && strcmp(ix->dlangs[l], ix->langs[c[t].b]))
            l++;
        if (per[l] >= m->opt.candidates)
            continue;
        c[t].rank = per[l]++;
        c[kept++] = c[t];
    }
    free(per);
    *n = kept;
    *out = c;
    return BEAD_OK;
}

/* The one place a candidate pair is judged. */
static bead_status match_verify(bead_matcher *m, const bead_doc *a, const bead_doc *b,
                                bead_match_candidate *c, bead_error *err)
{
    bead_alignment *al = NULL;
    bead_status s = bd_align_decide(m->aligner, &m->aopt, a, b, &m->queried, NULL, &al, NULL, err);
    if (s != BEAD_OK)
        return s;
    c->verified = 1;
    c->verdict = bead_alignment_verdict(al);
    c->coverage = bead_alignment_coverage(al);
    double mean = bead_alignment_verdict_mean(al);
    c->mean_score = mean >= 0 ? mean : bead_alignment_mean_score(al);
    bead_alignment_free(al);
    return BEAD_OK;
}

bead_status bead_matcher_verify(bead_matcher *m, const bead_doc *a, const bead_doc *b,
                                bead_match_candidate *c, bead_error *err)
{
    bead_status s = match_verify(m, a, b, c, err);
    if (s != BEAD_OK)
        return s;
    /* The index says which pair is likeliest among many, the alignment
     * whether this one translates: a pair needs both. */
    c->score = sqrt(c->index_score * c->coverage);
    return BEAD_OK;
}
