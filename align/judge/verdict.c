/* The document verdict: are two documents parallel (translations of each
 * other), comparable (about the same thing, some sentences translated) or
 * unrelated? And what each unit's score means.
 *
 * A path through two unrelated texts of the same kind still looks certain:
 * its posteriors say how sure the path is, not whether its sentences
 * translate each other. So the verdict and the scores rest on translation
 * evidence measured against chance (align/evidence/, doc/EVIDENCE.md): for
 * each unit with both sides, P(translation | evidence), given the share of
 * the pair's units that translate as the evidence has it. Each unit's score
 * becomes its path posterior times that probability: high only when both
 * say so.
 *
 * The rule (README.md repeats it), in order:
 *   parallel    two empty texts; or at least PARALLEL_SHARE of the
 *               sentences of each text are in units that translate (each
 *               unit counted by its P(translation) times its power); or,
 *               when the evidence is silent (no dictionary, and too few
 *               names, numbers or cognates to show anything either way),
 *               the path's own verdict is parallel (pair.h: coverage), and
 *               every unit's P(translation) is 1/2; or at least 70% of the
 *               sentences of both texts stand in units whose two sides read
 *               the same (letters and digits, case aside): a text and its
 *               (lightly edited) copy, however repetitive;
 *   unrelated   one text empty;
 *   comparable  at least COMPARABLE_PAIRS sentence pairs (1 when a text has
 *               one sentence) whose evidence stands STRONG_Z standard errors
 *               or more above chance: units of the path, or pairs mined
 *               wherever they stand (mine.c);
 *   unrelated   everything else. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/judge/judge.h"

#define PARALLEL_SHARE 0.4
#define STRONG_Z 4.0
#define COMPARABLE_PAIRS 2
/* The most P(translation) a mined pair of texts that are not parallel gets:
 * with no neighbour that translates too, even strong evidence may be a
 * passage told twice (Genesis 46:20 retells 41:50) rather than a
 * translation of it. */
#define MINED_TRANSLATION_MAX 0.85
/* Without a dictionary, mined pairs score low however right they are: the
 * classifier's own mining keeps candidates from this score on and lets
 * their evidence decide. */
#define CANDIDATE_SCORE 0.2
#define VERDICT_COPY_SHARE 0.7   /* sentences in beads whose sides read the same */

/* Texts whose words link weakly (no dictionary: names, numbers and the
 * few cognates of, say, Bulgarian and German) show little per unit, so
 * that few units reach PARALLEL_SHARE even in a translation (the Gospel of
 * John, bg-de, --dict none: 11% of the sentences, which the path aligns
 * right at 0.98). What they do show is a share of units above chance that
 * unrelated text never has: the EM estimate of the translated share
 * (doc.prior) is 0.3-0.5 there and 0.005 between unrelated texts of the same
 * kind, long or short (25 Genesis chapters against 25 others: 0.005, with
 * 0-1 units STRONG_Z above chance against 25-49). So when the path says
 * parallel and the evidence puts at least WEAK_PARALLEL_PRIOR of the units
 * among translations, with COMPARABLE_PAIRS units or more standing STRONG_Z
 * above chance, the pair is parallel. */
#define WEAK_PARALLEL_PRIOR 0.2

static int weakly_parallel(const pair_judge *j, bead_verdict path)
{
    return path == BEAD_VERDICT_PARALLEL && !j->doc.silent &&
           j->doc.prior >= WEAK_PARALLEL_PRIOR && j->strong_units >= COMPARABLE_PAIRS;
}

/* What the sentences [b, b + c) of d read, together (bd_reading). */
static bd_reading side_reading(const bead_doc *d, size_t b, size_t c)
{
    bd_reading r;
    bd_reading_init(&r);
    for (size_t i = b; i < b + c; i++) {
        size_t len;
        const char *t = bead_doc_text(d, i, &len);
        bd_reading_add(&r, t, len);
    }
    return r;
}

/* Share of the sentences of both texts in beads whose two sides read the
 * same: how much of the pair is a copy (a text and its copy, or a lightly
 * edited copy, however repetitive, is parallel). */
static double copied_share(const bead_doc *src, const bead_doc *trg, const bead_alignment *al)
{
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg), copied = 0;
    if (ns + nt == 0)
        return 0.0;
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if (!c0 || !c1 || b0 + c0 > ns || b1 + c1 > nt)
            continue;
        bd_reading a = side_reading(src, b0, c0), b = side_reading(trg, b1, c1);
        if (a.bytes && a.bytes == b.bytes && a.hash == b.hash)
            copied += c0 + c1;
    }
    return (double)copied / (double)(ns + nt);
}

void bd_judge_free(pair_judge *j)
{
    if (!j)
        return;
    bd_evidence_free(j->ev);
    j->ev = NULL;
}

/* Scores units of al from their evidence: path posterior x P(translation)
 * under prior; counts those far above chance. */
static void score_units(pair_judge *j, bead_alignment *al, double prior, double most,
                        size_t *strong)
{
    size_t n = bead_alignment_size(al);
    *strong = 0;
    for (size_t u = 0; u < n; u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if (!c0 || !c1)
            continue;
        span_evidence se;
        bd_evidence_span(j->ev, b0, c0, b1, c1, &se);
        double p = bd_evidence_translation(prior, se.z, se.power);
        p = p < most ? p : most;
        bd_alignment_set_evidence(al, u, bd_alignment_posterior(al, u), p);
        *strong += se.z >= STRONG_Z;
    }
}

