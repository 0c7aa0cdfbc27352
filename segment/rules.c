/* Per-language exception data: loading segment/data/common.txt and
 * segment/data/<lang>.txt (their header comments give the format) into
 * case-folded word sets, and looking words up in them. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "core/grow.h"
#include "seg_data.h"
#include "seg_internal.h"

#define MAX_WORD 64   /* UTF-16 units; longer tokens are never listed */

static const char *const section_names[SEG_NLISTS] = {
    [SEG_TITLE] = "title", [SEG_ABBREV] = "abbrev", [SEG_STARTER] = "starter",
    [SEG_MONTH] = "month", [SEG_WORD] = "plain", [SEG_NUMBER] = "number",
};

const seg_data_file *bd_seg_data_find(const char *name)
{
    for (const seg_data_file *f = bd_seg_data_files; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* The full case folding of the BMP character c as one unit, or 0 when it
 * folds to more than one (or cannot be told). */
static UChar fold_one(seg_fold_cache *cache, UChar c)
{
    UChar *b = cache->block[c >> 8];
    if (!b) {
        b = malloc(256 * sizeof *b);
        if (!b)
            return 0;
        for (unsigned k = 0; k < 256; k++) {
            UChar in = (UChar)((c & 0xFF00) | k), out[4];
            UErrorCode st = U_ZERO_ERROR;
            int32_t n = U16_IS_SURROGATE(in) ? 0 :
                        u_strFoldCase(out, 4, &in, 1, U_FOLD_CASE_DEFAULT, &st);
            b[k] = U_SUCCESS(st) && n == 1 ? out[0] : 0;
        }
        cache->block[c >> 8] = b;
    }
    return b[c & 0xFF];
}

/* Case-folds UTF-16 text (full default folding, as u_strFoldCase) into out,
 * which holds MAX_WORD * 2 units; returns the folded length, or -1 when the
 * text is too long or not well-formed UTF-16. Folding goes character by
 * character, so ASCII is folded inline and other BMP characters through the
 * cache; text with any other character goes to u_strFoldCase whole. */
static int32_t fold_word(seg_fold_cache *cache, const UChar *s, int32_t len, UChar *out)
{
    if (len > MAX_WORD)
        return -1;
    int simple = 1;
    for (int32_t i = 0; i < len; i++) {
        UChar c = s[i];
        if (c < 0x80) {
            out[i] = c >= 'A' && c <= 'Z' ? (UChar)(c + 32) : c;
        } else if (!cache || !(out[i] = fold_one(cache, c))) {
            simple = 0;
            break;
        }
    }
    if (simple)
        return len;
    UErrorCode st = U_ZERO_ERROR;
    int32_t fl = u_strFoldCase(out, MAX_WORD * 2, s, len, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st) || fl > MAX_WORD * 2)
        return -1;
    /* A lone surrogate has no UTF-8 form: such a token is never listed. */
    for (int32_t i = 0; i < fl; i++) {
        if (U16_IS_LEAD(out[i]) && i + 1 < fl && U16_IS_TRAIL(out[i + 1]))
            i++;
        else if (U16_IS_SURROGATE(out[i]))
            return -1;
    }
    return fl;
}

static uint32_t hash_word(const UChar *s, int32_t len)
{
    uint32_t h = 2166136261u;   /* FNV-1a over the units */
    for (int32_t i = 0; i < len; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

static uint64_t len_bit(int32_t len)
{
    return (uint64_t)1 << (len < 63 ? len : 63);
}

/* exact: the word is kept as written (an "=" entry), not case-folded. */
static int add_word(seg_wordset *set, seg_list list, const char *s, size_t len, int exact)
{
    UChar u[MAX_WORD];
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, MAX_WORD, &ulen, s, (int32_t)len, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        return 1;   /* too long or malformed: such a word never matches */
    UChar key[MAX_WORD * 2];
    int32_t klen = exact ? ulen : fold_word(NULL, u, ulen, key);
    if (klen < 0)
        return 1;
    if (exact)
        memcpy(key, u, (size_t)ulen * sizeof *u);
    if (array_grow((void **)&set->chars, &set->chars_cap, set->nchars + (size_t)klen,
                   sizeof *set->chars, 1024) ||
        array_grow((void **)&set->w, &set->cap, set->n + 1, sizeof *set->w, 64))
        return 0;
    memcpy(set->chars + set->nchars, key, (size_t)klen * sizeof *key);
    set->w[set->n].off = (uint32_t)set->nchars;
    set->w[set->n].len = (uint32_t)klen;
    set->w[set->n].lists = 1u << list;
    set->nchars += (size_t)klen;
    set->n++;
    set->lens |= len_bit(klen);
    return 1;
}

/* Builds the hash table once every word is in (at most half full); a word
 * listed more than once keeps one entry with all its lists. */
static int index_words(seg_wordset *set)
{
    size_t slots = 16;
    while (slots < set->n * 2)
        slots *= 2;
    set->slot = calloc(slots, sizeof *set->slot);
    if (!set->slot)
        return 0;
    set->mask = slots - 1;
    for (size_t i = 0; i < set->n; i++) {
        const seg_word *w = &set->w[i];
        const UChar *k = set->chars + w->off;
        size_t h = hash_word(k, (int32_t)w->len) & set->mask;
        for (; set->slot[h]; h = (h + 1) & set->mask) {
            seg_word *o = &set->w[set->slot[h] - 1];
            if (o->len == w->len && memcmp(set->chars + o->off, k, w->len * sizeof *k) == 0)
                break;
        }
        if (set->slot[h])
            set->w[set->slot[h] - 1].lists |= w->lists;
        else
            set->slot[h] = (uint32_t)i + 1;
    }
    return 1;
}

static int set_option(seg_rules *r, const char *a, size_t len)
{
    if (len == 13 && memcmp(a, "colon-capital", len) == 0)
        r->colon_capital = 1;
    else if (len == 11 && memcmp(a, "ordinal-dot", len) == 0)
        r->ordinal_dot = 1;
    else if (len == 14 && memcmp(a, "no-lower-start", len) == 0)
        r->lower_start = 0;
    else
        return 0;
    return 1;
}

static bead_status load_file(seg_rules *r, const seg_data_file *f, bead_error *err)
{
    const char *p = f->data, *end = f->data + f->len;
    int section = -2;   /* -2: none yet, -1: [options] */
    unsigned line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *a = p, *b = le;
        line++;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        const char *hash = a < b ? memchr(a, '#', (size_t)(b - a)) : NULL;
        if (hash && (hash == a || hash[-1] == ' ' || hash[-1] == '\t'))
            b = hash;   /* a comment; "#" inside a word is kept */
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (a < b) {
            if (*a == '[' && b[-1] == ']') {
                section = -3;
                if ((size_t)(b - a) == 9 && memcmp(a, "[options]", 9) == 0)
                    section = -1;
                for (int i = 0; i < SEG_NLISTS; i++)
                    if ((size_t)(b - a - 2) == strlen(section_names[i]) &&
                        memcmp(a + 1, section_names[i], (size_t)(b - a - 2)) == 0)
                        section = i;
                if (section == -3)
                    return bead_error_set(err, BEAD_ERR_FORMAT, -1, line,
                                          "segment/data/%s: unknown section %.*s", f->name,
                                          (int)(b - a), a);
            } else if (section == -1) {
                if (!set_option(r, a, (size_t)(b - a)))
                    return bead_error_set(err, BEAD_ERR_FORMAT, -1, line,
                                          "segment/data/%s: unknown option %.*s", f->name,
                                          (int)(b - a), a);
            } else if (section >= 0) {
                int exact = *a == '=' && b - a > 1;
                if (!add_word(exact ? &r->exact : &r->words, (seg_list)section, a + exact,
                              (size_t)(b - a - exact), exact))
                    return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            }
        }
        p = nl ? nl + 1 : end;
    }
    return BEAD_OK;
}

bead_status bd_seg_rules_create(seg_rules **out, const char *lang, bead_error *err)
{
    *out = NULL;
    seg_rules *r = calloc(1, sizeof *r);
    if (!r)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    r->lower_start = 1;
    r->fold = calloc(1, sizeof *r->fold);
    if (!r->fold) {
        free(r);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    char name[32];
    const char *files[] = {"common.txt", name};
    snprintf(name, sizeof name, "%s.txt", lang);
    for (size_t i = 0; i < 2; i++) {
        const seg_data_file *f = bd_seg_data_find(files[i]);
        if (!f)
            continue;
        bead_status s = load_file(r, f, err);
        if (s != BEAD_OK) {
            bd_seg_rules_free(r);
            return s;
        }
    }
    if (!index_words(&r->words) || !index_words(&r->exact)) {
        bd_seg_rules_free(r);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    *out = r;
    return BEAD_OK;
}

void bd_seg_rules_free(seg_rules *r)
{
    if (!r)
        return;
    if (r->fold)
        for (int i = 0; i < 256; i++)
            free(r->fold->block[i]);
    free(r->fold);
    free(r->words.chars);
    free(r->words.w);
    free(r->words.slot);
    free(r->exact.chars);
    free(r->exact.w);
    free(r->exact.slot);
    free(r);
}

static unsigned set_find(const seg_wordset *set, const UChar *key, int32_t klen)
{
    if (set->n == 0 || !(set->lens & len_bit(klen)))
        return 0;
    for (size_t h = hash_word(key, klen) & set->mask; set->slot[h]; h = (h + 1) & set->mask) {
        const seg_word *w = &set->w[set->slot[h] - 1];
        if (w->len == (uint32_t)klen &&
            memcmp(set->chars + w->off, key, (size_t)klen * sizeof *key) == 0)
            return w->lists;
    }
    return 0;
}

unsigned bd_seg_rules_find(const seg_rules *r, const UChar *text, int32_t len)
{
    if (len <= 0 || len > MAX_WORD || (r->words.n == 0 && r->exact.n == 0))
        return 0;
    /* Entries written "=Sun." match only as written: "sun." is a word. */
    unsigned lists = set_find(&r->exact, text, len);
    if (r->words.n == 0)
        return lists;
    UChar key[MAX_WORD * 2];
    int32_t klen = fold_word(r->fold, text, len, key);
    return klen < 0 ? lists : lists | set_find(&r->words, key, klen);
}
