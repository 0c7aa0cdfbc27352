/* Private interfaces between the parts of the segmenter. */
#ifndef BEAD_SEG_INTERNAL_H
#define BEAD_SEG_INTERNAL_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include "bead/bead.h"
#include "bead/segment.h"

/* A growable list of break positions (UTF-16 offsets into a window). */
typedef struct seg_breaks {
    int32_t *pos;
    size_t n, cap;
} seg_breaks;

int bd_seg_breaks_push(seg_breaks *b, int32_t pos);
void bd_seg_breaks_sort_unique(seg_breaks *b);

/* The word lists of segment/data/<lang>.txt (see common.txt for the format). */
typedef enum seg_list {
    SEG_TITLE,     /* never ends a sentence: "Mr.", "Dr.", "z." */
    SEG_ABBREV,    /* ends one only before a sentence starter: "Inc.", "г." */
    SEG_STARTER,   /* capitalised words that typically open a sentence: "The" */
    SEG_MONTH,     /* month names: "9. März" is a date, not a boundary */
    SEG_WORD,      /* [plain]: end a sentence before a capital only: "лв.", "Yahoo!" */
    SEG_NUMBER,    /* [number]: no end before a number only: "No. 5", "art. 12" */
    SEG_NLISTS
} seg_list;

/* The listed words, case-folded UTF-16, in one hash table: a lookup is one
 * fold (inline for ASCII) and one probe, and answers for every list. */
typedef struct seg_word {
    uint32_t off;      /* into seg_wordset.chars */
    uint32_t len;      /* UTF-16 units */
    unsigned lists;    /* bit (1u << seg_list) for each list that has it */
} seg_word;

typedef struct seg_wordset {
    UChar *chars;      /* the folded words, back to back */
    size_t nchars, chars_cap;
    seg_word *w;
    size_t n, cap;
    uint32_t *slot;    /* open addressing: index + 1 into w, 0 when empty */
    size_t mask;       /* slots - 1 */
    uint64_t lens;     /* bit L: some word has L units (L >= 63: bit 63) */
} seg_wordset;

/* Full case folding of single BMP characters, asked of ICU a block of 256
 * at a time as the text needs them: the folded unit, or 0 when it is not
 * one unit. Filled while the rules are used: a seg_rules belongs to one
 * segmenter, which one thread uses at a time. */
typedef struct seg_fold_cache {
    UChar *block[256];
} seg_fold_cache;

typedef struct seg_rules {
    seg_wordset words;
    seg_wordset exact;   /* entries written "=No.": matched as written, case and all */
    seg_fold_cache *fold;
    int colon_capital;   /* ": Capital" starts a sentence (Bulgarian usage) */
    int ordinal_dot;     /* "17. Dezember": a number with a dot is an ordinal */
    int lower_start;     /* "word. next" may start a sentence in lower case */
} seg_rules;

/* Rules for lang; a language without a data file gets the generic rules. */
bead_status bd_seg_rules_create(seg_rules **out, const char *lang, bead_error *err);
void bd_seg_rules_free(seg_rules *rules);

/* Buffers the rules reuse from window to window, so that segmenting
 * allocates nothing once the longest paragraph has been seen. Zero them
 * before the first use; free their pos arrays at the end. */
typedef struct seg_work {
    seg_breaks add;     /* boundaries the rules add */
    seg_breaks marks;   /* ascending, every position where seg_is_mark() */
} seg_work;

/* The units that can start a rule: . : - ) and everything from U+2000 up
 * (dashes, bullets, ellipsis). The rule scans visit only these, so whoever
 * converts the text notes them on the way (one pass over the characters). */
#define SEG_MARK_ASCII ((1ull << '.') | (1ull << ':') | (1ull << '-') | (1ull << ')'))

static inline int seg_is_mark(UChar c)
{
    return (c < 64 && ((SEG_MARK_ASCII >> c) & 1)) || c >= 0x2000;
}

/* Fills marks from text[0, len) for a caller that has not noted them. */
int bd_seg_find_marks(const UChar *text, int32_t len, seg_breaks *marks);

