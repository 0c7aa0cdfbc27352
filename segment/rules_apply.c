/* Applies the rules to one window: first judges each boundary ICU proposed,
 * then scans for the boundaries ICU cannot see (a sentence that starts in
 * lower case, a dialogue dash after a full stop, a bullet, a capital after a
 * colon where the language writes it so, enumerated list items). */
#include <stdlib.h>

#include "seg_internal.h"

/* The start of the whitespace-delimited token that ends at e. */
static int32_t token_start(const UChar *t, int32_t e)
{
    while (e > 0 && !seg_is_space(t[e - 1]))
        e--;
    return e;
}

/* ". . ." written with spaces: never a boundary inside or after it, but a
 * full stop glued to the word before it ("compounds. . . .") ends that
 * sentence, and the spaced dots open the next one. */
static int spaced_ellipsis(const UChar *t, int32_t q, seg_breaks *add, int *keep)
{
    if (q < 3 || t[q - 1] != '.' || t[q - 2] != ' ' || t[q - 3] != '.')
        return 0;
    int32_t f = q - 1;
    int dots = 1;
    while (f >= 2 && t[f - 1] == ' ' && t[f - 2] == '.') {
        f -= 2;
        dots++;
    }
    if (dots < 3)
        return 0;
    if (f > 0 && !seg_is_space(t[f - 1])) {
        *keep = 0;
        if (dots >= 4 && !bd_seg_breaks_push(add, f + 2))
            return -1;
        return 1;
    }
    /* ". . . ." standing free: three dots of omission and the full stop. */
    *keep = dots >= 4;
    return 1;
}

/* "[...]" and "(…)" mark an omission inside a quotation. */
static int bracketed_ellipsis(const UChar *t, int32_t q)
{
    int32_t f = q - 1;
    if (t[f] == '.')
        while (f > 0 && t[f - 1] == '.')
            f--;
    return f > 0 && (t[f - 1] == '[' || t[f - 1] == '(') && (q - f >= 3 || t[q - 1] == 0x2026);
}

/* Judges a boundary ICU proposed at p. Returns 1 to keep, 0 to drop, -1
 * when out of memory. */
static int judge_icu_break(const seg_rules *r, const UChar *t, int32_t n, int32_t p,
                           seg_breaks *add)
{
    int32_t e = p;
    while (e > 0 && seg_is_space(t[e - 1]))
        e--;
    if (e == 0)
        return 1;
    int32_t q = e;
    while (q > 0 && bd_seg_is_closer(t[q - 1]))
        q--;
    if (q == 0)
        return 1;
    UChar c = t[q - 1];
    /* Scripts written without spaces end sentences with no space after:
     * there ICU's boundary stands ("我们今天去北京。他们明天回来！"). */
    if (e == p && p < n && bd_seg_unspaced_end(c, t, n, p))
        return 1;
    /* Inside a token ("Y!J", "!Xũ", "martyr.[1]"): no sentence ends there. */
    if (e == p && p < n && u_isalnum(t[p]))
        return 0;
    seg_next next = bd_seg_next_kind(r, t, n, p);
    if (c == '!' || c == '?') {
        if (q < e && next == SEG_NEXT_LOWER)
            return 0;   /* "'Well!' thought Alice" */
        int32_t s = token_start(t, q);
        if ((next == SEG_NEXT_LOWER || next == SEG_NEXT_DIGIT) &&
            seg_rules_has(r, SEG_WORD, t + s, q - s))
            return 0;   /* "Yahoo! in" */
        return 1;
    }
    if (c == '.' || c == 0x2026) {
        int keep = 1;
        int se = spaced_ellipsis(t, q, add, &keep);
        if (se < 0)
            return -1;
        if (se)
            return keep;
        if (bracketed_ellipsis(t, q))
            return 0;
        if (c == 0x2026 || (q >= 2 && t[q - 2] == '.'))
            return 1;   /* an ellipsis: ICU already wants a capital after it */
        return bd_seg_period_ends(r, t, n, q - 1, next);
    }
    return 1;
}

/* Skips spaces and closers backwards from i; returns the position just after
 * the terminal punctuation found there, or -1. */
