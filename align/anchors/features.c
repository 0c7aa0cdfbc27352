/* Per-sentence features, computed once so that the DP does no string work:
 * lengths in code points, paragraph starts, and sorted ids of anchor keys
 * (numbers, names, cognates, punctuation). */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"
#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"

/* --------------------------------------------------------------- numbers */

static void emit_group(const char *g, size_t len, void (*fn)(void *, const char *, size_t),
                       void *ctx)
{
    while (len > 1 && g[0] == '0') {
        g++;
        len--;
    }
    fn(ctx, g, len);
}

/* groups: digits only; seps[k] separates group k and k+1. */
static void emit_number(char groups[][32], const size_t *glen, const char *seps, size_t ng,
                        void (*fn)(void *, const char *, size_t), void *ctx)
{
    char key[128];
    if (ng == 1) {
        emit_group(groups[0], glen[0], fn, ctx);
        return;
    }
    int slash = 0, same = 1, threes = 1;
    for (size_t k = 0; k + 1 < ng; k++) {
        if (seps[k] == '/')
            slash = 1;
        if (seps[k] != seps[0])
            same = 0;
        if (glen[k + 1] != 3)
            threes = 0;
    }
    if (slash) {
        /* "6/11": the whole and each part, since the other side may spell the
         * date out ("6 November"). */
        size_t kl = 0;
        for (size_t k = 0; k < ng; k++) {
            const char *g = groups[k];
            size_t l = glen[k];
            while (l > 1 && g[0] == '0') {
                g++;
                l--;
            }
            if (kl + l + 1 >= sizeof key)
                break;
            if (k)
                key[kl++] = '/';
            memcpy(key + kl, g, l);
            kl += l;
        }
        fn(ctx, key, kl);
        for (size_t k = 0; k < ng; k++)
            emit_group(groups[k], glen[k], fn, ctx);
        return;
    }
    if (same && threes && glen[0] <= 3) {
        /* Thousands separators, either convention: "10,000" = "10.000". */
        size_t kl = 0;
        for (size_t k = 0; k < ng && kl + glen[k] < sizeof key; k++) {
            memcpy(key + kl, groups[k], glen[k]);
            kl += glen[k];
        }
        emit_group(key, kl, fn, ctx);
        return;
    }
    if (ng == 2) {
        /* A decimal, either separator: "1,7" = "1.7". */
        const char *g = groups[0];
        size_t l = glen[0];
        while (l > 1 && g[0] == '0') {
            g++;
            l--;
        }
        size_t kl = 0;
        memcpy(key, g, l);
        kl = l;
        key[kl++] = '.';
        memcpy(key + kl, groups[1], glen[1]);
        kl += glen[1];
        fn(ctx, key, kl);
        return;
    }
    /* Dates and versions ("09.12.2023"): each part. */
    for (size_t k = 0; k < ng; k++)
        emit_group(groups[k], glen[k], fn, ctx);
}

void bd_features_numbers(const char *text, size_t len,
                      void (*fn)(void *ctx, const char *key, size_t keylen), void *ctx)
{
    char groups[8][32];
    size_t glen[8];
    char seps[8];
    size_t ng = 0;
    int in_group = 0;
    int32_t i = 0, n = (int32_t)len;
    char pending_sep = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(text, i, n, c);
        /* ASCII without ICU: most characters of most texts, and the one
         * digit they have is '0'..'9'. */
        int32_t d = c < 0 ? -1 : c < 0x80 ? (c >= '0' && c <= '9' ? c - '0' : -1)
                                          : u_charDigitValue(c);
        if (d >= 0 && d <= 9 && (c < 0x80 || u_isdigit(c))) {
            if (!in_group) {
                if (pending_sep && ng > 0 && ng < 8) {
                    seps[ng - 1] = pending_sep;
                } else if (ng > 0) {
                    emit_number(groups, glen, seps, ng, fn, ctx);
                    ng = 0;
                }
                if (ng == 8) {
                    emit_number(groups, glen, seps, ng, fn, ctx);
                    ng = 0;
                }
                glen[ng] = 0;
                ng++;
                in_group = 1;
            }
            if (glen[ng - 1] < 31)
                groups[ng - 1][glen[ng - 1]++] = (char)('0' + d);
            pending_sep = 0;
            continue;
        }
        if (in_group && (c == '.' || c == ',' || c == '/') && !pending_sep) {
            pending_sep = (char)c;
            in_group = 0;
            continue;
        }
        if (ng > 0)
            emit_number(groups, glen, seps, ng, fn, ctx);
        ng = 0;
        in_group = 0;
        pending_sep = 0;
    }
    if (ng > 0)
        emit_number(groups, glen, seps, ng, fn, ctx);
}

