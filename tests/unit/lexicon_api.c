/* The lexicon API: pairs added as words or phrases, lookups by key in the
 * direction given, has_source, size, NULL handling, and read-only sharing by
 * several threads at once (lookups never allocate or write). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "bead/lexicon.h"
#include "align/lexicon/lexicon_internal.h"

#include "check.h"

static int key_has(const bead_lexicon *lex, const char *s, const char *t)
{
    char a[128], b[128];
    bead_lexicon_key(bead_lexicon_src_lang(lex), s, strlen(s), a, sizeof a);
    bead_lexicon_key(bead_lexicon_trg_lang(lex), t, strlen(t), b, sizeof b);
    return bead_lexicon_has(lex, a, b);
}

#define NWORDS 2000

static void *lookups(void *arg)
{
    const bead_lexicon *lex = arg;
    long bad = 0;
    char s[32], t[32];
    for (int round = 0; round < 20; round++)
        for (int i = 0; i < NWORDS; i++) {
            snprintf(s, sizeof s, "wort%dx", i);
            snprintf(t, sizeof t, "word%dx", i);
            bad += !bead_lexicon_has(lex, s, t);
            snprintf(t, sizeof t, "word%dx", i + 1);
            bad += bead_lexicon_has(lex, s, t);
        }
    return (void *)bad;
}

int main(void)
{
    bead_lexicon *lex = NULL;
    bead_error err;
    bead_lexicon_free(NULL);
    CHECK(bead_lexicon_create(&lex, "de", NULL, &err) == BEAD_ERR_USAGE && lex == NULL,
          "a target language is needed");
    CHECK(bead_lexicon_create(&lex, "de", "en", &err) == BEAD_OK, "create");
    CHECK(strcmp(bead_lexicon_src_lang(lex), "de") == 0 &&
          strcmp(bead_lexicon_trg_lang(lex), "en") == 0, "languages");
    CHECK(bead_lexicon_size(lex) == 0 && !bead_lexicon_has(lex, "haus", "hous"), "empty");

    CHECK(bead_lexicon_add(lex, "Haus", "house", &err) == BEAD_OK, "add");
    CHECK(bead_lexicon_add(lex, "Häuser", "houses", &err) == BEAD_OK, "add again (same keys)");
    CHECK(bead_lexicon_size(lex) == 1, "same keys are one pair, size %zu", bead_lexicon_size(lex));
    CHECK(key_has(lex, "Haus", "house") && !key_has(lex, "house", "Haus"), "direction");
    CHECK(bead_lexicon_has_source(lex, "haus") && !bead_lexicon_has_source(lex, "hous"),
          "has_source");
    CHECK(!bead_lexicon_has(lex, NULL, "hous") && !bead_lexicon_has(NULL, "haus", "hous"),
          "NULL keys");
    uint32_t sid = bd_lex_src_id(lex, "haus", 4), tid = bd_lex_trg_id(lex, "hous", 4);
    CHECK(sid && tid && bd_lex_has_ids(lex, sid, tid) &&
          !bd_lex_has_ids(lex, sid, 0) && bd_lex_src_id(lex, "hous", 4) == 0, "ids");

    /* Phrases: content words (4+ characters) pair; long items are glosses. */
    CHECK(bead_lexicon_add(lex, "zu Hause", "at home", &err) == BEAD_OK, "phrase");
    CHECK(key_has(lex, "Hause", "home") && !key_has(lex, "zu", "home") &&
          !key_has(lex, "Hause", "at"), "phrase words");
    size_t before = bead_lexicon_size(lex);
    bead_lexicon_add(lex, "vor sich gehen", "take place", &err);
    CHECK(bead_lexicon_size(lex) == before, "three-word items are skipped");
    bead_lexicon_add(lex, "Erklärung", "a statement made in public", &err);
    CHECK(bead_lexicon_size(lex) == before, "a definition is not a translation");
    bead_lexicon_add(lex, "2022", "2022", &err);
    CHECK(bead_lexicon_size(lex) == before, "numbers are not words");
    CHECK(bead_lexicon_add(lex, NULL, "x", &err) == BEAD_ERR_USAGE, "NULL word");

    /* Many pairs (the tables grow), then four threads reading at once. */
    char s[32], t[32];
    for (int i = 0; i < NWORDS; i++) {
        snprintf(s, sizeof s, "wort%dx", i);
        snprintf(t, sizeof t, "word%dx", i);
        bead_lexicon_add(lex, s, t, &err);
    }
    CHECK(bead_lexicon_size(lex) == before + NWORDS, "size %zu", bead_lexicon_size(lex));
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&th[i], NULL, lookups, lex);
    for (int i = 0; i < 4; i++) {
        void *bad;
        pthread_join(th[i], &bad);
        CHECK(bad == NULL, "thread %d: %ld wrong lookups", i, (long)bad);
    }
    bead_lexicon_free(lex);
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
