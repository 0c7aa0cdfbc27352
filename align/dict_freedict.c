/* dict_freedict.c: stub, being written. */
#include "lexicon_internal.h"

bead_status bead_lexicon_load_freedict(bead_lexicon *lex, const char *dir, size_t *loaded,
                                       bead_error *warn)
{
    (void)lex, (void)dir, (void)warn;
    if (loaded)
        *loaded = 0;
    return BEAD_OK;
}
