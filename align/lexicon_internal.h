/* lexicon_internal.h: the pieces of the lexicon shared between its source
 * files (lexicon.c, stem.c, dict_freedict.c, dict_hunalign.c,
 * lexicon_learn.c), the unit tests and bench/lexicon_coverage.c. Not
 * installed. */
#ifndef BEAD_LEXICON_INTERNAL_H
#define BEAD_LEXICON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "bead/lexicon.h"

/* Keys longer than this many bytes are not words (a URL, a base64 blob). */
#define LEX_KEY_MAX 128

/* --------------------------------------------------------- string interning */

/* Strings interned to dense ids 1..n (0 means absent), one arena. */
typedef struct lex_strings {
    char *arena;
    size_t len, cap;
    size_t *off;            /* by id; off[0] unused */
    uint32_t n, ids_cap;
    uint64_t *slots;        /* open addressing: hash tag | id, 0 = empty */
    size_t mask;
} lex_strings;

void lex_strings_free(lex_strings *s);
/* The id of s[0..len), added when new; 0 when out of memory. */
uint32_t lex_strings_intern(lex_strings *s, const char *str, size_t len);
/* The id, or 0 when absent. Never allocates. */
uint32_t lex_strings_find(const lex_strings *s, const char *str, size_t len);
const char *lex_strings_get(const lex_strings *s, uint32_t id);

/* -------------------------------------------------------------- pair sets */

/* A set of (source id, target id) pairs, or with counts a multiset. */
typedef struct lex_pairs {
    uint64_t *keys;         /* (src << 32 | trg); 0 = empty */
    uint32_t *counts;       /* parallel to keys when counting, else NULL */
    size_t n, mask;
} lex_pairs;

void lex_pairs_free(lex_pairs *p);
/* Adds the pair (count += 1 when counting). 1 when new, 0 when already
 * there, -1 when out of memory. */
int lex_pairs_add(lex_pairs *p, uint32_t a, uint32_t b, int counting);
int lex_pairs_has(const lex_pairs *p, uint32_t a, uint32_t b);

/* ------------------------------------------------------------------ words */

/* Calls fn with the key of every word of text (split at white space and
 * slashes; keys from bead_lexicon_key, empty keys skipped). Returns the
 * number of keys. (Used by align/mine.c too: keep the signature.) */
size_t lex_each_key(const char *lang, const char *text, size_t len,
                    void (*fn)(void *ctx, const char *key, size_t keylen), void *ctx);
/* The same, also passing the word's length in characters as written. */
size_t lex_each_word(const char *lang, const char *text, size_t len,
                     void (*fn)(void *ctx, const char *key, size_t keylen, size_t wordchars),
                     void *ctx);

/* A dictionary item (word or short phrase) as the interned ids of its
 * content words: see the policy in lexicon.c. */
#define LEX_PHRASE_MAX 2
typedef struct lex_phrase {
    uint32_t id[LEX_PHRASE_MAX];
    size_t n;
} lex_phrase;

/* side 0: source language, 1: target. 0, or -1 when out of memory. */
int lex_phrase_make(bead_lexicon *lex, int side, const char *text, size_t len, lex_phrase *out);
/* Adds every content-word pair; the number added, or -1. */
long lex_phrase_pair(bead_lexicon *lex, const lex_phrase *s, const lex_phrase *t);

/* Adds one translation pair of raw dictionary items (a word or a short
 * phrase on each side): see the policy in lexicon.c. Returns the number of
 * key pairs added, or -1 when out of memory. */
long lex_add_phrases(bead_lexicon *lex, const char *src, size_t slen, const char *trg,
                     size_t tlen);

/* Adds the key pair (keys already made). 1 new, 0 known, -1 out of memory. */
int lex_add_keys(bead_lexicon *lex, const char *skey, size_t slen, const char *tkey,
                 size_t tlen);

/* For hot loops: a key's id once per sentence, then pairs by id (no string
 * hashing). Ids are > 0; 0 means the key is not in the lexicon (and then no
 * pair has it). Valid until the lexicon changes. */
uint32_t lex_src_id(const bead_lexicon *lex, const char *key, size_t len);
uint32_t lex_trg_id(const bead_lexicon *lex, const char *key, size_t len);
int lex_has_ids(const bead_lexicon *lex, uint32_t src_id, uint32_t trg_id);

/* Moves every pair of from into to (from is left with any leftovers, to be
 * freed). 0, or -1 when out of memory. */
int lex_merge(bead_lexicon *to, bead_lexicon *from);

/* ---------------------------------------------------------------- dictd */

/* Decodes dictd's base64 numbering ("B0" = 1*64 + 52). Returns 0 on a
 * character outside the alphabet or overflow. */
int lex_dictd_number(const char *s, size_t len, uint64_t *out);

/* Splits one dictd entry (TEI-derived FreeDict text) into its headword and
 * translation items; calls fn(ctx, head, hlen, item, ilen) per item. Returns
 * the number of items. */
size_t lex_dictd_entry(const char *entry, size_t len,
                       void (*fn)(void *ctx, const char *head, size_t hlen, const char *item,
                                  size_t ilen),
                       void *ctx);

/* FreeDict's ISO 639-3 name for a language code ("bg" -> "bul"), via ICU.
 * 0 when ICU does not know the code. */
int lex_iso3(const char *lang, char *buf, size_t bufsize);

#endif
