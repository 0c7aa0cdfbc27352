/* The rows of `bead match`: candidate lines (what shards write and --merge
 * reads, scores printed to round-trip exactly, so that a merge decides as
 * one run does), and the final output after the assignment. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "match_cli.h"

void match_row_clear(match_row *row)
{
    free(row->a);
    free(row->b);
    memset(row, 0, sizeof *row);
}

static bead_verdict verdict_parse(const char *s)
{
    for (int v = BEAD_VERDICT_PARALLEL; v <= BEAD_VERDICT_UNRELATED; v++)
        if (!strcmp(s, bead_verdict_name((bead_verdict)v)))
            return (bead_verdict)v;
    return BEAD_VERDICT_NONE;
}

char *match_row_format(const match_row *row)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "a", row->a);
    cJSON_AddStringToObject(o, "b", row->b);
    const char *langs[2] = {row->alang, row->blang};
    cJSON_AddItemToObject(o, "langs", cJSON_CreateStringArray(langs, 2));
    cJSON_AddBoolToObject(o, "same_side", row->same_side);
    cJSON_AddNumberToObject(o, "index_score", row->c.index_score);
    cJSON_AddNumberToObject(o, "shared_keys", (double)row->c.shared);
    cJSON_AddBoolToObject(o, "verified", row->c.verified);
    if (row->c.verified) {
        cJSON_AddStringToObject(o, "verdict", bead_verdict_name(row->c.verdict));
        cJSON_AddNumberToObject(o, "coverage", row->c.coverage);
        cJSON_AddNumberToObject(o, "mean_score", row->c.mean_score);
        cJSON_AddNumberToObject(o, "score", row->c.score);
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

static double num(const cJSON *o, const char *k, int *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsNumber(v)) {
        *bad = 1;
        return 0;
    }
    return v->valuedouble;
}

static int str(const cJSON *o, const char *k, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return -1;
    *out = strdup(v->valuestring);
    return *out ? 0 : -1;
}

int match_row_parse(const char *line, size_t len, match_row *row, char *msg, size_t msgsize)
{
    memset(row, 0, sizeof *row);
    cJSON *o = cJSON_ParseWithLength(line, len);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        snprintf(msg, msgsize, "not a JSON object (bead match -f candidates writes them)");
        return -1;
    }
    int bad = 0;
    if (str(o, "a", &row->a) || str(o, "b", &row->b))
        bad = 1;
    const cJSON *langs = cJSON_GetObjectItemCaseSensitive(o, "langs");
    const cJSON *la = cJSON_GetArrayItem(langs, 0), *lb = cJSON_GetArrayItem(langs, 1);
    if (!cJSON_IsString(la) || !cJSON_IsString(lb))
        bad = 1;
    else {
        snprintf(row->alang, sizeof row->alang, "%s", la->valuestring);
        snprintf(row->blang, sizeof row->blang, "%s", lb->valuestring);
    }
    row->same_side = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "same_side"));
    row->c.index_score = num(o, "index_score", &bad);
    row->c.shared = (size_t)num(o, "shared_keys", &bad);
    row->c.verified = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "verified"));
    if (row->c.verified) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "verdict");
        row->c.verdict = cJSON_IsString(v) ? verdict_parse(v->valuestring) : BEAD_VERDICT_NONE;
        if (row->c.verdict == BEAD_VERDICT_NONE)
            bad = 1;
        row->c.coverage = num(o, "coverage", &bad);
        row->c.mean_score = num(o, "mean_score", &bad);
        row->c.score = num(o, "score", &bad);
    }
    cJSON_Delete(o);
    if (bad) {
        snprintf(msg, msgsize, "a candidate line needs a, b, langs, index_score, shared_keys, "
                               "verified (and when verified: verdict, coverage, mean_score, "
                               "score)");
        match_row_clear(row);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------- writing */

static int by_pair(const void *x, const void *y)
{
    const match_row *p = x, *q = y;
    int c = strcmp(p->a, q->a);
    return c ? c : strcmp(p->b, q->b);
}

