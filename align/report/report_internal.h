/* report_internal.h: the report as built by report.c and rendered by
 * report_json.c and report_html.c. Not installed. */
#ifndef BEAD_REPORT_INTERNAL_H
#define BEAD_REPORT_INTERNAL_H

#include <cjson/cJSON.h>

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

struct bead_report {
    const bead_doc **docs;
    size_t n;
    const bead_alignment *al;
    bead_report_options opt;
    cJSON *json;              /* the report, in the contract's shape */
    unsigned char *flags;     /* per unit */
    char **notes;             /* per unit: what is wrong, plain text, or NULL */
};

#endif
