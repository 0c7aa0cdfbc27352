/* Building the fidelity report of an alignment of N versions.
 *
 * The first version is the reference. Per unit of the alignment:
 *   - a sentence of the reference in a unit where another version has no
 *     text is "omitted" (by those versions); a sentence of another version
 *     in a unit where the reference has no text is "added"; so are the
 *     sentences of a unit scored under weak_score (default 0.3), marked
 *     "weak": the aligner itself doubts they belong together;
 *   - in a weak unit where a version has several sentences, one of them
 *     that nothing in the other versions' text accounts for (see split_off)
 *     is omitted or added by itself, as if it stood in a unit of its own (a
 *     lead sentence the aligner joined to the title), and the rest of the
 *     unit, when sound without it, is no longer weak;
 *   - a number in one version's text that another version's text of the
 *     same unit lacks is a number mismatch (numbers normalised as for the
 *     aligner's anchors: "10,000" = "10.000", "1,7" = "1.7");
 *   - a rare name (the aligner's transliterated name key, in at most
 *     REPORT_RARE_NAME sentences) found in both documents but, in this
 *     unit, only in one version is a name mismatch. Names come only from
 *     languages that do not capitalise their nouns;
 *   - a unit whose length ratio (characters of a version over the
 *     reference's) is more than length_factor times off the median ratio
 *     of the units is a length outlier (units of 20 characters and more);
 *   - the lowest-scoring units with text in two versions or more, scored
 *     under low_score (0.5), are listed: a unit scored 0.9999 is no problem.
 * Number words and what counts as a name: report_words.c.
 * Coverage of a version is the share of its sentences in units where at
 * least one other version has text, scored at least weak_score. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/lang_internal.h"
#include "align/judge/judge.h"
#include "align/multi/multi_internal.h"
#include "align/report/report_internal.h"
#include "align/report/report_words.h"
#include "core/grow.h"

#define REPORT_RARE_NAME 3
/* In a weak unit, a sentence of REPORT_LONE_MIN_WORDS words or more, with
 * several sentences on its side, is split off when its best 1-1 score
 * against the other versions' sentences of the unit (the mining model's,
 * bd_pair_checker_score) is under REPORT_LONE_SCORE and under
 * REPORT_LONE_WORDS of its words find a translation or cognate there, while
 * another sentence of its version scores REPORT_CORE_SCORE or more. Only in
 * weak units: in confident N:M units of the dev sets (Text+Berg), such
 * sentences are mostly fragments of a true 2-1 ("Literatur :"), and the
 * split said "omitted" wrongly 17 times out of 20. */
#define REPORT_LONE_SCORE 0.05
#define REPORT_LONE_WORDS 0.15
#define REPORT_LONE_MIN_WORDS 3
#define REPORT_CORE_SCORE 0.3

void bead_report_options_init(bead_report_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->lowest = 10;
    opt->length_factor = 2.0;
    opt->low_score = 0.5;
    opt->weak_score = 0.3;
}

/* ------------------------------------------------------------ helpers */

typedef struct strset {
    char **s;
    size_t n, cap;
} strset;

static void strset_clear(strset *set)
{
    for (size_t i = 0; i < set->n; i++)
        free(set->s[i]);
    set->n = 0;
}

static void strset_free(strset *set)
{
    strset_clear(set);
    free(set->s);
    memset(set, 0, sizeof *set);
}

static int strset_has(const strset *set, const char *s, size_t len)
{
    for (size_t i = 0; i < set->n; i++)
        if (strlen(set->s[i]) == len && !memcmp(set->s[i], s, len))
            return 1;
    return 0;
}

static void strset_add(void *ctx, const char *s, size_t len)
{
    strset *set = ctx;
    if (strset_has(set, s, len))
        return;
    if (array_grow((void **)&set->s, &set->cap, set->n + 1, sizeof *set->s, 8))
        return;
    char *copy = strndup(s, len);
    if (copy)
        set->s[set->n++] = copy;
}

