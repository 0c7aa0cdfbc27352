/* Exact dynamic programming inside a band: the Viterbi path (one byte of
 * backpointer per cell) and forward-backward posteriors of its beads.
 *
 * Rows are source prefix lengths i = 0..n, columns target prefix lengths j.
 * A bead of type t = (a,b) ending at (i,j) covers source sentences i-a..i-1
 * and target sentences j-b..j-1. Scores are stored as floats relative to a
 * per-row base kept in double, so that sums over 100,000 beads keep their
 * precision in 4 bytes a cell.
 *
 * Memory per cell: the backpointer (1 byte); when posteriors are wanted, the
 * forward score (4) and the match weights (4 + 4, given by the caller or
 * computed here). Viterbi and backward scores, and the match weights of a
 * Viterbi-only run, are needed only RING rows back, so they live in rings of
 * rows. A bead takes up to 4 sentences of a side, and RING = 4 is enough:
 * a row's scores enter the ring (store_row) only once the row is done, so
 * while row i is computed the slot it will take still holds row i - 4; its
 * match weights are filled first, but a bead ending on row i reads them on
 * rows i - 3 to i only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/pair/pair.h"
#include "core/deadline.h"

/* Tables instead of erfc, exp and log1p in the inner loop: steps of 1/64,
 * linear interpolation (error below 1e-4 nats). */
#define TAB_STEP 64.0
#define LC_N DP_LC_N          /* |delta| up to 20 */
#define LA_N DP_LA_N          /* log1p(exp(-d)) for d up to 40 */

typedef struct dp_ctx {
    float lc_tab[LC_N + 1];
    float la_tab[LA_N + 1];
    const band *b;
    const sent_features *src, *trg;
    const align_model *m;
    const float *match;     /* pair match of sentences (i-1, j-1) at cell (i,j) */
    const float *negmatch;  /* their shared unmatched-weights */
    float *match_ring;      /* or, when match is NULL, the same for RING rows */
    float *negmatch_ring;
    size_t maxw;
    const float *extra;     /* m->extra_match */
    double *neg_src, *neg_trg; /* prefix sums of unmatched-weights */
    double *del_src, *del_trg; /* cost of deleting each sentence */
    /* Prefix sums of the sentences marks (NULL when the features have
     * none), so that a bead counts them in O(1): long and short repeats,
     * and glued boundaries (glue[k]: between k-1 and k). */
    int32_t *rl_src, *rs_src, *rl_trg, *rs_trg, *gl_src, *gl_trg;
    int types[BEAD_NTYPES];
    int ntypes;
    int type_slot[BEAD_NTYPES]; /* k with types[k] == t */
    int full;               /* the band is the whole matrix: every cell is in it */
    /* With m->near, beads of the types from slot nfar on (those of
     * BD_TYPES_NEAR, last in bead_type order) end only in it. */
    const band *near;
    int nfar;
} dp_ctx;

void bd_dp_tables_fill(dp_tables *t)
{
    for (int k = 0; k <= LC_N; k++)
        t->lc[k] = (float)-log(erfc(k / TAB_STEP / M_SQRT2));
    for (int k = 0; k <= LA_N; k++)
        t->la[k] = (float)log1p(exp(-k / TAB_STEP));
}

static void fill_tables(dp_ctx *x)
{
    dp_tables own;
    const dp_tables *t = x->m->tables;
    if (!t) {
        bd_dp_tables_fill(&own);
        t = &own;
    }
    memcpy(x->lc_tab, t->lc, sizeof x->lc_tab);
    memcpy(x->la_tab, t->la, sizeof x->la_tab);
}

static inline double tab_lookup(const float *tab, int n, double v)
{
    double pos = v * TAB_STEP;
    int k = (int)pos;
    if (k >= n)
        return tab[n];
    double f = pos - k;
    return tab[k] + f * (tab[k + 1] - tab[k]);
}

