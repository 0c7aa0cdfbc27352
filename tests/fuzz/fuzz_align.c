/* Fuzz harness: the aligner on two (or three) inputs, then the writers, the
 * summary and the fidelity report on what it returns.
 *
 * Byte 0: bits 0-1 first language, bits 2-3 second language (bg de en id),
 * bit 4 presegmented, bits 5-6 mode (auto, align, mine, auto), bit 7 three
 * versions through bead_align_multi (the third in English). Bytes 1-2: where
 * the rest splits (a fraction of its length; three versions split at that
 * fraction and half-way through the remainder); when the two low bits of
 * byte 1 are 0, the fidelity report is built too (a quarter of the inputs:
 * it opens ICU transliterators of its own, which costs more than aligning a
 * small input). Every version is segmented with --replace-invalid
 * semantics, so any bytes make documents. Inputs over 4 KB are skipped:
 * what the aligner does with more is more of the same, slower.
 *
 * Properties: the covering alignment covers every sentence of every version,
 * in order, with scores in [0,1]; units that do not cover stay inside the
 * documents; the writers succeed, their JSON Lines and the summary parse, and
 * the report builds and writes. */
#include <math.h>
#include <string.h>
#include <cjson/cJSON.h>
#include <bead/align.h>
#include <bead/report.h>
#include <bead/write.h>

#include "fuzz_util.h"

typedef struct loader {
    bead_doc *doc;
    bead_status status;
} loader;

static int add_sentence(void *p, const bead_sentence *s)
{
    loader *l = p;
    l->status = bead_doc_add(l->doc, s->text, s->len, s->para, s->section, NULL);
    return l->status != BEAD_OK;
}

static bead_doc *make_doc(const char *text, size_t len, const char *lang, const char *name,
                          int presegmented)
{
    bead_doc *doc = NULL;
    FUZZ_CHECK(bead_doc_create(&doc, lang, name, NULL) == BEAD_OK, "bead_doc_create");
    bead_input_options iopt;
    bead_input_options_init(&iopt);
    iopt.replace_invalid = 1;
    bead_segment_options sopt;
    bead_segment_options_init(&sopt);
    if (presegmented)
        sopt.flags |= BEAD_SEGMENT_PRESEGMENTED;
    /* One segmenter per language and mode for the whole run: creating one
     * (ICU's break iterator, the rules) costs more than a small input. */
    static bead_segmenter *segs[4][2];
    int li = 0;
    while (li < 3 && strcmp(fuzz_langs[li], lang))
        li++;
    bead_segmenter **seg = &segs[li][presegmented != 0];
    bead_input *in = NULL;
    if (!*seg)
        FUZZ_CHECK(bead_segmenter_create(seg, lang, &sopt, NULL) == BEAD_OK, "segmenter");
    FUZZ_CHECK(bead_input_open_memory(&in, text, len, name, &iopt, NULL) == BEAD_OK, "input");
    loader l = {doc, BEAD_OK};
    bead_error err;
    bead_status s = bead_segment_input(*seg, in, add_sentence, &l, &err);
    bead_input_free(in);
    if (s == BEAD_ERR_FORMAT && fuzz_refused_format(text, len)) {
        bead_doc_free(doc);      /* xz, UTF-16...: refused by name, nothing to align */
        return NULL;
    }
    FUZZ_CHECK(s == BEAD_OK && l.status == BEAD_OK, "segmenting %s: %s", name, err.message);
    return doc;
}

