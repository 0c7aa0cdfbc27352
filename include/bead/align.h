/* align.h: sentence alignment of two or more versions of a text, and the
 * writers for its results. Ownership rules: see bead.h. */
#ifndef BEAD_ALIGN_H
#define BEAD_ALIGN_H

#include <bead/bead.h>
#include <bead/segment.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

/* ------------------------------------------------------------ documents */

/* One version of a text: its sentences, each owning its text once. Later
 * stages refer to sentences by index. */
typedef struct bead_doc bead_doc;

bead_status bead_doc_create(bead_doc **out, const char *lang, const char *name,
                            bead_error *err);
void bead_doc_free(bead_doc *doc);

/* Appends a sentence (text copied). para and section as in bead_sentence. */
bead_status bead_doc_add(bead_doc *doc, const char *text, size_t len,
                         uint64_t para, uint64_t section, bead_error *err);

typedef struct bead_load_options {
    int presegmented;            /* one sentence per line, see segment.h */
    bead_input_options input;
    uint64_t max_sentences;      /* 0: no limit */
    uint64_t *replaced;          /* out, optional: invalid sequences replaced */
} bead_load_options;

void bead_load_options_init(bead_load_options *opt);

/* Reads and segments a file ("-" is stdin) into a new document. */
bead_status bead_doc_load(bead_doc **out, const char *path, const char *lang,
                          const bead_load_options *opt, bead_error *err);

/* Segments everything in (already open) with seg into a new document named
 * after the input: for callers that keep segmenters across documents or want
 * the input's counts (bead_input_replacements) afterwards. */
bead_status bead_doc_segment(bead_doc **out, bead_segmenter *seg, bead_input *in,
                             const char *lang, bead_error *err);

size_t bead_doc_size(const bead_doc *doc);
const char *bead_doc_text(const bead_doc *doc, size_t i, size_t *len);
uint64_t bead_doc_para(const bead_doc *doc, size_t i);
uint64_t bead_doc_section(const bead_doc *doc, size_t i);
uint64_t bead_doc_section_count(const bead_doc *doc);
const char *bead_doc_lang(const bead_doc *doc);
const char *bead_doc_name(const bead_doc *doc);

/* ------------------------------------------------------------ alignment */

/* An alignment of N versions: a list of units (beads). Each unit covers a
 * contiguous, possibly empty, range of sentences of every version, and the
 * units cover every sentence of every version in order. Pairwise alignment is
 * the case N = 2. */
typedef struct bead_alignment bead_alignment;

bead_status bead_alignment_create(bead_alignment **out, size_t nversions, bead_error *err);
void bead_alignment_free(bead_alignment *al);

/* Appends a unit. begin[v], count[v] give version v's range; score in [0,1]. */
bead_status bead_alignment_append(bead_alignment *al, const size_t *begin,
                                  const size_t *count, double score, bead_error *err);
/* Attaches an anchor label ("num:2022", "name:sullivan") to unit i. */
bead_status bead_alignment_add_anchor(bead_alignment *al, size_t i, const char *label,
                                      bead_error *err);

size_t bead_alignment_nversions(const bead_alignment *al);
size_t bead_alignment_size(const bead_alignment *al);
void bead_alignment_range(const bead_alignment *al, size_t i, size_t v,
                          size_t *begin, size_t *count);
double bead_alignment_score(const bead_alignment *al, size_t i);
/* The probability that unit i's versions translate each other, from the
 * translation evidence alone (doc/EVIDENCE.md), as bead_classify_pair or
 * bead_align_decide measured it; -1 when it was not measured (units with
 * one side, alignments not judged). A judged unit's score is its path
 * posterior times this. */
double bead_alignment_evidence(const bead_alignment *al, size_t i);
size_t bead_alignment_anchor_count(const bead_alignment *al, size_t i);
const char *bead_alignment_anchor(const bead_alignment *al, size_t i, size_t k);

