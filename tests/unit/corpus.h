/* Loading the seed corpus (corpora/news-dprk-cyber, relative to tests/, the
 * working directory of the unit tests), shared by the tests that align it. */
#ifndef BEAD_TEST_CORPUS_H
#define BEAD_TEST_CORPUS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"
#include "bead/lexicon.h"

#define CORPUS "../corpora/news-dprk-cyber/"

/* The document, or NULL with the reason printed and *failures counted. */
static inline bead_doc *corpus_load(const char *path, const char *lang, int *failures)
{
    bead_load_options lo;
    bead_load_options_init(&lo);
    bead_doc *d = NULL;
    bead_error err;
    if (bead_doc_load(&d, path, lang, &lo, &err) != BEAD_OK) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        (*failures)++;
    }
    return d;
}

/* The installed FreeDict lexicons (/usr/share/dictd) of the n language
 * pairs langs[2k] -> langs[2k + 1], as bead align --dict auto loads them
 * (libbead loads none by itself). NULL, with the reason printed, when one
 * is not installed: the test then returns corpus_skip(). */
static inline bead_lexicon_set *corpus_freedict(const char *const *langs, size_t n)
{
    bead_lexicon_set *set = NULL;
    if (bead_lexicon_set_create(&set, NULL) != BEAD_OK)
        return NULL;
    for (size_t k = 0; k < n; k++) {
        bead_lexicon *lex = NULL;
        size_t loaded = 0;
        bead_error warn;
        if (bead_lexicon_create(&lex, langs[2 * k], langs[2 * k + 1], NULL) != BEAD_OK ||
            bead_lexicon_load_freedict(lex, NULL, &loaded, &warn) != BEAD_OK || loaded == 0 ||
            bead_lexicon_set_add(set, lex, NULL) != BEAD_OK) {
            fprintf(stderr, "no FreeDict dictionary for %s-%s in /usr/share/dictd\n",
                    langs[2 * k], langs[2 * k + 1]);
            bead_lexicon_free(lex);
            bead_lexicon_set_free(set);
            return NULL;
        }
    }
    return set;
}

/* The exit status of a test that lacks a test package: 77 (skipped), but 1
 * (failed) under CI=true, as tests/scripts/lib/skip.sh has it. */
static inline int corpus_skip(void)
{
    const char *ci = getenv("CI");
    return ci && !strcmp(ci, "true") ? 1 : 77;
}

#endif
