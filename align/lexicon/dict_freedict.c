/* dict_freedict.c: FreeDict dictionaries in dictd format, as Debian installs
 * them (/usr/share/dictd/freedict-deu-eng.index + .dict.dz). The index maps
 * each headword to an entry (offset and length in dictd's base64 numbering)
 * in the dictzip file, which zlib reads as plain gzip. Entries are read in
 * offset order through a sliding window, so memory stays bounded by the
 * longest entry, not by the 100 MB of text. A file that turns out corrupt
 * adds nothing: pairs go to a scratch lexicon first and are merged at the
 * end. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zlib.h>

#include "core/grow.h"
#include "align/lexicon/lexicon_internal.h"

/* Real entries are under 6 KB; an index claiming more is corrupt, and must
 * not make us allocate it. */
#define MAX_ENTRY ((uint64_t)1 << 24)
/* Pairs from the direct dictionary above which the reverse one is not read. */
#define REVERSE_UNLESS 300000

/* ------------------------------------------------------ base64 numbers */

int bd_lex_dictd_number(const char *s, size_t len, uint64_t *out)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint64_t v = 0;
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        const char *p = s[i] ? strchr(alphabet, s[i]) : NULL;
        if (!p || v > (UINT64_MAX >> 6))
            return 0;
        v = v * 64 + (uint64_t)(p - alphabet);
    }
    *out = v;
    return 1;
}

/* --------------------------------------------------------------- entries */

static int contains(const char *s, size_t len, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= len; i++)
        if (memcmp(s + i, needle, nl) == 0)
            return 1;
    return 0;
}

static const char *find_line_end(const char *s, const char *e)
{
    const char *nl = memchr(s, '\n', (size_t)(e - s));
    return nl ? nl : e;
}

/* "12. " at the start of a line: a numbered sense, whose translations follow. */
static size_t sense_number(const char *s, const char *e)
{
    const char *p = s;
    while (p < e && *p >= '0' && *p <= '9')
        p++;
    if (p == s || p >= e || *p != '.')
        return 0;
    p++;
    if (p < e && *p != ' ')
        return 0;
    while (p < e && *p == ' ')
        p++;
    return (size_t)(p - s);
}

/* Copies a translation line without <grammar>, [domain], (notes), {refs}
 * and without a trailing sense number ("вода 2."), then splits it at commas
 * and semicolons outside brackets. */
static size_t split_items(const char *head, size_t hlen, const char *s, const char *e,
                          void (*fn)(void *, const char *, size_t, const char *, size_t),
                          void *ctx)
{
    char clean[4096];
    size_t n = 0;
    int depth = 0;
    for (const char *p = s; p < e && n + 1 < sizeof clean; p++) {
        char c = *p;
        if (c == '<' || c == '[' || c == '(' || c == '{') {
            depth++;
            continue;
        }
        if ((c == '>' || c == ']' || c == ')' || c == '}') && depth > 0) {
            depth--;
            continue;
        }
        if (depth == 0)
            clean[n++] = c == ';' ? ',' : c;
    }
    /* Trailing " 2." */
    size_t t = n;
    while (t > 0 && clean[t - 1] == ' ')
        t--;
    if (t > 0 && clean[t - 1] == '.') {
        size_t d = t - 1;
        while (d > 0 && clean[d - 1] >= '0' && clean[d - 1] <= '9')
            d--;
        if (d < t - 1 && (d == 0 || clean[d - 1] == ' '))
            n = d;
    }
    size_t items = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && clean[j] != ',')
            j++;
        size_t a = i, b = j;
        while (a < b && (clean[a] == ' ' || clean[a] == '\t'))
            a++;
        while (b > a && (clean[b - 1] == ' ' || clean[b - 1] == '\t'))
            b--;
        /* "Haus…" and "..." mark fragments of compounds, not words. */
        if (b > a && !contains(clean + a, b - a, "\xE2\x80\xA6") &&
            !contains(clean + a, b - a, "...")) {
            fn(ctx, head, hlen, clean + a, b - a);
            items++;
        }
        i = j + 1;
    }
    return items;
}

