/* Translation evidence of units, measured against chance (doc/EVIDENCE.md).
 *
 * A unit's observed share is the weight of its tokens that find a link in
 * the other side (tokens.c), over the weight of all of them. What the same
 * tokens find by chance is measured on the same two documents: each side
 * of the unit meets NULL_SHIFTS windows of the other document, spread over
 * it, each of about the weight of the unit's own other side (a longer span
 * offers more words to match); the chance share is the mean. Genre, the
 * names every chapter shares and function words that any dictionary links
 * are in both, so they cancel. The difference, in standard errors of a
 * binomial share over the unit's effective number of tokens, is z.
 *
 * z is read as a likelihood ratio between "translation" and "chance",
 * log LR = LR_INTERCEPT + LR_SLOPE * z (z clamped to [Z_LOW, Z_HIGH]),
 * measured on the chapter pairs of ../shared/eval/match/dev (units of true
 * pairs against units of others). The share of a document pair's units
 * that translate, the prior, is the maximum-likelihood mixing weight of
 * the two (EM), and each unit's P(translation) follows by Bayes' rule. So a
 * unit of a parallel text needs little evidence, and a unit of unrelated
 * texts a great deal. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/evidence/evidence.h"

#define NULL_SHIFTS 8
#define CHANCE_FLOOR 0.05     /* the least chance share the error is taken from */
#define CHANCE_CEILING 0.95
#define LR_INTERCEPT (-2.5)
#define LR_SLOPE 1.5
#define Z_LOW (-1.5)          /* beyond these, z says no more (as measured) */
#define Z_HIGH 6.0
#define PRIOR_MIN 0.005
#define PRIOR_MAX 0.995
#define EM_ROUNDS 200
/* Power: the z a span would reach if TRANSLATED_LINKS of the weight of its
 * linkable tokens found their link, as a share of FULL_POWER_Z (about the
 * median z of the units of true pairs). */
#define TRANSLATED_LINKS 0.7
#define FULL_POWER_Z 4.0
#define EM_TOLERANCE 1e-7
/* Evidence worth fewer than this many units of full power cannot tell how
 * much of a text translates: then as likely as not. */
#define SILENT_POWER 2.0
#define SILENT_PRIOR 0.5

static int overlaps(size_t a, size_t ac, size_t b, size_t bc) { return a < b + bc && b < a + ac; }

void bd_evidence_span(evidence *ev, size_t s0, size_t sc, size_t t0, size_t tc,
                      span_evidence *out)
{
    memset(out, 0, sizeof *out);
    ev_match m;
    bd_evidence_match(ev, s0, sc, t0, tc, &m);
    double weight = m.weight[0] + m.weight[1], sq = m.sq[0] + m.sq[1];
    if (weight <= 0 || sq <= 0)
        return;
    out->observed = (m.hit[0] + m.hit[1]) / weight;
    size_t ns = bd_evidence_sentences(ev, 0), nt = bd_evidence_sentences(ev, 1);
    double chance = 0;
    int samples = 0;
    for (int k = 1; k <= NULL_SHIFTS; k++) {
        size_t sf, scount, tf, tcount;
        bd_evidence_window(ev, 1, (t0 + (size_t)((double)k * (double)nt / (NULL_SHIFTS + 1) + 0.5)) % (nt ? nt : 1),
                           m.weight[1], &tf, &tcount);
        bd_evidence_window(ev, 0, (s0 + (size_t)((double)k * (double)ns / (NULL_SHIFTS + 1) + 0.5)) % (ns ? ns : 1),
                           m.weight[0], &sf, &scount);
        /* A window that takes in the unit's own other side is no chance. */
        if (!tcount || !scount || overlaps(tf, tcount, t0, tc) || overlaps(sf, scount, s0, sc))
            continue;
        double a = bd_evidence_hit(ev, 0, s0, sc, tf, tcount);
        double b = bd_evidence_hit(ev, 1, t0, tc, sf, scount);
        chance += (a + b) / weight;
        samples++;
    }
    if (!samples) {
        /* Documents too short to hold anything else: no evidence either way. */
        out->chance = out->observed;
        return;
    }
    out->chance = chance / samples;
    double p = out->chance < CHANCE_FLOOR ? CHANCE_FLOOR
               : out->chance > CHANCE_CEILING ? CHANCE_CEILING : out->chance;
    double effective = weight * weight / sq;
    double se = sqrt(p * (1 - p) / effective);
    out->z = (out->observed - out->chance) / se;
    double reach = (TRANSLATED_LINKS * (m.linkable[0] + m.linkable[1]) / weight - out->chance) / se;
    out->power = reach <= 0 ? 0 : reach >= FULL_POWER_Z ? 1 : reach / FULL_POWER_Z;
}

