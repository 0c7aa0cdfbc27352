/* write_cases.c: data-driven tests of the writers. Each tests/write/NAME.in
 * describes documents and an alignment built by hand; every format is
 * written and compared byte for byte with tests/write/NAME.<ext>:
 *   .beads .tsv .tmx .jsonl .summary.json .moses.<v>
 * BEAD_REGEN=1 rewrites the expected files instead (review the diff!).
 *
 * NAME.in, one directive a line ('#' starts a comment line):
 *   doc LANG NAME           start a version (NAME is the rest of the line)
 *   s TEXT                  a sentence; escapes \t \n \r \v \f \\ \xHH \u{HHHH}
 *   unit B+C B+C ... SCORE [ANCHOR...]   one range per version
 *   verdict parallel|comparable|unrelated COVERAGE
 *   model C S2 P0 ... P7
 *   pair                    later unit/verdict/model lines build the next
 *                           pairwise alignment (N-way summary)
 *   seconds T
 *   option min_score X | include_unaligned | header | doctype | date D
 *   replaced N              the TMX writer must count N replacements */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bead/write.h>

#include "align/doc/doc_internal.h"

#define MAXV 8
#define MAXPAIRS 28

typedef struct test_case {
    bead_doc *docs[MAXV];
    size_t nv;
    bead_alignment *al;
    bead_alignment *pairs[MAXPAIRS];
    size_t npairs;
    bead_alignment *current;   /* where unit/verdict/model lines go */
    bead_write_options opt;
    char date[64];
    double seconds;
    long replaced;             /* -1: not checked */
} test_case;

static int failures;

static void fail(const char *name, const char *what)
{
    fprintf(stderr, "FAIL %s: %s\n", name, what);
    failures++;
}

static void put_utf8(char **o, unsigned long cp)
{
    unsigned char *u = (unsigned char *)*o;
    if (cp < 0x80) {
        *u++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *u++ = (unsigned char)(0xC0 | cp >> 6);
        *u++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *u++ = (unsigned char)(0xE0 | cp >> 12);
        *u++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *u++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *u++ = (unsigned char)(0xF0 | cp >> 18);
        *u++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *u++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *u++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *o = (char *)u;
}

/* Decodes the escapes of a sentence in place; returns its length. */
static size_t unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p;) {
        if (*p != '\\' || !p[1]) {
            *o++ = *p++;
            continue;
        }
        p++;
        switch (*p) {
        case 't': *o++ = '\t'; p++; break;
        case 'n': *o++ = '\n'; p++; break;
        case 'r': *o++ = '\r'; p++; break;
        case 'v': *o++ = '\v'; p++; break;
        case 'f': *o++ = '\f'; p++; break;
        case 'x': {
            char hex[3] = {p[1], p[1] ? p[2] : 0, 0};
            *o++ = (char)strtoul(hex, NULL, 16);
            p += 3;
            break;
        }
        case 'u': {
            char *end;
            unsigned long cp = strtoul(p + 2, &end, 16);
            put_utf8(&o, cp);
            p = *end == '}' ? end + 1 : end;
            break;
        }
        default: *o++ = *p++; break;
        }
    }
    *o = '\0';
    return (size_t)(o - s);
}

static int parse_unit(test_case *tc, char *args)
{
    size_t begin[MAXV], count[MAXV], nv = bead_alignment_nversions(tc->current);
    char *save, *tok = strtok_r(args, " ", &save);
    for (size_t v = 0; v < nv; v++, tok = strtok_r(NULL, " ", &save)) {
        if (!tok || sscanf(tok, "%zu+%zu", &begin[v], &count[v]) != 2)
            return -1;
    }
    if (!tok)
        return -1;
    double score = strtod(tok, NULL);
    if (bead_alignment_append(tc->current, begin, count, score, NULL) != BEAD_OK)
        return -1;
    size_t i = bead_alignment_size(tc->current) - 1;
    while ((tok = strtok_r(NULL, " ", &save)))
        if (bead_alignment_add_anchor(tc->current, i, tok, NULL) != BEAD_OK)
            return -1;
    return 0;
}

static bead_verdict verdict_of(const char *name)
{
    if (strcmp(name, "parallel") == 0)
        return BEAD_VERDICT_PARALLEL;
    if (strcmp(name, "comparable") == 0)
        return BEAD_VERDICT_COMPARABLE;
    if (strcmp(name, "unrelated") == 0)
        return BEAD_VERDICT_UNRELATED;
    return BEAD_VERDICT_NONE;
}

