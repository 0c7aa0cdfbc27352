/* The saved index: a versioned binary file, so that the index of a large
 * collection is built once and queried by many shards.
 *
 *   "BEADMIX\n"  magic (8 bytes)
 *   u32 version (1), 16 bytes pivot language (NUL padded; empty: none),
 *   u64 ndocs, u64 nkeys, u64 ntriples
 *   ndocs x  (u32 length, name bytes, 16 bytes language, NUL padded)
 *   nkeys x  (u32 length, key bytes: kind byte first)
 *   ntriples x (u32 key, u32 doc, u32 tf), by document, keys increasing in each
 *   u64 FNV-1a of every byte before it
 *
 * Integers little-endian. What is stored is what was counted, not the
 * weights: loading weighs again, so weights never disagree with counts. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fnv.h"
#include "core/grow.h"
#include "align/match/match_internal.h"

#define MAGIC "BEADMIX\n"
#define VERSION 1u

typedef struct wbuf {
    unsigned char *p;
    size_t n, cap;
    int failed;
} wbuf;

static void put(wbuf *w, const void *src, size_t len)
{
    if (w->failed || array_grow((void **)&w->p, &w->cap, w->n + len, 1, 1 << 16)) {
        w->failed = 1;
        return;
    }
    memcpy(w->p + w->n, src, len);
    w->n += len;
}

static void put_u32(wbuf *w, uint32_t v)
{
    unsigned char b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(w, b, 4);
}

static void put_u64(wbuf *w, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(w, b, 8);
}


bead_status bead_match_index_save(const bead_match_index *ix, const char *path, bead_error *err)
{
    if (!ix->finished)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the match index must be finished before it is saved");
    wbuf w = {NULL, 0, 0, 0};
    put(&w, MAGIC, 8);
    put_u32(&w, VERSION);
    char pivot[16] = {0};
    memcpy(pivot, ix->pivot, strnlen(ix->pivot, 15));
    put(&w, pivot, 16);
    put_u64(&w, ix->ndocs);
    put_u64(&w, ix->nkeys);
    put_u64(&w, ix->ntrip);
    for (size_t d = 0; d < ix->ndocs; d++) {
        size_t len = strlen(ix->names[d]);
        put_u32(&w, (uint32_t)len);
        put(&w, ix->names[d], len);
        char lang[16] = {0};
        memcpy(lang, ix->langs[d], strnlen(ix->langs[d], 15));
        put(&w, lang, 16);
    }
    for (size_t k = 0; k < ix->nkeys; k++) {
        const char *key = bd_key_table_key(ix->kt, (uint32_t)k);
        size_t len = strlen(key);
        put_u32(&w, (uint32_t)len);
        put(&w, key, len);
    }
    for (size_t t = 0; t < ix->ntrip; t++) {
        put_u32(&w, ix->t_key[t]);
        put_u32(&w, ix->t_doc[t]);
        put_u32(&w, ix->t_tf[t]);
    }
    if (!w.failed)
        put_u64(&w, bd_fnv1a(BD_FNV_OFFSET, w.p, w.n));
    if (w.failed) {
        free(w.p);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(w.p);
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot write the index: %s", path,
                              strerror(errno));
    }
    size_t wrote = fwrite(w.p, 1, w.n, f);
    int bad = wrote != w.n || ferror(f);
    bad |= fclose(f) != 0;
    free(w.p);
    if (bad)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                              "%s: writing the index failed (disk full?)", path);
    return BEAD_OK;
}

typedef struct rbuf {
    const unsigned char *p;
    size_t n, at;
    int bad;
} rbuf;

static const unsigned char *take(rbuf *r, size_t len)
{
    if (r->bad || len > r->n - r->at) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *q = r->p + r->at;
    r->at += len;
    return q;
}

static uint64_t get_u(rbuf *r, int bytes)
{
    const unsigned char *b = take(r, (size_t)bytes);
    uint64_t v = 0;
    for (int i = 0; b && i < bytes; i++)
        v |= (uint64_t)b[i] << (8 * i);
    return v;
}

static bead_status corrupt(bead_error *err, const char *path, size_t at, const char *what)
{
    return bead_error_set(err, BEAD_ERR_FORMAT, (int64_t)at, 0,
                          "%s: not a usable bead match index (%s, at byte %zu); build it again "
                          "with bead match --save-index",
                          path, what, at);
}

static bead_status read_all(const char *path, unsigned char **out, size_t *n, bead_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open the index: %s", path,
                              strerror(errno));
    unsigned char *p = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (array_grow((void **)&p, &cap, len + 65536, 1, 65536)) {
            free(p);
            fclose(f);
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        }
        size_t got = fread(p + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(p);
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot read the index", path);
    }
    *out = p;
    *n = len;
    return BEAD_OK;
}

static bead_status parse(bead_match_index *ix, const char *path, rbuf *r, bead_error *err)
{
    const unsigned char *pivot = take(r, 16);
    if (r->bad || pivot[15] != 0)
        return corrupt(err, path, r->at, "bad pivot language");
    memcpy(ix->pivot, pivot, 16);
    uint64_t ndocs = get_u(r, 8), nkeys = get_u(r, 8), ntrip = get_u(r, 8);
    /* Each record takes at least 4 bytes: counts beyond the file are lies. */
    if (r->bad || ndocs > r->n / 4 || nkeys > r->n / 4 || ntrip > r->n / 12)
        return corrupt(err, path, r->at, "counts do not fit the file");
    for (uint64_t d = 0; d < ndocs; d++) {
        uint32_t len = (uint32_t)get_u(r, 4);
        const unsigned char *name = take(r, len);
        const unsigned char *lang = take(r, 16);
        if (r->bad || lang[15] != 0 || memchr(name, 0, len))
            return corrupt(err, path, r->at, "bad document record");
        if (bd_match_index_grow_docs(ix) || !(ix->names[ix->ndocs] = malloc(len + 1)))
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        memcpy(ix->names[ix->ndocs], name, len);
        ix->names[ix->ndocs][len] = '\0';
        memcpy(ix->langs[ix->ndocs], lang, 16);
        ix->ndocs++;
    }
    for (uint64_t k = 0; k < nkeys; k++) {
        uint32_t len = (uint32_t)get_u(r, 4);
        const unsigned char *key = take(r, len);
        if (r->bad || len == 0 || memchr(key, 0, len))
            return corrupt(err, path, r->at, "bad key record");
        uint32_t id = bd_key_table_intern(ix->kt, (const char *)key, len, (const char *)key, len);
        if (id == UINT32_MAX)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        if (id != k)
            return corrupt(err, path, r->at, "a key is stored twice");
    }
    /* Postings are saved document after document, keys in increasing
     * order within each (as bead_match_index_add makes them): a key twice
     * for one document would count twice in a query and not in the
     * document's norm, and give cosines above 1. */
    uint64_t prev = 0;
    for (uint64_t t = 0; t < ntrip; t++) {
        uint32_t key = (uint32_t)get_u(r, 4), doc = (uint32_t)get_u(r, 4),
                 tf = (uint32_t)get_u(r, 4);
        if (r->bad || key >= nkeys || doc >= ndocs || tf == 0)
            return corrupt(err, path, r->at, "bad posting");
        uint64_t at = ((uint64_t)doc << 32 | key) + 1;
        if (at <= prev)
            return corrupt(err, path, r->at, "postings out of order or repeated");
        prev = at;
        if (bd_match_index_triple(ix, key, doc, tf))
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    if (r->at != r->n)
        return corrupt(err, path, r->at, "bytes after the postings");
    return BEAD_OK;
}

