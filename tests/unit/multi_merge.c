/* N-way merge of pairwise alignments against a pivot, the pair list order,
 * and turning mined pairs into a covering alignment. */
#include <stdio.h>
#include <string.h>

#include "bead/align.h"
#include "align/multi/multi_internal.h"

static int failures;
#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static void add2(bead_alignment *al, size_t b0, size_t c0, size_t b1, size_t c1, double score)
{
    size_t b[2] = {b0, b1}, c[2] = {c0, c1};
    bead_alignment_append(al, b, c, score, NULL);
}

static int unit_is(const bead_alignment *al, size_t i, const size_t *begin, const size_t *count)
{
    for (size_t v = 0; v < bead_alignment_nversions(al); v++) {
        size_t b, c;
        bead_alignment_range(al, i, v, &b, &c);
        if (c != count[v] || (c && b != begin[v])) {
            fprintf(stderr, "unit %zu version %zu: got [%zu,+%zu], want [%zu,+%zu]\n", i, v, b,
                    c, begin[v], count[v]);
            return 0;
        }
    }
    return 1;
}

static void test_pair_order(void)
{
    for (size_t n = 2; n <= 6; n++) {
        size_t k = 0;
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++, k++) {
                size_t x, y;
                CHECK(bead_pair_index(a, b, n) == k);
                CHECK(bead_pair_index(b, a, n) == k);
                bead_pair_versions(k, n, &x, &y);
                CHECK(x == a && y == b);
            }
        CHECK(k == bead_pair_count(n));
    }
}

/* A: 5 sentences, P (pivot, version 1): 4, C: 3. */
static void test_merge(void)
{
    bead_alignment *ap = NULL, *pc = NULL, *m = NULL;
    bead_alignment_create(&ap, 2, NULL);
    add2(ap, 0, 1, 0, 1, 0.9);
    add2(ap, 1, 2, 1, 1, 0.8);
    add2(ap, 3, 1, 2, 2, 0.7);
    add2(ap, 4, 1, 4, 0, 0.4);
    bead_alignment_add_anchor(ap, 2, "num:2022", NULL);
    bead_alignment_create(&pc, 2, NULL);
    add2(pc, 0, 1, 0, 0, 0.5);
    add2(pc, 1, 0, 0, 1, 0.6);
    add2(pc, 1, 2, 1, 1, 0.85);
    add2(pc, 3, 1, 2, 1, 0.95);
    bead_alignment_add_anchor(pc, 2, "name:sullivan", NULL);
    bead_alignment_add_anchor(pc, 3, "num:2022", NULL);
    const bead_alignment *pairs[3] = {ap, NULL, pc};   /* (0,1) (0,2) (1,2) */
    size_t sizes[3] = {5, 4, 3};
    bead_status s = bd_multi_merge(pairs, 3, 1, sizes, NULL, &m, NULL);
    CHECK(s == BEAD_OK);
    if (s != BEAD_OK)
        goto out;
    CHECK(bead_alignment_size(m) == 4);
    if (bead_alignment_size(m) != 4)
        goto out;
    CHECK(unit_is(m, 0, (size_t[]){0, 0, 0}, (size_t[]){1, 1, 0}));
    CHECK(unit_is(m, 1, (size_t[]){1, 1, 0}, (size_t[]){0, 0, 1}));
    CHECK(unit_is(m, 2, (size_t[]){1, 1, 1}, (size_t[]){3, 3, 2}));
    CHECK(unit_is(m, 3, (size_t[]){4, 4, 3}, (size_t[]){1, 0, 0}));
    CHECK(bead_alignment_score(m, 0) == 0.9);   /* matches win over the 1-0 of C */
    CHECK(bead_alignment_score(m, 1) == 0.6);
    CHECK(bead_alignment_score(m, 2) == 0.7);   /* the lowest of its four beads */
    CHECK(bead_alignment_score(m, 3) == 0.4);
    CHECK(bead_alignment_anchor_count(m, 2) == 2);   /* num:2022 only once */

    /* An unrelated C: its sentences stand alone after the pivot's. */
    bead_alignment_free(m);
    m = NULL;
    int alone[3] = {0, 0, 1};
    s = bd_multi_merge(pairs, 3, 1, sizes, alone, &m, NULL);
    CHECK(s == BEAD_OK);
    if (s == BEAD_OK) {
        CHECK(bead_alignment_size(m) == 3 + 1 + 3);
        CHECK(unit_is(m, 3, (size_t[]){4, 4, 0}, (size_t[]){1, 0, 0}));
        CHECK(unit_is(m, 4, (size_t[]){5, 4, 0}, (size_t[]){0, 0, 1}));
    }

    /* A pair that skips a sentence cannot be merged. */
    bead_alignment *bad = NULL;
    bead_alignment_create(&bad, 2, NULL);
    add2(bad, 0, 1, 0, 1, 0.9);
    add2(bad, 2, 1, 1, 1, 0.9);
    const bead_alignment *badpairs[1] = {bad};
    size_t badsizes[2] = {3, 2};
    bead_alignment *m2 = NULL;
    bead_error err;
    bead_error_clear(&err);
    CHECK(bd_multi_merge(badpairs, 2, 0, badsizes, NULL, &m2, &err) == BEAD_ERR_USAGE);
    CHECK(m2 == NULL && strstr(err.message, "does not cover"));
    bead_alignment_free(bad);
out:
    bead_alignment_free(m);
    bead_alignment_free(ap);
    bead_alignment_free(pc);
}

static void test_mined_to_covering(void)
{
    bead_alignment *mined = NULL, *cov = NULL;
    bead_alignment_create(&mined, 2, NULL);
    add2(mined, 1, 1, 3, 1, 0.9);
    add2(mined, 2, 1, 0, 1, 0.8);   /* crosses the others: dropped */
    add2(mined, 4, 1, 4, 1, 0.7);
    bead_status s = bd_mined_to_covering(mined, 5, 6, &cov, NULL);
    CHECK(s == BEAD_OK);
    if (s == BEAD_OK) {
        size_t ones = 0, seen0 = 0, seen1 = 0;
        for (size_t i = 0; i < bead_alignment_size(cov); i++) {
            size_t b0, c0, b1, c1;
            bead_alignment_range(cov, i, 0, &b0, &c0);
            bead_alignment_range(cov, i, 1, &b1, &c1);
            if (c0)
                CHECK(b0 == seen0);
            if (c1)
                CHECK(b1 == seen1);
            seen0 += c0;
            seen1 += c1;
            if (c0 && c1) {
                ones++;
                CHECK((b0 == 1 && b1 == 3) || (b0 == 4 && b1 == 4));
            }
        }
        CHECK(ones == 2 && seen0 == 5 && seen1 == 6);
    }
    bead_alignment_free(cov);
    bead_alignment_free(mined);
}

int main(void)
{
    test_pair_order();
    test_merge();
    test_mined_to_covering();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures != 0;
}
