/* stem.c: lexicon keys. A word and a dictionary headword meet when they have
 * the same key: NFC, lower-cased for the language (ICU), stress marks and
 * (German) umlauts folded, trimmed of punctuation, and lightly stemmed by a
 * small suffix table per language. Light on purpose: a wrong merge costs an
 * anchor or two, a missed one costs nothing but recall. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "align/lexicon/lexicon_internal.h"

/* ------------------------------------------------------------ the tables */

typedef struct suffix_rule {
    const char *suffix;
    const char *repl;       /* written in place of the suffix */
    const char *after;      /* the byte before must be one of these (NULL: any) */
    int not_after;          /* ... or must not be one of these */
} suffix_rule;

typedef struct lang_rules {
    const char *iso1, *iso3;
    size_t min_stem;                  /* in characters */
    const suffix_rule *step1, *step2; /* at most one rule of each, in order */
    const char *const *prefixes;      /* stripped after the suffixes */
    int fold_umlaut;                  /* ä -> a, ß -> ss (German plurals) */
    int final_e;                      /* drop a final e (love, loved, loving) */
    int elision;                      /* l', d', qu' (French) */
} lang_rules;

/* Each list is ordered so that the first applicable rule is the longest. */
static const suffix_rule deu_step1[] = {
    {"ern", "", NULL, 0}, {"em", "", NULL, 0}, {"en", "", NULL, 0}, {"er", "", NULL, 0},
    {"es", "", NULL, 0}, {"e", "", NULL, 0}, {"s", "", "bdfghklmnrt", 0}, {NULL, NULL, NULL, 0}};

static const suffix_rule eng_step1[] = {
    {"sses", "ss", NULL, 0}, {"ches", "ch", NULL, 0}, {"shes", "sh", NULL, 0},
    {"ies", "y", NULL, 0}, {"ied", "y", NULL, 0}, {"xes", "x", NULL, 0},
    {"ing", "", NULL, 0}, {"'s", "", NULL, 0}, {"ed", "", NULL, 0},
    {"s", "", "su'i", 1}, {NULL, NULL, NULL, 0}};

static const suffix_rule fra_step1[] = {
    {"s", "", "s", 1}, {"x", "", "u", 0}, {NULL, NULL, NULL, 0}};
static const suffix_rule fra_step2[] = {
    {"ement", "", NULL, 0}, {"ation", "", NULL, 0}, {"euse", "", NULL, 0},
    {"ité", "", NULL, 0}, {"ent", "", NULL, 0}, {"ée", "", NULL, 0}, {"er", "", NULL, 0},
    {"ez", "", NULL, 0}, {"é", "", NULL, 0}, {"e", "", NULL, 0}, {NULL, NULL, NULL, 0}};

/* Bulgarian: definite articles, plurals and the commonest verb endings. */
static const suffix_rule bul_step1[] = {
    {"ията", "", NULL, 0}, {"ята", "", NULL, 0}, {"ата", "", NULL, 0}, {"ите", "", NULL, 0},
    {"ето", "", NULL, 0}, {"ото", "", NULL, 0}, {"ове", "", NULL, 0}, {"еве", "", NULL, 0},
    {"ища", "", NULL, 0}, {"аме", "", NULL, 0}, {"ате", "", NULL, 0}, {"еше", "", NULL, 0},
    {"аше", "", NULL, 0}, {"ът", "", NULL, 0}, {"ят", "", NULL, 0}, {"ия", "", NULL, 0},
    {"ат", "", NULL, 0}, {"ам", "", NULL, 0}, {"ям", "", NULL, 0}, {"ах", "", NULL, 0},
    {"ях", "", NULL, 0}, {"а", "", NULL, 0}, {"я", "", NULL, 0}, {"о", "", NULL, 0},
    {"е", "", NULL, 0}, {"и", "", NULL, 0}, {NULL, NULL, NULL, 0}};

