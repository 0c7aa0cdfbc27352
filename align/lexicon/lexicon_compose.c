/* A dictionary through a third language: for a pair of languages without a
 * FreeDict dictionary of its own (Bulgarian and Indonesian), the pairs
 * (x, z) for which some word p of a pivot language translates x and has the
 * translation z. A pivot word with many translations (English "take") joins
 * words that are no translations of each other, so pivot words with more
 * than PIVOT_FANOUT translations on either side are left out. What is left
 * is noisier than a direct dictionary; the translation evidence measures it
 * against chance like any other link, so noise costs power, not truth. */
#include <stdlib.h>
#include <string.h>

#include "align/lexicon/lexicon_internal.h"

#define PIVOT_FANOUT 6

/* For each id of one side of a lexicon's pairs, the ids of the other side
 * (CSR). by_trg: grouped by target id, listing sources. */
typedef struct groups {
    size_t *off;
    uint32_t *to;
} groups;

static int group(const bead_lexicon *lex, int by_trg, groups *g)
{
    const lex_pairs *p = bd_lex_pair_set(lex);
    size_t nslots = p->keys ? p->mask + 1 : 0, n = bd_lex_id_count(lex, by_trg);
    g->off = calloc(n + 2, sizeof *g->off);
    g->to = malloc((p->n ? p->n : 1) * sizeof *g->to);
    if (!g->off || !g->to)
        return -1;
    for (size_t i = 0; i < nslots; i++)
        if (p->keys[i]) {
            uint32_t key = by_trg ? (uint32_t)p->keys[i] : (uint32_t)(p->keys[i] >> 32);
            if (key <= n)
                g->off[key + 1]++;
        }
    for (size_t k = 1; k <= n + 1; k++)
        g->off[k] += g->off[k - 1];
    size_t *fill = malloc((n + 1) * sizeof *fill);
    if (!fill)
        return -1;
    memcpy(fill, g->off, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < nslots; i++)
        if (p->keys[i]) {
            uint32_t a = (uint32_t)(p->keys[i] >> 32), b = (uint32_t)p->keys[i];
            uint32_t key = by_trg ? b : a;
            if (key <= n)
                g->to[fill[key]++] = by_trg ? a : b;
        }
    free(fill);
    return 0;
}

long bd_lex_compose(bead_lexicon *lex, const bead_lexicon *ab, const bead_lexicon *bc)
{
    groups into = {NULL, NULL}, out = {NULL, NULL};
    long added = 0;
    if (group(ab, 1, &into) || group(bc, 0, &out)) {
        added = -1;
        goto done;
    }
    for (uint32_t p = 1; p <= bd_lex_id_count(ab, 1) && added >= 0; p++) {
        size_t ni = into.off[p + 1] - into.off[p];
        const char *pivot = bd_lex_key_of(ab, 1, p);
        if (ni == 0 || ni > PIVOT_FANOUT || !pivot)
            continue;
        uint32_t q = bd_lex_src_id(bc, pivot, strlen(pivot));
        if (!q)
            continue;
        size_t no = out.off[q + 1] - out.off[q];
        if (no == 0 || no > PIVOT_FANOUT)
            continue;
        for (size_t i = into.off[p]; i < into.off[p + 1] && added >= 0; i++)
            for (size_t o = out.off[q]; o < out.off[q + 1]; o++) {
                const char *x = bd_lex_key_of(ab, 0, into.to[i]);
                const char *z = bd_lex_key_of(bc, 1, out.to[o]);
                int r = bd_lex_add_keys(lex, x, strlen(x), z, strlen(z));
                if (r < 0) {
                    added = -1;
                    break;
                }
                added += r;
            }
    }
done:
    free(into.off);
    free(into.to);
    free(out.off);
    free(out.to);
    return added;
}
