/* lexicon_learn.c: a lexicon learned from the documents themselves, the way
 * hunalign bootstraps when it has no dictionary, only cheaper: take the
 * confident 1-1 beads of a first alignment, count in how many of them each
 * source word, each target word and each pair of them occur, and keep the
 * pairs whose Dice coefficient 2 c(s,t) / (c(s) + c(t)) is high. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"

/* Words in more than this share of the beads (and in more than STOP_MIN
 * beads, for short texts) are function words: they co-occur with
 * everything and anchor nothing. */
#define STOP_SHARE 0.10
#define STOP_MIN 5
#define MIN_PAIR_COUNT 2          /* c(s,t) >= 2: once is chance */
#define MIN_DICE 0.30
#define KEEP_PER_SOURCE 3         /* best target words kept per source word */
#define MAX_UNITS 50000           /* more beads add little; bounds memory */

typedef struct side_keys {
    lex_word_cache cache;         /* key ids are the cache's */
    lex_ids ids;                  /* per unit, sorted and unique */
    size_t *start;                /* nunits + 1 */
    uint32_t *df;                 /* by id: units containing it */
    size_t df_cap;
} side_keys;

static void side_free(side_keys *s)
{
    bd_lex_word_cache_free(&s->cache);
    free(s->ids.v);
    free(s->start);
    free(s->df);
}

/* Keys of one sentence appended as a sorted, unique run; counts df. */
static int side_add(side_keys *s, const char *text, size_t len)
{
    size_t from = s->ids.n;
    if (bd_lex_word_cache_keys(&s->cache, text, len, &s->ids) != 0)
        return -1;
    uint32_t *ids = s->ids.v;
    if (s->ids.n > from)   /* ids is NULL until a sentence has a key */
        bd_ids_sort(ids + from, s->ids.n - from);
    size_t u = from;
    for (size_t i = from; i < s->ids.n; i++)
        if (u == from || ids[i] != ids[u - 1])
            ids[u++] = ids[i];
    s->ids.n = u;
    size_t nkeys = s->cache.keys.n;
    size_t old = s->df_cap;
    if (array_grow((void **)&s->df, &s->df_cap, nkeys + 1, sizeof *s->df, 4096))
        return -1;
    memset(s->df + old, 0, (s->df_cap - old) * sizeof *s->df);
    for (size_t i = from; i < s->ids.n; i++)
        s->df[ids[i]]++;
    return 0;
}

typedef struct candidate {
    uint32_t s, t, count;
    double dice;
} candidate;

static int cmp_candidate(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->dice != y->dice)
        return x->dice > y->dice ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->t < y->t ? -1 : x->t > y->t;
}

