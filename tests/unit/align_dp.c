/* Unit tests of the aligner on synthetic documents: the beads cover both
 * documents in order (also through the coarse-to-fine band), a known
 * alignment is recovered, results are deterministic, sections are aligned
 * separately and must match in number, scores lie in [0,1], and a
 * sentence cut in four (or four joined) gets its 1-4 (4-1) bead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/pair/pair.h"

#include "check.h"

static uint64_t rng = 88172645463325252ull;
static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

static void add_text(bead_doc *d, size_t len, uint64_t section)
{
    char buf[600];
    for (size_t i = 0; i < len; i++)
        buf[i] = (i % 6 == 5) ? ' ' : (char)('a' + (int)(i % 5));
    bead_doc_add(d, buf, len, 0, section, NULL);
}

/* n source sentences; the target has each at 1.2x length (+-10%), drops
 * every 17th, and has an extra sentence after every 23rd. truth[i] is the
 * target index of source i, or -1. */
static void make_pair(bead_doc **src, bead_doc **trg, size_t n, long *truth)
{
    bead_doc_create(src, "en", "src", NULL);
    bead_doc_create(trg, "de", "trg", NULL);
    long j = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = 10 + next_rand() % 200;
        add_text(*src, len, 0);
        if (i % 17 == 16) {
            truth[i] = -1;
        } else {
            size_t tl = (size_t)(len * (1.08 + (next_rand() % 25) / 100.0));
            add_text(*trg, tl, 0);
            truth[i] = j++;
        }
        if (i % 23 == 22) {
            add_text(*trg, 10 + next_rand() % 200, 0);
            j++;
        }
    }
}

/* Checks that al covers src and trg in order; returns the share of source
 * sentences in 1-1 beads that match truth. */
static double check_cover(const bead_alignment *al, size_t ns, size_t nt, const long *truth)
{
    size_t ps = 0, pt = 0, good = 0, ones = 0;
    for (size_t k = 0; k < bead_alignment_size(al); k++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, k, 0, &b0, &c0);
        bead_alignment_range(al, k, 1, &b1, &c1);
        CHECK(b0 == ps && b1 == pt, "bead %zu starts at %zu,%zu, expected %zu,%zu", k, b0, b1, ps,
              pt);
        CHECK(c0 + c1 > 0, "bead %zu is empty", k);
        double s = bead_alignment_score(al, k);
        CHECK(s >= 0 && s <= 1, "bead %zu scored %g", k, s);
        if (truth && c0 == 1 && c1 == 1) {
            ones++;
            good += truth[b0] == (long)b1;
        }
        ps = b0 + c0;
        pt = b1 + c1;
    }
    CHECK(ps == ns && pt == nt, "beads end at %zu,%zu, documents at %zu,%zu", ps, pt, ns, nt);
    return ones ? (double)good / (double)ones : 0;
}

static int same_alignment(const bead_alignment *a, const bead_alignment *b)
{
    if (bead_alignment_size(a) != bead_alignment_size(b))
        return 0;
    for (size_t k = 0; k < bead_alignment_size(a); k++)
        for (size_t v = 0; v < 2; v++) {
            size_t x0, x1, y0, y1;
            bead_alignment_range(a, k, v, &x0, &x1);
            bead_alignment_range(b, k, v, &y0, &y1);
            if (x0 != y0 || x1 != y1 || bead_alignment_score(a, k) != bead_alignment_score(b, k))
                return 0;
        }
    return 1;
}

static void test_pair(size_t n)
{
    long *truth = malloc(n * sizeof *truth);
    bead_doc *src, *trg;
    make_pair(&src, &trg, n, truth);
    bead_aligner *a;
    bead_alignment *al = NULL, *al2 = NULL;
    CHECK(bead_aligner_create(&a, NULL, NULL) == BEAD_OK, "create");
    CHECK(bead_align_pair(a, src, trg, &al, NULL) == BEAD_OK, "align %zu", n);
    double acc = check_cover(al, bead_doc_size(src), bead_doc_size(trg), truth);
    CHECK(acc > 0.9, "%zu sentences: only %.3f of 1-1 beads right", n, acc);
    CHECK(bead_align_pair(a, src, trg, &al2, NULL) == BEAD_OK, "align again");
    CHECK(same_alignment(al, al2), "%zu sentences: two runs differ", n);
    bead_model_info info;
    bead_alignment_model(al, &info);
    CHECK(info.c > 1.1 && info.c < 1.25, "c estimated as %g, expected about 1.2", info.c);
    bead_alignment_free(al);
    bead_alignment_free(al2);
    bead_aligner_free(a);
    bead_doc_free(src);
    bead_doc_free(trg);
    free(truth);
}