/* Best first within each a (top mode). */
static int by_a_score(const void *x, const void *y)
{
    const match_row *p = x, *q = y;
    int c = strcmp(p->a, q->a);
    if (c)
        return c;
    double sp = p->c.verified ? p->c.score : -1 + p->c.index_score;
    double sq = q->c.verified ? q->c.score : -1 + q->c.index_score;
    if (sp != sq)
        return sp > sq ? -1 : 1;
    return strcmp(p->b, q->b);
}

static int by_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The id of name among sorted unique names. */
static size_t name_id(char **names, size_t n, const char *name)
{
    char **hit = bsearch(&name, names, n, sizeof *names, by_str);
    return hit ? (size_t)(hit - names) : 0;
}

/* Sorted unique names of the a side (side 0), the b side (1) or both. */
static char **name_table(const match_row *rows, size_t n, int side, size_t *count)
{
    char **names = malloc((2 * n + 1) * sizeof *names);
    if (!names)
        return NULL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (side != 1)
            names[m++] = rows[i].a;
        if (side != 0)
            names[m++] = rows[i].b;
    }
    if (m)   /* qsort wants a non-NULL array, even for none */
        qsort(names, m, sizeof *names, by_str);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (!u || strcmp(names[u - 1], names[i]))
            names[u++] = names[i];
    *count = u;
    return names;
}

