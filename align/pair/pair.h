/* pair.h: the pair aligner layer (align/pair/): the bead cost model, the
 * band, the dynamic programming, dictionary evidence by cell, and the
 * aligner's rounds. Uses documents, lexicons and anchors. Not installed. */
#ifndef BEAD_PAIR_H
#define BEAD_PAIR_H

#include <stddef.h>
#include <stdint.h>

#include "bead/align.h"
#include "bead/lexicon.h"
#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"

/* ---------------------------------------------------------------- model */

/* The DP's tables of the length cost and of log1p(exp(-d)), steps of 1/64.
 * They depend on nothing: an aligner fills them once (bd_dp_tables_fill)
 * and every DP of its models copies them, instead of calling erfc, exp,
 * log and log1p 3,842 times per DP (which dominated aligning many small
 * sections). */
#define DP_LC_N (20 * 64)
#define DP_LA_N (40 * 64)
typedef struct dp_tables {
    float lc[DP_LC_N + 1];
    float la[DP_LA_N + 1];
} dp_tables;
void bd_dp_tables_fill(dp_tables *t);

/* The bead types of five sentences. Beads of them are rare (Text+Berg's
 * German and French split differently at colons and semicolons) and dear
 * to search for in every cell, so the first round goes without them and
 * the later ones look for them only near its path (align_model.near). */
#define BD_TYPES_NEAR                                                                 \
    ((1u << BEAD_2_3) | (1u << BEAD_3_2) | (1u << BEAD_1_4) | (1u << BEAD_4_1))

_Static_assert(BD_TYPES_NEAR == ((1u << BEAD_NTYPES) - (1u << BEAD_2_3)),
               "the types of five sentences come last (dp.c counts on it)");

struct band;

typedef struct align_model {
    double c, s2;                  /* length ratio trg/src and variance per char */
    double prior[BEAD_NTYPES];
    double cost_prior[BEAD_NTYPES];/* -log prior, or a large penalty when disabled */
    unsigned allowed;
    double del_cost;               /* cost of a 1-0/0-1 of a whole sentence */
    double glue_del;               /* more to delete a piece glued to a neighbour */
    double glue_join;              /* a bead joining two pieces glued together:
                                      the cost of the bead type without the
                                      join, plus this (dp.c) */
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
    const float *cell_match;       /* by band cell: bd_dp_cell_match's, or NULL to compute */
    const float *cell_negmatch;
    const dp_tables *tables;       /* filled tables, or NULL to fill them per DP */
    double deadline;               /* bead_aligner_set_deadline's, 0: none */
    const struct band *near;       /* the cells where beads of BD_TYPES_NEAR
                                      types may end; NULL: anywhere */
} align_model;

void bd_model_init(align_model *m, unsigned allowed, double c);
void bd_model_set_priors(align_model *m, const double *prior);
/* Allows the types of the mask, at their default priors. */
void bd_model_allow(align_model *m, unsigned allowed);
/* Leaves the length model alone: no anchor evidence, no penalty for
 * unmatched numbers and names, paragraph boundaries or repeats. */
void bd_model_drop_anchors(align_model *m);
/* -log(2 (1 - Phi(|delta|))), the Gale-Church length cost. */
double bd_model_length_cost(double l1, double l2, double c, double s2);
/* Weights keys by rarity: 1 / max(df_src, df_trg), times the kind's weight;
 * 0 for keys seen on one side only. */
int bd_model_weigh_keys(align_model *m, const sent_features *src, const sent_features *trg,
                     const key_table *kt);
/* Sum of the weights of keys sentence i of src and j of trg share. */
float bd_model_pair_match(const align_model *m, const sent_features *src, size_t i,
                       const sent_features *trg, size_t j);
/* The same, and *neg gets the sum of their unmatched-weights (see
 * bd_model_unmatched_weight). */
float bd_model_pair_match_neg(const align_model *m, const sent_features *src, size_t i,
                           const sent_features *trg, size_t j, float *neg);
/* Sum of the unmatched-weights of sentence i's keys: numbers (rare ones
 * count more, even when the other document lacks them) and names found in
 * both documents. Numbers and names survive translation, so a bead that
 * leaves them unmatched is less likely. */
double bd_model_unmatched_weight(const align_model *m, const sent_features *f, size_t i);

/* ------------------------------------------------------------------ band */

/* The cells the DP visits: for each row i (0..n, source prefix length) the
 * target prefix lengths lo[i]..hi[i]. Both bounds are non-decreasing, lo[0]
 * is 0 and hi[n] is m, so a path from (0,0) to (n,m) always exists. */
typedef struct band {
    size_t n, m;
    int64_t *lo, *hi;
    int64_t *off;      /* n+2 cell offsets */
} band;

int bd_band_full(band *b, size_t n, size_t m);
/* The index of cell (i,j) in arrays by band cell, or -1 outside the band. */
int64_t bd_band_cell(const band *b, int64_t i, int64_t j);
/* 1 when b is the whole matrix. */
int bd_band_is_full(const band *b);
void bd_band_free(band *b);
/* Makes bounds monotone and connected. */
void bd_band_fix(band *b);
/* Finds a band for src x trg: the whole matrix when small, else the path of
 * a coarse alignment widened by a margin (recursively). */
int bd_search_band(band *b, const sent_features *src, const sent_features *trg,
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
int bd_dp_align(dp_result *res, const band *b, const sent_features *src,
             const sent_features *trg, const align_model *m, int want_posteriors,
             bead_error *err);
void bd_dp_result_free(dp_result *res);
/* The beads of res of type t: how many sentences a path deletes (1-0, 0-1). */
size_t bd_dp_count_type(const dp_result *res, int t);
/* The cells within radius columns of path (a path through n x m): the
 * narrow band of the rounds after the first, whose path moves only a little
 * (bench/reports/align_scaling.md). */
int bd_band_around_path(band *b, const dp_result *path, size_t n, size_t m, int64_t radius);
/* The anchor match weight of each band cell's sentence pair (i-1, j-1) and
 * the unmatched-weight of the keys they share, for m's key weights: what
 * bd_dp_align computes when m->cell_match is NULL. They change only with the
 * key weights, so an aligner computes them once for all its rounds. */
int bd_dp_cell_match(const band *b, const sent_features *src, const sent_features *trg,
                  const align_model *m, float **match, float **negmatch);

/* Dictionary evidence by band cell: scale x the share of words of each
 * sentence pair near path that have a translation on the other side
 * (sentences s0.. of src and t0.. of trg). NULL when out of memory. */
float *bd_lexicon_cell_evidence(const band *b, const dp_result *path, const bead_doc *src,
                             size_t s0, const bead_doc *trg, size_t t0, const bead_lexicon *lex,
                             double scale);

/* bead_align_pair with the documents' features where the caller has them
 * (dsrc, dtrg: NULL, or bd_doc_features_build's of src and trg), composed
 * instead of built again; the alignment is the same. */
bead_status bd_aligner_align_pair(bead_aligner *a, const bead_doc *src, const bead_doc *trg,
                                  const doc_features *dsrc, const doc_features *dtrg,
                                  bead_alignment **out, bead_error *err);

/* The aligner's transliterator (one thread at a time, like the aligner). */
translit *bd_aligner_translit(bead_aligner *a);

/* Re-estimates c, s2 and the priors from the confident beads of res. */
void bd_model_reestimate(align_model *m, const dp_result *res, const sent_features *src,
                      const sent_features *trg);

#endif