/* ---------------------------------------------------- names and cognates */

/* Spelling normalisation shared by both keys: the letters that
 * transliteration conventions disagree on are merged. */
static size_t normalise(const char *w, size_t len, char *out, size_t outsize, int skeleton)
{
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < outsize; i++) {
        char ch = w[i], next = i + 1 < len ? w[i + 1] : 0;
        if (next == 'h' && (ch == 'k' || ch == 's' || ch == 't' || ch == 'z' || ch == 'c' ||
                            ch == 'p')) {
            /* kh, sh, th, zh, ch, ph: one sound; kh is often a plain h
             * (Pkhenyan, Pyongyang) */
            ch = ch == 'p' ? 'f' : ch == 'c' ? 'k' : ch == 'k' ? 'h' : ch;
            i++;
        } else if (ch == 'n' && next == 'g' && skeleton) {
            i++;
        } else if (ch == 'c' || ch == 'q') {
            ch = 'k';
        } else if (ch == 'w') {
            ch = 'v';
        } else if (ch == 'j' || ch == 'y') {
            ch = 'i';
        } else if (ch == 'z') {
            ch = 's';
        } else if (ch == 'x') {
            ch = 'k';
        }
        /* The skeleton keeps the first letter, vowel or not (Japan and
         * Yaponiya "ipn", but Pyongyang "pn"), then the consonants. */
        if (skeleton && k > 0 &&
            (ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'h'))
            continue;
        if (k > 0 && out[k - 1] == ch)
            continue;
        out[k++] = ch;
    }
    out[k] = '\0';
    return k;
}

size_t bd_features_name_skeleton(const char *word, size_t len, char *buf, size_t bufsize)
{
    char tmp[128];
    size_t k = normalise(word, len, tmp, sizeof tmp, 1);
    /* A final s is often an inflection (Pjöngjangs, Petrus ~ Peter). */
    if (k >= 3 && tmp[k - 1] == 's')
        k--;
    if (k > 6)
        k = 6;
    if (k + 1 > bufsize)
        return 0;
    memcpy(buf, tmp, k);
    buf[k] = '\0';
    return k;
}

size_t bd_features_cognate_form(const char *word, size_t len, char *buf, size_t bufsize)
{
    return bufsize ? normalise(word, len, buf, bufsize, 0) : 0;
}

size_t bd_features_cognate_key(const char *word, size_t len, char *buf, size_t bufsize)
{
    char tmp[128];
    size_t k = normalise(word, len, tmp, sizeof tmp, 0);
    if (k < 4 || bufsize < 5)
        return 0;
    memcpy(buf, tmp, 4);
    buf[4] = '\0';
    return 4;
}

/* ---------------------------------------------------------------- build */

#define REPEAT_WINDOW 10

/* What a word (as written) gives, remembered for the rest of the document:
 * a text of 100,000 sentences has some two million words but only tens of
 * thousands of distinct ones, and transliterating and interning one costs
 * far more than finding it here. */
#define NO_KEY UINT32_MAX
#define NAME_UNKNOWN (UINT32_MAX - 1)  /* not needed yet: computed on demand */

typedef struct word_keys {
    uint32_t cognate;   /* key id, or NO_KEY */
    uint32_t name;      /* key id, NO_KEY or NAME_UNKNOWN */
} word_keys;

typedef struct key_buf {
    uint32_t *ids;
    size_t n, cap;
    key_table *kt;
    key_table *words;   /* words met, by spelling; ids index known */
    word_keys *known;
    size_t known_cap;
    int failed;
} key_buf;

static void push_id(key_buf *kb, uint32_t id)
{
    if (array_grow((void **)&kb->ids, &kb->cap, kb->n + 1, sizeof *kb->ids, 64)) {
        kb->failed = 1;
        return;
    }
    kb->ids[kb->n++] = id;
}

