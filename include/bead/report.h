/* report.h: the fidelity report of an alignment of two or more versions:
 * coverage, omitted and added sentences, numbers and names found on one side
 * only, length-ratio outliers, the lowest-scoring units and the verdicts, as
 * JSON or as a self-contained HTML page. Ownership rules: see bead.h. */
#ifndef BEAD_REPORT_H
#define BEAD_REPORT_H

#include <bead/align.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

typedef struct bead_report bead_report;

typedef struct bead_report_options {
    size_t lowest;          /* how many lowest-scoring units to list; default 10 */
    double length_factor;   /* a unit is a length outlier when its length ratio is
                               over this factor off the documents' ratio; default 2 */
    double low_score;       /* the HTML page marks units scored below; default 0.5 */
    double weak_score;      /* sentences of units scored below count as omitted or
                               added ("weak": true); default 0.3 */
    const struct bead_lexicon_set *lexicons; /* dictionaries (lexicon.h) for checking
                               which sentences of a unit the others account for:
                               a pair of versions a < b uses the set's lexicon
                               from a's language to b's; borrowed for the call;
                               NULL (default): none, the check goes by anchors,
                               cognates and length alone */
} bead_report_options;

void bead_report_options_init(bead_report_options *opt);

/* Builds the report of al, a covering alignment of docs[0..n) (the first
 * version is the reference: "omitted" are its sentences another version
 * lacks, "added" are sentences of another version it lacks). pairs are the
 * pairwise results in bead_align_multi's order (may be NULL: then al's own
 * verdict is used for n == 2). docs and al must outlive the report; pairs
 * are read during the call only. opt may be NULL. */
bead_status bead_report_build(bead_report **out, const bead_doc *const *docs, size_t n,
                              const bead_alignment *al, const bead_alignment *const *pairs,
                              size_t npairs, const bead_report_options *opt, bead_error *err);
void bead_report_free(bead_report *rep);

/* The report as JSON (the contract's shape, pretty-printed). */
bead_status bead_report_write_json(const bead_report *rep, bead_output *out, bead_error *err);
/* The report as one HTML page: inline CSS, no scripts, no external assets;
 * a side-by-side view of every unit with the problems highlighted. */
bead_status bead_report_write_html(const bead_report *rep, bead_output *out, bead_error *err);
/* HTML when name ends in .html or .htm (also before .gz), else JSON. */
int bead_report_is_html(const char *name);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
