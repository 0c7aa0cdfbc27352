/* The pairwise aligner: sections, the EM-style rounds of align and
 * re-estimate, and the alignment it returns.
 *
 * Score of a bead: its posterior probability under the bead model, from
 * forward-backward over the same band the Viterbi path was found in:
 *     score = exp(F(start) - cost(bead) / T + B(end) - F(n,m))
 * where F and B are the forward and backward log sums over all paths and
 * cost = -log P(type) + GC length cost (or the deletion cost) - anchors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/lexicon/lexicon_internal.h"
#include "align/pair/pair.h"
#include "core/deadline.h"

struct bead_aligner {
    bead_align_options opt;
    translit *tr;
    dp_tables *tables;     /* filled once, read by every DP */
    double deadline;       /* bead_aligner_set_deadline, 0: none */
};

bead_status bead_aligner_create(bead_aligner **out, const bead_align_options *opt,
                                bead_error *err)
{
    *out = NULL;
    bead_aligner *a = calloc(1, sizeof *a);
    if (!a)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (opt)
        a->opt = *opt;
    else
        bead_align_options_init(&a->opt);
    if (a->opt.bead_types == 0)
        a->opt.bead_types = BEAD_TYPES_DEFAULT;
    if (a->opt.iterations < 0)
        a->opt.iterations = 0;
    a->tr = bd_translit_create();
    a->tables = malloc(sizeof *a->tables);
    if (!a->tr || !a->tables) {
        bead_aligner_free(a);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    bd_dp_tables_fill(a->tables);
    *out = a;
    return BEAD_OK;
}

void bead_aligner_free(bead_aligner *a)
{
    if (!a)
        return;
    bd_translit_free(a->tr);
    free(a->tables);
    free(a);
}

void bead_aligner_set_deadline(bead_aligner *a, double deadline) { a->deadline = deadline; }
translit *bd_aligner_translit(bead_aligner *a) { return a->tr; }

static bead_status check_deadline(const bead_aligner *a, bead_error *err)
{
    if (!bd_deadline_passed(a->deadline))
        return BEAD_OK;
    return bead_error_set(err, BEAD_ERR_TIMEOUT, -1, 0, "over the time limit while aligning");
}

/* First sentence of each section: starts[s] for s = 0..nsec, starts[nsec] = size. */
static size_t *section_starts(const bead_doc *d, uint64_t nsec)
{
    size_t *st = calloc(nsec + 1, sizeof *st);
    if (!st)
        return NULL;
    size_t n = bead_doc_size(d), i = 0;
    for (uint64_t s = 0; s < nsec; s++) {
        st[s] = i;
        while (i < n && bead_doc_section(d, i) == s)
            i++;
    }
    st[nsec] = n;
    return st;
}

/* "0, 12, 40" (0-based sentence indices where each section starts), cut
 * short with "..." when long. */
static void describe_sections(const bead_doc *d, uint64_t nsec, char *buf, size_t size)
{
    size_t *st = section_starts(d, nsec), used = 0;
    uint64_t s = 0;
    buf[0] = '\0';
    for (; st && s < nsec && used + 32 < size; s++)
        used += (size_t)snprintf(buf + used, size - used, "%s%zu", s ? ", " : "", st[s]);
    if (s < nsec)
        snprintf(buf + used, size - used, "%s...", s ? ", " : "");
    free(st);
}

static double code_points(const bead_doc *d)
{
    double n = 0;
    for (size_t i = 0; i < bead_doc_size(d); i++) {
        size_t len;
        const char *t = bead_doc_text(d, i, &len);
        for (size_t b = 0; b < len; b++)
            n += ((unsigned char)t[b] & 0xC0) != 0x80;
    }
    return n;
}

/* The first guess of c: the ratio of the documents' lengths in characters. */
static double char_ratio(const bead_doc *src, const bead_doc *trg)
{
    double a = code_points(src), b = code_points(trg);
    return a > 0 && b > 0 ? b / a : 1.0;
}

/* Labels of the rare number and name keys both sides of a bead share. */
static bead_status label_anchors(bead_alignment *al, size_t unit, const align_model *m,
                                 const key_table *kt, const sent_features *fs, size_t i0,
                                 size_t i1, const sent_features *ft, size_t j0, size_t j1,
                                 bead_error *err)
{
    for (size_t k = fs->key_off[i0]; k < fs->key_off[i1]; k++) {
        uint32_t id = fs->keys[k];
        char kind = bd_key_table_key(kt, id)[0];
        if (m->key_weight[id] <= 0 || (kind != KEY_NUMBER && kind != KEY_NAME))
            continue;
        int dup = 0;
        for (size_t q = fs->key_off[i0]; q < k && !dup; q++)
            dup = fs->keys[q] == id;
        int found = 0;
        for (size_t q = ft->key_off[j0]; q < ft->key_off[j1] && !found; q++)
            found = ft->keys[q] == id;
        if (dup || !found)
            continue;
        char label[200];
        snprintf(label, sizeof label, "%s:%s", kind == KEY_NUMBER ? "num" : "name",
                 bd_key_table_label(kt, id));
        bead_status s = bead_alignment_add_anchor(al, unit, label, err);
        if (s != BEAD_OK)
            return s;
    }
    return BEAD_OK;
}

/* Short lines (site names, "Leave a Reply", "Top news") carry no length
 * evidence, so the DP pairs leftover ones with each other when it has
 * nothing better. Such a pair, with no anchor and a posterior below one
 * half, is more likely wrong than right: it is reported as two unaligned
 * sentences instead. Long sentences keep their bead. */
#define SHORT_CHARS 40

/* Match weight of a sentence pair all of whose words have a translation on
 * the other side (in the units of the anchor keys, see model.c). */
#ifndef LEXICON_SCALE
#define LEXICON_SCALE 2.0
#endif

static int unsupported_guess(const align_model *m, const sent_features *fs,
                             const sent_features *ft, const dp_bead *d, const band *lex_band)
{
    size_t a = (size_t)bd_type_src[d->type], b = (size_t)bd_type_trg[d->type];
    if (d->posterior >= 0.5 || fs->len_prefix[d->i + a] - fs->len_prefix[d->i] >= SHORT_CHARS ||
        ft->len_prefix[d->j + b] - ft->len_prefix[d->j] >= SHORT_CHARS)
        return 0;
    for (size_t p = 0; p < a; p++)
        for (size_t q = 0; q < b; q++)
            if (bd_model_pair_match(m, fs, d->i + p, ft, d->j + q) > 0)
                return 0;
    /* Words the dictionary (or the learned lexicon) translates support it as
     * much: "any" / "alle" in a table. */
    if (m->extra_match && lex_band)
        for (size_t p = 0; p < a; p++)
            for (size_t q = 0; q < b; q++) {
                int64_t c = bd_band_cell(lex_band, (int64_t)(d->i + p + 1), (int64_t)(d->j + q + 1));
                if (c >= 0 && m->extra_match[c] > 0)
                    return 0;
            }
    return 1;
}

/* What a section's alignment needs before its first DP round: the
 * features, the key weights and the band. None of them depends on the
 * dictionary, so the second pass (learned lexicon) reuses the first pass's
 * instead of building them again; so does the first DP round, which runs
 * before the dictionary evidence is added, and what comes of it: the narrow
 * band around its path, where the later rounds search, and the anchor
 * matches of that band's cells. */
typedef struct section_prep {
    key_table *kt;
    sent_features fs, ft;
    float *key_weight;
    size_t nkeys_weighed;
    band b;              /* the first round's: the whole matrix, or a coarse path's */
    dp_result round0;    /* the first round's path, once computed */
    int have_round0;
    band narrow;         /* round0's path widened by NARROW_RADIUS */
    band near;           /* round0's path widened by NEAR_RADIUS */
    float *match, *negmatch;  /* bd_dp_cell_match's, on the narrow band */
    int ready;
} section_prep;

/* Columns either side of the first round's path that the later rounds
 * search when the first searched a band. Re-estimating the length model and adding dictionary evidence
 * moves the path by a sentence or two (bench/reports/align_scaling.md), so
 * the later rounds need not search the first round's wider band: on a
 * 100,000-sentence pair that is about a third of its cells. */
#ifndef NARROW_RADIUS
#define NARROW_RADIUS 4
#endif

/* Columns either side of the first round's path where the later rounds
 * look for beads of the types of five sentences (BD_TYPES_NEAR): such a
 * bead stands for two or three smaller ones the first round put there.
 * Text+Berg's dev scores are the same from 0 to 8, and the wider band
 * costs a pair searched in a band more (debref en-de, 2,671 x 2,664
 * sentences: +2.1% instructions at 0, +3.2% at 1, +5.1% at 4). */
#ifndef NEAR_RADIUS
#define NEAR_RADIUS 1
#endif

/* The types of the first round: those of five sentences only in the later
 * rounds, unless the mask has no others that pair sentences. */
static unsigned first_round_types(unsigned allowed)
{
    unsigned first = allowed & ~BD_TYPES_NEAR;
    return first & ~((1u << BEAD_1_0) | (1u << BEAD_0_1)) ? first : allowed;
}

/* Whether a path leaves more than UNALIGNED_MAX of the sentences without a
 * counterpart. Such a pair is no translation cut differently (the beads of
 * five sentences are for that) but a comparable one, or one with long
 * insertions, where such beads would take in the sentences that have no
 * counterpart and make the pair look translated: two news articles on the
 * same story (corpora/news-dprk-cyber, de/en) leave 39% unaligned and
 * were judged parallel with them; Text+Berg leaves 4%. */
#define UNALIGNED_MAX 0.2

static int mostly_unaligned(const dp_result *path, size_t nsent)
{
    size_t lone = bd_dp_count_type(path, BEAD_1_0) + bd_dp_count_type(path, BEAD_0_1);
    return (double)lone > UNALIGNED_MAX * (double)nsent;
}

static void section_prep_free(section_prep *p)
{
    if (!p)
        return;
    bd_features_free(&p->fs);
    bd_features_free(&p->ft);
    free(p->key_weight);
    bd_band_free(&p->b);
    bd_band_free(&p->narrow);
    bd_band_free(&p->near);
    free(p->match);
    free(p->negmatch);
    bd_dp_result_free(&p->round0);
    bd_key_table_free(p->kt);
    memset(p, 0, sizeof *p);
}

/* Share of sentences read the same on the other side (bd_copy_share) from
 * which a section counts as a copy. */
#define COPY_SHARE 0.7

/* One section to align: src sentences [s0,s1), trg [t0,t1), with lex (may
 * be NULL) as the dictionary anchor. prep is built on first use and kept
 * for the next pass. */
typedef struct section_job {
    const bead_aligner *a;
    const bead_doc *src, *trg;
    size_t s0, s1, t0, t1;
    double c0;                /* the initial length ratio */
    const bead_lexicon *lex;
    const doc_features *dsrc, *dtrg;   /* may be NULL */
    section_prep *prep;
} section_job;

static bead_status section_prep_build(const section_job *job, bead_error *err)
{
    section_prep *p = job->prep;
    const bead_aligner *a = job->a;
    memset(p, 0, sizeof *p);
    align_model m;
    bd_model_init(&m, first_round_types(a->opt.bead_types), job->c0);
    if (!a->opt.anchors)
        bd_model_drop_anchors(&m);
    m.tables = a->tables;
    m.deadline = a->deadline;
    p->kt = bd_key_table_create();
    if (!p->kt)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (bd_features_for(&p->fs, job->src, job->s0, job->s1, p->kt, a->tr, job->dsrc, err) ||
        bd_features_for(&p->ft, job->trg, job->t0, job->t1, p->kt, a->tr, job->dtrg, err) ||
        bd_model_weigh_keys(&m, &p->fs, &p->ft, p->kt)) {
        free(m.key_weight);
        section_prep_free(p);
        return err && err->status != BEAD_OK ? err->status
                                             : bead_error_set(err, BEAD_ERR_NOMEM, -1, 0,
                                                              "out of memory");
    }
    p->key_weight = m.key_weight;
    p->nkeys_weighed = m.nkeys_weighed;
    /* A text against its copy: a repeated line is no page furniture there,
     * and its penalty (on both sides of a 1-1 bead, more than leaving both
     * unaligned costs) would break the diagonal of a text that repeats
     * itself. Translations share almost no sentence that reads the same. */
    if (bd_copy_share(job->src, job->s0, job->s1, job->trg, job->t0, job->t1) >= COPY_SHARE) {
        free(p->fs.repeat);
        free(p->ft.repeat);
        p->fs.repeat = p->ft.repeat = NULL;
    }
    if (bd_search_band(&p->b, &p->fs, &p->ft, &m, err)) {
        section_prep_free(p);
        return err ? err->status : BEAD_ERR_NOMEM;
    }
    p->ready = 1;
    return BEAD_OK;
}

/* After the first round: keeps its path, and replaces the first round's band
 * by the narrow band around the path, with its cells' anchor matches. */
static bead_status section_prep_narrow(section_prep *p, dp_result *round0, const align_model *m,
                                       bead_error *err)
{
    p->round0 = *round0;
    p->have_round0 = 1;
    memset(round0, 0, sizeof *round0);
    /* A pair small enough to be searched whole stays whole: its posteriors
     * then sum over every path. Cutting paths off inflates them where the
     * documents do not really correspond (a comparable pair's first path is
     * a poor guide), and the verdict reads them. */
    int rc = bd_band_is_full(&p->b) ? bd_band_full(&p->narrow, p->fs.n, p->ft.n)
                                 : bd_band_around_path(&p->narrow, &p->round0, p->fs.n, p->ft.n,
                                                    NARROW_RADIUS);
    if (!rc)
        rc = bd_band_around_path(&p->near, &p->round0, p->fs.n, p->ft.n, NEAR_RADIUS);
    if (rc || bd_dp_cell_match(&p->narrow, &p->fs, &p->ft, m, &p->match, &p->negmatch))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    bd_band_free(&p->b);
    return BEAD_OK;
}

/* Aligns one section, appending its beads to al; *info gets its model. */
static bead_status align_section(const section_job *job, bead_alignment *al,
                                 bead_model_info *info, bead_error *err)
{
    const bead_aligner *a = job->a;
    section_prep *prep = job->prep;
    bead_status st = BEAD_OK;
    if (!prep->ready) {
        st = section_prep_build(job, err);
        if (st != BEAD_OK)
            return st;
    }
    const key_table *kt = prep->kt;
    const sent_features *fs = &prep->fs, *ft = &prep->ft;
    align_model m;
    bd_model_init(&m, first_round_types(a->opt.bead_types), job->c0);
    if (!a->opt.anchors)
        bd_model_drop_anchors(&m);
    m.tables = a->tables;
    m.deadline = a->deadline;
    m.key_weight = prep->key_weight;
    m.nkeys_weighed = prep->nkeys_weighed;
    dp_result res;
    memset(&res, 0, sizeof res);
    float *lex_evidence = NULL;
    for (int round = 0;; round++) {
        int last = round >= a->opt.iterations;
        const dp_result *cur = &res;
        if (round == 0 && !last && prep->have_round0) {
            cur = &prep->round0;
        } else if (round == 0) {
            /* Round 0 runs before any dictionary evidence: the same in
             * every pass. */
            if (bd_dp_align(&res, &prep->b, fs, ft, &m, last, err)) {
                st = err ? err->status : BEAD_ERR_NOMEM;
                goto done;
            }
            if (!last) {
                st = section_prep_narrow(prep, &res, &m, err);
                if (st != BEAD_OK)
                    goto done;
                cur = &prep->round0;
            }
        } else {
            m.cell_match = prep->match;
            m.cell_negmatch = prep->negmatch;
            if (bd_dp_align(&res, &prep->narrow, fs, ft, &m, last, err)) {
                st = err ? err->status : BEAD_ERR_NOMEM;
                goto done;
            }
        }
        if (last)
            break;
        if (round == 0 && m.allowed != a->opt.bead_types && !mostly_unaligned(cur, fs->n + ft->n)) {
            bd_model_allow(&m, a->opt.bead_types);
            m.near = &prep->near;
        }
        if (round == 0 && job->lex && !lex_evidence) {
            lex_evidence = bd_lexicon_cell_evidence(&prep->narrow, cur, job->src, job->s0,
                                                    job->trg, job->t0, job->lex, LEXICON_SCALE);
            if (!lex_evidence) {
                st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
                goto done;
            }
            m.extra_match = lex_evidence;
        }
        bd_model_reestimate(&m, cur, fs, ft);
        bd_dp_result_free(&res);
    }
    for (size_t k = 0; k < res.n; k++) {
        const dp_bead *d = &res.beads[k];
        size_t begin[2] = {job->s0 + d->i, job->t0 + d->j};
        size_t count[2] = {(size_t)bd_type_src[d->type], (size_t)bd_type_trg[d->type]};
        if (count[0] && count[1] && unsupported_guess(&m, fs, ft, d, lex_evidence ? &prep->narrow : NULL)) {
            /* Scored as the probability that they are indeed unaligned. */
            for (size_t p = 0; p < count[0] && st == BEAD_OK; p++) {
                size_t b1[2] = {begin[0] + p, begin[1]}, c1[2] = {1, 0};
                st = bead_alignment_append(al, b1, c1, 1 - d->posterior, err);
            }
            for (size_t q = 0; q < count[1] && st == BEAD_OK; q++) {
                size_t b1[2] = {begin[0] + count[0], begin[1] + q}, c1[2] = {0, 1};
                st = bead_alignment_append(al, b1, c1, 1 - d->posterior, err);
            }
            if (st != BEAD_OK)
                goto done;
            continue;
        }
        st = bead_alignment_append(al, begin, count, d->posterior, err);
        if (st == BEAD_OK && count[0] && count[1])
            st = label_anchors(al, bead_alignment_size(al) - 1, &m, kt, fs, d->i,
                               d->i + count[0], ft, d->j, d->j + count[1], err);
        if (st != BEAD_OK)
            goto done;
    }
    info->c = m.c;
    info->s2 = m.s2;
    for (int t = 0; t < BEAD_NTYPES; t++)
        info->prior[t] = m.prior[t];
done:
    bd_dp_result_free(&res);
    free(lex_evidence);
    return st;
}

/* A first verdict from coverage alone (bead_classify_pair's rule needs the
 * anchors too). Parallel texts cover most of both; unrelated ones almost
 * nothing. */
static void set_verdict(bead_alignment *al, size_t ns, size_t nt)
{
    double coverage = bd_verdict_coverage(al, ns, nt);
    bead_verdict v = coverage >= 0.6   ? BEAD_VERDICT_PARALLEL
                     : coverage >= 0.2 ? BEAD_VERDICT_COMPARABLE
                                       : BEAD_VERDICT_UNRELATED;
    if (ns + nt == 0)
        v = BEAD_VERDICT_PARALLEL;
    bd_alignment_set_verdict(al, v, coverage);
}

/* Sections with fewer sentences (both sides) than this do not keep their
 * features and bands between the two passes. */
#define KEEP_PREP_SENTENCES 64

/* One pass over every section, with lex (may be NULL) as the dictionary
 * anchor. *info gets the model of the largest section, which stands for the
 * document. */
static bead_status align_pass(bead_aligner *a, const bead_doc *src, const bead_doc *trg,
                              const size_t *ss, const size_t *ts, uint64_t nsec, double c0,
                              const bead_lexicon *lex, const doc_features *const df[2],
                              section_prep *preps, bead_alignment **out, bead_model_info *info,
                              bead_error *err)
{
    *out = NULL;
    bead_alignment *al = NULL;
    bead_status st = bead_alignment_create(&al, 2, err);
    if (st != BEAD_OK)
        return st;
    memset(info, 0, sizeof *info);
    info->c = c0;
    info->s2 = 6.8;
    size_t largest = 0;
    for (uint64_t s = 0; s < nsec && st == BEAD_OK; s++) {
        bead_model_info sec;
        memset(&sec, 0, sizeof sec);
        section_job job = {.a = a, .src = src, .trg = trg, .s0 = ss[s], .s1 = ss[s + 1],
                           .t0 = ts[s], .t1 = ts[s + 1], .c0 = c0, .lex = lex,
                           .dsrc = df[0], .dtrg = df[1], .prep = &preps[s]};
        st = check_deadline(a, err);
        if (st == BEAD_OK)
            st = align_section(&job, al, &sec, err);
        size_t size = ss[s + 1] - ss[s] + ts[s + 1] - ts[s];
        /* A small section's state is cheaper to build again (for the
         * learned lexicon's pass) than to keep: 100,000 sections of one
         * sentence kept 23 KB each. The rebuilt state is the same. */
        if (nsec > 1 && size < KEEP_PREP_SENTENCES)
            section_prep_free(&preps[s]);
        if (st == BEAD_OK && (s == 0 || size > largest)) {
            *info = sec;
            largest = size;
        }
    }
    if (st != BEAD_OK) {
        bead_alignment_free(al);
        return st;
    }
    *out = al;
    return BEAD_OK;
}

/* The learned lexicon (bench/reports/align_ablation.md): the word pairs of
 * the first pass's confident 1-1 beads, used alone as the dictionary anchor
 * of a second pass. Below these sizes there is too little to learn from and
 * the second pass is skipped. A pair the first pass found not parallel
 * (coverage as in set_verdict) has no confident beads worth learning from. */
#define LEARN_MIN_SENTENCES 30
#define LEARN_MIN_PAIRS 50
#define LEARN_MIN_SCORE 0.5
#define LEARN_MIN_COVERAGE 0.6

/* *out gets a lexicon learned from al, or NULL when it would be too small
 * to be worth a second pass. The lexicon belongs to this call only: the
 * options' dictionary, shared by batch threads, is never written. */
static bead_status learn_from(const bead_doc *src, const bead_doc *trg, const bead_alignment *al,
                              bead_lexicon **out, bead_error *err)
{
    *out = NULL;
    if (bead_doc_size(src) < LEARN_MIN_SENTENCES || bead_doc_size(trg) < LEARN_MIN_SENTENCES ||
        bead_alignment_coverage(al) < LEARN_MIN_COVERAGE)
        return BEAD_OK;
    bead_lexicon *lex = NULL;
    size_t learned = 0;
    bead_status st = bead_lexicon_create(&lex, bead_doc_lang(src), bead_doc_lang(trg), err);
    if (st == BEAD_OK)
        st = bead_lexicon_learn(lex, src, trg, al, LEARN_MIN_SCORE, &learned, err);
    if (st != BEAD_OK || learned < LEARN_MIN_PAIRS) {
        bead_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return BEAD_OK;
}

bead_status bead_align_pair(bead_aligner *a, const bead_doc *src, const bead_doc *trg,
                            bead_alignment **out, bead_error *err)
{
    return bd_aligner_align_pair(a, src, trg, NULL, NULL, out, err);
}

bead_status bd_aligner_align_pair(bead_aligner *a, const bead_doc *src, const bead_doc *trg,
                                  const doc_features *dsrc, const doc_features *dtrg,
                                  bead_alignment **out, bead_error *err)
{
    *out = NULL;
    const doc_features *df[2] = {bd_doc_features_of(dsrc, src), bd_doc_features_of(dtrg, trg)};
    double t_start = bead_seconds();
    uint64_t ns = bead_doc_section_count(src), nt = bead_doc_section_count(trg);
    if (ns != nt) {
        char where[2][160];
        describe_sections(src, ns, where[0], sizeof where[0]);
        describe_sections(trg, nt, where[1], sizeof where[1]);
        return bead_error_set(err, BEAD_ERR_SECTIONS, -1, 0,
                              "%s has %llu section(s) but %s has %llu: the .EOA / form-feed "
                              "barriers must match one for one (sections start at sentence %s "
                              "in %s, and at %s in %s)",
                              bead_doc_name(src), (unsigned long long)ns, bead_doc_name(trg),
                              (unsigned long long)nt, where[0], bead_doc_name(src), where[1],
                              bead_doc_name(trg));
    }
    size_t *ss = section_starts(src, ns), *ts = section_starts(trg, nt);
    if (!ss || !ts) {
        free(ss);
        free(ts);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    section_prep *preps = calloc(ns ? ns : 1, sizeof *preps);
    if (!preps) {
        free(ss);
        free(ts);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    double c0 = char_ratio(src, trg);
    bead_model_info info;
    bead_alignment *al = NULL;
    bead_lexicon *learned = NULL;
    const bead_lexicon *lex = bd_pair_lexicon(a->opt.lexicon, a->opt.lexicons,
                                              bead_doc_lang(src), bead_doc_lang(trg));
    bead_status st = align_pass(a, src, trg, ss, ts, ns, c0, lex, df, preps, &al, &info, err);
    if (st == BEAD_OK && a->opt.learn) {
        set_verdict(al, bead_doc_size(src), bead_doc_size(trg));
        st = learn_from(src, trg, al, &learned, err);
        if (st == BEAD_OK && learned) {
            /* The second pass replaces it. */
            bead_alignment_free(al);
            al = NULL;
        }
    }
    if (st == BEAD_OK && learned) {
        /* As measured best: the learned pairs alone, not merged into the
         * dictionary (which may also be wrong for the domain). */
        bead_alignment *again = NULL;
        st = align_pass(a, src, trg, ss, ts, ns, c0, learned, df, preps, &again, &info, err);
        if (st == BEAD_OK)
            al = again;
    }
    bead_lexicon_free(learned);
    for (uint64_t s = 0; s < ns; s++)
        section_prep_free(&preps[s]);
    free(preps);
    free(ss);
    free(ts);
    if (st != BEAD_OK) {
        bead_alignment_free(al);
        return st;
    }
    info.seconds = bead_seconds() - t_start;
    bd_alignment_set_model(al, &info);
    set_verdict(al, bead_doc_size(src), bead_doc_size(trg));
    *out = al;
    return BEAD_OK;
}
