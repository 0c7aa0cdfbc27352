/* What bead align says about an N-way result, and --pairs: the pivot and
 * each version's coverage on stderr, a reason whenever nothing is written,
 * and one output per pair of versions. */
#include <stdio.h>
#include <string.h>
#include <bead/write.h>

#include "cli.h"

/* Units the filtered formats write: two versions with sentences (or one,
 * with --include-unaligned) and a score of at least min_score. Blank
 * sentences may make a unit empty after all; that only errs towards
 * silence, which the verdict lines cover. */
static size_t rows_of(const bead_alignment *al, const bead_write_options *wopt)
{
    size_t rows = 0, nv = bead_alignment_nversions(al);
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t with = 0;
        for (size_t v = 0; v < nv; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            with += c > 0;
        }
        if (bead_alignment_score(al, u) >= wopt->min_score &&
            with >= (wopt->include_unaligned ? 1u : 2u))
            rows++;
    }
    return rows;
}

void cli_say_nway(char *const *files, int n, const bead_doc *const *docs,
                  const bead_alignment *al)
{
    int p = bead_alignment_pivot(al);
    if (n < 3 || p < 0)
        return;
    char line[4096];
    size_t len = (size_t)snprintf(line, sizeof line, "pivot %s; sentences written:", files[p]);
    for (int v = 0; v < n && len < sizeof line; v++) {
        size_t size = bead_doc_size(docs[v]), placed = 0;
        for (size_t u = 0; u < bead_alignment_size(al); u++) {
            size_t b, c, with = 0;
            for (int w = 0; w < n; w++) {
                bead_alignment_range(al, u, (size_t)w, &b, &c);
                with += c > 0;
            }
            bead_alignment_range(al, u, (size_t)v, &b, &c);
            if (with >= 2)
                placed += c;
        }
        len += (size_t)snprintf(line + len, sizeof line - len, "%s %s %zu/%zu",
                                v ? "," : "", files[v], placed, size);
    }
    cli_error("%s", line);
}

int cli_say_if_empty(const bead_alignment *al, const bead_write_options *wopt, int n,
                     const char *outpath)
{
    if (rows_of(al, wopt))
        return 0;
    const char *where = strcmp(outpath, "-") ? outpath : "standard output";
    if (wopt->min_score > 0)
        cli_error("nothing written to %s: no unit of two or more versions scores %.4g or more "
                  "(--min-score)", where, wopt->min_score);
    else if (n > 2)
        cli_error("nothing written to %s: no two versions share a sentence (see the verdicts "
                  "above); --pairs -o OUT writes each pair's own alignment, --mode align forces "
                  "monotone ones", where);
    else
        /* Not "share no sentence": a comparable pair (a few units far above
         * chance on the path) may still yield no mined pair. */
        cli_error("nothing written to %s: no sentence pair was found to translate (see the "
                  "verdict above); --mode align forces a monotone alignment", where);
    return 1;
}

/* "out/x.tsv.gz" -> "out/x" + TAG + ".tsv.gz"; a Moses prefix takes TAG at
 * its end. */
static void pair_path(char *buf, size_t size, const char *outpath, const char *tag, int moses)
{
    const char *base = strrchr(outpath, '/');
    base = base ? base + 1 : outpath;
    const char *dot = moses ? NULL : strchr(base + (*base == '.'), '.');
    size_t stem = dot ? (size_t)(dot - outpath) : strlen(outpath);
    snprintf(buf, size, "%.*s.%s%s", (int)stem, outpath, tag, dot ? dot : "");
}

bead_status cli_write_pairs(const char *outpath, bead_format fmt, char langs[][16], int n,
                            const bead_doc *const *docs, const bead_alignment *const *pairs,
                            size_t npairs, bead_write_options *wopt, bead_error *err)
{
    int shared = 0;
    for (int v = 0; v < n; v++)
        for (int w = v + 1; w < n; w++)
            shared |= !strcmp(langs[v], langs[w]);
    bead_status s = BEAD_OK;
    for (size_t k = 0; k < npairs && s == BEAD_OK; k++) {
        size_t a, b;
        bead_pair_versions(k, (size_t)n, &a, &b);
        char tag[64], path[4096];
        if (shared)
            snprintf(tag, sizeof tag, "%zu.%s-%zu.%s", a + 1, langs[a], b + 1, langs[b]);
        else
            snprintf(tag, sizeof tag, "%s-%s", langs[a], langs[b]);
        pair_path(path, sizeof path, outpath, tag, fmt == BEAD_FORMAT_MOSES);
        const bead_doc *two[2] = {docs[a], docs[b]};
        char pl[2][16];
        memcpy(pl[0], langs[a], 16);
        memcpy(pl[1], langs[b], 16);
        s = cli_write_outputs(path, fmt, pl, 2, two, pairs[k], wopt, err);
        if (s == BEAD_OK)
            fprintf(stderr, "bead: pair %s: %zu unit(s) to %s\n", tag,
                    rows_of(pairs[k], wopt), path);
    }
    return s;
}
