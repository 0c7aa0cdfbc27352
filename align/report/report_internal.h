/* report_internal.h: the report as built by report.c and rendered by
 * report_json.c and report_html.c. Not installed. */
#ifndef BEAD_REPORT_INTERNAL_H
#define BEAD_REPORT_INTERNAL_H

#include "bead/report.h"

/* Problems of one unit, for highlighting. */
enum {
    UNIT_GAP = 1 << 0,      /* a version has no text here */
    UNIT_LOW = 1 << 1,      /* scored below opt.low_score */
    UNIT_LENGTH = 1 << 2,   /* length-ratio outlier */
    UNIT_NUMBER = 1 << 3,   /* a number on one side only */
    UNIT_NAME = 1 << 4,     /* a name on one side only */
    UNIT_LOWEST = 1 << 5    /* among the lowest-scoring units */
};

/* The entries below hold what the report says, in the contract's terms and
 * order (CONTRACT.md); the renderers only lay it out. Figures are rounded to
 * 4 decimals as reported, and both renderers print those. */

/* Sentences begin..begin+count-1 of one version (an "index" list). */
typedef struct report_span {
    size_t begin, count;
} report_span;

typedef struct report_version {
    const char *file, *lang;  /* the document's */
    size_t sentences;
    double coverage;
} report_version;

/* A sentence of the reference omitted by other versions, or one of another
 * version the reference lacks (added). */
typedef struct report_gap {
    size_t version, index;
    const char *text;         /* the document's */
    size_t unit;
    size_t *missing_in;       /* the versions without it, ascending */
    size_t nmissing;
    int weak;                 /* listed because the unit scored under weak_score */
} report_gap;

/* A number or a name in a version's text of a unit that another version's
 * text of the unit lacks. */
typedef struct report_mismatch {
    size_t unit;
    char *value;              /* the number, or the name's label */
    size_t version;
    report_span index;
    size_t missing_in;
    report_span missing_index;
} report_mismatch;

typedef struct report_length {
    size_t unit, version;
    report_span index, reference_index;
    double ratio, expected;   /* characters of the version over the reference's */
} report_length;

/* One version's text of a lowest-scoring unit. */
typedef struct report_text {
    size_t version;
    report_span index;
    char *text;               /* its sentences joined by spaces */
} report_text;

typedef struct report_low {
    size_t unit;
    double score;
    report_text *versions;    /* those with text in the unit */
    size_t nversions;
} report_low;

typedef struct report_verdict {
    size_t a, b;
    bead_verdict verdict;
    double coverage;
    double mean_score;   /* bead_alignment_mean_score, rounded to 4 places */
} report_verdict;

/* Growing lists of entries: at[0..n), room for cap. */
typedef struct report_gaps {
    report_gap *at;
    size_t n, cap;
} report_gaps;

typedef struct report_mismatches {
    report_mismatch *at;
    size_t n, cap;
} report_mismatches;

typedef struct report_lengths {
    report_length *at;
    size_t n, cap;
} report_lengths;

typedef struct report_lows {
    report_low *at;
    size_t n, cap;
} report_lows;

struct bead_report {
    const bead_doc **docs;
    size_t n;
    const bead_alignment *al;
    bead_report_options opt;
    report_version *versions;     /* n */
    report_gaps omitted, added;
    report_mismatches numbers, names;
    report_lengths lengths;
    report_lows lowest;           /* lowest score first */
    report_verdict *verdicts;     /* every pair, in bead_align_multi's order */
    size_t nverdicts;
    unsigned char *flags;     /* per unit */
    char **notes;             /* per unit: what is wrong, plain text, or NULL */
};

/* How many sentences of the reference version v lacks (report.c): the
 * N-way report lists omissions per version, not only per sentence. */
size_t bd_report_omitted_by(const bead_report *r, size_t v);

#endif