/* Creates the main alignment when the first unit-like line comes. */
static int ensure_alignment(test_case *tc)
{
    if (tc->current)
        return 0;
    if (bead_alignment_create(&tc->al, tc->nv, NULL) != BEAD_OK)
        return -1;
    tc->current = tc->al;
    return 0;
}

static int parse_line(test_case *tc, char *line)
{
    char *arg = strchr(line, ' ');
    if (arg)
        *arg++ = '\0';
    else
        arg = line + strlen(line);
    if (strcmp(line, "doc") == 0) {
        char *name = strchr(arg, ' ');
        if (!name || tc->nv == MAXV || tc->current)
            return -1;
        *name++ = '\0';
        return bead_doc_create(&tc->docs[tc->nv++], arg, name, NULL) == BEAD_OK ? 0 : -1;
    }
    if (strcmp(line, "s") == 0) {
        if (tc->nv == 0)
            return -1;
        size_t len = unescape(arg);
        return bead_doc_add(tc->docs[tc->nv - 1], arg, len, 0, 0, NULL) == BEAD_OK ? 0 : -1;
    }
    if (strcmp(line, "option") == 0) {
        if (strncmp(arg, "min_score ", 10) == 0)
            tc->opt.min_score = strtod(arg + 10, NULL);
        else if (strcmp(arg, "include_unaligned") == 0)
            tc->opt.include_unaligned = 1;
        else if (strcmp(arg, "header") == 0)
            tc->opt.header = 1;
        else if (strcmp(arg, "doctype") == 0)
            tc->opt.doctype = 1;
        else if (strncmp(arg, "date ", 5) == 0) {
            snprintf(tc->date, sizeof tc->date, "%s", arg + 5);
            tc->opt.date = tc->date;
        } else
            return -1;
        return 0;
    }
    if (strcmp(line, "seconds") == 0) {
        tc->seconds = strtod(arg, NULL);
        return 0;
    }
    if (strcmp(line, "replaced") == 0) {
        tc->replaced = strtol(arg, NULL, 10);
        return 0;
    }
    if (strcmp(line, "pair") == 0) {
        if (ensure_alignment(tc) || tc->npairs == MAXPAIRS ||
            bead_alignment_create(&tc->pairs[tc->npairs], 2, NULL) != BEAD_OK)
            return -1;
        tc->current = tc->pairs[tc->npairs++];
        return 0;
    }
    if (ensure_alignment(tc))
        return -1;
    if (strcmp(line, "unit") == 0)
        return parse_unit(tc, arg);
    if (strcmp(line, "verdict") == 0) {
        char name[32];
        double coverage = 0;
        if (sscanf(arg, "%31s %lf", name, &coverage) < 1)
            return -1;
        bd_alignment_set_verdict(tc->current, verdict_of(name), coverage);
        return 0;
    }
    if (strcmp(line, "model") == 0) {
        bead_model_info info = {0};
        int n = sscanf(arg, "%lf %lf %lf %lf %lf %lf %lf %lf %lf %lf", &info.c, &info.s2,
                       &info.prior[0], &info.prior[1], &info.prior[2], &info.prior[3],
                       &info.prior[4], &info.prior[5], &info.prior[6], &info.prior[7]);
        if (n != 10)
            return -1;
        bd_alignment_set_model(tc->current, &info);
        return 0;
    }
    return -1;
}

static void free_case(test_case *tc)
{
    for (size_t v = 0; v < tc->nv; v++)
        bead_doc_free(tc->docs[v]);
    for (size_t k = 0; k < tc->npairs; k++)
        bead_alignment_free(tc->pairs[k]);
    bead_alignment_free(tc->al);
}