void bd_match_index_seal(unsigned char *p, size_t n)
{
    if (n < 8)
        return;
    uint64_t sum = bd_fnv1a(BD_FNV_OFFSET, p, n - 8);
    for (int i = 0; i < 8; i++)
        p[n - 8 + (size_t)i] = (unsigned char)(sum >> (8 * i));
}

bead_status bd_match_index_parse(bead_match_index **out, const unsigned char *p, size_t n,
                                 const char *path, bead_error *err)
{
    *out = NULL;
    if (n < 8 + 4 + 16 + 24 + 8 || memcmp(p, MAGIC, 8))
        return corrupt(err, path, 0, "no index header");
    rbuf r = {p, n - 8, 8, 0};
    uint32_t version = (uint32_t)get_u(&r, 4);
    if (version != VERSION)
        return bead_error_set(err, BEAD_ERR_FORMAT, 8, 0,
                              "%s: match index version %u, this bead reads version %u; build it "
                              "again with bead match --save-index",
                              path, version, VERSION);
    uint64_t sum = 0;
    for (int i = 0; i < 8; i++)
        sum |= (uint64_t)p[n - 8 + (size_t)i] << (8 * i);
    if (sum != bd_fnv1a(BD_FNV_OFFSET, p, n - 8))
        return corrupt(err, path, n - 8, "checksum mismatch: the file is damaged or truncated");
    bead_match_index *ix = NULL;
    bead_status s = bead_match_index_create(&ix, err);
    if (s == BEAD_OK)
        s = parse(ix, path, &r, err);
    if (s == BEAD_OK)
        s = bead_match_index_finish(ix, err);
    if (s != BEAD_OK) {
        bead_match_index_free(ix);
        return s;
    }
    *out = ix;
    return BEAD_OK;
}

bead_status bead_match_index_load(bead_match_index **out, const char *path, bead_error *err)
{
    *out = NULL;
    unsigned char *p = NULL;
    size_t n = 0;
    bead_status s = read_all(path, &p, &n, err);
    if (s == BEAD_OK)
        s = bd_match_index_parse(out, p, n, path, err);
    free(p);
    return s;
}
