/* doc_internal.h: the document layer (align/doc/): what the layers above
 * share about documents, alignments and bead types beyond the public API.
 * The bottom of align/: it uses core/ and segment/ only. Not installed. */
#ifndef BEAD_DOC_INTERNAL_H
#define BEAD_DOC_INTERNAL_H

#include <stddef.h>

#include "bead/align.h"

/* A hash of what d holds: language, sentences, paragraphs and sections.
 * Work kept for a document (its features) is reused only while the
 * document still reads the same. */
uint64_t bd_doc_fingerprint(const bead_doc *d);

/* Sentences a bead type takes from each side, indexed by bead_type. */
extern const int bd_type_src[BEAD_NTYPES];
extern const int bd_type_trg[BEAD_NTYPES];

/* The pairwise facts the aligner and the judge record on an alignment
 * (read back through bead_alignment_model, _verdict, _coverage and
 * _verdict_mean). */
void bd_alignment_set_model(bead_alignment *al, const bead_model_info *info);
void bd_alignment_set_verdict(bead_alignment *al, bead_verdict v, double coverage);
void bd_alignment_set_verdict_mean(bead_alignment *al, double mean_score);
/* Records the pivot of an N-way alignment (bead_alignment_pivot). */
void bd_alignment_set_pivot(bead_alignment *al, size_t pivot);
/* Copies the model, verdict, coverage and verdict mean of src onto dst: for
 * an alignment derived from another (mined, merged, emptied). */
void bd_alignment_copy_pair_facts(bead_alignment *dst, const bead_alignment *src);

/* Room for the shape of a unit of nv versions, NUL included: a count of
 * sentences (32 bits) and a '-' per version. */
#define BD_SHAPE_SIZE(nv) (12 * (size_t)(nv) + 1)
/* The shape of unit i, its count of sentences per version joined with '-'
 * ("1-2", "1-0-1"), as the summary, batch records, JSON Lines and TMX's
 * x-beads name it, written to buf (BD_SHAPE_SIZE(nversions) bytes).
 * Returns its length. */
size_t bd_unit_shape(const bead_alignment *al, size_t i, char *buf);
/* The judge's scores: unit i's path posterior and its P(translation |
 * evidence); its score becomes their product (bead_alignment_evidence reads
 * the second back). bd_alignment_posterior gives the path posterior of a
 * judged unit, the score of any other. */
void bd_alignment_set_evidence(bead_alignment *al, size_t i, double posterior, double evidence);
double bd_alignment_posterior(const bead_alignment *al, size_t i);

/* A unit counts as covered (translated) from this score on. */
#define ALIGNMENT_CONFIDENT 0.5

/* The share of the ns + nt sentences of a pairwise alignment in units with
 * both sides and a score of at least ALIGNMENT_CONFIDENT. */
double bd_verdict_coverage(const bead_alignment *al, size_t ns, size_t nt);

#endif