/* The numbers of version v's text of unit u, as digits or, with
 * spelled, as the words that spell them out ("zwei"): those answer a "2"
 * of another version and never raise a mismatch. */
static void unit_numbers_as(const bead_doc *d, const bead_alignment *al, size_t u, size_t v,
                            int spelled, strset *out)
{
    size_t begin, count;
    bead_alignment_range(al, u, v, &begin, &count);
    strset_clear(out);
    for (size_t k = begin; k < begin + count; k++) {
        size_t len;
        const char *t = bead_doc_text(d, k, &len);
        if (spelled)
            bd_report_number_words(bead_doc_lang(d), t, len, strset_add, out);
        else
            bd_features_numbers(t, len, strset_add, out);
    }
}

/* The texts of a unit's version joined by spaces (malloc'd). */
static char *unit_text(const bead_doc *d, const bead_alignment *al, size_t u, size_t v)
{
    size_t begin, count, total = 1;
    bead_alignment_range(al, u, v, &begin, &count);
    for (size_t k = begin; k < begin + count; k++) {
        size_t len;
        bead_doc_text(d, k, &len);
        total += len + 1;
    }
    char *s = malloc(total), *p = s;
    if (!s)
        return NULL;
    for (size_t k = begin; k < begin + count; k++) {
        size_t len;
        const char *t = bead_doc_text(d, k, &len);
        if (p != s)
            *p++ = ' ';
        memcpy(p, t, len);
        p += len;
    }
    *p = '\0';
    return s;
}

static size_t unit_chars(const bead_doc *d, const bead_alignment *al, size_t u, size_t v)
{
    size_t begin, count, chars = 0;
    bead_alignment_range(al, u, v, &begin, &count);
    for (size_t k = begin; k < begin + count; k++) {
        size_t len;
        const char *t = bead_doc_text(d, k, &len);
        for (size_t b = 0; b < len; b++)
            chars += ((unsigned char)t[b] & 0xC0) != 0x80;
    }
    return chars;
}

static int add_note(bead_report *r, size_t u, const char *fmt, const char *a, const char *b)
{
    char line[600];
    snprintf(line, sizeof line, fmt, a, b);
    size_t old = r->notes[u] ? strlen(r->notes[u]) : 0, add = strlen(line);
    char *n = realloc(r->notes[u], old + add + 2);
    if (!n)
        return -1;
    if (old)
        n[old++] = '\n';
    memcpy(n + old, line, add + 1);
    r->notes[u] = n;
    return 0;
}

static report_span span_of(const bead_alignment *al, size_t u, size_t v)
{
    report_span sp;
    bead_alignment_range(al, u, v, &sp.begin, &sp.count);
    return sp;
}

/* A new zeroed entry at the end of a list (at, n, cap), or NULL when out of
 * memory. */
static void *list_push(void **at, size_t *n, size_t *cap, size_t elem)
{
    if (array_grow(at, cap, *n + 1, elem, 16))
        return NULL;
    void *e = (char *)*at + (*n)++ * elem;
    memset(e, 0, elem);
    return e;
}

#define LIST_PUSH(list) list_push((void **)&(list).at, &(list).n, &(list).cap, sizeof *(list).at)

/* Lists value, found in version v's text of unit u but not in version w's. */
static int list_mismatch(report_mismatches *list, const bead_alignment *al, size_t u,
                         const char *value, size_t v, size_t w)
{
    report_mismatch *e = LIST_PUSH(*list);
    if (!e)
        return -1;
    e->unit = u;
    e->value = strdup(value);
    e->version = v;
    e->index = span_of(al, u, v);
    e->missing_in = w;
    e->missing_index = span_of(al, u, w);
    return e->value ? 0 : -1;
}

/* ------------------------------------------------------------- build */

typedef struct name_ctx {
    key_table *kt;
    translit *tr;
    sent_features *f;        /* per version */
    unsigned char **present; /* per version: key id -> sentences holding it, up to 255 */
    size_t nkeys;
} name_ctx;