size_t bd_lex_dictd_entry(const char *entry, size_t len,
                       void (*fn)(void *ctx, const char *head, size_t hlen, const char *item,
                                  size_t ilen),
                       void *ctx)
{
    const char *end = entry + len;
    const char *line = entry;
    while (line < end && (*line == '\n' || *line == ' '))
        line++;
    const char *le = find_line_end(line, end);
    /* The headword runs up to its pronunciation /.../, <grammar> or (forms). */
    const char *he = line;
    while (he < le && !(he[0] == ' ' && he + 1 < le &&
                        (he[1] == '/' || he[1] == '<' || he[1] == '(' || he[1] == '[')))
        he++;
    while (he > line && he[-1] == ' ')
        he--;
    if (he == line || (he - line >= 11 && memcmp(line, "00-database", 11) == 0) ||
        (he - line >= 10 && memcmp(line, "00database", 10) == 0) ||
        contains(line, (size_t)(he - line), "\xE2\x80\xA6"))
        return 0;
    const char *head = line;
    size_t hlen = (size_t)(he - line);
    size_t items = 0;
    int expect = 1;   /* the first line after the headword holds translations */
    for (line = le < end ? le + 1 : end; line < end; line = le < end ? le + 1 : end) {
        le = find_line_end(line, end);
        size_t num = sense_number(line, le);
        if (num) {
            items += split_items(head, hlen, line + num, le, fn, ctx);
            expect = 0;
            continue;
        }
        const char *p = line;
        while (p < le && *p == ' ')
            p++;
        if (p == le)
            continue;
        if (expect && (p == line || *p == '['))
            items += split_items(head, hlen, p, le, fn, ctx);
        expect = 0;
    }
    return items;
}

/* ------------------------------------------------------------ one file */

typedef struct dict_entry {
    uint64_t off, len;
} dict_entry;

static int cmp_entry(const void *a, const void *b)
{
    const dict_entry *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

typedef struct load_ctx {
    bead_lexicon *lex;
    int inverted;          /* headwords are target-language words */
    int nomem;
    const char *head;      /* the headword last keyed, and its keys */
    size_t hlen;
    lex_phrase head_keys;
} load_ctx;

static void add_item(void *vctx, const char *head, size_t hlen, const char *item, size_t ilen)
{
    load_ctx *c = vctx;
    if (c->nomem)
        return;
    if (head != c->head || hlen != c->hlen) {   /* each entry's headword once */
        c->head = head;
        c->hlen = hlen;
        if (bd_lex_phrase_make(c->lex, c->inverted, head, hlen, &c->head_keys) != 0) {
            c->nomem = 1;
            return;
        }
    }
    if (c->head_keys.n == 0)
        return;
    lex_phrase ik;
    if (bd_lex_phrase_make(c->lex, !c->inverted, item, ilen, &ik) != 0) {
        c->nomem = 1;
        return;
    }
    long r = c->inverted ? bd_lex_phrase_pair(c->lex, &ik, &c->head_keys)
                         : bd_lex_phrase_pair(c->lex, &c->head_keys, &ik);
    if (r < 0)
        c->nomem = 1;
}

/* Reads the index: every entry's offset and length, sorted and unique.
 * Returns BEAD_OK or a status with err naming the line. */
static bead_status read_index(const char *path, dict_entry **out, size_t *count,
                              bead_error *err)
{
    *out = NULL;
    *count = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: %s", path, strerror(errno));
    dict_entry *v = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    int64_t lineno = 0;
    bead_status st = BEAD_OK;
    while ((got = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)got;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        char *t2 = NULL, *t1 = NULL;
        for (size_t i = len; i-- > 0;)
            if (line[i] == '\t') {
                if (!t2)
                    t2 = line + i;
                else {
                    t1 = line + i;
                    break;
                }
            }
        dict_entry e;
        if (!t1 || !bd_lex_dictd_number(t1 + 1, (size_t)(t2 - t1 - 1), &e.off) ||
            !bd_lex_dictd_number(t2 + 1, (size_t)(line + len - t2 - 1), &e.len) || memchr(line, '\0', len)) {
            st = bead_error_set(err, BEAD_ERR_FORMAT, -1, lineno,
                                "%s:%lld: not a dictd index line (headword<TAB>offset<TAB>length)",
                                path, (long long)lineno);
            break;
        }
        if ((t1 - line >= 10 && memcmp(line, "00database", 10) == 0) ||
            (t1 - line >= 11 && memcmp(line, "00-database", 11) == 0) || e.len == 0)
            continue;
        if (array_grow((void **)&v, &cap, n + 1, sizeof *v, 4096)) {
            st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            break;
        }
        v[n++] = e;
    }
    if (st == BEAD_OK && ferror(f))
        st = bead_error_set(err, BEAD_ERR_IO, -1, lineno, "%s: read error", path);
    free(line);
    fclose(f);
    if (st != BEAD_OK) {
        free(v);
        return st;
    }
    if (n)   /* v is NULL for an index of headers only */
        qsort(v, n, sizeof *v, cmp_entry);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || v[i].off != v[u - 1].off || v[i].len != v[u - 1].len)
            v[u++] = v[i];
    *out = v;
    *count = u;
    return BEAD_OK;
}

