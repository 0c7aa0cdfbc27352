/* lexicon_compiled.c: a lexicon as one binary file that is mapped read-only
 * and used in place, so that loading a 650,000-pair dictionary costs a
 * checksum instead of seconds of parsing, and its pages are shared by every
 * thread and process that maps it.
 *
 * The file is the in-memory lexicon's own tables (lexicon.c), written out:
 *
 *   header (512 bytes, below)
 *   src arena   the source keys, NUL-terminated, already folded and stemmed
 *   src off     uint32 by id (n_src + 1): where key id starts in the arena
 *   src slots   uint64 (src_mask + 1): the open-addressing table of
 *               lexicon.c (hash tag | id), so a lookup hashes as it always does
 *   trg arena, trg off, trg slots   the same for the target keys
 *   row start   uint32 (n_src + 2): source id s has the translations
 *   row trg     row_trg[row_start[s] .. row_start[s + 1]), target ids, sorted
 *
 * Sections start on 8-byte boundaries; numbers are in the writer's byte
 * order (checked: a compiled file is a cache of this machine, not an
 * interchange format). Ids are those of the lexicon it was made from, so a
 * lookup finds exactly the pairs the loaded dictionary held.
 *
 * Nothing in a file is trusted: before use, its size, both checksums and
 * every index are checked, so a truncated, corrupt or crafted
 * file is refused with its name instead of read out of bounds
 * (tests/fuzz/fuzz_lexicon_compiled.c). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "align/lexicon/lexicon_internal.h"
#include "align/lexicon/lexicon_compiled.h"

enum { SEC_SRC_ARENA, SEC_SRC_OFF, SEC_SRC_SLOTS, SEC_TRG_ARENA, SEC_TRG_OFF, SEC_TRG_SLOTS,
       SEC_ROW_START, SEC_ROW_TRG, NSEC };

typedef struct lexc_section {
    uint64_t off, size;
} lexc_section;

typedef struct lexc_header {
    char magic[8];             /* LEXC_MAGIC */
    uint32_t format;           /* BD_LEXC_FORMAT */
    uint32_t key_rules;        /* BD_LEX_KEY_RULES */
    uint32_t byte_order;       /* LEXC_BYTE_ORDER as the writer stored it */
    uint32_t header_size;      /* sizeof (lexc_header) */
    uint64_t file_size;
    char src_lang[16], trg_lang[16];
    uint32_t n_src, n_trg;
    uint64_t n_pairs;
    uint64_t src_mask, trg_mask;
    lexc_section sec[NSEC];
    char source[BEAD_DICT_SOURCE_MAX];   /* the caller's source id, NUL-padded */
    char reserved[512 - 8 - 16 - 8 - 32 - 8 - 8 - 16 - NSEC * 16 - BEAD_DICT_SOURCE_MAX - 16];
    uint64_t body_sum;         /* checksum64 of every byte after the header */
    uint64_t header_sum;       /* checksum64 of the header before this field */
} lexc_header;

_Static_assert(sizeof(lexc_header) == 512, "the header is 512 bytes");

static const char LEXC_MAGIC[8] = {'B', 'E', 'A', 'D', 'L', 'E', 'X', '\0'};
#define LEXC_BYTE_ORDER 0x01020304u

/* The checksum of a file, computed on every open, so it must be cheap:
 * zlib's crc32 reads about 1 GB/s here (15 ms for eng-deu's 14 MB, most
 * of the load); independent lanes of xxHash64's round run many times
 * faster, and eight lanes instead of four took opening eng-deu from 2.4
 * to 1.9 ms. It is there to catch truncation, zeroed pages and flipped bits, not
 * an adversary (the index checks below stop a crafted file). */
#define P1 0x9E3779B185EBCA87ull
#define P2 0xC2B2AE3D27D4EB4Full
#define P3 0x165667B19E3779F9ull

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static uint64_t round64(uint64_t acc, uint64_t v) { return rotl(acc + v * P2, 31) * P1; }

static uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static uint64_t checksum64(const void *data, size_t len)
{
    const unsigned char *p = data;
    /* Eight lanes: each lane's multiplies wait on the one before, so four
     * lanes left the core half idle (format 1; format 2 has eight). */
    uint64_t a = P1 + P2, b = P2, c = 0, d = (uint64_t)0 - P1;
    uint64_t e = P3, f = P3 + P1, g = P2 - P3, k = (uint64_t)0 - P2;
    size_t i = 0;
    for (; i + 64 <= len; i += 64) {
        a = round64(a, load64(p + i));
        b = round64(b, load64(p + i + 8));
        c = round64(c, load64(p + i + 16));
        d = round64(d, load64(p + i + 24));
        e = round64(e, load64(p + i + 32));
        f = round64(f, load64(p + i + 40));
        g = round64(g, load64(p + i + 48));
        k = round64(k, load64(p + i + 56));
    }
    uint64_t h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18) + rotl(e, 23) +
                 rotl(f, 29) + rotl(g, 37) + rotl(k, 43) + (uint64_t)len;
    for (; i < len; i++)
        h = rotl(h ^ (p[i] * P3), 11) * P1;
    h ^= h >> 33;
    h *= P2;
    return h ^ (h >> 29);
}

/* ------------------------------------------------------------- writing */

typedef struct writer {
    int fd;
    uint64_t pos;
    int failed;
} writer;

static void put(writer *w, const void *p, size_t len)
{
    const char *b = p;
    w->pos += len;
    while (len && !w->failed) {
        ssize_t r = write(w->fd, b, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            w->failed = errno ? errno : EIO;
            return;
        }
        b += r;
        len -= (size_t)r;
    }
}

static void put_section(writer *w, lexc_section *sec, const void *p, size_t len)
{
    static const char zeros[8];
    if (w->pos % 8)
        put(w, zeros, 8 - w->pos % 8);
    sec->off = w->pos;
    sec->size = len;
    put(w, p, len);
}

static void put_strings(writer *w, lexc_section *sec, uint64_t *mask, const lex_strings *s)
{
    static const uint64_t empty_slot = 0;
    static const uint32_t no_off = 0;
    put_section(w, &sec[0], s->arena ? s->arena : "", s->arena ? s->len : 0);
    /* off[0] is unused, and on the heap never set: written as 0, so that a
     * file's bytes depend on the lexicon alone. */
    put_section(w, &sec[1], &no_off, sizeof no_off);
    if (s->n)
        put(w, s->off + 1, (size_t)s->n * sizeof(uint32_t));
    sec[1].size = ((uint64_t)s->n + 1) * sizeof(uint32_t);
    /* An empty table is one empty slot: a probe stops at once. */
    put_section(w, &sec[2], s->slots ? (const void *)s->slots : &empty_slot,
                (s->slots ? s->mask + 1 : 1) * sizeof(uint64_t));
    *mask = s->slots ? s->mask : 0;
}

/* The pairs of a heap lexicon as rows by source id, targets sorted. */
static int make_rows(const bead_lexicon *lex, uint32_t **start_out, uint32_t **trg_out)
{
    size_t nsrc = lex->src.n, npairs = lex->pairs.n;
    uint32_t *start = calloc(nsrc + 2, sizeof *start);
    uint32_t *trg = malloc((npairs ? npairs : 1) * sizeof *trg);
    uint32_t *fill = malloc((nsrc + 2) * sizeof *fill);
    if (!start || !trg || !fill) {
        free(start);
        free(trg);
        free(fill);
        return -1;
    }
    size_t nslots = lex->pairs.keys ? lex->pairs.mask + 1 : 0;
    for (size_t i = 0; i < nslots; i++)
        if (lex->pairs.keys[i])
            start[(lex->pairs.keys[i] >> 32) + 1]++;
    for (size_t s = 1; s <= nsrc + 1; s++)
        start[s] += start[s - 1];
    memcpy(fill, start, (nsrc + 2) * sizeof *fill);
    for (size_t i = 0; i < nslots; i++) {
        uint64_t k = lex->pairs.keys[i];
        if (k)
            trg[fill[k >> 32]++] = (uint32_t)k;
    }
    free(fill);
    for (size_t s = 1; s <= nsrc; s++)
        bd_ids_sort(trg + start[s], start[s + 1] - start[s]);
    *start_out = start;
    *trg_out = trg;
    return 0;
}

