/* dict_file.c: the dictionary a caller names as one file (`--dict FILE`):
 * a compiled dictionary (bead dict compile -o) when it starts like one,
 * else a hunalign dictionary. A compiled file must be for the pair asked
 * for, since a de-en file used for en-de would find no word at all. */
#include <stdio.h>
#include <string.h>

#include "align/lexicon/lexicon_internal.h"

/* 1 when path starts like a compiled dictionary. */
static int is_compiled(const char *path)
{
    char magic[8];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    int yes = fread(magic, 1, sizeof magic, f) == sizeof magic &&
              memcmp(magic, "BEADLEX", 8) == 0;
    fclose(f);
    return yes;
}

static bead_status open_compiled_file(bead_lexicon **out, const char *path, const char *src_lang,
                                      const char *trg_lang, size_t *loaded, bead_error *err)
{
    bead_lexicon *lex = NULL;
    bead_error e;
    bead_error_clear(&e);
    bead_status s = bead_lexicon_open_compiled(&lex, path, NULL, &e);
    if (s == BEAD_OK && !lex)
        s = bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                           "%s; compile it again with 'bead dict compile'", e.message);
    else if (s != BEAD_OK && err)
        *err = e;
    if (s != BEAD_OK)
        return s;
    if (strcmp(bead_lexicon_src_lang(lex), src_lang) ||
        strcmp(bead_lexicon_trg_lang(lex), trg_lang)) {
        s = bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                           "%s: a compiled %s-%s dictionary, but the texts are %s-%s", path,
                           bead_lexicon_src_lang(lex), bead_lexicon_trg_lang(lex), src_lang,
                           trg_lang);
        bead_lexicon_free(lex);
        return s;
    }
    *out = lex;
    *loaded = bead_lexicon_size(lex);
    return BEAD_OK;
}

bead_status bead_lexicon_load_file(bead_lexicon **out, const char *path, const char *src_lang,
                                   const char *trg_lang, size_t *loaded, bead_error *err)
{
    size_t ignored = 0;
    if (!loaded)
        loaded = &ignored;
    *loaded = 0;
    if (!out || !path)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_lexicon_load_file: no %s",
                              out ? "path" : "place for the lexicon");
    *out = NULL;
    if (is_compiled(path))
        return open_compiled_file(out, path, src_lang, trg_lang, loaded, err);
    bead_lexicon *lex = NULL;
    bead_status s = bead_lexicon_create(&lex, src_lang, trg_lang, err);
    if (s == BEAD_OK)
        s = bead_lexicon_load_hunalign(lex, path, loaded, err);
    if (s != BEAD_OK) {
        bead_lexicon_free(lex);
        return s;
    }
    *out = lex;
    return BEAD_OK;
}
