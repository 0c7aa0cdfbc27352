/* judge.h: the judge layer (align/judge/): the verdict on a pair of
 * documents (parallel, comparable, unrelated) and the mining of the pairs
 * that translate each other. Uses the pair aligner and every layer below
 * it. Not installed. */
#ifndef BEAD_JUDGE_H
#define BEAD_JUDGE_H

#include "bead/align.h"
#include "bead/lexicon.h"
#include "align/pair/pair.h"
#include "align/evidence/evidence.h"

/* The verdict on a monotone pairwise alignment, in three steps (verdict.c
 * has the rule): bd_judge_begin measures the evidence of its units, scores
 * them and says whether the texts are parallel; when that leaves the
 * verdict open (bd_judge_needs_mined), the caller mines the pair and hands
 * the mined pairs to bd_judge_mined, which scores them; bd_judge_end
 * decides, stores the verdict and coverage on mono and frees the rest. */
typedef struct pair_judge {
    evidence *ev;
    doc_evidence doc;
    bead_verdict verdict;      /* NONE while open */
    size_t strong_units;       /* units of the path far above chance */
    size_t strong_mined;       /* mined pairs far above chance */
} pair_judge;

/* lex (may be NULL): the pair's dictionary, either direction; tr (may be
 * NULL): a transliteration cache to share (the aligner's). */
bead_status bd_judge_begin(pair_judge *j, const bead_doc *src, const bead_doc *trg,
                           bead_alignment *mono, const bead_lexicon *lex, translit *tr,
                           bead_error *err);
int bd_judge_needs_mined(const pair_judge *j);
void bd_judge_mined(pair_judge *j, bead_alignment *mined);
bead_verdict bd_judge_end(pair_judge *j, const bead_doc *src, const bead_doc *trg,
                          bead_alignment *mono, bead_verdict_stats *stats);
/* For an early exit between begin and end. */
void bd_judge_free(pair_judge *j);

/* bead_mine_pair with a bilingual lexicon from src's language to trg's (may
 * be NULL): the share of words with a translation on the other side adds to
 * a candidate's score. tr (may be NULL) is a transliteration cache to share. */
bead_status bd_mine_pair_lex(const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *monotone, const bead_lexicon *lex,
                               double threshold, bead_alignment **out, bead_error *err);
/* The same with tr (may be NULL) as the transliterator: the aligner's, whose
 * cache already holds the documents' words; and with the documents'
 * features where the caller has them (dsrc, dtrg: NULL or
 * bd_doc_features_build's), else they are built here, once for both
 * directions. */
bead_status bd_mine_pair_tr(const bead_doc *src, const bead_doc *trg,
                            const bead_alignment *monotone, const bead_lexicon *lex,
                            translit *tr, const doc_features *dsrc, const doc_features *dtrg,
                            double threshold, bead_alignment **out, bead_error *err);

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