/* bd_model_length_cost through the table. */
static inline double length_cost(const dp_ctx *x, double l1, double l2, double c, double s2)
{
    double mean = (l1 + l2 / c) / 2;
    if (mean < 1)
        mean = 1;
    double delta = fabs(l2 - c * l1) / sqrt(s2 * mean);
    if (delta < 20)
        return tab_lookup(x->lc_tab, LC_N, delta);
    return bd_model_length_cost(l1, l2, c, s2);
}

#define RING 4

/* Bands of at most this many cells keep their bead costs between the
 * forward and backward passes (dp_setup): 4 MB with every type. */
#define COST_CACHE_CELLS 65536

/* Row r of a ring of RING rows of width maxw. */
static inline float *ring_row(float *ring, size_t maxw, int64_t r)
{
    return ring + (size_t)(r % RING) * maxw;
}

static inline int in_band(const band *b, int64_t i, int64_t j)
{
    return i >= 0 && i <= (int64_t)b->n && j >= b->lo[i] && j <= b->hi[i];
}

static inline size_t cell(const band *b, int64_t i, int64_t j)
{
    return (size_t)(b->off[i] + (j - b->lo[i]));
}

/* Where cell (i,j) lives in the rings of match weights. */
static inline size_t ring_cell(const dp_ctx *x, int64_t i, int64_t j)
{
    return (size_t)(i % RING) * x->maxw + (size_t)(j - x->b->lo[i]);
}

/* The match weight of cell (i,j), the pair of sentences (i-1, j-1), and in
 * *neg their shared unmatched-weights; 0 on row or column 0. */
static inline float cell_pair_match(const align_model *m, const sent_features *src,
                             const sent_features *trg, int64_t i, int64_t j, float *neg)
{
    *neg = 0.0f;
    return i > 0 && j > 0 ? bd_model_pair_match_neg(m, src, (size_t)i - 1, trg, (size_t)j - 1, neg)
                          : 0.0f;
}

/* Fills row i of the rings: the Viterbi-only rounds need match weights RING
 * rows back only, so they keep no per-cell arrays for them. */
static void fill_match_row(dp_ctx *x, int64_t i)
{
    float *mr = ring_row(x->match_ring, x->maxw, i);
    float *nr = ring_row(x->negmatch_ring, x->maxw, i);
    for (int64_t j = x->b->lo[i]; j <= x->b->hi[i]; j++) {
        size_t k = (size_t)(j - x->b->lo[i]);
        mr[k] = cell_pair_match(x->m, x->src, x->trg, i, j, &nr[k]);
    }
}

/* The terms of a bead's cost after its length term, added to cost in a fixed
 * order (so that a cost is the same double however it is reached). */
typedef struct cost_rest {
    double anchor;      /* capped anchor evidence, subtracted */
    double unmatched;   /* added when > 0 */
    int a, b;
} cost_rest;

static inline __attribute__((always_inline)) double add_rest(const dp_ctx *x, const cost_rest *r,
                                                             int64_t i, int64_t j, double cost)
{
    const align_model *m = x->m;
    int a = r->a, b = r->b;
    cost -= r->anchor;
    if (r->unmatched > 0)
        cost += m->neg_scale * r->unmatched < m->neg_cap ? m->neg_scale * r->unmatched : m->neg_cap;
    /* A repeat is likely page furniture with no counterpart, unless the
     * bead pairs it with a repeat of the other side: translated documents
     * repeat the same table cells ("word processor" / "Schreibprogramm")
     * in step. Only the repeats left unpaired pay; a short repeat pays
     * nothing but may pair with a long one ("N/A" / "Nicht verfügbar"). */
    int rs = 0, ss = 0, rt = 0, st = 0;
    if (x->rl_src) {
        rs = x->rl_src[i] - x->rl_src[i - a];
        ss = x->rs_src[i] - x->rs_src[i - a];
    }
    if (x->rl_trg) {
        rt = x->rl_trg[j] - x->rl_trg[j - b];
        st = x->rs_trg[j] - x->rs_trg[j - b];
    }
    int unpaired = rs > rt ? rs - rt - st : rt - rs - ss;
    if (unpaired > 0)
        cost += m->repeat_penalty * unpaired;
    if (x->src->paragraphs_informative && x->trg->paragraphs_informative) {
        for (int p = 1; p < a; p++)
            if (x->src->para_start[i - a + p])
                cost += m->para_penalty;
        for (int q = 1; q < b; q++)
            if (x->trg->para_start[j - b + q])
                cost += m->para_penalty;
        if (x->src->para_start[i - a] != x->trg->para_start[j - b])
            cost += 1.0;
    }
    return cost;
}

