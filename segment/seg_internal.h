/* Private interfaces between the parts of the segmenter. */
#ifndef BEAD_SEG_INTERNAL_H
#define BEAD_SEG_INTERNAL_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include "bead/bead.h"

/* A growable list of break positions (UTF-16 offsets into a window). */
typedef struct seg_breaks {
    int32_t *pos;
    size_t n, cap;
} seg_breaks;

int seg_breaks_push(seg_breaks *b, int32_t pos);
void seg_breaks_sort_unique(seg_breaks *b);

/* Per-language exception rules (segment/data/<lang>.txt, see rules.c). */
typedef struct seg_rules seg_rules;

/* Rules for lang; a language without a data file gets the generic rules. */
bead_status seg_rules_create(seg_rules **out, const char *lang, bead_error *err);
void seg_rules_free(seg_rules *rules);

/* Vetoes and adds to the boundaries ICU proposed for text[0, len). The
 * boundaries in b are ascending and exclude 0 and len; so is the result.
 * Returns 0 when out of memory. */
int seg_rules_apply(const seg_rules *rules, const UChar *text, int32_t len, seg_breaks *b);

/* Whitespace as bead counts it: Unicode White_Space plus the C0 separators
 * U+001C..U+001F that common text tools also treat as space. */
static inline int seg_is_space(UChar32 c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) ||
           (c > 0x7F && u_isUWhiteSpace(c));
}

#endif