/* The mean score of the units that pair sentences (of two or more
 * versions), 0 when there are none: the one mean score bead reports (the
 * "mean_score" of the summary JSON and of batch records, the verdict line,
 * the report), and what the verdict reads. */
double bead_alignment_mean_score(const bead_alignment *al);

/* A shape of unit, "1-2" or "1-0-1" (its count of sentences per version),
 * and how many units of al have it. */
typedef struct bead_shape_count {
    char *name;
    size_t count;
} bead_shape_count;

/* The shapes of al's units with their counts, in the order the summary JSON
 * and batch records list them as "beads": for two versions the eight bead
 * types first, in bead_type order and zeros too (so the keys are stable),
 * then any other shape in order of first appearance; for more versions,
 * every shape in order of first appearance. Free *out with
 * bead_shape_counts_free. */
bead_status bead_alignment_shape_counts(const bead_alignment *al, bead_shape_count **out,
                                        size_t *n, bead_error *err);
void bead_shape_counts_free(bead_shape_count *counts, size_t n);

/* Document-level verdict for a pair of versions. */
typedef enum bead_verdict {
    BEAD_VERDICT_NONE = 0,   /* not computed */
    BEAD_VERDICT_PARALLEL,
    BEAD_VERDICT_COMPARABLE,
    BEAD_VERDICT_UNRELATED
} bead_verdict;

const char *bead_verdict_name(bead_verdict v);

/* Length-model parameters the aligner settled on (pairwise). */
typedef struct bead_model_info {
    double c;            /* mean target/source length ratio */
    double s2;           /* variance per source character */
    double prior[12];    /* indexed by bead_type (BEAD_NTYPES of them) */
    double seconds;      /* time taken */
} bead_model_info;

/* Pairwise facts the aligner records on the alignment it returns. */
void bead_alignment_model(const bead_alignment *al, bead_model_info *info);
bead_verdict bead_alignment_verdict(const bead_alignment *al);
double bead_alignment_coverage(const bead_alignment *al);
/* The mean score of the paired beads the verdict was judged on (the
 * monotone alignment's, even when what is written is mined or empty);
 * negative when not recorded. */
double bead_alignment_verdict_mean(const bead_alignment *al);
/* The version an N-way alignment (bead_align_multi) aligned the others to,
 * or -1 for any other alignment. */
int bead_alignment_pivot(const bead_alignment *al);

/* -------------------------------------------------------------- aligner */

typedef enum bead_type {
    BEAD_1_1 = 0, BEAD_1_0, BEAD_0_1, BEAD_2_1, BEAD_1_2, BEAD_2_2, BEAD_1_3, BEAD_3_1,
    BEAD_2_3, BEAD_3_2, BEAD_1_4, BEAD_4_1,
    BEAD_NTYPES
} bead_type;

#define BEAD_TYPES_ALL ((1u << BEAD_NTYPES) - 1u)
/* All but 2-3 and 3-2: on the dev sets they win a few beads of Text+Berg's
 * text, whose French is cut at semicolons, and lose more where a bead
 * takes in a sentence with no counterpart (a noisy Bible, a list). */
#define BEAD_TYPES_DEFAULT (BEAD_TYPES_ALL & ~((1u << BEAD_2_3) | (1u << BEAD_3_2)))

/* "1-1,1-0,0-1" -> bit mask of (1u << bead_type); 0 on a bad list. */
unsigned bead_types_parse(const char *list);
const char *bead_type_name(bead_type t);   /* "2-1" */

typedef enum bead_mode {
    BEAD_MODE_AUTO = 0,   /* align; mine when the verdict is comparable */
    BEAD_MODE_ALIGN,      /* monotone alignment only */
    BEAD_MODE_MINE        /* non-monotone mining of matching pairs */
} bead_mode;