static int32_t terminal_before(const UChar *t, int32_t i)
{
    while (i > 0 && seg_is_space(t[i - 1]))
        i--;
    while (i > 0 && bd_seg_is_closer(t[i - 1]))
        i--;
    return i > 0 && bd_seg_is_terminal(t[i - 1]) ? i : -1;
}

/* A full stop, closers, space, a lower-case word: "val. the next weekend". */
static int scan_lower_start(const seg_rules *r, const UChar *t, int32_t n, int32_t i,
                            seg_breaks *add)
{
    if (i == 0 || t[i - 1] == '.' || seg_is_space(t[i - 1]))
        return 1;
    /* "engineer.) at", "great.' she said": a quotation or a parenthesis
     * ended, the sentence around it goes on. */
    int32_t j = i + 1;
    if (j >= n || !seg_is_space(t[j]))
        return 1;
    while (j < n && seg_is_space(t[j]))
        j++;
    if (!bd_seg_next_is_lower(r, t, n, j))
        return 1;
    if (bd_seg_period_ends(r, t, n, i, SEG_NEXT_LOWER))
        return bd_seg_breaks_push(add, j);
    return 1;
}

/* "детето. - Реже нещо.": a dash after a sentence's end opens a new one. */
static int scan_dash(const seg_rules *r, const UChar *t, int32_t n, int32_t i, seg_breaks *add)
{
    if (i == 0 || !seg_is_space(t[i - 1]))
        return 1;
    if (i + 1 < n && !seg_is_space(t[i + 1]) && !u_isalpha(t[i + 1]) && !bd_seg_is_opener(t[i + 1]))
        return 1;
    int32_t q = terminal_before(t, i);
    if (q < 0)
        return 1;
    if (t[q - 1] == '.' && !(q >= 2 && t[q - 2] == '.') &&
        !bd_seg_period_ends(r, t, n, q - 1, SEG_NEXT_STARTER))
        return 1;
    return bd_seg_breaks_push(add, i);
}

/* Bulgarian (and German) write a capital after a colon when a full sentence
 * follows it. */
static int scan_colon(const UChar *t, int32_t n, int32_t i, seg_breaks *add)
{
    int32_t j = i + 1;
    if (j >= n || !seg_is_space(t[j]))
        return 1;
    while (j < n && seg_is_space(t[j]))
        j++;
    /* A quotation after the colon belongs to the sentence that announces it. */
    int32_t k = j;
    if (k < n && (u_isupper(t[k]) || u_istitle(t[k])) && !(k + 1 < n && t[k + 1] == '.'))
        return bd_seg_breaks_push(add, j);
    return 1;
}

int bd_seg_find_marks(const UChar *t, int32_t n, seg_breaks *m)
{
    m->n = 0;
    for (int32_t i = 0; i < n; i++)
        if (seg_is_mark(t[i]) && !bd_seg_breaks_push(m, i))
            return 0;
    return 1;
}

int bd_seg_rules_apply(const seg_rules *r, const UChar *t, int32_t n, seg_breaks *b,
                    seg_work *work)
{
    seg_breaks *add = &work->add;
    add->n = 0;
    int ok = 1;
    size_t o = 0;
    for (size_t i = 0; i < b->n && ok; i++) {
        int keep = judge_icu_break(r, t, n, b->pos[i], add);
        if (keep < 0)
            ok = 0;
        else if (keep)
            b->pos[o++] = b->pos[i];
    }
    b->n = o;
    for (size_t m = 0; m < work->marks.n && ok; m++) {
        int32_t i = work->marks.pos[m];
        UChar c = t[i];
        if (c == '.' && r->lower_start)
            ok = scan_lower_start(r, t, n, i, add);
        else if (bd_seg_is_dash(c))
            ok = scan_dash(r, t, n, i, add);
        else if (c == ':' && r->colon_capital)
            ok = scan_colon(t, n, i, add);
        else if (bd_seg_is_bullet(c) && i > 0 && seg_is_space(t[i - 1]))
            ok = bd_seg_breaks_push(add, i);
    }
    if (ok)
        ok = bd_seg_rules_lists(r, t, n, &work->marks, b, add);
    for (size_t i = 0; i < add->n && ok; i++)
        if (add->pos[i] > 0 && add->pos[i] < n)
            ok = bd_seg_breaks_push(b, add->pos[i]);
    if (ok)
        bd_seg_breaks_sort_unique(b);
    return ok;
}