/* Interns kind + s; NO_KEY when too long or out of memory (then failed). */
static uint32_t intern_key(key_buf *kb, char kind, const char *s, size_t len, const char *label,
                           size_t label_len)
{
    char key[160];
    if (len + 2 > sizeof key)
        return NO_KEY;
    key[0] = kind;
    memcpy(key + 1, s, len);
    uint32_t id = bd_key_table_intern(kb->kt, key, len + 1, label, label_len);
    if (id == UINT32_MAX)
        kb->failed = 1;
    return id;
}

static void add_key(key_buf *kb, char kind, const char *s, size_t len, const char *label,
                    size_t label_len)
{
    uint32_t id = intern_key(kb, kind, s, len, label, label_len);
    if (id != NO_KEY)
        push_id(kb, id);
}

/* The entry of word (as written) in kb's memory, made on first sight, with
 * its cognate key; NULL when out of memory. */
static word_keys *word_entry(key_buf *kb, const char *lang, translit *tr, const char *word,
                             size_t len)
{
    size_t before = bd_key_table_size(kb->words);
    uint32_t w = bd_key_table_intern(kb->words, word, len, "", 0);
    if (w == UINT32_MAX)
        return NULL;
    if (bd_key_table_size(kb->words) == before)
        return &kb->known[w];
    if (array_grow((void **)&kb->known, &kb->known_cap, (size_t)w + 1, sizeof *kb->known, 1024))
        return NULL;
    word_keys *e = &kb->known[w];
    e->cognate = e->name = NO_KEY;
    char t[256], k[160];
    size_t tl = bd_translit_word(tr, lang, word, len, t, sizeof t);
    if (tl == 0)
        return e;
    size_t kl = bd_features_cognate_key(t, tl, k, sizeof k);
    if (kl)
        e->cognate = intern_key(kb, KEY_COGNATE, k, kl, t, tl);
    if (tl >= 3)
        e->name = NAME_UNKNOWN;
    return e;
}

/* The name key of a word already entered, computed on its first use as a
 * name (so that the key table holds only the names used). */
static uint32_t word_name(key_buf *kb, word_keys *e, const char *lang, translit *tr,
                          const char *word, size_t len)
{
    if (e->name != NAME_UNKNOWN)
        return e->name;
    char t[256], k[160];
    size_t tl = bd_translit_word(tr, lang, word, len, t, sizeof t);
    size_t kl = bd_features_name_skeleton(t, tl, k, sizeof k);
    e->name = kl >= 2 ? intern_key(kb, KEY_NAME, k, kl, t, tl) : NO_KEY;
    return e->name;
}

static void add_number(void *ctx, const char *key, size_t len)
{
    add_key(ctx, KEY_NUMBER, key, len, key, len);
}

