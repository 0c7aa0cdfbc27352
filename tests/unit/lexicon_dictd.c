/* FreeDict (dictd) dictionaries: base64 numbering, the entry parser, the
 * fixture dictionaries in tests/lexicon/ read directly and inverted, a
 * missing dictionary, and corrupt .dict.dz and .index files (skipped with
 * a warning naming the file, nothing added). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bead/lexicon.h"
#include "align/lexicon/lexicon_internal.h"

#include "check.h"

static void test_numbers(void)
{
    static const struct { const char *s; int ok; uint64_t v; } cases[] = {
        {"A", 1, 0}, {"B", 1, 1}, {"/", 1, 63}, {"BA", 1, 64}, {"B0", 1, 64 + 52},
        {"GHAt", 1, ((6ull * 64 + 7) * 64 + 0) * 64 + 45}, {"", 0, 0}, {"A-", 0, 0},
        {"a b", 0, 0}, {"//////////////", 0, 0} /* 84 bits: overflow */,
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint64_t v = 12345;
        int ok = bd_lex_dictd_number(cases[i].s, strlen(cases[i].s), &v);
        CHECK(ok == cases[i].ok && (!ok || v == cases[i].v), "number(\"%s\") = %d, %llu",
              cases[i].s, ok, (unsigned long long)v);
    }
}

typedef struct collected { char text[1024]; } collected;

static void collect(void *ctx, const char *head, size_t hlen, const char *item, size_t ilen)
{
    collected *c = ctx;
    size_t used = strlen(c->text);
    snprintf(c->text + used, sizeof c->text - used, "%.*s=%.*s|", (int)hlen, head, (int)ilen,
             item);
}

