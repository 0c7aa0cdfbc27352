/* lexicon_learn.c: stub, being written. */
#include "lexicon_internal.h"

bead_status bead_lexicon_learn(bead_lexicon *lex, const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *al, double min_score, size_t *learned,
                               bead_error *err)
{
    (void)lex, (void)src, (void)trg, (void)al, (void)min_score, (void)err;
    if (learned)
        *learned = 0;
    return BEAD_OK;
}