static int load_case(test_case *tc, const char *path)
{
    memset(tc, 0, sizeof *tc);
    bead_write_options_init(&tc->opt);
    tc->replaced = -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[8192];
    int lineno = 0, bad = 0;
    while (!bad && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (parse_line(tc, line)) {
            fprintf(stderr, "%s:%d: cannot use this line\n", path, lineno);
            bad = 1;
        }
    }
    fclose(f);
    if (!bad && ensure_alignment(tc))
        bad = 1;
    return bad ? -1 : 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Compares the file just written (got) with the expected one, or replaces
 * the expected one in regeneration mode. */
static void check_output(const char *name, const char *got, const char *expected, int regen)
{
    size_t glen, elen;
    char *g = slurp(got, &glen);
    if (!g) {
        fail(name, "no output written");
        return;
    }
    if (regen) {
        FILE *f = fopen(expected, "wb");
        if (!f || fwrite(g, 1, glen, f) != glen)
            fail(name, "cannot write the expected file");
        if (f)
            fclose(f);
        free(g);
        return;
    }
    char *e = slurp(expected, &elen);
    if (!e) {
        char msg[1200];
        snprintf(msg, sizeof msg, "missing %s (run with BEAD_REGEN=1 and review it)", expected);
        fail(name, msg);
    } else if (elen != glen || memcmp(e, g, glen) != 0) {
        char msg[2200];
        snprintf(msg, sizeof msg, "%s differs from %s (diff them)", got, expected);
        fail(name, msg);
    }
    free(g);
    free(e);
}

typedef bead_status (*writer_fn)(bead_output *, test_case *, void *, bead_error *);

static bead_status write_format(bead_output *out, test_case *tc, void *arg, bead_error *err)
{
    bead_format fmt = *(const bead_format *)arg;
    return bead_write_alignment(out, fmt, (const bead_doc *const *)tc->docs, tc->al, &tc->opt,
                                err);
}

static bead_status write_moses(bead_output *out, test_case *tc, void *arg, bead_error *err)
{
    return bead_write_moses_side(out, (const bead_doc *const *)tc->docs, tc->al,
                                 *(const size_t *)arg, &tc->opt, err);
}

static bead_status write_summary(bead_output *out, test_case *tc, void *arg, bead_error *err)
{
    (void)arg;
    return bead_write_summary(out, (const bead_doc *const *)tc->docs, tc->al,
                              (const bead_alignment *const *)tc->pairs, tc->npairs,
                              tc->seconds, err);
}

static void run_one(const char *name, test_case *tc, const char *tmpdir, const char *ext,
                    writer_fn fn, void *arg, int regen)
{
    char got[1024], expected[1024], label[512];
    snprintf(got, sizeof got, "%s/%s.%s", tmpdir, name, ext);
    snprintf(expected, sizeof expected, "write/%s.%s", name, ext);
    snprintf(label, sizeof label, "%s.%s", name, ext);
    bead_output *out = NULL;
    bead_error err;
    bead_error_clear(&err);
    bead_status st = bead_output_open(&out, got, &err);
    if (st == BEAD_OK)
        st = fn(out, tc, arg, &err);
    if (st == BEAD_OK)
        st = bead_output_commit(out, &err);
    bead_output_free(out);
    if (st != BEAD_OK) {
        fail(label, err.message);
        return;
    }
    check_output(label, got, expected, regen);
}

static void run_case(const char *name, const char *tmpdir, int regen)
{
    char path[1024];
    snprintf(path, sizeof path, "write/%s.in", name);
    test_case tc;
    if (load_case(&tc, path)) {
        fail(name, "cannot load the case");
        free_case(&tc);
        return;
    }
    static const struct {
        const char *ext;
        bead_format fmt;
    } formats[] = {{"beads", BEAD_FORMAT_BEADS},
                   {"tsv", BEAD_FORMAT_TSV},
                   {"tmx", BEAD_FORMAT_TMX},
                   {"jsonl", BEAD_FORMAT_JSONL}};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        bead_format fmt = formats[f].fmt;
        run_one(name, &tc, tmpdir, formats[f].ext, write_format, &fmt, regen);
        if (fmt == BEAD_FORMAT_TMX && tc.replaced >= 0 &&
            tc.opt.replaced != (uint64_t)tc.replaced) {
            char msg[128];
            snprintf(msg, sizeof msg, "replaced %llu characters, expected %ld",
                     (unsigned long long)tc.opt.replaced, tc.replaced);
            fail(name, msg);
        }
    }
    for (size_t v = 0; v < tc.nv; v++) {
        char ext[32];
        snprintf(ext, sizeof ext, "moses.%zu", v);
        run_one(name, &tc, tmpdir, ext, write_moses, &v, regen);
    }
    run_one(name, &tc, tmpdir, "summary.json", write_summary, NULL, regen);
    free_case(&tc);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    int regen = getenv("BEAD_REGEN") && *getenv("BEAD_REGEN") == '1';
    char tmpdir[] = "/tmp/bead-write-XXXXXX";
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    DIR *dir = opendir("write");
    if (!dir) {
        perror("tests/write");
        return 1;
    }
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".in") == 0)
            names[n++] = strndup(e->d_name, len - 3);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    for (size_t k = 0; k < n; k++) {
        run_case(names[k], tmpdir, regen);
        free(names[k]);
    }
    if (n == 0)
        fail("write", "no cases in tests/write/*.in");
    if (failures == 0) {   /* keep the outputs of a failed run for diffing */
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", tmpdir);
    }
    printf("%zu write cases, %d failures\n", n, failures);
    return failures != 0;
}
