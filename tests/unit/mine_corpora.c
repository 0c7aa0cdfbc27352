/* Mining on corpora/news-dprk-cyber: en.reuters against both aljazeera
 * versions. The sentences the issue names must be mined (the Sullivan quote
 * on "new trilateral initiatives", the Takeo Akiba sentence, the sentence on
 * following up Camp David, North Korea's denial of hacking) and every mined
 * pair must be a true one. AUTO mode mines by itself on these comparable
 * pairs; nothing is mined from an unrelated pair, even in MINE mode. */
#include <stdio.h>
#include <string.h>

#include "bead/align.h"
#include "bead/lexicon.h"
#include "corpus.h"


static int failures;

typedef struct pair {
    const char *src, *trg;   /* substrings of the two sentences */
    int required;            /* 1: must be mined; 2: known gap, reported only */
} pair;

static const pair en_de[] = {
    {"new trilateral initiatives", "neue trilaterale Initiativen", 1},
    {"Takeo Akiba", "Takeo Akiba, Generalsekretär", 1},
    {"followed up on commitments", "eine Fortsetzung der Verpflichtungen", 1},
    {"denied allegations of hacking", "Vorwürfe über Hackerangriffe", 1},
    {"agreed new initiatives on Saturday", "neue Anstrengungen geeinigt", 0},
    {NULL, NULL, 0}};

static const pair en_bg[] = {
    {"new trilateral initiatives", "нови тристранни инициативи", 1},
    {"Takeo Akiba", "Такео Акиба", 1},
    {"followed up on commitments", "срещата е последвала ангажиментите", 1},
    /* eng-bul translates only "or" and "other": found through the cognates
     * (hack ~ хакерски, cyberattacks ~ кибератаки) and the second look. */
    {"denied allegations of hacking", "твърденията за хакерски атаки", 1},
    {"agreed new initiatives on Saturday", "се договориха за нови усилия", 0},
    {NULL, NULL, 0}};

static bead_doc *load(const char *name, const char *lang)
{
    return corpus_load(name, lang, &failures);
}

static int has(const bead_doc *d, size_t i, const char *needle)
{
    size_t len;
    return strstr(bead_doc_text(d, i, &len), needle) != NULL;
}

/* As the CLI does: the installed FreeDict dictionary for the pair, if any,
 * handed to the aligner (the library loads none by itself). */
static void check(bead_mode mode, const bead_doc *src, const bead_doc *trg, const pair *truth,
                  const char *what)
{
    bead_align_options o;
    bead_align_options_init(&o);
    o.mode = mode;
    bead_lexicon *lex = NULL;
    size_t loaded = 0;
    if (bead_lexicon_create(&lex, bead_doc_lang(src), bead_doc_lang(trg), NULL) == BEAD_OK)
        bead_lexicon_load_freedict(lex, NULL, &loaded, NULL);
    o.lexicon = loaded ? lex : NULL;
    bead_aligner *al = NULL;
    bead_alignment *mined = NULL;
    bead_error err;
    if (bead_aligner_create(&al, &o, &err) != BEAD_OK ||
        bead_align_decide(al, &o, src, trg, &mined, NULL, &err) != BEAD_OK) {
        fprintf(stderr, "%s: %s\n", what, err.message);
        failures++;
        bead_aligner_free(al);
        bead_lexicon_free(lex);
        return;
    }
    bead_aligner_free(al);
    bead_lexicon_free(lex);
    int found[16] = {0};
    for (size_t u = 0; u < bead_alignment_size(mined); u++) {
        size_t i, ci, j, cj;
        bead_alignment_range(mined, u, 0, &i, &ci);
        bead_alignment_range(mined, u, 1, &j, &cj);
        if (ci != 1 || cj != 1) {
            fprintf(stderr, "%s: unit %zu is not 1-1\n", what, u);
            failures++;
            continue;
        }
        int ok = 0;
        for (int k = 0; truth[k].src; k++)
            if (has(src, i, truth[k].src) && has(trg, j, truth[k].trg)) {
                found[k] = 1;
                ok = 1;
            }
        if (!ok) {
            size_t l1, l2;
            fprintf(stderr, "%s: false pair %zu-%zu (%.3f):\n  %s\n  %s\n", what, i, j,
                    bead_alignment_score(mined, u), bead_doc_text(src, i, &l1),
                    bead_doc_text(trg, j, &l2));
            failures++;
        }
    }
    for (int k = 0; truth[k].src; k++) {
        if (found[k] || !truth[k].required)
            continue;
        fprintf(stderr, "%s: %s: \"%s\" = \"%s\"\n", what,
                truth[k].required == 1 ? "not mined" : "known gap, not mined", truth[k].src,
                truth[k].trg);
        failures += truth[k].required == 1;
    }
    bead_alignment_free(mined);
}

int main(void)
{
    bead_doc *bg = load(CORPUS "bg.aljazeera.txt", "bg");
    bead_doc *de = load(CORPUS "de.aljazeera.txt", "de");
    bead_doc *en = load(CORPUS "en.reuters.txt", "en");
    bead_doc *cr = load(CORPUS "de.cryptopolitan.txt", "de");
    if (failures)
        return 1;
    check(BEAD_MODE_MINE, en, de, en_de, "mine en-de");
    check(BEAD_MODE_AUTO, en, de, en_de, "auto en-de");
    check(BEAD_MODE_MINE, en, bg, en_bg, "mine en-bg");
    check(BEAD_MODE_AUTO, en, bg, en_bg, "auto en-bg");

    /* Unrelated: nothing at all. */
    static const pair none[] = {{NULL, NULL, 0}};
    check(BEAD_MODE_MINE, cr, de, none, "mine cryptopolitan-de");
    check(BEAD_MODE_MINE, en, cr, none, "mine en-cryptopolitan");
    bead_doc_free(bg);
    bead_doc_free(de);
    bead_doc_free(en);
    bead_doc_free(cr);
    if (failures)
        fprintf(stderr, "%d mining check(s) failed\n", failures);
    return failures != 0;
}
