/* Fuzz harness: section barriers (.EOA lines and form feeds) through the
 * segmenter, the documents and the pair aligner. To let the fuzzer make
 * barriers cheaply, byte 0x01 of the input stands for a line ".EOA" and 0x02
 * for a form feed line, each on its own line.
 *
 * Byte 0: bits 0-1 first language, bits 2-3 second (bg de en id), bit 4
 * presegmented, bit 5 the learned-lexicon pass, bit 6 three re-estimation
 * rounds instead of one. Bytes 1-2: where the rest splits into the two
 * documents.
 *
 * Properties: a document has one section more than it has barriers (empty
 * sections count, first, middle and last); equal counts align, differing
 * counts are BEAD_ERR_SECTIONS with a message; the alignment covers both
 * documents in order and no bead joins sentences of two sections or pairs
 * sentences of different sections. */
#include <string.h>
#include <bead/align.h>

#include "fuzz_util.h"

/* The text with its barrier bytes expanded, and how many barriers it has as
 * the input reader will see its lines (CR, CRLF and LF end lines; a leading
 * BOM is dropped; blanks around .EOA are allowed). */
static char *expand(const uint8_t *s, size_t len, size_t *out_len, size_t *barriers)
{
    char *t = malloc(len * 7 + 1);
    FUZZ_CHECK(t, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == 1) {
            memcpy(t + k, "\n.EOA\n", 6);
            k += 6;
        } else if (s[i] == 2) {
            memcpy(t + k, "\n\f\n", 3);
            k += 3;
        } else {
            t[k++] = (char)s[i];
        }
    }
    t[k] = '\0';
    *out_len = k;
    size_t n = 0, start = 0;
    if (k >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3))
        start = 3;
    for (size_t i = start; i <= k; i++) {
        if (i < k && t[i] != '\n' && t[i] != '\r')
            continue;
        const char *l = t + start;
        size_t ll = i - start;
        while (ll && (l[ll - 1] == ' ' || l[ll - 1] == '\t'))
            ll--;
        while (ll && (*l == ' ' || *l == '\t')) {
            l++;
            ll--;
        }
        if ((ll == 4 && !memcmp(l, ".EOA", 4)) || (ll == 1 && l[0] == '\f'))
            n++;
        if (i < k && t[i] == '\r' && i + 1 < k && t[i + 1] == '\n')
            i++;
        start = i + 1;
    }
    *barriers = n;
    return t;
}

