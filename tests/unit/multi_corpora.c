/* N-way alignment of en.reuters, de.aljazeera and bg.aljazeera: every pair
 * judged, in bead_align_multi's order; units that cover every sentence of
 * every version in order; the Takeo Akiba sentence of all three versions in
 * one unit (en joins through its mined pairs); an explicit pivot is used;
 * an unrelated version (de.cryptopolitan) only gets units of its own. */
#include <stdio.h>
#include <string.h>

#include "bead/align.h"
#include "corpus.h"


static int failures;
#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static bead_doc *load(const char *name, const char *lang)
{
    return corpus_load(name, lang, &failures);
}

static int covers_in_order(const bead_alignment *al, const bead_doc *const *docs, size_t n)
{
    size_t next[8] = {0};
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t present = 0;
        for (size_t v = 0; v < n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            if (c && b != next[v])
                return 0;
            next[v] += c;
            present += c > 0;
        }
        if (!present)
            return 0;
    }
    for (size_t v = 0; v < n; v++)
        if (next[v] != bead_doc_size(docs[v]))
            return 0;
    return 1;
}

/* The unit holding the sentence of version v that contains needle. */
static size_t unit_of(const bead_alignment *al, const bead_doc *d, size_t v, const char *needle)
{
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t b, c;
        bead_alignment_range(al, u, v, &b, &c);
        for (size_t i = b; i < b + c; i++) {
            size_t len;
            if (strstr(bead_doc_text(d, i, &len), needle))
                return u;
        }
    }
    return SIZE_MAX;
}

int main(void)
{
    bead_doc *docs[4] = {load(CORPUS "en.reuters.txt", "en"), load(CORPUS "de.aljazeera.txt", "de"),
                         load(CORPUS "bg.aljazeera.txt", "bg"),
                         load(CORPUS "de.cryptopolitan.txt", "de")};
    if (failures)
        return 1;
    const bead_doc *const *cd = (const bead_doc *const *)docs;
    bead_align_options o;
    bead_align_options_init(&o);
    bead_aligner *al = NULL;
    bead_aligner_create(&al, &o, NULL);
    bead_alignment *m = NULL, **pairs = NULL;
    size_t np = 0, pivot = 99;
    bead_error err;
    bead_status s = bead_align_multi(al, &o, cd, 3, -1, &pivot, &m, &pairs, &np, &err);
    CHECK(s == BEAD_OK);
    if (s == BEAD_OK) {
        CHECK(np == 3);
        CHECK(bead_alignment_verdict(pairs[0]) == BEAD_VERDICT_COMPARABLE);   /* en-de */
        CHECK(bead_alignment_verdict(pairs[1]) == BEAD_VERDICT_COMPARABLE);   /* en-bg */
        CHECK(bead_alignment_verdict(pairs[2]) == BEAD_VERDICT_PARALLEL);     /* de-bg */
        CHECK(pivot == 1 || pivot == 2);   /* an aljazeera version: they align best */
        CHECK(bead_alignment_nversions(m) == 3);
        CHECK(covers_in_order(m, cd, 3));
        size_t a = unit_of(m, docs[0], 0, "Takeo Akiba said");
        CHECK(a != SIZE_MAX);
        CHECK(a == unit_of(m, docs[1], 1, "Takeo Akiba, Generalsekretär"));
        CHECK(a == unit_of(m, docs[2], 2, "Такео Акиба, генерален"));
        CHECK(unit_of(m, docs[1], 1, "Sie befürchten") == unit_of(m, docs[2], 2, "Те се притесняват"));
    }
    bead_alignment_list_free(pairs, np);
    bead_alignment_free(m);

    /* An explicit pivot, and an unrelated fourth version. */
    s = bead_align_multi(al, &o, cd, 4, 2, &pivot, &m, &pairs, &np, &err);
    CHECK(s == BEAD_OK);
    if (s == BEAD_OK) {
        CHECK(pivot == 2 && np == 6);
        CHECK(covers_in_order(m, cd, 4));
        for (size_t u = 0; u < bead_alignment_size(m); u++) {
            size_t b, c, present = 0;
            for (size_t v = 0; v < 4; v++) {
                bead_alignment_range(m, u, v, &b, &c);
                present += c > 0;
            }
            bead_alignment_range(m, u, 3, &b, &c);
            if (c)
                CHECK(present == 1);
        }
    }
    bead_alignment_list_free(pairs, np);
    bead_alignment_free(m);

    /* A bad pivot is a usage error. */
    CHECK(bead_align_multi(al, &o, cd, 3, 3, NULL, &m, &pairs, &np, &err) == BEAD_ERR_USAGE);
    bead_aligner_free(al);
    for (int v = 0; v < 4; v++)
        bead_doc_free(docs[v]);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures != 0;
}
