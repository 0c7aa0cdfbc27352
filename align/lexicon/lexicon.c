/* lexicon.c: the in-memory lexicon: source and target keys interned to ids,
 * and a set of id pairs. Lookups hash two strings and one pair and never
 * allocate, so a finished lexicon can be shared read-only by threads. */
#include <stdlib.h>
#include <string.h>

#include "core/fnv.h"
#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"


/* ------------------------------------------------------------- hashing */

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = bd_fnv1a(BD_FNV_OFFSET, s, len);
    h ^= h >> 32;                           /* spread into the low (index) bits */
    h *= 0x9e3779b97f4a7c15ull;
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

void bd_lex_strings_free(lex_strings *s)
{
    free(s->arena);
    free(s->off);
    free(s->slots);
    memset(s, 0, sizeof *s);
}

const char *bd_lex_strings_get(const lex_strings *s, uint32_t id)
{
    return id && id <= s->n ? s->arena + s->off[id] : NULL;
}

/* A slot holds the id in its low half and the hash's high half as a tag,
 * so that a probe rarely has to visit the arena. */
static uint64_t slot_of(uint32_t id, uint64_t h) { return (h & 0xFFFFFFFF00000000ull) | id; }

uint32_t bd_lex_strings_find(const lex_strings *s, const char *str, size_t len)
{
    if (!s->slots)
        return 0;
    uint64_t h = hash_bytes(str, len), tag = h & 0xFFFFFFFF00000000ull;
    /* The bounds are for a mapped table (lexicon_compiled.c), which is not
     * checked slot by slot: a full table or an id out of range is a miss. */
    size_t i = h & s->mask;
    for (size_t left = s->mask + 1; left; left--, i = (i + 1) & s->mask) {
        uint64_t slot = s->slots[i];
        if (!slot)
            return 0;
        if ((slot & 0xFFFFFFFF00000000ull) != tag)
            continue;
        uint32_t id = (uint32_t)slot;
        if (id - 1u >= s->n)   /* 0 wraps round */
            return 0;
        const char *k = s->arena + s->off[id];
        if (memcmp(k, str, len) == 0 && k[len] == '\0')
            return id;
    }
    return 0;
}

static int strings_grow_slots(lex_strings *s)
{
    size_t nslots = s->slots ? (s->mask + 1) * 2 : 1024;
    uint64_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    size_t mask = nslots - 1;
    for (uint32_t id = 1; id <= s->n; id++) {
        const char *k = s->arena + s->off[id];
        uint64_t h = hash_bytes(k, strlen(k));
        size_t i = h & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = slot_of(id, h);
    }
    free(s->slots);
    s->slots = slots;
    s->mask = mask;
    return 0;
}

uint32_t bd_lex_strings_intern(lex_strings *s, const char *str, size_t len)
{
    uint32_t id = bd_lex_strings_find(s, str, len);
    if (id)
        return id;
    if (s->n >= UINT32_MAX - 1 || s->len + len + 1 > UINT32_MAX)
        return 0;
    if (!s->slots || (size_t)(s->n + 1) * 2 > s->mask + 1)
        if (strings_grow_slots(s) != 0)
            return 0;
    if (array_grow((void **)&s->off, &s->ids_cap, (size_t)s->n + 2, sizeof *s->off, 1024) ||
        array_grow((void **)&s->arena, &s->cap, s->len + len + 1, 1, 16384))
        return 0;
    id = ++s->n;
    s->off[id] = (uint32_t)s->len;
    memcpy(s->arena + s->len, str, len);
    s->arena[s->len + len] = '\0';
    s->len += len + 1;
    uint64_t h = hash_bytes(str, len);
    size_t i = h & s->mask;
    while (s->slots[i])
        i = (i + 1) & s->mask;
    s->slots[i] = slot_of(id, h);
    return id;
}

/* ------------------------------------------------------------ pair sets */

void bd_lex_pairs_free(lex_pairs *p)
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

int bd_lex_pairs_add(lex_pairs *p, uint32_t a, uint32_t b, int counting)
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

