/* lexicon_set.c: the lexicons of several language pairs, one per ordered
 * pair, as the caller hands them to the aligner, the miner and the report.
 * A run has a handful of pairs (n versions give n(n-1)/2), so a list
 * searched from the front is all it needs. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"

struct bead_lexicon_set {
    bead_lexicon **lex;
    size_t n, cap;
};

bead_status bead_lexicon_set_create(bead_lexicon_set **out, bead_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? BEAD_OK : bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
}

void bead_lexicon_set_free(bead_lexicon_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        bead_lexicon_free(set->lex[i]);
    free(set->lex);
    free(set);
}

bead_status bead_lexicon_set_add(bead_lexicon_set *set, bead_lexicon *lex, bead_error *err)
{
    if (!set || !lex)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_lexicon_set_add: NULL %s", set ? "lexicon" : "set");
    const char *src = bead_lexicon_src_lang(lex), *trg = bead_lexicon_trg_lang(lex);
    /* Two lexicons for one pair would leave which one is used to chance. */
    if (bead_lexicon_set_find(set, src, trg))
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the lexicon set already has a %s-%s lexicon; merge the two "
                              "into one before adding it",
                              src, trg);
    if (array_grow((void **)&set->lex, &set->cap, set->n + 1, sizeof *set->lex, 4))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    set->lex[set->n++] = lex;
    return BEAD_OK;
}

const bead_lexicon *bead_lexicon_set_find(const bead_lexicon_set *set, const char *src_lang,
                                          const char *trg_lang)
{
    for (size_t i = 0; set && src_lang && trg_lang && i < set->n; i++)
        if (!strcmp(bead_lexicon_src_lang(set->lex[i]), src_lang) &&
            !strcmp(bead_lexicon_trg_lang(set->lex[i]), trg_lang))
            return set->lex[i];
    return NULL;
}

size_t bead_lexicon_set_size(const bead_lexicon_set *set)
{
    return set ? set->n : 0;
}

const bead_lexicon *bd_pair_lexicon(const bead_lexicon *lexicon, const bead_lexicon_set *lexicons,
                                    const char *src_lang, const char *trg_lang)
{
    if (lexicon && !strcmp(bead_lexicon_src_lang(lexicon), src_lang) &&
        !strcmp(bead_lexicon_trg_lang(lexicon), trg_lang))
        return lexicon;
    return bead_lexicon_set_find(lexicons, src_lang, trg_lang);
}
