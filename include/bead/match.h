/* match.h: which documents of two collections translate which. An inverted
 * index over the rare keys of one collection (numbers, names transliterated
 * to Latin, cognate keys, dictionary translations), queried with each
 * document of the other; the best candidates are verified by aligning them,
 * and an assignment keeps at most one parallel counterpart per document.
 * Ownership rules: see bead.h. A finished index may be read by any number
 * of threads; a matcher belongs to one thread. */
#ifndef BEAD_MATCH_H
#define BEAD_MATCH_H

#include <bead/align.h>
#include <bead/lexicon.h>

#ifdef __cplusplus
extern "C" {
#endif

#pragma GCC visibility push(default)

/* ----------------------------------------------------------------- index */

typedef struct bead_match_index bead_match_index;

bead_status bead_match_index_create(bead_match_index **out, bead_error *err);
void bead_match_index_free(bead_match_index *ix);

/* Words as keys through a pivot language (call before adding): each
 * document's words are also indexed as their translations into pivot
 * (lexicons' dictionary from its language to pivot, when it holds one),
 * and queries translate into pivot the same way, so that two languages
 * without a dictionary of their own meet in a third. lexicons is borrowed
 * until bead_match_index_finish; the pivot is saved with the index. */
bead_status bead_match_index_set_pivot(bead_match_index *ix, const char *pivot,
                                       const bead_lexicon_set *lexicons, bead_error *err);

/* Adds doc under name (a path, as the output will print it). Nothing can
 * be added after bead_match_index_finish. */
bead_status bead_match_index_add(bead_match_index *ix, const bead_doc *doc, const char *name,
                                 bead_error *err);
/* Weighs every key over the whole collection (rarer keys weigh more). */
bead_status bead_match_index_finish(bead_match_index *ix, bead_error *err);

size_t bead_match_index_size(const bead_match_index *ix);
const char *bead_match_index_name(const bead_match_index *ix, size_t i);
const char *bead_match_index_lang(const bead_match_index *ix, size_t i);
/* Distinct keys held. */
size_t bead_match_index_keys(const bead_match_index *ix);

/* A versioned binary file with a checksum. Loading a file that is not an
 * index, of another version, truncated or corrupt is BEAD_ERR_FORMAT with
 * the file and what is wrong; the loaded index is finished. */
bead_status bead_match_index_save(const bead_match_index *ix, const char *path, bead_error *err);
bead_status bead_match_index_load(bead_match_index **out, const char *path, bead_error *err);

/* -------------------------------------------------------------- matching */

typedef struct bead_match_options {
    size_t candidates;      /* per document, best by index score; default 5 */
    size_t verify;          /* of those, how many are verified at most, best
                               first, stopping at the first parallel one (of
                               each language); default 4 */
    double min_score;       /* final score a pair needs to be listed; default 0.1 */
    const bead_lexicon_set *lexicons; /* borrowed; NULL: no dictionary keys and
                               verification without dictionaries */
    int learn;              /* verification aligns with a learned lexicon too
                               (bead_align_options.learn); default 0 */
} bead_match_options;

void bead_match_options_init(bead_match_options *opt);

/* One candidate pair (a: the query document, b: an index document). */
typedef struct bead_match_candidate {
    size_t b;               /* index document */
    size_t rank;            /* 0 for the best of b's language, 1 next, ... */
    double index_score;     /* cosine of the weighted keys, in [0, 1] */
    size_t shared;          /* keys in common */
    int verified;
    bead_verdict verdict;   /* when verified */
    double coverage;        /* when verified */
    double mean_score;      /* when verified */
    double score;           /* final: index score and verification together */
} bead_match_candidate;

typedef struct bead_matcher bead_matcher;

bead_status bead_matcher_create(bead_matcher **out, const bead_match_options *opt,
                                bead_error *err);
void bead_matcher_free(bead_matcher *m);

/* The index documents whose keys are most like doc's: at most
 * opt.candidates of each language of the index (scores of different
 * language pairs are not comparable: a document shares more words with one
 * in its own language), best first; exclude (an index document, or SIZE_MAX) is never
 * proposed. *out is allocated (free with free()), *n its length. */
bead_status bead_matcher_query(bead_matcher *m, const bead_match_index *ix, const bead_doc *doc,
                               size_t exclude, bead_match_candidate **out, size_t *n,
                               bead_error *err);

/* Verifies one candidate: aligns a with b and fills verdict, coverage,
 * mean_score, score and verified. Whatever judges a pair of documents
 * (today bead_align_decide's verdict), it is judged here only. */
bead_status bead_matcher_verify(bead_matcher *m, const bead_doc *a, const bead_doc *b,
                                bead_match_candidate *c, bead_error *err);

/* A pair for the assignment: document ids a and b (in one id space when
 * the two sides are one collection, else each side its own), the
 * candidate's facts, and what the assignment decided. */
typedef struct bead_match_pair {
    size_t a, b;
    bead_match_candidate c;
    bead_verdict result;    /* out: PARALLEL (assigned), COMPARABLE, or NONE
                               (not listed) */
} bead_match_pair;

/* Keeps at most one parallel counterpart per document: verified parallel
 * pairs at or above min_score, best score first, each taken when neither
 * of its documents is taken yet (ties broken by ids, so the result does not
 * depend on the order of pairs). Verified comparable pairs that reach
 * min_score are COMPARABLE (a document may have several); parallel ones
 * that lost, and the rest, NONE.
 * same_side: a and b ids name the same documents. */
void bead_match_assign(bead_match_pair *pairs, size_t n, double min_score, int same_side);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
