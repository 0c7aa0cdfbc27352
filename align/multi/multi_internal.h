/* multi_internal.h: the N-way layer (align/multi/): aligning by mode and
 * merging pairwise alignments into N-version units. Uses the judge and
 * every layer below it. Not installed. */
#ifndef BEAD_MULTI_INTERNAL_H
#define BEAD_MULTI_INTERNAL_H

#include "bead/align.h"
#include "bead/lexicon.h"
#include "align/doc/doc_internal.h"
#include "align/judge/judge.h"

/* bead_align_decide with the documents' features where the caller has them
 * (dsrc, dtrg: NULL, or bd_doc_features_build's of src and trg), composed
 * by the aligner and the miner instead of built again: the matcher keeps
 * the ones it built for a query. The results are the same. */
bead_status bd_align_decide(bead_aligner *aligner, const bead_align_options *opt,
                            const bead_doc *src, const bead_doc *trg, const doc_features *dsrc,
                            const doc_features *dtrg, bead_alignment **out,
                            bead_alignment **monotone, bead_error *err);

/* Merges the pairwise alignments of every version with the pivot into
 * N-version units (see multi_merge.c for the rule). sizes[v] is the number
 * of sentences of version v. alone[v] (may be NULL) marks versions whose
 * sentences are all put in units of their own (an unrelated pair). Each
 * pivot pair must cover both documents in order. */
bead_status bd_multi_merge(const bead_alignment *const *pairs, size_t n, size_t pivot,
                             const size_t *sizes, const int *alone, bead_alignment **out,
                             bead_error *err);

/* A covering, monotone alignment of nsrc x ntrg sentences from mined 1-1
 * pairs: the order-keeping chain of them with the highest total score
 * becomes 1-1 units, every other sentence a 1-0 or 0-1 unit (score 0). */
bead_status bd_mined_to_covering(const bead_alignment *mined, size_t nsrc, size_t ntrg,
                                   bead_alignment **out, bead_error *err);

/* merged (n versions, covering) with version v, whose units all hold v
 * alone, placed through the covering pairwise alignment of v and w (the
 * pair's version 0 is the lower position): see multi_attach.c. */
bead_status bd_multi_attach(const bead_alignment *merged, size_t n, size_t v, size_t w,
                            const bead_alignment *pair, const size_t *sizes,
                            bead_alignment **out, bead_error *err);

#endif
