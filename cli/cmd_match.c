/* bead match: which documents of two collections translate which. The
 * index of B (built here, or loaded with --index), a query per document of
 * A, verification of the best candidates, then the assignment
 * (match_rows.c). Shards of A write candidates (-f candidates) that
 * --merge assigns as one run would. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "match_cli.h"

static void usage(FILE *f)
{
    fputs("usage: bead match [OPTIONS] A B\n"
          "       bead match [OPTIONS] --index FILE A\n"
          "       bead match [OPTIONS] --merge CANDIDATES...\n"
          "\n"
          "Finds which documents of A translate which of B. A and B are each a folder\n"
          "(its regular files; -r: also its subfolders), @LIST (one path a line, relative\n"
          "paths from the list's folder) or - (a list on standard input). When A and B\n"
          "are the same, each unordered pair is considered once and no document is\n"
          "paired with itself. Documents of B are indexed by their rare keys (numbers,\n"
          "names in Latin letters, cognates), each document of A proposes its best\n"
          "candidates, the best are verified by aligning them, and each document keeps\n"
          "at most one parallel counterpart (mutual best). Comparable pairs are listed\n"
          "as comparable, several per document if need be.\n"
          "\n"
          "Options:\n"
          "  -L, --langs L1,L2       the language of A's and of B's documents (default:\n"
          "                          from each file name, as in bg.aljazeera.txt; a file\n"
          "                          whose language cannot be told is left out)\n"
          "  -f, --format F          tsv (a, b, verdict, score; the default), jsonl (with\n"
          "                          the evidence), jobs (a job list for bead batch) or\n"
          "                          candidates (every scored candidate, for --merge)\n"
          "  -o, --output FILE       write there (default: standard output)\n"
          "      --min-score X       score a pair needs to be listed (default 0.1)\n"
          "      --top K             list up to K candidates per document of A with their\n"
          "                          scores instead of the assignment\n"
          "      --candidates N      candidates per document from the index (default 5)\n"
          "      --verify N          of those, how many are verified at most, best first,\n"
          "                          stopping at a parallel one (default 4)\n"
          "      --include-unmatched list documents of A without a pair, as\n"
          "                          \"a<TAB><TAB>unmatched<TAB>0\"\n"
          "  -r, --recursive         folders with their subfolders\n"
          "      --presegmented      documents hold one sentence per line\n"
          "      --dict auto|none|FILE  dictionaries for verification: auto (default)\n"
          "                          FreeDict for each pair of languages ($BEAD_DICT_DIR,\n"
          "                          else /usr/share/dictd), FILE a hunalign dictionary\n"
          "                          of L1 -> L2 (needs -L), none\n"
          "      --pivot LANG|none   words are also keyed in LANG (default en) through\n"
          "                          each language's dictionary to it, so that two\n"
          "                          languages without a dictionary meet in a third\n"
          "      --save-index FILE   save B's index (to query it again with --index)\n"
          "      --index FILE        query a saved index instead of B (its documents\n"
          "                          are read by the paths it holds when verified)\n"
          "      --merge             the arguments are candidate files of shards of A\n"
          "                          (-f candidates), assigned together\n"
          "      --skip-bad          unreadable, binary or invalid UTF-8 documents are\n"
          "                          skipped with a warning each, and the exit status\n"
          "                          stays 0 (without it: 1)\n"
          "      --progress          progress on stderr even when it is not a terminal\n"
          "  -h, --help              this text\n"
          "\n"
          "Exit status: 0 success, 1 a document could not be read (without --skip-bad)\n"
          "or output failed, 2 usage error.\n",
          f);
}

enum {
    OPT_MIN_SCORE = 256,
    OPT_TOP,
    OPT_CANDIDATES,
    OPT_VERIFY,
    OPT_UNMATCHED,
    OPT_PRESEG,
    OPT_DICT,
    OPT_SAVE_INDEX,
    OPT_INDEX,
    OPT_MERGE,
    OPT_SKIP_BAD,
    OPT_PROGRESS,
    OPT_PIVOT
};

typedef struct match_run {
    char langs[2][16];
    int have_langs;
    match_format fmt;
    const char *output, *dict, *save_index, *index_path;
    char pivot[16];
    double min_score;
    size_t top, candidates, verify;
    int unmatched, recursive, presegmented, merge, skip_bad, progress;
    /* state */
    bead_lexicon_set *lexicons;
    size_t bad;
    match_row *rows;
    size_t nrows, rows_cap;
} match_run;

