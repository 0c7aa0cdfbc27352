/* The alignment container: units of N versions, with scores, anchor labels
 * and the pairwise model facts. */
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"

typedef struct unit {
    size_t first_range;      /* index into ranges: nversions (begin,count) pairs */
    double score;
    char **anchors;          /* labels, owned */
    size_t nanchors;
} unit;

struct bead_alignment {
    size_t nv;
    size_t *ranges;          /* 2 * nv per unit */
    unit *units;
    size_t n, cap;
    bead_model_info model;
    bead_verdict verdict;
    double coverage;
    double verdict_mean;      /* negative: not recorded */
};

bead_status bead_alignment_create(bead_alignment **out, size_t nversions, bead_error *err)
{
    *out = NULL;
    if (nversions < 1)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "an alignment needs versions");
    bead_alignment *al = calloc(1, sizeof *al);
    if (!al)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    al->nv = nversions;
    al->verdict_mean = -1;
    *out = al;
    return BEAD_OK;
}

void bead_alignment_free(bead_alignment *al)
{
    if (!al)
        return;
    for (size_t i = 0; i < al->n; i++) {
        for (size_t k = 0; k < al->units[i].nanchors; k++)
            free(al->units[i].anchors[k]);
        free(al->units[i].anchors);
    }
    free(al->ranges);
    free(al->units);
    free(al);
}

bead_status bead_alignment_append(bead_alignment *al, const size_t *begin, const size_t *count,
                                  double score, bead_error *err)
{
    if (al->n == al->cap) {
        size_t ncap = al->cap ? al->cap * 2 : 256;
        unit *nu = realloc(al->units, ncap * sizeof *nu);
        if (!nu)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        al->units = nu;
        size_t *nr = realloc(al->ranges, ncap * 2 * al->nv * sizeof *nr);
        if (!nr)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        al->ranges = nr;
        al->cap = ncap;
    }
    unit *u = &al->units[al->n];
    u->first_range = al->n * 2 * al->nv;
    u->score = score < 0 ? 0 : score > 1 ? 1 : score;
    u->anchors = NULL;
    u->nanchors = 0;
    for (size_t v = 0; v < al->nv; v++) {
        al->ranges[u->first_range + 2 * v] = begin[v];
        al->ranges[u->first_range + 2 * v + 1] = count[v];
    }
    al->n++;
    return BEAD_OK;
}

/* Anchors live with their unit, so reading them never changes the alignment
 * and several threads may read one alignment at once. */
bead_status bead_alignment_add_anchor(bead_alignment *al, size_t i, const char *label,
                                      bead_error *err)
{
    if (i >= al->n)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "no unit %zu", i);
    unit *u = &al->units[i];
    char **na = realloc(u->anchors, (u->nanchors + 1) * sizeof *na);
    if (!na)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    u->anchors = na;
    na[u->nanchors] = strdup(label);
    if (!na[u->nanchors])
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    u->nanchors++;
    return BEAD_OK;
}

size_t bead_alignment_nversions(const bead_alignment *al) { return al->nv; }
size_t bead_alignment_size(const bead_alignment *al) { return al->n; }

void bead_alignment_range(const bead_alignment *al, size_t i, size_t v, size_t *begin,
                          size_t *count)
{
    const size_t *r = al->ranges + al->units[i].first_range + 2 * v;
    *begin = r[0];
    *count = r[1];
}

double bead_alignment_score(const bead_alignment *al, size_t i) { return al->units[i].score; }

size_t bead_alignment_anchor_count(const bead_alignment *al, size_t i)
{
    return al->units[i].nanchors;
}

const char *bead_alignment_anchor(const bead_alignment *al, size_t i, size_t k)
{
    return al->units[i].anchors[k];
}

const char *bead_verdict_name(bead_verdict v)
{
    switch (v) {
    case BEAD_VERDICT_PARALLEL: return "parallel";
    case BEAD_VERDICT_COMPARABLE: return "comparable";
    case BEAD_VERDICT_UNRELATED: return "unrelated";
    case BEAD_VERDICT_NONE: break;
    }
    return "none";
}

void bead_alignment_model(const bead_alignment *al, bead_model_info *info) { *info = al->model; }
void bead_alignment_set_model(bead_alignment *al, const bead_model_info *info) { al->model = *info; }
bead_verdict bead_alignment_verdict(const bead_alignment *al) { return al->verdict; }
double bead_alignment_coverage(const bead_alignment *al) { return al->coverage; }

void bead_alignment_set_verdict(bead_alignment *al, bead_verdict v, double coverage)
{
    al->verdict = v;
    al->coverage = coverage;
}

void bead_alignment_set_verdict_mean(bead_alignment *al, double mean_score)
{
    al->verdict_mean = mean_score;
}

double bead_alignment_verdict_mean(const bead_alignment *al) { return al->verdict_mean; }

void bead_alignment_copy_pair_facts(bead_alignment *dst, const bead_alignment *src)
{
    dst->model = src->model;
    dst->verdict = src->verdict;
    dst->coverage = src->coverage;
    dst->verdict_mean = src->verdict_mean;
}
