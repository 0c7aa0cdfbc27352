/* Fuzz harness: the writers (TSV, TMX, JSON Lines, beads, Moses, summary) on
 * alignments built straight from the fuzz input, so that every text, score,
 * anchor label and unit shape reaches them, not only what the aligner makes.
 *
 * Byte 0: bit 0 three versions (else two), bit 1 include_unaligned, bit 2 TSV
 * header, bit 3 TMX DOCTYPE, bit 4 min_score 0.5, bits 5-6 first language.
 * Bytes 1-16: the unit shapes and scores, used in a cycle. The rest: the
 * sentences, one a line, dealt to the versions in turn (invalid UTF-8 becomes
 * '?': documents hold UTF-8, which is the writers' precondition).
 *
 * Properties: every writer succeeds; the TMX parses with libxml2 (well-formed
 * XML, root <tmx>); every TSV line has one field per version plus the score;
 * JSON Lines and the summary parse; the Moses files have equal line counts. */
#include <string.h>
#include <cjson/cJSON.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <bead/write.h>

#include "align/doc/doc_internal.h"

#include "fuzz_util.h"

#define SHAPE 16

static void sanitize(char *s, size_t len)
{
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            for (int32_t k = at; k < i; k++)
                s[k] = '?';
    }
}

static const char *memory_text(bead_output *o, size_t *len)
{
    const char *t = bead_output_memory(o, len);
    FUZZ_CHECK(t, "no memory buffer");
    return t;
}

