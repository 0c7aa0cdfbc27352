/* anchors.h: the anchor layer (align/anchors/): anchor keys interned to
 * integer ids, transliteration to Latin, and the per-sentence features the
 * pair aligner reads. Uses the document and lexicon layers. Not installed. */
#ifndef BEAD_ANCHORS_H
#define BEAD_ANCHORS_H

#include <stddef.h>
#include <stdint.h>

#include "bead/align.h"

/* ---------------------------------------------------------- key interning */

/* Anchor keys are strings ("n2022", "Nslvn") interned to dense integer ids
 * once, so that the DP compares integers only. The first byte is the kind. */
enum {
    KEY_NUMBER = 'n',
    KEY_NAME = 'N',
    KEY_COGNATE = 'c',
    KEY_PUNCT = 'p',
    KEY_LEXICON = 'x'
};

/* How much a shared key of this kind says that two sentences match, before
 * rarity: numbers and names 1, dictionary translations and cognates 0.6,
 * punctuation 0.4, any other kind 0.5. The aligner's model and mining both
 * weigh keys by it, each with its own rarity factor. */
double bd_key_kind_weight(char kind);

typedef struct key_table key_table;

key_table *bd_key_table_create(void);
void bd_key_table_free(key_table *kt);
/* The id of s[0..len), added when new; label is what users see for it
 * (first spelling met). Returns UINT32_MAX when out of memory. */
uint32_t bd_key_table_intern(key_table *kt, const char *s, size_t len, const char *label,
                          size_t label_len);
/* -1 when absent. */
int64_t bd_key_table_find(const key_table *kt, const char *s, size_t len);
/* The table's hash of s[0..len) (FNV-1a), for other tables of strings. */
uint64_t bd_key_hash(const char *s, size_t len);
size_t bd_key_table_size(const key_table *kt);
const char *bd_key_table_key(const key_table *kt, uint32_t id);     /* with kind byte */
size_t bd_key_table_key_len(const key_table *kt, uint32_t id);
const char *bd_key_table_label(const key_table *kt, uint32_t id);

/* -------------------------------------------------------- transliteration */

/* One ICU transliterator per language, opened on first use and cached per
 * aligner, plus a cache from word to its Latin-ASCII lower-case form. */
typedef struct translit translit;

translit *bd_translit_create(void);
void bd_translit_free(translit *t);
/* Writes the Latin-ASCII lower-case form of word (UTF-8) to buf, NUL
 * terminated; returns its length (0 when nothing is left or on failure). */
size_t bd_translit_word(translit *t, const char *lang, const char *word, size_t len, char *buf,
                     size_t bufsize);
/* The ICU transform ID used for lang. */
const char *bd_translit_rule(const char *lang);

/* ------------------------------------------------------------- features */

/* Everything the DP needs about one sentence, computed once: its length in
 * code points, whether it opens a paragraph, and its sorted anchor key ids. */
enum { REPEAT_NONE = 0, REPEAT_LONG = 1, REPEAT_SHORT = 2 };

typedef struct sent_features {
    int64_t *len_prefix;      /* n+1 prefix sums of lengths in code points */
    unsigned char *para_start;/* 1 when the sentence opens a paragraph */
    size_t *key_off;          /* n+1 offsets into keys */
    uint32_t *keys;           /* sorted, unique per sentence */
    size_t n;
    size_t nkeys, keys_cap;
    int paragraphs_informative; /* paragraphs group several sentences */
    unsigned char *repeat;    /* REPEAT_LONG when the same text came shortly
                                 before (a repeated headline, boilerplate),
                                 REPEAT_SHORT when it is under 8 bytes;
                                 NULL in coarse features */
    unsigned char *glue;      /* 1 when the sentence continues the one before
                                 (bd_glue_build); NULL in coarse features */
} sent_features;

/* Computes the features of sentences [begin, end) of doc. */
int bd_features_build(sent_features *f, const bead_doc *doc, size_t begin, size_t end,
                   key_table *kt, translit *tr, bead_error *err);
