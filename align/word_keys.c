/* word_keys.c: a per-call cache from the words of a document, as written,
 * to their lexicon keys. Keying a word means ICU normalisation, case
 * folding and a suffix table; a document of 100,000 sentences has some two
 * million words but only tens of thousands of distinct ones, so each is
 * keyed once and later sightings cost one hash probe. The cache belongs to
 * its caller alone (the lexicon it serves may be shared by threads). */
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

void lex_word_cache_init(lex_word_cache *c, const char *lang)
{
    memset(c, 0, sizeof *c);
    lex_keyer_init(&c->keyer, lang);
}

void lex_word_cache_free(lex_word_cache *c)
{
    lex_strings_free(&c->words);
    lex_strings_free(&c->keys);
    free(c->word_key);
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

/* The key id of a word not seen before; 0 when it has no key, -1 (as
 * UINT32_MAX) when out of memory. */
static uint32_t key_new_word(lex_word_cache *c, const char *word, size_t len)
{
    char key[LEX_KEY_MAX];
    size_t n = lex_keyer_key(&c->keyer, word, len, key, sizeof key);
    if (n == 0)
        return 0;
    uint32_t id = lex_strings_intern(&c->keys, key, n);
    return id ? id : UINT32_MAX;
}

int lex_word_cache_keys(lex_word_cache *c, const char *text, size_t len, lex_ids *out)
{
    size_t pos = 0, start, wlen;
    while (lex_next_word(text, len, &pos, &start, &wlen)) {
        const char *word = text + start;
        uint32_t key;
        if (wlen >= LEX_KEY_MAX * 2) {
            key = 0;   /* never a key: not worth remembering */
        } else {
            uint32_t seen = c->words.n;
            uint32_t w = lex_strings_intern(&c->words, word, wlen);
            if (!w)
                return -1;
            if (w > seen) {
                if (w >= c->word_key_cap) {
                    size_t ncap = c->word_key_cap ? c->word_key_cap * 2 : 4096;
                    while (ncap <= w)
                        ncap *= 2;
                    uint32_t *wk = realloc(c->word_key, ncap * sizeof *wk);
                    if (!wk)
                        return -1;
                    c->word_key = wk;
                    c->word_key_cap = ncap;
                }
                c->word_key[w] = key_new_word(c, word, wlen);
            }
            key = c->word_key[w];
        }
        if (key == UINT32_MAX)
            return -1;
        if (key && lex_ids_push(out, key) != 0)
            return -1;
    }
    return 0;
}
