/* lexicon_internal.h: the pieces of the lexicon shared between its source
 * files (lexicon.c, stem.c, word_keys.c, dict_freedict.c, dict_hunalign.c,
 * lexicon_learn.c, anchor_lexicon.c, mine.c), the unit tests and
 * bench/lexicon_coverage.c. Not installed. */
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
    uint32_t *off;          /* by id; off[0] unused. 32 bits: half the memory,
                               and the layout of the compiled file */
    uint32_t n;
    size_t ids_cap;
    uint64_t *slots;        /* open addressing: hash tag | id, 0 = empty */
    size_t mask;
} lex_strings;

void bd_lex_strings_free(lex_strings *s);
/* The id of s[0..len), added when new; 0 when out of memory. */
uint32_t bd_lex_strings_intern(lex_strings *s, const char *str, size_t len);
/* The id, or 0 when absent. Never allocates. */
uint32_t bd_lex_strings_find(const lex_strings *s, const char *str, size_t len);
const char *bd_lex_strings_get(const lex_strings *s, uint32_t id);

/* Sorts ids in place (align/idsort.c; the features use it too). */
void bd_ids_sort(uint32_t *ids, size_t n);
/* Sorts v by its top `bits` bits (a multiple of 8, at most 64): the lower
 * bits are then in no particular order unless bits is 64. */
void bd_keys64_sort(uint64_t *v, size_t n, int bits);

/* -------------------------------------------------------------- pair sets */

/* A set of (source id, target id) pairs, or with counts a multiset. */
typedef struct lex_pairs {
    uint64_t *keys;         /* (src << 32 | trg); 0 = empty */
    uint32_t *counts;       /* parallel to keys when counting, else NULL */
    size_t n, mask;
} lex_pairs;

void bd_lex_pairs_free(lex_pairs *p);
/* Adds the pair (count += 1 when counting). 1 when new, 0 when already
 * there, -1 when out of memory. */
int bd_lex_pairs_add(lex_pairs *p, uint32_t a, uint32_t b, int counting);
int bd_lex_pairs_has(const lex_pairs *p, uint32_t a, uint32_t b);

/* ------------------------------------------------------------------ words */

/* Calls fn with the key of every word of text (split at white space and
 * slashes; keys from bead_lexicon_key, empty keys skipped). Returns the
 * number of keys. (Used by align/mine.c too: keep the signature.) */
size_t bd_lex_each_key(const char *lang, const char *text, size_t len,
                    void (*fn)(void *ctx, const char *key, size_t keylen), void *ctx);
/* The same, also passing the word's length in characters as written. */
size_t bd_lex_each_word(const char *lang, const char *text, size_t len,
                     void (*fn)(void *ctx, const char *key, size_t keylen, size_t wordchars),
                     void *ctx);

/* A language resolved once, for keying many of its words:
 * bead_lexicon_key looks its rules up by name on every call. */
struct lang_rules;
typedef struct lex_keyer {
    const struct lang_rules *rules;   /* NULL: keys only normalised */
    const char *lang;                 /* must outlive the keyer */
    int ascii_ok;                     /* not Turkic: ASCII words need no ICU */
} lex_keyer;

void bd_lex_keyer_init(lex_keyer *k, const char *lang);
/* Exactly bead_lexicon_key(k->lang, ...). */
size_t bd_lex_keyer_key(const lex_keyer *k, const char *word, size_t len, char *buf, size_t bufsize);

/* The next word of text from *pos on (words are split at white space and
 * slashes, as bd_lex_each_key splits them): 1 with its start and length and
 * *pos moved past it, or 0 when none is left. */
int bd_lex_next_word(const char *text, size_t len, size_t *pos, size_t *start, size_t *wlen);

/* ------------------------------------------------------- word-key cache */

/* The keys of one document's words, each distinct word keyed once (keying
 * runs ICU and the stemmer; a document repeats its words many times). Key
 * ids are dense, 1..keys.n, in order of first sight, so they can index
 * arrays. Private to one call: nothing here touches a lexicon. */
