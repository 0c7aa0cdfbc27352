/* Dictionary anchors: the share of a sentence pair's words that have a
 * translation on the other side, from a bead_lexicon (FreeDict, hunalign
 * file or learned). Looking pairs up costs a hash probe per word pair, so it
 * is done only for cells near the path of the first round, once, and added
 * to the anchor evidence of the following rounds. */
#include <stdlib.h>
#include <string.h>

#include "align_internal.h"
#include "lexicon_internal.h"

/* Cells within this distance of the first path get dictionary evidence. */
#define LEX_RADIUS 3
/* Words per sentence looked up at most (the first ones). */
#define LEX_WORDS 40

typedef struct word_ids {
    uint32_t *ids;
    size_t *off;
    size_t n, cap;
} word_ids;

typedef struct collect_ctx {
    const bead_lexicon *lex;
    int side;
    word_ids *w;
    size_t start;
    int failed;
} collect_ctx;

static void collect(void *p, const char *key, size_t len)
{
    collect_ctx *c = p;
    if (c->failed || c->w->n - c->start >= LEX_WORDS)
        return;
    uint32_t id = c->side ? lex_trg_id(c->lex, key, len) : lex_src_id(c->lex, key, len);
    if (!id)
        return;
    for (size_t k = c->start; k < c->w->n; k++)
        if (c->w->ids[k] == id)
            return;
    if (c->w->n == c->w->cap) {
        size_t cap = c->w->cap ? c->w->cap * 2 : 1024;
        uint32_t *ids = realloc(c->w->ids, cap * sizeof *ids);
        if (!ids) {
            c->failed = 1;
            return;
        }
        c->w->ids = ids;
        c->w->cap = cap;
    }
    c->w->ids[c->w->n++] = id;
}

static int collect_doc(word_ids *w, const bead_doc *d, size_t begin, size_t n,
                       const bead_lexicon *lex, int side)
{
    memset(w, 0, sizeof *w);
    w->off = malloc((n + 1) * sizeof *w->off);
    if (!w->off)
        return -1;
    w->off[0] = 0;
    collect_ctx c = {lex, side, w, 0, 0};
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *text = bead_doc_text(d, begin + i, &len);
        c.start = w->n;
        lex_each_key(bead_doc_lang(d), text, len, collect, &c);
        if (c.failed)
            return -1;
        w->off[i + 1] = w->n;
    }
    return 0;
}

/* A direct-mapped memo of lexicon probes. Neighbouring cells share most
 * of their words (function words above all), and a probe of the lexicon's
 * large hash table is a cache miss, a probe of this small one is not. */
#define MEMO_BITS 14

typedef struct probe_memo {
    const bead_lexicon *lex;
    uint64_t key[1u << MEMO_BITS];    /* src << 32 | trg; 0 = empty (ids are never 0) */
    unsigned char has[1u << MEMO_BITS];
} probe_memo;

static int memo_has(probe_memo *pm, uint32_t a, uint32_t b)
{
    uint64_t k = (uint64_t)a << 32 | b;
    size_t h = (size_t)((k * 0x9E3779B97F4A7C15ull) >> (64 - MEMO_BITS));
    if (pm->key[h] != k) {
        pm->key[h] = k;
        pm->has[h] = (unsigned char)lex_has_ids(pm->lex, a, b);
    }
    return pm->has[h];
}

static float pair_share(probe_memo *pm, const word_ids *ws, size_t i, const word_ids *wt,
                        size_t j)
{
    size_t ns = ws->off[i + 1] - ws->off[i], nt = wt->off[j + 1] - wt->off[j];
    if (ns + nt < 2 || ns == 0 || nt == 0)
        return 0.0f;
    size_t hit_s = 0;
    unsigned char hit_t[LEX_WORDS] = {0};
    for (size_t a = 0; a < ns; a++) {
        int any = 0;
        for (size_t b = 0; b < nt; b++)
            if (memo_has(pm, ws->ids[ws->off[i] + a], wt->ids[wt->off[j] + b])) {
                any = 1;
                hit_t[b] = 1;
            }
        hit_s += (size_t)any;
    }
    size_t ht = 0;
    for (size_t b = 0; b < nt; b++)
        ht += hit_t[b];
    return (float)(hit_s + ht) / (float)(ns + nt);
}

float *lexicon_cell_evidence(const band *b, const dp_result *path, const bead_doc *src,
                             size_t s0, const bead_doc *trg, size_t t0, const bead_lexicon *lex,
                             double scale)
{
    size_t ncells = (size_t)b->off[b->n + 1];
    float *ev = calloc(ncells ? ncells : 1, sizeof *ev);
    int64_t *pmin = malloc((b->n + 1) * sizeof *pmin), *pmax = malloc((b->n + 1) * sizeof *pmax);
    probe_memo *pm = calloc(1, sizeof *pm);
    word_ids ws, wt;
    memset(&ws, 0, sizeof ws);
    memset(&wt, 0, sizeof wt);
    int ok = ev && pmin && pmax && pm && collect_doc(&ws, src, s0, b->n, lex, 0) == 0 &&
             collect_doc(&wt, trg, t0, b->m, lex, 1) == 0;
    if (ok) {
        pm->lex = lex;
        for (size_t i = 0; i <= b->n; i++) {
            pmin[i] = INT64_MAX;
            pmax[i] = INT64_MIN;
        }
        for (size_t k = 0; k < path->n; k++) {
            const dp_bead *d = &path->beads[k];
            size_t a = (size_t)bead_type_src[d->type], bb = (size_t)bead_type_trg[d->type];
            for (size_t r = d->i; r <= d->i + a; r++) {
                if ((int64_t)d->j < pmin[r])
                    pmin[r] = (int64_t)d->j;
                if ((int64_t)(d->j + bb) > pmax[r])
                    pmax[r] = (int64_t)(d->j + bb);
            }
        }
        for (size_t i = 1; i <= b->n; i++) {
            int64_t lo = pmin[i] - LEX_RADIUS, hi = pmax[i] + LEX_RADIUS;
            if (lo < b->lo[i])
                lo = b->lo[i];
            if (lo < 1)
                lo = 1;
            if (hi > b->hi[i])
                hi = b->hi[i];
            for (int64_t j = lo; j <= hi; j++)
                ev[(size_t)(b->off[i] + (j - b->lo[i]))] =
                    (float)scale * pair_share(pm, &ws, i - 1, &wt, (size_t)j - 1);
        }
    }
    free(pm);
    free(pmin);
    free(pmax);
    free(ws.ids);
    free(ws.off);
    free(wt.ids);
    free(wt.off);
    if (!ok) {
        free(ev);
        return NULL;
    }
    return ev;
}