static bead_doc *load(const char *text, size_t len, const char *lang, int preseg)
{
    bead_load_options lopt;
    bead_load_options_init(&lopt);
    lopt.presegmented = preseg;
    lopt.input.replace_invalid = 1;
    bead_segment_options sopt;
    bead_segment_options_init(&sopt);
    if (preseg)
        sopt.flags |= BEAD_SEGMENT_PRESEGMENTED;
    /* One segmenter per language and mode for the whole run: creating one
     * (ICU's break iterator, the rules) costs more than a small input. */
    static bead_segmenter *segs[4][2];
    int li = 0;
    while (li < 3 && strcmp(fuzz_langs[li], lang))
        li++;
    bead_segmenter **seg = &segs[li][preseg];
    bead_input *in = NULL;
    bead_doc *doc = NULL;
    bead_error err;
    if (!*seg)
        FUZZ_CHECK(bead_segmenter_create(seg, lang, &sopt, NULL) == BEAD_OK, "segmenter");
    FUZZ_CHECK(bead_input_open_memory(&in, text, len, "x.txt", &lopt.input, NULL) == BEAD_OK,
               "input");
    bead_status s = bead_doc_segment(&doc, *seg, in, lang, &err);
    bead_input_free(in);
    if (s == BEAD_ERR_FORMAT && fuzz_refused_format(text, len))
        return NULL;             /* xz, UTF-16...: refused by name */
    FUZZ_CHECK(s == BEAD_OK, "segmenting: %s", err.message);
    return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 4096)
        return 0;
    unsigned flags = data[0];
    size_t rest = size - 3;
    size_t cut = (size_t)(((uint64_t)(data[1] | data[2] << 8) * rest) >> 16);
    int preseg = (flags >> 4) & 1;
    size_t la, lb, na, nb;
    char *a = expand(data + 3, cut, &la, &na);
    char *b = expand(data + 3 + cut, rest - cut, &lb, &nb);
    bead_doc *docs[2] = {load(a, la, fuzz_langs[flags & 3], preseg),
                         load(b, lb, fuzz_langs[(flags >> 2) & 3], preseg)};
    if (!docs[0] || !docs[1]) {
        bead_doc_free(docs[0]);
        bead_doc_free(docs[1]);
        free(a);
        free(b);
        return 0;
    }
    FUZZ_CHECK(bead_doc_section_count(docs[0]) == na + 1, "%zu barriers, %llu sections", na,
               (unsigned long long)bead_doc_section_count(docs[0]));
    FUZZ_CHECK(bead_doc_section_count(docs[1]) == nb + 1, "%zu barriers, %llu sections", nb,
               (unsigned long long)bead_doc_section_count(docs[1]));

    bead_align_options opt;
    bead_align_options_init(&opt);
    opt.mode = BEAD_MODE_ALIGN;
    opt.learn = (flags >> 5) & 1;
    opt.iterations = (flags >> 6) & 1 ? 3 : 1;
    /* One aligner per option set for the whole run (opening ICU's
     * transliterators takes milliseconds; the aligner keeps them). */
    static bead_aligner *aligners[4];
    bead_aligner **aligner = &aligners[(flags >> 5) & 3];
    bead_error err;
    if (!*aligner)
        FUZZ_CHECK(bead_aligner_create(aligner, &opt, &err) == BEAD_OK, "aligner");
    bead_alignment *al = NULL;
    bead_status s = bead_align_pair(*aligner, docs[0], docs[1], &al, &err);
    if (na != nb) {
        FUZZ_CHECK(s == BEAD_ERR_SECTIONS && err.message[0], "%zu and %zu barriers gave %s", na,
                   nb, bead_strerror(s));
    } else {
        FUZZ_CHECK(s == BEAD_OK, "aligning: %s", err.message);
        size_t next[2] = {0, 0};
        uint64_t last_section = 0;
        for (size_t u = 0; u < bead_alignment_size(al); u++) {
            uint64_t sec[2] = {UINT64_MAX, UINT64_MAX};
            for (size_t v = 0; v < 2; v++) {
                size_t begin, count;
                bead_alignment_range(al, u, v, &begin, &count);
                FUZZ_CHECK(count == 0 || begin == next[v], "unit %zu side %zu out of order", u,
                           v);
                next[v] += count;
                for (size_t i = begin; i < begin + count; i++) {
                    uint64_t si = bead_doc_section(docs[v], i);
                    FUZZ_CHECK(sec[v] == UINT64_MAX || sec[v] == si,
                               "unit %zu joins sections %llu and %llu", u,
                               (unsigned long long)sec[v], (unsigned long long)si);
                    sec[v] = si;
                }
            }
            FUZZ_CHECK(sec[0] == UINT64_MAX || sec[1] == UINT64_MAX || sec[0] == sec[1],
                       "unit %zu pairs section %llu with %llu", u,
                       (unsigned long long)sec[0], (unsigned long long)sec[1]);
            uint64_t here = sec[0] != UINT64_MAX ? sec[0] : sec[1];
            FUZZ_CHECK(here >= last_section, "unit %zu goes back to section %llu", u,
                       (unsigned long long)here);
            last_section = here;
        }
        for (size_t v = 0; v < 2; v++)
            FUZZ_CHECK(next[v] == bead_doc_size(docs[v]), "side %zu covered %zu of %zu", v,
                       next[v], bead_doc_size(docs[v]));
    }
    bead_alignment_free(al);
    bead_doc_free(docs[0]);
    bead_doc_free(docs[1]);
    free(a);
    free(b);
    return 0;
}