/* The type of a bead of a source and b target sentences (up to 4), or -1. */
static const signed char type_ab[5][5] = {
    {-1, BEAD_0_1, -1, -1, -1},
    {BEAD_1_0, BEAD_1_1, BEAD_1_2, BEAD_1_3, BEAD_1_4},
    {-1, BEAD_2_1, BEAD_2_2, BEAD_2_3, -1},
    {-1, BEAD_3_1, BEAD_3_2, -1, -1},
    {-1, BEAD_4_1, -1, -1, -1},
};

/* The prior cost of a bead of type t ending at (i,j) whose sentences include
 * pieces glued together (bd_glue_build): a splitter's cut is no N:M bead of
 * the translator's, so the bead counts as the type without its glued
 * boundaries, plus glue_join for each, when that is cheaper. A type the
 * user did not allow stays as dear as it was. */
static inline double glued_prior(const dp_ctx *x, int t, int64_t i, int64_t j, double prior)
{
    const align_model *m = x->m;
    int a = bd_type_src[t], b = bd_type_trg[t];
    int ga = x->gl_src[i] - x->gl_src[i - a + 1], gb = x->gl_trg[j] - x->gl_trg[j - b + 1];
    if (!(ga | gb) || !(m->allowed & (1u << t)))
        return prior;
    int rt = type_ab[a - ga][b - gb];
    if (rt < 0)
        return prior;
    double alt = m->cost_prior[rt] + m->glue_join * (ga + gb);
    return alt < prior ? alt : prior;
}

/* Cost of the bead of type t ending at (i,j); the caller checked its start
 * is in the band. When prev + the cost could not be below best, may return
 * any value that is not (the length term, the dearest part, is then left
 * out: it is never negative, and rounding is monotone, so the cost without
 * it is a lower bound of the same double computed with it). */
static inline __attribute__((always_inline)) double bead_cost_below(const dp_ctx *x, int t,
                                                                    int64_t i, int64_t j,
                                                                    double prev, double best)
{
    const align_model *m = x->m;
    int a = bd_type_src[t], b = bd_type_trg[t];
    if (a == 0 || b == 0)
        return a ? x->del_src[i - 1] : x->del_trg[j - 1];   /* no length term, no prior */
    cost_rest r = {0, 0, a, b};
    double prior = m->cost_prior[t];
    if (a + b >= 3 && x->gl_src)
        prior = glued_prior(x, t, i, j, prior);
    double anchor = 0, shared = 0;
    for (int p = 0; p < a; p++)
        for (int q = 0; q < b; q++)
            if (x->full || in_band(x->b, i - p, j - q)) {
                size_t c = cell(x->b, i - p, j - q);
                float mc, nc;
                if (x->match) {
                    mc = x->match[c];
                    nc = x->negmatch[c];
                } else {
                    size_t rc = ring_cell(x, i - p, j - q);
                    mc = x->match_ring[rc];
                    nc = x->negmatch_ring[rc];
                }
                if (x->extra)
                    mc += x->extra[c];
                anchor += mc;
                shared += nc;
            }
    anchor *= m->anchor_scale;
    r.anchor = anchor < m->anchor_cap ? anchor : m->anchor_cap;
    r.unmatched = x->neg_src[i] - x->neg_src[i - a] + x->neg_trg[j] - x->neg_trg[j - b] -
                  2 * shared;
    /* The terms after the length term, once: (prior + length) + rest is
     * never below prior + rest, so the latter is a lower bound. */
    double rest = add_rest(x, &r, i, j, 0.0);
    double lower = prior + rest;
    if (prev + lower >= best)
        return lower;
    double l1 = (double)(x->src->len_prefix[i] - x->src->len_prefix[i - a]);
    double l2 = (double)(x->trg->len_prefix[j] - x->trg->len_prefix[j - b]);
    return (prior + length_cost(x, l1, l2, m->c, m->s2)) + rest;
}

