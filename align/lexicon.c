/* lexicon.c: the in-memory lexicon: source and target keys interned to ids,
 * and a set of id pairs. Lookups hash two strings and one pair and never
 * allocate, so a finished lexicon can be shared read-only by threads. */
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

struct bead_lexicon {
    char src_lang[16], trg_lang[16];
    lex_strings src, trg;
    lex_pairs pairs;
};

/* ------------------------------------------------------------- hashing */

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

static uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 30;                           /* splitmix64 finaliser */
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* ------------------------------------------------------ string interning */

void lex_strings_free(lex_strings *s)
{
    free(s->arena);
    free(s->off);
    free(s->slots);
    memset(s, 0, sizeof *s);
}

const char *lex_strings_get(const lex_strings *s, uint32_t id)
{
    return id && id <= s->n ? s->arena + s->off[id] : NULL;
}

uint32_t lex_strings_find(const lex_strings *s, const char *str, size_t len)
{
    if (!s->slots)
        return 0;
    for (size_t i = hash_bytes(str, len) & s->mask;; i = (i + 1) & s->mask) {
        uint32_t id = s->slots[i];
        if (!id)
            return 0;
        const char *k = s->arena + s->off[id];
        if (strncmp(k, str, len) == 0 && k[len] == '\0')
            return id;
    }
}

static int strings_grow_slots(lex_strings *s)
{
    size_t nslots = s->slots ? (s->mask + 1) * 2 : 1024;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    size_t mask = nslots - 1;
    for (uint32_t id = 1; id <= s->n; id++) {
        const char *k = s->arena + s->off[id];
        size_t i = hash_bytes(k, strlen(k)) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = id;
    }
    free(s->slots);
    s->slots = slots;
    s->mask = mask;
    return 0;
}

uint32_t lex_strings_intern(lex_strings *s, const char *str, size_t len)
{
    uint32_t id = lex_strings_find(s, str, len);
    if (id)
        return id;
    if (s->n >= UINT32_MAX - 1)
        return 0;
    if (!s->slots || (size_t)(s->n + 1) * 2 > s->mask + 1)
        if (strings_grow_slots(s) != 0)
            return 0;
    if (s->n + 2 > s->ids_cap) {
        uint32_t ncap = s->ids_cap ? s->ids_cap * 2 : 1024;
        size_t *off = realloc(s->off, ncap * sizeof *off);
        if (!off)
            return 0;
        s->off = off;
        s->ids_cap = ncap;
    }
    if (s->len + len + 1 > s->cap) {
        size_t ncap = s->cap ? s->cap : 16384;
        while (ncap < s->len + len + 1)
            ncap *= 2;
        char *arena = realloc(s->arena, ncap);
        if (!arena)
            return 0;
        s->arena = arena;
        s->cap = ncap;
    }
    id = ++s->n;
    s->off[id] = s->len;
    memcpy(s->arena + s->len, str, len);
    s->arena[s->len + len] = '\0';
    s->len += len + 1;
    size_t i = hash_bytes(str, len) & s->mask;
    while (s->slots[i])
        i = (i + 1) & s->mask;
    s->slots[i] = id;
    return id;
}

/* ------------------------------------------------------------ pair sets */

void lex_pairs_free(lex_pairs *p)
{
    free(p->keys);
    free(p->counts);
    memset(p, 0, sizeof *p);
}

static int pairs_grow(lex_pairs *p, int counting)
{
    size_t nslots = p->keys ? (p->mask + 1) * 2 : 1024;
    uint64_t *keys = calloc(nslots, sizeof *keys);
    uint32_t *counts = counting ? calloc(nslots, sizeof *counts) : NULL;
    if (!keys || (counting && !counts)) {
        free(keys);
        free(counts);
        return -1;
    }
    size_t mask = nslots - 1;
    if (p->keys)
        for (size_t i = 0; i <= p->mask; i++) {
            if (!p->keys[i])
                continue;
            size_t j = hash_u64(p->keys[i]) & mask;
            while (keys[j])
                j = (j + 1) & mask;
            keys[j] = p->keys[i];
            if (counting)
                counts[j] = p->counts[i];
        }
    free(p->keys);
    free(p->counts);
    p->keys = keys;
    p->counts = counts;
    p->mask = mask;
    return 0;
}

int lex_pairs_add(lex_pairs *p, uint32_t a, uint32_t b, int counting)
{
    if (!p->keys || (p->n + 1) * 2 > p->mask + 1)
        if (pairs_grow(p, counting) != 0)
            return -1;
    uint64_t k = (uint64_t)a << 32 | b;
    size_t i = hash_u64(k) & p->mask;
    while (p->keys[i] && p->keys[i] != k)
        i = (i + 1) & p->mask;
    if (counting)
        p->counts[i]++;
    if (p->keys[i])
        return 0;
    p->keys[i] = k;
    p->n++;
    return 1;
}

