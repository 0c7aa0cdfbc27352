/* The alignment container: units of N versions, with scores, anchor labels
 * and the pairwise model facts. */
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"
#include "core/grow.h"
#include "align/doc/doc_internal.h"

/* Compact, since a long document has hundreds of thousands of units:
 * sentence indices in 32 bits, and every anchor label in one arena. */
#define NO_ANCHOR UINT32_MAX

typedef struct unit {
    double score;
    uint32_t first_anchor, last_anchor;  /* into anchors, NO_ANCHOR when none */
    uint32_t nanchors;
    float posterior;         /* the path's score before the judge's, when judged */
    float evidence;          /* P(translation | evidence); NO_EVIDENCE: not judged */
} unit;

#define NO_EVIDENCE (-1.0f)

typedef struct anchor_entry {
    uint32_t label;          /* offset in labels */
    uint32_t next;           /* the unit's next anchor, or NO_ANCHOR */
} anchor_entry;

struct bead_alignment {
    size_t nv;
    uint32_t *ranges;        /* 2 * nv per unit: (begin, count) per version */
    unit *units;
    size_t n, cap;
    anchor_entry *anchors;
    size_t nanchors, anchors_cap;
    char *labels;            /* NUL-terminated labels */
    size_t labels_len, labels_cap;
    bead_model_info model;
    bead_verdict verdict;
    double coverage;
    double verdict_mean;      /* negative: not recorded */
    long pivot;               /* N-way: the version the others were aligned to; -1 */
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
    al->pivot = -1;
    *out = al;
    return BEAD_OK;
}

void bead_alignment_free(bead_alignment *al)
{
    if (!al)
        return;
    free(al->ranges);
    free(al->units);
    free(al->anchors);
    free(al->labels);
    free(al);
}

bead_status bead_alignment_append(bead_alignment *al, const size_t *begin, const size_t *count,
                                  double score, bead_error *err)
{
    for (size_t v = 0; v < al->nv; v++)
        if (begin[v] >= UINT32_MAX || count[v] >= UINT32_MAX - begin[v])
            return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                  "sentence index %zu is beyond what an alignment holds (2^32)",
                                  begin[v]);
    /* Two arrays of one capacity (a unit's ranges are 2 * nv numbers): each
     * grows from the same count. */
    size_t ucap = al->cap, rcap = al->cap;
    if (array_grow((void **)&al->units, &ucap, al->n + 1, sizeof *al->units, 256) ||
        array_grow((void **)&al->ranges, &rcap, al->n + 1, 2 * al->nv * sizeof *al->ranges, 256))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    al->cap = ucap;
    unit *u = &al->units[al->n];
    u->score = score < 0 ? 0 : score > 1 ? 1 : score;
    u->posterior = (float)u->score;
    u->evidence = NO_EVIDENCE;
    u->first_anchor = u->last_anchor = NO_ANCHOR;
    u->nanchors = 0;
    uint32_t *r = al->ranges + al->n * 2 * al->nv;
    for (size_t v = 0; v < al->nv; v++) {
        r[2 * v] = (uint32_t)begin[v];
        r[2 * v + 1] = (uint32_t)count[v];
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
    size_t len = strlen(label);
    if (al->nanchors >= NO_ANCHOR || al->labels_len + len + 1 >= UINT32_MAX)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "too many anchor labels");
    if (array_grow((void **)&al->anchors, &al->anchors_cap, al->nanchors + 1, sizeof *al->anchors, 64) ||
        array_grow((void **)&al->labels, &al->labels_cap, al->labels_len + len + 1, 1, 1024))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    memcpy(al->labels + al->labels_len, label, len + 1);
    uint32_t k = (uint32_t)al->nanchors++;
    al->anchors[k] = (anchor_entry){(uint32_t)al->labels_len, NO_ANCHOR};
    al->labels_len += len + 1;
    unit *u = &al->units[i];
    if (u->last_anchor == NO_ANCHOR)
        u->first_anchor = k;
    else
        al->anchors[u->last_anchor].next = k;
    u->last_anchor = k;
    u->nanchors++;
    return BEAD_OK;
}

size_t bead_alignment_nversions(const bead_alignment *al) { return al->nv; }
size_t bead_alignment_size(const bead_alignment *al) { return al->n; }

void bead_alignment_range(const bead_alignment *al, size_t i, size_t v, size_t *begin,
                          size_t *count)
{
    const uint32_t *r = al->ranges + i * 2 * al->nv + 2 * v;
    *begin = r[0];
    *count = r[1];
}

double bead_alignment_score(const bead_alignment *al, size_t i) { return al->units[i].score; }

double bead_alignment_evidence(const bead_alignment *al, size_t i)
{
    return al->units[i].evidence;
}

double bd_alignment_posterior(const bead_alignment *al, size_t i)
{
    return al->units[i].evidence == NO_EVIDENCE ? al->units[i].score : al->units[i].posterior;
}

void bd_alignment_set_evidence(bead_alignment *al, size_t i, double posterior, double evidence)
{
    unit *u = &al->units[i];
    posterior = posterior < 0 ? 0 : posterior > 1 ? 1 : posterior;
    evidence = evidence < 0 ? 0 : evidence > 1 ? 1 : evidence;
    u->posterior = (float)posterior;
    u->evidence = (float)evidence;
    /* From the stored floats, not the arguments: an alignment copied unit by
     * unit (multi.c, the covering alignment) then gets the same score to
     * the last bit, not one that differs in the eighth digit. */
    u->score = (double)u->posterior * (double)u->evidence;
}

size_t bead_alignment_anchor_count(const bead_alignment *al, size_t i)
{
    return al->units[i].nanchors;
}

const char *bead_alignment_anchor(const bead_alignment *al, size_t i, size_t k)
{
    uint32_t a = al->units[i].first_anchor;
    while (k-- > 0)
        a = al->anchors[a].next;
    return al->labels + al->anchors[a].label;
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
void bd_alignment_set_model(bead_alignment *al, const bead_model_info *info) { al->model = *info; }
bead_verdict bead_alignment_verdict(const bead_alignment *al) { return al->verdict; }
double bead_alignment_coverage(const bead_alignment *al) { return al->coverage; }

void bd_alignment_set_verdict(bead_alignment *al, bead_verdict v, double coverage)
{
    al->verdict = v;
    al->coverage = coverage;
}

void bd_alignment_set_verdict_mean(bead_alignment *al, double mean_score)
{
    al->verdict_mean = mean_score;
}

double bead_alignment_verdict_mean(const bead_alignment *al) { return al->verdict_mean; }

void bd_alignment_set_pivot(bead_alignment *al, size_t pivot) { al->pivot = (long)pivot; }

int bead_alignment_pivot(const bead_alignment *al) { return al ? (int)al->pivot : -1; }

void bd_alignment_copy_pair_facts(bead_alignment *dst, const bead_alignment *src)
{
    dst->model = src->model;
    dst->verdict = src->verdict;
    dst->coverage = src->coverage;
    dst->verdict_mean = src->verdict_mean;
}

double bd_verdict_coverage(const bead_alignment *al, size_t ns, size_t nt)
{
    double covered = 0;
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if (c0 && c1 && bead_alignment_score(al, u) >= ALIGNMENT_CONFIDENT)
            covered += (double)(c0 + c1);
    }
    return ns + nt ? covered / (double)(ns + nt) : 1.0;
}
