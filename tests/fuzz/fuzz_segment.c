/* Fuzz harness: the segmenter on arbitrary bytes.
 *
 * Byte 0 picks the options: bits 0-1 the language (bg de en id), bit 2
 * --replace-invalid, bit 3 --presegmented, bit 4 a small window (so that the
 * window seams of long paragraphs are reached with short inputs), bit 5 a
 * --max-sentences of 3. The rest is the text.
 *
 * Properties checked, beyond "no crash, no leak, no UB":
 *   - a status from the documented set; never an error for valid input, and
 *     never an encoding error under --replace-invalid;
 *   - every sentence is valid UTF-8 and NFC, has no line end inside, no space
 *     at either end, sane offsets, and non-decreasing paragraph indices;
 *   - no character lost (CONTRACT.md): the sentences joined equal NFC(input)
 *     with whitespace and BOMs removed, for valid input without barriers.
 */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <bead/segment.h>

#include "fuzz_util.h"

typedef struct u16buf {
    UChar *p;
    size_t len, cap;
} u16buf;

static int is_dropped(UChar32 c)
{
    return c == 0xFEFF || c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) ||
           u_isUWhiteSpace(c);
}

/* Appends NFC(text) without whitespace and BOMs. */
static void append_visible(u16buf *b, const char *text, size_t len, const UNormalizer2 *nfc)
{
    UErrorCode ec = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, text, (int32_t)len, &ec);
    ec = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)n16 + 1) * sizeof *u);
    FUZZ_CHECK(u, "out of memory");
    u_strFromUTF8(u, n16 + 1, NULL, text, (int32_t)len, &ec);
    FUZZ_CHECK(U_SUCCESS(ec), "u_strFromUTF8: %s", u_errorName(ec));
    int32_t nn = unorm2_normalize(nfc, u, n16, NULL, 0, &ec);
    ec = U_ZERO_ERROR;
    UChar *norm = malloc(((size_t)nn + 1) * sizeof *norm);
    FUZZ_CHECK(norm, "out of memory");
    unorm2_normalize(nfc, u, n16, norm, nn + 1, &ec);
    FUZZ_CHECK(U_SUCCESS(ec), "unorm2_normalize: %s", u_errorName(ec));
    if (b->len + (size_t)nn > b->cap) {
        b->cap = (b->len + (size_t)nn) * 2 + 16;
        b->p = realloc(b->p, b->cap * sizeof *b->p);
        FUZZ_CHECK(b->p, "out of memory");
    }
    for (int32_t i = 0; i < nn;) {
        UChar32 c;
        int32_t at = i;
        U16_NEXT(norm, i, nn, c);
        if (!is_dropped(c))
            for (int32_t k = at; k < i; k++)
                b->p[b->len++] = norm[k];
    }
    free(u);
    free(norm);
}

typedef struct seen {
    const UNormalizer2 *nfc;
    size_t input_len;
    int presegmented;
    uint64_t count, last_para, last_start;
    u16buf joined;
} seen;

static int on_sentence(void *p, const bead_sentence *s)
{
    seen *c = p;
    FUZZ_CHECK(s->text != NULL || s->len == 0, "NULL text");
    FUZZ_CHECK(fuzz_valid_utf8(s->text, s->len), "sentence %llu is not valid UTF-8",
               (unsigned long long)c->count);
    FUZZ_CHECK(memchr(s->text, '\n', s->len) == NULL && memchr(s->text, '\r', s->len) == NULL,
               "line end inside sentence %llu", (unsigned long long)c->count);
    FUZZ_CHECK(memchr(s->text, '\0', s->len) == NULL, "NUL inside a sentence");
    if (!c->presegmented) {
        FUZZ_CHECK(s->len > 0, "empty sentence %llu", (unsigned long long)c->count);
        FUZZ_CHECK(s->text[0] != ' ' && s->text[s->len - 1] != ' ',
                   "sentence %llu has a space at an end", (unsigned long long)c->count);
        FUZZ_CHECK(!fuzz_contains(s->text, s->len, "  "),
                   "double space inside sentence %llu", (unsigned long long)c->count);
    }
    FUZZ_CHECK(s->start <= s->end && s->end <= c->input_len,
               "offsets [%llu,%llu) outside the input of %zu bytes",
               (unsigned long long)s->start, (unsigned long long)s->end, c->input_len);
    FUZZ_CHECK(c->count == 0 || s->para >= c->last_para, "paragraph index went back");
    FUZZ_CHECK(c->count == 0 || s->start >= c->last_start,
               "start offset went back");
    UErrorCode ec = U_ZERO_ERROR;
    UChar small[1024];
    int32_t n16 = 0;
    u_strFromUTF8(small, 1024, &n16, s->text, (int32_t)s->len, &ec);
    if (U_SUCCESS(ec) && ec != U_STRING_NOT_TERMINATED_WARNING && n16 < 1024)
        FUZZ_CHECK(unorm2_isNormalized(c->nfc, small, n16, &ec), "sentence %llu is not NFC",
                   (unsigned long long)c->count);
    append_visible(&c->joined, s->text, s->len, c->nfc);
    c->last_para = s->para;
    c->last_start = s->start;
    c->count++;
    return 0;
}

