/* The per-call word-key cache (align/word_keys.c) gives, sentence after
 * sentence, exactly the keys bd_lex_each_key gives, in the same order, on
 * text made to be awkward: every separator the splitter knows (NBSP, the
 * U+2000 spaces, ideographic space, slashes), invalid UTF-8, over-long
 * words, punctuation, case and stemming in several languages; and its key
 * ids are dense and in order of first sight. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/lexicon/lexicon_internal.h"

#include "check.h"

static uint64_t rng = 88172645463325252ull;
static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

static const char *const pieces[] = {
    " ", " ", " ", "/", "\t", "\n", "\xc2\xa0", "\xe2\x80\x89", "\xe2\x80\xaf", "\xe3\x80\x80",
    "\xe2\x80\x8b", "house", "Houses", "HOUSE", "houses,", "(house)", "l'homme", "qu'il",
    "Häuser", "Straße", "ließ", "\xd0\xba\xd1\x8a\xd1\x89\xd0\xb0\xd1\x82\xd0\xb0",
    "\xd0\x9a\xd1\x8a\xd1\x89\xd0\xb0", "обя́ва", "İstanbul", "ıi", "2022", "1,7", "--", "'s",
    "dog's", "\xff", "\xc2", "\xe2\x80", "\xe3", "meninggalkan", "a", "é", "e\xcc\x81",
    "don\xe2\x80\x99t", "x"};
#define NPIECES (sizeof pieces / sizeof pieces[0])

typedef struct keys {
    char text[64][LEX_KEY_MAX];
    size_t len[64];
    size_t n, total;
} keys;

static void collect(void *ctx, const char *key, size_t len)
{
    keys *k = ctx;
    if (k->n < 64) {
        memcpy(k->text[k->n], key, len + 1);
        k->len[k->n++] = len;
    }
    k->total++;
}

int main(void)
{
    static const char *const langs[] = {"en", "de", "bg", "fr", "id", "tr", "xx", NULL};
    for (size_t l = 0; langs[l]; l++) {
        lex_word_cache c;
        bd_lex_word_cache_init(&c, langs[l]);
        lex_ids ids = {NULL, 0, 0};
        uint32_t max_id = 0;
        for (int round = 0; round < 3000; round++) {
            char text[1200];
            size_t len = 0;
            int npieces = (int)(next_rand() % 24);
            for (int p = 0; p < npieces; p++) {
                const char *piece = pieces[next_rand() % NPIECES];
                size_t pl = strlen(piece);
                memcpy(text + len, piece, pl);
                len += pl;
            }
            if (round % 500 == 7) {   /* a word too long to be one */
                memset(text + len, 'k', 300);
                len += 300;
            }
            keys want;
            want.n = want.total = 0;
            bd_lex_each_key(langs[l], text, len, collect, &want);
            ids.n = 0;
            CHECK(bd_lex_word_cache_keys(&c, text, len, &ids) == 0, "out of memory");
            CHECK(ids.n == want.total, "%s: %zu keys, not %zu", langs[l], ids.n, want.total);
            for (size_t k = 0; k < ids.n && k < want.n; k++) {
                size_t kl;
                const char *key = bd_lex_word_cache_key(&c, ids.v[k], &kl);
                CHECK(kl == want.len[k] && memcmp(key, want.text[k], kl) == 0 && key[kl] == '\0',
                      "%s: key %zu is '%s', not '%s'", langs[l], k, key, want.text[k]);
                CHECK(ids.v[k] >= 1 && ids.v[k] <= max_id + 1, "%s: id %u after %u", langs[l],
                      ids.v[k], max_id);
                if (ids.v[k] > max_id)
                    max_id = ids.v[k];
            }
        }
        CHECK(max_id == c.keys.n && max_id > 5, "%s: %u ids for %u keys", langs[l], max_id,
              c.keys.n);
        free(ids.v);
        bd_lex_word_cache_free(&c);
    }
    return failures != 0;
}
