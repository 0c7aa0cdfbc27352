/* The assignment: at most one parallel counterpart per document. Greedy by
 * score over the verified parallel pairs: the best pair left is mutual best
 * among what is left, so every pair taken is the best either document can
 * still have. Only the pairs handed in take part, which is what makes a
 * merge of shards give the same result as one run. */
#include <stdlib.h>

#include "align/match/match_internal.h"

typedef struct ranked {
    size_t i;
    double score;
    size_t a, b;
} ranked;

static int by_score(const void *x, const void *y)
{
    const ranked *p = x, *q = y;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

void bead_match_assign(bead_match_pair *pairs, size_t n, double min_score, int same_side)
{
    ranked *r = malloc((n ? n : 1) * sizeof *r);
    size_t maxid = 0;
    for (size_t i = 0; i < n; i++) {
        pairs[i].result = BEAD_VERDICT_NONE;
        size_t hi = pairs[i].a > pairs[i].b ? pairs[i].a : pairs[i].b;
        if (hi + 1 > maxid)
            maxid = hi + 1;
    }
    /* taken[0] for a ids, taken[1] for b ids (the same array when both
     * sides are one collection). */
    unsigned char *ta = calloc(maxid ? maxid : 1, 1);
    unsigned char *tb = same_side ? ta : calloc(maxid ? maxid : 1, 1);
    if (!r || !ta || !tb) {
        /* No memory for the ranking: nothing is assigned, which the caller
         * sees as no pairs rather than as wrong ones. */
        free(r);
        free(ta);
        if (!same_side)
            free(tb);
        return;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const bead_match_candidate *c = &pairs[i].c;
        if (!c->verified || c->score < min_score)
            continue;
        if (c->verdict == BEAD_VERDICT_COMPARABLE) {
            pairs[i].result = BEAD_VERDICT_COMPARABLE;
            continue;
        }
        if (c->verdict != BEAD_VERDICT_PARALLEL)
            continue;
        size_t a = pairs[i].a, b = pairs[i].b;
        if (same_side && a > b) {
            size_t t = a;
            a = b;
            b = t;
        }
        r[m++] = (ranked){i, c->score, a, b};
    }
    if (m)   /* qsort wants a non-NULL array, even for none */
        qsort(r, m, sizeof *r, by_score);
    for (size_t k = 0; k < m; k++) {
        if (ta[r[k].a] || tb[r[k].b])
            continue;
        ta[r[k].a] = 1;
        tb[r[k].b] = 1;
        pairs[r[k].i].result = BEAD_VERDICT_PARALLEL;
    }
    free(r);
    free(ta);
    if (!same_side)
        free(tb);
}
