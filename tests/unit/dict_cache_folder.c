/* The folder of compiled dictionaries: bead_cache_dir's rule, table by
 * table (the environment a caller lends, the folder it gives), and
 * bead_dicts_load through a cache folder: the first load compiles the
 * pair's file there, the next maps it, a damaged one is said once and
 * compiled again; a compiled FILE serves its pair like a hunalign one;
 * warnings name their pair of versions. On
 * the fixture dictionary (tests/lexicon/news), in a scratch folder. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bead/easy.h"
#include "check.h"

#define FIXTURE_DICTS "lexicon/news"

/* ------------------------------------------------------ bead_cache_dir */

typedef struct env_row {
    const char *bead, *xdg, *home;  /* NULL: unset */
    const char *want;               /* "": no cache */
} env_row;

static const env_row rows[] = {
    {"/srv/cache", "/x", "/home/u", "/srv/cache"},      /* BEAD_CACHE_DIR first */
    {"rel/cache", NULL, "/home/u", "rel/cache"},        /* taken as it is */
    {"none", "/x", "/home/u", ""},                      /* turned off */
    {"", "/x", "/home/u", "/x/bead"},                   /* empty: unset */
    {NULL, "/x", "/home/u", "/x/bead"},                 /* XDG when absolute */
    {NULL, "x/rel", "/home/u", "/home/u/.cache/bead"},  /* a relative XDG is ignored */
    {NULL, "", "/home/u", "/home/u/.cache/bead"},
    {NULL, NULL, "/home/u", "/home/u/.cache/bead"},
    {NULL, NULL, "", ""},                               /* no home: no cache */
    {NULL, NULL, NULL, ""},
    {NULL, "x/rel", NULL, ""},
};

static const char *row_env(void *ctx, const char *name)
{
    const env_row *r = ctx;
    if (!strcmp(name, "BEAD_CACHE_DIR"))
        return r->bead;
    if (!strcmp(name, "XDG_CACHE_HOME"))
        return r->xdg;
    if (!strcmp(name, "HOME"))
        return r->home;
    return NULL;
}

static void test_cache_dir_rule(void)
{
    char buf[64];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const env_row *r = &rows[i];
        bead_error err;
        bead_error_clear(&err);
        bead_status s = bead_cache_dir(row_env, (void *)r, buf, sizeof buf, &err);
        CHECK(s == BEAD_OK && !strcmp(buf, r->want),
              "row %zu (BEAD_CACHE_DIR=%s XDG_CACHE_HOME=%s HOME=%s): status %d, '%s', want '%s'",
              i, r->bead ? r->bead : "(unset)", r->xdg ? r->xdg : "(unset)",
              r->home ? r->home : "(unset)", (int)s, buf, r->want);
    }
    CHECK(bead_cache_dir(NULL, NULL, buf, sizeof buf, NULL) == BEAD_OK && !buf[0],
          "no environment: no cache");
    bead_error err;
    env_row longhome = {NULL, NULL, "/home/someone", ""};
    CHECK(bead_cache_dir(row_env, &longhome, buf, 16, &err) == BEAD_ERR_USAGE && !buf[0] &&
              strstr(err.message, "HOME"), "too long names the variable: %s", err.message);
    CHECK(bead_cache_dir(row_env, &longhome, NULL, 0, NULL) == BEAD_ERR_USAGE, "no buffer");
}

/* --------------------------------------------- bead_dicts_load, cached */

/* The one file in dir (its name to name), or how many there are. */
static int files_in(const char *dir, char *name, size_t size)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.' && n++ == 0 && name)
            snprintf(name, size, "%s/%s", dir, e->d_name);
    if (d)
        closedir(d);
    return n;
}

static size_t first_size(const bead_dicts *d)
{
    return bead_lexicon_size(bead_dicts_lexicon(d, 0));
}

