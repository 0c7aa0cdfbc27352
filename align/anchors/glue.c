/* Sentences a splitter cut where the author did not: "Betriebssystem-API-
 * Emulation, wie z.B." | "Wine", "7.8.1." | "Lokale Verbindung zum
 * X-Server", "Noto-Schriften (Google; mehrsprachig inkl." | "CJK)". The
 * translation of such a piece is inside the translation of its neighbour,
 * so the bead model joins it (align/pair/dp.c) instead of deleting it.
 *
 * A boundary is glued when the piece before it cannot end a sentence or the
 * piece after it cannot start one:
 * - the piece before ends with an abbreviation: a word with a period inside
 *   ("z.B.", "e.g.") or one the document itself uses inside sentences
 *   ("inkl. MwSt", "Nr. 5": Kiss and Strunk's evidence, from the same
 *   text, so no list per language);
 * - the piece before has no letters but digits (a list or section number:
 *   "1.", "3.4."; a line of "-" on a web page separates headlines);
 * - the piece after closes a bracket it did not open ("CJK)"), or is an
 *   aside wholly in brackets ("(SGI: IRIX)") that glosses the one before.
 * A verse or a sentence of running text ends with none of these, so texts
 * split by their authors are left as they are. (A number and a period, the
 * German ordinal of "jeden 50." | "Start.", is no cue: "see Section 9.7.5."
 * ends sentences too.) */
#include <stdlib.h>
#include <string.h>

#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
/* A letter, counting every byte of a multibyte character as one (the
 * scripts bead reads have no punctuation outside ASCII that would matter). */
static int is_letter(unsigned char c) { return is_ascii_letter(c) || c >= 0x80; }

/* The last whitespace-separated token of text: [*tok, *tok + *tlen). */
static void last_token(const char *text, size_t len, const char **tok, size_t *tlen)
{
    while (len > 0 && is_space((unsigned char)text[len - 1]))
        len--;
    size_t b = len;
    while (b > 0 && !is_space((unsigned char)text[b - 1]))
        b--;
    *tok = text + b;
    *tlen = len - b;
}

/* Words ending in a period that the document uses inside a sentence
 * (followed by another word): abbreviations. Open addressing over
 * (pointer, length) into the document's own text. */
typedef struct abbrev_set {
    const char **str;
    size_t *len;
    size_t mask, count;
} abbrev_set;

/* A token that may be an abbreviation: a letter, then letters, up to 6, and
 * the period. */
static int abbrev_shape(const char *t, size_t n)
{
    if (n < 2 || n > 7 || t[n - 1] != '.' || !is_letter((unsigned char)t[0]))
        return 0;
    for (size_t k = 0; k + 1 < n; k++)
        if (!is_letter((unsigned char)t[k]) && t[k] != '.')
            return 0;
    return 1;
}

static size_t *abbrev_slot(const abbrev_set *s, const char *t, size_t n, size_t *at)
{
    size_t i = (size_t)bd_key_hash(t, n) & s->mask;
    for (; s->str[i]; i = (i + 1) & s->mask)
        if (s->len[i] == n && !memcmp(s->str[i], t, n))
            break;
    *at = i;
    return &s->len[i];
}

static void abbrev_add(abbrev_set *s, const char *t, size_t n)
{
    size_t at;
    abbrev_slot(s, t, n, &at);
    if (s->str[at] || 2 * (s->count + 1) > s->mask)
        return;   /* known, or full: a few abbreviations fewer */
    s->str[at] = t;
    s->len[at] = n;
    s->count++;
}

static int abbrev_has(const abbrev_set *s, const char *t, size_t n)
{
    size_t at;
    abbrev_slot(s, t, n, &at);
    return s->str[at] != NULL;
}

/* A word with a period inside and letters: "z.B.", "e.g.", "u.a.". */
static int dotted_word(const char *t, size_t n)
{
    if (n < 4 || t[n - 1] != '.')
        return 0;
    int inner = 0, letters = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        if (t[k] == '.')
            inner = 1;
        else if (is_letter((unsigned char)t[k]))
            letters = 1;
        else
            return 0;
    }
    return inner && letters;
}

/* 1 when text cannot end a sentence (see the top of the file). */
static int broken_head(const abbrev_set *ab, const char *text, size_t len)
{
    int letters = 0, digits = 0;
    for (size_t k = 0; k < len && !letters; k++) {
        letters = is_letter((unsigned char)text[k]);
        digits |= is_digit((unsigned char)text[k]);
    }
    if (!letters)
        return digits;   /* "1.", "3.4."; a "-" or "*" line is a separator */
    const char *t;
    size_t n;
    last_token(text, len, &t, &n);
    return dotted_word(t, n) || (abbrev_shape(t, n) && abbrev_has(ab, t, n));
}

/* 1 when text closes a bracket it does not open, or is an aside wholly in
 * round brackets. */
static int broken_tail(const char *text, size_t len)
{
    while (len > 0 && is_space((unsigned char)text[len - 1]))
        len--;
    if (len >= 2 && text[0] == '(' &&
        (text[len - 1] == ')' || (len >= 3 && text[len - 2] == ')' && text[len - 1] == '.'))) {
        /* "(SGI: IRIX)", "(Some outdated documents suggest this.)": the
         * first bracket closes at the end. (A verse in brackets that ends
         * "),", its sentence going on in the next verse, is none.) */
        int depth = 0;
        size_t k = 0;
        for (; k < len; k++) {
            depth += text[k] == '(';
            depth -= text[k] == ')';
            if (depth == 0)
                break;
        }
        if (k + 1 >= len - 1)
            return 1;
    }
    int round = 0, square = 0;
    for (size_t k = 0; k < len; k++) {
        switch (text[k]) {
        case '(': round++; break;
        case ')': if (--round < 0) return 1; break;
        case '[': square++; break;
        case ']': if (--square < 0) return 1; break;
        default: break;
        }
    }
    return 0;
}

int bd_glue_build(unsigned char *glue, const bead_doc *doc, size_t begin, size_t end)
{
    size_t n = end - begin, size = 64;
    while (size < n)
        size *= 2;
    abbrev_set ab = {calloc(size, sizeof *ab.str), calloc(size, sizeof *ab.len), size - 1, 0};
    if (!ab.str || !ab.len) {
        free(ab.str);
        free(ab.len);
        return -1;
    }
    for (size_t k = begin; k < end; k++) {
        size_t len;
        const char *text = bead_doc_text(doc, k, &len);
        /* Every token but the last that looks like an abbreviation and is
         * followed by a word that starts in lower case or with a digit. */
        size_t p = 0;
        while (p < len) {
            while (p < len && is_space((unsigned char)text[p]))
                p++;
            size_t q = p;
            while (q < len && !is_space((unsigned char)text[q]))
                q++;
            size_t r = q;
            while (r < len && is_space((unsigned char)text[r]))
                r++;
            if (r < len && abbrev_shape(text + p, q - p)) {
                unsigned char next = (unsigned char)text[r];
                if (is_digit(next) || (next >= 'a' && next <= 'z'))
                    abbrev_add(&ab, text + p, q - p);
            }
            p = q;
        }
    }
    for (size_t k = 0; k < n; k++) {
        glue[k] = 0;
        if (k == 0)
            continue;
        size_t plen, len;
        const char *prev = bead_doc_text(doc, begin + k - 1, &plen);
        const char *text = bead_doc_text(doc, begin + k, &len);
        glue[k] = (unsigned char)(broken_head(&ab, prev, plen) || broken_tail(text, len));
    }
    free(ab.str);
    free(ab.len);
    return 0;
}
