/* The translation evidence (align/evidence/): a text against itself shows
 * translation far above chance, the same sentences in another order only
 * for the few a path keeps in order, an unrelated text none; a span of words that link to nothing shows nothing either way (the
 * prior stays 1/2); the chance windows weigh what they are asked to; and
 * P(translation) rises with z, and is the prior at no power. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bead/align.h"
#include "align/evidence/evidence.h"
#include "corpus.h"

static int failures;
#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                         \
        }                                                                       \
    } while (0)

/* The same sentences in a fixed scrambled order. */
static bead_doc *scrambled(const bead_doc *from)
{
    bead_doc *d = NULL;
    bead_doc_create(&d, bead_doc_lang(from), "scrambled", NULL);
    size_t n = bead_doc_size(from);
    for (size_t k = 0; k < n; k++) {
        size_t len;
        const char *t = bead_doc_text(from, (k * 7 + n / 2) % n, &len);
        bead_doc_add(d, t, len, k, 0, NULL);
    }
    return d;
}

static bead_doc *doc_of(const char *lang, const char *const *sentences)
{
    bead_doc *d = NULL;
    bead_doc_create(&d, lang, lang, NULL);
    for (size_t i = 0; sentences[i]; i++)
        bead_doc_add(d, sentences[i], strlen(sentences[i]), i, 0, NULL);
    return d;
}

/* The evidence of a forced monotone alignment of a and b. */
static doc_evidence judge(const bead_doc *a, const bead_doc *b)
{
    doc_evidence doc;
    memset(&doc, 0, sizeof doc);
    bead_aligner *al = NULL;
    bead_alignment *r = NULL;
    evidence *ev = NULL;
    CHECK(bead_aligner_create(&al, NULL, NULL) == BEAD_OK);
    CHECK(bead_align_pair(al, a, b, &r, NULL) == BEAD_OK);
    CHECK(bd_evidence_create(&ev, a, b, NULL, NULL, NULL) == BEAD_OK);
    double p[512];
    if (r && ev && bead_alignment_size(r) <= 512)
        CHECK(bd_evidence_units(ev, r, p, NULL, &doc) == 0);
    bd_evidence_free(ev);
    bead_alignment_free(r);
    bead_aligner_free(al);
    return doc;
}

int main(void)
{
    bead_doc *en = corpus_load(CORPUS "en.reuters.txt", "en", &failures);
    bead_doc *cr = corpus_load(CORPUS "de.cryptopolitan.txt", "de", &failures);
    if (failures)
        return 1;
    bead_doc *mixed = scrambled(en);

    doc_evidence same = judge(en, en);
    CHECK(same.prior > 0.9 && same.share[0] > 0.8 && same.share[1] > 0.8 && !same.silent);
    /* The same sentences in another order: the path finds the few it can
     * keep in order, so some translate, but not 40% of the text. */
    doc_evidence moved = judge(en, mixed);
    CHECK(moved.share[0] < 0.4 && moved.share[1] < 0.4 && !moved.silent);
    /* An unrelated text. */
    doc_evidence other = judge(en, cr);
    CHECK(other.prior < 0.1 && other.share[0] < 0.1 && other.share[1] < 0.1 && !other.silent);

    /* No dictionary, no cognates, no numbers: nothing to show. */
    static const char *const one[] = {"One.", "Two.", NULL};
    static const char *const eins[] = {"Eins.", "Zwei.", NULL};
    bead_doc *a = doc_of("en", one), *b = doc_of("de", eins);
    doc_evidence silent = judge(a, b);
    CHECK(silent.silent && fabs(silent.prior - 0.5) < 1e-9);

    /* Windows weigh about what they are asked to, and fit in the text. */
    evidence *ev = NULL;
    CHECK(bd_evidence_create(&ev, en, mixed, NULL, NULL, NULL) == BEAD_OK);
    if (ev) {
        size_t n = bd_evidence_sentences(ev, 1), first, count;
        double want = bd_evidence_sentence_weight(ev, 1, 3) + bd_evidence_sentence_weight(ev, 1, 4);
        bd_evidence_window(ev, 1, 3, want, &first, &count);
        CHECK(first == 3 && count == 2);
        bd_evidence_window(ev, 1, n - 1, want, &first, &count);
        CHECK(count >= 1 && first + count == n);
        span_evidence se;
        bd_evidence_span(ev, 0, 1, 0, 1, &se);
        CHECK(se.power >= 0 && se.power <= 1);
    }
    bd_evidence_free(ev);

    /* P(translation) rises with z; at no power it is the prior. */
    CHECK(bd_evidence_translation(0.5, 4, 1) > bd_evidence_translation(0.5, 1, 1));
    CHECK(bd_evidence_translation(0.5, 1, 1) > bd_evidence_translation(0.5, -1, 1));
    CHECK(fabs(bd_evidence_translation(0.3, 5, 0) - 0.3) < 1e-9);

    bead_doc_free(a);
    bead_doc_free(b);
    bead_doc_free(mixed);
    bead_doc_free(en);
    bead_doc_free(cr);
    if (failures)
        fprintf(stderr, "%d evidence check(s) failed\n", failures);
    return failures != 0;
}
