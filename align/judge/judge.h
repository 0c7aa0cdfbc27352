/* judge.h: the judge layer (align/judge/): the verdict on a pair of
 * documents (parallel, comparable, unrelated) and the mining of the pairs
 * that translate each other. Uses the pair aligner and every layer below
 * it. Not installed. */
#ifndef BEAD_JUDGE_H
#define BEAD_JUDGE_H

#include "bead/align.h"
#include "bead/lexicon.h"
#include "align/pair/pair.h"

/* bead_classify_pair with the pair's features when known (pf may be NULL). */
bead_verdict bd_verdict_classify(const bead_doc *src, const bead_doc *trg, bead_alignment *al,
                              bead_verdict_stats *stats, const pair_features *pf);

/* bead_mine_pair with a bilingual lexicon from src's language to trg's (may
 * be NULL): the share of words with a translation on the other side adds to
 * a candidate's score. */
bead_status bd_mine_pair_lex(const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *monotone, const bead_lexicon *lex,
                               double threshold, bead_alignment **out, bead_error *err);
/* The same with tr (may be NULL) as the transliterator: the aligner's, whose
 * cache already holds the documents' words. */
bead_status bd_mine_pair_tr(const bead_doc *src, const bead_doc *trg,
                            const bead_alignment *monotone, const bead_lexicon *lex,
                            translit *tr, double threshold, bead_alignment **out,
                            bead_error *err);

/* The mining score of single sentence pairs (i of src, j of trg): the 1-1
 * bead of the model with the lexicon check, as bead_mine_pair scores its
 * candidates. model_from (may be NULL) gives c and s2; lex may be NULL. */
typedef struct bead_pair_checker bead_pair_checker;
bead_status bd_pair_checker_create(bead_pair_checker **out, const bead_doc *src,
                                     const bead_doc *trg, const bead_alignment *model_from,
                                     const bead_lexicon *lex, bead_error *err);
double bd_pair_checker_score(const bead_pair_checker *c, size_t i, size_t j);
/* The share, weighted by rarity, of the words of sentence i of one side (0:
 * src, 1: trg) with a translation or a cognate in sentences [begin, begin +
 * count) of the other side: how much of a sentence a unit's other version
 * accounts for. *words (may be NULL) gets the number of its words. */
double bd_pair_checker_support(const bead_pair_checker *c, int side, size_t i, size_t begin,
                                  size_t count, size_t *words);
void bd_pair_checker_free(bead_pair_checker *c);

#endif