/* Vetoes, moves and adds to the boundaries ICU proposed for text[0, len).
 * The boundaries in b are ascending and exclude 0 and len; so is the result.
 * work->marks must hold the marks of the text. Returns 0 when out of memory. */
int bd_seg_rules_apply(const seg_rules *rules, const UChar *text, int32_t len, seg_breaks *b,
                    seg_work *work);

/* The lists that have text[0, len) (UTF-16, any case): bit (1u << list) for
 * each; 0 for none. */
unsigned bd_seg_rules_find(const seg_rules *r, const UChar *text, int32_t len);

/* Is text[0, len) (UTF-16, any case) in the list? */
static inline int seg_rules_has(const seg_rules *r, seg_list list, const UChar *text,
                                int32_t len)
{
    return (bd_seg_rules_find(r, text, len) >> list) & 1u;
}

/* What follows a candidate boundary, as the rules see it. */
typedef enum seg_next {
    SEG_NEXT_STARTER,  /* a listed sentence starter, a dialogue dash, a bullet */
    SEG_NEXT_UPPER,    /* another capitalised word */
    SEG_NEXT_LOWER,
    SEG_NEXT_DIGIT,
    SEG_NEXT_TITLE,    /* a title abbreviation such as "Mr." */
    SEG_NEXT_MONTH,
    SEG_NEXT_OTHER,
    SEG_NEXT_END
} seg_next;

seg_next bd_seg_next_kind(const seg_rules *r, const UChar *t, int32_t n, int32_t p);

/* bd_seg_next_kind(...) == SEG_NEXT_LOWER, without the work the other answers need. */
int bd_seg_next_is_lower(const seg_rules *r, const UChar *t, int32_t n, int32_t p);

/* Does the full stop at t[dot] end a sentence, given what follows? */
int bd_seg_period_ends(const seg_rules *r, const UChar *t, int32_t n, int32_t dot, seg_next next);

/* Character classes of the rules. */
int bd_seg_is_closer(UChar32 c);   /* closing quotes and brackets */
/* Whether the terminal c, followed at p by no space, ends a sentence as in
 * scripts written without spaces: a full-width or ideographic terminal
 * (。！？｡), or any terminal before a Han, kana, Thai, Lao, Khmer or
 * Myanmar letter. (rules_unspaced.c) */
int bd_seg_unspaced_end(UChar c, const UChar *t, int32_t n, int32_t p);
int bd_seg_is_opener(UChar32 c);   /* opening quotes and brackets */
int bd_seg_is_dash(UChar32 c);
int bd_seg_is_bullet(UChar32 c);
int bd_seg_is_terminal(UChar32 c); /* . ! ? … and their kin */

/* Enumerated lists ("1. … 2. …", "a) … b) …"): adds a boundary before each
 * item marker and vetoes the ones just after it. marks holds, ascending,
 * every position of t whose unit is '.' or ')' (and may hold others). */
int bd_seg_rules_lists(const seg_rules *r, const UChar *t, int32_t n, const seg_breaks *marks,
                    seg_breaks *b, seg_breaks *add);

/* Whitespace as bead counts it: Unicode White_Space plus the C0 separators
 * U+001C..U+001F that common text tools also treat as space. It is asked of
 * nearly every character, so ASCII is a bit test, and ICU is asked only from
 * U+0085, U+00A0 and U+1680 up, where White_Space characters can be
 * (tests/unit/segment_space_class.c checks every code point against ICU). */
#define SEG_SPACE_ASCII ((1ull << ' ') | (0x1Full << 0x09) | (0x0Full << 0x1C))

static inline int seg_is_space(UChar32 c)
{
    if (c < 0x85)
        return (uint32_t)c < 64 && ((SEG_SPACE_ASCII >> c) & 1);
    return (c == 0x85 || c == 0xA0 || c >= 0x1680) && u_isUWhiteSpace(c);
}

/* Section barriers (.EOA, form feed) in the input last segmented: the
 * document has one section more, even when the last ones hold no
 * sentence (which then no sentence's section number shows). */
uint64_t bd_seg_barriers(const bead_segmenter *seg);

#endif
