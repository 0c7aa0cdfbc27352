/* lexicon.c: stubs, filled in shortly. */
#include <stdlib.h>
#include <string.h>

#include "bead/lexicon.h"

struct bead_lexicon {
    char src_lang[16], trg_lang[16];
    size_t n;
};

bead_status bead_lexicon_create(bead_lexicon **out, const char *src_lang, const char *trg_lang,
                                bead_error *err)
{
    *out = NULL;
    bead_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    snprintf(lex->src_lang, sizeof lex->src_lang, "%s", src_lang ? src_lang : "und");
    snprintf(lex->trg_lang, sizeof lex->trg_lang, "%s", trg_lang ? trg_lang : "und");
    *out = lex;
    return BEAD_OK;
}

void bead_lexicon_free(bead_lexicon *lex) { free(lex); }

size_t bead_lexicon_key(const char *lang, const char *word, size_t len, char *buf, size_t bufsize)
{
    (void)lang, (void)word, (void)len;
    if (bufsize)
        buf[0] = '\0';
    return 0;
}

bead_status bead_lexicon_add(bead_lexicon *lex, const char *src_word, const char *trg_word,
                             bead_error *err)
{
    (void)lex, (void)src_word, (void)trg_word, (void)err;
    return BEAD_OK;
}

bead_status bead_lexicon_load_freedict(bead_lexicon *lex, const char *dir, size_t *loaded,
                                       bead_error *warn)
{
    (void)lex, (void)dir, (void)warn;
    if (loaded)
        *loaded = 0;
    return BEAD_OK;
}

bead_status bead_lexicon_load_hunalign(bead_lexicon *lex, const char *path, size_t *loaded,
                                       bead_error *err)
{
    (void)lex, (void)path, (void)err;
    if (loaded)
        *loaded = 0;
    return BEAD_OK;
}

bead_status bead_lexicon_learn(bead_lexicon *lex, const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *al, double min_score, size_t *learned,
                               bead_error *err)
{
    (void)lex, (void)src, (void)trg, (void)al, (void)min_score, (void)err;
    if (learned)
        *learned = 0;
    return BEAD_OK;
}

int bead_lexicon_has(const bead_lexicon *lex, const char *src_key, const char *trg_key)
{
    (void)lex, (void)src_key, (void)trg_key;
    return 0;
}

int bead_lexicon_has_source(const bead_lexicon *lex, const char *src_key)
{
    (void)lex, (void)src_key;
    return 0;
}

size_t bead_lexicon_size(const bead_lexicon *lex) { return lex ? lex->n : 0; }
const char *bead_lexicon_src_lang(const bead_lexicon *lex) { return lex->src_lang; }
const char *bead_lexicon_trg_lang(const bead_lexicon *lex) { return lex->trg_lang; }
