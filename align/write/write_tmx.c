/* bd_write_tmx.c: TMX 1.4b, valid against the LISA DTD (tmx14.dtd), written
 * by hand so that bead itself needs no XML library.
 *   - the seven required header attributes; creationdate only from
 *     opt->date (never the clock), so the same input gives the same bytes;
 *   - props before tuvs (the DTD wants note/prop first);
 *   - one seg per version with text, its sentences joined with a space;
 *   - & < > " escaped; what XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF,
 *     and bytes that are not UTF-8) becomes U+FFFD and is counted. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "align/write/write_internal.h"

static const char replacement[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* Length of the well-formed UTF-8 sequence at s (1-4), or 0 when it is not
 * one (overlong, surrogate, beyond U+10FFFF, truncated). *cp gets its value. */
static size_t utf8_decode(const unsigned char *s, size_t left, unsigned long *cp)
{
    unsigned char c = s[0];
    size_t n;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (left < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static int xml_allowed(unsigned long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* Appends text escaped for XML content and attribute values. TAB, LF and CR
 * cannot reach here raw from unit text (bd_unit_text_clean maps them), but
 * names can hold them: write them as references so no parser normalises
 * them away. */
static int xml_escape(wbuf *b, const char *text, size_t len, uint64_t *replaced)
{
    /* at most 6 bytes out per byte in ("&quot;"; U+FFFD is 3) */
    if (len > (SIZE_MAX - 1) / 6 || bd_wbuf_reserve(b, 6 * len))
        return -1;
    const unsigned char *s = (const unsigned char *)text;
    char *o = b->p + b->len;
    for (size_t j = 0; j < len;) {
        unsigned char c = s[j];
        if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"') {
            *o++ = (char)c;   /* the common case */
            j++;
            continue;
        }
        unsigned long cp;
        size_t n = utf8_decode(s + j, len - j, &cp);
        const char *rep = NULL;
        if (n == 0 || !xml_allowed(cp)) {
            rep = replacement;
            n = n ? n : 1;
            (*replaced)++;
        } else {
            switch (cp) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\t': rep = "&#9;"; break;
            case '\n': rep = "&#10;"; break;
            case '\r': rep = "&#13;"; break;
            default: break;
            }
        }
        if (rep) {
            size_t rlen = strlen(rep);
            memcpy(o, rep, rlen);
            o += rlen;
        } else {
            memcpy(o, s + j, n);
            o += n;
        }
        j += n;
    }
    b->len = (size_t)(o - b->p);
    b->p[b->len] = '\0';
    return 0;
}

static int xml_escape_str(wbuf *b, const char *s, uint64_t *replaced)
{
    return xml_escape(b, s, strlen(s), replaced);
}

static void lowercase(char low[64], const char *s)
{
    size_t k = 0;
    for (; s[k] && k + 1 < 64; k++)
        low[k] = (char)tolower((unsigned char)s[k]);
    low[k] = '\0';
}

/* Language codes in lowercase: readers differ in how they compare them. */
static int add_lang(wbuf *b, const char *lang, uint64_t *replaced)
{
    char low[64];
    lowercase(low, lang);
    return xml_escape_str(b, low, replaced);
}

static int is_tmx_date(const char *d)
{
    static const char pattern[] = "dddddddd'T'dddddd'Z'";
    size_t k = 0;
    for (const char *p = pattern; *p; p++) {
        if (*p == 'd') {
            if (!isdigit((unsigned char)d[k++]))
                return 0;
        } else if (*p == '\'') {
            if (d[k++] != p[1])
                return 0;
            p += 2;
        }
    }
    return d[k] == '\0';
}

/* The creationdate to write into date (empty: none), or an error. */
static bead_status creation_date(const bead_write_options *opt, char date[32], bead_error *err)
{
    date[0] = '\0';
    if (!opt->date)
        return BEAD_OK;
    if (!is_tmx_date(opt->date))
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "date '%s' is not YYYYMMDDThhmmssZ (e.g. 20240131T120000Z)",
                              opt->date);
    snprintf(date, 32, "%s", opt->date);
    return BEAD_OK;
}