static inline __attribute__((always_inline)) double bead_cost(const dp_ctx *x, int t, int64_t i,
                                                              int64_t j)
{
    return bead_cost_below(x, t, i, j, 0, INFINITY);
}

static inline double log_add(const dp_ctx *c, double x, double y)
{
    if (x == -INFINITY)
        return y;
    if (y == -INFINITY)
        return x;
    if (x < y) {
        double t = x;
        x = y;
        y = t;
    }
    double d = x - y;
    return d >= LA_N / TAB_STEP ? x : x + tab_lookup(c->la_tab, LA_N, d);
}

/* Stores a row of doubles as floats relative to the row's best finite value. */
static double store_row(float *dst, const double *row, size_t w, int maximise)
{
    double base = 0;
    int any = 0;
    for (size_t k = 0; k < w; k++) {
        if (!isfinite(row[k]))
            continue;
        if (!any || (maximise ? row[k] > base : row[k] < base))
            base = row[k];
        any = 1;
    }
    for (size_t k = 0; k < w; k++)
        dst[k] = isfinite(row[k]) ? (float)(row[k] - base) : (float)row[k];
    return base;
}

/* The arrays of the passes, beside the cost context. */
typedef struct dp_work {
    float *own_match, *own_negmatch; /* bd_dp_cell_match's, when computed here */
    float *vb;              /* RING rows of Viterbi scores, later of backward scores */
    float *fw;              /* forward scores by cell; NULL for a Viterbi-only run */
    double *costs;          /* bead costs by cell and type slot, kept from the
                               forward pass for the backward one (NAN: not
                               computed); NULL for a large band */
    unsigned char *bp;      /* backpointer by cell: the type of the best bead ending there */
    double *vbase, *fbase;  /* row bases of vb and fw */
    double *rowv, *rowf;    /* the row being computed, in double */
} dp_work;

/* The cost of deleting each sentence of f. A sentence with no counterpart
 * is a whole sentence the translator left out (or noise); a piece glued to
 * its neighbour (bd_glue_build) is not: its translation is inside the
 * neighbour's, so deleting it costs more. (Charging a deleted sentence's
 * numbers and names as unmatched, as a bead that misses them is charged,
 * was measured and lost: Text+Berg 0.818 -> 0.801.) */
static void deletion_costs(double *del, const sent_features *f, const align_model *m)
{
    for (size_t k = 0; k < f->n; k++) {
        double c = m->del_cost;
        if (f->glue && (f->glue[k] || (k + 1 < f->n && f->glue[k + 1])))
            c += m->glue_del;
        del[k] = c;
    }
}

/* *sums gets the prefix sums of (marks[k] == value), k < n. */
static int mark_sums(int32_t **sums, const unsigned char *marks, unsigned char value, size_t n)
{
    int32_t *s = malloc((n + 1) * sizeof *s);
    *sums = s;
    if (!s)
        return -1;
    s[0] = 0;
    for (size_t k = 0; k < n; k++)
        s[k + 1] = s[k] + (marks[k] == value);
    return 0;
}

/* Allocation, and the prefix sums of unmatched-weights. -1 when out of
 * memory; *w can then be freed by dp_work_free all the same. */
