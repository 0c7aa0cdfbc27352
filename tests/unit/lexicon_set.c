/* Lexicons by language pair (bead_lexicon_set) and the one rule that picks
 * a pair's dictionary; and that the library uses only the dictionaries it
 * is handed: it reads no BEAD_DICT_DIR and loads no FreeDict dictionary by
 * itself, so mining without lexicons ignores a dictionary the environment
 * points at (the fixture tests/lexicon/news, which does change the mining
 * when it is handed over). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bead/align.h"
#include "bead/lexicon.h"
#include "align/lexicon/lexicon_internal.h"

#include "corpus.h"   /* before check.h, whose failures it would shadow */
#include "check.h"

#define NEWS_DICT "lexicon/news"   /* freedict-eng-deu; tests/ is the working directory */

static bead_lexicon *lexicon(const char *src, const char *trg)
{
    bead_lexicon *lex = NULL;
    CHECK(bead_lexicon_create(&lex, src, trg, NULL) == BEAD_OK, "create %s-%s", src, trg);
    return lex;
}

static void test_set(void)
{
    bead_lexicon_set *set = NULL;
    bead_error err;
    CHECK(bead_lexicon_set_create(&set, &err) == BEAD_OK && set, "create");
    CHECK(!bead_lexicon_set_find(set, "en", "de") && bead_lexicon_set_size(set) == 0,
          "an empty set finds nothing");
    CHECK(!bead_lexicon_set_find(NULL, "en", "de") && bead_lexicon_set_size(NULL) == 0,
          "a NULL set is an empty one");

    bead_lexicon *ende = lexicon("en", "de"), *bgde = lexicon("bg", "de");
    CHECK(bead_lexicon_set_add(set, ende, &err) == BEAD_OK, "add en-de: %s", err.message);
    CHECK(bead_lexicon_set_add(set, bgde, &err) == BEAD_OK, "add bg-de: %s", err.message);
    CHECK(bead_lexicon_set_find(set, "en", "de") == ende, "find en-de");
    CHECK(bead_lexicon_set_find(set, "bg", "de") == bgde, "find bg-de");
    CHECK(!bead_lexicon_set_find(set, "de", "en"), "a lexicon serves its own direction only");
    CHECK(!bead_lexicon_set_find(set, "en", NULL), "NULL language");
    CHECK(bead_lexicon_set_size(set) == 2, "size %zu", bead_lexicon_set_size(set));

    /* A second en-de is refused, and stays the caller's to free. */
    bead_lexicon *again = lexicon("en", "de");
    CHECK(bead_lexicon_set_add(set, again, &err) == BEAD_ERR_USAGE &&
              strstr(err.message, "en-de"),
          "a second en-de: %s", err.message);
    CHECK(bead_lexicon_set_find(set, "en", "de") == ende, "the first en-de stays");
    bead_lexicon_free(again);
    CHECK(bead_lexicon_set_add(set, NULL, &err) == BEAD_ERR_USAGE, "NULL lexicon");
    CHECK(bead_lexicon_set_add(NULL, ende, &err) == BEAD_ERR_USAGE, "NULL set");

    /* The rule: the options' lexicon when it maps the pair, else the set's. */
    bead_lexicon *own = lexicon("en", "de"), *other = lexicon("id", "en");
    CHECK(bd_pair_lexicon(own, set, "en", "de") == own, "the fitting lexicon wins");
    CHECK(bd_pair_lexicon(other, set, "en", "de") == ende, "else the set's");
    CHECK(bd_pair_lexicon(own, set, "bg", "de") == bgde, "other pairs: the set's");
    CHECK(!bd_pair_lexicon(own, set, "de", "bg"), "none for a pair nobody maps");
    CHECK(!bd_pair_lexicon(NULL, NULL, "en", "de"), "nothing handed: none");
    bead_lexicon_free(own);
    bead_lexicon_free(other);
    bead_lexicon_set_free(set);   /* frees en-de and bg-de */
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    int c, ok = in && out;
    while (ok && (c = fgetc(in)) != EOF)
        fputc(c, out);
    if (in)
        fclose(in);
    if (out)
        fclose(out);
    return ok ? 0 : -1;
}

