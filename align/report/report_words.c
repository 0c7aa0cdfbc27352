/* What the report counts as a name and as a number, beyond the aligner's
 * anchor keys.
 *
 * Names. The anchors take every capitalised word for a name candidate,
 * which suits alignment (a sentence-initial "Again" matches nothing and
 * costs nothing) but not a report that lists names on one side only: on
 * Debian Reference en-de, 71 of 114 such "names" were sentence-initial
 * English words. Here a word is a name when it is capitalised where the
 * language does not capitalise by rule: not first in its sentence, or
 * seen capitalised elsewhere in the text where it is not first. And it is
 * shown as written, not as its transliterated key ("САЩ", not "sasht").
 *
 * Numbers. "2" against "zwei" is no mismatch: number words one to twenty,
 * the tens and hundred, in bg, de, en, id and fr, satisfy a number on the
 * other side (they never raise a mismatch themselves). */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "align/report/report_words.h"

typedef struct numword {
    const char *lang, *word;
    int value;
} numword;

static const numword numwords[] = {
    {"en", "one", 1}, {"en", "two", 2}, {"en", "three", 3}, {"en", "four", 4},
    {"en", "five", 5}, {"en", "six", 6}, {"en", "seven", 7}, {"en", "eight", 8},
    {"en", "nine", 9}, {"en", "ten", 10}, {"en", "eleven", 11}, {"en", "twelve", 12},
    {"en", "thirteen", 13}, {"en", "fourteen", 14}, {"en", "fifteen", 15},
    {"en", "sixteen", 16}, {"en", "seventeen", 17}, {"en", "eighteen", 18},
    {"en", "nineteen", 19}, {"en", "twenty", 20}, {"en", "thirty", 30}, {"en", "forty", 40},
    {"en", "fifty", 50}, {"en", "sixty", 60}, {"en", "seventy", 70}, {"en", "eighty", 80},
    {"en", "ninety", 90}, {"en", "hundred", 100},
    {"de", "eins", 1}, {"de", "ein", 1}, {"de", "eine", 1}, {"de", "einen", 1},
    {"de", "einem", 1}, {"de", "einer", 1}, {"de", "zwei", 2}, {"de", "drei", 3},
    {"de", "vier", 4}, {"de", "fünf", 5}, {"de", "sechs", 6}, {"de", "sieben", 7},
    {"de", "acht", 8}, {"de", "neun", 9}, {"de", "zehn", 10}, {"de", "elf", 11},
    {"de", "zwölf", 12}, {"de", "dreizehn", 13}, {"de", "vierzehn", 14},
    {"de", "fünfzehn", 15}, {"de", "sechzehn", 16}, {"de", "siebzehn", 17},
    {"de", "achtzehn", 18}, {"de", "neunzehn", 19}, {"de", "zwanzig", 20},
    {"de", "dreißig", 30}, {"de", "vierzig", 40}, {"de", "fünfzig", 50},
    {"de", "sechzig", 60}, {"de", "siebzig", 70}, {"de", "achtzig", 80},
    {"de", "neunzig", 90}, {"de", "hundert", 100},
    {"bg", "един", 1}, {"bg", "една", 1}, {"bg", "едно", 1}, {"bg", "два", 2},
    {"bg", "две", 2}, {"bg", "три", 3}, {"bg", "четири", 4}, {"bg", "пет", 5},
    {"bg", "шест", 6}, {"bg", "седем", 7}, {"bg", "осем", 8}, {"bg", "девет", 9},
    {"bg", "десет", 10}, {"bg", "единадесет", 11}, {"bg", "единайсет", 11},
    {"bg", "дванадесет", 12}, {"bg", "дванайсет", 12}, {"bg", "тринадесет", 13},
    {"bg", "тринайсет", 13}, {"bg", "четиринадесет", 14}, {"bg", "четиринайсет", 14},
    {"bg", "петнадесет", 15}, {"bg", "петнайсет", 15}, {"bg", "шестнадесет", 16},
    {"bg", "шестнайсет", 16}, {"bg", "седемнадесет", 17}, {"bg", "седемнайсет", 17},
    {"bg", "осемнадесет", 18}, {"bg", "осемнайсет", 18}, {"bg", "деветнадесет", 19},
    {"bg", "деветнайсет", 19}, {"bg", "двадесет", 20}, {"bg", "двайсет", 20},
    {"bg", "тридесет", 30}, {"bg", "трийсет", 30}, {"bg", "четиридесет", 40},
    {"bg", "четирийсет", 40}, {"bg", "петдесет", 50}, {"bg", "шестдесет", 60},
    {"bg", "седемдесет", 70}, {"bg", "осемдесет", 80}, {"bg", "деветдесет", 90},
    {"bg", "сто", 100},
    {"id", "satu", 1}, {"id", "dua", 2}, {"id", "tiga", 3}, {"id", "empat", 4},
    {"id", "lima", 5}, {"id", "enam", 6}, {"id", "tujuh", 7}, {"id", "delapan", 8},
    {"id", "sembilan", 9}, {"id", "sepuluh", 10}, {"id", "sebelas", 11},
    {"id", "seratus", 100},
    {"fr", "un", 1}, {"fr", "une", 1}, {"fr", "deux", 2}, {"fr", "trois", 3},
    {"fr", "quatre", 4}, {"fr", "cinq", 5}, {"fr", "six", 6}, {"fr", "sept", 7},
    {"fr", "huit", 8}, {"fr", "neuf", 9}, {"fr", "dix", 10}, {"fr", "onze", 11},
    {"fr", "douze", 12}, {"fr", "treize", 13}, {"fr", "quatorze", 14},
    {"fr", "quinze", 15}, {"fr", "seize", 16}, {"fr", "vingt", 20}, {"fr", "trente", 30},
    {"fr", "quarante", 40}, {"fr", "cinquante", 50}, {"fr", "soixante", 60},
    {"fr", "cent", 100},
};

