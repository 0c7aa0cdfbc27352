/* align_internal.h: the pieces of the pairwise aligner, shared between its
 * source files and the unit tests. Not installed. */
#ifndef BEAD_ALIGN_INTERNAL_H
#define BEAD_ALIGN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "bead/align.h"
#include "bead/lexicon.h"

/* ------------------------------------------------------------ bead types */

/* Sentences a bead type takes from each side, indexed by bead_type. */
extern const int bead_type_src[BEAD_NTYPES];
extern const int bead_type_trg[BEAD_NTYPES];

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

typedef struct key_table key_table;

key_table *key_table_create(void);
void key_table_free(key_table *kt);
/* The id of s[0..len), added when new; label is what users see for it
 * (first spelling met). Returns UINT32_MAX when out of memory. */
uint32_t key_table_intern(key_table *kt, const char *s, size_t len, const char *label,
                          size_t label_len);
/* -1 when absent. */
int64_t key_table_find(const key_table *kt, const char *s, size_t len);
/* The table's hash of s[0..len) (FNV-1a), for other tables of strings. */
uint64_t key_hash(const char *s, size_t len);
size_t key_table_size(const key_table *kt);
const char *key_table_key(const key_table *kt, uint32_t id);     /* with kind byte */
const char *key_table_label(const key_table *kt, uint32_t id);

/* -------------------------------------------------------- transliteration */

/* One ICU transliterator per language, opened on first use and cached per
 * aligner, plus a cache from word to its Latin-ASCII lower-case form. */
typedef struct translit translit;

translit *translit_create(void);
void translit_free(translit *t);
/* Writes the Latin-ASCII lower-case form of word (UTF-8) to buf, NUL
 * terminated; returns its length (0 when nothing is left or on failure). */
size_t translit_word(translit *t, const char *lang, const char *word, size_t len, char *buf,
                     size_t bufsize);
/* The ICU transform ID used for lang. */
const char *translit_rule(const char *lang);

/* ------------------------------------------------------------- features */

/* Everything the DP needs about one sentence, computed once: its length in
 * code points, whether it opens a paragraph, and its sorted anchor key ids. */
typedef struct sent_features {
    int64_t *len_prefix;      /* n+1 prefix sums of lengths in code points */
    unsigned char *para_start;/* 1 when the sentence opens a paragraph */
    size_t *key_off;          /* n+1 offsets into keys */
    uint32_t *keys;           /* sorted, unique per sentence */
    size_t n;
    size_t nkeys, keys_cap;
    int paragraphs_informative; /* paragraphs group several sentences */
    unsigned char *repeat;    /* 1 when the same text came earlier (a repeated
                                 headline, boilerplate); NULL in coarse features */
} sent_features;

/* Computes the features of sentences [begin, end) of doc. */
int features_build(sent_features *f, const bead_doc *doc, size_t begin, size_t end,
                   key_table *kt, translit *tr, bead_error *err);
void features_free(sent_features *f);
/* Merges blocks of `factor` sentences into one (coarse search). */
int features_coarsen(sent_features *out, const sent_features *in, size_t factor);

/* Number keys of a text: normalised digit groups ("1,7" -> "1.7",
 * "10.000" -> "10000", "6/11"). Calls fn for each key; for tests too. */
void features_numbers(const char *text, size_t len,
                      void (*fn)(void *ctx, const char *key, size_t keylen), void *ctx);
/* The phonetic skeleton of a Latin-ASCII lower-case word, used to match names
 * across scripts ("sulivan" and "sullivan" -> "slvn"). Returns its length. */
size_t features_name_skeleton(const char *word, size_t len, char *buf, size_t bufsize);
/* The whole spelling-normalised word that cognate keys are prefixes of
 * ("cyberattack" -> "kiberatak"). Returns its length. */
size_t features_cognate_form(const char *word, size_t len, char *buf, size_t bufsize);
/* Spelling-normalised prefix for cognates ("kryptowaehrung" -> "krip"). */
size_t features_cognate_key(const char *word, size_t len, char *buf, size_t bufsize);

/* ---------------------------------------------------------------- model */

typedef struct align_model {
    double c, s2;                  /* length ratio trg/src and variance per char */
    double prior[BEAD_NTYPES];
    double cost_prior[BEAD_NTYPES];/* -log prior, or a large penalty when disabled */
    unsigned allowed;
    double del_cost;               /* length-independent cost of 1-0/0-1 */
    double anchor_scale, anchor_cap;
    double para_penalty;           /* a bead that swallows a paragraph boundary */
    double temperature;            /* posterior = softmax(-cost / temperature) */
    double neg_scale, neg_cap;
    double repeat_penalty;         /* pairing a sentence that repeats an earlier one */     /* numbers and names left unmatched in a bead */
    float *key_weight;             /* by key id: rarity weight in [0,1] x kind;
                                      then, at key_weight + nkeys_weighed, the
                                      weight a key counts when left unmatched */
    size_t nkeys_weighed;
    const float *extra_match;      /* by band cell: more match weight (dictionary), or NULL */
    const float *cell_match;       /* by band cell: dp_cell_match's, or NULL to compute */
    const float *cell_negmatch;
} align_model;

