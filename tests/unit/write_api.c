/* write_api.c: the writers' contract outside the data-driven cases: format
 * names, argument checks, the TMX creationdate rules (reproducible output)
 * and the replacement count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bead/write.h>

static int failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #cond);  \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static void test_format_names(void)
{
    static const char *const names[] = {"tsv", "tmx", "moses", "jsonl", "beads"};
    for (int f = 0; f < 5; f++) {
        bead_format fmt = (bead_format)99;
        CHECK(bead_format_parse(names[f], &fmt) == 1 && (int)fmt == f);
        CHECK(strcmp(bead_format_name((bead_format)f), names[f]) == 0);
    }
    bead_format fmt = BEAD_FORMAT_TSV;
    CHECK(bead_format_parse("TMX", &fmt) == 1 && fmt == BEAD_FORMAT_TMX);
    CHECK(bead_format_parse("xml", &fmt) == 0);
    CHECK(bead_format_parse("", &fmt) == 0);
    CHECK(bead_format_parse(NULL, &fmt) == 0);
    CHECK(strcmp(bead_format_name((bead_format)42), "unknown") == 0);

    static const struct {
        const char *path;
        int ok;
        bead_format fmt;
    } paths[] = {
        {"out.tmx", 1, BEAD_FORMAT_TMX},       {"dir/out.TSV", 1, BEAD_FORMAT_TSV},
        {"a.b.jsonl", 1, BEAD_FORMAT_JSONL},   {"x.beads.gz", 1, BEAD_FORMAT_BEADS},
        {"x.tmx.GZ", 1, BEAD_FORMAT_TMX},      {"x.tsv.gz", 1, BEAD_FORMAT_TSV},
        {"prefix.moses", 0, BEAD_FORMAT_TSV},  {"noext", 0, BEAD_FORMAT_TSV},
        {".tmx", 0, BEAD_FORMAT_TSV},          {"dir.tmx/file", 0, BEAD_FORMAT_TSV},
        {"-", 0, BEAD_FORMAT_TSV},             {"x.gz", 0, BEAD_FORMAT_TSV},
        {"x.tmxx", 0, BEAD_FORMAT_TSV},        {"", 0, BEAD_FORMAT_TSV},
    };
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        fmt = (bead_format)99;
        int ok = bead_format_from_path(paths[k].path, &fmt);
        if (ok != paths[k].ok || (ok && fmt != paths[k].fmt)) {
            fprintf(stderr, "FAIL bead_format_from_path(\"%s\") = %d, %d\n", paths[k].path, ok,
                    (int)fmt);
            failures++;
        }
    }
    CHECK(bead_format_from_path(NULL, &fmt) == 0);
}

typedef struct fixture {
    bead_doc *docs[3];
    bead_alignment *al;
} fixture;

static void fixture_make(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    CHECK(bead_doc_create(&fx->docs[0], "BG", "a.bg", NULL) == BEAD_OK);
    CHECK(bead_doc_create(&fx->docs[1], "de", "a.de", NULL) == BEAD_OK);
    CHECK(bead_doc_add(fx->docs[0], "Едно \a две.", strlen("Едно \a две."), 0, 0, NULL) ==
          BEAD_OK);
    CHECK(bead_doc_add(fx->docs[1], "Eins zwei.", 10, 0, 0, NULL) == BEAD_OK);
    CHECK(bead_alignment_create(&fx->al, 2, NULL) == BEAD_OK);
    size_t begin[2] = {0, 0}, count[2] = {1, 1};
    CHECK(bead_alignment_append(fx->al, begin, count, 0.5, NULL) == BEAD_OK);
}

static void fixture_free(fixture *fx)
{
    bead_doc_free(fx->docs[0]);
    bead_doc_free(fx->docs[1]);
    bead_alignment_free(fx->al);
}

static char tmpdir[] = "/tmp/bead-write-api-XXXXXX";

/* Writes al in fmt to a file and returns its contents (malloc'd), or NULL
 * with *st set to the failure. */