/* Lower-cases a word into buf (NUL-terminated); 0 when it does not fit. */
static size_t lower_word(const char *w, size_t len, char *buf, size_t size)
{
    size_t o = 0;
    for (int32_t i = 0; i < (int32_t)len;) {
        UChar32 c;
        U8_NEXT(w, i, (int32_t)len, c);
        if (c < 0)
            return 0;
        c = u_tolower(c);
        if (o + U8_MAX_LENGTH + 1 > size)
            return 0;
        U8_APPEND_UNSAFE(buf, o, c);
    }
    buf[o] = '\0';
    return o;
}

/* Calls fn for each word (a letter run, marks included) of text with its
 * position and whether it is the sentence's first. */
static void each_word(const char *text, size_t len,
                      void (*fn)(void *, const char *, size_t, int), void *ctx)
{
    int32_t i = 0, n = (int32_t)len;
    int first = 1;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        int32_t end = i;
        while (end < n) {
            int32_t p = end;
            UChar32 d;
            U8_NEXT(text, p, n, d);
            if (d < 0 || !(u_isalpha(d) || (U_GET_GC_MASK(d) & U_GC_M_MASK)))
                break;
            end = p;
        }
        i = end;
        fn(ctx, text + start, (size_t)(end - start), first);
        first = 0;
    }
}

typedef struct num_ctx {
    const char *lang;
    void (*add)(void *, const char *, size_t);
    void *ctx;
} num_ctx;

static void number_word(void *p, const char *w, size_t len, int first)
{
    (void)first;
    num_ctx *c = p;
    char low[64];
    if (!lower_word(w, len, low, sizeof low))
        return;
    for (size_t k = 0; k < sizeof numwords / sizeof *numwords; k++)
        if (!strcmp(numwords[k].lang, c->lang) && !strcmp(numwords[k].word, low)) {
            char digits[16];
            int dl = snprintf(digits, sizeof digits, "%d", numwords[k].value);
            c->add(c->ctx, digits, (size_t)dl);
            return;
        }
}

void bd_report_number_words(const char *lang, const char *text, size_t len,
                            void (*add)(void *, const char *, size_t), void *ctx)
{
    if (!lang)
        return;
    num_ctx c = {lang, add, ctx};
    each_word(text, len, number_word, &c);
}

/* ------------------------------------------------------------- names */

static int capitalised(const char *w, size_t len)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w, i, (int32_t)len, c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

struct report_names {
    char **words;   /* lower-cased words seen capitalised and not first, sorted */
    size_t n, cap;
    int failed;     /* out of memory: every capitalised word counts */
};

static void collect(void *p, const char *w, size_t len, int first)
{
    report_names *rn = p;
    if (first || !capitalised(w, len) || rn->failed)
        return;
    char low[128];
    if (!lower_word(w, len, low, sizeof low))
        return;
    if (rn->n == rn->cap) {
        size_t cap = rn->cap ? rn->cap * 2 : 64;
        char **nw = realloc(rn->words, cap * sizeof *nw);
        if (!nw) {
            rn->failed = 1;
            return;
        }
        rn->words = nw;
        rn->cap = cap;
    }
    char *copy = strdup(low);
    if (!copy) {
        rn->failed = 1;
        return;
    }
    rn->words[rn->n++] = copy;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

report_names *bd_report_names_create(const bead_doc *doc)
{
    report_names *rn = calloc(1, sizeof *rn);
    if (!rn)
        return NULL;
    for (size_t i = 0; i < bead_doc_size(doc) && !rn->failed; i++) {
        size_t len;
        const char *t = bead_doc_text(doc, i, &len);
        each_word(t, len, collect, rn);
    }
    if (rn->n)
        qsort(rn->words, rn->n, sizeof *rn->words, cmp_str);
    return rn;
}

void bd_report_names_free(report_names *rn)
{
    if (!rn)
        return;
    for (size_t k = 0; k < rn->n; k++)
        free(rn->words[k]);
    free(rn->words);
    free(rn);
}

static int seen_inside(const report_names *rn, const char *w, size_t len)
{
    if (rn->failed)
        return 1;
    char low[128];
    if (!lower_word(w, len, low, sizeof low))
        return 1;
    const char *key = low;
    return rn->n && bsearch(&key, rn->words, rn->n, sizeof *rn->words, cmp_str) != NULL;
}

typedef struct find_ctx {
    const report_names *rn;
    int (*is_key)(void *, const char *, size_t);
    void *kctx;
    const char *found;
    size_t found_len;
    int name;
} find_ctx;

static void find_word(void *p, const char *w, size_t len, int first)
{
    find_ctx *c = p;
    if (c->name || !c->is_key(c->kctx, w, len))
        return;
    if (!c->found) {
        c->found = w;
        c->found_len = len;
    }
    if (capitalised(w, len) && (!first || seen_inside(c->rn, w, len))) {
        c->name = 1;
        c->found = w;
        c->found_len = len;
    }
}

int bd_report_name_in(const report_names *rn, const char *text, size_t len,
                      int (*is_key)(void *, const char *, size_t), void *kctx,
                      const char **word, size_t *wlen)
{
    find_ctx c = {rn, is_key, kctx, NULL, 0, 0};
    each_word(text, len, find_word, &c);
    *word = c.found;
    *wlen = c.found_len;
    return c.name;
}