static int dp_setup(dp_ctx *xp, dp_work *w, const band *b, const sent_features *src,
                    const sent_features *trg, const align_model *m, int want_posteriors)
{
    memset(w, 0, sizeof *w);
    size_t ncells = (size_t)b->off[b->n + 1];
    size_t maxw = 0;
    for (size_t i = 0; i <= b->n; i++) {
        size_t wi = (size_t)(b->hi[i] - b->lo[i] + 1);
        if (wi > maxw)
            maxw = wi;
    }
    memset(xp, 0, sizeof *xp);
    xp->b = b;
    xp->src = src;
    xp->trg = trg;
    xp->m = m;
    fill_tables(xp);
    for (int t = 0; t < BEAD_NTYPES; t++)
        if ((m->allowed & (1u << t)) || t == BEAD_1_0 || t == BEAD_0_1) {
            xp->nfar += !(BD_TYPES_NEAR & (1u << t));
            xp->type_slot[t] = xp->ntypes;
            xp->types[xp->ntypes++] = t;
        }
    xp->near = m->near;
    if (!xp->near)
        xp->nfar = xp->ntypes;
    xp->maxw = maxw;
    xp->full = bd_band_is_full(b);
    int matched = 0;
    if (m->cell_match) {
        xp->match = m->cell_match;
        xp->negmatch = m->cell_negmatch;
    } else if (want_posteriors) {
        /* The backward pass and the posteriors look anywhere. */
        matched = bd_dp_cell_match(b, src, trg, m, &w->own_match, &w->own_negmatch);
        xp->match = w->own_match;
        xp->negmatch = w->own_negmatch;
    } else {
        xp->match_ring = malloc(RING * maxw * sizeof *xp->match_ring);
        xp->negmatch_ring = malloc(RING * maxw * sizeof *xp->negmatch_ring);
        matched = !xp->match_ring || !xp->negmatch_ring;
    }
    xp->extra = m->extra_match;
    xp->neg_src = malloc((b->n + 1) * sizeof *xp->neg_src);
    xp->neg_trg = malloc((b->m + 1) * sizeof *xp->neg_trg);
    xp->del_src = malloc((b->n + 1) * sizeof *xp->del_src);
    xp->del_trg = malloc((b->m + 1) * sizeof *xp->del_trg);
    w->vb = malloc(RING * maxw * sizeof *w->vb);
    w->fw = want_posteriors ? malloc(ncells * sizeof *w->fw) : NULL;
    /* The backward pass needs the cost of every bead again, and computing
     * one is most of a cell's work. A small band (a verification of two
     * chapters, a short pair: where the per-pair work is what counts) keeps
     * them; a large one would need 8 doubles a cell, six times what the
     * DP holds, so it computes them again. Optional: NULL just recomputes. */
    if (want_posteriors && ncells <= COST_CACHE_CELLS) {
        size_t nc = ncells * (size_t)xp->ntypes;
        w->costs = malloc((nc ? nc : 1) * sizeof *w->costs);
        for (size_t k = 0; w->costs && k < nc; k++)
            w->costs[k] = NAN;
    }
    w->bp = malloc(ncells);
    w->vbase = malloc((b->n + 1) * sizeof *w->vbase);
    w->fbase = malloc((b->n + 1) * sizeof *w->fbase);
    w->rowv = malloc(maxw * sizeof *w->rowv);
    w->rowf = malloc(maxw * sizeof *w->rowf);
    if (matched || !xp->neg_src || !xp->neg_trg || !xp->del_src || !xp->del_trg || !w->vb || (want_posteriors && !w->fw) ||
        !w->bp || !w->vbase || !w->fbase || !w->rowv || !w->rowf)
        return -1;
    xp->neg_src[0] = xp->neg_trg[0] = 0;
    for (size_t i = 0; i < b->n; i++)
        xp->neg_src[i + 1] = xp->neg_src[i] + bd_model_unmatched_weight(m, src, i);
    for (size_t j = 0; j < b->m; j++)
        xp->neg_trg[j + 1] = xp->neg_trg[j] + bd_model_unmatched_weight(m, trg, j);
    deletion_costs(xp->del_src, src, m);
    deletion_costs(xp->del_trg, trg, m);
    if (src->repeat && (mark_sums(&xp->rl_src, src->repeat, REPEAT_LONG, src->n) ||
                        mark_sums(&xp->rs_src, src->repeat, REPEAT_SHORT, src->n)))
        return -1;
    if (trg->repeat && (mark_sums(&xp->rl_trg, trg->repeat, REPEAT_LONG, trg->n) ||
                        mark_sums(&xp->rs_trg, trg->repeat, REPEAT_SHORT, trg->n)))
        return -1;
    if (src->glue && trg->glue &&
        (mark_sums(&xp->gl_src, src->glue, 1, src->n) || mark_sums(&xp->gl_trg, trg->glue, 1, trg->n)))
        return -1;
    return 0;
}