bead_status bead_lexicon_learn(bead_lexicon *lex, const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *al, double min_score, size_t *learned,
                               bead_error *err)
{
    if (learned)
        *learned = 0;
    if (!lex || !src || !trg || !al)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_lexicon_learn: NULL argument");
    if (bead_alignment_nversions(al) != 2)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_lexicon_learn needs a pairwise alignment, not %zu versions",
                              bead_alignment_nversions(al));
    /* The confident 1-1 beads, evenly thinned to MAX_UNITS. */
    size_t nal = bead_alignment_size(al), nunits = 0;
    for (size_t i = 0; i < nal; i++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, i, 0, &b0, &c0);
        bead_alignment_range(al, i, 1, &b1, &c1);
        nunits += c0 == 1 && c1 == 1 && bead_alignment_score(al, i) >= min_score;
    }
    size_t stride = nunits > MAX_UNITS ? (nunits + MAX_UNITS - 1) / MAX_UNITS : 1;
    side_keys S, T;
    memset(&S, 0, sizeof S);
    memset(&T, 0, sizeof T);
    bd_lex_word_cache_init(&S.cache, bead_lexicon_src_lang(lex));
    bd_lex_word_cache_init(&T.cache, bead_lexicon_trg_lang(lex));
    lex_pairs co;
    memset(&co, 0, sizeof co);
    candidate *cand = NULL;
    bead_status st = BEAD_OK;
    size_t cap_units = nunits / stride + 2, u = 0, seen = 0;
    S.start = malloc(cap_units * sizeof *S.start);
    T.start = malloc(cap_units * sizeof *T.start);
    if (!S.start || !T.start)
        goto nomem;
    for (size_t i = 0; i < nal && u + 1 < cap_units; i++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, i, 0, &b0, &c0);
        bead_alignment_range(al, i, 1, &b1, &c1);
        if (!(c0 == 1 && c1 == 1 && bead_alignment_score(al, i) >= min_score))
            continue;
        if (seen++ % stride != 0)
            continue;
        if (b0 >= bead_doc_size(src) || b1 >= bead_doc_size(trg)) {
            st = bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                "bead_lexicon_learn: unit %zu lies outside the documents", i);
            goto done;
        }
        size_t sl, tl;
        const char *stext = bead_doc_text(src, b0, &sl);
        const char *ttext = bead_doc_text(trg, b1, &tl);
        S.start[u] = S.ids.n;
        T.start[u] = T.ids.n;
        if (side_add(&S, stext, sl) != 0 || side_add(&T, ttext, tl) != 0)
            goto nomem;
        u++;
    }
    S.start[u] = S.ids.n;
    T.start[u] = T.ids.n;
    nunits = u;
    if (nunits < MIN_PAIR_COUNT)
        goto done;
    /* Count pairs of content words: not stop words, not seen only once
     * (a hapax can never reach MIN_PAIR_COUNT). */
    double stop = STOP_SHARE * (double)nunits;
    if (stop < STOP_MIN)
        stop = STOP_MIN;
    for (size_t k = 0; k < nunits; k++)
        for (size_t a = S.start[k]; a < S.start[k + 1]; a++) {
            uint32_t s = S.ids.v[a];
            if (S.df[s] < MIN_PAIR_COUNT || S.df[s] > stop)
                continue;
            for (size_t b = T.start[k]; b < T.start[k + 1]; b++) {
                uint32_t t = T.ids.v[b];
                if (T.df[t] < MIN_PAIR_COUNT || T.df[t] > stop)
                    continue;
                if (bd_lex_pairs_add(&co, s, t, 1) < 0)
                    goto nomem;
            }
        }
    size_t ncand = 0;
    cand = malloc((co.n ? co.n : 1) * sizeof *cand);
    if (!cand)
        goto nomem;
    for (size_t i = 0; co.keys && i <= co.mask; i++) {
        if (!co.keys[i] || co.counts[i] < MIN_PAIR_COUNT)
            continue;
        uint32_t s = (uint32_t)(co.keys[i] >> 32), t = (uint32_t)co.keys[i];
        double dice = 2.0 * co.counts[i] / (double)(S.df[s] + T.df[t]);
        if (dice >= MIN_DICE)
            cand[ncand++] = (candidate){s, t, co.counts[i], dice};
    }
    qsort(cand, ncand, sizeof *cand, cmp_candidate);
    size_t added = 0, kept = 0;
    for (size_t i = 0; i < ncand; i++) {
        kept = i > 0 && cand[i].s == cand[i - 1].s ? kept + 1 : 1;
        if (kept > KEEP_PER_SOURCE)
            continue;
        size_t sl, tl;
        const char *sk = bd_lex_word_cache_key(&S.cache, cand[i].s, &sl);
        const char *tk = bd_lex_word_cache_key(&T.cache, cand[i].t, &tl);
        int r = bd_lex_add_keys(lex, sk, sl, tk, tl);
        if (r < 0)
            goto nomem;
        added += (size_t)r;
    }
    if (learned)
        *learned = added;
    goto done;
nomem:
    st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory learning a lexicon");
done:
    free(cand);
    bd_lex_pairs_free(&co);
    side_free(&S);
    side_free(&T);
    return st;
}