double bd_evidence_log_ratio(double z, double power)
{
    z = z < Z_LOW ? Z_LOW : z > Z_HIGH ? Z_HIGH : z;
    return power * (LR_INTERCEPT + LR_SLOPE * z);
}

double bd_evidence_translation(double prior, double z, double power)
{
    prior = prior < PRIOR_MIN ? PRIOR_MIN : prior > PRIOR_MAX ? PRIOR_MAX : prior;
    double logit = log(prior / (1 - prior)) + bd_evidence_log_ratio(z, power);
    return 1.0 / (1.0 + exp(-logit));
}

/* The share of units that translate: the maximum-likelihood mixing weight
 * of the two kinds of z, by EM from one half (each round, the mean
 * P(translation) under the last round's weight). */
static double mixing_weight(const span_evidence *se, size_t m)
{
    double prior = 0.5, total = 0;
    for (size_t k = 0; k < m; k++)
        total += se[k].power;
    if (total < SILENT_POWER)
        return SILENT_PRIOR;
    for (int round = 0; round < EM_ROUNDS; round++) {
        double sum = 0;
        /* Each unit informs the weight as far as its evidence can. */
        for (size_t k = 0; k < m; k++)
            sum += se[k].power * bd_evidence_translation(prior, se[k].z, se[k].power);
        double next = sum / total;
        next = next < PRIOR_MIN ? PRIOR_MIN : next > PRIOR_MAX ? PRIOR_MAX : next;
        int done = fabs(next - prior) < EM_TOLERANCE;
        prior = next;
        if (done)
            break;
    }
    return prior;
}

int bd_evidence_units(evidence *ev, const bead_alignment *al, double *translation, double *z,
                      doc_evidence *doc)
{
    memset(doc, 0, sizeof *doc);
    size_t n = bead_alignment_size(al), m = 0;
    span_evidence *se = malloc((n ? n : 1) * sizeof *se);
    if (!se)
        return -1;
    for (size_t u = 0; u < n; u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        translation[u] = -1;
        if (z)
            z[u] = 0;
        if (!c0 || !c1)
            continue;
        bd_evidence_span(ev, b0, c0, b1, c1, &se[m]);
        if (z)
            z[u] = se[m].z;
        m++;
    }
    doc->units = m;
    double power = 0;
    for (size_t k = 0; k < m; k++)
        power += se[k].power;
    doc->silent = m && power < SILENT_POWER;
    doc->prior = m ? mixing_weight(se, m) : 0;
    double covered[2] = {0, 0};
    for (size_t u = 0, k = 0; u < n; u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if (!c0 || !c1)
            continue;
        translation[u] = bd_evidence_translation(doc->prior, se[k].z, se[k].power);
        k++;
        /* What the evidence shows, not what the prior lends. */
        covered[0] += se[k - 1].power * translation[u] * (double)c0;
        covered[1] += se[k - 1].power * translation[u] * (double)c1;
    }
    size_t ns = bd_evidence_sentences(ev, 0), nt = bd_evidence_sentences(ev, 1);
    doc->share[0] = ns ? covered[0] / (double)ns : 0;
    doc->share[1] = nt ? covered[1] / (double)nt : 0;
    free(se);
    return 0;
}