static void names_free(name_ctx *c, size_t n)
{
    if (c->f)
        for (size_t v = 0; v < n; v++)
            bd_features_free(&c->f[v]);
    if (c->present)
        for (size_t v = 0; v < n; v++)
            free(c->present[v]);
    free(c->f);
    free(c->present);
    bd_key_table_free(c->kt);
    bd_translit_free(c->tr);
}

static int names_init(name_ctx *c, const bead_doc *const *docs, size_t n)
{
    memset(c, 0, sizeof *c);
    c->kt = bd_key_table_create();
    c->tr = bd_translit_create();
    c->f = calloc(n, sizeof *c->f);
    c->present = calloc(n, sizeof *c->present);
    if (!c->kt || !c->tr || !c->f || !c->present)
        return -1;
    for (size_t v = 0; v < n; v++)
        if (bd_features_build(&c->f[v], docs[v], 0, bead_doc_size(docs[v]), c->kt, c->tr, NULL))
            return -1;
    c->nkeys = bd_key_table_size(c->kt);
    for (size_t v = 0; v < n; v++) {
        c->present[v] = calloc(c->nkeys + 1, 1);
        if (!c->present[v])
            return -1;
        for (size_t k = 0; k < c->f[v].nkeys; k++)
            if (c->present[v][c->f[v].keys[k]] < 255)
                c->present[v][c->f[v].keys[k]]++;
    }
    return 0;
}

/* 1 if a key of version v's sentences [begin, begin+count) equals id. */
static int range_has_key(const sent_features *f, size_t begin, size_t count, uint32_t id)
{
    for (size_t i = begin; i < begin + count; i++)
        for (size_t k = f->key_off[i]; k < f->key_off[i + 1]; k++)
            if (f->keys[k] == id)
                return 1;
    return 0;
}

/* Whether a word of a sentence has the name key key (without its kind
 * byte): the aligner's transliteration and skeleton, as features.c. */
typedef struct name_key {
    name_ctx *nc;
    const char *lang, *key;
} name_key;

static int is_name_key(void *p, const char *word, size_t len)
{
    name_key *k = p;
    char t[256], sk[160];
    size_t tl = bd_translit_word(k->nc->tr, k->lang, word, len, t, sizeof t);
    size_t kl = tl ? bd_features_name_skeleton(t, tl, sk, sizeof sk) : 0;
    return kl && kl == strlen(k->key) && !memcmp(sk, k->key, kl);
}