static void dp_work_free(dp_ctx *xp, dp_work *w)
{
    free(w->own_match);
    free(w->own_negmatch);
    free(xp->match_ring);
    free(xp->negmatch_ring);
    free(xp->neg_src);
    free(xp->neg_trg);
    free(xp->del_src);
    free(xp->del_trg);
    free(xp->rl_src);
    free(xp->rs_src);
    free(xp->rl_trg);
    free(xp->rs_trg);
    free(xp->gl_src);
    free(xp->gl_trg);
    free(w->vb);
    free(w->fw);
    free(w->costs);
    free(w->bp);
    free(w->vbase);
    free(w->fbase);
    free(w->rowv);
    free(w->rowf);
}

/* The forward pass, row by row: the Viterbi minimum and its backpointer in
 * every cell and, when posteriors are wanted, the forward log-sum. Sets
 * *total to the cost of the best path. -1 (err set, BEAD_ERR_TIMEOUT) when
 * the model's deadline passes, checked every 256 rows. The arrays are copied
 * into locals so that the byte stores of the backpointers do not make the
 * compiler reload them. */
static int forward(dp_ctx *xp, const dp_work *w, double *total, bead_error *err)
{
    const band *b = xp->b;
    const size_t maxw = xp->maxw;
    float *vb = w->vb, *fw = w->fw;
    double *costs = w->costs;
    unsigned char *bp = w->bp;
    double *vbase = w->vbase, *fbase = w->fbase, *rowv = w->rowv, *rowf = w->rowf;
    const double T = xp->m->temperature;
    for (int64_t i = 0; i <= (int64_t)b->n; i++) {
        int64_t lo = b->lo[i];
        size_t wi = (size_t)(b->hi[i] - lo + 1);
        if ((i & 255) == 0 && bd_deadline_passed(xp->m->deadline)) {
            bead_error_set(err, BEAD_ERR_TIMEOUT, -1, 0,
                           "over the time limit aligning %zu x %zu sentences", b->n, b->m);
            return -1;
        }
        if (!xp->match)
            fill_match_row(xp, i);
        for (int64_t j = lo; j <= b->hi[i]; j++) {
            double best = INFINITY, f = -INFINITY;
            int arg = 0;
            if (i == 0 && j == 0) {
                best = 0;
                f = 0;
            }
            int nt = xp->nfar == xp->ntypes || in_band(xp->near, i, j) ? xp->ntypes : xp->nfar;
            for (int k = 0; k < nt; k++) {
                int t = xp->types[k];
                int64_t si = i - bd_type_src[t], sj = j - bd_type_trg[t];
                if (si < 0 || sj < 0 || (!xp->full && !in_band(b, si, sj)))
                    continue;
                double prev_v, prev_f = 0;
                if (si == i) {
                    prev_v = rowv[sj - lo];
                    if (fw)
                        prev_f = rowf[sj - lo];
                } else {
                    prev_v = vbase[si] + ring_row(vb, maxw, si)[sj - b->lo[si]];
                    if (fw)
                        prev_f = fbase[si] + fw[cell(b, si, sj)];
                }
                if (!isfinite(prev_v) && (!fw || !isfinite(prev_f)))
                    continue;
                /* Forward sums need every cost; the Viterbi minimum only
                 * those that can win. */
                double c = fw ? bead_cost(xp, t, i, j) : bead_cost_below(xp, t, i, j, prev_v, best);
                if (costs)
                    costs[cell(b, i, j) * (size_t)xp->ntypes + (size_t)k] = c;
                if (prev_v + c < best) {
                    best = prev_v + c;
                    arg = t;
                }
                if (fw)
                    f = log_add(xp, f, prev_f - c / T);
            }
            rowv[j - lo] = best;
            rowf[j - lo] = f;
            bp[cell(b, i, j)] = (unsigned char)arg;
        }
        vbase[i] = store_row(ring_row(vb, maxw, i), rowv, wi, 0);
        if (fw)
            fbase[i] = store_row(fw + b->off[i], rowf, wi, 1);
    }
    *total = vbase[b->n] + ring_row(vb, maxw, (int64_t)b->n)[(int64_t)b->m - b->lo[b->n]];
    return 0;
}