/* zlib's gzerror message without the "path: " it puts in front. */
static const char *zlib_message(gzFile gz, const char *path, int *zerr)
{
    const char *msg = gzerror(gz, zerr);
    if (!msg)
        return "zlib";
    size_t plen = strlen(path);
    if (strncmp(msg, path, plen) == 0 && msg[plen] == ':' && msg[plen + 1] == ' ')
        msg += plen + 2;
    return msg;
}

/* Reads the entries in order through a window over the decompressed text. */
static bead_status read_entries(const char *path, const dict_entry *v, size_t n, load_ctx *ctx,
                                bead_error *err)
{
    FILE *raw = fopen(path, "rb");
    if (!raw)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: %s", path, strerror(errno));
    unsigned char magic[2] = {0, 0};
    size_t m = fread(magic, 1, 2, raw);
    fclose(raw);
    size_t plen = strlen(path);
    int dz = plen > 3 && strcmp(path + plen - 3, ".dz") == 0;
    if (dz && (m < 2 || magic[0] != 0x1f || magic[1] != 0x8b))
        return bead_error_set(err, BEAD_ERR_GZIP, 0, 0, "%s: not a dictzip (gzip) file", path);
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open", path);
    gzbuffer(gz, 1 << 17);
    size_t cap = 1 << 18, have = 0;
    uint64_t base = 0;     /* file offset of buf[0] */
    char *buf = malloc(cap);
    bead_status st = BEAD_OK;
    int eof = 0;
    if (!buf)
        st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    for (size_t i = 0; st == BEAD_OK && i < n; i++) {
        uint64_t off = v[i].off, len = v[i].len;
        if (off < base) {    /* overlapping entries: the window moved on */
            continue;
        }
        if (off + len > base + have) {
            /* Drop what lies before this entry, then read until it fits. */
            uint64_t drop = off - base < have ? off - base : have;
            memmove(buf, buf + drop, have - (size_t)drop);
            have -= (size_t)drop;
            base += drop;
            while (base < off && !eof) {    /* skip a gap */
                char skip[8192];
                uint64_t want = off - base < sizeof skip ? off - base : sizeof skip;
                int r = gzread(gz, skip, (unsigned)want);
                if (r <= 0)
                    eof = 1;
                else
                    base += (uint64_t)r;
            }
            if (len > MAX_ENTRY) {
                st = bead_error_set(err, BEAD_ERR_FORMAT, (int64_t)off, 0,
                                    "%s: entry at %llu claims %llu bytes", path,
                                    (unsigned long long)off, (unsigned long long)len);
                break;
            }
            if (array_grow((void **)&buf, &cap, (size_t)len, 1, 1 << 18)) {
                st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
                break;
            }
            while (base + have < off + len && !eof) {
                int r = gzread(gz, buf + have, (unsigned)(cap - have));
                if (r <= 0)
                    eof = 1;
                else
                    have += (size_t)r;
            }
            int zerr = Z_OK;
            const char *zmsg = zlib_message(gz, path, &zerr);
            if (zerr != Z_OK && zerr != Z_STREAM_END) {
                st = bead_error_set(err, BEAD_ERR_GZIP, (int64_t)(base + have), 0,
                                    "%s: truncated or corrupt gzip near byte %llu (%s)", path,
                                    (unsigned long long)(base + have), zmsg);
                break;
            }
            if (base + have < off + len) {
                st = bead_error_set(err, BEAD_ERR_FORMAT, (int64_t)off, 0,
                                    "%s: the index points past the end of the text "
                                    "(entry at %llu, %llu bytes; text ends at %llu)",
                                    path, (unsigned long long)off, (unsigned long long)len,
                                    (unsigned long long)(base + have));
                break;
            }
        }
        bd_lex_dictd_entry(buf + (off - base), (size_t)len, add_item, ctx);
        if (ctx->nomem)
            st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    /* Reading on to the end checks the gzip trailer (CRC): a corrupt tail
     * after the last entry still means a damaged file. */
    while (st == BEAD_OK && !eof) {
        char skip[65536];
        int r = gzread(gz, skip, sizeof skip);
        if (r <= 0)
            eof = 1;
    }
    if (st == BEAD_OK) {
        int zerr = Z_OK;
        const char *zmsg = zlib_message(gz, path, &zerr);
        if (zerr != Z_OK && zerr != Z_STREAM_END)
            st = bead_error_set(err, BEAD_ERR_GZIP, -1, 0, "%s: truncated or corrupt gzip (%s)",
                                path, zmsg);
    }
    free(buf);
    gzclose(gz);
    return st;
}

/* 0 when path is not there, 1 for a regular file, -1 for anything else
 * (a FIFO would make opening wait, a device would never end): found
 * without opening it. */
static int file_exists(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    return S_ISREG(st.st_mode) ? 1 : -1;
}

/* Loads one dictionary file pair into lex. A corrupt file adds nothing and
 * appends to warn; only running out of memory is an error. */
static bead_status load_one(bead_lexicon *lex, const char *dir, const char *a, const char *b,
                            int inverted, size_t *loaded, bead_error *warn)
{
    char index[4096], dict[4096];
    snprintf(index, sizeof index, "%s/freedict-%s-%s.index", dir, a, b);
    snprintf(dict, sizeof dict, "%s/freedict-%s-%s.dict.dz", dir, a, b);
    if (!file_exists(dict))
        snprintf(dict, sizeof dict, "%s/freedict-%s-%s.dict", dir, a, b);
    int have_index = file_exists(index), have_dict = file_exists(dict);
    if (!have_index && !have_dict)
        return BEAD_OK;   /* not installed */
    bead_error e;
    bead_error_clear(&e);
    bead_status st = BEAD_OK;
    if (have_index < 0 || have_dict < 0)
        st = bead_error_set(&e, BEAD_ERR_IO, -1, 0, "%s: not a regular file; not read",
                            have_index < 0 ? index : dict);
    else if (!have_index || !have_dict)
        st = bead_error_set(&e, BEAD_ERR_IO, -1, 0, "%s: missing (its %s is there)",
                            have_index ? dict : index, have_index ? "index" : "text");
    dict_entry *v = NULL;
    size_t n = 0;
    if (st == BEAD_OK)
        st = read_index(index, &v, &n, &e);
    bead_lexicon *scratch = NULL;
    if (st == BEAD_OK)
        st = bead_lexicon_create(&scratch, bead_lexicon_src_lang(lex),
                                 bead_lexicon_trg_lang(lex), &e);
    if (st == BEAD_OK) {
        load_ctx ctx = {scratch, inverted, 0, NULL, 0, {{0}, 0}};
        st = read_entries(dict, v, n, &ctx, &e);
    }
    free(v);
    if (st == BEAD_OK) {
        size_t before = bead_lexicon_size(lex);
        if (bd_lex_merge(lex, scratch) != 0)
            st = bead_error_set(warn, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        *loaded += bead_lexicon_size(lex) - before;
        bead_lexicon_free(scratch);
        return st;
    }
    bead_lexicon_free(scratch);
    if (st == BEAD_ERR_NOMEM)
        return bead_error_set(warn, st, -1, 0, "out of memory loading %s", dict);
    if (warn) {
        size_t used = strlen(warn->message);
        snprintf(warn->message + used, sizeof warn->message - used,
                 "%sdictionary skipped, continuing without it: %s (reinstall "
                 "dict-freedict-%s-%s)", used ? "; " : "", e.message, a, b);
        warn->status = st;
        warn->offset = e.offset;
        warn->line = e.line;
    }
    return BEAD_OK;
}

/* The pair's own dictionaries: src->trg, and trg->src inverted. */
static bead_status load_direct(bead_lexicon *lex, const char *dir, size_t *total,
                               bead_error *warn)
{
    char s3[16], t3[16];
    if (!bd_lex_iso3(bead_lexicon_src_lang(lex), s3, sizeof s3) ||
        !bd_lex_iso3(bead_lexicon_trg_lang(lex), t3, sizeof t3))
        return BEAD_OK;   /* no FreeDict name: nothing installed for it */
    /* The reverse direction is the only one for bul and ind, and adds words
     * to a small dictionary; next to a large one it is usually the same data
     * turned round (Ding's deu-eng and eng-deu share 97% of their pairs) and
     * would only double the loading time. */
    bead_status st = load_one(lex, dir, s3, t3, 0, total, warn);
    if (st == BEAD_OK && *total < REVERSE_UNLESS)
        st = load_one(lex, dir, t3, s3, 1, total, warn);
    return st;
}

/* Languages a dictionary may go through when a pair has none of its own:
 * FreeDict's best-covered ones. */
static const char *const pivots[] = {"en", "de"};

/* The pair's dictionary through the first pivot language with a dictionary
 * to each side (lexicon_compose.c). */
static bead_status load_through_pivot(bead_lexicon *lex, const char *dir, size_t *total,
                                      bead_error *warn)
{
    const char *s = bead_lexicon_src_lang(lex), *t = bead_lexicon_trg_lang(lex);
    if (!strcmp(s, t))
        return BEAD_OK;   /* one language: words match themselves, no dictionary */
    for (size_t k = 0; k < sizeof pivots / sizeof *pivots && *total == 0; k++) {
        if (!strcmp(pivots[k], s) || !strcmp(pivots[k], t))
            continue;
        bead_lexicon *ab = NULL, *bc = NULL;
        size_t na = 0, nb = 0;
        bead_status st = bead_lexicon_create(&ab, s, pivots[k], NULL);
        if (st == BEAD_OK)
            st = bead_lexicon_create(&bc, pivots[k], t, NULL);
        if (st == BEAD_OK)
            st = load_direct(ab, dir, &na, warn);
        if (st == BEAD_OK && na)
            st = load_direct(bc, dir, &nb, warn);
        long added = st == BEAD_OK && na && nb ? bd_lex_compose(lex, ab, bc) : 0;
        bead_lexicon_free(ab);
        bead_lexicon_free(bc);
        if (st != BEAD_OK)
            return st;
        if (added < 0)
            return bead_error_set(warn, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        *total += (size_t)added;
    }
    return BEAD_OK;
}

bead_status bead_lexicon_load_freedict(bead_lexicon *lex, const char *dir, size_t *loaded,
                                       bead_error *warn)
{
    size_t total = 0;
    if (loaded)
        *loaded = 0;
    if (warn)
        bead_error_clear(warn);
    if (!lex)
        return bead_error_set(warn, BEAD_ERR_USAGE, -1, 0, "bead_lexicon_load_freedict: NULL lexicon");
    if (!dir)
        dir = BD_DICT_DIR_DEFAULT;
    bead_status st = load_direct(lex, dir, &total, warn);
    if (st == BEAD_OK && total == 0)
        st = load_through_pivot(lex, dir, &total, warn);
    if (loaded)
        *loaded = total;
    return st;
}
