/* Loading the seed corpus (corpora/news-dprk-cyber, relative to tests/, the
 * working directory of the unit tests), shared by the tests that align it. */
#ifndef BEAD_TEST_CORPUS_H
#define BEAD_TEST_CORPUS_H

#include <stdio.h>

#include "bead/align.h"

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

#endif