void bd_features_free(sent_features *f);

/* A whole document's features with a key table of its own, built once
 * (bd_doc_features_build) and composed into the key table of each pair the
 * document takes part in (bd_features_compose): what the matcher's index
 * computes for a document serves its verification, and one miner's serves
 * the other's. Composing gives the same features, key ids and labels as
 * bd_features_build into that table: the keys are interned in the order
 * the build first meets them, which is the order of their private ids. */
typedef struct doc_features {
    const bead_doc *doc;      /* built from this document ... */
    uint64_t fingerprint;     /* ... when it read so (bd_doc_fingerprint) */
    key_table *kt;
    sent_features f;
} doc_features;

int bd_doc_features_build(doc_features *d, const bead_doc *doc, translit *tr, bead_error *err);
/* Accepts a zeroed or freed d. */
void bd_doc_features_free(doc_features *d);
/* d when it holds doc's features (the same document, still reading the
 * same), else NULL; d may be NULL. */
const doc_features *bd_doc_features_of(const doc_features *d, const bead_doc *doc);
/* The features of sentences [begin, end) of doc into f, with kt's ids:
 * composed from d when [begin, end) is the whole of doc and d was built
 * from it, else built. d (may be NULL) is trusted to read as doc does: the
 * entry points that take features (the aligner, mining) check that once
 * with bd_doc_features_of, which reads the whole document. */
int bd_features_for(sent_features *f, const bead_doc *doc, size_t begin, size_t end,
                    key_table *kt, translit *tr, const doc_features *d, bead_error *err);
/* glue[k] = 1 (k = 0..end-begin-1) when sentence begin+k of doc continues
 * sentence begin+k-1: a splitter cut after an abbreviation or a list number,
 * or before a closing bracket (align/anchors/glue.c). -1 when out of memory. */
int bd_glue_build(unsigned char *glue, const bead_doc *doc, size_t begin, size_t end);
/* Merges blocks of `factor` sentences into one (coarse search). */
int bd_features_coarsen(sent_features *out, const sent_features *in, size_t factor);

/* Number keys of a text: normalised digit groups ("1,7" -> "1.7",
 * "10.000" -> "10000", "6/11"). Calls fn for each key; for tests too. */
void bd_features_numbers(const char *text, size_t len,
                      void (*fn)(void *ctx, const char *key, size_t keylen), void *ctx);
/* The phonetic skeleton of a Latin-ASCII lower-case word, used to match names
 * across scripts ("sulivan" and "sullivan" -> "slvn"). Returns its length. */
size_t bd_features_name_skeleton(const char *word, size_t len, char *buf, size_t bufsize);
/* The whole spelling-normalised word that cognate keys are prefixes of
 * ("cyberattack" -> "kiberatak"). Returns its length. */
size_t bd_features_cognate_form(const char *word, size_t len, char *buf, size_t bufsize);
/* Spelling-normalised prefix for cognates ("kryptowaehrung" -> "krip"). */
size_t bd_features_cognate_key(const char *word, size_t len, char *buf, size_t bufsize);

/* ------------------------------------------------------------- readings */

/* What a text reads: a hash of its letters and digits (ASCII lowered; the
 * bytes of other scripts as they are), fed in pieces (align/anchors/reading.c).
 * bytes counts what was hashed: 0 when the text reads nothing. */
typedef struct bd_reading {
    uint64_t hash;
    size_t bytes;
} bd_reading;
void bd_reading_init(bd_reading *r);
void bd_reading_add(bd_reading *r, const char *text, size_t len);
/* The share of the sentences of src [s0,s1) and trg [t0,t1) that read like
 * a sentence of the other side, each used once: near 1 for a text and its
 * copy, near 0 for a translation. */
double bd_copy_share(const bead_doc *src, size_t s0, size_t s1, const bead_doc *trg, size_t t0,
                     size_t t1);

#endif
