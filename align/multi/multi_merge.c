/* Joining pairwise alignments against a pivot into N-version units.
 *
 * The rule. Every pivot pair (pivot, v) cuts the pivot's sentences into
 * bead ranges. A unit boundary sits between two pivot sentences only where
 * every pair cuts there, so that no pairwise bead is ever split: units are
 * the coarsest pivot spans that all pairs agree on. A unit holds, for every
 * version v, the sentences of all v-beads inside its pivot span (including
 * v sentences that were 0-1 against the pivot but fell inside the span). A
 * v-bead with no pivot sentence that sits exactly on a unit boundary (0-1
 * against the pivot) becomes a unit of its own, with only v's text. So the
 * units cover every sentence of every version, in order.
 *
 * The score of a unit is the lowest score among the pairwise beads it was
 * made of that have text on both sides (how sure we are that all of its
 * texts match); a unit made only of deletions takes the lowest score of
 * those 1-0 / 0-1 beads. Anchor labels of all its beads are carried over. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/multi/multi_internal.h"

/* One pairwise bead seen from the pivot: pivot range, other range. */
typedef struct pbead {
    size_t pb, pc, vb, vc;
    double score;
    size_t src_unit;   /* unit in the pair alignment, or SIZE_MAX if synthetic */
} pbead;

typedef struct pside {
    const bead_alignment *al;
    pbead *beads;
    size_t n, next;
    size_t vpos;       /* next sentence of v not yet placed */
} pside;

static bead_status load_side(pside *s, const bead_alignment *al, size_t pivot, size_t v,
                             size_t np, size_t nv, int alone, bead_error *err)
{
    memset(s, 0, sizeof *s);
    size_t cap = alone ? np + nv : bead_alignment_size(al);
    s->beads = calloc(cap ? cap : 1, sizeof *s->beads);
    if (!s->beads)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    s->al = alone ? NULL : al;
    if (alone) {
        /* Every pivot sentence unmatched, then every v sentence on its own. */
        for (size_t i = 0; i < np; i++)
            s->beads[s->n++] = (pbead){i, 1, 0, 0, 0.0, SIZE_MAX};
        for (size_t j = 0; j < nv; j++)
            s->beads[s->n++] = (pbead){np, 0, j, 1, 0.0, SIZE_MAX};
        return BEAD_OK;
    }
    size_t ps = pivot < v ? 0 : 1, vs = 1 - ps;
    size_t pexp = 0, vexp = 0;
    for (size_t i = 0; i < cap; i++) {
        pbead b;
        bead_alignment_range(al, i, ps, &b.pb, &b.pc);
        bead_alignment_range(al, i, vs, &b.vb, &b.vc);
        if ((b.pc && b.pb != pexp) || (b.vc && b.vb != vexp) || (b.pc == 0 && b.vc == 0))
            goto not_covering;
        /* Empty ranges take the running position, whatever begin says. */
        b.pb = pexp;
        b.vb = vexp;
        pexp += b.pc;
        vexp += b.vc;
        b.score = bead_alignment_score(al, i);
        b.src_unit = i;
        s->beads[s->n++] = b;
    }
    if (pexp != np || vexp != nv)
        goto not_covering;
    return BEAD_OK;
not_covering:
    free(s->beads);
    s->beads = NULL;
    return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                          "the alignment of versions %zu and %zu does not cover both "
                          "documents in order, so it cannot be merged",
                          pivot < v ? pivot : v, pivot < v ? v : pivot);
}

typedef struct unit_acc {
    size_t *begin, *count;
    double best_pair, best_del;   /* minima; 2 means none yet */
    const bead_alignment **anchor_al;
    size_t *anchor_unit;
    size_t nanchor_src, anchor_cap;
} unit_acc;

static void acc_reset(unit_acc *u, size_t n, const pside *sides, size_t pivot, size_t ppos)
{
    for (size_t v = 0; v < n; v++) {
        u->begin[v] = v == pivot ? ppos : sides[v].vpos;
        u->count[v] = 0;
    }
    u->best_pair = 2;
    u->best_del = 2;
    u->nanchor_src = 0;
}

static bead_status acc_bead(unit_acc *u, const pside *s, const pbead *b, bead_error *err)
{
    if (b->pc && b->vc) {
        if (b->score < u->best_pair)
            u->best_pair = b->score;
    } else if (b->score < u->best_del) {
        u->best_del = b->score;
    }
    if (s->al && b->src_unit != SIZE_MAX && bead_alignment_anchor_count(s->al, b->src_unit)) {
        /* Two arrays of one capacity: each grows from the same count. */
        size_t cap_al = u->anchor_cap, cap_unit = u->anchor_cap;
        if (array_grow((void **)&u->anchor_al, &cap_al, u->nanchor_src + 1,
                       sizeof *u->anchor_al, 16) ||
            array_grow((void **)&u->anchor_unit, &cap_unit, u->nanchor_src + 1,
                       sizeof *u->anchor_unit, 16))
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        u->anchor_cap = cap_al;
        u->anchor_al[u->nanchor_src] = s->al;
        u->anchor_unit[u->nanchor_src++] = b->src_unit;
    }
    return BEAD_OK;
}

