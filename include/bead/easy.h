/* easy.h: the common case in one call: N versions of a text aligned as
 * `bead align` aligns them (the mode's decision, auto by default, and the
 * dictionaries --dict would load), in one result that the writers, the
 * summary JSON and the report (bead_report_build) take as they are. A text's sentences in one
 * call are bead_segment_buffer (segment.h). Ownership rules: see bead.h.
 *
 * Which aligning call to use:
 *   bead_align_texts   N >= 2 texts (bead_align_docs: documents you built,
 *                      e.g. from sentence lists), aligned as `bead align`
 *                      does: by the mode's decision, so a comparable pair
 *                      gives its mined pairs and an unrelated one no pairs
 *                      (auto); N > 2 merged through a pivot. Start here.
 *   bead_align_decide  one pair, your own aligner and dictionaries, the
 *                      same decision; the monotone alignment on the side.
 *   bead_align_multi   N versions, your own aligner and dictionaries, the
 *                      decision for every pair, then the merge.
 *   bead_align_pair    the monotone alignment of one pair and nothing
 *                      else, whatever the texts are: for texts known to be
 *                      translations of each other. It does not judge the
 *                      pair: only the calls above handle comparable and
 *                      unrelated pairs. */
#ifndef BEAD_EASY_H
#define BEAD_EASY_H

#include <bead/bead.h>
#include <bead/align.h>
#include <bead/lexicon.h>
#include <bead/write.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

/* -------------------------------------------------------- where to look */

/* The library reads no environment: a caller who wants the environment's
 * say hands a lookup over, which returns a variable's value or NULL when
 * it is unset (getenv's contract; ctx is the caller's). */
typedef const char *(*bead_env_fn)(void *ctx, const char *name);

/* The folder `--dict auto` reads FreeDict dictionaries from, as the bead
 * program finds it: $BEAD_DICT_DIR when set and not empty, else
 * /usr/share/dictd. env may be NULL (no variable is set). Written
 * NUL-terminated to buf; BEAD_ERR_USAGE when it does not fit. The one
 * place this rule is written, for every client (the program, the Python
 * module) to ask. */
bead_status bead_dict_dir(bead_env_fn env, void *ctx, char *buf, size_t size, bead_error *err);

/* The folder of compiled dictionaries (lexicon.h) `--dict auto` reads and
 * writes, as the bead program finds it: $BEAD_CACHE_DIR when set and not
 * empty, else $XDG_CACHE_HOME/bead when XDG_CACHE_HOME is an absolute path,
 * else $HOME/.cache/bead when HOME is set and not empty. No cache is the
 * empty string "" with BEAD_OK: BEAD_CACHE_DIR=none, or none of the three
 * set. The folder need not exist (it is made when first written). env may
 * be NULL (no variable is set: no cache). Written NUL-terminated to buf;
 * BEAD_ERR_USAGE (and "") when it does not fit. Hand the result to
 * bead_dicts_load or bead_lexicon_load_freedict_cached. */
bead_status bead_cache_dir(bead_env_fn env, void *ctx, char *buf, size_t size, bead_error *err);

/* --------------------------------------------------------- dictionaries */

/* The dictionaries of one run over versions in given languages, loaded
 * once and then only read (any number of threads may align with them). */
typedef struct bead_dicts bead_dicts;

/* Loads what `bead align --dict SPEC` loads for versions in langs[0..n)
 * (n >= 2), the bead program's own rule:
 *   "none" (or NULL)  nothing;
 *   "auto"            the FreeDict dictionaries in dir (NULL:
 *                     /usr/share/dictd; see bead_dict_dir) of every pair of
 *                     versions a < b, from a's language to b's (inverted
 *                     from b's to a's when only that one is installed); the
 *                     first pair (langs[0] -> langs[1]) always has a
 *                     lexicon, empty when none is installed, for mining
 *                     then asks for cognates (bead_align_options);
 *   anything else     the path of a dictionary file for the first pair (a
 *                     compiled one for langs[0] -> langs[1], or hunalign:
 *                     bead_lexicon_load_file), FreeDict from dir for the
 *                     other pairs of languages.
 * FreeDict goes through the folder of compiled dictionaries cache_dir
 * (bead_cache_dir; NULL or "": no cache): a pair compiled there before is
 * mapped in milliseconds, another one is read and compiled there
 * (bead_lexicon_load_freedict_cached). The pairs are loaded in
 * bead_pair_versions' order, the first pair first. A damaged FreeDict
 * dictionary or compiled file is skipped (or compiled again) with a
 * warning (bead_dicts_warning, in the order they came); a FILE that cannot
 * be read is an error that names it. */