static int build_mismatches(bead_report *r)
{
    const bead_alignment *al = r->al;
    size_t n = r->n;
    strset *nums = calloc(n, sizeof *nums), *spelled = calloc(n, sizeof *spelled);
    report_names **names = calloc(n, sizeof *names);
    name_ctx nc;
    memset(&nc, 0, sizeof nc);
    int rc = -1;
    if (!nums || !spelled || !names || names_init(&nc, (const bead_doc *const *)r->docs, n))
        goto done;
    for (size_t v = 0; v < n; v++)
        if (!(names[v] = bd_report_names_create(r->docs[v])))
            goto done;
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t present = 0;
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            present += c > 0;
        }
        if (present < 2)
            continue;
        for (size_t v = 0; v < n; v++) {
            unit_numbers_as(r->docs[v], al, u, v, 0, &nums[v]);
            unit_numbers_as(r->docs[v], al, u, v, 1, &spelled[v]);
        }
        for (size_t v = 0; v < n; v++) {
            size_t bv, cv;
            bead_alignment_range(al, u, v, &bv, &cv);
            if (!cv)
                continue;
            for (size_t w = 0; w < n; w++) {
                size_t bw, cw;
                bead_alignment_range(al, u, w, &bw, &cw);
                if (w == v || !cw)
                    continue;
                for (size_t k = 0; k < nums[v].n; k++) {
                    const char *num = nums[v].s[k];
                    if (strset_has(&nums[w], num, strlen(num)) ||
                        strset_has(&spelled[w], num, strlen(num)))
                        continue;
                    if (list_mismatch(&r->numbers, al, u, num, v, w))
                        goto done;
                    r->flags[u] |= UNIT_NUMBER;
                    char vv[32], ww[32];
                    snprintf(vv, sizeof vv, "%s", num);
                    snprintf(ww, sizeof ww, "%zu", w);
                    if (add_note(r, u, "number %s missing in version %s", vv, ww))
                        goto done;
                }
                if (bd_lang_capitalises_nouns(bead_doc_lang(r->docs[v])))
                    continue;
                /* Names: in both documents, but here on one side only. */
                const sent_features *fv = &nc.f[v];
                for (size_t i = bv; i < bv + cv; i++)
                    for (size_t k = fv->key_off[i]; k < fv->key_off[i + 1]; k++) {
                        uint32_t id = fv->keys[k];
                        if (bd_key_table_key(nc.kt, id)[0] != KEY_NAME || !nc.present[w][id] ||
                            nc.present[v][id] > REPORT_RARE_NAME ||
                            range_has_key(&nc.f[w], bw, cw, id))
                            continue;
                        int dup = 0;   /* once per unit and pair */
                        for (size_t i2 = bv; i2 <= i && !dup; i2++)
                            for (size_t k2 = fv->key_off[i2];
                                 k2 < (i2 == i ? k : fv->key_off[i2 + 1]) && !dup; k2++)
                                dup = fv->keys[k2] == id;
                        if (dup)
                            continue;
                        /* A name as the language writes names, shown as
                         * written (report_words.c). */
                        name_key nk = {&nc, bead_doc_lang(r->docs[v]),
                                       bd_key_table_key(nc.kt, id) + 1};
                        size_t tlen, wlen;
                        const char *text = bead_doc_text(r->docs[v], i, &tlen), *word;
                        if (!bd_report_name_in(names[v], text, tlen, is_name_key, &nk, &word,
                                               &wlen))
                            continue;
                        char shown[160];
                        snprintf(shown, sizeof shown, "%.*s", (int)(wlen < 150 ? wlen : 150),
                                 word);
                        if (list_mismatch(&r->names, al, u, shown, v, w))
                            goto done;
                        r->flags[u] |= UNIT_NAME;
                        char ww[32];
                        snprintf(ww, sizeof ww, "%zu", w);
                        if (add_note(r, u, "name '%s' missing in version %s", shown, ww))
                            goto done;
                    }
            }
        }
    }
    rc = 0;
done:
    if (nums)
        for (size_t v = 0; v < n; v++)
            strset_free(&nums[v]);
    if (spelled)
        for (size_t v = 0; v < n; v++)
            strset_free(&spelled[v]);
    if (names)
        for (size_t v = 0; v < n; v++)
            bd_report_names_free(names[v]);
    free(nums);
    free(spelled);
    free(names);
    names_free(&nc, n);
    return rc;
}

/* Pair checkers per pair of versions, opened when a unit first needs one. */
typedef struct checkers {
    bead_pair_checker **chk;   /* [a * n + b], a < b */
    unsigned char *tried;
    size_t n;
} checkers;

static void checkers_free(checkers *c)
{
    for (size_t k = 0; c->chk && k < c->n * c->n; k++)
        bd_pair_checker_free(c->chk[k]);
    free(c->chk);
    free(c->tried);
}

static const bead_pair_checker *checker_for(const bead_report *r, checkers *c, size_t a,
                                            size_t b)
{
    size_t k = a * c->n + b;
    if (!c->tried[k]) {
        c->tried[k] = 1;
        const bead_doc *da = r->docs[a], *db = r->docs[b];
        const bead_lexicon *lex =
            bead_lexicon_set_find(r->opt.lexicons, bead_doc_lang(da), bead_doc_lang(db));
        if (bd_pair_checker_create(&c->chk[k], da, db, NULL, lex, NULL) != BEAD_OK)
            c->chk[k] = NULL;
    }
    return c->chk[k];
}

/* How well the other versions of unit u account for sentence i of version
 * v: the best 1-1 score and the best share of its words matched. */