static size_t count_lines(const char *t, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += t[i] == '\n';
    return n + (len > 0 && t[len - 1] != '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 + SHAPE || size > 64 * 1024)
        return 0;
    unsigned flags = data[0];
    const uint8_t *shape = data + 1;
    size_t nv = (flags & 1) ? 3 : 2;
    char *text = malloc(size - 1 - SHAPE + 1);
    FUZZ_CHECK(text, "out of memory");
    size_t len = size - 1 - SHAPE;
    memcpy(text, data + 1 + SHAPE, len);
    text[len] = '\0';
    sanitize(text, len);

    static const char *const names[3] = {"a&b<c>.txt", "d\"e'f.txt", "g]]>h.txt"};
    bead_doc *docs[3] = {NULL, NULL, NULL};
    for (size_t v = 0; v < nv; v++) {
        const char *lang = v == 0 ? fuzz_langs[(flags >> 5) & 3] : fuzz_langs[(v + 1) & 3];
        FUZZ_CHECK(bead_doc_create(&docs[v], lang, names[v], NULL) == BEAD_OK, "doc");
    }
    size_t line_no = 0;
    for (char *p = text; p <= text + len;) {
        char *nl = memchr(p, '\n', (size_t)(text + len - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(text + len - p);
        FUZZ_CHECK(bead_doc_add(docs[line_no % nv], p, n, line_no / 4, 0, NULL) == BEAD_OK,
                   "bead_doc_add");
        line_no++;
        if (!nl)
            break;
        p = nl + 1;
    }

    /* Units of 0-3 sentences a version, never all empty, covering every
     * sentence in order. */
    bead_alignment *al = NULL;
    FUZZ_CHECK(bead_alignment_create(&al, nv, NULL) == BEAD_OK, "alignment");
    size_t next[3] = {0, 0, 0}, k = 0;
    for (;;) {
        size_t begin[3], count[3], total = 0, left = 0;
        for (size_t v = 0; v < nv; v++)
            left += bead_doc_size(docs[v]) - next[v];
        if (left == 0)
            break;
        uint8_t b = shape[k++ % SHAPE];
        for (size_t v = 0; v < nv; v++) {
            size_t want = (b >> (2 * v)) & 3, avail = bead_doc_size(docs[v]) - next[v];
            count[v] = want < avail ? want : avail;
            begin[v] = next[v];
            total += count[v];
        }
        if (total == 0)
            for (size_t v = 0; v < nv && total == 0; v++)
                if (next[v] < bead_doc_size(docs[v]))
                    count[v] = total = 1;
        double score = (double)shape[(k + 7) % SHAPE] / 255.0;
        FUZZ_CHECK(bead_alignment_append(al, begin, count, score, NULL) == BEAD_OK, "append");
        if (b & 0x40) {
            size_t tlen = 0;
            const char *t = count[0] ? bead_doc_text(docs[0], begin[0], &tlen) : "num:1";
            char label[24];
            snprintf(label, sizeof label, "name:%.*s", (int)(tlen < 12 ? tlen : 12), t);
            sanitize(label, strlen(label));
            FUZZ_CHECK(bead_alignment_add_anchor(al, bead_alignment_size(al) - 1, label, NULL) ==
                           BEAD_OK, "anchor");
        }
        for (size_t v = 0; v < nv; v++)
            next[v] += count[v];
    }
    if (nv == 2)
        bd_alignment_set_verdict(al, (bead_verdict)(shape[3] % 4), shape[4] / 255.0);

    const bead_doc *const *cdocs = (const bead_doc *const *)docs;
    bead_write_options wopt;
    bead_write_options_init(&wopt);
    wopt.include_unaligned = (flags & 2) != 0;
    wopt.header = (flags & 4) != 0;
    wopt.doctype = (flags & 8) != 0;
    wopt.min_score = (flags & 16) ? 0.5 : 0.0;
    wopt.date = (flags & 2) ? "20260101T000000Z" : NULL;

    static const bead_format formats[] = {BEAD_FORMAT_TSV, BEAD_FORMAT_TMX, BEAD_FORMAT_JSONL,
                                          BEAD_FORMAT_BEADS};
    bead_error err;
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        if (formats[f] == BEAD_FORMAT_BEADS && nv != 2)
            continue;
        bead_output *o = NULL;
        FUZZ_CHECK(bead_output_open_memory(&o, NULL) == BEAD_OK, "memory output");
        bead_status s = bead_write_alignment(o, formats[f], cdocs, al, &wopt, &err);
        FUZZ_CHECK(s == BEAD_OK, "writing %s: %s", bead_format_name(formats[f]), err.message);
        size_t olen;
        const char *out = memory_text(o, &olen);
        FUZZ_CHECK(fuzz_valid_utf8(out, olen), "%s: invalid UTF-8", bead_format_name(formats[f]));
        if (formats[f] == BEAD_FORMAT_TMX) {
            xmlDocPtr x = xmlReadMemory(out, (int)olen, "fuzz.tmx", NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
            if (!x)
                fprintf(stderr, "TMX:\n%.*s\n", (int)(olen > 4000 ? 4000 : olen), out);
            FUZZ_CHECK(x, "the TMX is not well-formed XML");
            xmlNodePtr root = xmlDocGetRootElement(x);
            FUZZ_CHECK(root && !strcmp((const char *)root->name, "tmx"), "root is not <tmx>");
            xmlFreeDoc(x);
        }
        for (const char *p = out; p < out + olen;) {
            const char *nl = memchr(p, '\n', (size_t)(out + olen - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(out + olen - p);
            if (formats[f] == BEAD_FORMAT_TSV) {
                size_t tabs = 0;
                for (size_t i = 0; i < n; i++)
                    tabs += p[i] == '\t';
                FUZZ_CHECK(tabs == nv, "TSV line with %zu tabs, expected %zu: %.*s", tabs, nv,
                           (int)(n > 200 ? 200 : n), p);
                FUZZ_CHECK(!memchr(p, '\r', n), "CR inside a TSV line");
            } else if (formats[f] == BEAD_FORMAT_JSONL) {
                cJSON *j = cJSON_ParseWithLength(p, n);
                FUZZ_CHECK(j, "a JSON Lines line does not parse: %.*s", (int)(n > 200 ? 200 : n), p);
                cJSON_Delete(j);
            } else if (formats[f] == BEAD_FORMAT_BEADS) {
                FUZZ_CHECK(n > 0 && p[0] == '[', "a beads line: %.*s", (int)(n > 200 ? 200 : n), p);
            }
            p += n + 1;
        }
        bead_output_free(o);
    }

    size_t moses_lines = (size_t)-1;
    for (size_t v = 0; v < nv; v++) {
        bead_output *o = NULL;
        FUZZ_CHECK(bead_output_open_memory(&o, NULL) == BEAD_OK, "memory output");
        bead_status s = bead_write_moses_side(o, cdocs, al, v, &wopt, &err);
        FUZZ_CHECK(s == BEAD_OK, "moses side %zu: %s", v, err.message);
        size_t olen;
        const char *out = memory_text(o, &olen);
        size_t lines = count_lines(out, olen);
        FUZZ_CHECK(moses_lines == (size_t)-1 || lines == moses_lines,
                   "Moses side %zu has %zu lines, side 0 has %zu", v, lines, moses_lines);
        moses_lines = lines;
        bead_output_free(o);
    }

    bead_output *o = NULL;
    FUZZ_CHECK(bead_output_open_memory(&o, NULL) == BEAD_OK, "memory output");
    bead_status s = bead_write_summary(o, cdocs, al, NULL, 0, 0.25, &err);
    FUZZ_CHECK(s == BEAD_OK, "summary: %s", err.message);
    size_t olen;
    const char *out = memory_text(o, &olen);
    cJSON *j = cJSON_ParseWithLength(out, olen);
    FUZZ_CHECK(j, "the summary is not JSON");
    cJSON_Delete(j);
    bead_output_free(o);

    bead_alignment_free(al);
    for (size_t v = 0; v < 3; v++)
        bead_doc_free(docs[v]);
    free(text);
    return 0;
}