bead_status bead_dicts_load(bead_dicts **out, const char *spec, const char *dir,
                            const char *cache_dir, const char *const *langs, size_t n,
                            bead_error *err);
void bead_dicts_free(bead_dicts *d);

/* Points opt->lexicon and opt->lexicons at d's dictionaries (borrowed: d
 * must outlive every use of opt), for bead_align_decide and
 * bead_align_multi. d may be NULL (then both become NULL). */
void bead_dicts_apply(const bead_dicts *d, bead_align_options *opt);
/* The lexicons d holds, the first pair's first (read their languages and
 * sizes with bead_lexicon_src_lang, _trg_lang, bead_lexicon_size). */
size_t bead_dicts_count(const bead_dicts *d);
const bead_lexicon *bead_dicts_lexicon(const bead_dicts *d, size_t i);
/* What went wrong but was not fatal (a damaged dictionary skipped), in
 * the order it came. */
size_t bead_dicts_warning_count(const bead_dicts *d);
const char *bead_dicts_warning(const bead_dicts *d, size_t i);
/* The versions a < b whose pair's loading gave warning i (a and b may be
 * NULL): 1, or 0 when there is no warning i. */
int bead_dicts_warning_pair(const bead_dicts *d, size_t i, size_t *a, size_t *b);

/* -------------------------------------------------------------- aligning */

typedef struct bead_easy_options {
    bead_align_options align;   /* mode (auto), bead types, learning, ...; its
                                   lexicon and lexicons are used when dicts is
                                   NULL */
    const bead_dicts *dicts;    /* from bead_dicts_load for these languages,
                                   borrowed for the call; NULL: none but what
                                   align hands over */
    int pivot;                  /* N > 2: the version the others are aligned to;
                                   -1 (default): the one that aligns best */
    int presegmented;           /* bead_align_texts: one sentence per line */
    bead_input_options input;   /* bead_align_texts: limits, replace_invalid */
    uint64_t max_sentences;     /* bead_align_texts: per version; 0: no limit */
} bead_easy_options;

void bead_easy_options_init(bead_easy_options *opt);

/* What an alignment of N versions gave: the documents, what `bead align`
 * prints, the covering alignment and the pairwise results. */
typedef struct bead_result bead_result;

/* Segments texts[v][0..lens[v]) (UTF-8, checked like files) in langs[v]
 * (NULL names: "version 1", "version 2", ..., used in messages and as the
 * TMX x-doc of N-way output) and aligns the n >= 2 versions as `bead align`
 * does. opt may be NULL (the defaults: auto, no dictionaries). *out owns
 * the documents. Errors name the version. */
bead_status bead_align_texts(const char *const *texts, const size_t *lens,
                             const char *const *langs, const char *const *names, size_t n,
                             const bead_easy_options *opt, bead_result **out, bead_error *err);
/* The same for documents already made (bead_doc_add, bead_doc_load):
 * borrowed, they must outlive *out. */
bead_status bead_align_docs(const bead_doc *const *docs, size_t n,
                            const bead_easy_options *opt, bead_result **out, bead_error *err);
void bead_result_free(bead_result *r);

size_t bead_result_nversions(const bead_result *r);
/* The documents, in the order given. */
const bead_doc *const *bead_result_docs(const bead_result *r);
/* What `bead align` prints (bead_align_decide's *out for a pair, the merged
 * units for N): every sentence in order for a parallel pair (or in mode
 * align), the mined pairs alone for a comparable one, every sentence
 * unpaired for an unrelated one (auto). A pair's carries the verdict. */
const bead_alignment *bead_result_alignment(const bead_result *r);
/* The alignment covering every sentence: a pair's monotone alignment, for
 * N versions the merged units. The beads format and the report read it. */
const bead_alignment *bead_result_covering(const bead_result *r);
/* The pairwise results in bead_pair_versions' order, each with its verdict
 * (for a pair: the one, bead_result_alignment): the pairs of
 * bead_write_summary and bead_report_build. */
const bead_alignment *const *bead_result_pairs(const bead_result *r, size_t *npairs);
/* Seconds the call took, segmentation included (the summary's "seconds"). */
double bead_result_seconds(const bead_result *r);

/* Writes r as `bead align -f FMT` does: bead_result_alignment, except the
 * beads format, which shows the covering alignment. For BEAD_FORMAT_MOSES
 * use bead_write_moses_side with bead_result_docs. */
bead_status bead_result_write(const bead_result *r, bead_output *out, bead_format fmt,
                              bead_write_options *opt, bead_error *err);
/* The summary JSON of `bead align --summary-json`. */
bead_status bead_result_write_summary(const bead_result *r, bead_output *out, bead_error *err);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