/* Indonesian: particles, then -kan/-an, then the verb and noun prefixes. */
static const suffix_rule ind_step1[] = {
    {"nya", "", NULL, 0}, {"lah", "", NULL, 0}, {"kah", "", NULL, 0}, {"pun", "", NULL, 0},
    {NULL, NULL, NULL, 0}};
static const suffix_rule ind_step2[] = {
    {"kan", "", NULL, 0}, {"an", "", NULL, 0}, {NULL, NULL, NULL, 0}};
static const char *const ind_prefixes[] = {"meng", "meny", "peng", "mem", "men", "ber",
                                           "ter", "per", "pem", "pen", "di", "ke",
                                           "se", "me", "be", "pe", NULL};

static const lang_rules rules_table[] = {
    {"de", "deu", 3, deu_step1, NULL, NULL, 1, 0, 0},
    {"en", "eng", 3, eng_step1, NULL, NULL, 0, 1, 0},
    {"fr", "fra", 3, fra_step1, fra_step2, NULL, 0, 0, 1},
    {"bg", "bul", 3, bul_step1, NULL, NULL, 0, 0, 0},
    {"id", "ind", 4, ind_step1, ind_step2, ind_prefixes, 0, 0, 0},
};

/* The rules for a code such as "de", "deu", "de-CH" or "de_AT"; NULL for
 * languages without any (their keys are only normalised). */
