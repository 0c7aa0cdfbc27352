/* write_common.c: the pieces every writer shares, the format names, and the
 * dispatch of bead_write_alignment. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/grow.h"
#include "align/doc/doc_internal.h"
#include "align/write/write_internal.h"

int bd_wbuf_reserve(wbuf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return -1;
    return array_grow((void **)&b->p, &b->cap, b->len + extra + 1, 1, 256);
}

int bd_wbuf_add(wbuf *b, const void *data, size_t len)
{
    if (bd_wbuf_reserve(b, len))
        return -1;
    if (len)
        memcpy(b->p + b->len, data, len);
    b->len += len;
    b->p[b->len] = '\0';
    return 0;
}

int bd_wbuf_adds(wbuf *b, const char *s) { return bd_wbuf_add(b, s, strlen(s)); }
int bd_wbuf_addc(wbuf *b, char c) { return bd_wbuf_add(b, &c, 1); }

void bd_wbuf_free(wbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

int bd_unit_text_raw(wbuf *b, const bead_doc *doc, const bead_alignment *al, size_t i, size_t v)
{
    size_t begin, count;
    bead_alignment_range(al, i, v, &begin, &count);
    b->len = 0;
    if (bd_wbuf_add(b, "", 0))
        return -1;
    for (size_t k = 0; k < count; k++) {
        size_t len;
        const char *s = bead_doc_text(doc, begin + k, &len);
        if ((k && bd_wbuf_addc(b, ' ')) || bd_wbuf_add(b, s, len))
            return -1;
    }
    return 0;
}

/* Length of the break character at s (see bd_unit_text_clean), or 0. */
static size_t break_char(const unsigned char *s, size_t left)
{
    if ((s[0] >= 0x09 && s[0] <= 0x0D) || (s[0] >= 0x1C && s[0] <= 0x1E))
        return 1;
    if (left >= 2 && s[0] == 0xC2 && s[1] == 0x85)
        return 2;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
        return 3;
    return 0;
}

int bd_unit_text_clean(wbuf *b, const bead_doc *doc, const bead_alignment *al, size_t i,
                    size_t v)
{
    size_t begin, count;
    bead_alignment_range(al, i, v, &begin, &count);
    b->len = 0;
    if (bd_wbuf_reserve(b, 0))
        return -1;
    for (size_t k = 0; k < count; k++) {
        size_t len;
        const unsigned char *s = (const unsigned char *)bead_doc_text(doc, begin + k, &len);
        /* the cleaned sentence is never longer than the sentence */
        if (bd_wbuf_reserve(b, len + 1))
            return -1;
        char *start = b->p + b->len, *text = start + (b->len > 0), *o = text;
        for (size_t j = 0; j < len;) {
            unsigned char c = s[j];
            if (c > 0x20 && c != 0xC2 && c != 0xE2) {   /* the common case */
                *o++ = (char)c;
                j++;
                continue;
            }
            size_t n = break_char(s + j, len - j);
            if (n || c == ' ') {
                if (o > text)   /* leading ones are dropped */
                    *o++ = ' ';
                j += n ? n : 1;
                continue;
            }
            *o++ = (char)c;
            j++;
        }
        while (o > text && o[-1] == ' ')
            o--;
        if (o > text) {   /* a blank sentence adds no separator either */
            if (text > start)
                *start = ' ';
            b->len = (size_t)(o - b->p);
        }
        b->p[b->len] = '\0';
    }
    return 0;
}

wbuf *bd_wbufs_new(size_t n) { return calloc(n ? n : 1, sizeof(wbuf)); }

void bd_wbufs_free(wbuf *bufs, size_t n)
{
    if (!bufs)
        return;
    for (size_t k = 0; k < n; k++)
        bd_wbuf_free(&bufs[k]);
    free(bufs);
}

int bd_unit_selected(const bead_doc *const *docs, const bead_alignment *al, size_t i,
                  const bead_write_options *opt, size_t needed, wbuf *texts)
{
    if (bead_alignment_score(al, i) < opt->min_score)
        return 0;
    size_t nv = bead_alignment_nversions(al), with_text = 0;
    for (size_t v = 0; v < nv; v++) {
        if (bd_unit_text_clean(&texts[v], docs[v], al, i, v))
            return -1;
        with_text += texts[v].len > 0;
    }
    return with_text >= (opt->include_unaligned ? 1 : needed);
}