/* The best path, from the backpointers, into res->beads in source order. */
static int backtrace(dp_result *res, const band *b, const unsigned char *bp, bead_error *err)
{
    for (int64_t i = (int64_t)b->n, j = (int64_t)b->m; i > 0 || j > 0;) {
        int t = bp[cell(b, i, j)];
        if (array_grow((void **)&res->beads, &res->cap, res->n + 1, sizeof *res->beads, 256)) {
            bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            return -1;
        }
        i -= bd_type_src[t];
        j -= bd_type_trg[t];
        res->beads[res->n++] = (dp_bead){(size_t)i, (size_t)j, t, 1.0};
    }
    for (size_t k = 0; k < res->n / 2; k++) {
        dp_bead tmp = res->beads[k];
        res->beads[k] = res->beads[res->n - 1 - k];
        res->beads[res->n - 1 - k] = tmp;
    }
    return 0;
}

/* The cost of the bead of type slot k ending at (i,j): the forward pass's,
 * when it kept it, else computed (the same double either way). */
static inline __attribute__((always_inline)) double kept_cost(const dp_ctx *xp, const dp_work *w, int k, int64_t i, int64_t j)
{
    if (w->costs) {
        double c = w->costs[cell(xp->b, i, j) * (size_t)xp->ntypes + (size_t)k];
        if (!isnan(c))
            return c;
    }
    return bead_cost(xp, xp->types[k], i, j);
}

/* Whether a bead starting at (i,j) can end in the near band: its end is
 * 1 to 4 rows and columns on, and the band's bounds never decrease. */
static inline int near_reach(const band *near, int64_t i, int64_t j)
{
    int64_t last = i + 4 < (int64_t)near->n ? i + 4 : (int64_t)near->n;
    return i < (int64_t)near->n && j + 4 >= near->lo[i + 1] && j + 1 <= near->hi[last];
}

/* The backward pass into the ring, its row bases into w->vbase (the Viterbi
 * scores are no longer needed), then each bead's posterior: forward score
 * at its start, its cost, backward score at its end, over the total. bend
 * keeps the backward score at the end of each bead of the path, since the
 * ring forgets it. */
