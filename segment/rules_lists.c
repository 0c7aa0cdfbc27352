/* Enumerated lists written inline: "1. The first item 2. The second item",
 * "a) here b) there", "(i) … (ii) …", "• 9. …". An item marker starts a
 * sentence and never ends one. A marker counts as an item when it opens a
 * run of consecutive values (1, 2, 3 / a, b, c / i, ii, iii) whose first
 * stands where a sentence may start, or when it follows a bullet. */
#include <stdlib.h>
#include <string.h>

#include "seg_internal.h"

enum { KIND_NUM, KIND_ALPHA, KIND_ROMAN, NKINDS };
enum { STYLE_DOT, STYLE_DOT_PAREN, STYLE_PAREN, STYLE_BOTH_PARENS, NSTYLES };

typedef struct marker {
    int32_t start, end;   /* the marker itself, "2.)" */
    int32_t text;         /* where the item's text starts */
    int style;
    int value[NKINDS];    /* 0: not of that kind */
    int item;
} marker;

static int roman_value(const UChar *s, int32_t len)
{
    static const char *const numerals[] = {"i", "ii", "iii", "iv", "v", "vi", "vii",
                                           "viii", "ix", "x", "xi", "xii"};
    for (int v = 0; v < 12; v++) {
        int32_t k = 0;
        while (k < len && numerals[v][k] && numerals[v][k] == s[k])
            k++;
        if (k == len && numerals[v][k] == '\0')
            return v + 1;
    }
    return 0;
}

/* Parses a marker at i (which starts a token); 0 when there is none. */
static int parse_marker(const UChar *t, int32_t n, int32_t i, marker *m)
{
    memset(m, 0, sizeof *m);
    m->start = i;
    int32_t k = i;
    int open = k < n && t[k] == '(';
    if (open)
        k++;
    int32_t v = k;
    while (k < n && k - v < 4 && ((t[k] >= '0' && t[k] <= '9') || (t[k] >= 'a' && t[k] <= 'z')))
        k++;
    int32_t vlen = k - v;
    if (vlen == 0 || vlen > 4)
        return 0;
    if (t[v] >= '0' && t[v] <= '9') {
        int num = 0;
        for (int32_t j = v; j < k; j++) {
            if (t[j] < '0' || t[j] > '9')
                return 0;
            num = num * 10 + (t[j] - '0');
        }
        if (vlen > 2)
            return 0;
        m->value[KIND_NUM] = num;
    } else {
        for (int32_t j = v; j < k; j++)
            if (t[j] < 'a' || t[j] > 'z')
                return 0;
        if (vlen == 1)
            m->value[KIND_ALPHA] = t[v] - 'a' + 1;
        m->value[KIND_ROMAN] = roman_value(t + v, vlen);
        if (!m->value[KIND_ALPHA] && !m->value[KIND_ROMAN])
            return 0;
    }
    if (open) {
        if (k >= n || t[k] != ')')
            return 0;
        k++;
        m->style = STYLE_BOTH_PARENS;
    } else if (k + 1 < n && t[k] == '.' && t[k + 1] == ')') {
        k += 2;
        m->style = STYLE_DOT_PAREN;
    } else if (k < n && t[k] == ')') {
        k++;
        m->style = STYLE_PAREN;
    } else if (k < n && t[k] == '.') {
        k++;
        m->style = STYLE_DOT;
        if (!m->value[KIND_NUM] && vlen == 1 && t[v] != 'i')
            m->value[KIND_ROMAN] = 0;
    } else {
        return 0;
    }
    if (k < n && !seg_is_space(t[k]))
        return 0;
    m->end = k;
    while (k < n && seg_is_space(t[k]))
        k++;
    m->text = k;
    /* "1. und 2. Juli" is no list: a "N." item starts with a capital. */
    if (m->style == STYLE_DOT && m->value[KIND_NUM] && !(k < n && (u_isupper(t[k]) || u_istitle(t[k]))))
        return 0;
    return k < n;
}

/* May a sentence start at i? At the window's start, after a bullet, or after
 * a sentence's end or a colon. */