/* covering: every sentence of every version, in order. Otherwise: inside. */
static void check_alignment(const bead_alignment *al, const bead_doc *const *docs, size_t n,
                            int covering, const char *what)
{
    FUZZ_CHECK(bead_alignment_nversions(al) == n, "%s: %zu versions, expected %zu", what,
               bead_alignment_nversions(al), n);
    size_t next[3] = {0, 0, 0};
    for (size_t i = 0; i < bead_alignment_size(al); i++) {
        double sc = bead_alignment_score(al, i);
        FUZZ_CHECK(!isnan(sc) && sc >= 0.0 && sc <= 1.0, "%s: unit %zu scored %g", what, i, sc);
        size_t total = 0;
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, i, v, &b, &c);
            FUZZ_CHECK(b + c >= b && b + c <= bead_doc_size(docs[v]),
                       "%s: unit %zu version %zu range [%zu,+%zu) outside %zu sentences", what,
                       i, v, b, c, bead_doc_size(docs[v]));
            if (covering) {
                FUZZ_CHECK(c == 0 || b == next[v],
                           "%s: unit %zu version %zu starts at %zu, expected %zu", what, i, v,
                           b, next[v]);
                next[v] += c;
            }
            total += c;
        }
        if (covering)
            FUZZ_CHECK(total > 0, "%s: unit %zu is empty", what, i);
        for (size_t k = 0; k < bead_alignment_anchor_count(al, i); k++)
            FUZZ_CHECK(bead_alignment_anchor(al, i, k) != NULL, "%s: NULL anchor", what);
    }
    if (covering)
        for (size_t v = 0; v < n; v++)
            FUZZ_CHECK(next[v] == bead_doc_size(docs[v]),
                       "%s: version %zu covered up to %zu of %zu sentences", what, v, next[v],
                       bead_doc_size(docs[v]));
}

static void check_json_lines(const char *text, size_t len, const char *what)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        cJSON *j = cJSON_ParseWithLength(p, n);
        FUZZ_CHECK(j, "%s: a line is not JSON: %.*s", what, (int)(n > 200 ? 200 : n), p);
        cJSON_Delete(j);
        p += n + 1;
    }
}

