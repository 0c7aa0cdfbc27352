/* multi_internal.h: the pieces of N-way alignment, verdicts and mining that
 * are shared between align/multi*.c, verdict*.c, mine*.c and report*.c, and
 * that the unit tests reach. Not installed. */
#ifndef BEAD_MULTI_INTERNAL_H
#define BEAD_MULTI_INTERNAL_H

#include "bead/align.h"
#include "bead/lexicon.h"

/* Pairwise alignments of N versions are kept in one list, in the order
 * (0,1), (0,2), ..., (0,N-1), (1,2), ..., (N-2,N-1); the lower position is
 * always the alignment's version 0. */
size_t bead_pair_index(size_t a, size_t b, size_t n);
size_t bead_pair_count(size_t n);
/* The positions (a < b) of pair k of n versions. */
void bead_pair_versions(size_t k, size_t n, size_t *a, size_t *b);

/* Merges the pairwise alignments of every version with the pivot into
 * N-version units (see multi_merge.c for the rule). sizes[v] is the number
 * of sentences of version v. alone[v] (may be NULL) marks versions whose
 * sentences are all put in units of their own (an unrelated pair). Each
 * pivot pair must cover both documents in order. */
bead_status bead_multi_merge(const bead_alignment *const *pairs, size_t n, size_t pivot,
                             const size_t *sizes, const int *alone, bead_alignment **out,
                             bead_error *err);

/* A covering, monotone alignment of nsrc x ntrg sentences from mined 1-1
 * pairs: the order-keeping chain of them with the highest total score
 * becomes 1-1 units, every other sentence a 1-0 or 0-1 unit (score 0). */
bead_status bead_mined_to_covering(const bead_alignment *mined, size_t nsrc, size_t ntrg,
                                   bead_alignment **out, bead_error *err);

/* bead_mine_pair with a bilingual lexicon from src's language to trg's (may
 * be NULL): the share of words with a translation on the other side adds to
 * a candidate's score. */
bead_status bead_mine_pair_lex(const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *monotone, const bead_lexicon *lex,
                               double threshold, bead_alignment **out, bead_error *err);

/* The mining score of single sentence pairs (i of src, j of trg): the 1-1
 * bead of the model with the lexicon check, as bead_mine_pair scores its
 * candidates. model_from (may be NULL) gives c and s2; lex may be NULL. */
typedef struct bead_pair_checker bead_pair_checker;
bead_status bead_pair_checker_create(bead_pair_checker **out, const bead_doc *src,
                                     const bead_doc *trg, const bead_alignment *model_from,
                                     const bead_lexicon *lex, bead_error *err);
double bead_pair_checker_score(const bead_pair_checker *c, size_t i, size_t j);
/* The share, weighted by rarity, of the words of sentence i of one side (0:
 * src, 1: trg) with a translation or a cognate in sentences [begin, begin +
 * count) of the other side: how much of a sentence a unit's other version
 * accounts for. *words (may be NULL) gets the number of its words. */
double bead_pair_checker_support(const bead_pair_checker *c, int side, size_t i, size_t begin,
                                  size_t count, size_t *words);
void bead_pair_checker_free(bead_pair_checker *c);

/* The installed FreeDict lexicon from src_lang to trg_lang, or NULL when
 * there is none (or it cannot be read). */
bead_lexicon *bead_lexicon_for_pair(const char *src_lang, const char *trg_lang);

#endif