int bd_unit_type(wbuf *b, const bead_alignment *al, size_t i)
{
    b->len = 0;
    if (bd_wbuf_reserve(b, BD_SHAPE_SIZE(bead_alignment_nversions(al))))
        return -1;
    b->len = bd_unit_shape(al, i, b->p);
    return 0;
}

static unsigned score_ten_thousandths(double score)
{
    if (!(score > 0))   /* also NaN */
        return 0;
    if (score >= 1)
        return 10000;
    return (unsigned)lround(score * 10000.0);
}

void bd_score_text(char buf[16], double score)
{
    unsigned k = score_ten_thousandths(score);
    snprintf(buf, 16, "%u.%04u", k / 10000, k % 10000);
}

double bd_score_rounded(double score) { return (double)score_ten_thousandths(score) / 10000.0; }

bead_status bd_write_check(const bead_doc *const *docs, const bead_alignment *al,
                        bead_error *err)
{
    if (!al)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "no alignment to write");
    size_t nv = bead_alignment_nversions(al);
    if (!docs)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the writers need the %zu documents of the alignment", nv);
    for (size_t v = 0; v < nv; v++)
        if (!docs[v])
            return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "document %zu is missing", v);
    size_t n = bead_alignment_size(al);
    for (size_t i = 0; i < n; i++)
        for (size_t v = 0; v < nv; v++) {
            size_t begin, count, size = bead_doc_size(docs[v]);
            bead_alignment_range(al, i, v, &begin, &count);
            if (begin > size || count > size - begin)
                return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                      "unit %zu: sentences %zu..%zu of version %zu (%s) lie "
                                      "beyond its %zu sentences",
                                      i, begin, begin + count, v, bead_doc_name(docs[v]), size);
        }
    return BEAD_OK;
}

/* ------------------------------------------------------------- formats */

static const char *const format_names[] = {"tsv", "tmx", "moses", "jsonl", "beads"};
#define NFORMATS (sizeof format_names / sizeof format_names[0])

int bead_format_parse(const char *name, bead_format *out)
{
    if (!name)
        return 0;
    for (size_t f = 0; f < NFORMATS; f++)
        if (strcasecmp(name, format_names[f]) == 0) {
            *out = (bead_format)f;
            return 1;
        }
    return 0;
}

int bead_format_from_path(const char *path, bead_format *out)
{
    if (!path)
        return 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 3 && strcasecmp(base + len - 3, ".gz") == 0)
        len -= 3;
    const char *dot = NULL;
    for (size_t k = len; k-- > 0;)
        if (base[k] == '.') {
            dot = base + k;
            break;
        }
    if (!dot || dot == base)
        return 0;
    size_t extlen = len - (size_t)(dot + 1 - base);
    for (size_t f = 0; f < NFORMATS; f++) {
        if (f == BEAD_FORMAT_MOSES)   /* Moses output is a prefix, not a file */
            continue;
        if (strlen(format_names[f]) == extlen &&
            strncasecmp(dot + 1, format_names[f], extlen) == 0) {
            *out = (bead_format)f;
            return 1;
        }
    }
    return 0;
}

const char *bead_format_name(bead_format fmt)
{
    return (size_t)fmt < NFORMATS ? format_names[fmt] : "unknown";
}

void bead_write_options_init(bead_write_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->min_score = 0.0;
}

bead_status bead_write_alignment(bead_output *out, bead_format fmt, const bead_doc *const *docs,
                                 const bead_alignment *al, bead_write_options *opt,
                                 bead_error *err)
{
    bead_write_options defaults;
    if (!opt) {
        bead_write_options_init(&defaults);
        opt = &defaults;
    }
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "no output to write to");
    if (fmt == BEAD_FORMAT_BEADS)   /* needs no text, so no documents */
        return al ? bd_write_beads(out, al, err)
                  : bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "no alignment to write");
    bead_status st = bd_write_check(docs, al, err);
    if (st != BEAD_OK)
        return st;
    switch (fmt) {
    case BEAD_FORMAT_TSV: return bd_write_tsv(out, docs, al, opt, err);
    case BEAD_FORMAT_TMX: return bd_write_tmx(out, docs, al, opt, err);
    case BEAD_FORMAT_JSONL: return bd_write_jsonl(out, docs, al, opt, err);
    case BEAD_FORMAT_MOSES:
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "Moses output is one file per version: use "
                              "bead_write_moses_side for each");
    case BEAD_FORMAT_BEADS: break;
    }
    return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "unknown output format %d", (int)fmt);
}