static int add_header(wbuf *b, const bead_doc *const *docs, size_t nv, const char *date,
                      const bead_write_options *opt, uint64_t *replaced)
{
    int bad = bd_wbuf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (opt->doctype)
        bad = bad || bd_wbuf_adds(b, "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    bad = bad || bd_wbuf_adds(b, "<tmx version=\"1.4\">\n  <header creationtool=\"bead\" "
                              "creationtoolversion=\"") ||
          xml_escape_str(b, bead_version(), replaced) ||
          bd_wbuf_adds(b, "\" segtype=\"sentence\" o-tmf=\"bead\" adminlang=\"en\" srclang=\"");
    if (nv <= 2)
        bad = bad || add_lang(b, bead_doc_lang(docs[0]), replaced);
    else
        bad = bad || bd_wbuf_adds(b, "*all*");
    bad = bad || bd_wbuf_adds(b, "\" datatype=\"plaintext\"");
    if (*date)
        bad = bad || bd_wbuf_adds(b, " creationdate=\"") || bd_wbuf_adds(b, date) ||
              bd_wbuf_addc(b, '"');
    return bad || bd_wbuf_adds(b, "/>\n  <body>\n");
}

/* Whether tuvs must say which document they come from: always for N-way,
 * and for a pair in one language, where xml:lang cannot tell them apart. */
static int needs_doc_props(const bead_doc *const *docs, size_t nv)
{
    if (nv < 2)
        return 0;
    if (nv > 2)
        return 1;
    char a[64], b[64];
    lowercase(a, bead_doc_lang(docs[0]));
    lowercase(b, bead_doc_lang(docs[1]));
    return strcmp(a, b) == 0;
}

/* Unit i as a tu; texts holds the clean text of every version. */
static int add_unit(wbuf *b, wbuf *type, const wbuf *texts, const bead_doc *const *docs,
                    const bead_alignment *al, size_t i, int doc_props, uint64_t *replaced)
{
    size_t nv = bead_alignment_nversions(al);
    char score[16];
    bd_score_text(score, bead_alignment_score(al, i));
    if (bd_wbuf_adds(b, "    <tu>\n      <prop type=\"x-score\">") || bd_wbuf_adds(b, score) ||
        bd_wbuf_adds(b, "</prop>\n      <prop type=\"x-beads\">") || bd_unit_type(type, al, i) ||
        bd_wbuf_add(b, type->p, type->len) || bd_wbuf_adds(b, "</prop>\n"))
        return -1;
    for (size_t v = 0; v < nv; v++) {
        if (texts[v].len == 0)
            continue;
        if (bd_wbuf_adds(b, "      <tuv xml:lang=\"") ||
            add_lang(b, bead_doc_lang(docs[v]), replaced) || bd_wbuf_adds(b, "\">"))
            return -1;
        if (doc_props &&
            (bd_wbuf_adds(b, "<prop type=\"x-doc\">") ||
             xml_escape_str(b, bead_doc_name(docs[v]), replaced) || bd_wbuf_adds(b, "</prop>")))
            return -1;
        if (bd_wbuf_adds(b, "<seg>") || xml_escape(b, texts[v].p, texts[v].len, replaced) ||
            bd_wbuf_adds(b, "</seg></tuv>\n"))
            return -1;
    }
    return bd_wbuf_adds(b, "    </tu>\n");
}

bead_status bd_write_tmx(bead_output *out, const bead_doc *const *docs, const bead_alignment *al,
                      bead_write_options *opt, bead_error *err)
{
    size_t nv = bead_alignment_nversions(al), n = bead_alignment_size(al);
    char date[32];
    opt->replaced = 0;
    bead_status st = creation_date(opt, date, err);
    if (st != BEAD_OK)
        return st;
    int doc_props = needs_doc_props(docs, nv);
    wbuf b = {0}, type = {0}, *texts = bd_wbufs_new(nv);
    uint64_t replaced = 0;
    if (!texts || add_header(&b, docs, nv, date, opt, &replaced))
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        int sel = bd_unit_selected(docs, al, i, opt, nv < 2 ? nv : 2, texts);
        if (sel < 0)
            goto nomem;
        if (!sel)
            continue;
        if (add_unit(&b, &type, texts, docs, al, i, doc_props, &replaced))
            goto nomem;
        if (b.len >= 1 << 16) {
            st = bead_output_write(out, b.p, b.len, err);
            b.len = 0;
            if (st != BEAD_OK)
                goto done;
        }
    }
    if (bd_wbuf_adds(&b, "  </body>\n</tmx>\n"))
        goto nomem;
    st = bead_output_write(out, b.p, b.len, err);
    goto done;
nomem:
    st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
done:
    opt->replaced = replaced;
    bd_wbuf_free(&b);
    bd_wbuf_free(&type);
    bd_wbufs_free(texts, nv);
    return st;
}