static int ascii_alpha(UChar32 c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static int is_quote(UChar32 c)
{
    return c == '"' || c == 0x201E || c == 0x201C || c == 0x201D || c == 0x00AB ||
           c == 0x00BB || c == 0x201A;
}

/* Words of one sentence: letter runs (with marks, inner hyphens and
 * apostrophes split them). */
static void sentence_keys(key_buf *kb, const char *text, size_t len, const char *lang,
                          translit *tr)
{
    int32_t i = 0, n = (int32_t)len;
    int latin = 0, other = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (c >= 0 && c < 0x80) {
            latin += ascii_alpha(c);
        } else if (c >= 0 && u_isalpha(c)) {
            UErrorCode st = U_ZERO_ERROR;
            if (uscript_getScript(c, &st) == USCRIPT_LATIN)
                latin++;
            else
                other++;
        }
    }
    int foreign_latin = other > latin;
    int seen_q = 0, seen_x = 0, seen_colon = 0, seen_quote = 0;
    i = 0;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (c == '?' || c == 0x061F || c == 0xFF1F)
            seen_q = 1;
        else if (c == '!' || c == 0xFF01)
            seen_x = 1;
        else if (c == ':')
            seen_colon = 1;
        else if (is_quote(c))
            seen_quote = 1;
        if (c < 0 || !(c < 0x80 ? ascii_alpha(c) : u_isalpha(c)))
            continue;
        int upper, is_latin;
        if (c < 0x80) {
            upper = c >= 'A' && c <= 'Z';
            is_latin = 1;
        } else {
            upper = u_isupper(c) || u_istitle(c);
            UErrorCode st = U_ZERO_ERROR;
            is_latin = uscript_getScript(c, &st) == USCRIPT_LATIN;
        }
        int32_t end = i;
        while (end < n) {
            int32_t p = end;
            UChar32 d;
            U8_NEXT(text, p, n, d);
            if (d < 0 || !(d < 0x80 ? ascii_alpha(d)
                                    : u_isalpha(d) || (U_GET_GC_MASK(d) & U_GC_M_MASK)))
                break;
            end = p;
        }
        i = end;
        const char *word = text + start;
        size_t wlen = (size_t)(end - start);
        word_keys *e = word_entry(kb, lang, tr, word, wlen);
        if (!e) {
            kb->failed = 1;
            return;
        }
        if (e->cognate != NO_KEY)
            push_id(kb, e->cognate);
        if ((upper || (is_latin && foreign_latin)) && e->name != NO_KEY) {
            uint32_t id = word_name(kb, e, lang, tr, word, wlen);
            if (id != NO_KEY)
                push_id(kb, id);
        }
    }
    if (seen_q)
        add_key(kb, KEY_PUNCT, "?", 1, "?", 1);
    if (seen_x)
        add_key(kb, KEY_PUNCT, "!", 1, "!", 1);
    if (seen_colon)
        add_key(kb, KEY_PUNCT, ":", 1, ":", 1);
    if (seen_quote)
        add_key(kb, KEY_PUNCT, "\"", 1, "\"", 1);
    bd_features_numbers(text, len, add_number, kb);
}

static int append_keys(sent_features *f, const uint32_t *ids, size_t n)
{
    if (n == 0)
        return 0;
    if (array_grow((void **)&f->keys, &f->keys_cap, f->nkeys + n, sizeof *f->keys, 1024))
        return -1;
    memcpy(f->keys + f->nkeys, ids, n * sizeof *ids);
    f->nkeys += n;
    return 0;
}

static size_t sort_unique(uint32_t *ids, size_t n)
{
    if (n < 2)
        return n;
    bd_ids_sort(ids, n);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (ids[i] != ids[k - 1])
            ids[k++] = ids[i];
    return k;
}

static int alloc_features(sent_features *f, size_t n)
{
    memset(f, 0, sizeof *f);
    f->n = n;
    f->len_prefix = calloc(n + 1, sizeof *f->len_prefix);
    f->para_start = calloc(n + 1, 1);
    f->key_off = calloc(n + 1, sizeof *f->key_off);
    /* Never NULL, so that keys + offset is defined even with no keys. */
    f->keys_cap = 16;
    f->keys = malloc(f->keys_cap * sizeof *f->keys);
    return f->len_prefix && f->para_start && f->key_off && f->keys ? 0 : -1;
}

/* Sentences met so far, by text, for spotting repeats: open addressing over
 * sentence indices (k + 1; 0 is empty), compared against the document's
 * own text, so that no text is copied. */
typedef struct seen_texts {
    size_t *slot;
    size_t mask;
} seen_texts;

static int seen_init(seen_texts *st, size_t n)
{
    size_t size = 64;
    while (size < 2 * n)
        size *= 2;
    st->slot = calloc(size, sizeof *st->slot);
    st->mask = size - 1;
    return st->slot ? 0 : -1;
}

/* The slot of text: holding the last sentence with that text, or empty. */
static size_t *seen_find(const seen_texts *st, const bead_doc *doc, size_t begin,
                         const char *text, size_t len)
{
    size_t i = (size_t)bd_key_hash(text, len) & st->mask;
    for (; st->slot[i]; i = (i + 1) & st->mask) {
        size_t olen;
        const char *other = bead_doc_text(doc, begin + st->slot[i] - 1, &olen);
        if (olen == len && !memcmp(other, text, len))
            break;
    }
    return &st->slot[i];
}

static void features_build_cleanup(key_buf *kb, seen_texts *seen)
{
    free(kb->ids);
    bd_key_table_free(kb->words);
    free(kb->known);
    free(seen->slot);
}