static int parse_count(const char *opt, const char *arg, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(arg, &end, 10);
    if (!*arg || *end || arg[0] == '-') {
        cli_error("%s needs a whole number, not '%s'", opt, arg);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

static int parse_options(match_run *r, int argc, char **argv, int *first)
{
    static const struct option longopts[] = {
        {"langs", required_argument, 0, 'L'},
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"recursive", no_argument, 0, 'r'},
        {"min-score", required_argument, 0, OPT_MIN_SCORE},
        {"top", required_argument, 0, OPT_TOP},
        {"candidates", required_argument, 0, OPT_CANDIDATES},
        {"verify", required_argument, 0, OPT_VERIFY},
        {"include-unmatched", no_argument, 0, OPT_UNMATCHED},
        {"presegmented", no_argument, 0, OPT_PRESEG},
        {"dict", required_argument, 0, OPT_DICT},
        {"save-index", required_argument, 0, OPT_SAVE_INDEX},
        {"index", required_argument, 0, OPT_INDEX},
        {"merge", no_argument, 0, OPT_MERGE},
        {"skip-bad", no_argument, 0, OPT_SKIP_BAD},
        {"progress", no_argument, 0, OPT_PROGRESS},
        {"pivot", required_argument, 0, OPT_PIVOT},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "L:f:o:rh", longopts, NULL)) != -1) {
        switch (c) {
        case 'L':
            if (cli_parse_langs(optarg, r->langs, 2) != 2) {
                cli_error("-L needs two languages, one per side, such as -L bg,de");
                return EXIT_USAGE;
            }
            r->have_langs = 1;
            break;
        case 'f':
            if (!strcmp(optarg, "tsv"))
                r->fmt = MATCH_TSV;
            else if (!strcmp(optarg, "jsonl"))
                r->fmt = MATCH_JSONL;
            else if (!strcmp(optarg, "jobs"))
                r->fmt = MATCH_JOBS;
            else if (!strcmp(optarg, "candidates"))
                r->fmt = MATCH_CANDIDATES;
            else {
                cli_error("unknown format '%s' (tsv, jsonl, jobs or candidates)", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'o':
            r->output = optarg;
            break;
        case 'r':
            r->recursive = 1;
            break;
        case OPT_MIN_SCORE: {
            char *end;
            r->min_score = strtod(optarg, &end);
            if (!*optarg || *end || r->min_score < 0 || r->min_score > 1) {
                cli_error("--min-score needs a number from 0 to 1, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        }
        case OPT_TOP:
            if (parse_count("--top", optarg, &r->top))
                return EXIT_USAGE;
            break;
        case OPT_CANDIDATES:
            if (parse_count("--candidates", optarg, &r->candidates) || !r->candidates) {
                cli_error("--candidates needs at least 1");
                return EXIT_USAGE;
            }
            break;
        case OPT_VERIFY:
            if (parse_count("--verify", optarg, &r->verify))
                return EXIT_USAGE;
            break;
        case OPT_UNMATCHED:
            r->unmatched = 1;
            break;
        case OPT_PRESEG:
            r->presegmented = 1;
            break;
        case OPT_DICT:
            r->dict = optarg;
            break;
        case OPT_SAVE_INDEX:
            r->save_index = optarg;
            break;
        case OPT_INDEX:
            r->index_path = optarg;
            break;
        case OPT_MERGE:
            r->merge = 1;
            break;
        case OPT_SKIP_BAD:
            r->skip_bad = 1;
            break;
        case OPT_PROGRESS:
            r->progress = 1;
            break;
        case OPT_PIVOT:
            if (!strcmp(optarg, "none"))
                r->pivot[0] = '\0';
            else if (!bead_language_known(optarg)) {
                cli_error("--pivot: unknown language '%s'", optarg);
                return EXIT_USAGE;
            } else
                snprintf(r->pivot, sizeof r->pivot, "%s", optarg);
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    *first = optind;
    return -1;
}

/* ------------------------------------------------------------ documents */

/* Loads one document; a bad one is a warning, counted, and NULL. */
static bead_doc *load_doc(match_run *r, const char *path, const char *lang)
{
    bead_load_options lo;
    bead_load_options_init(&lo);
    lo.presegmented = r->presegmented;
    bead_doc *doc = NULL;
    bead_error err;
    bead_error_clear(&err);
    if (bead_doc_load(&doc, path, lang, &lo, &err) != BEAD_OK) {
        cli_error("%s: skipped: %s", path, err.message[0] ? err.message : "cannot read it");
        r->bad++;
        return NULL;
    }
    return doc;
}

/* The lexicon of la -> lb into r->lexicons: the --dict FILE for the pair
 * -L names (file), else FreeDict through the cache of compiled dictionaries,
 * as bead align does (parsing FreeDict costs more than matching a thousand
 * documents). */
static bead_status add_lexicon(match_run *r, const char *la, const char *lb, int file,
                               bead_error *err)
{
    bead_lexicon *lex = NULL;
    size_t loaded = 0;
    bead_status s;
    if (file && !strcmp(la, r->langs[0]) && !strcmp(lb, r->langs[1]))
        s = bead_lexicon_load_file(&lex, r->dict, la, lb, &loaded, err);
    else if (file)
        s = bead_lexicon_create(&lex, la, lb, err);
    else {
        char cache[4096], warning[1200];
        s = bead_lexicon_load_freedict_cached(&lex, cli_dict_dir(), cli_cache_dir(cache, sizeof cache),
                                              la, lb, &loaded, warning, sizeof warning, err);
        if (s == BEAD_OK && warning[0])
            cli_error("%s", warning);
    }
    /* An empty lexicon is still added: the pair is then known, and
     * verification asks for cognates where it would ask for translations
     * (bead_align_options). */
    if (s == BEAD_OK)
        s = bead_lexicon_set_add(r->lexicons, lex, err);
    if (s != BEAD_OK)
        bead_lexicon_free(lex);
    return s;
}

/* FreeDict (or --dict FILE) for every pair of languages of A x B, and from
 * each language to the pivot. */
static bead_status load_lexicons(match_run *r, const match_collection *a,
                                 const match_collection *b, const bead_match_index *ix,
                                 bead_error *err)
{
    if (r->dict && !strcmp(r->dict, "none"))
        return BEAD_OK;
    bead_status s = bead_lexicon_set_create(&r->lexicons, err);
    int file = r->dict && strcmp(r->dict, "auto") != 0;
    size_t nb = ix ? bead_match_index_size(ix) : b->n;
    for (size_t i = 0; i < a->n && s == BEAD_OK; i++)
        for (size_t j = 0; j < nb && s == BEAD_OK; j++) {
            const char *la = a->langs[i], *lb = ix ? bead_match_index_lang(ix, j) : b->langs[j];
            if (!strcmp(la, lb) || bead_lexicon_set_find(r->lexicons, la, lb))
                continue;
            s = add_lexicon(r, la, lb, file, err);
        }
    /* Every language to the pivot, for pivot word keys. */
    for (int side = 0; side < 2 && s == BEAD_OK && r->pivot[0]; side++) {
        size_t n = side ? nb : a->n;
        for (size_t i = 0; i < n && s == BEAD_OK; i++) {
            const char *l = side ? (ix ? bead_match_index_lang(ix, i) : b->langs[i]) : a->langs[i];
            if (strcmp(l, r->pivot) && !bead_lexicon_set_find(r->lexicons, l, r->pivot))
                s = add_lexicon(r, l, r->pivot, 0, err);
        }
    }
    return s;
}
static int add_row(match_run *r, const char *a, const char *alang, const char *b,
                   const char *blang, const bead_match_candidate *c, int same)
{
    if (r->nrows == r->rows_cap) {
        size_t cap = r->rows_cap ? 2 * r->rows_cap : 256;
        match_row *p = realloc(r->rows, cap * sizeof *p);
        if (!p)
            return -1;
        r->rows = p;
        r->rows_cap = cap;
    }
    match_row *row = &r->rows[r->nrows];
    memset(row, 0, sizeof *row);
    row->a = strdup(a);
    row->b = strdup(b);
    if (!row->a || !row->b) {
        match_row_clear(row);
        return -1;
    }
    snprintf(row->alang, sizeof row->alang, "%s", alang);
    snprintf(row->blang, sizeof row->blang, "%s", blang);
    row->c = *c;
    row->same_side = same;
    r->nrows++;
    return 0;
}

static void progress(match_run *r, const char *what, size_t done, size_t total, size_t verified,
                     int last)
{
    if (!r->progress)
        return;
    fprintf(stderr, "\rbead match: %s %zu/%zu documents, %zu candidates verified%s", what, done,
            total, verified, last ? "\n" : "");
    fflush(stderr);
}

/* -------------------------------------------------------------- the run */

/* B's index (built or loaded) and, when built, B's documents. */
static bead_status build_index(match_run *r, const match_collection *b, bead_match_index **ix,
                               bead_doc **bdocs, bead_error *err)
{
    bead_status s = bead_match_index_create(ix, err);
    if (s == BEAD_OK && r->pivot[0])
        s = bead_match_index_set_pivot(*ix, r->pivot, r->lexicons, err);
    for (size_t j = 0; j < b->n && s == BEAD_OK; j++) {
        bdocs[j] = load_doc(r, b->paths[j], b->langs[j]);
        /* A bad document is still indexed (with no keys), so that the
         * index numbers B as listed and proposes it for nothing. */
        bead_doc *empty = NULL;
        if (!bdocs[j])
            s = bead_doc_create(&empty, b->langs[j], b->paths[j], err);
        if (s == BEAD_OK)
            s = bead_match_index_add(*ix, bdocs[j] ? bdocs[j] : empty, b->paths[j], err);
        bead_doc_free(empty);
        progress(r, "indexed", j + 1, b->n, 0, j + 1 == b->n);
    }
    if (s == BEAD_OK)
        s = bead_match_index_finish(*ix, err);
    if (s == BEAD_OK && r->save_index)
        s = bead_match_index_save(*ix, r->save_index, err);
    return s;
}

/* Adds the ordered pair (lo, hi) to an open-addressing set: 1 when new, 0 when
 * there, -1 when out of memory. */
static int seen_add(uint64_t **set, size_t *cap, size_t *n, size_t lo, size_t hi)
{
    if (2 * (*n + 1) > *cap) {
        size_t ncap = 2 * *cap;
        uint64_t *t = calloc(ncap, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; i < *cap; i++)
            if ((*set)[i])
                for (size_t h = (*set)[i] * 0x9E3779B97F4A7C15ull & (ncap - 1);; h = (h + 1) & (ncap - 1))
                    if (!t[h]) {
                        t[h] = (*set)[i];
                        break;
                    }
        free(*set);
        *set = t;
        *cap = ncap;
    }
    uint64_t key = ((uint64_t)lo << 32 | (uint64_t)hi) + 1;
    for (size_t h = key * 0x9E3779B97F4A7C15ull & (*cap - 1);; h = (h + 1) & (*cap - 1)) {
        if ((*set)[h] == key)
            return 0;
        if (!(*set)[h]) {
            (*set)[h] = key;
            (*n)++;
            return 1;
        }
    }
}

/* A parallel verdict that covers less than this share of the texts may
 * be a passage told twice rather than the translation (Exodus 35-40 retells
 * 25-31: such chapter pairs are judged parallel at a coverage of 0.39-0.49
 * on the dev set, true pairs mostly at 0.6 to 1), so the next candidate is
 * verified as well and the assignment takes the better one. */
#define STRONG_COVERAGE 0.6

/* 1 when a candidate before k, of k's language, was verified parallel with
 * a strong coverage. */
static int found_parallel(const bead_match_index *ix, const bead_match_candidate *c, size_t k)
{
    const char *lang = bead_match_index_lang(ix, c[k].b);
    for (size_t q = 0; q < k; q++)
        if (c[q].verified && c[q].verdict == BEAD_VERDICT_PARALLEL &&
            c[q].coverage >= STRONG_COVERAGE && !strcmp(bead_match_index_lang(ix, c[q].b), lang))
            return 1;
    return 0;
}

static bead_status run_queries(match_run *r, const match_collection *a, bead_match_index *ix,
                               bead_doc **bdocs, unsigned char *bfailed, int same,
                               bead_error *err)
{
    bead_match_options mo;
    bead_match_options_init(&mo);
    if (r->candidates)
        mo.candidates = r->candidates;
    mo.verify = r->verify;
    mo.min_score = r->min_score;
    mo.lexicons = r->lexicons;
    if (r->top && r->top > mo.candidates)
        mo.candidates = r->top;
    bead_matcher *m = NULL;
    bead_status s = bead_matcher_create(&m, &mo, err);
    size_t verified = 0;
    size_t seen_cap = 1024, nseen = 0;
    uint64_t *seen = same ? calloc(seen_cap, sizeof *seen) : NULL;
    if (same && !seen)
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    for (size_t i = 0; i < a->n && s == BEAD_OK; i++) {
        bead_doc *doc = same ? bdocs[i] : load_doc(r, a->paths[i], a->langs[i]);
        if (doc) {
            bead_match_candidate *c = NULL;
            size_t nc = 0;
            s = bead_matcher_query(m, ix, doc, same ? i : SIZE_MAX, &c, &nc, err);
            for (size_t k = 0; k < nc && s == BEAD_OK; k++) {
                size_t j = c[k].b;
                /* Verify in the index's order until a candidate of b's
                 * language is clearly parallel, at most --verify of them,
                 * and only those the index scores near the best (0.8 of
                 * it): the true counterpart is nearly always among the
                 * first three (of the Bible dev chapters, 96-100% first,
                 * the rest second or third at 0.84-0.99 of the best score),
                 * so a document that has one mostly costs one alignment.
                 * A document keeps one parallel counterpart anyway (the
                 * assignment). */
                double best = 0;
                for (size_t q = 0; q < nc; q++)
                    if (c[q].rank == 0 && !strcmp(bead_match_index_lang(ix, c[q].b),
                                                  bead_match_index_lang(ix, j)))
                        best = c[q].index_score;
                int want = c[k].rank < mo.verify && c[k].index_score > 0 &&
                           c[k].index_score >= 0.8 * best && !found_parallel(ix, c, k);
                /* One collection: a pair both documents propose is verified
                 * from both sides, for each query weighs it its own way;
                 * the better row is kept (match_rows.c). The same
                 * direction is never verified twice. */
                if (want && same) {
                    int fresh = seen_add(&seen, &seen_cap, &nseen, i, j);
                    if (fresh < 0)
                        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
                    want = fresh == 1;
                }
                if (want && !bdocs[j] && !bfailed[j]) {
                    bdocs[j] = load_doc(r, bead_match_index_name(ix, j),
                                        bead_match_index_lang(ix, j));
                    bfailed[j] = !bdocs[j];
                }
                if (want && bdocs[j] && bead_doc_size(doc) && bead_doc_size(bdocs[j])) {
                    s = bead_matcher_verify(m, doc, bdocs[j], &c[k], err);
                    verified++;
                }
                if (s == BEAD_OK && add_row(r, a->paths[i], a->langs[i],
                                            bead_match_index_name(ix, j),
                                            bead_match_index_lang(ix, j), &c[k], same))
                    s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            }
            free(c);
            if (!same)
                bead_doc_free(doc);
        }
        progress(r, "queried", i + 1, a->n, verified, i + 1 == a->n);
    }
    free(seen);
    bead_matcher_free(m);
    return s;
}

static bead_status read_candidates(match_run *r, char **files, int n, bead_error *err)
{
    bead_status s = BEAD_OK;
    for (int f = 0; f < n && s == BEAD_OK; f++) {
        FILE *in = !strcmp(files[f], "-") ? stdin : fopen(files[f], "r");
        if (!in)
            return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open the candidates",
                                  files[f]);
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        int64_t lineno = 0;
        while (s == BEAD_OK && (len = getline(&line, &cap, in)) >= 0) {
            lineno++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                len--;
            if (len == 0)
                continue;
            match_row row;
            char msg[256];
            if (match_row_parse(line, (size_t)len, &row, msg, sizeof msg)) {
                s = bead_error_set(err, BEAD_ERR_FORMAT, -1, lineno, "%s:%lld: %s", files[f],
                                   (long long)lineno, msg);
                break;
            }
            if (add_row(r, row.a, row.alang, row.b, row.blang, &row.c, row.same_side))
                s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            match_row_clear(&row);
        }
        free(line);
        if (in != stdin)
            fclose(in);
    }
    return s;
}

static bead_status write_out(match_run *r, const match_collection *unmatched, bead_error *err)
{
    bead_output *out = NULL;
    bead_status s = cli_output_open(&out, r->output ? r->output : "-", err);
    if (s == BEAD_OK)
        s = match_write(out, r->fmt, r->rows, r->nrows, r->min_score, r->top,
                        r->unmatched ? unmatched : NULL, err);
    return cli_output_close(out, s, err);
}

static int finish(match_run *r, bead_status s, bead_error *err)
{
    if (s != BEAD_OK)
        return cli_fail(err, s);
    if (r->bad && r->skip_bad) {
        cli_error("%zu document%s could not be read and %s skipped", r->bad,
                  r->bad == 1 ? "" : "s", r->bad == 1 ? "was" : "were");
        return 0;
    }
    return r->bad ? EXIT_DATA : 0;
}

int cmd_match(int argc, char **argv)
{
    match_run r;
    memset(&r, 0, sizeof r);
    r.min_score = 0.1;
    strcpy(r.pivot, "en");
    r.verify = 4;
    int first = 0;
    int rc = parse_options(&r, argc, argv, &first);
    if (rc >= 0)
        return rc;
    r.progress |= isatty(2);
    int nargs = argc - first;
    bead_error err;
    bead_error_clear(&err);
    if (r.merge) {
        if (nargs < 1 || r.index_path || r.save_index) {
            cli_error("--merge reads candidate files (bead match -f candidates) and nothing "
                      "else: bead match --merge FILE...");
            return EXIT_USAGE;
        }
        bead_status s = read_candidates(&r, argv + first, nargs, &err);
        if (s == BEAD_OK)
            s = write_out(&r, NULL, &err);
        for (size_t i = 0; i < r.nrows; i++)
            match_row_clear(&r.rows[i]);
        free(r.rows);
        return finish(&r, s, &err);
    }
    if (nargs != (r.index_path ? 1 : 2)) {
        cli_error(r.index_path ? "with --index, give one collection: bead match --index FILE A"
                               : "give two collections: bead match [OPTIONS] A B");
        usage(stderr);
        return EXIT_USAGE;
    }
    if (r.dict && strcmp(r.dict, "auto") && strcmp(r.dict, "none") && !r.have_langs) {
        cli_error("--dict FILE is a dictionary of L1 -> L2: give the languages with -L L1,L2");
        return EXIT_USAGE;
    }
    const char *aarg = argv[first], *barg = r.index_path ? NULL : argv[first + 1];
    int same = barg && !strcmp(aarg, barg) && strcmp(aarg, "-");
    match_collection a, b;
    memset(&b, 0, sizeof b);
    size_t unnamed = 0;
    if (match_collect(&a, aarg, r.recursive, r.have_langs ? r.langs[0] : NULL, &unnamed))
        return EXIT_DATA;
    if (barg && !same &&
        match_collect(&b, barg, r.recursive, r.have_langs ? r.langs[1] : NULL, &unnamed)) {
        match_collection_free(&a);
        return EXIT_DATA;
    }
    const match_collection *bc = same ? &a : &b;
    bead_match_index *ix = NULL;
    bead_status s = BEAD_OK;
    if (r.index_path)
        s = bead_match_index_load(&ix, r.index_path, &err);
    size_t nb = ix ? bead_match_index_size(ix) : bc->n;
    bead_doc **bdocs = calloc(nb ? nb : 1, sizeof *bdocs);
    unsigned char *bfailed = calloc(nb ? nb : 1, 1);
    if (!bdocs || !bfailed)
        s = bead_error_set(&err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (s == BEAD_OK)
        s = load_lexicons(&r, &a, bc, ix, &err);
    if (s == BEAD_OK && !ix)
        s = build_index(&r, bc, &ix, bdocs, &err);
    for (size_t j = 0; !r.index_path && j < nb; j++)
        bfailed[j] = !bdocs[j];
    if (s == BEAD_OK)
        s = run_queries(&r, &a, ix, bdocs, bfailed, same, &err);
    if (s == BEAD_OK)
        s = write_out(&r, &a, &err);
    for (size_t j = 0; bdocs && j < nb; j++)
        bead_doc_free(bdocs[j]);
    free(bdocs);
    free(bfailed);
    for (size_t i = 0; i < r.nrows; i++)
        match_row_clear(&r.rows[i]);
    free(r.rows);
    bead_match_index_free(ix);
    bead_lexicon_set_free(r.lexicons);
    match_collection_free(&a);
    match_collection_free(&b);
    return finish(&r, s, &err);
}