static void test_entries(void)
{
    static const struct { const char *entry, *want; } cases[] = {
        /* Ding: one translation line; notes, examples and see-also are not. */
        {"Haus /hˈaʊs/ <neut, n, sg>\nhouse <n>\n      \"ein Haus bauen\"  - build a house\n"
         " see: {Häuser}\n",
         "Haus=house|"},
        {"Haus /h/ <n>\n [adm.] establishment <n>, institution <n>\n   Synonyms: {Anstalt}\n",
         "Haus=establishment|Haus=institution|"},
        {"gehen /g/ <v>\ngo <v>; walk <v>\n         Note: zu Fuß\n", "gehen=go|gehen=walk|"},
        /* Wiktionary: numbered senses, each followed by a gloss; " 3." has none. */
        {"house //haʊs// <n>\n1. стопа́нство, къща\nan establishment\n2. дом\nhuman abode\n",
         "house=стопа́нство|house=къща|house=дом|"},
        {"water //w// <n>\nвода 2.\nclear liquid\n 3.\nbody of water\n", "water=вода|"},
        {"go /ɡ/ (went /w/ <>, gone /g/ <>) <v>\ngehen <v, intr>\n", "go=gehen|"},
        {"Bedeutung /b/ <n>\nmeaning, significance (of a word)\nwas ein Wort aussagt\n",
         "Bedeutung=meaning|Bedeutung=significance|"},
        /* Meta entries and fragments of compounds give nothing. */
        {"00-database-info\nThis is a test.\n", ""},
        {"Haus… /h/ <adj>\ndomestic <adj>\n", ""},
        {"Haus /h/\nHaus…, Heim...\n", ""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collected c = {{0}};
        bd_lex_dictd_entry(cases[i].entry, strlen(cases[i].entry), collect, &c);
        CHECK(strcmp(c.text, cases[i].want) == 0, "entry %zu: got \"%s\", want \"%s\"", i,
              c.text, cases[i].want);
    }
}

static int has(const bead_lexicon *lex, const char *s, const char *t)
{
    char a[LEX_KEY_MAX], b[LEX_KEY_MAX];
    bead_lexicon_key(bead_lexicon_src_lang(lex), s, strlen(s), a, sizeof a);
    bead_lexicon_key(bead_lexicon_trg_lang(lex), t, strlen(t), b, sizeof b);
    return bead_lexicon_has(lex, a, b);
}

static int has_source(const bead_lexicon *lex, const char *s)
{
    char a[LEX_KEY_MAX];
    bead_lexicon_key(bead_lexicon_src_lang(lex), s, strlen(s), a, sizeof a);
    return bead_lexicon_has_source(lex, a);
}

static bead_lexicon *load(const char *src, const char *trg, const char *dir, size_t *n,
                          bead_error *warn)
{
    bead_lexicon *lex = NULL;
    if (bead_lexicon_create(&lex, src, trg, NULL) != BEAD_OK)
        abort();
    bead_status st = bead_lexicon_load_freedict(lex, dir, n, warn);
    CHECK(st == BEAD_OK, "load %s-%s from %s: %s", src, trg, dir, warn->message);
    return lex;
}

static void test_fixture(void)
{
    bead_error w;
    size_t n = 0;
    bead_lexicon *lex = load("de", "en", "lexicon", &n, &w);
    CHECK(w.message[0] == '\0', "unexpected warning: %s", w.message);
    CHECK(n > 0 && n == bead_lexicon_size(lex), "loaded %zu, size %zu", n, bead_lexicon_size(lex));
    CHECK(has(lex, "Haus", "house"), "Haus -> house");
    CHECK(has(lex, "Häuser", "houses"), "Häuser -> houses (same keys)");
    CHECK(has(lex, "Haus", "institution"), "Haus -> institution");
    CHECK(has(lex, "gehen", "walk") && has(lex, "gehen", "go"), "gehen -> go, walk");
    CHECK(has(lex, "Wasser", "water") && has(lex, "Wasser", "waters"), "Wasser -> water");
    CHECK(!has(lex, "Wasser", "Meer") && !has(lex, "Wasser", "farblose"), "glosses are not translations");
    CHECK(has(lex, "Bedeutung", "significance") && !has(lex, "Bedeutung", "word"),
          "(of a word) is a note");
    CHECK(!has(lex, "Haus", "domestic"), "Haus… is a compound fragment");
    CHECK(!has_source(lex, "Erklärung"), "a definition is not a translation");
    CHECK(!has_source(lex, "This") && !has(lex, "Haus", "This"), "meta entries are skipped");
    CHECK(has(lex, "Hause", "home") && !has(lex, "zu", "home") && !has(lex, "Hause", "at"),
          "two-word items: content words pair, short words do not");
    CHECK(!has(lex, "gehen", "place") && !has_source(lex, "sich"), "three-word items are skipped");
    CHECK(!has(lex, "house", "Haus"), "direction matters");
    bead_lexicon_free(lex);

    /* The reverse direction: en-de reads deu-eng inverted. */
    lex = load("en", "de", "lexicon", &n, &w);
    CHECK(n > 0 && has(lex, "house", "Haus") && has(lex, "walking", "gehen"),
          "en-de from deu-eng inverted (%zu pairs)", n);
    bead_lexicon_free(lex);

    /* bg-en exists only as eng-bul: inverted; stress marks do not matter. */
    lex = load("bg", "en", "lexicon", &n, &w);
    CHECK(n > 0, "bg-en: %zu pairs", n);
    CHECK(has(lex, "къщата", "house") && has(lex, "стопанство", "house") &&
          has(lex, "Дом", "house") && has(lex, "Бог", "God") && has(lex, "водата", "water"),
          "bg-en from eng-bul inverted");
    CHECK(!has(lex, "вода", "liquid"), "bg-en: a gloss is not a translation");
    bead_lexicon_free(lex);

    /* Nothing installed for the pair, or no such folder: 0 pairs, no warning. */
    lex = load("de", "id", "lexicon", &n, &w);
    CHECK(n == 0 && bead_lexicon_size(lex) == 0 && w.message[0] == '\0', "de-id: none");
    bead_lexicon_free(lex);
    lex = load("de", "en", "lexicon/no-such-folder", &n, &w);
    CHECK(n == 0 && w.message[0] == '\0', "missing folder: none");
    bead_lexicon_free(lex);
}

static int copy_file(const char *from, const char *to, long keep)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out) {
        if (in)
            fclose(in);
        if (out)
            fclose(out);
        return -1;
    }
    int c;
    long n = 0;
    while ((c = fgetc(in)) != EOF && (keep < 0 || n < keep)) {
        fputc(c, out);
        n++;
    }
    fclose(in);
    fclose(out);
    return 0;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void expect_skipped(const char *dir, const char *what, const char *name_in_warning)
{
    bead_error w;
    size_t n = 99;
    bead_lexicon *lex = load("de", "en", dir, &n, &w);
    CHECK(n == 0 && bead_lexicon_size(lex) == 0, "%s: %zu pairs added", what, n);
    CHECK(strstr(w.message, name_in_warning) != NULL, "%s: warning \"%s\" must name %s", what,
          w.message, name_in_warning);
    bead_lexicon_free(lex);
}

