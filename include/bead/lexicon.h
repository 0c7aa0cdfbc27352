/* lexicon.h: bilingual word lists for the aligner: FreeDict dictionaries,
 * hunalign dictionaries, and lexicons learned from aligned documents.
 * Ownership rules: see bead.h. A lexicon that is no longer changed may be
 * shared read-only by any number of threads. */
#ifndef BEAD_LEXICON_H
#define BEAD_LEXICON_H

#include <bead/align.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

typedef struct bead_lexicon bead_lexicon;

/* An empty lexicon from src_lang words to trg_lang words. */
bead_status bead_lexicon_create(bead_lexicon **out, const char *src_lang, const char *trg_lang,
                                bead_error *err);
void bead_lexicon_free(bead_lexicon *lex);

/* The lookup key of a word: NFC, lower-cased, lightly stemmed for lang.
 * Writes a NUL-terminated key to buf; returns its length (0 when the word
 * has no letters or buf is too small). */
size_t bead_lexicon_key(const char *lang, const char *word, size_t len, char *buf,
                        size_t bufsize);

/* Adds a translation pair (raw words or phrases; keys are made inside). */
bead_status bead_lexicon_add(bead_lexicon *lex, const char *src_word, const char *trg_word,
                             bead_error *err);

/* Loads the installed FreeDict dictionaries for the pair from dir (NULL:
 * $BEAD_DICT_DIR, else /usr/share/dictd), src->trg directly or trg->src
 * inverted; for a pair with neither, through English (else German): the
 * pairs (x, z) for which a pivot word translates x and has the translation z
 * (pivot words with many translations left out). *loaded gets
 * the number of pairs added. A missing dictionary is not an error (0 pairs);
 * a corrupt one is skipped with BEAD_OK and a warning in warn->message. */
bead_status bead_lexicon_load_freedict(bead_lexicon *lex, const char *dir, size_t *loaded,
                                       bead_error *warn);

/* Loads a hunalign dictionary: one "target @ source" pair a line. */
bead_status bead_lexicon_load_hunalign(bead_lexicon *lex, const char *path, size_t *loaded,
                                       bead_error *err);

/* Learns pairs from an alignment of src and trg: the 1-1 units scored at
 * least min_score, word pairs ranked by the Dice coefficient. */
bead_status bead_lexicon_learn(bead_lexicon *lex, const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *al, double min_score, size_t *learned,
                               bead_error *err);

/* 1 if the key pair (from bead_lexicon_key) is in the lexicon. */
int bead_lexicon_has(const bead_lexicon *lex, const char *src_key, const char *trg_key);
/* 1 if the source key has any translation. */
int bead_lexicon_has_source(const bead_lexicon *lex, const char *src_key);
size_t bead_lexicon_size(const bead_lexicon *lex);
const char *bead_lexicon_src_lang(const bead_lexicon *lex);
const char *bead_lexicon_trg_lang(const bead_lexicon *lex);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
