/* match_internal.h: the pieces of align/match/ shared between its files
 * (match_keys.c, match_index.c, match_store.c, matcher.c). Not installed. */
#ifndef BEAD_MATCH_INTERNAL_H
#define BEAD_MATCH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "bead/match.h"
#include "align/anchors/anchors.h"

/* A document's keys: ids of a key_table with how often each occurs. */
typedef struct match_key {
    uint32_t id;
    uint32_t tf;
} match_key;

/* A dictionary as lists: from each source id of lex, its translations
 * (target ids, in dictionary order), so that a document's words become keys
 * of the other language without probing every pair. A compiled (mapped)
 * lexicon already holds these rows and lends them; a heap one is walked
 * once into own_start/own_trg. */
typedef struct match_dict {
    const bead_lexicon *lex;
    const uint32_t *start;    /* by source id, nsrc + 2 */
    const uint32_t *trg;
    uint32_t nsrc;
    uint32_t *own_start, *own_trg;
    /* Each source word translated once per run: by source id, 0 when not
     * yet, else 1 + where its key ids start in memo_ids (memo_n of them),
     * ids of memo_kt, the one key table the dictionary serves. */
    uint32_t *memo_at, *memo_n, *memo_ids;
    size_t memo_len, memo_cap;
    const key_table *memo_kt;
} match_dict;

int bd_match_dict_build(match_dict *d, const bead_lexicon *lex);
void bd_match_dict_free(match_dict *d);

/* Sorts keys[0..n) by id, summing the tf of equal ids; how many are left,
 * or SIZE_MAX when out of memory (keys then unchanged). */
size_t bd_match_keys_sort(match_key *keys, size_t n);

/* Word keys are "x" + language + ":" + word key: a document's own words
 * in its language, a query's translated into the index's languages. */
#define KEY_WORD_LANG_MAX 16

/* The distinct keys of doc, interned in kt, sorted by id: numbers, names,
 * cognates (punctuation says nothing about which document), and word keys
 * for each of the nlangs languages langs: the words themselves for the
 * document's own language, their translations by dicts[i] for another
 * (no words when dicts[i] is NULL). The document's features are composed
 * from df (may be NULL: built), which must have been built from doc as it
 * reads now (bd_features_for). *out is allocated.
 * 0, or -1 with err set. */
int bd_match_doc_keys(const bead_doc *doc, key_table *kt, translit *tr,
                      const char *const *langs, match_dict *const *dicts, size_t nlangs,
                      const doc_features *df, match_key **out, size_t *n, bead_error *err);

struct bead_match_index {
    key_table *kt;            /* key strings -> ids */
    translit *tr;             /* while adding; freed by finish */
    /* documents */
    char **names;
    char (*langs)[16];
    double *norm;             /* length of each document's weight vector */
    size_t ndocs, docs_cap;
    /* while adding: (key, doc, tf) triples */
    uint32_t *t_key, *t_doc, *t_tf;
    size_t ntrip, trip_cap;
    /* once finished: postings by key (CSR) */
    int finished;
    size_t *post_off;         /* nkeys + 1 */
    uint32_t *post_doc, *post_tf;
    double *idf;              /* by key, with the kind's weight; 0 for keys
                                 too common to say anything */
    char pivot[16];           /* "" when none */
    const bead_lexicon_set *lexicons;   /* while adding */
    match_dict pivot_dicts[8];          /* while adding: by language to pivot */
    char pivot_from[8][16];
    int pivot_have[8];
    size_t npivot;
    char (*dlangs)[16];       /* the distinct languages of the documents */
    size_t ndlangs;
    size_t nkeys;
    uint64_t keys_hash;       /* FNV-1a of the key strings in id order (set
                                 by weighing): two indexes with the same one
                                 give every key the same id */
};

/* Room for one more document's name and language; a (key, doc, tf)
 * triple. 0, or -1 when out of memory. */
int bd_match_index_grow_docs(bead_match_index *ix);
int bd_match_index_triple(bead_match_index *ix, uint32_t key, uint32_t doc, uint32_t tf);
/* Called by finish and load: postings from the triples, weights, norms. */
/* The walked dictionary of lang -> ix's pivot for adding, NULL when there
 * is none (or lang is the pivot); *failed on out of memory. */
match_dict *bd_match_index_pivot_dict(bead_match_index *ix, const char *lang, int *failed);
int bd_match_index_weigh(bead_match_index *ix, bead_error *err);
/* The weight of a key occurring tf times in a document. */
double bd_match_weight(const bead_match_index *ix, uint32_t key, uint32_t tf);
/* Documents containing more than this many of the collection's documents
 * do not propose candidates: they say little and their postings would make
 * the query cost grow with the collection. */
size_t bd_match_df_limit(const bead_match_index *ix);

/* The saved index in p[0..n) (match_store.c), path naming it in messages:
 * what bead_match_index_load does once the file is read. */
bead_status bd_match_index_parse(bead_match_index **out, const unsigned char *p, size_t n,
                                 const char *path, bead_error *err);
/* Writes the checksum of p[0..n - 8) into its last 8 bytes (for the fuzz
 * harness, so that the checks behind the checksum are fuzzed too). */
void bd_match_index_seal(unsigned char *p, size_t n);

#endif