static int may_start(const UChar *t, int32_t i)
{
    while (i > 0 && seg_is_space(t[i - 1]))
        i--;
    if (i == 0)
        return 1;
    UChar c = t[i - 1];
    return bd_seg_is_bullet(c) || bd_seg_is_terminal(c) || bd_seg_is_closer(c) || c == ':' || c == ';';
}

/* Is the marker at i written after a bullet ("• 9.", "⁃9.")? Then the
 * bullet already opened the sentence. */
static int bullet_before(const UChar *t, int32_t i)
{
    while (i > 0 && seg_is_space(t[i - 1]))
        i--;
    return i > 0 && bd_seg_is_bullet(t[i - 1]);
}

static int veto_range(seg_breaks *b, int32_t from, int32_t to)
{
    size_t o = 0;
    for (size_t i = 0; i < b->n; i++)
        if (b->pos[i] <= from || b->pos[i] > to)
            b->pos[o++] = b->pos[i];
    b->n = o;
    return 1;
}

static int is_value_unit(UChar c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

/* Does a token start at i (after a space or a bullet, or at the start)? */
static int token_starts(const UChar *t, int32_t i)
{
    return i == 0 || seg_is_space(t[i - 1]) || (t[i - 1] >= 0x2000 && bd_seg_is_bullet(t[i - 1]));
}

/* The token that would be a marker ending in the '.' or ')' at d: its start,
 * or -1. A marker is short ("12.", "iv)", "(b)"): at most five units of
 * digits, lower-case letters and an opening parenthesis before d. */
static int32_t marker_start(const UChar *t, int32_t d)
{
    int32_t j = d;
    while (j > 0 && d - j < 6 && is_value_unit(t[j - 1]))
        j--;
    if (d - j >= 6)
        return -1;
    if (j < d && token_starts(t, j))
        return j;
    if (j > 0 && t[j - 1] == '(' && d - (j - 1) <= 5 && token_starts(t, j - 1))
        return j - 1;
    return -1;
}

int bd_seg_rules_lists(const seg_rules *r, const UChar *t, int32_t n, const seg_breaks *marks,
                    seg_breaks *b, seg_breaks *add)
{
    (void)r;
    int expect[NSTYLES][NKINDS];
    int32_t first[NSTYLES][NKINDS];   /* the pending first item, or -1 */
    memset(expect, 0, sizeof expect);
    for (int s = 0; s < NSTYLES; s++)
        for (int k = 0; k < NKINDS; k++)
            first[s][k] = -1;
    int32_t from = 0;   /* candidates before this were seen or lie in a marker */
    for (size_t mi = 0; mi < marks->n; mi++) {
        int32_t d = marks->pos[mi];
        if (t[d] != '.' && t[d] != ')')
            continue;
        /* Only a token that ends in '.' or ')' within five units can be a
         * marker: start from those ends, never from every word. */
        int32_t i = marker_start(t, d);
        if (i < from)
            continue;
        from = i + 1;
        marker m;
        if (!parse_marker(t, n, i, &m))
            continue;
        from = m.end;
        /* A paragraph that opens with "1." or "a)" is a list item. */
        int item = bullet_before(t, i) || i == 0;
        for (int k = 0; k < NKINDS; k++) {
            int v = m.value[k];
            if (!v)
                continue;
            if (expect[m.style][k] && v == expect[m.style][k]) {
                item = 1;
                if (first[m.style][k] >= 0) {
                    /* The run is confirmed: its first marker is an item too. */
                    marker f;
                    if (parse_marker(t, n, first[m.style][k], &f)) {
                        if (f.start > 0 && !bullet_before(t, f.start) &&
                            !bd_seg_breaks_push(add, f.start))
                            return 0;
                        veto_range(b, f.start, f.text);
                        veto_range(add, f.start, f.text);
                    }
                    first[m.style][k] = -1;
                }
                expect[m.style][k] = v + 1;
            } else if (v == 1 && may_start(t, i)) {
                first[m.style][k] = i;
                expect[m.style][k] = 2;
            }
        }
        if (item) {
            if (m.start > 0 && !bullet_before(t, m.start) && !bd_seg_breaks_push(add, m.start))
                return 0;
            veto_range(b, m.start, m.text);
            veto_range(add, m.start, m.text);
        }
    }
    return 1;
}