static const lang_rules *rules_for(const char *lang)
{
    if (!lang)
        return NULL;
    char primary[8];
    size_t n = 0;
    while (lang[n] && lang[n] != '-' && lang[n] != '_' && n + 1 < sizeof primary) {
        char c = lang[n];
        primary[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    primary[n] = '\0';
    for (size_t i = 0; i < sizeof rules_table / sizeof rules_table[0]; i++)
        if (strcmp(primary, rules_table[i].iso1) == 0 || strcmp(primary, rules_table[i].iso3) == 0)
            return &rules_table[i];
    return NULL;
}

int bd_lex_iso3(const char *lang, char *buf, size_t bufsize)
{
    if (!lang || !*lang || bufsize < 4)
        return 0;
    const char *iso3 = uloc_getISO3Language(lang);
    if (!iso3 || !*iso3)
        return 0;
    snprintf(buf, bufsize, "%s", iso3);
    return 1;
}

/* -------------------------------------------------------------- stemming */

static size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static size_t apply_suffixes(const suffix_rule *rules, size_t min_stem, char *key, size_t n,
                             size_t cap)
{
    if (!rules)
        return n;
    for (const suffix_rule *r = rules; r->suffix; r++) {
        size_t sl = strlen(r->suffix);
        if (sl >= n || memcmp(key + n - sl, r->suffix, sl) != 0)
            continue;
        size_t stem = n - sl;
        if (utf8_count(key, stem) < min_stem)
            continue;
        if (r->after) {
            int in = strchr(r->after, key[stem - 1]) != NULL;
            if (in == r->not_after)
                continue;
        }
        size_t rl = strlen(r->repl);
        if (stem + rl >= cap)
            continue;
        memcpy(key + stem, r->repl, rl);
        return stem + rl;
    }
    return n;
}

static size_t stem_key(const lang_rules *lr, char *key, size_t n, size_t cap)
{
    if (lr->elision) {
        static const char *const elided[] = {"jusqu'", "lorsqu'", "puisqu'", "qu'", "c'", "d'",
                                             "j'", "l'", "m'", "n'", "s'", "t'", NULL};
        for (size_t i = 0; elided[i]; i++) {
            size_t el = strlen(elided[i]);
            if (n > el && memcmp(key, elided[i], el) == 0) {
                memmove(key, key + el, n - el);
                n -= el;
                break;
            }
        }
    }
    n = apply_suffixes(lr->step1, lr->min_stem, key, n, cap);
    n = apply_suffixes(lr->step2, lr->min_stem, key, n, cap);
    if (lr->final_e && n > 1 && key[n - 1] == 'e' && utf8_count(key, n - 1) >= lr->min_stem)
        n--;
    if (lr->prefixes)
        for (size_t i = 0; lr->prefixes[i]; i++) {
            size_t pl = strlen(lr->prefixes[i]);
            if (n > pl && memcmp(key, lr->prefixes[i], pl) == 0 &&
                utf8_count(key + pl, n - pl) >= lr->min_stem) {
                memmove(key, key + pl, n - pl);
                n -= pl;
                break;
            }
        }
    key[n] = '\0';
    return n;
}

/* ---------------------------------------------------------- normalising */

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Pure ASCII outside Turkic locales: lower-casing needs no ICU. */
static size_t key_ascii(const char *word, size_t len, char *out, size_t cap)
{
    size_t b = 0, e = len;
    while (b < e && !ascii_alnum((unsigned char)word[b]))
        b++;
    while (e > b && !ascii_alnum((unsigned char)word[e - 1]))
        e--;
    if (e - b + 1 > cap)
        return 0;
    int letters = 0;
    size_t n = 0;
    for (size_t i = b; i < e; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        letters |= c >= 'a' && c <= 'z';
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return letters ? n : 0;
}

#define U16_CAP (LEX_KEY_MAX * 2)

static int is_cyrillic(UChar32 c) { return c >= 0x0400 && c <= 0x052F; }

static size_t key_icu(const lang_rules *lr, const char *lang, const char *word, size_t len,
                      char *out, size_t cap)
{
    UChar a[U16_CAP], b[U16_CAP];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(a, U16_CAP, &n, word, (int32_t)len, &st);
    if (U_FAILURE(st) || n >= U16_CAP)
        return 0;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return 0;
    n = unorm2_normalize(nfd, a, n, b, U16_CAP, &st);
    if (U_FAILURE(st) || n >= U16_CAP)
        return 0;
    n = u_strToLower(a, U16_CAP, b, n, lang ? lang : "", &st);
    if (U_FAILURE(st) || n >= U16_CAP)
        return 0;
    /* Drop dictionary stress marks on Cyrillic (обя́ва), German umlaut dots;
     * write ß as ss and the typographic apostrophe as '. */
    int32_t m = 0;
    UChar32 prev = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(a, i, n, c);
        if ((c == 0x0301 || c == 0x0300) && is_cyrillic(prev))
            continue;
        if (c == 0x0308 && lr && lr->fold_umlaut)
            continue;
        if (m + 2 >= U16_CAP)
            return 0;
        if (c == 0x00DF && lr && lr->fold_umlaut) {
            b[m++] = 's';
            b[m++] = 's';
        } else if (c == 0x2019) {
            b[m++] = '\'';
        } else {
            U16_APPEND_UNSAFE(b, m, c);
        }
        if (u_getCombiningClass(c) == 0)
            prev = c;
    }
    n = unorm2_normalize(nfc, b, m, a, U16_CAP, &st);
    if (U_FAILURE(st) || n >= U16_CAP)
        return 0;
    /* Trim what is neither a letter, a digit nor a mark at either end. */
    int32_t s = 0, e = n, letters = 0;
    while (s < e) {
        UChar32 c;
        int32_t i = s;
        U16_NEXT(a, i, e, c);
        if (u_isalnum(c))
            break;
        s = i;
    }
    while (e > s) {
        UChar32 c;
        int32_t i = e;
        U16_PREV(a, s, i, c);
        if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK))
            break;
        e = i;
    }
    for (int32_t i = s; i < e && !letters;) {
        UChar32 c;
        U16_NEXT(a, i, e, c);
        letters = u_isalpha(c);
    }
    if (!letters)
        return 0;
    int32_t bytes = 0;
    u_strToUTF8(out, (int32_t)cap, &bytes, a + s, e - s, &st);
    if (U_FAILURE(st) || (size_t)bytes >= cap)
        return 0;
    out[bytes] = '\0';
    return (size_t)bytes;
}

