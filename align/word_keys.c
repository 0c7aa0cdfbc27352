/* word_keys.c: a per-call cache from the words of a document, as written,
 * to their lexicon keys. Keying a word means ICU normalisation, case
 * folding and a suffix table; a document of 100,000 sentences has some two
 * million words but only tens of thousands of distinct ones, so each is
 * keyed once and later sightings cost one hash probe. The cache belongs to
 * its caller alone (the lexicon it serves may be shared by threads). */
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

/* A word as written: where its bytes are in the arena, and its key id
 * (0 = the word has no key). len 0 marks an empty slot. */
struct lex_word_slot {
    uint32_t tag;            /* the hash's high half */
    uint32_t off, len;
    uint32_t key;
};

/* Words are short: hashed eight bytes at a time. */
static uint64_t hash_word(const char *s, size_t len)
{
    const uint64_t mul = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)len * mul;
    for (; len >= 8; s += 8, len -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * mul;
        h ^= h >> 32;
    }
    if (len) {
        uint64_t w = 0;
        memcpy(&w, s, len);
        h = (h ^ w) * mul;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

void lex_word_cache_init(lex_word_cache *c, const char *lang)
{
    memset(c, 0, sizeof *c);
    lex_keyer_init(&c->keyer, lang);
}

void lex_word_cache_free(lex_word_cache *c)
{
    free(c->arena);
    free(c->slots);
    lex_strings_free(&c->keys);
    memset(c, 0, sizeof *c);
}

int lex_ids_push(lex_ids *ids, uint32_t id)
{
    if (ids->n == ids->cap) {
        size_t ncap = ids->cap ? ids->cap * 2 : 1024;
        uint32_t *v = realloc(ids->v, ncap * sizeof *v);
        if (!v)
            return -1;
        ids->v = v;
        ids->cap = ncap;
    }
    ids->v[ids->n++] = id;
    return 0;
}

const char *lex_word_cache_key(const lex_word_cache *c, uint32_t key_id, size_t *len)
{
    const lex_strings *s = &c->keys;
    size_t end = key_id < s->n ? s->off[key_id + 1] : s->len;
    *len = end - s->off[key_id] - 1;
    return s->arena + s->off[key_id];
}

/* The key id of a word (0 when it has no key); -1 when out of memory. */
static int64_t key_of(lex_word_cache *c, const char *word, size_t len)
{
    char key[LEX_KEY_MAX];
    size_t n = lex_keyer_key(&c->keyer, word, len, key, sizeof key);
    if (n == 0)
        return 0;
    uint32_t id = lex_strings_intern(&c->keys, key, n);
    return id ? (int64_t)id : -1;
}

static int slots_grow(lex_word_cache *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 4096, mask = n - 1;
    lex_word_slot *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < c->nslots; i++) {
        lex_word_slot *w = &c->slots[i];
        if (!w->len)
            continue;
        size_t j = hash_word(c->arena + w->off, w->len) & mask;
        while (slots[j].len)
            j = (j + 1) & mask;
        slots[j] = *w;
    }
    free(c->slots);
    c->slots = slots;
    c->nslots = n;
    return 0;
}

/* The key id of a word, from the cache or keyed and remembered. */
static int64_t lookup(lex_word_cache *c, const char *word, size_t len)
{
    if (len >= LEX_KEY_MAX * 2)
        return 0;   /* never a key: not worth remembering */
    if ((c->nwords + 1) * 4 > c->nslots * 3 && slots_grow(c) != 0)
        return -1;
    uint64_t h = hash_word(word, len);
    uint32_t tag = (uint32_t)(h >> 32);
    size_t mask = c->nslots - 1, i = h & mask;
    for (; c->slots[i].len; i = (i + 1) & mask) {
        const lex_word_slot *w = &c->slots[i];
        if (w->tag == tag && w->len == len && memcmp(c->arena + w->off, word, len) == 0)
            return w->key;
    }
    int64_t key = key_of(c, word, len);
    if (key < 0 || c->arena_len + len > UINT32_MAX)
        return key;   /* the arena is full: keyed, not remembered */
    if (c->arena_len + len > c->arena_cap) {
        size_t ncap = c->arena_cap ? c->arena_cap * 2 : 65536;
        while (ncap < c->arena_len + len)
            ncap *= 2;
        char *arena = realloc(c->arena, ncap);
        if (!arena)
            return -1;
        c->arena = arena;
        c->arena_cap = ncap;
    }
    memcpy(c->arena + c->arena_len, word, len);
    c->slots[i] = (lex_word_slot){tag, (uint32_t)c->arena_len, (uint32_t)len, (uint32_t)key};
    c->arena_len += len;
    c->nwords++;
    return key;
}

int lex_word_cache_keys(lex_word_cache *c, const char *text, size_t len, lex_ids *out)
{
    size_t pos = 0, start, wlen;
    while (lex_next_word(text, len, &pos, &start, &wlen)) {
        int64_t key = lookup(c, text + start, wlen);
        if (key < 0)
            return -1;
        if (key && lex_ids_push(out, (uint32_t)key) != 0)
            return -1;
    }
    return 0;
}