void model_init(align_model *m, unsigned allowed, double c);
void model_set_priors(align_model *m, const double *prior);
/* Leaves the length model alone: no anchor evidence, no penalty for
 * unmatched numbers and names, paragraph boundaries or repeats. */
void model_drop_anchors(align_model *m);
/* -log(2 (1 - Phi(|delta|))), the Gale-Church length cost. */
double model_length_cost(double l1, double l2, double c, double s2);
/* Weights keys by rarity: 1 / max(df_src, df_trg), times the kind's weight;
 * 0 for keys seen on one side only. */
int model_weigh_keys(align_model *m, const sent_features *src, const sent_features *trg,
                     const key_table *kt);
/* Sum of the weights of keys sentence i of src and j of trg share. */
float model_pair_match(const align_model *m, const sent_features *src, size_t i,
                       const sent_features *trg, size_t j);
/* The same, and *neg gets the sum of their unmatched-weights (see
 * model_unmatched_weight). */
float model_pair_match_neg(const align_model *m, const sent_features *src, size_t i,
                           const sent_features *trg, size_t j, float *neg);
/* Sum of the unmatched-weights of sentence i's keys: numbers (rare ones
 * count more, even when the other document lacks them) and names found in
 * both documents. Numbers and names survive translation, so a bead that
 * leaves them unmatched is less likely. */
double model_unmatched_weight(const align_model *m, const sent_features *f, size_t i);

/* ------------------------------------------------------------------ band */

/* The cells the DP visits: for each row i (0..n, source prefix length) the
 * target prefix lengths lo[i]..hi[i]. Both bounds are non-decreasing, lo[0]
 * is 0 and hi[n] is m, so a path from (0,0) to (n,m) always exists. */
typedef struct band {
    size_t n, m;
    int64_t *lo, *hi;
    int64_t *off;      /* n+2 cell offsets */
} band;

int band_full(band *b, size_t n, size_t m);
/* 1 when b is the whole matrix. */
int band_is_full(const band *b);
void band_free(band *b);
/* Makes bounds monotone and connected. */
void band_fix(band *b);
/* Finds a band for src x trg: the whole matrix when small, else the path of
 * a coarse alignment widened by a margin (recursively). */
int search_band(band *b, const sent_features *src, const sent_features *trg,
                const align_model *m, bead_error *err);

/* --------------------------------------------------------------- dynamic */

typedef struct dp_bead {
    size_t i, j;        /* start, within the aligned range */
    int type;           /* bead_type */
    double posterior;
} dp_bead;

typedef struct dp_result {
    dp_bead *beads;
    size_t n, cap;
    double total_cost;
} dp_result;

/* The best path through the band, with the posterior of each bead from
 * forward-backward over the same band. */
int dp_align(dp_result *res, const band *b, const sent_features *src,
             const sent_features *trg, const align_model *m, int want_posteriors,
             bead_error *err);
void dp_result_free(dp_result *res);
/* The cells within radius columns of path (a path through n x m): the
 * narrow band of the rounds after the first, whose path moves only a little
 * (bench/reports/align_scaling.md). */
int band_around_path(band *b, const dp_result *path, size_t n, size_t m, int64_t radius);
/* The anchor match weight of each band cell's sentence pair (i-1, j-1) and
 * the unmatched-weight of the keys they share, for m's key weights: what
 * dp_align computes when m->cell_match is NULL. They change only with the
 * key weights, so an aligner computes them once for all its rounds. */
int dp_cell_match(const band *b, const sent_features *src, const sent_features *trg,
                  const align_model *m, float **match, float **negmatch);

/* Dictionary evidence by band cell: scale x the share of words of each
 * sentence pair near path that have a translation on the other side
 * (sentences s0.. of src and t0.. of trg). NULL when out of memory. */
float *lexicon_cell_evidence(const band *b, const dp_result *path, const bead_doc *src,
                             size_t s0, const bead_doc *trg, size_t t0, const bead_lexicon *lex,
                             double scale);

/* The features of a whole pair of documents, as the aligner built them (one
 * key table for both sides), handed on so that the verdict need not build
 * them again. */
typedef struct pair_features {
    key_table *kt;
    sent_features fs, ft;
} pair_features;

void pair_features_free(pair_features *pf);
/* bead_align_pair, and *keep gets the pair's features when the documents
 * are one section each (else NULL); the caller frees them. */
bead_status aligner_align_pair(bead_aligner *a, const bead_doc *src, const bead_doc *trg,
                               bead_alignment **out, pair_features **keep, bead_error *err);
/* The share of the ns + nt sentences in units with both sides and a score of
 * at least 0.5 (align/verdict.c). */
double verdict_coverage(const bead_alignment *al, size_t ns, size_t nt);
/* bead_classify_pair with the pair's features when known (pf may be NULL). */
bead_verdict verdict_classify(const bead_doc *src, const bead_doc *trg, bead_alignment *al,
                              bead_verdict_stats *stats, const pair_features *pf);

/* Re-estimates c, s2 and the priors from the confident beads of res. */
void model_reestimate(align_model *m, const dp_result *res, const sent_features *src,
                      const sent_features *trg);

#endif