static int turkic(const char *lang)
{
    return lang && (strncmp(lang, "tr", 2) == 0 || strncmp(lang, "az", 2) == 0) &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

void bd_lex_keyer_init(lex_keyer *k, const char *lang)
{
    k->rules = rules_for(lang);
    k->lang = lang;
    k->ascii_ok = !turkic(lang);
}

size_t bd_lex_keyer_key(const lex_keyer *k, const char *word, size_t len, char *buf, size_t bufsize)
{
    if (!buf || bufsize == 0)
        return 0;
    buf[0] = '\0';
    if (!word || len == 0 || len >= LEX_KEY_MAX * 2)
        return 0;
    const lang_rules *lr = k->rules;
    int ascii = k->ascii_ok;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)word[i] < 0x80;
    char key[LEX_KEY_MAX * 4];
    size_t n = ascii ? key_ascii(word, len, key, sizeof key)
                     : key_icu(lr, k->lang, word, len, key, sizeof key);
    if (n == 0)
        return 0;
    if (lr)
        n = stem_key(lr, key, n, sizeof key);
    if (n == 0 || n >= bufsize || n >= LEX_KEY_MAX)
        return 0;
    memcpy(buf, key, n + 1);
    return n;
}

size_t bead_lexicon_key(const char *lang, const char *word, size_t len, char *buf, size_t bufsize)
{
    lex_keyer k;
    bd_lex_keyer_init(&k, lang);
    return bd_lex_keyer_key(&k, word, len, buf, bufsize);
}

/* ---------------------------------------------------------------- words */

/* Bytes of a white-space character at s (ASCII, NBSP, the U+2000 spaces,
 * narrow NBSP, ideographic space), or of a slash; 0 otherwise. */
static size_t separator_len(const unsigned char *s, size_t left)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v' ||
        *s == '/')
        return 1;
    if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
        return 3;
    if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* The bytes a separator can start with: any other byte is part of a
 * word, without a closer look. */
static const unsigned char may_start_separator[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['/'] = 1,
    [0xC2] = 1, [0xE2] = 1, [0xE3] = 1};

int bd_lex_next_word(const char *text, size_t len, size_t *pos, size_t *start, size_t *wlen)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = *pos, sep;
    while (i < len && (sep = separator_len(s + i, len - i)) > 0)
        i += sep;
    *start = i;
    while (i < len && (!may_start_separator[s[i]] || separator_len(s + i, len - i) == 0))
        i++;
    *pos = i;
    *wlen = i - *start;
    return i > *start;
}

size_t bd_lex_each_word(const char *lang, const char *text, size_t len,
                     void (*fn)(void *ctx, const char *key, size_t keylen, size_t wordchars),
                     void *ctx)
{
    lex_keyer k;
    bd_lex_keyer_init(&k, lang);
    size_t pos = 0, start, wlen, count = 0;
    char key[LEX_KEY_MAX];
    while (bd_lex_next_word(text, len, &pos, &start, &wlen)) {
        size_t n = bd_lex_keyer_key(&k, text + start, wlen, key, sizeof key);
        if (n) {
            fn(ctx, key, n, utf8_count(text + start, wlen));
            count++;
        }
    }
    return count;
}

typedef struct key_only {
    void (*fn)(void *ctx, const char *key, size_t keylen);
    void *ctx;
} key_only;

static void drop_chars(void *vctx, const char *key, size_t keylen, size_t wordchars)
{
    key_only *k = vctx;
    (void)wordchars;
    k->fn(k->ctx, key, keylen);
}

size_t bd_lex_each_key(const char *lang, const char *text, size_t len,
                    void (*fn)(void *ctx, const char *key, size_t keylen), void *ctx)
{
    key_only k = {fn, ctx};
    return bd_lex_each_word(lang, text, len, drop_chars, &k);
}
