/* Fuzzes the loader of saved match indexes (match_store.c, what
 * `bead match --index FILE` reads): any bytes must be refused with
 * BEAD_ERR_FORMAT (or out of memory) and a message, or give a finished index
 * whose every name, language and posting can be read and queried. Each
 * input is tried as it is (the checksum catches almost every change) and
 * once more with its checksum recomputed, so that the checks behind it are
 * fuzzed too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "align/match/match_internal.h"

/* Queries ix with a small document: the postings, weights and norms the
 * loader built are all read. */
static void query(const bead_match_index *ix, const char *lang, const char *text)
{
    bead_doc *doc = NULL;
    if (bead_doc_create(&doc, lang, "q", NULL) != BEAD_OK)
        return;
    if (bead_doc_add(doc, text, strlen(text), 0, 0, NULL) != BEAD_OK) {
        bead_doc_free(doc);
        return;
    }
    bead_match_options opt;
    bead_match_options_init(&opt);
    bead_matcher *m = NULL;
    if (bead_matcher_create(&m, &opt, NULL) == BEAD_OK) {
        bead_match_candidate *c = NULL;
        size_t n = 0;
        if (bead_matcher_query(m, ix, doc, 0, &c, &n, NULL) == BEAD_OK)
            for (size_t k = 0; k < n; k++) {
                FUZZ_CHECK(c[k].b < bead_match_index_size(ix), "candidate %zu in range", c[k].b);
                FUZZ_CHECK(c[k].b != 0, "the excluded document is never proposed");
                FUZZ_CHECK(c[k].index_score >= 0 && c[k].index_score <= 1 + 1e-9,
                           "index score %g in [0, 1]", c[k].index_score);
            }
        free(c);
    }
    bead_matcher_free(m);
    bead_doc_free(doc);
}

static void use(const bead_match_index *ix)
{
    size_t n = bead_match_index_size(ix);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(bead_match_index_name(ix, i) != NULL, "document %zu has a name", i);
        FUZZ_CHECK(bead_match_index_lang(ix, i) != NULL, "document %zu has a language", i);
    }
    FUZZ_CHECK(bead_match_index_name(ix, n) == NULL, "no document past the end");
    (void)bead_match_index_keys(ix);
    query(ix, "en", "Joseph went down to Egypt in 1876 with 70 souls.");
    query(ix, "de", "Joseph zog nach Ägypten hinab.");
}

static void try_one(const unsigned char *buf, size_t size)
{
    bead_match_index *ix = NULL;
    bead_error err;
    bead_error_clear(&err);
    bead_status s = bd_match_index_parse(&ix, buf, size, "fuzz", &err);
    if (s != BEAD_OK) {
        FUZZ_CHECK(ix == NULL, "no index on refusal");
        FUZZ_CHECK(s == BEAD_ERR_FORMAT || s == BEAD_ERR_NOMEM, "refused as a format error (%d)",
                   (int)s);
        FUZZ_CHECK(err.message[0], "a refusal says why");
        return;
    }
    FUZZ_CHECK(ix != NULL, "an index on success");
    use(ix);
    bead_match_index_free(ix);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    try_one(buf, size);
    bd_match_index_seal(buf, size);
    try_one(buf, size);
    free(buf);
    return 0;
}