int bd_features_build(sent_features *f, const bead_doc *doc, size_t begin, size_t end,
                   key_table *kt, translit *tr, bead_error *err)
{
    size_t n = end - begin;
    if (alloc_features(f, n)) {
        bd_features_free(f);
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    key_buf kb = {NULL, 0, 0, kt, bd_key_table_create(), NULL, 0, 0};
    seen_texts seen = {NULL, 0};
    size_t nparas = 0;
    f->repeat = calloc(n + 1, 1);
    f->glue = calloc(n + 1, 1);
    if (!f->repeat || !f->glue || !kb.words || seen_init(&seen, n) ||
        bd_glue_build(f->glue, doc, begin, end)) {
        features_build_cleanup(&kb, &seen);
        bd_features_free(f);
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    const char *lang = bead_doc_lang(doc);
    for (size_t k = 0; k < n; k++) {
        size_t len;
        const char *text = bead_doc_text(doc, begin + k, &len);
        int64_t cps = 0;
        for (size_t b = 0; b < len; b++)
            cps += ((unsigned char)text[b] & 0xC0) != 0x80;
        f->len_prefix[k + 1] = f->len_prefix[k] + cps;
        /* A text seen again within a few sentences is a repeated headline
         * or page furniture. Repeats far apart (refrains, a text pasted
         * twice) are left alone. A short text seen again ("N/A", "1.") is
         * too common to say so: it is marked REPEAT_SHORT, which only
         * excuses a repeat it is paired with ("N/A" / "Nicht verfügbar"
         * in a table). */
        if (len < 1000) {
            size_t *slot = seen_find(&seen, doc, begin, text, len);
            if (*slot && k - (*slot - 1) <= REPEAT_WINDOW)
                f->repeat[k] = len >= 8 ? REPEAT_LONG : REPEAT_SHORT;
            *slot = k + 1;
        }
        f->para_start[k] = k == 0 || bead_doc_para(doc, begin + k) != bead_doc_para(doc, begin + k - 1);
        nparas += f->para_start[k];
        kb.n = 0;
        sentence_keys(&kb, text, len, lang, tr);
        if (kb.failed || append_keys(f, kb.ids, sort_unique(kb.ids, kb.n))) {
            features_build_cleanup(&kb, &seen);
            bd_features_free(f);
            bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            return -1;
        }
        f->key_off[k + 1] = f->nkeys;
    }
    features_build_cleanup(&kb, &seen);
    /* The features live through every round and both passes: give back
     * what the doubling left unused. */
    if (f->nkeys && f->nkeys < f->keys_cap) {
        uint32_t *k = realloc(f->keys, f->nkeys * sizeof *k);
        if (k) {
            f->keys = k;
            f->keys_cap = f->nkeys;
        }
    }
    /* When every sentence is a paragraph of its own (presegmented input),
     * paragraphs say nothing. */
    f->paragraphs_informative = n >= 2 && nparas < n;
    return 0;
}

int bd_features_coarsen(sent_features *out, const sent_features *in, size_t factor)
{
    size_t n = (in->n + factor - 1) / factor;
    if (alloc_features(out, n))
        goto fail;
    uint32_t *tmp = NULL;
    size_t tmpcap = 0;
    for (size_t b = 0; b < n; b++) {
        size_t s = b * factor, e = s + factor < in->n ? s + factor : in->n;
        out->len_prefix[b + 1] = in->len_prefix[e];
        out->para_start[b] = in->para_start[s];
        size_t cnt = in->key_off[e] - in->key_off[s];
        if (cnt > tmpcap) {
            uint32_t *t = realloc(tmp, cnt * sizeof *t);
            if (!t) {
                free(tmp);
                goto fail;
            }
            tmp = t;
            tmpcap = cnt;
        }
        if (cnt)
            memcpy(tmp, in->keys + in->key_off[s], cnt * sizeof *tmp);
        if (append_keys(out, tmp, sort_unique(tmp, cnt))) {
            free(tmp);
            goto fail;
        }
        out->key_off[b + 1] = out->nkeys;
    }
    free(tmp);
    out->paragraphs_informative = 0;
    return 0;
fail:
    bd_features_free(out);
    return -1;
}

void bd_features_free(sent_features *f)
{
    if (!f)
        return;
    free(f->len_prefix);
    free(f->para_start);
    free(f->key_off);
    free(f->keys);
    free(f->repeat);
    free(f->glue);
    memset(f, 0, sizeof *f);
}