typedef struct lex_word_cache {
    lex_keyer keyer;
    lex_strings words;        /* the words as written */
    uint32_t *key_of;         /* by word id: its key id, 0 when it has none */
    size_t key_of_cap;
    lex_strings keys;
} lex_word_cache;

typedef struct lex_ids {
    uint32_t *v;
    size_t n, cap;
} lex_ids;

void bd_lex_word_cache_init(lex_word_cache *c, const char *lang);
void bd_lex_word_cache_free(lex_word_cache *c);
/* Appends to out the key ids of text's words, in the order and with the
 * keys bd_lex_each_key gives. 0, or -1 when out of memory. */
int bd_lex_word_cache_keys(lex_word_cache *c, const char *text, size_t len, lex_ids *out);
/* The key of a key id (NUL-terminated, *len bytes). */
const char *bd_lex_word_cache_key(const lex_word_cache *c, uint32_t key_id, size_t *len);
/* Appends one id; 0, or -1 when out of memory. */
int bd_lex_ids_push(lex_ids *ids, uint32_t id);

/* A dictionary item (word or short phrase) as the interned ids of its
 * content words: see the policy in lexicon.c. */
#define LEX_PHRASE_MAX 2
typedef struct lex_phrase {
    uint32_t id[LEX_PHRASE_MAX];
    size_t n;
} lex_phrase;

/* side 0: source language, 1: target. 0, or -1 when out of memory. */
int bd_lex_phrase_make(bead_lexicon *lex, int side, const char *text, size_t len, lex_phrase *out);
/* Adds every content-word pair; the number added, or -1. */
long bd_lex_phrase_pair(bead_lexicon *lex, const lex_phrase *s, const lex_phrase *t);

/* Adds one translation pair of raw dictionary items (a word or a short
 * phrase on each side): see the policy in lexicon.c. Returns the number of
 * key pairs added, or -1 when out of memory. */
long bd_lex_add_phrases(bead_lexicon *lex, const char *src, size_t slen, const char *trg,
                     size_t tlen);

/* Adds the key pair (keys already made). 1 new, 0 known, -1 out of memory. */
int bd_lex_add_keys(bead_lexicon *lex, const char *skey, size_t slen, const char *tkey,
                 size_t tlen);

/* For hot loops: a key's id once per sentence, then pairs by id (no string
 * hashing). Ids are > 0; 0 means the key is not in the lexicon (and then no
 * pair has it). Valid until the lexicon changes. */
uint32_t bd_lex_src_id(const bead_lexicon *lex, const char *key, size_t len);
uint32_t bd_lex_trg_id(const bead_lexicon *lex, const char *key, size_t len);
int bd_lex_has_ids(const bead_lexicon *lex, uint32_t src_id, uint32_t trg_id);
/* The key of id on side 0 (source) or 1 (target); NULL when there is none.
 * For a caller that walks the pair set (align/match/). */
const char *bd_lex_key(const bead_lexicon *lex, int side, uint32_t id);

/* The pair set and the number of ids on each side (ids are 1..n), for a
 * caller that scans every pair instead of probing (see
 * anchor_lexicon.c). Read-only. */
const lex_pairs *bd_lex_pair_set(const bead_lexicon *lex);
uint32_t bd_lex_id_count(const bead_lexicon *lex, int side);

/* A compiled (mapped) lexicon keeps its pairs as rows by source id,
 * target ids sorted (lexicon_compiled.c): 1 and the rows when lex is one
 * (start has bd_lex_id_count(lex, 0) + 2 entries; the translations of
 * source id s are trg[start[s] .. start[s + 1])), else 0 and the pairs are
 * in bd_lex_pair_set. */
int bd_lex_rows(const bead_lexicon *lex, const uint32_t **start, const uint32_t **trg);
/* The key of id on a side (0: source), NUL-terminated; NULL when absent. */
const char *bd_lex_key_of(const bead_lexicon *lex, int side, uint32_t id);

