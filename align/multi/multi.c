/* Aligning by mode (align, mine, or decide from the verdict) and aligning
 * N versions together through a pivot. */
#include <stdlib.h>
#include <string.h>

#include "align/lexicon/lexicon_internal.h"
#include "align/multi/multi_internal.h"

static bead_status copy_alignment(const bead_alignment *from, bead_alignment **out,
                                  bead_error *err)
{
    size_t nv = bead_alignment_nversions(from);
    size_t *begin = calloc(nv, sizeof *begin), *count = calloc(nv, sizeof *count);
    bead_alignment *al = NULL;
    bead_status s = begin && count ? bead_alignment_create(&al, nv, err)
                                   : bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    for (size_t u = 0; s == BEAD_OK && u < bead_alignment_size(from); u++) {
        for (size_t v = 0; v < nv; v++)
            bead_alignment_range(from, u, v, &begin[v], &count[v]);
        s = bead_alignment_append(al, begin, count, bead_alignment_score(from, u), err);
        if (s == BEAD_OK && bead_alignment_evidence(from, u) >= 0)
            bd_alignment_set_evidence(al, u, bd_alignment_posterior(from, u),
                                      bead_alignment_evidence(from, u));
        for (size_t a = 0; s == BEAD_OK && a < bead_alignment_anchor_count(from, u); a++)
            s = bead_alignment_add_anchor(al, u, bead_alignment_anchor(from, u, a), err);
    }
    free(begin);
    free(count);
    if (s != BEAD_OK) {
        bead_alignment_free(al);
        return s;
    }
    bd_alignment_copy_pair_facts(al, from);
    *out = al;
    return BEAD_OK;
}

/* Every sentence on its own: what an unrelated pair prints (no pairs). */
static bead_status all_unaligned(const bead_alignment *mono, size_t ns, size_t nt,
                                 bead_alignment **out, bead_error *err)
{
    bead_alignment *al = NULL;
    bead_status s = bead_alignment_create(&al, 2, err);
    for (size_t i = 0; s == BEAD_OK && i < ns; i++) {
        size_t b[2] = {i, 0}, c[2] = {1, 0};
        s = bead_alignment_append(al, b, c, 0.0, err);
    }
    for (size_t j = 0; s == BEAD_OK && j < nt; j++) {
        size_t b[2] = {ns, j}, c[2] = {0, 1};
        s = bead_alignment_append(al, b, c, 0.0, err);
    }
    if (s != BEAD_OK) {
        bead_alignment_free(al);
        return s;
    }
    bd_alignment_copy_pair_facts(al, mono);
    *out = al;
    return BEAD_OK;
}

/* The pair's dictionary by the rule of bead_align_options. */
static const bead_lexicon *pair_lexicon(const bead_align_options *opt, const bead_doc *src,
                                        const bead_doc *trg)
{
    return bd_pair_lexicon(opt->lexicon, opt->lexicons, bead_doc_lang(src), bead_doc_lang(trg));
}

static bead_status mine_with_lexicon(bead_aligner *aligner, const bead_align_options *opt,
                                     const bead_doc *src, const bead_doc *trg,
                                     const doc_features *const df[2],
                                     const bead_alignment *mono, double threshold,
                                     bead_alignment **out, bead_error *err)
{
    /* With the pair's dictionary, if the caller handed one, the lexical
     * check; without, anchors and length decide. The aligner's
     * transliterator already holds the documents' words. */
    bead_status s = bd_mine_pair_tr(src, trg, mono, pair_lexicon(opt, src, trg),
                                    bd_aligner_translit(aligner), df[0], df[1], threshold, out,
                                    err);
    bead_model_info info;
    bead_alignment_model(mono, &info);
    if (s == BEAD_OK)
        bd_alignment_set_model(*out, &info);
    return s;
}

/* The judge's verdict on mono (judge.h), mining when the verdict needs it
 * or the mode asks for it; *mined gets the mined pairs (NULL when none were
 * mined), scored by the judge. */
