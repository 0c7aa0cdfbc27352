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
 * inverted; for a pair with neither, through English (else German): the
 * pairs (x, z) for which a pivot word translates x and has the translation z
 * (pivot words with many translations left out). *loaded gets the number of
 * pairs added. A missing dictionary is not an error (0 pairs); a corrupt one
 * is skipped with BEAD_OK and a warning in warn->message. */
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

/* ------------------------------------------------- compiled dictionaries */

/* A compiled dictionary is a lexicon written as one binary file (keys
 * already made, string tables, hash tables and the pairs as sorted rows)
 * that bead_lexicon_open_compiled maps read-only and uses in place: no
 * parsing and no allocation per entry, and its pages are shared between
 * the threads and processes that map it. A file records the source it was
 * made from (an id of the caller's: a fingerprint below) and the version
 * of bead's key rules; it is checked (size, checksums, indices) before
 * use. The library finds no file by itself: the caller names the paths
 * or the folder (bead_cache_dir in easy.h writes the bead program's rule:
 * $BEAD_CACHE_DIR, else $XDG_CACHE_HOME/bead, else ~/.cache/bead). */

/* The longest source id a compiled file records, with its NUL. */
#define BEAD_DICT_SOURCE_MAX 256

/* Writes lex as a compiled dictionary at path: to a temporary file in the
 * same folder, renamed over path, so concurrent writers and readers never
 * see half a file. source (NULL: "") is recorded for
 * bead_lexicon_open_compiled to check. lex is only read. */
bead_status bead_lexicon_compile(const bead_lexicon *lex, const char *path, const char *source,
                                 bead_error *err);

/* Maps the compiled dictionary at path. BEAD_OK with *out set: ready, to
 * be freed with bead_lexicon_free. BEAD_OK with *out NULL: there is no
 * file, or it is out of date (made from another source than source, when
 * source is not NULL, or by a bead with other key rules; err->message
 * then says which); compile it again. BEAD_ERR_FORMAT: the file is
 * truncated or damaged (err names it). BEAD_ERR_IO: it cannot be read.
 * A mapped lexicon works wherever a lexicon does; changing it (adding
 * pairs) first copies it to memory. */
bead_status bead_lexicon_open_compiled(bead_lexicon **out, const char *path, const char *source,
                                       bead_error *err);

/* The fingerprint of the FreeDict dictionaries bead_lexicon_load_freedict
 * would read for src_lang -> trg_lang in dir (NULL: /usr/share/dictd):
 * their device, inode, size and modification time, and bead's key rules,
 * as a short text for bead_lexicon_compile's source. Writes it to buf and
 * returns its length; 0 when no dictionary for the pair is installed (or
 * buf is too small: 64 bytes are enough). Reads no file, only stat()s. */
size_t bead_freedict_fingerprint(const char *dir, const char *src_lang, const char *trg_lang,
                                 char *buf, size_t size);

/* The same for one dictionary file (a hunalign one); 0 when it cannot be
 * stat()ed. */
size_t bead_file_fingerprint(const char *path, char *buf, size_t size);

/* The path of the compiled dictionary for src_lang -> trg_lang made from
 * source, in the folder cache_dir: "cache_dir/src-trg-HASH.beadlex", HASH
 * from source and the compiled format's version, so that another source or
 * another bead gets another file and never overwrites one in use. Returns
 * its length, 0 when it does not fit in buf. */
size_t bead_dict_cache_path(const char *cache_dir, const char *src_lang, const char *trg_lang,
                            const char *source, char *buf, size_t size);

/* The FreeDict lexicon of src_lang -> trg_lang from dict_dir (NULL:
 * /usr/share/dictd) through the folder of compiled dictionaries cache_dir
 * (bead_cache_dir in easy.h says which; NULL or "": no cache): the compiled
 * file there when it is up to date (milliseconds), else FreeDict read
 * (seconds for eng-deu) and compiled into cache_dir for the next call
 * (the folder is created; one that cannot be written is no error, the
 * lexicon read serves). *out is a new lexicon, empty when no dictionary is
 * installed; *loaded (may be NULL) gets its size. warning (may be NULL)
 * gets what the user should hear, "" when nothing: a damaged compiled file
 * (compiled again) or a damaged FreeDict file (skipped and not cached, so
 * that the warning repeats until it is reinstalled); wsize 1200 holds both.
 * An error only for what stops the run (out of memory). */
bead_status bead_lexicon_load_freedict_cached(bead_lexicon **out, const char *dict_dir,
                                              const char *cache_dir, const char *src_lang,
                                              const char *trg_lang, size_t *loaded,
                                              char *warning, size_t wsize, bead_error *err);

/* The dictionary at path for src_lang -> trg_lang, as `--dict FILE` reads
 * it: a compiled dictionary (bead_lexicon_compile) when the file starts
 * like one, and then it must be for src_lang -> trg_lang (else
 * BEAD_ERR_USAGE), else a hunalign dictionary (bead_lexicon_load_hunalign).
 * *out is a new lexicon; *loaded (may be NULL) gets its size. Errors name
 * the file. The caller checks that path is a regular file when it matters:
 * opening a FIFO waits for a writer. */
bead_status bead_lexicon_load_file(bead_lexicon **out, const char *path, const char *src_lang,
                                   const char *trg_lang, size_t *loaded, bead_error *err);

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