static void sentence_support(const bead_report *r, checkers *c, size_t u, size_t v, size_t i,
                             double *score, double *share, size_t *words)
{
    *score = 0;
    *share = 0;
    *words = 0;
    for (size_t w = 0; w < r->n; w++) {
        size_t bw, cw;
        bead_alignment_range(r->al, u, w, &bw, &cw);
        if (w == v || !cw)
            continue;
        const bead_pair_checker *chk = checker_for(r, c, v < w ? v : w, v < w ? w : v);
        if (!chk)
            continue;
        for (size_t k = bw; k < bw + cw; k++) {
            double s = v < w ? bd_pair_checker_score(chk, i, k)
                             : bd_pair_checker_score(chk, k, i);
            if (s > *score)
                *score = s;
        }
        double sh = bd_pair_checker_support(chk, v < w ? 0 : 1, i, bw, cw, words);
        if (sh > *share)
            *share = sh;
    }
}

/* Marks lone[i - first[v]] for the sentences of unit u to split off (see
 * REPORT_LONE_SCORE); *core_ok is 1 when every other sentence of the unit
 * scores REPORT_CORE_SCORE or more, so that what remains is a sound unit.
 * Returns the number split off, or -1 when out of memory. */
static int split_off(const bead_report *r, checkers *c, size_t u, unsigned char *lone,
                     const size_t *first, int *core_ok)
{
    size_t n = r->n, total = first[n];
    double *best = malloc((total ? total : 1) * sizeof *best);
    if (!best)
        return -1;
    int nsplit = 0;
    *core_ok = 1;
    for (size_t v = 0; v < n; v++) {
        size_t b, cnt;
        bead_alignment_range(r->al, u, v, &b, &cnt);
        int has_core = 0;
        for (size_t i = b; i < b + cnt; i++) {
            double share;
            size_t words;
            sentence_support(r, c, u, v, i, &best[first[v] + i - b], &share, &words);
            lone[first[v] + i - b] = best[first[v] + i - b] < REPORT_LONE_SCORE &&
                                     share < REPORT_LONE_WORDS &&
                                     words >= REPORT_LONE_MIN_WORDS;
            has_core |= best[first[v] + i - b] >= REPORT_CORE_SCORE;
        }
        for (size_t i = b; i < b + cnt; i++) {
            size_t k = first[v] + i - b;
            lone[k] = lone[k] && cnt >= 2 && has_core;
            nsplit += lone[k];
            if (!lone[k] && best[k] < REPORT_CORE_SCORE)
                *core_ok = 0;
        }
    }
    free(best);
    return nsplit;
}

/* Lists sentence i of version v (in unit u) as missing in the nmissing
 * versions of missing. */
static int list_gap(bead_report *r, report_gaps *list, size_t u, size_t v, size_t i,
                    const size_t *missing, size_t nmissing, int weak)
{
    report_gap *e = LIST_PUSH(*list);
    if (!e)
        return -1;
    size_t len;
    e->version = v;
    e->index = i;
    e->text = bead_doc_text(r->docs[v], i, &len);
    e->unit = u;
    e->missing_in = malloc((nmissing ? nmissing : 1) * sizeof *e->missing_in);
    if (!e->missing_in)
        return -1;
    memcpy(e->missing_in, missing, nmissing * sizeof *missing);
    e->nmissing = nmissing;
    e->weak = weak;
    return 0;
}