static bead_status judge(bead_aligner *aligner, const bead_align_options *opt,
                         const bead_doc *src, const bead_doc *trg,
                         const doc_features *const df[2], bead_alignment *mono,
                         bead_alignment **mined, bead_error *err)
{
    *mined = NULL;
    /* The translation evidence uses the dictionary the caller handed for
     * the pair only (none with --dict none). */
    const bead_lexicon *lex = pair_lexicon(opt, src, trg);
    pair_judge j;
    bead_status s = bd_judge_begin(&j, src, trg, mono, lex, bd_aligner_translit(aligner), err);
    if (s == BEAD_OK && (bd_judge_needs_mined(&j) ||
                         (opt->mode == BEAD_MODE_MINE && j.verdict != BEAD_VERDICT_UNRELATED))) {
        double threshold = opt->mine_threshold > 0 ? opt->mine_threshold : 0.5;
        s = mine_with_lexicon(aligner, opt, src, trg, df, mono, threshold, mined, err);
        if (s == BEAD_OK)
            bd_judge_mined(&j, *mined);
    }
    if (s != BEAD_OK) {
        bd_judge_free(&j);
        bead_alignment_free(*mined);
        *mined = NULL;
        return s;
    }
    bd_judge_end(&j, src, trg, mono, NULL);
    if (*mined)
        bd_alignment_copy_pair_facts(*mined, mono);
    return BEAD_OK;
}

/* The mined pairs of an unrelated pair: none (even in mining mode). */
static bead_status no_pairs(const bead_alignment *mono, bead_alignment **out, bead_error *err)
{
    bead_status s = bead_alignment_create(out, 2, err);
    if (s == BEAD_OK)
        bd_alignment_copy_pair_facts(*out, mono);
    return s;
}

bead_status bead_align_decide(bead_aligner *aligner, const bead_align_options *opt,
                              const bead_doc *src, const bead_doc *trg, bead_alignment **out,
                              bead_alignment **monotone, bead_error *err)
{
    return bd_align_decide(aligner, opt, src, trg, NULL, NULL, out, monotone, err);
}

bead_status bd_align_decide(bead_aligner *aligner, const bead_align_options *opt,
                            const bead_doc *src, const bead_doc *trg, const doc_features *dsrc,
                            const doc_features *dtrg, bead_alignment **out,
                            bead_alignment **monotone, bead_error *err)
{
    const doc_features *df[2] = {dsrc, dtrg};
    *out = NULL;
    if (monotone)
        *monotone = NULL;
    bead_align_options defaults;
    if (!opt) {
        bead_align_options_init(&defaults);
        opt = &defaults;
    }
    bead_alignment *mono = NULL, *mined = NULL, *result = NULL;
    bead_status s = bd_aligner_align_pair(aligner, src, trg, dsrc, dtrg, &mono, err);
    if (s == BEAD_OK)
        s = judge(aligner, opt, src, trg, df, mono, &mined, err);
    if (s != BEAD_OK) {
        bead_alignment_free(mono);
        return s;
    }
    bead_verdict v = bead_alignment_verdict(mono);
    int mine = opt->mode == BEAD_MODE_MINE ||
               (opt->mode == BEAD_MODE_AUTO && v == BEAD_VERDICT_COMPARABLE);
    if (mine && mined && v != BEAD_VERDICT_UNRELATED) {
        result = mined;
        mined = NULL;
    } else if (mine) {
        s = no_pairs(mono, &result, err);
    } else if (opt->mode == BEAD_MODE_AUTO && v == BEAD_VERDICT_UNRELATED) {
        s = all_unaligned(mono, bead_doc_size(src), bead_doc_size(trg), &result, err);
    } else if (monotone) {
        s = copy_alignment(mono, &result, err);
    } else {
        result = mono;
        mono = NULL;
    }
    bead_alignment_free(mined);
    if (s != BEAD_OK) {
        bead_alignment_free(mono);
        return s;
    }
    *out = result;
    if (monotone)
        *monotone = mono;
    else
        bead_alignment_free(mono);
    return BEAD_OK;
}

