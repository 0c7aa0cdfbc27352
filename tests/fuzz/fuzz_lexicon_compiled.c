/* Fuzzes the loader of compiled dictionaries (lexicon_compiled.c): any
 * bytes must be refused with a message or give a lexicon whose every
 * lookup stays in bounds. Each input is tried as it is (the checksums
 * catch almost every change) and once more with its checksums recomputed,
 * so that the index checks behind them are fuzzed too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "align/lexicon/lexicon_internal.h"
#include "align/lexicon/lexicon_compiled.h"

static void use(bead_lexicon *lex)
{
    static const char *const words[] = {"hous", "haus", "", "a", "dog", "hund"};
    size_t nw = sizeof words / sizeof *words;
    for (size_t i = 0; i < nw; i++) {
        (void)bead_lexicon_has_source(lex, words[i]);
        for (size_t j = 0; j < nw; j++)
            (void)bead_lexicon_has(lex, words[i], words[j]);
    }
    uint32_t ns = bd_lex_id_count(lex, 0), nt = bd_lex_id_count(lex, 1);
    const uint32_t *start, *trg;
    FUZZ_CHECK(bd_lex_rows(lex, &start, &trg), "a mapped lexicon has rows");
    size_t pairs = 0;
    for (uint32_t s = 1; s <= ns; s++) {
        size_t len = 0;
        const char *key = bd_lex_strings_get(&lex->src, s);
        FUZZ_CHECK(key != NULL, "source id %u has a key", s);
        len = strlen(key);
        FUZZ_CHECK(bd_lex_src_id(lex, key, len) != 0 || 1, "lookup");
        for (uint32_t e = start[s]; e < start[s + 1]; e++) {
            FUZZ_CHECK(trg[e] >= 1 && trg[e] <= nt, "target id in range");
            (void)bd_lex_has_ids(lex, s, trg[e]);
            pairs++;
        }
    }
    FUZZ_CHECK(pairs == bead_lexicon_size(lex), "rows hold every pair");
    for (uint32_t t = 1; t <= nt; t++)
        FUZZ_CHECK(bd_lex_strings_get(&lex->trg, t) != NULL, "target id %u has a key", t);
    /* Changing it copies it to the heap first. (A crafted file may hold
     * the same key twice or a hash table that does not match its keys:
     * answers may then be wrong, which is not checked, but never unsafe.) */
    if (ns < 5000 && pairs < 5000) {
        size_t before = bead_lexicon_size(lex);
        FUZZ_CHECK(bead_lexicon_add(lex, "house", "Haus", NULL) == BEAD_OK, "add");
        FUZZ_CHECK(bead_lexicon_size(lex) >= before, "thaw keeps pairs");
        (void)bead_lexicon_has(lex, "hous", "haus");
    }
}

static void try_one(void *buf, size_t size)
{
    bead_lexicon *lex = NULL;
    bead_error err;
    bead_error_clear(&err);
    bead_status s = bd_lex_compiled_check(&lex, buf, size, "fuzz", NULL, &err);
    if (s != BEAD_OK || !lex) {
        FUZZ_CHECK(lex == NULL, "no lexicon on refusal");
        FUZZ_CHECK(s == BEAD_OK || err.message[0], "a refusal says why");
        return;
    }
    use(lex);
    bead_lexicon_free(lex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A map is page-aligned; malloc's 16 bytes stand in for that. */
    void *buf = malloc(size ? size : 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    try_one(buf, size);
    memcpy(buf, data, size);
    bd_lex_compiled_seal(buf, size);
    try_one(buf, size);
    free(buf);
    return 0;
}