static int build_gaps(bead_report *r)
{
    const bead_alignment *al = r->al;
    size_t n = r->n, nu = bead_alignment_size(al);
    size_t *covered = calloc(n, sizeof *covered);
    size_t *first = calloc(n + 1, sizeof *first);   /* per version: offset into lone */
    size_t *others = malloc(n * sizeof *others), *missing = malloc(n * sizeof *missing);
    unsigned char *lone = NULL;
    size_t lone_cap = 0;
    checkers chk = {calloc(n * n, sizeof *chk.chk), calloc(n * n, 1), n};
    if (!covered || !first || !others || !missing || !chk.chk || !chk.tried)
        goto fail;
    for (size_t u = 0; u < nu; u++) {
        size_t present = 0, several = 0;
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            present += c > 0;
            several |= c >= 2;
            first[v + 1] = first[v] + c;
        }
        if (present < n)
            r->flags[u] |= UNIT_GAP;
        /* A unit the aligner itself doubts (a posterior under weak_score)
         * most likely pairs sentences that have no counterpart. */
        int weak = present >= 2 && bead_alignment_score(al, u) < r->opt.weak_score;
        if (first[n] > lone_cap) {
            unsigned char *nl = realloc(lone, first[n]);
            if (!nl)
                goto fail;
            lone = nl;
            lone_cap = first[n];
        }
        if (lone)
            memset(lone, 0, first[n]);
        if (weak && several) {
            int core_ok;
            int nsplit = split_off(r, &chk, u, lone, first, &core_ok);
            if (nsplit < 0)
                goto fail;
            /* Without its lone sentences the unit may be sound after all. */
            if (nsplit > 0) {
                r->flags[u] |= UNIT_GAP;
                if (core_ok)
                    weak = 0;
            }
        }
        size_t b0, c0;
        bead_alignment_range(al, u, 0, &b0, &c0);
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            if (!c)
                continue;
            /* A lone sentence is missing in every other version. */
            size_t nothers = 0;
            for (size_t w = 0; w < n; w++)
                if (w != v)
                    others[nothers++] = w;
            size_t nlone = 0;
            for (size_t i = b; i < b + c; i++) {
                if (!lone[first[v] + i - b])
                    continue;
                nlone++;
                char iv[64], vv[32];
                snprintf(iv, sizeof iv, "%zu", i);
                snprintf(vv, sizeof vv, "%zu", v);
                if (list_gap(r, v == 0 ? &r->omitted : &r->added, u, v, i, others, nothers, 0) ||
                    add_note(r, u, "sentence %s of version %s has no counterpart", iv, vv))
                    goto fail;
            }
            if (present >= 2 && !weak)
                covered[v] += c - nlone;
            if (present == n && !weak)
                continue;
            if (v != 0 && c0 && !weak)
                continue;   /* the reference has it: listed as omitted there */
            size_t nmissing = 0;
            for (size_t w = 0; w < n; w++) {
                size_t bw, cw;
                bead_alignment_range(al, u, w, &bw, &cw);
                if (w != v && (!cw || weak))
                    missing[nmissing++] = w;
            }
            for (size_t i = b; i < b + c; i++) {
                if (lone[first[v] + i - b])
                    continue;
                if (list_gap(r, v == 0 ? &r->omitted : &r->added, u, v, i, missing, nmissing,
                             weak))
                    goto fail;
            }
        }
    }
    for (size_t v = 0; v < n; v++) {
        size_t total = bead_doc_size(r->docs[v]);
        r->versions[v].coverage =
            total ? round((double)covered[v] / (double)total * 1e4) / 1e4 : 1.0;
    }
    checkers_free(&chk);
    free(lone);
    free(missing);
    free(others);
    free(first);
    free(covered);
    return 0;