void bead_alignment_list_free(bead_alignment **list, size_t n)
{
    if (!list)
        return;
    for (size_t k = 0; k < n; k++)
        bead_alignment_free(list[k]);
    free(list);
}

/* bead_align_decide for one pair of N. A pair whose dictionary is not the
 * shared aligner's (opt->lexicon) is aligned by an aligner made for it, as
 * bead always has: an aligner keeps transliterators for at most 8 languages
 * (translit.c), so with more languages than that, sharing one aligner among
 * more pairs would change their results. */
static bead_status decide_pair(bead_aligner *aligner, const bead_align_options *opt,
                               const bead_doc *src, const bead_doc *trg, bead_alignment **out,
                               bead_alignment **mono, bead_error *err)
{
    const bead_lexicon *lex = opt ? pair_lexicon(opt, src, trg) : NULL;
    if (!opt || lex == opt->lexicon)
        return bead_align_decide(aligner, opt, src, trg, out, mono, err);
    bead_align_options o = *opt;
    o.lexicon = lex;
    bead_aligner *own = NULL;
    bead_status s = bead_aligner_create(&own, &o, err);
    if (s == BEAD_OK)
        s = bead_align_decide(own, &o, src, trg, out, mono, err);
    bead_aligner_free(own);
    return s;
}

/* Does al cover both documents in order (a monotone alignment)? */
static int covers(const bead_alignment *al, size_t ns, size_t nt)
{
    size_t ps = 0, pt = 0;
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if ((c0 && b0 != ps) || (c1 && b1 != pt))
            return 0;
        ps += c0;
        pt += c1;
    }
    return ps == ns && pt == nt;
}

/* 1 if al has a unit with text on both sides. */
static int pairs_any(const bead_alignment *al)
{
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if (c0 && c1)
            return 1;
    }
    return 0;
}

/* Version v is unrelated to the pivot (or shares no pair with it): if another version that is placed
 * (not alone) translates part of it, v's sentences join that version's
 * units (multi_attach.c), so that what v shares with it is written. The
 * other version is the one with the highest coverage against v. */
static bead_status attach_elsewhere(bead_alignment *const *res, bead_alignment *const *mono,
                                    size_t n, size_t v, const size_t *sizes, int *alone,
                                    bead_alignment **merged, bead_error *err)
{
    size_t w = SIZE_MAX;
    double best = -1;
    for (size_t x = 0; x < n; x++) {
        if (x == v || alone[x])
            continue;
        const bead_alignment *m = mono[bead_pair_index(v, x, n)];
        if (bead_alignment_verdict(m) == BEAD_VERDICT_UNRELATED)
            continue;
        if (bead_alignment_coverage(m) > best + 1e-12) {
            best = bead_alignment_coverage(m);
            w = x;
        }
    }
    if (w == SIZE_MAX)
        return BEAD_OK;
    size_t k = bead_pair_index(v, w, n), a, b;
    bead_pair_versions(k, n, &a, &b);
    bead_alignment *cover = NULL, *joined = NULL;
    bead_status s = BEAD_OK;
    if (!covers(res[k], sizes[a], sizes[b]))
        s = bd_mined_to_covering(res[k], sizes[a], sizes[b], &cover, err);
    if (s == BEAD_OK)
        s = bd_multi_attach(*merged, n, v, w, cover ? cover : res[k], sizes, &joined, err);
    bead_alignment_free(cover);
    if (s != BEAD_OK)
        return s;
    bead_alignment_free(*merged);
    *merged = joined;
    alone[v] = 0;
    return BEAD_OK;
}