static void test_dicts_cached(const char *scratch)
{
    const char *en_de[] = {"en", "de"};
    char cache[512], file[1024];
    /* Two levels that do not exist yet: the loader makes them. */
    snprintf(cache, sizeof cache, "%s/cache/bead", scratch);
    bead_dicts *d = NULL;
    bead_error err;
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, NULL, en_de, 2, &err) == BEAD_OK, "%s",
          err.message);
    size_t plain = first_size(d);
    bead_dicts_free(d);
    CHECK(plain > 0, "the fixture has en-de");

    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, cache, en_de, 2, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(first_size(d) == plain && bead_dicts_warning_count(d) == 0,
          "the first load reads FreeDict: %zu pairs", first_size(d));
    bead_dicts_free(d);
    CHECK(files_in(cache, file, sizeof file) == 1 && strstr(file, "/en-de-") &&
              strstr(file, ".beadlex"), "one compiled file in the cache: %s", file);
    struct stat before, after;
    CHECK(stat(file, &before) == 0, "stat %s", file);

    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, cache, en_de, 2, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(first_size(d) == plain && bead_dicts_warning_count(d) == 0,
          "the second load maps the same lexicon: %zu pairs", first_size(d));
    bead_dicts_free(d);
    CHECK(stat(file, &after) == 0 && after.st_ino == before.st_ino &&
              files_in(cache, NULL, 0) == 1, "reused, not written again");

    /* A damaged file: said once, compiled again, and then quiet. */
    FILE *f = fopen(file, "r+b");
    if (f) {
        fseek(f, 100, SEEK_SET);
        fputs("damage", f);
        fclose(f);
    }
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, cache, en_de, 2, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(first_size(d) == plain && bead_dicts_warning_count(d) == 1 &&
              strstr(bead_dicts_warning(d, 0), "compiling it again"),
          "a damaged cache file is a warning: %s",
          bead_dicts_warning_count(d) ? bead_dicts_warning(d, 0) : "(none)");
    bead_dicts_free(d);
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, cache, en_de, 2, &err) == BEAD_OK &&
              bead_dicts_warning_count(d) == 0 && first_size(d) == plain,
          "compiled again: no warning the next time");
    bead_dicts_free(d);

    /* "" is no cache, as bead_cache_dir says it. */
    char empty[512];
    snprintf(empty, sizeof empty, "%s/never", scratch);
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, "", en_de, 2, &err) == BEAD_OK &&
              first_size(d) == plain && files_in(empty, NULL, 0) == 0, "no cache");
    bead_dicts_free(d);
}

/* Warnings come with the pair of versions they were about, so that a
 * caller can say them where they belong. */
static void test_warning_pairs(const char *scratch)
{
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/damaged", scratch);
    mkdir(dir, 0755);
    const char *files[] = {"freedict-eng-deu.index", "freedict-eng-deu.dict.dz"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs("not a dictionary\n", f);
            fclose(f);
        }
    }
    const char *langs[] = {"id", "en", "de"};
    bead_dicts *d = NULL;
    bead_error err;
    CHECK(bead_dicts_load(&d, "auto", dir, NULL, langs, 3, &err) == BEAD_OK, "%s", err.message);
    size_t n = bead_dicts_warning_count(d), a = 9, b = 9;
    int found = 0;
    for (size_t i = 0; i < n; i++)
        found |= bead_dicts_warning_pair(d, i, &a, &b) && a == 1 && b == 2 &&
                 strstr(bead_dicts_warning(d, i), "freedict-eng-deu");
    CHECK(found, "the damaged en-de is a warning on versions 1 and 2 (%zu warnings)", n);
    CHECK(!bead_dicts_warning_pair(d, n, &a, &b) && !bead_dicts_warning_pair(NULL, 0, NULL, NULL),
          "no warning past the last");
    bead_dicts_free(d);
}

static void test_dicts_compiled_file(const char *scratch)
{
    const char *en_de[] = {"en", "de"}, *de_en[] = {"de", "en"};
    char path[512];
    snprintf(path, sizeof path, "%s/en-de.beadlex", scratch);
    bead_lexicon *lex = NULL;
    size_t loaded = 0;
    bead_error err;
    CHECK(bead_lexicon_load_file(&lex, "lexicon/hunalign-en-de.dic", "en", "de", &loaded,
                                 &err) == BEAD_OK && loaded > 0, "%s", err.message);
    CHECK(bead_lexicon_compile(lex, path, NULL, &err) == BEAD_OK, "%s", err.message);
    bead_lexicon_free(lex);

    bead_dicts *d = NULL;
    CHECK(bead_dicts_load(&d, path, FIXTURE_DICTS, NULL, en_de, 2, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(bead_dicts_count(d) == 1 && first_size(d) == loaded,
          "a compiled FILE serves the first pair: %zu of %zu", first_size(d), loaded);
    bead_dicts_free(d);
    CHECK(bead_dicts_load(&d, path, FIXTURE_DICTS, NULL, de_en, 2, &err) == BEAD_ERR_USAGE &&
              !d && strstr(err.message, "en-de") && strstr(err.message, path),
          "a compiled FILE for another pair: %s", err.message);
}

int main(void)
{
    test_cache_dir_rule();
    char scratch[] = "/tmp/bead-dict-cache-XXXXXX";
    if (!mkdtemp(scratch)) {
        perror("mkdtemp");
        return 1;
    }
    test_dicts_cached(scratch);
    test_dicts_compiled_file(scratch);
    test_warning_pairs(scratch);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", scratch);
    return failures != 0;
}