int bd_lex_pairs_has(const lex_pairs *p, uint32_t a, uint32_t b)
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
    if (lex->row_start) {
        bd_lex_unmap(lex);
        free(lex);
        return;
    }
    bd_lex_strings_free(&lex->src);
    bd_lex_strings_free(&lex->trg);
    bd_lex_pairs_free(&lex->pairs);
    free(lex->src_has);
    free(lex);
}

/* Marks src id as having a translation (bead_lexicon_has_source). */
static int mark_source(bead_lexicon *lex, uint32_t s)
{
    size_t old = lex->src_has_cap;
    if (array_grow((void **)&lex->src_has, &lex->src_has_cap, (size_t)s + 1, 1, 4096))
        return -1;
    memset(lex->src_has + old, 0, lex->src_has_cap - old);
    lex->src_has[s] = 1;
    return 0;
}

static int add_ids(bead_lexicon *lex, uint32_t s, uint32_t t)
{
    int r = bd_lex_pairs_add(&lex->pairs, s, t, 0);
    if (r > 0 && mark_source(lex, s) != 0)
        return -1;
    return r;
}

int bd_lex_add_keys(bead_lexicon *lex, const char *skey, size_t slen, const char *tkey, size_t tlen)
{
    if (bd_lex_thaw(lex) != 0)
        return -1;
    uint32_t s = bd_lex_strings_intern(&lex->src, skey, slen);
    uint32_t t = s ? bd_lex_strings_intern(&lex->trg, tkey, tlen) : 0;
    if (!t)
        return -1;
    return add_ids(lex, s, t);
}

/* Dictionary items are words or phrases ("vor sich gehen", "house music").
 * A phrase of up to LEX_PHRASE_MAX words pairs each of its content words
 * with the other side's content words, where a content word is written with
 * 4 or more characters (this drops articles, "to", "zu"; "sich" is the price);
 * the lone word of a one-word side always counts. Longer items are glosses
 * or definitions, not translations, and are skipped. The phrase itself is
 * not kept: the aligner looks words up one at a time. Measured on the dev
 * sets (bench/reports/lexicon.md), two-word items add coverage at little
 * cost; three-word items mostly add false links (Ding's "etw. tun"). */
typedef struct phrase_keys {
    char key[LEX_PHRASE_MAX + 1][LEX_KEY_MAX];
    size_t len[LEX_PHRASE_MAX + 1];
    size_t chars[LEX_PHRASE_MAX + 1];   /* of the word as written */
    size_t n;
} phrase_keys;

static void collect_key(void *ctx, const char *key, size_t len, size_t wordchars)
{
    phrase_keys *pk = ctx;
    if (pk->n <= LEX_PHRASE_MAX && len < LEX_KEY_MAX) {
        memcpy(pk->key[pk->n], key, len + 1);
        pk->len[pk->n] = len;
        pk->chars[pk->n] = wordchars;
    }
    pk->n++;
}

/* Words of a phrase, counted cheaply before any key is made. */
static size_t count_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int sep = s[i] == ' ' || s[i] == '\t' || s[i] == '/';
        n += !sep && !in;
        in = !sep;
    }
    return n;
}

int bd_lex_phrase_make(bead_lexicon *lex, int side, const char *text, size_t len, lex_phrase *out)
{
    out->n = 0;
    if (bd_lex_thaw(lex) != 0)
        return -1;
    if (count_words(text, len) > LEX_PHRASE_MAX)
        return 0;
    phrase_keys pk;
    pk.n = 0;
    bd_lex_each_word(side ? lex->trg_lang : lex->src_lang, text, len, collect_key, &pk);
    if (pk.n > LEX_PHRASE_MAX)
        return 0;
    lex_strings *tab = side ? &lex->trg : &lex->src;
    for (size_t i = 0; i < pk.n; i++) {
        if (pk.n > 1 && pk.chars[i] < 4)
            continue;
        uint32_t id = bd_lex_strings_intern(tab, pk.key[i], pk.len[i]);
        if (!id)
            return -1;
        out->id[out->n++] = id;
    }
    return 0;
}