static int has_barrier(const char *t, size_t len)
{
    return memchr(t, '\f', len) != NULL || fuzz_contains(t, len, ".EOA");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    bead_input_options iopt;
    bead_input_options_init(&iopt);
    iopt.replace_invalid = (flags & 4) != 0;
    bead_segment_options sopt;
    bead_segment_options_init(&sopt);
    if (flags & 8)
        sopt.flags |= BEAD_SEGMENT_PRESEGMENTED;
    if (flags & 16)
        sopt.window_bytes = 1024;
    if (flags & 32)
        sopt.max_sentences = 3;

    bead_error err;
    bead_error_clear(&err);
    bead_segmenter *seg = NULL;
    bead_status s = bead_segmenter_create(&seg, fuzz_langs[flags & 3], &sopt, &err);
    FUZZ_CHECK(s == BEAD_OK, "bead_segmenter_create: %s", err.message);
    bead_input *in = NULL;
    s = bead_input_open_memory(&in, text, len, "fuzz.txt", &iopt, &err);
    FUZZ_CHECK(s == BEAD_OK, "bead_input_open_memory: %s", err.message);

    UErrorCode ec = U_ZERO_ERROR;
    seen c;
    memset(&c, 0, sizeof c);
    c.nfc = unorm2_getNFCInstance(&ec);
    c.input_len = len;
    c.presegmented = (flags & 8) != 0;
    s = bead_segment_input(seg, in, on_sentence, &c, &err);

    int valid = fuzz_valid_utf8(text, len) && memchr(text, '\0', len) == NULL;
    FUZZ_CHECK(s == BEAD_OK || s == BEAD_ERR_UTF8 || s == BEAD_ERR_NUL || s == BEAD_ERR_LIMIT ||
                   (s == BEAD_ERR_FORMAT && fuzz_refused_format(text, len)),
               "unexpected status %s: %s", bead_strerror(s), err.message);
    if (s != BEAD_OK)
        FUZZ_CHECK(err.message[0] != '\0', "an error without a message");
    if ((valid || iopt.replace_invalid) && !fuzz_refused_format(text, len))
        FUZZ_CHECK(s == BEAD_OK || s == BEAD_ERR_LIMIT, "error %s on input it must accept: %s",
                   bead_strerror(s), err.message);
    if (s == BEAD_ERR_LIMIT)
        FUZZ_CHECK(sopt.max_sentences && c.count <= sopt.max_sentences,
                   "limit error without a limit, or after too many sentences");

    if (s == BEAD_OK && valid && !c.presegmented && !has_barrier(text, len)) {
        u16buf want = {0};
        append_visible(&want, text, len, c.nfc);
        FUZZ_CHECK(want.len == c.joined.len &&
                       (want.len == 0 || !memcmp(want.p, c.joined.p, want.len * sizeof(UChar))),
                   "characters lost: %zu UTF-16 units in, %zu out", want.len, c.joined.len);
        free(want.p);
    }
    free(c.joined.p);
    bead_input_free(in);
    bead_segmenter_free(seg);
    return 0;
}
