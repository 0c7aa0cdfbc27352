/* write.h: writers for alignments (TSV, TMX 1.4b, Moses, JSON Lines, beads)
 * and the summary JSON. Ownership rules: see bead.h. */
#ifndef BEAD_WRITE_H
#define BEAD_WRITE_H

#include <bead/align.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

typedef enum bead_format {
    BEAD_FORMAT_TSV = 0,
    BEAD_FORMAT_TMX,
    BEAD_FORMAT_MOSES,
    BEAD_FORMAT_JSONL,
    BEAD_FORMAT_BEADS
} bead_format;

/* "tsv", "tmx", "moses", "jsonl", "beads" -> format; 0 if unknown. */
int bead_format_parse(const char *name, bead_format *out);
/* From an output name's extension (.tsv .tmx .jsonl .beads, also with .gz);
 * 0 if none fits. */
int bead_format_from_path(const char *path, bead_format *out);
const char *bead_format_name(bead_format fmt);

typedef struct bead_write_options {
    double min_score;         /* units scored below are left out (not in beads) */
    int include_unaligned;    /* tsv/moses/jsonl: also units with an empty side */
    int header;               /* tsv: a header line of language codes + "score" */
    const char *date;         /* tmx creationdate (YYYYMMDDThhmmssZ); NULL: none,
                                 for the library reads neither the clock nor the
                                 environment (bead sets it from --date, else from
                                 SOURCE_DATE_EPOCH) */
    int doctype;              /* tmx: write a DOCTYPE line */
    uint64_t replaced;        /* out: characters XML 1.0 forbids, replaced (tmx) */
} bead_write_options;

void bead_write_options_init(bead_write_options *opt);

/* Writes al, an alignment of docs[0..nversions), in fmt. For BEAD_FORMAT_MOSES
 * use bead_write_moses_side instead. */
bead_status bead_write_alignment(bead_output *out, bead_format fmt, const bead_doc *const *docs,
                                 const bead_alignment *al, bead_write_options *opt,
                                 bead_error *err);

/* One Moses file: the text of version v, one line per unit that passes the
 * filters, line-aligned with the other versions' files. */
bead_status bead_write_moses_side(bead_output *out, const bead_doc *const *docs,
                                  const bead_alignment *al, size_t v,
                                  const bead_write_options *opt, bead_error *err);

/* The summary JSON of the contract: bead counts by type, mean score, the
 * unaligned sentences, the verdict, the model and the seconds taken. For
 * N versions, pairs[] lists pairwise alignments (may be NULL when N = 2). */
bead_status bead_write_summary(bead_output *out, const bead_doc *const *docs,
                               const bead_alignment *al,
                               const bead_alignment *const *pairs, size_t npairs,
                               double seconds, bead_error *err);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
