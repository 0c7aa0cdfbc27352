/* write_summary.c: the summary JSON of an alignment (--summary-json).
 *   {"beads":{"1-1":n,...},"mean_score":x,"unaligned":{"src":[i...],"trg":[j...]},
 *    "verdict":"parallel"|...|null,"coverage":x|null,
 *    "model":{"c":..,"s2":..,"priors":{"1-1":..}},"seconds":t}
 * "beads" and "mean_score" are bead_alignment_shape_counts and
 * bead_alignment_mean_score (over the units that pair sentences), as in
 * batch records. N versions: "unaligned" is keyed by version position
 * ("0","1",...), there is no top-level "model", and "pairs" lists every pair
 * in bead_pair_versions' order with its verdict, coverage, mean score and
 * model; "pivot" names the version the others were aligned to and
 * "coverage_by_version" the share of each version's sentences that share a
 * unit with another version's. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/write/write_internal.h"

/* Adds item to obj under key; deletes item and returns 0 when that fails. */
static int add(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return 0;
    if (!cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static int add_number(cJSON *obj, const char *key, double x)
{
    return add(obj, key, cJSON_CreateNumber(isfinite(x) ? x : 0.0));
}

static cJSON *bead_counts(const bead_alignment *al)
{
    bead_shape_count *shapes;
    size_t n;
    if (bead_alignment_shape_counts(al, &shapes, &n, NULL) != BEAD_OK)
        return NULL;
    cJSON *o = cJSON_CreateObject();
    for (size_t k = 0; o && k < n; k++)
        if (!add_number(o, shapes[k].name, (double)shapes[k].count)) {
            cJSON_Delete(o);
            o = NULL;
        }
    bead_shape_counts_free(shapes, n);
    return o;
}

static double mean_score(const bead_alignment *al)
{
    return bd_score_rounded(bead_alignment_mean_score(al));
}

/* The sentences of version v that share no unit with another version's
 * sentences. Sentences in no unit at all (mining output covers only the
 * pairs it found) are unaligned too. */
static cJSON *unaligned_of(const bead_doc *doc, const bead_alignment *al, size_t v)
{
    size_t size = bead_doc_size(doc), n = bead_alignment_size(al),
           nv = bead_alignment_nversions(al);
    unsigned char *aligned = calloc(size ? size : 1, 1);
    cJSON *a = aligned ? cJSON_CreateArray() : NULL;
    if (!a) {
        free(aligned);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        size_t begin, count, others = 0;
        for (size_t w = 0; w < nv; w++) {
            size_t b2, c2;
            bead_alignment_range(al, i, w, &b2, &c2);
            if (w != v)
                others += c2 > 0;
        }
        bead_alignment_range(al, i, v, &begin, &count);
        if (others)
            memset(aligned + begin, 1, count);
    }
    for (size_t s = 0; s < size; s++) {
        if (aligned[s])
            continue;
        cJSON *num = cJSON_CreateNumber((double)s);
        if (!num || !cJSON_AddItemToArray(a, num)) {
            cJSON_Delete(num);
            cJSON_Delete(a);
            a = NULL;
            break;
        }
    }
    free(aligned);
    return a;
}

/* N versions: for each version (keyed by position), the share of its
 * sentences in units where another version has text too, i.e. what the
 * N-way outputs carry of it. */
static cJSON *coverage_by_version(const bead_doc *const *docs, const bead_alignment *al)
{
    size_t nv = bead_alignment_nversions(al);
    cJSON *o = cJSON_CreateObject();
    for (size_t v = 0; o && v < nv; v++) {
        size_t size = bead_doc_size(docs[v]);
        cJSON *un = unaligned_of(docs[v], al, v);
        double cov = size ? 1.0 - (double)cJSON_GetArraySize(un) / (double)size : 0.0;
        cJSON_Delete(un);
        char key[32];
        snprintf(key, sizeof key, "%zu", v);
        if (!un || !add_number(o, key, bd_score_rounded(cov))) {
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

/* "verdict" and "coverage" (both null when no verdict was computed). */
static int add_verdict(cJSON *o, const bead_alignment *al)
{
    bead_verdict v = bead_alignment_verdict(al);
    if (v == BEAD_VERDICT_NONE)
        return add(o, "verdict", cJSON_CreateNull()) && add(o, "coverage", cJSON_CreateNull());
    return add(o, "verdict", cJSON_CreateString(bead_verdict_name(v))) &&
           add_number(o, "coverage", bd_score_rounded(bead_alignment_coverage(al)));
}

static cJSON *model_object(const bead_alignment *al)
{
    bead_model_info info;
    bead_alignment_model(al, &info);
    cJSON *m = cJSON_CreateObject(), *priors = m ? cJSON_CreateObject() : NULL;
    int ok = m && add_number(m, "c", info.c) && add_number(m, "s2", info.s2) &&
             add(m, "priors", priors);
    /* Like the bead counts, the eight types bead has always had, and
     * those of five sentences only when allowed. */
    for (int t = 0; ok && t < BEAD_NTYPES; t++)
        if (t < BEAD_2_3 || info.prior[t] > 0)
            ok = add_number(priors, bead_type_name((bead_type)t), info.prior[t]);
    if (!ok) {
        cJSON_Delete(m);
        return NULL;
    }
    return m;
}

static cJSON *pairs_array(const bead_alignment *const *pairs, size_t nv)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t k = 0; arr && k < bead_pair_count(nv); k++) {
        size_t a, b;
        bead_pair_versions(k, nv, &a, &b);
        cJSON *p = cJSON_CreateObject();
        if (!p || !cJSON_AddItemToArray(arr, p)) {
            cJSON_Delete(p);
            cJSON_Delete(arr);
            return NULL;
        }
        if (!add_number(p, "a", (double)a) || !add_number(p, "b", (double)b) ||
            !add_verdict(p, pairs[k]) ||
            !add_number(p, "mean_score", mean_score(pairs[k])) ||
            !add(p, "model", model_object(pairs[k]))) {
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

bead_status bead_write_summary(bead_output *out, const bead_doc *const *docs,
                               const bead_alignment *al,
                               const bead_alignment *const *pairs, size_t npairs,
                               double seconds, bead_error *err)
{
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "no output to write to");
    bead_status st = bd_write_check(docs, al, err);
    if (st != BEAD_OK)
        return st;
    size_t nv = bead_alignment_nversions(al);
    int with_pairs = nv > 2 && npairs > 0;
    if (with_pairs) {
        if (!pairs || npairs != bead_pair_count(nv))
            return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                  "the summary of %zu versions wants all %zu pairwise "
                                  "alignments, in the order (0,1),(0,2),...,(1,2),...; got %zu",
                                  nv, bead_pair_count(nv), npairs);
        for (size_t k = 0; k < npairs; k++)
            if (!pairs[k] || bead_alignment_nversions(pairs[k]) != 2)
                return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                      "pairwise alignment %zu is missing or not a pair", k);
    }
    cJSON *o = cJSON_CreateObject(), *unaligned = o ? cJSON_CreateObject() : NULL;
    int ok = o && add(o, "beads", bead_counts(al)) &&
             add_number(o, "mean_score", mean_score(al)) && add(o, "unaligned", unaligned);
    for (size_t v = 0; ok && v < nv; v++) {
        char key[32];
        if (nv == 2)
            snprintf(key, sizeof key, "%s", v ? "trg" : "src");
        else
            snprintf(key, sizeof key, "%zu", v);
        ok = add(unaligned, key, unaligned_of(docs[v], al, v));
    }
    ok = ok && add_verdict(o, al);
    if (ok && nv > 2 && bead_alignment_pivot(al) >= 0)
        ok = add_number(o, "pivot", (double)bead_alignment_pivot(al)) &&
             add(o, "coverage_by_version", coverage_by_version(docs, al));
    if (ok && nv <= 2)
        ok = add(o, "model", model_object(al));
    if (ok && with_pairs)
        ok = add(o, "pairs", pairs_array(pairs, nv));
    ok = ok && add_number(o, "seconds", round((isfinite(seconds) ? seconds : 0) * 1000) / 1000);
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    st = bead_output_puts(out, text, err);
    if (st == BEAD_OK)
        st = bead_output_write(out, "\n", 1, err);
    cJSON_free(text);
    return st;
}
