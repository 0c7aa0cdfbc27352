/* When a full stop ends a sentence: the heart of the rules. A full stop
 * after an ordinary word ends one; after an abbreviation, an initial, a
 * number or a multi-period abbreviation it depends on what follows. */
#include <unicode/utf16.h>

#include "seg_internal.h"

typedef struct stem_shape {
    int letters, upper, lower, digits, dots, other;
} stem_shape;

static stem_shape shape_of(const UChar *t, int32_t s, int32_t e)
{
    stem_shape sh = {0, 0, 0, 0, 0, 0};
    for (int32_t i = s; i < e;) {
        UChar32 c = t[i];
        if (c < 0x80) {
            /* ASCII, the usual case, answered as the ICU calls below would. */
            i++;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                sh.letters++;
                sh.upper += c <= 'Z';
                sh.lower += c >= 'a';
            } else if (c >= '0' && c <= '9') {
                sh.digits++;
            } else if (c == '.') {
                sh.dots++;
            } else if (c != '-' && c != '\'') {
                sh.other++;
            }
            continue;
        }
        U16_NEXT(t, i, e, c);
        if (u_isalpha(c)) {
            sh.letters++;
            sh.upper += u_isupper(c) || u_istitle(c);
            sh.lower += u_islower(c);
        } else if (U_GET_GC_MASK(c) & U_GC_M_MASK) {
            continue;   /* a combining mark belongs to its letter */
        } else if (u_isdigit(c)) {
            sh.digits++;
        } else if (c == '.') {
            sh.dots++;
        } else if (c != '-' && c != '\'' && c != 0x2019) {
            sh.other++;
        }
    }
    return sh;
}

int bd_seg_period_ends(const seg_rules *r, const UChar *t, int32_t n, int32_t dot, seg_next next)
{
    (void)n;
    int32_t s = dot;
    while (s > 0 && !seg_is_space(t[s - 1]))
        s--;
    while (s < dot && bd_seg_is_opener(t[s]))
        s++;
    if (s == dot)
        return 1;                       /* a lone "." */
    int32_t tlen = dot + 1 - s;         /* the token with its full stop */
    unsigned lists = bd_seg_rules_find(r, t + s, tlen);
    if (lists & (1u << SEG_TITLE))
        return next == SEG_NEXT_END;
    if ((lists & (1u << SEG_NUMBER)) && !(lists & (1u << SEG_ABBREV))) {
        /* "No. 5", "art. 12": only a number makes it a label; "She said
         * no. Nobody listened." ends like any word. */
        if (next == SEG_NEXT_DIGIT || next == SEG_NEXT_LOWER)
            return 0;
        lists = 0;
    }
    int listed = (lists & (1u << SEG_ABBREV)) != 0;
    int word = (lists & (1u << SEG_WORD)) != 0;
    if (word)   /* a unit such as "лв.": ends a sentence before a capital */
        return next != SEG_NEXT_LOWER && next != SEG_NEXT_DIGIT;
    if (next == SEG_NEXT_END || next == SEG_NEXT_STARTER)
        return 1;
    stem_shape sh = shape_of(t, s, dot);
    int initial = sh.letters == 1 && sh.digits == 0 && sh.dots == 0 && sh.other == 0;
    int multi = sh.dots > 0 && sh.letters > 0 && sh.digits == 0;   /* U.S., e.g., т.е. */
    int number = sh.digits > 0 && sh.letters == 0;
    int ordinal = number && r->ordinal_dot && sh.digits <= 3 && sh.dots == 0 && sh.other == 0;

    switch (next) {
    case SEG_NEXT_END:
    case SEG_NEXT_STARTER:
        return 1;
    case SEG_NEXT_LOWER:
        /* A new sentence in lower case, as e-mail and chat write them; only
         * after an ordinary word, where nothing else explains the stop. */
        return r->lower_start && !listed && !initial && !multi && sh.other == 0 &&
               (sh.letters >= 2 || sh.digits > 0);
    case SEG_NEXT_DIGIT:
        /* "p. 55", "Nr. 3", "SEC. 1262" */
        if (listed || initial || multi)
            return 0;
        return !(sh.letters > 0 && sh.letters == sh.upper && sh.letters <= 4 && sh.digits == 0);
    case SEG_NEXT_TITLE:
        /* "… in the U.S. Mr. Smith …" ends; "at 5 a.m. Mr. Smith" does not. */
        if (listed || initial)
            return 0;
        if (multi)
            return sh.lower == 0;
        return 1;
    case SEG_NEXT_MONTH:
        if (number)
            return 0;                   /* "9. März", "3. Oktober" */
        /* fall through */
    case SEG_NEXT_UPPER:
    case SEG_NEXT_OTHER:
        if (listed || initial || multi)
            return 0;
        if (ordinal && next != SEG_NEXT_OTHER)
            return 0;                   /* "am 17. Dezember", "im 6. Stock" */
        return 1;
    }
    return 1;
}