fail:
    checkers_free(&chk);
    free(lone);
    free(missing);
    free(others);
    free(first);
    free(covered);
    return -1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int build_lengths(bead_report *r)
{
    const bead_alignment *al = r->al;
    size_t n = r->n, nu = bead_alignment_size(al);
    double *ratios = malloc((nu ? nu : 1) * sizeof *ratios);
    if (!ratios)
        return -1;
    for (size_t v = 1; v < n; v++) {
        /* The expected ratio: the median of the units' ratios, which the
         * outliers themselves do not drag (the ratio of the totals when
         * there are fewer than 3 units to take it from). */
        double tot0 = 0, totv = 0;
        size_t nr = 0;
        for (size_t u = 0; u < nu; u++) {
            size_t b0, c0, bv, cv;
            bead_alignment_range(al, u, 0, &b0, &c0);
            bead_alignment_range(al, u, v, &bv, &cv);
            if (c0 && cv) {
                double l0 = (double)unit_chars(r->docs[0], al, u, 0);
                double lv = (double)unit_chars(r->docs[v], al, u, v);
                tot0 += l0;
                totv += lv;
                if (l0 > 0 && lv > 0 && l0 + lv >= 20)
                    ratios[nr++] = lv / l0;
            }
        }
        if (tot0 <= 0 || totv <= 0)
            continue;
        double c = totv / tot0;
        if (nr >= 3) {
            qsort(ratios, nr, sizeof *ratios, cmp_double);
            c = nr % 2 ? ratios[nr / 2] : (ratios[nr / 2 - 1] + ratios[nr / 2]) / 2;
        }
        for (size_t u = 0; u < nu; u++) {
            size_t b0, c0, bv, cv;
            bead_alignment_range(al, u, 0, &b0, &c0);
            bead_alignment_range(al, u, v, &bv, &cv);
            if (!c0 || !cv)
                continue;
            double l0 = (double)unit_chars(r->docs[0], al, u, 0);
            double lv = (double)unit_chars(r->docs[v], al, u, v);
            if (l0 + lv < 20 || l0 <= 0 || lv <= 0)
                continue;
            double off = (lv / l0) / c;
            if (off <= r->opt.length_factor && off >= 1.0 / r->opt.length_factor)
                continue;
            report_length *o = LIST_PUSH(r->lengths);
            if (!o) {
                free(ratios);
                return -1;
            }
            o->unit = u;
            o->version = v;
            o->index = span_of(al, u, v);
            o->reference_index = span_of(al, u, 0);
            o->ratio = round(lv / l0 * 1e4) / 1e4;
            o->expected = round(c * 1e4) / 1e4;
            r->flags[u] |= UNIT_LENGTH;
            char a[64], b[64];
            snprintf(a, sizeof a, "%zu", v);
            snprintf(b, sizeof b, "%.2f (expected %.2f)", lv / l0, c);
            if (add_note(r, u, "version %s length ratio %s", a, b)) {
                free(ratios);
                return -1;
            }
        }
    }
    free(ratios);
    return 0;
}

typedef struct scored {
    size_t u;
    double s;
} scored;

static int cmp_scored(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->u < y->u ? -1 : x->u > y->u;
}

static int build_lowest(bead_report *r)
{
    const bead_alignment *al = r->al;
    size_t n = r->n, nu = bead_alignment_size(al), m = 0;
    scored *sc = malloc((nu ? nu : 1) * sizeof *sc);
    if (!sc)
        return -1;
    for (size_t u = 0; u < nu; u++) {
        size_t present = 0;
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            present += c > 0;
        }
        if (present >= 2 && bead_alignment_score(al, u) < r->opt.low_score) {
            sc[m++] = (scored){u, bead_alignment_score(al, u)};
            r->flags[u] |= UNIT_LOW;
        }
    }
    qsort(sc, m, sizeof *sc, cmp_scored);
    for (size_t k = 0; k < m && k < r->opt.lowest; k++) {
        size_t u = sc[k].u;
        report_low *o = LIST_PUSH(r->lowest);
        if (!o || !(o->versions = malloc(n * sizeof *o->versions))) {
            free(sc);
            return -1;
        }
        o->unit = u;
        o->score = round(sc[k].s * 1e4) / 1e4;
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            if (!c)
                continue;
            report_text *e = &o->versions[o->nversions];
            e->version = v;
            e->index = span_of(al, u, v);
            e->text = unit_text(r->docs[v], al, u, v);
            if (!e->text) {
                free(sc);
                return -1;
            }
            o->nversions++;
        }
        r->flags[u] |= UNIT_LOWEST;
    }
    free(sc);
    return 0;
}

static void add_verdict(bead_report *r, size_t a, size_t b, const bead_alignment *p)
{
    report_verdict *o = &r->verdicts[r->nverdicts++];
    o->a = a;
    o->b = b;
    o->verdict = bead_alignment_verdict(p);
    o->coverage = round(bead_alignment_coverage(p) * 1e4) / 1e4;
    o->mean_score = round(bead_alignment_mean_score(p) * 1e4) / 1e4;
}