bead_status bd_judge_begin(pair_judge *j, const bead_doc *src, const bead_doc *trg,
                           bead_alignment *mono, const bead_lexicon *lex, translit *tr,
                           bead_error *err)
{
    memset(j, 0, sizeof *j);
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg);
    j->verdict = BEAD_VERDICT_NONE;
    if (ns + nt == 0)
        j->verdict = BEAD_VERDICT_PARALLEL;   /* two empty texts: nothing differs */
    else if (ns == 0 || nt == 0)
        j->verdict = BEAD_VERDICT_UNRELATED;  /* all 1-0 or 0-1 */
    if (j->verdict != BEAD_VERDICT_NONE)
        return BEAD_OK;
    /* The aligner's first verdict, from the path alone. */
    bead_verdict path = bead_alignment_verdict(mono);
    bead_status s = bd_evidence_create(&j->ev, src, trg, lex, tr, err);
    if (s != BEAD_OK)
        return s;
    size_t n = bead_alignment_size(mono);
    double *p = malloc((n ? n : 1) * sizeof *p), *z = malloc((n ? n : 1) * sizeof *z);
    if (!p || !z || bd_evidence_units(j->ev, mono, p, z, &j->doc)) {
        free(p);
        free(z);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    for (size_t u = 0; u < n; u++) {
        if (p[u] < 0)
            continue;
        bd_alignment_set_evidence(mono, u, bd_alignment_posterior(mono, u), p[u]);
        j->strong_units += z[u] >= STRONG_Z;
    }
    free(p);
    free(z);
    if ((j->doc.share[0] >= PARALLEL_SHARE && j->doc.share[1] >= PARALLEL_SHARE) ||
        (j->doc.silent && path == BEAD_VERDICT_PARALLEL) || weakly_parallel(j, path) ||
        copied_share(src, trg, mono) >= VERDICT_COPY_SHARE)
        j->verdict = BEAD_VERDICT_PARALLEL;
    /* Until decided, no verdict: mining must not take the aligner's first
     * guess for the last word. */
    bd_alignment_set_verdict(mono, j->verdict, bead_alignment_coverage(mono));
    return BEAD_OK;
}

int bd_judge_needs_mined(const pair_judge *j) { return j->verdict == BEAD_VERDICT_NONE; }

void bd_judge_mined(pair_judge *j, bead_alignment *mined)
{
    if (!j->ev)
        return;
    /* A mined pair was picked as the best of many: before its evidence,
     * it is no likelier a translation than one that stands STRONG_Z above
     * chance is even (unless the whole text translates). */
    double floor = 1.0 / (1.0 + exp(bd_evidence_log_ratio(STRONG_Z, 1.0)));
    double prior = j->doc.prior > floor ? j->doc.prior : floor;
    score_units(j, mined, prior,
                j->verdict == BEAD_VERDICT_PARALLEL ? 1.0 : MINED_TRANSLATION_MAX,
                &j->strong_mined);
}

bead_verdict bd_judge_end(pair_judge *j, const bead_doc *src, const bead_doc *trg,
                          bead_alignment *mono, bead_verdict_stats *stats)
{
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg);
    size_t shorter = ns < nt ? ns : nt;
    size_t strong = j->strong_units > j->strong_mined ? j->strong_units : j->strong_mined;
    size_t need = shorter < COMPARABLE_PAIRS ? shorter : COMPARABLE_PAIRS;
    if (j->verdict == BEAD_VERDICT_NONE)
        j->verdict = strong >= need && strong > 0 ? BEAD_VERDICT_COMPARABLE
                                                  : BEAD_VERDICT_UNRELATED;
    bead_verdict_stats st;
    memset(&st, 0, sizeof st);
    size_t nulls = 0, nbeads = bead_alignment_size(mono);
    for (size_t u = 0; u < nbeads; u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(mono, u, 0, &b0, &c0);
        bead_alignment_range(mono, u, 1, &b1, &c1);
        nulls += !(c0 && c1);
    }
    st.verdict = j->verdict;
    st.coverage = bd_verdict_coverage(mono, ns, nt);
    st.mean_score = bead_alignment_mean_score(mono);
    st.null_share = nbeads ? (double)nulls / (double)nbeads : 0.0;
    st.translated = j->doc.prior;
    st.translated_share[0] = j->doc.share[0];
    st.translated_share[1] = j->doc.share[1];
    st.evident_pairs = strong;
    bd_alignment_set_verdict(mono, j->verdict, st.coverage);
    bd_alignment_set_verdict_mean(mono, st.mean_score);
    if (stats)
        *stats = st;
    bd_judge_free(j);
    return st.verdict;
}

bead_verdict bead_classify_pair(const bead_doc *src, const bead_doc *trg, bead_alignment *al,
                                bead_verdict_stats *stats)
{
    pair_judge j;
    translit *tr = bd_translit_create();
    bead_status s = tr ? bd_judge_begin(&j, src, trg, al, NULL, tr, NULL) : BEAD_ERR_NOMEM;
    bead_alignment *mined = NULL;
    if (s == BEAD_OK && bd_judge_needs_mined(&j) &&
        bd_mine_pair_tr(src, trg, al, NULL, tr, NULL, NULL, CANDIDATE_SCORE, &mined, NULL) == BEAD_OK)
        bd_judge_mined(&j, mined);
    bead_alignment_free(mined);
    bd_translit_free(tr);
    if (s != BEAD_OK) {
        /* Out of memory: no evidence, so no translation shown. */
        j.verdict = BEAD_VERDICT_UNRELATED;
    }
    return bd_judge_end(&j, src, trg, al, stats);
}