bead_status bead_lexicon_compile(const bead_lexicon *lex, const char *path, const char *source,
                                 bead_error *err)
{
    if (!lex || !path || !*path)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_lexicon_compile: NULL lexicon or path");
    if (!source)
        source = "";
    if (strlen(source) >= BEAD_DICT_SOURCE_MAX)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_lexicon_compile: source id longer than %d bytes",
                              BEAD_DICT_SOURCE_MAX - 1);
    size_t npairs = bead_lexicon_size(lex);
    if (npairs > UINT32_MAX - 1)
        return bead_error_set(err, BEAD_ERR_LIMIT, -1, 0,
                              "%s: %zu pairs are more than a compiled dictionary holds", path,
                              npairs);
    const uint32_t *start = lex->row_start, *trg = lex->row_trg;
    uint32_t *own_start = NULL, *own_trg = NULL;
    if (!start) {
        if (make_rows(lex, &own_start, &own_trg) != 0)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        start = own_start;
        trg = own_trg;
    }

    /* Written to a temporary file in the same folder and renamed over path:
     * a reader (another process of a Slurm array, say) sees the old file or
     * the new one, never half of one. */
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        free(own_start);
        free(own_trg);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        bead_status st = bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                        "%s: cannot create (%s); check the folder exists and is "
                                        "writable", tmp, strerror(errno));
        free(tmp);
        free(own_start);
        free(own_trg);
        return st;
    }
    (void)fchmod(fd, 0644);   /* mkstemp's 0600 would hide it from a shared cache */

    lexc_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, LEXC_MAGIC, sizeof h.magic);
    h.format = BD_LEXC_FORMAT;
    h.key_rules = BD_LEX_KEY_RULES;
    h.byte_order = LEXC_BYTE_ORDER;
    h.header_size = sizeof h;
    memcpy(h.src_lang, lex->src_lang, sizeof h.src_lang);
    memcpy(h.trg_lang, lex->trg_lang, sizeof h.trg_lang);
    h.src_lang[sizeof h.src_lang - 1] = h.trg_lang[sizeof h.trg_lang - 1] = '\0';
    h.n_src = lex->src.n;
    h.n_trg = lex->trg.n;
    h.n_pairs = npairs;
    snprintf(h.source, sizeof h.source, "%s", source);

    writer w = {fd, 0, 0};
    put(&w, &h, sizeof h);   /* a placeholder, rewritten at the end */
    put_strings(&w, &h.sec[SEC_SRC_ARENA], &h.src_mask, &lex->src);
    put_strings(&w, &h.sec[SEC_TRG_ARENA], &h.trg_mask, &lex->trg);
    put_section(&w, &h.sec[SEC_ROW_START], start, ((size_t)lex->src.n + 2) * sizeof *start);
    put_section(&w, &h.sec[SEC_ROW_TRG], trg, npairs * sizeof *trg);
    free(own_start);
    free(own_trg);
    h.file_size = w.pos;
    /* The body's checksum is of the bytes as written, read back through a
     * map (the checksum's lanes do not follow section boundaries). */
    if (!w.failed && w.pos > sizeof h) {
        void *m = mmap(NULL, (size_t)w.pos, PROT_READ, MAP_SHARED, fd, 0);
        if (m == MAP_FAILED) {
            w.failed = errno ? errno : EIO;
        } else {
            h.body_sum = checksum64((const char *)m + sizeof h, (size_t)w.pos - sizeof h);
            munmap(m, (size_t)w.pos);
        }
    }
    h.header_sum = checksum64(&h, offsetof(lexc_header, header_sum));
    if (!w.failed && pwrite(fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
        w.failed = errno ? errno : EIO;
    /* No fsync: after a crash a short or zeroed file fails the size and
     * checksum checks and is compiled again, which costs less than a sync
     * on every compile on a busy shared disk. */
    if (close(fd) != 0 && !w.failed)
        w.failed = errno ? errno : EIO;
    if (!w.failed && rename(tmp, path) != 0)
        w.failed = errno ? errno : EIO;
    bead_status st = BEAD_OK;
    if (w.failed) {
        st = bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot write (%s)", path,
                            strerror(w.failed));
        unlink(tmp);
    }
    free(tmp);
    return st;
}