/* bead_lexicon_load_freedict(NULL dir) is /usr/share/dictd, whatever
 * BEAD_DICT_DIR says (the fixture, under a pair nobody installs). */
static void test_no_environment(void)
{
    char dir[] = "/tmp/bead-lexicon-set-XXXXXX", a[256], b[256];
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    snprintf(a, sizeof a, "%s/freedict-eng-haw.index", dir);
    snprintf(b, sizeof b, "%s/freedict-eng-haw.dict", dir);
    CHECK(copy_file(NEWS_DICT "/freedict-eng-deu.index", a) == 0 &&
              copy_file(NEWS_DICT "/freedict-eng-deu.dict", b) == 0,
          "copy the fixture");
    setenv("BEAD_DICT_DIR", dir, 1);
    size_t from_env = 0, from_dir = 0;
    bead_error warn;
    bead_lexicon *lex = lexicon("en", "haw");
    CHECK(bead_lexicon_load_freedict(lex, NULL, &from_env, &warn) == BEAD_OK, "load (NULL)");
    bead_lexicon_free(lex);
    lex = lexicon("en", "haw");
    CHECK(bead_lexicon_load_freedict(lex, dir, &from_dir, &warn) == BEAD_OK, "load (dir)");
    bead_lexicon_free(lex);
    CHECK(from_dir > 0, "the fixture loads from its folder");
    CHECK(from_env == 0, "NULL dir read BEAD_DICT_DIR: %zu pairs", from_env);
    unsetenv("BEAD_DICT_DIR");
    unlink(a);
    unlink(b);
    rmdir(dir);
}

/* The number of pairs mined from src and trg (mine mode) with dicts. */
static size_t mined(const bead_doc *src, const bead_doc *trg, const bead_lexicon_set *dicts)
{
    bead_align_options o;
    bead_align_options_init(&o);
    o.mode = BEAD_MODE_MINE;
    o.lexicons = dicts;
    bead_aligner *al = NULL;
    bead_alignment *out = NULL;
    bead_error err;
    size_t n = 0;
    CHECK(bead_aligner_create(&al, &o, &err) == BEAD_OK, "aligner");
    if (al && bead_align_decide(al, &o, src, trg, &out, NULL, &err) == BEAD_OK)
        n = bead_alignment_size(out);
    else
        CHECK(0, "decide: %s", err.message);
    bead_alignment_free(out);
    bead_aligner_free(al);
    return n;
}

static void test_mining_uses_what_it_is_handed(void)
{
    bead_doc *en = corpus_load(CORPUS "en.reuters.txt", "en", &failures);
    bead_doc *de = corpus_load(CORPUS "de.aljazeera.txt", "de", &failures);
    bead_lexicon_set *set = NULL;
    bead_lexicon *lex = lexicon("en", "de");
    size_t loaded = 0;
    bead_error err;
    CHECK(bead_lexicon_load_freedict(lex, NEWS_DICT, &loaded, &err) == BEAD_OK && loaded > 0,
          "the fixture: %zu pairs", loaded);
    CHECK(bead_lexicon_set_create(&set, NULL) == BEAD_OK &&
              bead_lexicon_set_add(set, lex, NULL) == BEAD_OK,
          "set");
    if (!en || !de || !set) {
        bead_lexicon_set_free(set);
        return;
    }
    size_t handed = mined(en, de, set);
    setenv("BEAD_DICT_DIR", NEWS_DICT, 1);
    size_t env = mined(en, de, NULL);
    unsetenv("BEAD_DICT_DIR");
    size_t none = mined(en, de, NULL);
    CHECK(handed != none, "the fixture changes nothing (%zu pairs either way)", none);
    CHECK(env == none, "BEAD_DICT_DIR changed the mining: %zu pairs, %zu without", env, none);
    bead_lexicon_set_free(set);
    bead_doc_free(en);
    bead_doc_free(de);
}

int main(void)
{
    test_set();
    test_no_environment();
    test_mining_uses_what_it_is_handed();
    return failures != 0;
}
