/* result.c: bead_align_texts and bead_align_docs, `bead align` in one call.
 * The steps are cmd_align's (cli/cmd_align.c): documents, dictionaries only
 * when every version has text, bead_align_decide for a pair and
 * bead_align_multi for more; the result keeps what the writers, the summary
 * and the report are then handed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bead/easy.h"

struct bead_result {
    size_t n;
    bead_doc **own;                 /* bead_align_texts' documents, else NULL */
    const bead_doc **docs;
    bead_alignment *al;             /* what bead align prints */
    bead_alignment *mono;           /* a pair's covering monotone alignment */
    bead_alignment **pairs;         /* N > 2: bead_align_multi's pairwise results */
    size_t npairs;
    const bead_alignment *pair_view[1];   /* a pair's one pairwise result: al */
    double seconds;
};

void bead_easy_options_init(bead_easy_options *opt)
{
    memset(opt, 0, sizeof *opt);
    bead_align_options_init(&opt->align);
    bead_input_options_init(&opt->input);
    opt->pivot = -1;
}

static bead_result *result_new(size_t n)
{
    bead_result *r = calloc(1, sizeof *r);
    if (r && !(r->docs = calloc(n, sizeof *r->docs))) {
        free(r);
        return NULL;
    }
    if (r)
        r->n = n;
    return r;
}

void bead_result_free(bead_result *r)
{
    if (!r)
        return;
    bead_alignment_list_free(r->pairs, r->npairs);
    bead_alignment_free(r->mono);
    bead_alignment_free(r->al);
    for (size_t v = 0; r->own && v < r->n; v++)
        bead_doc_free(r->own[v]);
    free(r->own);
    free(r->docs);
    free(r);
}

/* Aligns r->docs into r, as cmd_align does. */
static bead_status align_into(bead_result *r, const bead_easy_options *opt, bead_error *err)
{
    bead_easy_options defaults;
    if (!opt) {
        bead_easy_options_init(&defaults);
        opt = &defaults;
    }
    bead_align_options aopt = opt->align;
    if (opt->dicts)
        bead_dicts_apply(opt->dicts, &aopt);
    /* bead align hands dictionaries over only when every version has text
     * (loading them takes a moment): the same here, for the same results. */
    for (size_t v = 0; v < r->n; v++)
        if (bead_doc_size(r->docs[v]) == 0)
            aopt.lexicon = NULL, aopt.lexicons = NULL;
    bead_aligner *aligner = NULL;
    bead_status s = bead_aligner_create(&aligner, &aopt, err);
    if (s == BEAD_OK && r->n == 2) {
        s = bead_align_decide(aligner, &aopt, r->docs[0], r->docs[1], &r->al, &r->mono, err);
    } else if (s == BEAD_OK) {
        s = bead_align_multi(aligner, &aopt, r->docs, r->n, opt->pivot, NULL, &r->al,
                             &r->pairs, &r->npairs, err);
    }
    bead_aligner_free(aligner);
    r->pair_view[0] = r->al;
    return s;
}

static bead_status check_count(size_t n, bead_error *err)
{
    if (n < 2)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "aligning needs two or more versions, not %zu", n);
    return BEAD_OK;
}

bead_status bead_align_docs(const bead_doc *const *docs, size_t n,
                            const bead_easy_options *opt, bead_result **out, bead_error *err)
{
    double t0 = bead_seconds();
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_align_docs: no place for the result");
    *out = NULL;
    bead_status s = check_count(n, err);
    for (size_t v = 0; s == BEAD_OK && v < n; v++)
        if (!docs || !docs[v])
            s = bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_align_docs: version %zu is NULL",
                               v + 1);
    if (s != BEAD_OK)
        return s;
    bead_result *r = result_new(n);
    if (!r)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    memcpy(r->docs, docs, n * sizeof *docs);
    s = align_into(r, opt, err);
    if (s != BEAD_OK) {
        bead_result_free(r);
        return s;
    }
    r->seconds = bead_seconds() - t0;
    *out = r;
    return BEAD_OK;
}

