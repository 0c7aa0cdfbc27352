/* evidence.h: the evidence layer (align/evidence/): how much of a unit's
 * text finds a translation on the other side, measured against what the
 * same sentences find in sentences they are not aligned with (doc/EVIDENCE.md).
 * Uses documents, lexicons and anchors (transliteration, numbers, cognate
 * forms); sits between the pair aligner and the judge, which decides
 * verdicts and scores from it. Not installed. */
#ifndef BEAD_EVIDENCE_H
#define BEAD_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

#include "bead/align.h"
#include "bead/lexicon.h"
#include "align/anchors/anchors.h"

/* ------------------------------------------------------------- tokens */

/* The words and numbers of two documents as tokens, each with a rarity
 * weight, and the links between tokens of the two sides that count as
 * "has a translation": a dictionary pair, the same cognate form (the first
 * letters of the transliterated, spelling-normalised word), the same number,
 * and in two texts of one language the same word. */
typedef struct evidence evidence;

/* lex (may be NULL) maps either document's language to the other's; tr (may
 * be NULL) is a transliteration cache to share. */
bead_status bd_evidence_create(evidence **out, const bead_doc *src, const bead_doc *trg,
                               const bead_lexicon *lex, translit *tr, bead_error *err);
void bd_evidence_free(evidence *ev);
/* The number of sentences of a side (0: source, 1: target). */
size_t bd_evidence_sentences(const evidence *ev, int side);
/* The summed weight of the tokens of sentence i of a side. */
double bd_evidence_sentence_weight(const evidence *ev, int side, size_t i);

/* A span of sentences of a side from about from on whose tokens weigh about
 * want (at least one sentence; moved back to fit before the end). */
void bd_evidence_window(const evidence *ev, int side, size_t from, double want, size_t *first,
                        size_t *count);

/* What sentences [s0, s0 + sc) of the source and [t0, t0 + tc) of the
 * target find in each other, by side (0: source, 1: target): the weight of
 * the distinct tokens that have a link into the other side, of all of them,
 * of those that could link to something anywhere in the other document, and
 * the sum of the squared weights (for the effective number of words). */
typedef struct ev_match {
    double hit[2], weight[2], linkable[2], sq[2];
} ev_match;

/* Not thread-safe on one ev (it keeps marks). */
void bd_evidence_match(evidence *ev, size_t s0, size_t sc, size_t t0, size_t tc, ev_match *m);
/* hit[side] of bd_evidence_match alone, where side's span is first,count
 * and the other side's is ofirst,ocount: half the work, for the chance
 * samples, which use only that. */
double bd_evidence_hit(evidence *ev, int side, size_t first, size_t count, size_t ofirst,
                       size_t ocount);

/* -------------------------------------------------------------- units */

/* The evidence that a span pair translates (units.c): observed, the share
 * of its tokens' weight with a link into the other side; chance, the mean
 * of the same share when each side meets windows of the other document,
 * elsewhere and of the same weight, instead; z, their difference in
 * standard errors of the chance share (binomial over the span's effective
 * number of tokens). */
typedef struct span_evidence {
    double observed, chance, z, power;
} span_evidence;

void bd_evidence_span(evidence *ev, size_t s0, size_t sc, size_t t0, size_t tc,
                      span_evidence *out);

/* log(P(z | translation) / P(z | chance)) for a span of full power, measured
 * on the match dev set; a span of less power says proportionally less. */
double bd_evidence_log_ratio(double z, double power);
/* P(translation | z) for a prior probability of translation. */
double bd_evidence_translation(double prior, double z, double power);

/* What the evidence says about a whole pairwise alignment. */
typedef struct doc_evidence {
    double prior;       /* the share of its paired units that translate (EM) */
    double share[2];    /* by side: the share of sentences in units that the
                           evidence shows translated, each unit counted by its
                           P(translation) times its power */
    size_t units;       /* units with text on both sides */
    int silent;         /* their words could show too little either way (see
                           SILENT_POWER): the prior is 1/2 */
} doc_evidence;

/* Judges every unit of al (a pairwise alignment of ev's documents) with
 * text on both sides: translation[u] gets its P(translation), z[u] (z may
 * be NULL) its z; other units get -1 and 0. 0, or -1 when out of memory. */
int bd_evidence_units(evidence *ev, const bead_alignment *al, double *translation, double *z,
                      doc_evidence *doc);

#endif