/* Adds to lex the pairs (x, z) for which a pivot word p has (x, p) in ab and
 * (p, z) in bc (ab: lex's source language to the pivot's, bc: the pivot's
 * to lex's target), leaving out pivot words with more than a few
 * translations on either side. The number added, or -1 when out of memory
 * (lexicon_compose.c). */
long bd_lex_compose(bead_lexicon *lex, const bead_lexicon *ab, const bead_lexicon *bc);

/* Moves every pair of from into to (from is left with any leftovers, to be
 * freed). 0, or -1 when out of memory. */
int bd_lex_merge(bead_lexicon *to, bead_lexicon *from);

/* ------------------------------------------------- the lexicon's two forms */

/* A lexicon is built on the heap (hash sets, growing) or mapped from a
 * compiled file (lexicon_compiled.c: the same string tables in place, the
 * pairs as sorted rows). Every lookup works on both; a change to a mapped
 * lexicon first copies it to the heap (bd_lex_thaw). */
struct bead_lexicon {
    char src_lang[16], trg_lang[16];
    lex_strings src, trg;        /* mapped: pointing into the map */
    lex_pairs pairs;             /* heap form only */
    unsigned char *src_has;      /* heap form: by source id, 1 when it has a translation */
    size_t src_has_cap;
    const uint32_t *row_start;   /* mapped form: rows by source id (bd_lex_rows) */
    const uint32_t *row_trg;
    size_t npairs;               /* mapped form */
    void *map;                   /* the whole file when mapped by
                                    bead_lexicon_open_compiled, munmap'd by free */
    size_t map_len;
};

/* Turns a mapped lexicon into a heap one (a no-op on a heap one). 0, or -1
 * when out of memory (lex unchanged). */
int bd_lex_thaw(bead_lexicon *lex);

/* Unmaps what bead_lexicon_open_compiled mapped (lexicon_compiled.c). */
void bd_lex_unmap(bead_lexicon *lex);

/* The version of the rules that turn words into keys (stem.c, the phrase
 * policy in lexicon.c, the FreeDict entry splitter): a compiled dictionary
 * made under other rules is stale and is never used. Bump it with any change
 * that can alter a key or a pair. */
#define BD_LEX_KEY_RULES 1

/* ------------------------------------------------------ lexicon of a pair */

/* The dictionary of the pair src_lang -> trg_lang by the rule of
 * bead_align_options (align.h): lexicon when it maps exactly that pair,
 * else lexicons' lexicon for the pair, else NULL (none). Either may be NULL. */
const bead_lexicon *bd_pair_lexicon(const bead_lexicon *lexicon, const bead_lexicon_set *lexicons,
                                    const char *src_lang, const char *trg_lang);

/* ---------------------------------------------------------------- dictd */

/* Where FreeDict dictionaries are when the caller names no folder (Debian's
 * dict-freedict-* packages install them there). */
#define BD_DICT_DIR_DEFAULT "/usr/share/dictd"

/* Decodes dictd's base64 numbering ("B0" = 1*64 + 52). Returns 0 on a
 * character outside the alphabet or overflow. */
int bd_lex_dictd_number(const char *s, size_t len, uint64_t *out);

/* Splits one dictd entry (TEI-derived FreeDict text) into its headword and
 * translation items; calls fn(ctx, head, hlen, item, ilen) per item. Returns
 * the number of items. */
size_t bd_lex_dictd_entry(const char *entry, size_t len,
                       void (*fn)(void *ctx, const char *head, size_t hlen, const char *item,
                                  size_t ilen),
                       void *ctx);

/* FreeDict's ISO 639-3 name for a language code ("bg" -> "bul"), via ICU.
 * 0 when ICU does not know the code. */
int bd_lex_iso3(const char *lang, char *buf, size_t bufsize);

#endif
