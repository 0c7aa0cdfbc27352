/* bead_doc's compact storage: texts with their lengths and NULs, paragraph
 * and section numbers in any order (they are kept as runs), and a loaded
 * document that gives back the room it grew into. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <bead/align.h>
#include "check.h"

/* para and section of sentence i: runs of varied length, values that go
 * back down and jump past 32 bits, so that no run lookup is trivial. */
static uint64_t para_of(size_t i) { return i < 5 ? 0 : i % 7 == 0 ? i : (i / 3) % 4; }
static uint64_t section_of(size_t i) { return i < 900 ? i / 300 : (uint64_t)1 << 40; }

static void text_of(size_t i, char *buf, size_t cap, size_t *len)
{
    /* Lengths 0 to 40, so that an off-by-one in an offset shows. */
    size_t n = i % 41;
    if (n >= cap)
        n = cap - 1;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)('a' + (i + k) % 26);
    buf[n] = '\0';
    *len = n;
}

static void test_add_and_read(void)
{
    bead_doc *d = NULL;
    CHECK(bead_doc_create(&d, "en", "store", NULL) == BEAD_OK, "create");
    if (!d)
        return;
    CHECK(bead_doc_size(d) == 0, "empty size");
    CHECK(bead_doc_section_count(d) == 1, "empty doc has one section");
    enum { N = 1000 };
    for (size_t i = 0; i < N; i++) {
        char buf[64];
        size_t len;
        text_of(i, buf, sizeof buf, &len);
        CHECK(bead_doc_add(d, buf, len, para_of(i), section_of(i), NULL) == BEAD_OK, "add %zu", i);
    }
    CHECK(bead_doc_size(d) == N, "size %zu", bead_doc_size(d));
    CHECK(bead_doc_section_count(d) == ((uint64_t)1 << 40) + 1, "section count");
    for (size_t i = 0; i < N; i++) {
        char want[64];
        size_t wlen, len = 99;
        text_of(i, want, sizeof want, &wlen);
        const char *t = bead_doc_text(d, i, &len);
        CHECK(len == wlen && memcmp(t, want, len) == 0 && t[len] == '\0', "text %zu", i);
        CHECK(bead_doc_text(d, i, NULL) == t, "text without length %zu", i);
        CHECK(bead_doc_para(d, i) == para_of(i), "para %zu: %llu", i,
              (unsigned long long)bead_doc_para(d, i));
        CHECK(bead_doc_section(d, i) == section_of(i), "section %zu", i);
    }
    bead_doc_free(d);
}

typedef struct probe {
    size_t n;
    uint64_t para[8], section[8];
} probe;

static int note(void *p, const bead_sentence *s)
{
    probe *pr = p;
    if (pr->n < 8) {
        pr->para[pr->n] = s->para;
        pr->section[pr->n] = s->section;
    }
    pr->n++;
    return 0;
}

/* A segmented document (trimmed after loading) answers as the segmenter said. */
static void test_segmented(void)
{
    const char text[] = "One. Two.\n\nThree.\n.EOA\nFour. Five.\n\n\nSix.\n";
    bead_segmenter *seg = NULL;
    bead_input *in = NULL;
    bead_doc *d = NULL;
    probe pr = {0};
    CHECK(bead_segmenter_create(&seg, "en", NULL, NULL) == BEAD_OK, "segmenter");
    if (!seg)
        return;
    CHECK(bead_segment_text(seg, text, strlen(text), note, &pr, NULL) == BEAD_OK, "segment");
    CHECK(bead_input_open_memory(&in, text, strlen(text), "mem", NULL, NULL) == BEAD_OK, "input");
    if (in)
        CHECK(bead_doc_segment(&d, seg, in, "en", NULL) == BEAD_OK, "doc_segment");
    if (d) {
        static const char *const want[] = {"One.", "Two.", "Three.", "Four.", "Five.", "Six."};
        CHECK(bead_doc_size(d) == 6 && pr.n == 6, "sizes %zu %zu", bead_doc_size(d), pr.n);
        for (size_t i = 0; i < 6 && i < bead_doc_size(d); i++) {
            size_t len;
            const char *t = bead_doc_text(d, i, &len);
            CHECK(len == strlen(want[i]) && strcmp(t, want[i]) == 0, "sentence %zu: %s", i, t);
            CHECK(bead_doc_para(d, i) == pr.para[i], "para %zu", i);
            CHECK(bead_doc_section(d, i) == pr.section[i], "section %zu", i);
        }
        CHECK(bead_doc_section_count(d) == 2, "sections");
        CHECK(strcmp(bead_doc_name(d), "mem") == 0, "name");
    }
    bead_doc_free(d);
    bead_input_free(in);
    bead_segmenter_free(seg);
}

int main(void)
{
    test_add_and_read();
    test_segmented();
    return failures != 0;
}