static void write_all(const bead_doc *const *docs, size_t n, const bead_alignment *out,
                      const bead_alignment *covering, const bead_alignment *const *pairs,
                      size_t npairs, int report)
{
    static const bead_format formats[] = {BEAD_FORMAT_TSV, BEAD_FORMAT_TMX, BEAD_FORMAT_JSONL,
                                          BEAD_FORMAT_BEADS};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        if (formats[f] == BEAD_FORMAT_BEADS && n != 2)
            continue;
        bead_output *o = NULL;
        bead_error err;
        FUZZ_CHECK(bead_output_open_memory(&o, NULL) == BEAD_OK, "memory output");
        bead_write_options wopt;
        bead_write_options_init(&wopt);
        wopt.include_unaligned = 1;
        wopt.date = "20260101T000000Z";
        const bead_alignment *al = formats[f] == BEAD_FORMAT_BEADS ? covering : out;
        bead_status s = bead_write_alignment(o, formats[f], docs, al, &wopt, &err);
        FUZZ_CHECK(s == BEAD_OK, "writing %s: %s", bead_format_name(formats[f]), err.message);
        size_t len = 0;
        const char *text = bead_output_memory(o, &len);
        FUZZ_CHECK(fuzz_valid_utf8(text, len), "%s output is not valid UTF-8",
                   bead_format_name(formats[f]));
        if (formats[f] == BEAD_FORMAT_JSONL)
            check_json_lines(text, len, "jsonl");
        bead_output_free(o);
    }
    bead_output *o = NULL;
    bead_error err;
    FUZZ_CHECK(bead_output_open_memory(&o, NULL) == BEAD_OK, "memory output");
    bead_status s = bead_write_summary(o, docs, out, pairs, npairs, 0.5, &err);
    FUZZ_CHECK(s == BEAD_OK, "summary: %s", err.message);
    size_t len = 0;
    const char *text = bead_output_memory(o, &len);
    cJSON *j = cJSON_ParseWithLength(text, len);
    FUZZ_CHECK(j, "the summary is not JSON");
    cJSON_Delete(j);
    bead_output_free(o);
    if (!report)
        return;

    bead_report *rep = NULL;
    s = bead_report_build(&rep, docs, n, covering, pairs, npairs, NULL, &err);
    FUZZ_CHECK(s == BEAD_OK, "report: %s", err.message);
    for (int html = 0; html < 2; html++) {
        FUZZ_CHECK(bead_output_open_memory(&o, NULL) == BEAD_OK, "memory output");
        s = html ? bead_report_write_html(rep, o, &err) : bead_report_write_json(rep, o, &err);
        FUZZ_CHECK(s == BEAD_OK, "report %s: %s", html ? "html" : "json", err.message);
        text = bead_output_memory(o, &len);
        FUZZ_CHECK(fuzz_valid_utf8(text, len), "report is not valid UTF-8");
        if (!html) {
            j = cJSON_ParseWithLength(text, len);
            FUZZ_CHECK(j, "the report is not JSON");
            cJSON_Delete(j);
        }
        bead_output_free(o);
    }
    bead_report_free(rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 4096)
        return 0;
    unsigned flags = data[0];
    size_t rest = size - 3;
    size_t cut = (size_t)(((uint64_t)(data[1] | data[2] << 8) * rest) >> 16);
    const char *text = (const char *)data + 3;
    int three = (flags & 128) != 0;
    int preseg = (flags & 16) != 0;
    bead_align_options opt;
    bead_align_options_init(&opt);
    static const bead_mode modes[4] = {BEAD_MODE_AUTO, BEAD_MODE_ALIGN, BEAD_MODE_MINE,
                                       BEAD_MODE_AUTO};
    opt.mode = modes[(flags >> 5) & 3];

    bead_doc *docs[3] = {NULL, NULL, NULL};
    size_t n = three ? 3 : 2;
    size_t cut2 = three ? cut + (rest - cut) / 2 : rest;
    docs[0] = make_doc(text, cut, fuzz_langs[flags & 3], "a.txt", preseg);
    docs[1] = make_doc(text + cut, cut2 - cut, fuzz_langs[(flags >> 2) & 3], "b.txt", preseg);
    if (three)
        docs[2] = make_doc(text + cut2, rest - cut2, "en", "c.txt", preseg);
    if (!docs[0] || !docs[1] || (three && !docs[2])) {
        for (size_t v = 0; v < 3; v++)
            bead_doc_free(docs[v]);
        return 0;
    }
    const bead_doc *const *cdocs = (const bead_doc *const *)docs;

    /* One aligner per mode for the whole run. opt hands it no dictionary,
     * so none is loaded (the dictionaries are not fuzz input anyway). */
    static bead_aligner *aligners[4];
    bead_error err;
    size_t slot = (flags >> 5) & 3;
    int report = (data[1] & 3) == 0;
    if (!aligners[slot])
        FUZZ_CHECK(bead_aligner_create(&aligners[slot], &opt, &err) == BEAD_OK, "aligner: %s",
                   err.message);
    bead_aligner *aligner = aligners[slot];
    bead_alignment *out = NULL, *mono = NULL, **pairs = NULL;
    size_t npairs = 0;
    bead_status s;
    if (three)
        s = bead_align_multi(aligner, &opt, cdocs, n, -1, NULL, &out, &pairs, &npairs, &err);
    else
        s = bead_align_decide(aligner, &opt, docs[0], docs[1], &out, &mono, &err);
    FUZZ_CHECK(s == BEAD_OK || s == BEAD_ERR_SECTIONS, "aligning: %s: %s", bead_strerror(s),
               err.message);
    if (s == BEAD_ERR_SECTIONS)
        FUZZ_CHECK(bead_doc_section_count(docs[0]) != bead_doc_section_count(docs[1]) ||
                       (three && bead_doc_section_count(docs[0]) !=
                                     bead_doc_section_count(docs[2])),
                   "a sections error with equal section counts");
    if (s == BEAD_OK) {
        if (three) {
            check_alignment(out, cdocs, n, 1, "multi");
            for (size_t k = 0; k < npairs; k++)
                FUZZ_CHECK(pairs[k] && bead_alignment_nversions(pairs[k]) == 2, "pair %zu", k);
            write_all(cdocs, n, out, out, (const bead_alignment *const *)pairs, npairs, report);
        } else {
            check_alignment(mono, cdocs, n, 1, "monotone");
            check_alignment(out, cdocs, n, opt.mode == BEAD_MODE_ALIGN, "decided");
            write_all(cdocs, n, out, mono, NULL, 0, report);
        }
    }
    bead_alignment_list_free(pairs, npairs);
    bead_alignment_free(out);
    bead_alignment_free(mono);
    for (size_t v = 0; v < 3; v++)
        bead_doc_free(docs[v]);
    return 0;
}
