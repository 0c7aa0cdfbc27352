/* Verdicts: the five news texts of corpora/news-dprk-cyber (bg and de
 * aljazeera parallel; en reuters comparable to both; de cryptopolitan
 * unrelated to every other), a text against itself (parallel), a text
 * against a shuffled unrelated one (unrelated), and empty texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"
#include "corpus.h"


static int failures;

static bead_doc *load(const char *name, const char *lang)
{
    return corpus_load(name, lang, &failures);
}

/* The same sentences in a fixed scrambled order. */
static bead_doc *shuffled(const bead_doc *from)
{
    bead_doc *d = NULL;
    bead_doc_create(&d, bead_doc_lang(from), "shuffled", NULL);
    size_t n = bead_doc_size(from);
    for (size_t k = 0; k < n; k++) {
        size_t i = (k * 7 + 3) % n;   /* a permutation when gcd(7, n) = 1 */
        if (n % 7 == 0)
            i = n - 1 - k;
        size_t len;
        const char *t = bead_doc_text(from, i, &len);
        bead_doc_add(d, t, len, k, 0, NULL);
    }
    return d;
}

static void expect(bead_aligner *al, const bead_doc *a, const bead_doc *b, bead_verdict want,
                   const char *what)
{
    bead_alignment *r = NULL;
    bead_error err;
    if (bead_align_pair(al, a, b, &r, &err) != BEAD_OK) {
        fprintf(stderr, "%s: %s\n", what, err.message);
        failures++;
        return;
    }
    bead_verdict_stats st;
    bead_verdict got = bead_classify_pair(a, b, r, &st);
    if (getenv("VERBOSE")) fprintf(stderr, "%s: %s tr %.2f %.2f/%.2f ev %zu cov %.2f\n", what, bead_verdict_name(got), st.translated, st.translated_share[0], st.translated_share[1], st.evident_pairs, st.coverage);
    if (got != want || bead_alignment_verdict(r) != want) {
        fprintf(stderr,
                "%s: %s, expected %s (coverage %.2f, mean %.2f, translated %.2f: %.2f and "
                "%.2f of the texts, evident pairs %zu)\n",
                what, bead_verdict_name(got), bead_verdict_name(want), st.coverage,
                st.mean_score, st.translated, st.translated_share[0], st.translated_share[1],
                st.evident_pairs);
        failures++;
    }
    bead_alignment_free(r);
}

int main(void)
{
    bead_doc *bg = load(CORPUS "bg.aljazeera.txt", "bg");
    bead_doc *de = load(CORPUS "de.aljazeera.txt", "de");
    bead_doc *en = load(CORPUS "en.reuters.txt", "en");
    bead_doc *cr = load(CORPUS "de.cryptopolitan.txt", "de");
    bead_doc *id = load(CORPUS "id.kontan.txt", "id");
    if (failures)
        return 1;
    bead_aligner *al = NULL;
    bead_aligner_create(&al, NULL, NULL);

    expect(al, bg, de, BEAD_VERDICT_PARALLEL, "bg-de aljazeera");
    expect(al, de, bg, BEAD_VERDICT_PARALLEL, "de-bg aljazeera");
    expect(al, en, de, BEAD_VERDICT_COMPARABLE, "en reuters - de aljazeera");
    expect(al, en, bg, BEAD_VERDICT_COMPARABLE, "en reuters - bg aljazeera");
    expect(al, bg, en, BEAD_VERDICT_COMPARABLE, "bg aljazeera - en reuters");
    const bead_doc *others[] = {bg, de, en, id};
    const char *names[] = {"bg aljazeera", "de aljazeera", "en reuters", "id kontan"};
    for (int k = 0; k < 4; k++) {
        char what[96];
        snprintf(what, sizeof what, "de cryptopolitan - %s", names[k]);
        expect(al, cr, others[k], BEAD_VERDICT_UNRELATED, what);
        snprintf(what, sizeof what, "%s - de cryptopolitan", names[k]);
        expect(al, others[k], cr, BEAD_VERDICT_UNRELATED, what);
    }
    expect(al, en, en, BEAD_VERDICT_PARALLEL, "en reuters against itself");
    expect(al, bg, bg, BEAD_VERDICT_PARALLEL, "bg aljazeera against itself");
    bead_doc *crs = shuffled(cr);
    expect(al, de, crs, BEAD_VERDICT_UNRELATED, "de aljazeera - shuffled cryptopolitan");
    bead_doc *bgs = shuffled(bg);
    expect(al, en, bgs, BEAD_VERDICT_COMPARABLE, "en reuters - shuffled bg aljazeera");

    bead_doc *empty1 = NULL, *empty2 = NULL;
    bead_doc_create(&empty1, "en", "empty", NULL);
    bead_doc_create(&empty2, "de", "empty", NULL);
    expect(al, empty1, empty2, BEAD_VERDICT_PARALLEL, "two empty texts");
    expect(al, empty1, de, BEAD_VERDICT_UNRELATED, "empty against de aljazeera");

    bead_doc_free(empty1);
    bead_doc_free(empty2);
    bead_doc_free(crs);
    bead_doc_free(bgs);
    bead_aligner_free(al);
    bead_doc_free(bg);
    bead_doc_free(de);
    bead_doc_free(en);
    bead_doc_free(cr);
    bead_doc_free(id);
    if (failures)
        fprintf(stderr, "%d verdict(s) wrong\n", failures);
    return failures != 0;
}