static void test_sections(void)
{
    bead_doc *src, *trg;
    bead_doc_create(&src, "en", "a.txt", NULL);
    bead_doc_create(&trg, "de", "b.txt", NULL);
    /* Lengths that would pull a section-blind aligner across the barrier. */
    add_text(src, 50, 0);
    add_text(src, 50, 0);
    add_text(src, 100, 1);
    add_text(trg, 110, 0);
    add_text(trg, 55, 1);
    add_text(trg, 55, 1);
    bead_aligner *a;
    bead_alignment *al = NULL;
    bead_aligner_create(&a, NULL, NULL);
    CHECK(bead_align_pair(a, src, trg, &al, NULL) == BEAD_OK, "sections align");
    if (al) {
        check_cover(al, 3, 3, NULL);
        for (size_t k = 0; k < bead_alignment_size(al); k++) {
            size_t b0, c0, b1, c1;
            bead_alignment_range(al, k, 0, &b0, &c0);
            bead_alignment_range(al, k, 1, &b1, &c1);
            CHECK(!(c0 && b0 < 2 && b0 + c0 > 2), "bead %zu crosses the source barrier", k);
            CHECK(!(c1 && b1 < 1 && b1 + c1 > 1), "bead %zu crosses the target barrier", k);
        }
    }
    bead_alignment_free(al);
    al = NULL;
    add_text(src, 10, 2);   /* now 3 sections against 2 */
    bead_error err;
    bead_error_clear(&err);
    CHECK(bead_align_pair(a, src, trg, &al, &err) == BEAD_ERR_SECTIONS, "section mismatch");
    CHECK(al == NULL, "no alignment on a section mismatch");
    CHECK(strstr(err.message, "3 section(s)") != NULL, "message says where: %s", err.message);
    bead_aligner_free(a);
    bead_doc_free(src);
    bead_doc_free(trg);
}

static void test_empty(void)
{
    bead_doc *src, *trg;
    bead_doc_create(&src, "en", "a", NULL);
    bead_doc_create(&trg, "de", "b", NULL);
    bead_aligner *a;
    bead_alignment *al = NULL;
    bead_aligner_create(&a, NULL, NULL);
    CHECK(bead_align_pair(a, src, trg, &al, NULL) == BEAD_OK, "two empty documents");
    CHECK(al && bead_alignment_size(al) == 0, "nothing to align");
    bead_alignment_free(al);
    add_text(trg, 30, 0);
    add_text(trg, 40, 0);
    CHECK(bead_align_pair(a, src, trg, &al, NULL) == BEAD_OK, "one empty document");
    if (al)
        check_cover(al, 0, 2, NULL);
    bead_alignment_free(al);
    bead_aligner_free(a);
    bead_doc_free(src);
    bead_doc_free(trg);
}

/* Only 1-1 allowed, but the lengths differ: 1-0 / 0-1 still cover them. */
static void test_restricted_types(void)
{
    bead_doc *src, *trg;
    bead_doc_create(&src, "en", "a", NULL);
    bead_doc_create(&trg, "de", "b", NULL);
    for (int i = 0; i < 5; i++)
        add_text(src, 40 + 10 * (size_t)i, 0);
    for (int i = 0; i < 7; i++)
        add_text(trg, 45 + 10 * (size_t)i, 0);
    bead_align_options opt;
    bead_align_options_init(&opt);
    opt.bead_types = bead_types_parse("1-1");
    bead_aligner *a;
    bead_alignment *al = NULL;
    bead_aligner_create(&a, &opt, NULL);
    CHECK(bead_align_pair(a, src, trg, &al, NULL) == BEAD_OK, "1-1 only");
    if (al)
        check_cover(al, 5, 7, NULL);
    bead_alignment_free(al);
    bead_aligner_free(a);
    bead_doc_free(src);
    bead_doc_free(trg);
}

/* A sentence translated in four pieces (source 10 -> target 10..13), and
 * four translated in one (source 20..23 -> target 23): the 1-4 and 4-1
 * beads of the later rounds. */
static void test_five_sentence_beads(void)
{
    bead_doc *src, *trg;
    bead_doc_create(&src, "en", "a", NULL);
    bead_doc_create(&trg, "de", "b", NULL);
    for (size_t i = 0; i < 30; i++) {
        size_t len = 60 + next_rand() % 120;
        if (i == 10)
            len = 480;
        add_text(src, len, 0);
        if (i == 10) {
            for (int k = 0; k < 4; k++)
                add_text(trg, 144, 0);
        } else if (i >= 20 && i <= 23) {
            if (i == 20)
                add_text(trg, 4 * 144, 0);
        } else {
            add_text(trg, len * 6 / 5, 0);
        }
    }
    bead_aligner *a;
    bead_alignment *al = NULL;
    bead_aligner_create(&a, NULL, NULL);
    CHECK(bead_align_pair(a, src, trg, &al, NULL) == BEAD_OK, "five-sentence beads");
    int one_four = 0, four_one = 0;
    for (size_t k = 0; al && k < bead_alignment_size(al); k++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, k, 0, &b0, &c0);
        bead_alignment_range(al, k, 1, &b1, &c1);
        one_four += b0 == 10 && c0 == 1 && b1 == 10 && c1 == 4;
        four_one += b0 == 20 && c0 == 4 && b1 == 23 && c1 == 1;
    }
    CHECK(one_four, "no 1-4 bead for the sentence cut in four");
    CHECK(four_one, "no 4-1 bead for the four sentences joined");
    bead_alignment_free(al);
    bead_aligner_free(a);
    bead_doc_free(src);
    bead_doc_free(trg);
}

int main(void)
{
    test_pair(300);     /* whole matrix */
    test_pair(3000);    /* coarse-to-fine band */
    test_sections();
    test_empty();
    test_restricted_types();
    test_five_sentence_beads();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures != 0;
}