bead_status bead_report_build(bead_report **out, const bead_doc *const *docs, size_t n,
                              const bead_alignment *al, const bead_alignment *const *pairs,
                              size_t npairs, const bead_report_options *opt, bead_error *err)
{
    *out = NULL;
    if (n < 1 || bead_alignment_nversions(al) != n)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the report needs an alignment of the %zu documents given", n);
    if (pairs && npairs != bead_pair_count(n))
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the report needs all %zu pairs of %zu versions, not %zu",
                              bead_pair_count(n), n, npairs);
    bead_report *r = calloc(1, sizeof *r);
    if (!r)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    size_t nu = bead_alignment_size(al);
    r->n = n;
    r->al = al;
    if (opt)
        r->opt = *opt;
    else
        bead_report_options_init(&r->opt);
    r->docs = malloc(n * sizeof *r->docs);
    r->flags = calloc(nu ? nu : 1, 1);
    r->notes = calloc(nu ? nu : 1, sizeof *r->notes);
    r->versions = calloc(n, sizeof *r->versions);
    size_t nverdicts = pairs ? npairs : n == 2;
    r->verdicts = calloc(nverdicts ? nverdicts : 1, sizeof *r->verdicts);
    int ok = r->docs && r->flags && r->notes && r->versions && r->verdicts;
    for (size_t v = 0; ok && v < n; v++) {
        r->docs[v] = docs[v];
        r->versions[v].file = bead_doc_name(docs[v]);
        r->versions[v].lang = bead_doc_lang(docs[v]);
        r->versions[v].sentences = bead_doc_size(docs[v]);
    }
    ok = ok && build_gaps(r) == 0 && build_mismatches(r) == 0 && build_lengths(r) == 0 &&
         build_lowest(r) == 0;
    if (ok && pairs) {
        for (size_t k = 0; k < npairs; k++) {
            size_t a, b;
            bead_pair_versions(k, n, &a, &b);
            add_verdict(r, a, b, pairs[k]);
        }
    } else if (ok && n == 2) {
        add_verdict(r, 0, 1, al);
    }
    if (!ok) {
        bead_report_free(r);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    r->opt.lexicons = NULL;   /* borrowed for this call only */
    *out = r;
    return BEAD_OK;
}

void bead_report_free(bead_report *r)
{
    if (!r)
        return;
    if (r->notes)
        for (size_t u = 0; u < bead_alignment_size(r->al); u++)
            free(r->notes[u]);
    free(r->notes);
    free(r->flags);
    free(r->docs);
    free(r->versions);
    for (size_t k = 0; k < r->omitted.n; k++)
        free(r->omitted.at[k].missing_in);
    free(r->omitted.at);
    for (size_t k = 0; k < r->added.n; k++)
        free(r->added.at[k].missing_in);
    free(r->added.at);
    for (size_t k = 0; k < r->numbers.n; k++)
        free(r->numbers.at[k].value);
    free(r->numbers.at);
    for (size_t k = 0; k < r->names.n; k++)
        free(r->names.at[k].value);
    free(r->names.at);
    free(r->lengths.at);
    for (size_t k = 0; k < r->lowest.n; k++) {
        for (size_t e = 0; e < r->lowest.at[k].nversions; e++)
            free(r->lowest.at[k].versions[e].text);
        free(r->lowest.at[k].versions);
    }
    free(r->lowest.at);
    free(r->verdicts);
    free(r);
}

int bead_report_is_html(const char *name)
{
    size_t len = strlen(name);
    if (len > 3 && !strcmp(name + len - 3, ".gz"))
        len -= 3;
    return (len >= 5 && !strncmp(name + len - 5, ".html", 5)) ||
           (len >= 4 && !strncmp(name + len - 4, ".htm", 4));
}

size_t bd_report_omitted_by(const bead_report *r, size_t v)
{
    size_t n = 0;
    for (size_t k = 0; k < r->omitted.n; k++)
        for (size_t m = 0; m < r->omitted.at[k].nmissing; m++)
            n += r->omitted.at[k].missing_in[m] == v;
    return n;
}