/* Version v's text as a new document named name. */
static bead_status segment_version(bead_doc **doc, const char *text, size_t len,
                                   const char *lang, const char *name,
                                   const bead_easy_options *opt, bead_error *err)
{
    bead_segment_options sopt;
    bead_segment_options_init(&sopt);
    if (opt->presegmented)
        sopt.flags |= BEAD_SEGMENT_PRESEGMENTED;
    sopt.max_sentences = opt->max_sentences;
    bead_segmenter *seg = NULL;
    bead_input *in = NULL;
    bead_status s = bead_segmenter_create(&seg, lang, &sopt, err);
    if (s == BEAD_OK)
        s = bead_input_open_memory(&in, text ? text : "", len, name, &opt->input, err);
    if (s == BEAD_OK)
        s = bead_doc_segment(doc, seg, in, lang, err);
    bead_input_free(in);
    bead_segmenter_free(seg);
    return s;
}

bead_status bead_align_texts(const char *const *texts, const size_t *lens,
                             const char *const *langs, const char *const *names, size_t n,
                             const bead_easy_options *opt, bead_result **out, bead_error *err)
{
    double t0 = bead_seconds();
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_align_texts: no place for the result");
    *out = NULL;
    bead_status s = check_count(n, err);
    if (s == BEAD_OK && (!texts || !lens || !langs))
        s = bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                           "bead_align_texts wants the texts, their lengths and languages");
    if (s != BEAD_OK)
        return s;
    bead_easy_options defaults;
    if (!opt) {
        bead_easy_options_init(&defaults);
        opt = &defaults;
    }
    bead_result *r = result_new(n);
    if (!r || !(r->own = calloc(n, sizeof *r->own))) {
        bead_result_free(r);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    for (size_t v = 0; s == BEAD_OK && v < n; v++) {
        char name[32];
        snprintf(name, sizeof name, "version %zu", v + 1);
        if (!texts[v] && lens[v])
            s = bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "%s: no text but a length of %zu",
                               names && names[v] ? names[v] : name, lens[v]);
        else
            s = segment_version(&r->own[v], texts[v], lens[v], langs[v],
                                names && names[v] ? names[v] : name, opt, err);
        r->docs[v] = r->own[v];
    }
    if (s == BEAD_OK)
        s = align_into(r, opt, err);
    if (s != BEAD_OK) {
        bead_result_free(r);
        return s;
    }
    r->seconds = bead_seconds() - t0;
    *out = r;
    return BEAD_OK;
}

size_t bead_result_nversions(const bead_result *r) { return r ? r->n : 0; }

const bead_doc *const *bead_result_docs(const bead_result *r) { return r ? r->docs : NULL; }

const bead_alignment *bead_result_alignment(const bead_result *r) { return r ? r->al : NULL; }

const bead_alignment *bead_result_covering(const bead_result *r)
{
    return !r ? NULL : r->mono ? r->mono : r->al;
}

const bead_alignment *const *bead_result_pairs(const bead_result *r, size_t *npairs)
{
    if (!r) {
        if (npairs)
            *npairs = 0;
        return NULL;
    }
    if (npairs)
        *npairs = r->pairs ? r->npairs : 1;
    return r->pairs ? (const bead_alignment *const *)r->pairs : r->pair_view;
}

double bead_result_seconds(const bead_result *r) { return r ? r->seconds : 0; }

bead_status bead_result_write(const bead_result *r, bead_output *out, bead_format fmt,
                              bead_write_options *opt, bead_error *err)
{
    if (!r)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_result_write: no result");
    if (fmt == BEAD_FORMAT_MOSES)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "moses output is one file per version: use "
                              "bead_write_moses_side with bead_result_docs");
    const bead_alignment *al = fmt == BEAD_FORMAT_BEADS ? bead_result_covering(r) : r->al;
    bead_write_options defaults;
    if (!opt) {
        bead_write_options_init(&defaults);
        opt = &defaults;
    }
    return bead_write_alignment(out, fmt, r->docs, al, opt, err);
}

bead_status bead_result_write_summary(const bead_result *r, bead_output *out, bead_error *err)
{
    if (!r)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_result_write_summary: no result");
    size_t npairs;
    const bead_alignment *const *pairs = bead_result_pairs(r, &npairs);
    return bead_write_summary(out, r->docs, r->al, pairs, npairs, r->seconds, err);
}