long bd_lex_phrase_pair(bead_lexicon *lex, const lex_phrase *s, const lex_phrase *t)
{
    long added = 0;
    if (bd_lex_thaw(lex) != 0)
        return -1;
    for (size_t i = 0; i < s->n; i++)
        for (size_t j = 0; j < t->n; j++) {
            int r = add_ids(lex, s->id[i], t->id[j]);
            if (r < 0)
                return -1;
            added += r;
        }
    return added;
}

long bd_lex_add_phrases(bead_lexicon *lex, const char *src, size_t slen, const char *trg,
                     size_t tlen)
{
    lex_phrase s, t;
    if (bd_lex_phrase_make(lex, 0, src, slen, &s) != 0 || bd_lex_phrase_make(lex, 1, trg, tlen, &t) != 0)
        return -1;
    return bd_lex_phrase_pair(lex, &s, &t);
}

bead_status bead_lexicon_add(bead_lexicon *lex, const char *src_word, const char *trg_word,
                             bead_error *err)
{
    if (!lex || !src_word || !trg_word)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_lexicon_add: NULL argument");
    if (bd_lex_add_phrases(lex, src_word, strlen(src_word), trg_word, strlen(trg_word)) < 0)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    return BEAD_OK;
}

int bead_lexicon_has(const bead_lexicon *lex, const char *src_key, const char *trg_key)
{
    if (!lex || !src_key || !trg_key)
        return 0;
    uint32_t s = bd_lex_strings_find(&lex->src, src_key, strlen(src_key));
    if (!s)
        return 0;
    uint32_t t = bd_lex_strings_find(&lex->trg, trg_key, strlen(trg_key));
    return bd_lex_has_ids(lex, s, t);
}

int bead_lexicon_has_source(const bead_lexicon *lex, const char *src_key)
{
    if (!lex || !src_key)
        return 0;
    uint32_t s = bd_lex_strings_find(&lex->src, src_key, strlen(src_key));
    if (lex->row_start)
        return s && lex->row_start[s + 1] > lex->row_start[s];
    return s && s < lex->src_has_cap && lex->src_has[s];
}

size_t bead_lexicon_size(const bead_lexicon *lex)
{
    return !lex ? 0 : lex->row_start ? lex->npairs : lex->pairs.n;
}
const char *bead_lexicon_src_lang(const bead_lexicon *lex) { return lex->src_lang; }
const char *bead_lexicon_trg_lang(const bead_lexicon *lex) { return lex->trg_lang; }

int bd_lex_merge(bead_lexicon *to, bead_lexicon *from)
{
    if (bd_lex_thaw(to) != 0 || bd_lex_thaw(from) != 0)
        return -1;
    if (!from->pairs.keys)
        return 0;
    if (to->pairs.n == 0 && to->src.n == 0 && to->trg.n == 0) {
        lex_strings ts = to->src, tt = to->trg;
        lex_pairs tp = to->pairs;
        unsigned char *th = to->src_has;
        size_t thc = to->src_has_cap;
        to->src = from->src, to->trg = from->trg, to->pairs = from->pairs;
        to->src_has = from->src_has, to->src_has_cap = from->src_has_cap;
        from->src = ts, from->trg = tt, from->pairs = tp;
        from->src_has = th, from->src_has_cap = thc;
        return 0;
    }
    for (size_t i = 0; i <= from->pairs.mask; i++) {
        uint64_t k = from->pairs.keys[i];
        if (!k)
            continue;
        const char *s = bd_lex_strings_get(&from->src, (uint32_t)(k >> 32));
        const char *t = bd_lex_strings_get(&from->trg, (uint32_t)k);
        if (bd_lex_add_keys(to, s, strlen(s), t, strlen(t)) < 0)
            return -1;
    }
    return 0;
}

uint32_t bd_lex_src_id(const bead_lexicon *lex, const char *key, size_t len)
{
    return lex && key ? bd_lex_strings_find(&lex->src, key, len) : 0;
}

const char *bd_lex_key(const bead_lexicon *lex, int side, uint32_t id)
{
    const lex_strings *s = side ? &lex->trg : &lex->src;
    return id >= 1 && id <= s->n ? bd_lex_strings_get(s, id) : NULL;
}

uint32_t bd_lex_trg_id(const bead_lexicon *lex, const char *key, size_t len)
{
    return lex && key ? bd_lex_strings_find(&lex->trg, key, len) : 0;
}

