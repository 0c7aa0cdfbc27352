/* word_keys.c: a per-call cache from the words of a document, as written,
 * to their lexicon keys. Keying a word means ICU normalisation, case
 * folding and a suffix table; a document of 100,000 sentences has some two
 * million words but only tens of thousands of distinct ones, so each is
 * keyed once and later sightings cost one hash probe. The cache belongs to
 * its caller alone (the lexicon it serves may be shared by threads). */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"

void bd_lex_word_cache_init(lex_word_cache *c, const char *lang)
{
    memset(c, 0, sizeof *c);
    bd_lex_keyer_init(&c->keyer, lang);
}

void bd_lex_word_cache_free(lex_word_cache *c)
{
    bd_lex_strings_free(&c->words);
    free(c->key_of);
    bd_lex_strings_free(&c->keys);
    memset(c, 0, sizeof *c);
}

int bd_lex_ids_push(lex_ids *ids, uint32_t id)
{
    if (array_grow((void **)&ids->v, &ids->cap, ids->n + 1, sizeof *ids->v, 1024))
        return -1;
    ids->v[ids->n++] = id;
    return 0;
}

const char *bd_lex_word_cache_key(const lex_word_cache *c, uint32_t key_id, size_t *len)
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
    size_t n = bd_lex_keyer_key(&c->keyer, word, len, key, sizeof key);
    if (n == 0)
        return 0;
    uint32_t id = bd_lex_strings_intern(&c->keys, key, n);
    return id ? (int64_t)id : -1;
}

/* The key id of a word, from the cache or keyed and remembered. */
static int64_t lookup(lex_word_cache *c, const char *word, size_t len)
{
    if (len >= LEX_KEY_MAX * 2)
        return 0;   /* never a key: not worth remembering */
    uint32_t w = bd_lex_strings_find(&c->words, word, len);
    if (w)
        return c->key_of[w];
    int64_t key = key_of(c, word, len);
    if (key < 0)
        return key;
    w = bd_lex_strings_intern(&c->words, word, len);
    if (!w)
        return -1;
    if (array_grow((void **)&c->key_of, &c->key_of_cap, (size_t)w + 1, sizeof *c->key_of, 4096))
        return -1;
    c->key_of[w] = (uint32_t)key;
    return key;
}

int bd_lex_word_cache_keys(lex_word_cache *c, const char *text, size_t len, lex_ids *out)
{
    size_t pos = 0, start, wlen;
    while (bd_lex_next_word(text, len, &pos, &start, &wlen)) {
        int64_t key = lookup(c, text + start, wlen);
        if (key < 0)
            return -1;
        if (key && bd_lex_ids_push(out, (uint32_t)key) != 0)
            return -1;
    }
    return 0;
}
