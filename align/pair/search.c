/* The band the DP searches. Small problems get the whole matrix. Larger
 * ones are aligned first at a coarser resolution (blocks of FACTOR sentences
 * merged into one, as Vecalign does), recursively, and the coarse path,
 * projected back and widened by a margin, is the band: time and memory grow
 * linearly with the documents. */
#include <stdlib.h>
#include <string.h>

#include "align/pair/pair.h"

/* Up to this many cells (about 800 x 800 sentences), search everything
 * (17 bytes a cell). */
#define FULL_CELLS 700000u
#define FACTOR 4
#define MARGIN (2 * FACTOR + 2)

static int band_alloc(band *b, size_t n, size_t m)
{
    memset(b, 0, sizeof *b);
    b->n = n;
    b->m = m;
    b->lo = malloc((n + 1) * sizeof *b->lo);
    b->hi = malloc((n + 1) * sizeof *b->hi);
    b->off = malloc((n + 2) * sizeof *b->off);
    if (!b->lo || !b->hi || !b->off) {
        bd_band_free(b);
        return -1;
    }
    return 0;
}

void bd_band_free(band *b)
{
    if (!b)
        return;
    free(b->lo);
    free(b->hi);
    free(b->off);
    memset(b, 0, sizeof *b);
}

void bd_band_fix(band *b)
{
    int64_t n = (int64_t)b->n, m = (int64_t)b->m;
    for (int64_t i = 0; i <= n; i++) {
        if (b->lo[i] < 0)
            b->lo[i] = 0;
        if (b->hi[i] > m)
            b->hi[i] = m;
    }
    b->lo[0] = 0;
    b->hi[n] = m;
    for (int64_t i = n; i-- > 0;)
        if (b->lo[i] > b->lo[i + 1])
            b->lo[i] = b->lo[i + 1];
    for (int64_t i = 1; i <= n; i++)
        if (b->hi[i] < b->hi[i - 1])
            b->hi[i] = b->hi[i - 1];
    for (int64_t i = 0; i <= n; i++)
        if (b->hi[i] < b->lo[i])
            b->hi[i] = b->lo[i];
    /* Neighbouring rows must share a column, so 1-0 beads can connect them. */
    for (int64_t i = 1; i <= n; i++)
        if (b->lo[i] > b->hi[i - 1])
            b->hi[i - 1] = b->lo[i];
    b->off[0] = 0;
    for (int64_t i = 0; i <= n; i++)
        b->off[i + 1] = b->off[i] + (b->hi[i] - b->lo[i] + 1);
}

int bd_band_full(band *b, size_t n, size_t m)
{
    if (band_alloc(b, n, m))
        return -1;
    for (size_t i = 0; i <= n; i++) {
        b->lo[i] = 0;
        b->hi[i] = (int64_t)m;
    }
    bd_band_fix(b);
    return 0;
}

/* The cells within margin columns of a path found at a resolution of factor
 * sentences per step. */
static int project(band *b, const dp_result *coarse, size_t n, size_t m, size_t factor,
                   int64_t margin)
{
    if (band_alloc(b, n, m))
        return -1;
    for (size_t i = 0; i <= n; i++) {
        b->lo[i] = INT64_MAX;
        b->hi[i] = INT64_MIN;
    }
    for (size_t k = 0; k < coarse->n; k++) {
        const dp_bead *d = &coarse->beads[k];
        int64_t r0 = (int64_t)(d->i * factor);
        int64_t r1 = (int64_t)((d->i + (size_t)bd_type_src[d->type]) * factor);
        int64_t c0 = (int64_t)(d->j * factor) - margin;
        int64_t c1 = (int64_t)((d->j + (size_t)bd_type_trg[d->type]) * factor) + margin;
        if (r1 > (int64_t)n)
            r1 = (int64_t)n;
        for (int64_t r = r0; r <= r1; r++) {
            if (c0 < b->lo[r])
                b->lo[r] = c0;
            if (c1 > b->hi[r])
                b->hi[r] = c1;
        }
    }
    for (size_t i = 0; i <= n; i++) {
        /* Rows no coarse bead reached cannot occur (the coarse path covers
         * every block), but keep the band well formed regardless. */
        if (b->lo[i] == INT64_MAX) {
            b->lo[i] = (int64_t)m;
            b->hi[i] = 0;
        }
    }
    bd_band_fix(b);
    return 0;
}

int bd_search_band(band *b, const sent_features *src, const sent_features *trg,
                const align_model *m, bead_error *err)
{
    size_t n = src->n, mm = trg->n;
    if ((double)(n + 1) * (double)(mm + 1) <= FULL_CELLS || n < 2 * FACTOR ||
        mm < 2 * FACTOR) {
        if (bd_band_full(b, n, mm) == 0)
            return 0;
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    sent_features cs, ct;
    if (bd_features_coarsen(&cs, src, FACTOR)) {
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    if (bd_features_coarsen(&ct, trg, FACTOR)) {
        bd_features_free(&cs);
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    /* A coarse unit stands for FACTOR sentences: leaving one out costs what
     * leaving out FACTOR sentences would. With the cost of one, the coarse
     * path skips blocks freely, and a text that repeats itself (a refrain, a
     * template) is aligned a whole period off. */
    align_model coarse = *m;
    coarse.del_cost = m->del_cost * FACTOR;
    band cb;
    dp_result cr;
    int rc = bd_search_band(&cb, &cs, &ct, &coarse, err);
    if (rc == 0) {
        rc = bd_dp_align(&cr, &cb, &cs, &ct, &coarse, 0, err);
        bd_band_free(&cb);
    }
    bd_features_free(&cs);
    bd_features_free(&ct);
    if (rc)
        return rc;
    rc = project(b, &cr, n, mm, FACTOR, MARGIN);
    bd_dp_result_free(&cr);
    if (rc)
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    return rc;
}

int bd_band_around_path(band *b, const dp_result *path, size_t n, size_t m, int64_t radius)
{
    return project(b, path, n, m, 1, radius);
}

int64_t bd_band_cell(const band *b, int64_t i, int64_t j)
{
    if (i < 0 || i > (int64_t)b->n || j < b->lo[i] || j > b->hi[i])
        return -1;
    return b->off[i] + (j - b->lo[i]);
}

int bd_band_is_full(const band *b)
{
    for (size_t i = 0; i <= b->n; i++)
        if (b->lo[i] != 0 || b->hi[i] != (int64_t)b->m)
            return 0;
    return 1;
}