static int label_seen(const bead_alignment *out, size_t unit, const char *label)
{
    size_t k = bead_alignment_anchor_count(out, unit);
    for (size_t i = 0; i < k; i++)
        if (!strcmp(bead_alignment_anchor(out, unit, i), label))
            return 1;
    return 0;
}

static bead_status acc_emit(unit_acc *u, bead_alignment *out, bead_error *err)
{
    double score = u->best_pair <= 1 ? u->best_pair : u->best_del <= 1 ? u->best_del : 0;
    bead_status s = bead_alignment_append(out, u->begin, u->count, score, err);
    size_t idx = bead_alignment_size(out) - 1;
    for (size_t k = 0; s == BEAD_OK && k < u->nanchor_src; k++) {
        size_t na = bead_alignment_anchor_count(u->anchor_al[k], u->anchor_unit[k]);
        for (size_t a = 0; s == BEAD_OK && a < na; a++) {
            const char *label = bead_alignment_anchor(u->anchor_al[k], u->anchor_unit[k], a);
            if (!label_seen(out, idx, label))
                s = bead_alignment_add_anchor(out, idx, label, err);
        }
    }
    return s;
}

bead_status bd_multi_merge(const bead_alignment *const *pairs, size_t n, size_t pivot,
                             const size_t *sizes, const int *alone, bead_alignment **out,
                             bead_error *err)
{
    *out = NULL;
    if (n < 2 || pivot >= n)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "merging needs two or more versions and a pivot among them");
    size_t np = sizes[pivot];
    pside *sides = calloc(n, sizeof *sides);
    char *cut = malloc(np + 1);   /* cut[k]: every pair has a boundary before pivot k */
    unit_acc u = {0};
    u.begin = calloc(n, sizeof *u.begin);
    u.count = calloc(n, sizeof *u.count);
    bead_alignment *al = NULL;
    bead_status s = BEAD_OK;
    if (!sides || !cut || !u.begin || !u.count) {
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        goto done;
    }
    memset(cut, 1, np + 1);
    for (size_t v = 0; v < n && s == BEAD_OK; v++) {
        if (v == pivot)
            continue;
        s = load_side(&sides[v], pairs[bead_pair_index(pivot, v, n)], pivot, v, np, sizes[v],
                      alone && alone[v], err);
        for (size_t i = 0; s == BEAD_OK && i < sides[v].n; i++)
            for (size_t k = sides[v].beads[i].pb + 1;
                 k < sides[v].beads[i].pb + sides[v].beads[i].pc; k++)
                cut[k] = 0;
    }
    if (s == BEAD_OK)
        s = bead_alignment_create(&al, n, err);
    for (size_t k = 0; s == BEAD_OK && k <= np;) {
        /* 0-x beads standing on this boundary: a unit each. */
        for (size_t v = 0; s == BEAD_OK && v < n; v++) {
            if (v == pivot)
                continue;
            pside *sd = &sides[v];
            while (s == BEAD_OK && sd->next < sd->n && sd->beads[sd->next].pc == 0 &&
                   sd->beads[sd->next].pb == k) {
                const pbead *b = &sd->beads[sd->next++];
                acc_reset(&u, n, sides, pivot, k);
                u.count[v] = b->vc;
                sd->vpos += b->vc;
                s = acc_bead(&u, sd, b, err);
                if (s == BEAD_OK)
                    s = acc_emit(&u, al, err);
            }
        }
        if (s != BEAD_OK || k == np)
            break;
        size_t end = k + 1;
        while (!cut[end])
            end++;
        acc_reset(&u, n, sides, pivot, k);
        u.count[pivot] = end - k;
        for (size_t v = 0; s == BEAD_OK && v < n; v++) {
            if (v == pivot)
                continue;
            pside *sd = &sides[v];
            while (s == BEAD_OK && sd->next < sd->n &&
                   (sd->beads[sd->next].pb < end && (sd->beads[sd->next].pc > 0 ||
                                                     sd->beads[sd->next].pb > k))) {
                const pbead *b = &sd->beads[sd->next++];
                u.count[v] += b->vc;
                sd->vpos += b->vc;
                s = acc_bead(&u, sd, b, err);
            }
        }
        if (s == BEAD_OK)
            s = acc_emit(&u, al, err);
        k = end;
    }