static char *write_to_string(bead_format fmt, const bead_doc *const *docs,
                             const bead_alignment *al, bead_write_options *opt,
                             bead_status *st, bead_error *err)
{
    char path[128];
    snprintf(path, sizeof path, "%s/out", tmpdir);
    bead_output *out = NULL;
    bead_error_clear(err);
    *st = bead_output_open(&out, path, err);
    if (*st == BEAD_OK)
        *st = bead_write_alignment(out, fmt, docs, al, opt, err);
    if (*st == BEAD_OK)
        *st = bead_output_commit(out, err);
    bead_output_free(out);
    if (*st != BEAD_OK)
        return NULL;
    FILE *f = fopen(path, "rb");
    char *buf = calloc(1, 1 << 16);
    if (f && buf)
        buf[fread(buf, 1, (1 << 16) - 1, f)] = '\0';
    if (f)
        fclose(f);
    unlink(path);
    return buf;
}

static void test_tmx_dates(void)
{
    fixture fx;
    fixture_make(&fx);
    const bead_doc *const *docs = (const bead_doc *const *)fx.docs;
    bead_write_options opt;
    bead_write_options_init(&opt);
    bead_status st;
    bead_error err;

    /* No date given: no creationdate, and the same bytes every time. */
    unsetenv("SOURCE_DATE_EPOCH");
    char *a = write_to_string(BEAD_FORMAT_TMX, docs, fx.al, &opt, &st, &err);
    sleep(1);
    char *b = write_to_string(BEAD_FORMAT_TMX, docs, fx.al, &opt, &st, &err);
    CHECK(a && b && strcmp(a, b) == 0);
    CHECK(a && !strstr(a, "creationdate"));
    CHECK(a && !strstr(a, "<!DOCTYPE"));
    CHECK(a && strstr(a, "srclang=\"bg\"") && strstr(a, "xml:lang=\"bg\""));
    CHECK(opt.replaced == 1);   /* the BEL */
    free(a);

    /* The library reads no environment: SOURCE_DATE_EPOCH is the bead
     * program's to turn into opt.date, so here it changes nothing, not even
     * when it is malformed. */
    static const char *const epochs[] = {"0", "1700000000", "yesterday", "-5"};
    for (size_t k = 0; k < sizeof epochs / sizeof epochs[0]; k++) {
        setenv("SOURCE_DATE_EPOCH", epochs[k], 1);
        a = write_to_string(BEAD_FORMAT_TMX, docs, fx.al, &opt, &st, &err);
        CHECK(a && b && strcmp(a, b) == 0);
        free(a);
    }
    free(b);

    opt.date = "20240229T235959Z";
    a = write_to_string(BEAD_FORMAT_TMX, docs, fx.al, &opt, &st, &err);
    CHECK(a && strstr(a, " creationdate=\"20240229T235959Z\"") && !strstr(a, "2023"));
    free(a);
    unsetenv("SOURCE_DATE_EPOCH");

    static const char *const bad_dates[] = {"2024-02-29", "20240229T235959", "20240229t235959Z",
                                            "20240229T235959Zx", "", "2024022XT235959Z"};
    for (size_t k = 0; k < sizeof bad_dates / sizeof bad_dates[0]; k++) {
        opt.date = bad_dates[k];
        a = write_to_string(BEAD_FORMAT_TMX, docs, fx.al, &opt, &st, &err);
        CHECK(!a && st == BEAD_ERR_USAGE && strstr(err.message, "YYYYMMDDThhmmssZ"));
        free(a);
    }
    opt.date = NULL;

    opt.doctype = 1;
    a = write_to_string(BEAD_FORMAT_TMX, docs, fx.al, &opt, &st, &err);
    CHECK(a && strstr(a, "?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">"));
    free(a);
    fixture_free(&fx);
}

static void test_bad_arguments(void)
{
    fixture fx;
    fixture_make(&fx);
    const bead_doc *const *docs = (const bead_doc *const *)fx.docs;
    bead_write_options opt;
    bead_write_options_init(&opt);
    bead_status st;
    bead_error err;

    char *s = write_to_string(BEAD_FORMAT_MOSES, docs, fx.al, &opt, &st, &err);
    CHECK(!s && st == BEAD_ERR_USAGE && strstr(err.message, "bead_write_moses_side"));
    s = write_to_string((bead_format)17, docs, fx.al, &opt, &st, &err);
    CHECK(!s && st == BEAD_ERR_USAGE);
    s = write_to_string(BEAD_FORMAT_TSV, NULL, fx.al, &opt, &st, &err);
    CHECK(!s && st == BEAD_ERR_USAGE);
    /* beads need no documents */
    s = write_to_string(BEAD_FORMAT_BEADS, NULL, fx.al, &opt, &st, &err);
    CHECK(s && strcmp(s, "[0]:[0]:0.5000\n") == 0);
    free(s);
    /* NULL options mean the defaults */
    s = write_to_string(BEAD_FORMAT_TSV, docs, fx.al, NULL, &st, &err);
    CHECK(s && strcmp(s, "Едно \a две.\tEins zwei.\t0.5000\n") == 0);
    free(s);

    /* A unit reaching past the end of a document is refused, not read. */
    size_t begin[2] = {1, 1}, count[2] = {1, 0};
    CHECK(bead_alignment_append(fx.al, begin, count, 0.5, NULL) == BEAD_OK);
    for (int f = 0; f <= BEAD_FORMAT_JSONL; f++) {
        if (f == BEAD_FORMAT_MOSES)
            continue;
        s = write_to_string((bead_format)f, docs, fx.al, &opt, &st, &err);
        CHECK(!s && st == BEAD_ERR_USAGE && strstr(err.message, "unit 1") &&
              strstr(err.message, "a.bg"));
    }
    bead_output *out = NULL;
    char path[128];
    snprintf(path, sizeof path, "%s/side", tmpdir);
    CHECK(bead_output_open(&out, path, NULL) == BEAD_OK);
    CHECK(bead_write_moses_side(out, docs, fx.al, 0, &opt, &err) == BEAD_ERR_USAGE);
    CHECK(bead_write_summary(out, docs, fx.al, NULL, 0, 0, &err) == BEAD_ERR_USAGE);
    bead_output_free(out);
    fixture_free(&fx);

    /* Moses: a version that does not exist. Summary: N-way wants every pair. */
    fixture_make(&fx);
    CHECK(bead_output_open(&out, path, NULL) == BEAD_OK);
    CHECK(bead_write_moses_side(out, docs, fx.al, 2, &opt, &err) == BEAD_ERR_USAGE);
    CHECK(bead_write_moses_side(out, docs, fx.al, 1, &opt, &err) == BEAD_OK);
    CHECK(bead_doc_create(&fx.docs[2], "en", "a.en", NULL) == BEAD_OK);
    bead_alignment *three = NULL, *pair = NULL;
    CHECK(bead_alignment_create(&three, 3, NULL) == BEAD_OK);
    CHECK(bead_alignment_create(&pair, 2, NULL) == BEAD_OK);
    const bead_alignment *pairs[3] = {pair, pair, pair};
    CHECK(bead_write_summary(out, docs, three, pairs, 2, 0, &err) == BEAD_ERR_USAGE &&
          strstr(err.message, "(0,1),(0,2)"));
    CHECK(bead_write_summary(out, docs, three, pairs, 3, 0, &err) == BEAD_OK);
    pairs[1] = three;
    CHECK(bead_write_summary(out, docs, three, pairs, 3, 0, &err) == BEAD_ERR_USAGE);
    CHECK(bead_write_summary(out, docs, three, NULL, 0, 0, &err) == BEAD_OK);
    bead_output_free(out);
    unlink(path);
    bead_alignment_free(three);
    bead_alignment_free(pair);
    bead_doc_free(fx.docs[2]);
    fixture_free(&fx);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    test_format_names();
    test_tmx_dates();
    test_bad_arguments();
    rmdir(tmpdir);
    printf("write_api: %d failures\n", failures);
    return failures != 0;
}
