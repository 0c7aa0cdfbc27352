/* The character classes the rules reason with, and what follows a candidate
 * boundary. Classes come from Unicode properties where Unicode has them
 * (quotation marks, dashes); the short lists name what it leaves open. */
#include <unicode/utf16.h>

#include "seg_internal.h"

int bd_seg_is_closer(UChar32 c)
{
    switch (u_charType(c)) {
    case U_END_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return 1;
    case U_INITIAL_PUNCTUATION:
        /* German closes with “ ‘ « ‹, and English uses ” as both. */
        return c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x2039;
    default:
        return c == '"' || c == '\'' || c == 0x201D || c == 0x2019;
    }
}

int bd_seg_is_opener(UChar32 c)
{
    switch (u_charType(c)) {
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
        return 1;
    case U_FINAL_PUNCTUATION:
        return c == 0x00BB || c == 0x203A;   /* German »…« */
    default:
        return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x201E ||
               c == 0x201A || c == '`';
    }
}

int bd_seg_is_dash(UChar32 c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212;
}

int bd_seg_is_bullet(UChar32 c)
{
    return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x25AA ||
           c == 0x25CF || c == 0x25A0 || c == 0x2219 || c == 0x27A2;
}

int bd_seg_is_terminal(UChar32 c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
           c == 0x2048 || c == 0x2049 || c == 0x3002 || c == 0xFF0E || c == 0xFF01 ||
           c == 0xFF1F;
}

seg_next bd_seg_next_kind(const seg_rules *r, const UChar *t, int32_t n, int32_t p)
{
    while (p < n && seg_is_space(t[p]))
        p++;
    if (p >= n)
        return SEG_NEXT_END;
    if (bd_seg_is_dash(t[p]) || bd_seg_is_bullet(t[p]))
        return SEG_NEXT_STARTER;
    while (p < n && bd_seg_is_opener(t[p]))
        p++;
    if (p >= n)
        return SEG_NEXT_OTHER;
    UChar32 c;
    U16_GET(t, 0, p, n, c);
    if (u_isdigit(c))
        return SEG_NEXT_DIGIT;
    if (!u_isalpha(c))
        return SEG_NEXT_OTHER;
    int32_t e = p;
    while (e < n) {
        if (t[e] < 0x80) {
            /* ASCII: a letter goes on, anything else ends the word. */
            UChar a = t[e];
            if (!((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z')))
                break;
            e++;
            continue;
        }
        UChar32 d;
        int32_t k = e;
        U16_NEXT(t, k, n, d);
        if (!u_isalpha(d) && !(U_GET_GC_MASK(d) & U_GC_M_MASK))
            break;
        e = k;
    }
    int dotted = e < n && t[e] == '.';
    unsigned with_dot = dotted ? bd_seg_rules_find(r, t + p, e + 1 - p) : 0;
    if (with_dot & (1u << SEG_TITLE))
        return SEG_NEXT_TITLE;
    unsigned word = bd_seg_rules_find(r, t + p, e - p);
    if (word & (1u << SEG_MONTH))
        return SEG_NEXT_MONTH;
    if (u_isupper(c) || u_istitle(c)) {
        /* An initial ("J. A. Smith") or a listed abbreviation is no starter. */
        if (dotted && (e - p == 1 || (with_dot & (1u << SEG_ABBREV))))
            return SEG_NEXT_UPPER;
        if (word & (1u << SEG_STARTER))
            return SEG_NEXT_STARTER;
        return SEG_NEXT_UPPER;
    }
    if (u_islower(c))
        return SEG_NEXT_LOWER;
    return SEG_NEXT_OTHER;
}

int bd_seg_next_is_lower(const seg_rules *r, const UChar *t, int32_t n, int32_t p)
{
    /* Only a lower-case letter can give SEG_NEXT_LOWER: the capitalised word
     * that usually follows a full stop is settled without a list lookup. */
    int32_t q = p;
    while (q < n && seg_is_space(t[q]))
        q++;
    if (q >= n || bd_seg_is_dash(t[q]) || bd_seg_is_bullet(t[q]))
        return 0;
    while (q < n && bd_seg_is_opener(t[q]))
        q++;
    if (q >= n)
        return 0;
    UChar32 c;
    U16_GET(t, 0, q, n, c);
    if (!u_islower(c))
        return 0;
    return bd_seg_next_kind(r, t, n, p) == SEG_NEXT_LOWER;
}