/* Dictionaries (lexicon.h). The dictionary of a pair of documents src ->
 * trg is opt->lexicon when it maps src's language to trg's (its
 * bead_lexicon_src_lang and _trg_lang equal the bead_doc_lang of each),
 * else the lexicon opt->lexicons holds for that pair, else none. The
 * aligner's dictionary anchors and the lexical check of mining follow this
 * one rule in bead_align_pair, bead_align_decide and bead_align_multi. The
 * library never loads a dictionary by itself: a pair it is handed none for
 * is aligned and mined without one. (An empty lexicon is still a lexicon:
 * mining then asks for cognates where it would ask for translations.) Both
 * are borrowed: they must outlive every aligner made with the options and
 * every call given them, unchanged. */
typedef struct bead_align_options {
    unsigned bead_types;      /* mask; default BEAD_TYPES_DEFAULT */
    bead_mode mode;
    int iterations;           /* re-estimation rounds; default 2 */
    double mine_threshold;    /* score a mined pair needs; default 0.5 */
    const struct bead_lexicon *lexicon; /* the dictionary of the pair of languages it
                                           maps (see above); NULL: none */
    const struct bead_lexicon_set *lexicons; /* the dictionaries of other pairs of
                                           languages (N versions); NULL: none */
    int learn;                /* 1 (default): after the first pass, learn a lexicon
                                 from its confident 1-1 beads and align again with
                                 it alone as the dictionary anchor; 0: one pass */
    int anchors;              /* 1 (default): numbers, names, cognates, punctuation,
                                 paragraphs and repeats add evidence; 0: the
                                 length model alone (for ablations) */
} bead_align_options;

void bead_align_options_init(bead_align_options *opt);

typedef struct bead_aligner bead_aligner;

bead_status bead_aligner_create(bead_aligner **out, const bead_align_options *opt,
                                bead_error *err);
void bead_aligner_free(bead_aligner *al);
/* A time limit for the aligner's next calls: a CLOCK_MONOTONIC time in
 * seconds (clock_gettime), or 0 for none. Work still running after it stops
 * between steps with BEAD_ERR_TIMEOUT (`bead batch --timeout`). */
void bead_aligner_set_deadline(bead_aligner *al, double deadline);

/* Which call aligns what (easy.h says more): bead_align_texts and
 * bead_align_docs (easy.h) do what `bead align` does in one call, and are
 * where to start; bead_align_decide (a pair) and bead_align_multi (N
 * versions) are its steps, with an aligner and dictionaries of your own;
 * bead_align_pair aligns monotonically and judges nothing. Only the
 * decide, multi and easy.h calls handle comparable and unrelated pairs
 * (mining their translated pairs, or pairing nothing).
 *
 * Aligns two documents. The result covers every sentence of both, in order
 * (in mining mode: the mined pairs, then nothing else). Sections (barriers)
 * are aligned separately; differing section counts are BEAD_ERR_SECTIONS. */
bead_status bead_align_pair(bead_aligner *aligner, const bead_doc *src, const bead_doc *trg,
                            bead_alignment **out, bead_error *err);


/* ------------------------------------ verdicts, mining, N-way (multi*.c) */

/* What a verdict was decided from (the rule: align/judge/verdict.c, README.md
 * "Verdicts and scores"; the evidence: doc/EVIDENCE.md). */
typedef struct bead_verdict_stats {
    bead_verdict verdict;
    double coverage;          /* share of sentences in units with both sides scored >= 0.5 */
    double mean_score;        /* bead_alignment_mean_score of the judged alignment */
    double null_share;        /* share of units that are 1-0 or 0-1 */
    double translated;        /* the share of units with both sides that translate,
                                 as the translation evidence has it */
    double translated_share[2]; /* by version: the share of its sentences in units
                                   that translate (each unit counted by its
                                   P(translation)) */
    size_t evident_pairs;     /* sentence pairs whose evidence stands far above
                                 chance: units of the alignment or mined pairs */
} bead_verdict_stats;

