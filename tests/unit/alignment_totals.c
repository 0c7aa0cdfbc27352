/* The totals every output shares, defined once: units per shape
 * (bead_alignment_shape_counts), the mean score of paired units
 * (bead_alignment_mean_score), and the small shared definitions beside them
 * (the clock, nouns capitalised, anchor kind weights). One table row per
 * alignment: its units, then the shapes and the mean expected. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"
#include "core/lang_internal.h"
#include "align/anchors/anchors.h"
#include "check.h"

#define MAX_UNITS 8
#define MAX_SHAPES 12

typedef struct unit_spec {
    size_t count[3];
    double score;
} unit_spec;

typedef struct shape_spec {
    const char *name;
    size_t count;
} shape_spec;

typedef struct totals_case {
    const char *name;
    size_t nv, nunits;
    unit_spec units[MAX_UNITS];
    shape_spec shapes[MAX_SHAPES];   /* up to the first NULL name */
    double mean;
} totals_case;

#define BIG 4294967294u   /* the largest count an alignment holds */

static const totals_case cases[] = {
    {"pair: the eight types in bead_type order, zeros too; mean of the paired",
     2, 4, {{{1, 1}, 0.9}, {{1, 0}, 0.2}, {{0, 1}, 0.1}, {{2, 1}, 0.8}},
     {{"1-1", 1}, {"1-0", 1}, {"0-1", 1}, {"2-1", 1}, {"1-2", 0}, {"2-2", 0}, {"1-3", 0},
      {"3-1", 0}}, 0.85},
    {"pair: other shapes after the eight, in order of first appearance",
     2, 5, {{{3, 3}, 0.5}, {{1, 1}, 1.0}, {{0, 0}, 0.7}, {{3, 3}, 0.3}, {{4, 0}, 0.2}},
     {{"1-1", 1}, {"1-0", 0}, {"0-1", 0}, {"2-1", 0}, {"1-2", 0}, {"2-2", 0}, {"1-3", 0},
      {"3-1", 0}, {"3-3", 2}, {"0-0", 1}, {"4-0", 1}}, 0.6},
    {"pair: no units",
     2, 0, {{{0}, 0}},
     {{"1-1", 0}, {"1-0", 0}, {"0-1", 0}, {"2-1", 0}, {"1-2", 0}, {"2-2", 0}, {"1-3", 0},
      {"3-1", 0}}, 0.0},
    {"pair: nothing paired, mean 0",
     2, 2, {{{1, 0}, 0.9}, {{0, 1}, 0.8}},
     {{"1-1", 0}, {"1-0", 1}, {"0-1", 1}, {"2-1", 0}, {"1-2", 0}, {"2-2", 0}, {"1-3", 0},
      {"3-1", 0}}, 0.0},
    {"three versions: shapes in order of first appearance; paired means two present",
     3, 5, {{{1, 1, 1}, 0.9}, {{1, 0, 0}, 0.1}, {{0, 1, 1}, 0.6}, {{1, 1, 1}, 0.3},
            {{0, 0, 2}, 0.2}},
     {{"1-1-1", 2}, {"1-0-0", 1}, {"0-1-1", 1}, {"0-0-2", 1}}, 0.6},
    {"three versions: the longest shape fits",
     3, 1, {{{BIG, BIG, BIG}, 0.5}},
     {{"4294967294-4294967294-4294967294", 1}}, 0.5},
};

static void check_case(const totals_case *tc)
{
    bead_alignment *al = NULL;
    CHECK(bead_alignment_create(&al, tc->nv, NULL) == BEAD_OK, "%s: create", tc->name);
    if (!al)
        return;
    size_t next[3] = {0, 0, 0};
    for (size_t i = 0; i < tc->nunits; i++) {
        size_t begin[3];
        for (size_t v = 0; v < tc->nv; v++) {
            begin[v] = tc->units[i].count[v] == BIG ? 0 : next[v];
            next[v] += tc->units[i].count[v];
        }
        CHECK(bead_alignment_append(al, begin, tc->units[i].count, tc->units[i].score, NULL) ==
                  BEAD_OK,
              "%s: append unit %zu", tc->name, i);
    }
    double mean = bead_alignment_mean_score(al);
    CHECK(fabs(mean - tc->mean) < 1e-12, "%s: mean %.6f, want %.6f", tc->name, mean, tc->mean);

    bead_shape_count *shapes = NULL;
    size_t n = 0;
    bead_error err;
    bead_error_clear(&err);
    CHECK(bead_alignment_shape_counts(al, &shapes, &n, &err) == BEAD_OK, "%s: %s", tc->name,
          err.message);
    size_t want = 0;
    while (want < MAX_SHAPES && tc->shapes[want].name)
        want++;
    CHECK(n == want, "%s: %zu shapes, want %zu", tc->name, n, want);
    for (size_t k = 0; k < n && k < want; k++)
        CHECK(!strcmp(shapes[k].name, tc->shapes[k].name) &&
                  shapes[k].count == tc->shapes[k].count,
              "%s: shape %zu is %s x%zu, want %s x%zu", tc->name, k, shapes[k].name,
              shapes[k].count, tc->shapes[k].name, tc->shapes[k].count);
    bead_shape_counts_free(shapes, n);
    bead_alignment_free(al);
}

static void check_clock(void)
{
    double t0 = bead_seconds(), t1 = t0;
    for (int i = 0; i < 1000; i++) {
        double t = bead_seconds();
        CHECK(t >= t1, "bead_seconds went back from %.9f to %.9f", t1, t);
        t1 = t;
    }
    CHECK(t0 > 0 && t1 - t0 < 10, "bead_seconds: %.9f then %.9f", t0, t1);
}

static void check_languages(void)
{
    static const struct {
        const char *lang;
        int capitalises;
    } langs[] = {{"de", 1}, {"lb", 1}, {"gsw", 1}, {"en", 0}, {"bg", 0}, {"id", 0},
                 {"", 0}, {NULL, 0}};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
        CHECK(bd_lang_capitalises_nouns(langs[i].lang) == langs[i].capitalises,
              "bd_lang_capitalises_nouns(%s) is not %d", langs[i].lang ? langs[i].lang : "NULL",
              langs[i].capitalises);
}

static void check_kind_weights(void)
{
    static const struct {
        char kind;
        double weight;
    } kinds[] = {{KEY_NUMBER, 1.0}, {KEY_NAME, 1.0}, {KEY_LEXICON, 0.6},
                 {KEY_COGNATE, 0.6}, {KEY_PUNCT, 0.4}, {'?', 0.5}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        CHECK(bd_key_kind_weight(kinds[i].kind) == kinds[i].weight,
              "bd_key_kind_weight('%c') is %g, want %g", kinds[i].kind,
              bd_key_kind_weight(kinds[i].kind), kinds[i].weight);
}

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
    check_clock();
    check_languages();
    check_kind_weights();
    return failures != 0;
}