bead_status bead_align_multi(bead_aligner *aligner, const bead_align_options *opt,
                             const bead_doc *const *docs, size_t n, int pivot,
                             size_t *pivot_used, bead_alignment **out,
                             bead_alignment ***pairs, size_t *npairs, bead_error *err)
{
    *out = NULL;
    *pairs = NULL;
    *npairs = 0;
    if (n < 2)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "aligning needs two or more versions");
    if (pivot >= (int)n)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "pivot %d is not one of the %zu versions", pivot, n);
    size_t np = bead_pair_count(n);
    bead_alignment **res = calloc(np, sizeof *res), **mono = calloc(np, sizeof *mono);
    bead_alignment **merge_in = calloc(np, sizeof *merge_in);
    size_t *sizes = calloc(n, sizeof *sizes);
    int *alone = calloc(n, sizeof *alone);
    bead_status s = BEAD_OK;
    if (!res || !mono || !merge_in || !sizes || !alone) {
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        goto done;
    }
    for (size_t v = 0; v < n; v++)
        sizes[v] = bead_doc_size(docs[v]);
    for (size_t k = 0; k < np && s == BEAD_OK; k++) {
        size_t a, b;
        bead_pair_versions(k, n, &a, &b);
        s = decide_pair(aligner, opt, docs[a], docs[b], &res[k], &mono[k], err);
    }
    if (s != BEAD_OK)
        goto done;
    /* The pivot: the version with the highest mean coverage against the
     * others (ties: the earlier one). */
    size_t p = 0;
    if (pivot >= 0) {
        p = (size_t)pivot;
    } else {
        double best = -1;
        for (size_t v = 0; v < n; v++) {
            double sum = 0;
            for (size_t w = 0; w < n; w++)
                if (w != v)
                    sum += bead_alignment_coverage(mono[bead_pair_index(v, w, n)]);
            if (sum > best + 1e-12) {
                best = sum;
                p = v;
            }
        }
    }
    if (pivot_used)
        *pivot_used = p;
    /* What each pivot pair contributes: its monotone alignment, or for a
     * comparable pair its mined pairs (the order-keeping chain of them), or
     * nothing for an unrelated one. */
    for (size_t v = 0; v < n && s == BEAD_OK; v++) {
        if (v == p)
            continue;
        size_t k = bead_pair_index(p, v, n);
        bead_verdict vd = bead_alignment_verdict(mono[k]);
        size_t a, b;
        bead_pair_versions(k, n, &a, &b);
        /* Unrelated, or comparable with no pair the evidence kept (a
         * verdict from the path's units, nothing mined): nothing shared
         * with the pivot to write, so v may join another version. */
        if ((vd == BEAD_VERDICT_UNRELATED ||
             (vd == BEAD_VERDICT_COMPARABLE && !pairs_any(res[k]))) &&
            (!opt || opt->mode != BEAD_MODE_ALIGN))
            alone[v] = 1;
        else if (!covers(res[k], sizes[a], sizes[b]))
            s = bd_mined_to_covering(res[k], sizes[a], sizes[b], &merge_in[k], err);
    }
    if (s != BEAD_OK)
        goto done;
    const bead_alignment **in = calloc(np, sizeof *in);
    if (!in) {
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < np; k++)
        in[k] = merge_in[k] ? merge_in[k] : mono[k];
    s = bd_multi_merge(in, n, p, sizes, alone, out, err);
    free(in);
    for (size_t v = 0; v < n && s == BEAD_OK; v++)
        if (alone[v])
            s = attach_elsewhere(res, mono, n, v, sizes, alone, out, err);
    if (s == BEAD_OK)
        bd_alignment_set_pivot(*out, p);
done:
    if (mono)
        for (size_t k = 0; k < np; k++)
            bead_alignment_free(mono[k]);
    free(mono);
    if (merge_in)
        for (size_t k = 0; k < np; k++)
            bead_alignment_free(merge_in[k]);
    free(merge_in);
    free(sizes);
    free(alone);
    if (s != BEAD_OK) {
        bead_alignment_list_free(res, np);
        bead_alignment_free(*out);
        *out = NULL;
        return s;
    }
    *pairs = res;
    *npairs = np;
    return BEAD_OK;
}