/* Judges a monotone pairwise alignment of src and trg as parallel,
 * comparable or unrelated from translation evidence (words with a
 * translation on the other side, measured against chance; here without a
 * dictionary: cognates, names, numbers), mining the pairs that stand out
 * when the texts are not parallel. Stores on al the verdict, the coverage
 * and each unit's P(translation) (bead_alignment_evidence), and makes each
 * unit's score its path posterior times that probability; returns the
 * verdict. stats may be NULL. */
bead_verdict bead_classify_pair(const bead_doc *src, const bead_doc *trg, bead_alignment *al,
                                bead_verdict_stats *stats);

/* Mines the sentence pairs of src and trg that translate each other
 * wherever they stand: candidates that share rare anchor keys, scored with
 * the bead model, kept when they are each other's best match and score at
 * least threshold. *out holds only those 1-1 units, in source order (it does
 * not cover the documents). monotone (may be NULL) is the pair's monotone
 * alignment with its verdict: nothing is mined from an unrelated pair. No
 * dictionary is used (bead_align_decide mines with the pair's). */
bead_status bead_mine_pair(const bead_doc *src, const bead_doc *trg,
                           const bead_alignment *monotone, double threshold,
                           bead_alignment **out, bead_error *err);

/* Aligns a pair as the mode says: the monotone alignment and its verdict;
 * then in BEAD_MODE_AUTO, the mined pairs for a comparable pair and no pairs
 * at all (every sentence 1-0 or 0-1) for an unrelated one; in
 * BEAD_MODE_MINE, the mined pairs. *out is what the writers print;
 * *monotone (pass NULL if not wanted) gets the covering monotone alignment,
 * which the beads format and the report use. Both carry the verdict. opt
 * (NULL: defaults) should be the options aligner was made with: the aligner
 * aligns with its own, mining uses opt's dictionaries. */
bead_status bead_align_decide(bead_aligner *aligner, const bead_align_options *opt,
                              const bead_doc *src, const bead_doc *trg, bead_alignment **out,
                              bead_alignment **monotone, bead_error *err);

/* The order of the pairs of n versions, in which bead_align_multi returns
 * the pairwise alignments and the summary JSON and the report list them:
 * (0,1), (0,2), ..., (0,n-1), (1,2), ..., (n-2,n-1), the lower position
 * always the pair's version 0. bead_pair_count(n) is n(n-1)/2;
 * bead_pair_index gives the place of versions a != b (in either order);
 * bead_pair_versions the positions a < b of pair k < bead_pair_count(n). */
size_t bead_pair_count(size_t n);
size_t bead_pair_index(size_t a, size_t b, size_t n);
void bead_pair_versions(size_t k, size_t n, size_t *a, size_t *b);

/* Aligns n >= 2 versions together. Every pair is aligned (and judged);
 * *pairs gets the n(n-1)/2 pairwise results as bead_align_decide's *out,
 * in the order (0,1), (0,2), ..., (0,n-1), (1,2), ..., (n-2,n-1), the lower
 * position as version 0. The version that aligns best with the others (the
 * highest mean coverage), or pivot when pivot >= 0, is aligned to each
 * other version, and those alignments are merged into units of n versions
 * that cover every sentence of every version in order (see multi_merge.c).
 * Against the pivot, a comparable pair contributes the order-keeping chain
 * of its mined pairs and an unrelated one nothing (its sentences stand
 * alone), except in BEAD_MODE_ALIGN. Each pair is aligned and mined with
 * its dictionary as bead_align_options says (none when opt hands it none).
 * *pivot_used (may be NULL) gets the pivot. Free *pairs with
 * bead_alignment_list_free. n == 2 works the same. */
bead_status bead_align_multi(bead_aligner *aligner, const bead_align_options *opt,
                             const bead_doc *const *docs, size_t n, int pivot,
                             size_t *pivot_used, bead_alignment **out,
                             bead_alignment ***pairs, size_t *npairs, bead_error *err);
void bead_alignment_list_free(bead_alignment **list, size_t n);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