int lex_pairs_has(const lex_pairs *p, uint32_t a, uint32_t b)
{
    if (!p->keys || !a || !b)
        return 0;
    uint64_t k = (uint64_t)a << 32 | b;
    for (size_t i = hash_u64(k) & p->mask; p->keys[i]; i = (i + 1) & p->mask)
        if (p->keys[i] == k)
            return 1;
    return 0;
}

/* -------------------------------------------------------------- lexicon */

bead_status bead_lexicon_create(bead_lexicon **out, const char *src_lang, const char *trg_lang,
                                bead_error *err)
{
    *out = NULL;
    if (!src_lang || !trg_lang || !*src_lang || !*trg_lang)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "a lexicon needs a source and a target language");
    bead_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    snprintf(lex->src_lang, sizeof lex->src_lang, "%s", src_lang);
    snprintf(lex->trg_lang, sizeof lex->trg_lang, "%s", trg_lang);
    *out = lex;
    return BEAD_OK;
}

void bead_lexicon_free(bead_lexicon *lex)
{
    if (!lex)
        return;
    lex_strings_free(&lex->src);
    lex_strings_free(&lex->trg);
    lex_pairs_free(&lex->pairs);
    free(lex);
}

int lex_add_keys(bead_lexicon *lex, const char *skey, size_t slen, const char *tkey, size_t tlen)
{
    uint32_t s = lex_strings_intern(&lex->src, skey, slen);
    uint32_t t = s ? lex_strings_intern(&lex->trg, tkey, tlen) : 0;
    if (!t)
        return -1;
    return lex_pairs_add(&lex->pairs, s, t, 0);
}

/* Dictionary items are words or phrases ("vor sich gehen", "house music").
 * A phrase of up to PHRASE_MAX words pairs each of its content words with
 * the other side's content words, where a content word keys to 4 or more
 * characters (this drops articles, "to", "zu", "sich" is the price); the
 * lone word of a one-word side always counts. Longer items are glosses or
 * definitions, not translations, and are skipped. The phrase itself is not
 * kept: the aligner looks words up one at a time. */
#define PHRASE_MAX 3

typedef struct phrase_keys {
    char key[PHRASE_MAX + 1][LEX_KEY_MAX];
    size_t len[PHRASE_MAX + 1];
    size_t n;
} phrase_keys;

static void collect_key(void *ctx, const char *key, size_t len)
{
    phrase_keys *pk = ctx;
    if (pk->n <= PHRASE_MAX && len < LEX_KEY_MAX) {
        memcpy(pk->key[pk->n], key, len + 1);
        pk->len[pk->n] = len;
    }
    pk->n++;
}

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static int content_word(const phrase_keys *pk, size_t i)
{
    return pk->n == 1 || utf8_chars(pk->key[i], pk->len[i]) >= 4;
}

long lex_add_phrases(bead_lexicon *lex, const char *src, size_t slen, const char *trg,
                     size_t tlen)
{
    phrase_keys s, t;
    s.n = t.n = 0;
    lex_each_key(lex->src_lang, src, slen, collect_key, &s);
    lex_each_key(lex->trg_lang, trg, tlen, collect_key, &t);
    if (s.n == 0 || t.n == 0 || s.n > PHRASE_MAX || t.n > PHRASE_MAX)
        return 0;
    long added = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (!content_word(&s, i))
            continue;
        for (size_t j = 0; j < t.n; j++) {
            if (!content_word(&t, j))
                continue;
            int r = lex_add_keys(lex, s.key[i], s.len[i], t.key[j], t.len[j]);
            if (r < 0)
                return -1;
            added += r;
        }
    }
    return added;
}

bead_status bead_lexicon_add(bead_lexicon *lex, const char *src_word, const char *trg_word,
                             bead_error *err)
{
    if (!lex || !src_word || !trg_word)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_lexicon_add: NULL argument");
    if (lex_add_phrases(lex, src_word, strlen(src_word), trg_word, strlen(trg_word)) < 0)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    return BEAD_OK;
}

int bead_lexicon_has(const bead_lexicon *lex, const char *src_key, const char *trg_key)
{
    if (!lex || !src_key || !trg_key)
        return 0;
    uint32_t s = lex_strings_find(&lex->src, src_key, strlen(src_key));
    if (!s)
        return 0;
    uint32_t t = lex_strings_find(&lex->trg, trg_key, strlen(trg_key));
    return lex_pairs_has(&lex->pairs, s, t);
}

int bead_lexicon_has_source(const bead_lexicon *lex, const char *src_key)
{
    /* Source keys are interned only together with a pair. */
    return lex && src_key && lex_strings_find(&lex->src, src_key, strlen(src_key)) != 0;
}

size_t bead_lexicon_size(const bead_lexicon *lex) { return lex ? lex->pairs.n : 0; }
const char *bead_lexicon_src_lang(const bead_lexicon *lex) { return lex->src_lang; }
const char *bead_lexicon_trg_lang(const bead_lexicon *lex) { return lex->trg_lang; }