static void test_corrupt(void)
{
    char dir[] = "/tmp/bead-lexicon-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char idx[256], dz[256];
    snprintf(idx, sizeof idx, "%s/freedict-deu-eng.index", dir);
    snprintf(dz, sizeof dz, "%s/freedict-deu-eng.dict.dz", dir);

    /* Truncated gzip: the first 200 of 525 bytes. */
    copy_file("lexicon/freedict-deu-eng.index", idx, -1);
    copy_file("lexicon/freedict-deu-eng.dict.dz", dz, 200);
    expect_skipped(dir, "truncated .dict.dz", "freedict-deu-eng.dict.dz");

    /* Garbage that is not gzip at all. */
    write_file(dz, "this is not a dictzip file\n");
    expect_skipped(dir, "garbage .dict.dz", "freedict-deu-eng.dict.dz");

    /* A good text with a garbage index. */
    copy_file("lexicon/freedict-deu-eng.dict.dz", dz, -1);
    write_file(idx, "haus\tB\tBs\nthis line is not an index line\n");
    expect_skipped(dir, "garbage .index", "freedict-deu-eng.index:2");

    /* An index pointing past the end of the text. */
    write_file(idx, "haus\tB\tBs\nwasser\tBAAA\tBf\n");
    expect_skipped(dir, "index past the end", "freedict-deu-eng.dict.dz");

    /* An index claiming a huge entry. */
    write_file(idx, "haus\tB\t////\n");
    expect_skipped(dir, "huge entry", "freedict-deu-eng.dict.dz");

    /* A text without its index. */
    unlink(idx);
    expect_skipped(dir, "missing index", "freedict-deu-eng.index");

    /* A corrupt file does not stop the other direction: bg-en has only
     * eng-bul, so break de-en and check en-de from a good eng-deu... here the
     * good file is the same fixture under the reverse name. */
    unlink(dz);
    char idx2[256], dz2[256];
    snprintf(idx2, sizeof idx2, "%s/freedict-eng-deu.index", dir);
    snprintf(dz2, sizeof dz2, "%s/freedict-eng-deu.dict.dz", dir);
    copy_file("lexicon/freedict-deu-eng.index", idx2, -1);
    copy_file("lexicon/freedict-deu-eng.dict.dz", dz2, 300);
    copy_file("lexicon/freedict-deu-eng.index", idx, -1);
    copy_file("lexicon/freedict-deu-eng.dict.dz", dz, -1);
    bead_error w;
    size_t n = 0;
    bead_lexicon *lex = load("de", "en", dir, &n, &w);
    CHECK(n > 0 && has(lex, "Haus", "house"), "the good direction still loads");
    CHECK(strstr(w.message, "freedict-eng-deu.dict.dz") != NULL, "warning names the bad one: %s",
          w.message);
    bead_lexicon_free(lex);

    unlink(idx);
    unlink(dz);
    unlink(idx2);
    unlink(dz2);
    rmdir(dir);
}

static void ignore(void *ctx, const char *head, size_t hlen, const char *item, size_t ilen)
{
    (void)ctx, (void)head, (void)hlen, (void)item, (void)ilen;
}

/* Garbage must neither crash nor read outside its bytes (run under ASan in
 * CI): random bytes drawn from a dictionary-like alphabet, and raw bytes. */
static void test_garbage(void)
{
    static const char alphabet[] = "ab /<>[](){}.,;1234567890\n\t\"@\xc3\xa4\xe2\x80\xa6";
    uint64_t rng = 7;
    char buf[300];
    for (int round = 0; round < 3000; round++) {
        size_t len = (size_t)(round % 300);
        for (size_t i = 0; i < len; i++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            unsigned r = (unsigned)(rng >> 33);
            buf[i] = round % 2 ? alphabet[r % (sizeof alphabet - 1)] : (char)r;
        }
        bd_lex_dictd_entry(buf, len, ignore, NULL);
        char key[LEX_KEY_MAX];
        bead_lexicon_key(round % 3 ? "de" : "bg", buf, len, key, sizeof key);
        uint64_t v;
        bd_lex_dictd_number(buf, len < 12 ? len : 12, &v);
    }
}

int main(void)
{
    test_garbage();
    test_numbers();
    test_entries();
    test_fixture();
    test_corrupt();
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