/* ------------------------------------------------------------- reading */

/* The section's bytes if it lies inside the file on an 8-byte boundary and
 * holds exactly size bytes (size ~0: any size). */
static const void *section(const lexc_header *h, const char *base, int i, uint64_t size)
{
    const lexc_section *s = &h->sec[i];
    if (s->off < sizeof *h || s->off % 8 || s->off > h->file_size ||
        s->size > h->file_size - s->off || (size != ~(uint64_t)0 && s->size != size))
        return NULL;
    return base + s->off;
}

/* Maps a table of the file onto t; NULL when sound, else what is wrong. */
static const char *check_strings(const lexc_header *h, const char *base, int first, uint32_t n,
                                 uint64_t mask, lex_strings *t)
{
    if (mask >= (uint64_t)1 << 40 || (mask & (mask + 1)) || mask < n)
        return "hash table size";
    const char *arena = section(h, base, first, ~(uint64_t)0);
    const uint32_t *off = section(h, base, first + 1, ((uint64_t)n + 1) * 4);
    const uint64_t *slots = section(h, base, first + 2, (mask + 1) * 8);
    if (!arena || !off || !slots)
        return "section bounds";
    uint64_t len = h->sec[first].size;
    if (n && (len == 0 || arena[len - 1] != '\0'))
        return "string table";
    /* Branch-free loops, which the compiler vectorises: these checks read
     * every index of the file on every open. */
    int bad = 0;
    for (uint32_t id = 1; id <= n; id++)
        bad |= off[id] >= len;
    if (bad)
        return "string offsets";
    /* The slots are not checked one by one (6 MB for eng-deu, a third of
     * the checking time): bd_lex_strings_find takes an id out of range for
     * a miss and probes at most mask + 1 slots, so a bad table can only
     * make lookups miss. */
    memset(t, 0, sizeof *t);
    t->arena = (char *)arena;   /* never written: the lexicon thaws first */
    t->len = len;
    t->off = (uint32_t *)off;
    t->n = n;
    t->slots = (uint64_t *)slots;
    t->mask = (size_t)mask;
    return NULL;
}

static const char *check_rows(const lexc_header *h, const char *base, bead_lexicon *lex)
{
    if (h->n_pairs > UINT32_MAX - 1)
        return "pair count";
    const uint32_t *start = section(h, base, SEC_ROW_START, ((uint64_t)h->n_src + 2) * 4);
    const uint32_t *trg = section(h, base, SEC_ROW_TRG, h->n_pairs * 4);
    if (!start || !trg)
        return "section bounds";
    if (start[0] != 0 || start[1] != 0 || start[(size_t)h->n_src + 1] != h->n_pairs)
        return "row bounds";
    int bad = 0;
    for (size_t s = 1; s <= h->n_src; s++)
        bad |= start[s + 1] < start[s];
    if (bad)
        return "row bounds";
    /* Rows out of order would only make lookups miss (a binary search),
     * never read out of bounds, and the checksum catches damage: their
     * order is not checked here. */
    uint32_t ntrg = h->n_trg;
    for (size_t e = 0; e < h->n_pairs; e++)
        bad |= (trg[e] == 0) | (trg[e] > ntrg);
    if (bad)
        return "row contents";
    lex->row_start = start;
    lex->row_trg = trg;
    lex->npairs = (size_t)h->n_pairs;
    return NULL;
}