static int posteriors(dp_result *res, dp_ctx *xp, const dp_work *w, bead_error *err)
{
    const band *b = xp->b;
    const size_t maxw = xp->maxw;
    float *vb = w->vb, *fw = w->fw;
    double *bbase = w->vbase, *fbase = w->fbase, *rowv = w->rowv;
    const double T = xp->m->temperature;
    float *bend = malloc((res->n ? res->n : 1) * sizeof *bend);
    if (!bend) {
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    size_t pending = res->n;
    for (int64_t i = (int64_t)b->n; i >= 0; i--) {
        int64_t lo = b->lo[i];
        size_t wi = (size_t)(b->hi[i] - lo + 1);
        for (int64_t j = b->hi[i]; j >= lo; j--) {
            double s = i == (int64_t)b->n && j == (int64_t)b->m ? 0 : -INFINITY;
            int nt = xp->nfar == xp->ntypes || !near_reach(xp->near, i, j) ? xp->nfar : xp->ntypes;
            for (int k = 0; k < nt; k++) {
                int t = xp->types[k];
                int64_t ei = i + bd_type_src[t], ej = j + bd_type_trg[t];
                if (ei > (int64_t)b->n || ej > (int64_t)b->m || (!xp->full && !in_band(b, ei, ej)) ||
                    (k >= xp->nfar && !in_band(xp->near, ei, ej)))
                    continue;
                double next = ei == i ? rowv[ej - lo]
                                      : bbase[ei] + ring_row(vb, maxw, ei)[ej - b->lo[ei]];
                if (!isfinite(next))
                    continue;
                s = log_add(xp, s, next - kept_cost(xp, w, k, ei, ej) / T);
            }
            rowv[j - lo] = s;
        }
        float *row = ring_row(vb, maxw, i);
        bbase[i] = store_row(row, rowv, wi, 1);
        for (; pending > 0; pending--) {
            const dp_bead *d = &res->beads[pending - 1];
            if ((int64_t)d->i + bd_type_src[d->type] != i)
                break;
            bend[pending - 1] = row[(int64_t)d->j + bd_type_trg[d->type] - lo];
        }
    }
    double z = fbase[b->n] + fw[cell(b, (int64_t)b->n, (int64_t)b->m)];
    for (size_t k = 0; k < res->n; k++) {
        dp_bead *d = &res->beads[k];
        int64_t si = (int64_t)d->i, sj = (int64_t)d->j;
        int64_t ei = si + bd_type_src[d->type], ej = sj + bd_type_trg[d->type];
        double lp = fbase[si] + fw[cell(b, si, sj)] - kept_cost(xp, w, xp->type_slot[d->type], ei, ej) / T +
                    bbase[ei] + bend[k] - z;
        double p = exp(lp);
        d->posterior = p > 1 ? 1 : p < 0 || !isfinite(p) ? 0 : p;
    }
    free(bend);
    return 0;
}

int bd_dp_align(dp_result *res, const band *b, const sent_features *src,
             const sent_features *trg, const align_model *m, int want_posteriors,
             bead_error *err)
{
    memset(res, 0, sizeof *res);
    dp_ctx *xp = malloc(sizeof *xp);
    if (!xp) {
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    dp_work w;
    int rc = dp_setup(xp, &w, b, src, trg, m, want_posteriors);
    if (rc) {
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0,
                       "out of memory aligning %zu x %zu sentences", b->n, b->m);
    } else {
        rc = forward(xp, &w, &res->total_cost, err);
        if (!rc)
            rc = backtrace(res, b, w.bp, err);
        if (!rc && want_posteriors)
            rc = posteriors(res, xp, &w, err);
    }
    dp_work_free(xp, &w);
    free(xp);
    if (rc)
        bd_dp_result_free(res);
    return rc;
}

int bd_dp_cell_match(const band *b, const sent_features *src, const sent_features *trg,
                  const align_model *m, float **matchp, float **negmatchp)
{
    size_t ncells = (size_t)b->off[b->n + 1];
    float *match = malloc(ncells * sizeof *match), *negmatch = malloc(ncells * sizeof *negmatch);
    *matchp = match;
    *negmatchp = negmatch;
    if (!match || !negmatch)
        return -1;
    for (int64_t i = 0; i <= (int64_t)b->n; i++)
        for (int64_t j = b->lo[i]; j <= b->hi[i]; j++) {
            size_t c = cell(b, i, j);
            match[c] = cell_pair_match(m, src, trg, i, j, &negmatch[c]);
        }
    return 0;
}

size_t bd_dp_count_type(const dp_result *res, int t)
{
    size_t n = 0;
    for (size_t k = 0; k < res->n; k++)
        n += res->beads[k].type == t;
    return n;
}

void bd_dp_result_free(dp_result *res)
{
    if (!res)
        return;
    free(res->beads);
    memset(res, 0, sizeof *res);
}