done:
    if (sides)
        for (size_t v = 0; v < n; v++)
            free(sides[v].beads);
    free(sides);
    free(cut);
    free(u.begin);
    free(u.count);
    free(u.anchor_al);
    free(u.anchor_unit);
    if (s != BEAD_OK) {
        bead_alignment_free(al);
        return s;
    }
    *out = al;
    return BEAD_OK;
}

/* ------------------------------------------------------------ mined pairs */

typedef struct mpair {
    size_t i, j;
    double score;
    size_t unit;
} mpair;

static int cmp_mpair(const void *a, const void *b)
{
    const mpair *x = a, *y = b;
    if (x->i != y->i)
        return x->i < y->i ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

bead_status bd_mined_to_covering(const bead_alignment *mined, size_t nsrc, size_t ntrg,
                                   bead_alignment **out, bead_error *err)
{
    *out = NULL;
    size_t m = bead_alignment_size(mined);
    mpair *p = calloc(m ? m : 1, sizeof *p);
    size_t *fw = malloc((ntrg + 1) * sizeof *fw);   /* Fenwick: best chain end by j */
    double *chain = calloc(m ? m : 1, sizeof *chain);
    size_t *prev = calloc(m ? m : 1, sizeof *prev);
    char *keep = calloc(m ? m : 1, 1);
    bead_alignment *al = NULL;
    bead_status s = BEAD_OK;
    if (!p || !fw || !chain || !prev || !keep) {
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        goto done;
    }
    size_t np = 0;
    for (size_t u = 0; u < m; u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(mined, u, 0, &b0, &c0);
        bead_alignment_range(mined, u, 1, &b1, &c1);
        if (c0 != 1 || c1 != 1 || b0 >= nsrc || b1 >= ntrg)
            continue;
        p[np++] = (mpair){b0, b1, bead_alignment_score(mined, u), u};
    }
    qsort(p, np, sizeof *p, cmp_mpair);
    for (size_t x = 0; x <= ntrg; x++)
        fw[x] = SIZE_MAX;
    /* The chain increasing in both i and j with the highest total score:
     * a prefix-maximum Fenwick tree over j. Pairs sharing i are sorted by j;
     * all of a group query before any of it updates, so that one source
     * sentence is used at most once. */
    for (size_t g = 0; g < np;) {
        size_t h = g;
        while (h < np && p[h].i == p[g].i)
            h++;
        for (size_t t = g; t < h; t++) {
            double bestw = 0;
            size_t from = SIZE_MAX;
            for (size_t x = p[t].j; x > 0; x -= x & (~x + 1))   /* j' < j */
                if (fw[x] != SIZE_MAX && chain[fw[x]] > bestw) {
                    bestw = chain[fw[x]];
                    from = fw[x];
                }
            chain[t] = bestw + p[t].score + 1e-9;   /* ties: the longer chain */
            prev[t] = from;
        }
        for (size_t t = g; t < h; t++)
            for (size_t x = p[t].j + 1; x <= ntrg; x += x & (~x + 1))
                if (fw[x] == SIZE_MAX || chain[fw[x]] < chain[t])
                    fw[x] = t;
        g = h;
    }
    size_t best = SIZE_MAX;
    for (size_t t = 0; t < np; t++)
        if (best == SIZE_MAX || chain[t] > chain[best])
            best = t;
    for (size_t t = best; t != SIZE_MAX; t = prev[t])
        keep[t] = 1;
    s = bead_alignment_create(&al, 2, err);
    size_t si = 0, tj = 0;
    for (size_t t = 0; s == BEAD_OK && t <= np; t++) {
        if (t < np && !keep[t])
            continue;
        size_t ui = t < np ? p[t].i : nsrc, uj = t < np ? p[t].j : ntrg;
        for (; s == BEAD_OK && si < ui; si++) {
            size_t b[2] = {si, tj}, c[2] = {1, 0};
            s = bead_alignment_append(al, b, c, 0.0, err);
        }
        for (; s == BEAD_OK && tj < uj; tj++) {
            size_t b[2] = {si, tj}, c[2] = {0, 1};
            s = bead_alignment_append(al, b, c, 0.0, err);
        }
        if (s == BEAD_OK && t < np) {
            size_t b[2] = {si, tj}, c[2] = {1, 1};
            s = bead_alignment_append(al, b, c, p[t].score, err);
            size_t idx = bead_alignment_size(al) - 1;
            for (size_t a = 0; s == BEAD_OK && a < bead_alignment_anchor_count(mined, p[t].unit); a++)
                s = bead_alignment_add_anchor(al, idx, bead_alignment_anchor(mined, p[t].unit, a),
                                              err);
            si++;
            tj++;
        }
    }
done:
    free(p);
    free(fw);
    free(chain);
    free(prev);
    free(keep);
    if (s != BEAD_OK) {
        bead_alignment_free(al);
        return s;
    }
    *out = al;
    return BEAD_OK;
}