/* A row holds a word's translations, sorted by target id: a branch-free
 * binary search (rows of frequent words run to hundreds, and the mining
 * of comparable texts asks for every word pair of a sentence pair). */
static int row_has(const bead_lexicon *lex, uint32_t s, uint32_t t)
{
    if (!s || !t || s > lex->src.n)
        return 0;
    const uint32_t *base = lex->row_trg + lex->row_start[s];
    size_t n = lex->row_start[s + 1] - lex->row_start[s];
    if (n == 0)
        return 0;
    while (n > 1) {
        size_t half = n / 2;
        base = base[half] <= t ? base + half : base;
        n -= half;
    }
    return *base == t;
}

int bd_lex_has_ids(const bead_lexicon *lex, uint32_t src_id, uint32_t trg_id)
{
    if (!lex)
        return 0;
    if (lex->row_start)
        return row_has(lex, src_id, trg_id);
    return bd_lex_pairs_has(&lex->pairs, src_id, trg_id);
}

const lex_pairs *bd_lex_pair_set(const bead_lexicon *lex) { return &lex->pairs; }

int bd_lex_rows(const bead_lexicon *lex, const uint32_t **start, const uint32_t **trg)
{
    *start = lex->row_start;
    *trg = lex->row_trg;
    return lex->row_start != NULL;
}

/* Copies one mapped string table to the heap, with room to grow. */
static int strings_copy(lex_strings *to, const lex_strings *from)
{
    memset(to, 0, sizeof *to);
    size_t nslots = from->mask + 1;
    to->arena = malloc(from->len ? from->len : 1);
    to->off = malloc(((size_t)from->n + 1) * sizeof *to->off);
    to->slots = malloc(nslots * sizeof *to->slots);
    if (!to->arena || !to->off || !to->slots) {
        bd_lex_strings_free(to);
        return -1;
    }
    memcpy(to->arena, from->arena, from->len);
    memcpy(to->off, from->off, ((size_t)from->n + 1) * sizeof *to->off);
    to->len = to->cap = from->len;
    to->n = from->n;
    to->ids_cap = (size_t)from->n + 1;
    to->mask = from->mask;
    /* Hashed again rather than copied: the mapped table was not checked
     * slot by slot, and interning must find an empty slot. The file's
     * header holds more slots than keys. */
    memset(to->slots, 0, nslots * sizeof *to->slots);
    for (uint32_t id = 1; id <= to->n; id++) {
        const char *k = to->arena + to->off[id];
        uint64_t h = hash_bytes(k, strlen(k));
        size_t i = h & to->mask;
        while (to->slots[i])
            i = (i + 1) & to->mask;
        to->slots[i] = slot_of(id, h);
    }
    return 0;
}

int bd_lex_thaw(bead_lexicon *lex)
{
    if (!lex->row_start)
        return 0;
    bead_lexicon heap;
    memset(&heap, 0, sizeof heap);
    memcpy(heap.src_lang, lex->src_lang, sizeof heap.src_lang);
    memcpy(heap.trg_lang, lex->trg_lang, sizeof heap.trg_lang);
    int rc = strings_copy(&heap.src, &lex->src) || strings_copy(&heap.trg, &lex->trg) ? -1 : 0;
    for (uint32_t s = 1; rc == 0 && s <= lex->src.n; s++)
        for (uint32_t e = lex->row_start[s]; rc == 0 && e < lex->row_start[s + 1]; e++)
            if (add_ids(&heap, s, lex->row_trg[e]) < 0)
                rc = -1;
    if (rc != 0) {
        bd_lex_strings_free(&heap.src);
        bd_lex_strings_free(&heap.trg);
        bd_lex_pairs_free(&heap.pairs);
        free(heap.src_has);
        return -1;
    }
    bd_lex_unmap(lex);
    *lex = heap;
    return 0;
}

uint32_t bd_lex_id_count(const bead_lexicon *lex, int side) { return side ? lex->trg.n : lex->src.n; }

const char *bd_lex_key_of(const bead_lexicon *lex, int side, uint32_t id)
{
    return bd_lex_strings_get(side ? &lex->trg : &lex->src, id);
}
