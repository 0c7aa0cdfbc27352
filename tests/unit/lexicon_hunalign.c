/* hunalign dictionaries: "target @ source" a line (target first), comments
 * and blank lines skipped; a line without " @ " is an error naming the file
 * and the line; a missing file is an I/O error. */
#include <stdio.h>
#include <string.h>

#include "bead/lexicon.h"

#include "check.h"

static int has(const bead_lexicon *lex, const char *s, const char *t)
{
    char a[128], b[128];
    bead_lexicon_key(bead_lexicon_src_lang(lex), s, strlen(s), a, sizeof a);
    bead_lexicon_key(bead_lexicon_trg_lang(lex), t, strlen(t), b, sizeof b);
    return bead_lexicon_has(lex, a, b);
}

int main(void)
{
    bead_lexicon *lex;
    bead_error err;
    size_t n = 0;
    if (bead_lexicon_create(&lex, "en", "de", &err) != BEAD_OK)
        return 1;
    bead_status st = bead_lexicon_load_hunalign(lex, "lexicon/hunalign-en-de.dic", &n, &err);
    CHECK(st == BEAD_OK, "load: %s", err.message);
    CHECK(n == bead_lexicon_size(lex) && n >= 4, "loaded %zu, size %zu", n, bead_lexicon_size(lex));
    CHECK(has(lex, "house", "Haus") && has(lex, "houses", "Häuser"), "house -> Haus");
    CHECK(!has(lex, "Haus", "house"), "target @ source: the order matters");
    CHECK(has(lex, "water", "Wasser") && has(lex, "go", "gehen"), "water, go");
    CHECK(has(lex, "place", "stattfinden") && has(lex, "take", "stattfinden"),
          "two-word items: each content word");
    CHECK(!has(lex, "build", "bauen") && !has(lex, "house", "bauen"), "three-word items are skipped");
    bead_lexicon_free(lex);

    /* A bad line: BEAD_ERR_FORMAT with file and line. */
    if (bead_lexicon_create(&lex, "en", "de", &err) != BEAD_OK)
        return 1;
    st = bead_lexicon_load_hunalign(lex, "lexicon/hunalign-bad.dic", &n, &err);
    CHECK(st == BEAD_ERR_FORMAT && err.line == 2, "bad line: status %d line %lld", (int)st,
          (long long)err.line);
    CHECK(strstr(err.message, "lexicon/hunalign-bad.dic:2") != NULL, "message: %s", err.message);
    CHECK(n == 0, "loaded must be 0 on error, is %zu", n);

    /* A missing file. */
    st = bead_lexicon_load_hunalign(lex, "lexicon/no-such.dic", &n, &err);
    CHECK(st == BEAD_ERR_IO && strstr(err.message, "no-such.dic"), "missing: %d %s", (int)st,
          err.message);
    bead_lexicon_free(lex);
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