/* NULL when the header is sound, else what is wrong with it. */
static const char *check_header(const lexc_header *h, uint64_t file_size)
{
    if (memcmp(h->magic, LEXC_MAGIC, sizeof h->magic) != 0)
        return "not a compiled bead dictionary";
    if (h->byte_order != LEXC_BYTE_ORDER || h->header_size != sizeof *h)
        return "made on another kind of machine";
    if (h->header_sum != checksum64(h, offsetof(lexc_header, header_sum)))
        return "header checksum";
    if (h->file_size != file_size)
        return "truncated or extended";
    if (memchr(h->src_lang, '\0', sizeof h->src_lang) == NULL ||
        memchr(h->trg_lang, '\0', sizeof h->trg_lang) == NULL || !h->src_lang[0] ||
        !h->trg_lang[0] || memchr(h->source, '\0', sizeof h->source) == NULL)
        return "header strings";
    return NULL;
}

bead_status bd_lex_compiled_check(bead_lexicon **out, void *map, size_t size, const char *name,
                                  const char *source, bead_error *err)
{
    *out = NULL;
    const lexc_header *h = map;
    const char *why = size < sizeof *h ? "shorter than its header" : check_header(h, size);
    if (why)
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "%s: damaged compiled dictionary (%s); delete it, bead compiles "
                              "it again", name, why);
    /* Made from another source or under other key rules: not damaged, only
     * out of date. The caller compiles it again. */
    if (h->format != BD_LEXC_FORMAT || h->key_rules != BD_LEX_KEY_RULES ||
        (source && strcmp(source, h->source) != 0)) {
        if (err) {
            bead_error_clear(err);
            snprintf(err->message, sizeof err->message,
                     "%s: out of date (made by another version of bead or from another "
                     "dictionary)", name);
        }
        return BEAD_OK;
    }
    const char *base = map;
    if (h->body_sum != checksum64(base + sizeof *h, size - sizeof *h))
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "%s: damaged compiled dictionary (checksum); delete it, bead "
                              "compiles it again", name);
    bead_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    memcpy(lex->src_lang, h->src_lang, sizeof lex->src_lang);
    memcpy(lex->trg_lang, h->trg_lang, sizeof lex->trg_lang);
    why = check_strings(h, base, SEC_SRC_ARENA, h->n_src, h->src_mask, &lex->src);
    if (!why)
        why = check_strings(h, base, SEC_TRG_ARENA, h->n_trg, h->trg_mask, &lex->trg);
    if (!why)
        why = check_rows(h, base, lex);
    if (why) {
        free(lex);
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "%s: damaged compiled dictionary (%s); delete it, bead compiles "
                              "it again", name, why);
    }
    *out = lex;
    return BEAD_OK;
}

void bd_lex_compiled_seal(void *map, size_t size)
{
    lexc_header *h = map;
    if (size < sizeof *h)
        return;
    h->body_sum = checksum64((const char *)map + sizeof *h, size - sizeof *h);
    h->header_sum = checksum64(h, offsetof(lexc_header, header_sum));
}

void bd_lex_unmap(bead_lexicon *lex)
{
    if (lex->map && lex->map_len)
        munmap(lex->map, lex->map_len);
    lex->map = NULL;
    lex->map_len = 0;
}

bead_status bead_lexicon_open_compiled(bead_lexicon **out, const char *path, const char *source,
                                       bead_error *err)
{
    if (!out || !path)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_lexicon_open_compiled: NULL argument");
    *out = NULL;
    if (err)
        bead_error_clear(err);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return BEAD_OK;   /* not compiled yet */
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open (%s)", path,
                              strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: not a regular file", path);
    }
    size_t size = (size_t)st.st_size;
    if (size < sizeof(lexc_header)) {
        close(fd);
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "%s: damaged compiled dictionary (shorter than its header); "
                              "delete it, bead compiles it again", path);
    }
    /* MAP_POPULATE: the checksum reads every page anyway, and one call
     * maps them faster than a fault per page. */
    void *map = mmap(NULL, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot map (%s)", path,
                              strerror(errno));
    bead_lexicon *lex = NULL;
    bead_status s = bd_lex_compiled_check(&lex, map, size, path, source, err);
    if (s != BEAD_OK || !lex) {
        munmap(map, size);
        return s;
    }
    lex->map = map;
    lex->map_len = size;
    *out = lex;
    return BEAD_OK;
}
