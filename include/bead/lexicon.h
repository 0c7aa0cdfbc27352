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
 * /usr/share/dictd; the library reads no environment variable, so
 * $BEAD_DICT_DIR is the bead program's), src->trg directly or trg->src
 * inverted. *loaded gets the number of pairs added. A missing dictionary is
 * not an error (0 pairs); a corrupt one is skipped with BEAD_OK and a
 * warning in warn->message. */
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

/* ------------------------------------------------ lexicons by language pair */

/* The dictionaries of a run over several pairs of languages (N versions):
 * at most one lexicon per ordered pair (src_lang, trg_lang), found by
 * exactly that pair. bead_align_options.lexicons and
 * bead_report_options.lexicons take one; what the library does with a pair
 * it holds no lexicon for is described there: it goes without, for the
 * library never loads a dictionary by itself.
 * Ownership: bead_lexicon_set_add hands lex over to the set on BEAD_OK
 * (the caller must not free it); bead_lexicon_set_free frees the set and
 * every lexicon in it. What bead_lexicon_set_find returns is borrowed from
 * the set. A set no longer added to may be read by any number of threads. */
typedef struct bead_lexicon_set bead_lexicon_set;

bead_status bead_lexicon_set_create(bead_lexicon_set **out, bead_error *err);
void bead_lexicon_set_free(bead_lexicon_set *set);

/* Adds lex under its own pair (bead_lexicon_src_lang -> _trg_lang). A pair
 * the set already holds is BEAD_ERR_USAGE, and lex stays the caller's. */
bead_status bead_lexicon_set_add(bead_lexicon_set *set, bead_lexicon *lex, bead_error *err);

/* The lexicon from src_lang to trg_lang (that direction only), or NULL;
 * set may be NULL. */
const bead_lexicon *bead_lexicon_set_find(const bead_lexicon_set *set, const char *src_lang,
                                          const char *trg_lang);
size_t bead_lexicon_set_size(const bead_lexicon_set *set);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
