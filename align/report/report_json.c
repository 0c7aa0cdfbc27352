/* The report as JSON, in the contract's shape (CONTRACT.md), through a cJSON
 * tree: cJSON's printer fixes the layout and the number format (%1.15g, or
 * %1.17g where that does not read back the same). Every node is attached to
 * the tree as soon as it is made, so that one cJSON_Delete frees it all
 * whatever failed. */
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "align/report/report_internal.h"

/* A new object at the end of array list, or NULL. */
static cJSON *add_object(cJSON *list)
{
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(list, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static int add_number(cJSON *o, const char *key, double x)
{
    return cJSON_AddNumberToObject(o, key, x) ? 0 : -1;
}

static int add_size(cJSON *o, const char *key, size_t x)
{
    return add_number(o, key, (double)x);
}

static int add_string(cJSON *o, const char *key, const char *s)
{
    return cJSON_AddStringToObject(o, key, s) ? 0 : -1;
}

/* The sentence numbers of sp as an array under key. */
static int add_span(cJSON *o, const char *key, report_span sp)
{
    cJSON *a = cJSON_AddArrayToObject(o, key);
    if (!a)
        return -1;
    for (size_t k = 0; k < sp.count; k++)
        if (!cJSON_AddItemToArray(a, cJSON_CreateNumber((double)(sp.begin + k))))
            return -1;
    return 0;
}

static int add_versions(cJSON *root, const bead_report *r)
{
    cJSON *list = cJSON_AddArrayToObject(root, "versions");
    if (!list)
        return -1;
    for (size_t v = 0; v < r->n; v++) {
        const report_version *e = &r->versions[v];
        cJSON *o = add_object(list);
        if (!o || add_size(o, "position", v) || add_string(o, "file", e->file) ||
            add_string(o, "lang", e->lang) || add_size(o, "sentences", e->sentences))
            return -1;
    }
    cJSON *cov = cJSON_AddObjectToObject(root, "coverage");
    if (!cov)
        return -1;
    for (size_t v = 0; v < r->n; v++) {
        char key[32];
        snprintf(key, sizeof key, "%zu", v);
        if (add_number(cov, key, r->versions[v].coverage))
            return -1;
    }
    return 0;
}

static int add_gaps(cJSON *root, const char *key, const report_gaps *gaps)
{
    cJSON *list = cJSON_AddArrayToObject(root, key);
    if (!list)
        return -1;
    for (size_t k = 0; k < gaps->n; k++) {
        const report_gap *e = &gaps->at[k];
        cJSON *o = add_object(list);
        if (!o || add_size(o, "version", e->version) || add_size(o, "index", e->index) ||
            add_string(o, "text", e->text) || add_size(o, "unit", e->unit))
            return -1;
        cJSON *missing = cJSON_AddArrayToObject(o, "missing_in");
        if (!missing)
            return -1;
        for (size_t m = 0; m < e->nmissing; m++)
            if (!cJSON_AddItemToArray(missing, cJSON_CreateNumber((double)e->missing_in[m])))
                return -1;
        if (e->weak && !cJSON_AddBoolToObject(o, "weak", 1))
            return -1;
    }
    return 0;
}

/* Number and name mismatches alike; what is missing goes under what. */
static int add_mismatches(cJSON *root, const char *key, const char *what,
                          const report_mismatches *mm)
{
    cJSON *list = cJSON_AddArrayToObject(root, key);
    if (!list)
        return -1;
    for (size_t k = 0; k < mm->n; k++) {
        const report_mismatch *e = &mm->at[k];
        cJSON *o = add_object(list);
        if (!o || add_size(o, "unit", e->unit) || add_string(o, what, e->value) ||
            add_size(o, "version", e->version) || add_span(o, "index", e->index) ||
            add_size(o, "missing_in", e->missing_in) ||
            add_span(o, "missing_index", e->missing_index))
            return -1;
    }
    return 0;
}

static int add_lengths(cJSON *root, const report_lengths *lengths)
{
    cJSON *list = cJSON_AddArrayToObject(root, "length_outliers");
    if (!list)
        return -1;
    for (size_t k = 0; k < lengths->n; k++) {
        const report_length *e = &lengths->at[k];
        cJSON *o = add_object(list);
        if (!o || add_size(o, "unit", e->unit) || add_size(o, "version", e->version) ||
            add_span(o, "index", e->index) || add_span(o, "reference_index", e->reference_index) ||
            add_number(o, "ratio", e->ratio) || add_number(o, "expected", e->expected))
            return -1;
    }
    return 0;
}

static int add_lowest(cJSON *root, const report_lows *lowest)
{
    cJSON *list = cJSON_AddArrayToObject(root, "lowest");
    if (!list)
        return -1;
    for (size_t k = 0; k < lowest->n; k++) {
        const report_low *e = &lowest->at[k];
        cJSON *o = add_object(list);
        if (!o || add_size(o, "unit", e->unit) || add_number(o, "score", e->score))
            return -1;
        cJSON *vs = cJSON_AddArrayToObject(o, "versions");
        if (!vs)
            return -1;
        for (size_t t = 0; t < e->nversions; t++) {
            const report_text *x = &e->versions[t];
            cJSON *xo = add_object(vs);
            if (!xo || add_size(xo, "version", x->version) || add_span(xo, "index", x->index) ||
                add_string(xo, "text", x->text))
                return -1;
        }
    }
    return 0;
}

/* "omitted_by_version": {"1": n, ...}: the reference sentences each other
 * version lacks (with N versions, "omitted" alone says little: a sentence
 * one comparable version lacks is listed like one none has). */
static int add_omitted_by(cJSON *root, const bead_report *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToObject(root, "omitted_by_version", o)) {
        cJSON_Delete(o);
        return -1;
    }
    for (size_t v = 1; v < r->n; v++) {
        char key[32];
        snprintf(key, sizeof key, "%zu", v);
        if (add_size(o, key, bd_report_omitted_by(r, v)))
            return -1;
    }
    return 0;
}

static int add_verdicts(cJSON *root, const bead_report *r)
{
    cJSON *list = cJSON_AddArrayToObject(root, "verdicts");
    if (!list)
        return -1;
    for (size_t k = 0; k < r->nverdicts; k++) {
        const report_verdict *e = &r->verdicts[k];
        cJSON *o = add_object(list);
        if (!o || add_size(o, "a", e->a) || add_size(o, "b", e->b) ||
            add_string(o, "verdict", bead_verdict_name(e->verdict)) ||
            add_number(o, "coverage", e->coverage) ||
            add_number(o, "mean_score", e->mean_score))
            return -1;
    }
    return 0;
}

bead_status bead_report_write_json(const bead_report *r, bead_output *out, bead_error *err)
{
    cJSON *root = cJSON_CreateObject();
    int ok = root && !add_versions(root, r) && !add_gaps(root, "omitted", &r->omitted) &&
             !add_omitted_by(root, r) &&
             !add_gaps(root, "added", &r->added) &&
             !add_mismatches(root, "number_mismatches", "value", &r->numbers) &&
             !add_mismatches(root, "name_mismatches", "name", &r->names) &&
             !add_lengths(root, &r->lengths) && !add_lowest(root, &r->lowest) &&
             !add_verdicts(root, r);
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    bead_status s = bead_output_puts(out, text, err);
    if (s == BEAD_OK)
        s = bead_output_write(out, "\n", 1, err);
    free(text);
    return s;
}