static bead_status write_row(bead_output *out, match_format fmt, const match_row *r,
                             const char *verdict, double score, size_t *jobno, bead_error *err)
{
    if (fmt == MATCH_TSV)
        return bead_output_printf(out, err, "%s\t%s\t%s\t%.4f\n", r->a, r->b, verdict, score);
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    const char *langs[2] = {r->alang, r->blang};
    if (fmt == MATCH_JOBS) {
        char id[32];
        snprintf(id, sizeof id, "match-%zu", ++*jobno);
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddStringToObject(o, "src", r->a);
        cJSON_AddStringToObject(o, "trg", r->b);
        cJSON_AddItemToObject(o, "langs", cJSON_CreateStringArray(langs, 2));
    } else {
        cJSON_AddStringToObject(o, "a", r->a);
        cJSON_AddStringToObject(o, "b", r->b);
        cJSON_AddItemToObject(o, "langs", cJSON_CreateStringArray(langs, 2));
        cJSON_AddStringToObject(o, "verdict", verdict);
        cJSON_AddNumberToObject(o, "score", score);
        cJSON_AddNumberToObject(o, "index_score", r->c.index_score);
        cJSON_AddNumberToObject(o, "shared_keys", (double)r->c.shared);
        if (r->c.verified) {
            cJSON_AddNumberToObject(o, "coverage", r->c.coverage);
            cJSON_AddNumberToObject(o, "mean_score", r->c.mean_score);
        }
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    bead_status st = bead_output_printf(out, err, "%s\n", s);
    free(s);
    return st;
}

static bead_status write_top(bead_output *out, match_format fmt, match_row *rows, size_t n,
                             size_t top, bead_error *err)
{
    if (n)   /* qsort wants a non-NULL array, even for none */
        qsort(rows, n, sizeof *rows, by_a_score);
    bead_status s = BEAD_OK;
    size_t jobno = 0, k = 0;
    for (size_t i = 0; i < n && s == BEAD_OK; i++) {
        k = i && !strcmp(rows[i].a, rows[i - 1].a) ? k + 1 : 0;
        if (k >= top)
            continue;
        const match_row *r = &rows[i];
        s = write_row(out, fmt, r, r->c.verified ? bead_verdict_name(r->c.verdict) : "candidate",
                      r->c.verified ? r->c.score : r->c.index_score, &jobno, err);
    }
    return s;
}

bead_status match_write(bead_output *out, match_format fmt, match_row *rows, size_t n,
                        double min_score, size_t top, const match_collection *unmatched,
                        bead_error *err)
{
    if (fmt == MATCH_CANDIDATES) {
        bead_status s = BEAD_OK;
        for (size_t i = 0; i < n && s == BEAD_OK; i++) {
            char *line = match_row_format(&rows[i]);
            s = line ? bead_output_printf(out, err, "%s\n", line)
                     : bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            free(line);
        }
        return s;
    }
    if (top)
        return write_top(out, fmt, rows, n, top, err);
    int same = n && rows[0].same_side;
    /* One collection: each unordered pair once, named in name order. */
    for (size_t i = 0; same && i < n; i++)
        if (strcmp(rows[i].a, rows[i].b) > 0) {
            char *t = rows[i].a;
            rows[i].a = rows[i].b;
            rows[i].b = t;
            char l[16];
            memcpy(l, rows[i].alang, 16);
            memcpy(rows[i].alang, rows[i].blang, 16);
            memcpy(rows[i].blang, l, 16);
        }
    if (n)   /* qsort wants a non-NULL array, even for none */
        qsort(rows, n, sizeof *rows, by_pair);
    /* The same pair twice (from two shards, or from both of its documents'
     * queries): keep one, the verified one when there is one, else the
     * better scored (each document's query weighs the pair its own way). */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && !by_pair(&rows[m - 1], &rows[i])) {
            const bead_match_candidate *k = &rows[m - 1].c, *o = &rows[i].c;
            if ((!k->verified && o->verified) ||
                (k->verified == o->verified && o->score > k->score)) {
                match_row t = rows[m - 1];
                rows[m - 1] = rows[i];
                rows[i] = t;
            }
            match_row_clear(&rows[i]);
            continue;
        }
        if (m != i) {
            rows[m] = rows[i];
            memset(&rows[i], 0, sizeof rows[i]);
        }
        m++;
    }
    n = m;
    size_t na = 0, nb = 0;
    char **an = name_table(rows, n, same ? 2 : 0, &na);
    char **bn = same ? an : name_table(rows, n, 1, &nb);
    bead_match_pair *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (!an || !bn || !pairs) {
        free(an);
        if (!same)
            free(bn);
        free(pairs);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    if (same)
        nb = na;
    for (size_t i = 0; i < n; i++) {
        pairs[i].a = name_id(an, na, rows[i].a);
        pairs[i].b = name_id(bn, nb, rows[i].b);
        pairs[i].c = rows[i].c;
    }
    bead_match_assign(pairs, n, min_score, same);
    bead_status s = BEAD_OK;
    size_t jobno = 0;
    for (size_t i = 0; i < n && s == BEAD_OK; i++)
        if (pairs[i].result != BEAD_VERDICT_NONE)
            s = write_row(out, fmt, &rows[i], bead_verdict_name(pairs[i].result),
                          rows[i].c.score, &jobno, err);
    /* Documents in no listed row, when asked for. */
    char **listed = malloc((2 * n + 1) * sizeof *listed);
    size_t nl = 0;
    size_t nunmatched = unmatched ? unmatched->n : 0;
    if (!listed && nunmatched)
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    for (size_t i = 0; listed && i < n; i++)
        if (pairs[i].result != BEAD_VERDICT_NONE) {
            listed[nl++] = rows[i].a;
            listed[nl++] = rows[i].b;
        }
    if (listed)
        if (nl)   /* qsort wants a non-NULL array, even for none */
            qsort(listed, nl, sizeof *listed, by_str);
    for (size_t i = 0; fmt != MATCH_JOBS && listed && i < nunmatched && s == BEAD_OK; i++) {
        const char *name = unmatched->paths[i];
        if (bsearch(&name, listed, nl, sizeof *listed, by_str))
            continue;
        match_row r;
        memset(&r, 0, sizeof r);
        r.a = unmatched->paths[i];
        r.b = "";
        memcpy(r.alang, unmatched->langs[i], sizeof r.alang);
        s = write_row(out, fmt, &r, "unmatched", 0, &jobno, err);
    }
    free(listed);
    free(pairs);
    free(an);
    if (!same)
        free(bn);
    return s;
}
