/* Dictionary anchors: the share of a sentence pair's words that have a
 * translation on the other side, from a bead_lexicon (FreeDict, hunalign
 * file or learned). It is computed only for cells near the path of the
 * first round, once, and added to the anchor evidence of the following
 * rounds.
 *
 * Each distinct word of the documents is keyed once (word_keys.c) and its
 * key looked up in the lexicon once, so a sentence becomes a short array of
 * key ids. A cell's share then needs to know which of its word pairs the
 * lexicon holds. Two ways, chosen by cost, give the same numbers:
 * - probing the lexicon's pair set for every word pair of the cell (through
 *   a small memo): cheap for a short document and a large dictionary;
 * - scanning the whole pair set once to make an adjacency list from each
 *   source key of the document to its translations among the target keys,
 *   after which a row of cells costs its words' translations plus one look
 *   per target word: cheap for a long document. A compiled lexicon keeps
 *   its pairs as rows by source key, so there only the document's source
 *   keys' rows are read. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/pair/pair.h"
#include "align/lexicon/lexicon_internal.h"

/* Cells within this distance of the first path get dictionary evidence. */
#define LEX_RADIUS 3
/* Words per sentence looked up at most (the first ones the lexicon knows). */
#define LEX_WORDS 40

_Static_assert(LEX_WORDS <= 64, "a row keeps one bit per source word in a uint64_t");

/* One side of the document range: per sentence the distinct key ids that
 * the lexicon knows, at most LEX_WORDS of them. */
typedef struct side_words {
    lex_word_cache cache;
    lex_ids ids;            /* sentence after sentence */
    size_t *off;            /* n + 1 */
    uint32_t *lex_id;       /* by key id: the lexicon's id, 0 = unknown */
    uint32_t *seen;         /* by key id: last sentence + 1 that had it */
    size_t nkeys, keys_cap;
} side_words;

static void side_free(side_words *w)
{
    bd_lex_word_cache_free(&w->cache);
    free(w->ids.v);
    free(w->off);
    free(w->lex_id);
    free(w->seen);
}

/* Looks up the keys the cache has made since the last call. */
static int side_lookup_new_keys(side_words *w, const bead_lexicon *lex, int side)
{
    size_t n = w->cache.keys.n;
    /* Two arrays of one capacity: each grows from the same count. */
    size_t cap_lex = w->keys_cap, cap_seen = w->keys_cap;
    if (array_grow((void **)&w->lex_id, &cap_lex, n + 1, sizeof *w->lex_id, 4096) ||
        array_grow((void **)&w->seen, &cap_seen, n + 1, sizeof *w->seen, 4096))
        return -1;
    w->keys_cap = cap_lex;
    for (size_t k = w->nkeys + 1; k <= n; k++) {
        size_t len;
        const char *key = bd_lex_word_cache_key(&w->cache, (uint32_t)k, &len);
        w->lex_id[k] = side ? bd_lex_trg_id(lex, key, len) : bd_lex_src_id(lex, key, len);
        w->seen[k] = 0;
    }
    w->nkeys = n;
    return 0;
}

static int side_collect(side_words *w, const bead_doc *d, size_t begin, size_t n,
                        const bead_lexicon *lex, int side)
{
    memset(w, 0, sizeof *w);
    bd_lex_word_cache_init(&w->cache, bead_doc_lang(d));
    w->off = malloc((n + 1) * sizeof *w->off);
    if (!w->off)
        return -1;
    w->off[0] = 0;
    lex_ids words = {NULL, 0, 0};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len;
        const char *text = bead_doc_text(d, begin + i, &len);
        words.n = 0;
        rc = bd_lex_word_cache_keys(&w->cache, text, len, &words);
        if (rc == 0)
            rc = side_lookup_new_keys(w, lex, side);
        size_t start = w->ids.n;
        uint32_t stamp = (uint32_t)(i + 1);
        for (size_t k = 0; rc == 0 && k < words.n && w->ids.n - start < LEX_WORDS; k++) {
            uint32_t key = words.v[k];
            if (!w->lex_id[key] || w->seen[key] == stamp)
                continue;
            w->seen[key] = stamp;
            rc = bd_lex_ids_push(&w->ids, key);
        }
        w->off[i + 1] = w->ids.n;
    }
    free(words.v);
    /* Only the ids are needed from here on, and not the room doubling left. */
    bd_lex_word_cache_free(&w->cache);
    free(w->seen);
    w->seen = NULL;
    if (rc == 0 && w->ids.n && w->ids.n < w->ids.cap) {
        uint32_t *v = realloc(w->ids.v, w->ids.n * sizeof *v);
        if (v) {
            w->ids.v = v;
            w->ids.cap = w->ids.n;
        }
    }
    return rc;
}

static size_t side_count(const side_words *w, size_t i) { return w->off[i + 1] - w->off[i]; }

/* ------------------------------------------------------------ probing */

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
        pm->has[h] = (unsigned char)bd_lex_has_ids(pm->lex, a, b);
    }
    return pm->has[h];
}

static float share_by_probes(probe_memo *pm, const side_words *ws, size_t i,
                             const side_words *wt, size_t j)
{
    size_t ns = side_count(ws, i), nt = side_count(wt, j);
    if (ns + nt < 2 || ns == 0 || nt == 0)
        return 0.0f;
    const uint32_t *s = ws->ids.v + ws->off[i], *t = wt->ids.v + wt->off[j];
    size_t hit_s = 0;
    unsigned char hit_t[LEX_WORDS] = {0};
    for (size_t a = 0; a < ns; a++) {
        int any = 0;
        for (size_t b = 0; b < nt; b++)
            if (memo_has(pm, ws->lex_id[s[a]], wt->lex_id[t[b]])) {
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

/* ---------------------------------------------------------- adjacency */

/* For each source key id of the document, its translations among the
 * target key ids (CSR), and the per-row state of the current source
 * sentence: for each target key, which of the sentence's words (bits)
 * translate to it. */
typedef struct adjacency {
    size_t *start;          /* source key id -> first edge; nkeys + 2 */
    uint32_t *to;           /* target key ids */
    uint64_t *words;        /* by target key id: bits of the row's words */
    uint32_t *row;          /* by target key id: the row words[] is for */
} adjacency;

static void adjacency_free(adjacency *a)
{
    free(a->start);
    free(a->to);
    free(a->words);
    free(a->row);
}

/* Lexicon id -> key id of the document, for one side. */
static uint32_t *reverse_ids(const side_words *w, uint32_t nlex)
{
    uint32_t *rev = calloc((size_t)nlex + 1, sizeof *rev);
    if (!rev)
        return NULL;
    for (size_t k = 1; k <= w->nkeys; k++)
        if (w->lex_id[k] && w->lex_id[k] <= nlex)
            rev[w->lex_id[k]] = (uint32_t)k;
    return rev;
}

/* A target key of the document by its lexicon id. */
typedef struct lex_key {
    uint32_t lex_id, key;
} lex_key;

static int by_lex_id(const void *x, const void *y)
{
    uint32_t a = ((const lex_key *)x)->lex_id, b = ((const lex_key *)y)->lex_id;
    return a < b ? -1 : a > b;
}

/* The document's target keys sorted by lexicon id (*n of them), for
 * edges_from_rows: a short array to search, where one by lexicon id would
 * be as long as the dictionary's vocabulary (and page faults to zero). */
static lex_key *target_keys(const side_words *wt, size_t *n)
{
    lex_key *v = malloc((wt->nkeys + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t k = 1; k <= wt->nkeys; k++)
        if (wt->lex_id[k])
            v[(*n)++] = (lex_key){wt->lex_id[k], (uint32_t)k};
    if (*n)
        qsort(v, *n, sizeof *v, by_lex_id);
    return v;
}

/* Counts (to == NULL) or places the edges of a compiled lexicon: its rows
 * are by source id, so only the document's own source keys are visited. */
static void edges_from_rows(adjacency *a, const bead_lexicon *lex, const side_words *ws,
                            const lex_key *tk, size_t ntk, size_t *fill)
{
    const uint32_t *start, *trg;
    bd_lex_rows(lex, &start, &trg);
    unsigned logn = 1;
    while (logn < 32 && ((size_t)1 << logn) < ntk)
        logn++;
    for (size_t k = 1; k <= ws->nkeys; k++) {
        uint32_t l = ws->lex_id[k];
        if (!l || !ntk)
            continue;
        uint32_t e = start[l], end = start[l + 1];
        /* Both are sorted by lexicon id: a long row (a frequent word's)
         * is merged with the list, a short one searched in it. */
        int merge = (size_t)(end - e) * logn > (size_t)(end - e) + ntk;
        size_t at = 0;
        for (; e < end; e++) {
            const lex_key *hit = NULL;
            if (merge) {
                while (at < ntk && tk[at].lex_id < trg[e])
                    at++;
                hit = at < ntk && tk[at].lex_id == trg[e] ? &tk[at] : NULL;
            } else {
                lex_key want = {trg[e], 0};
                hit = bsearch(&want, tk, ntk, sizeof *tk, by_lex_id);
            }
            if (!hit)
                continue;
            if (fill)
                a->to[fill[k]++] = hit->key;
            else
                a->start[k + 1]++;
        }
    }
}

static int adjacency_build(adjacency *a, const bead_lexicon *lex, const side_words *ws,
                           const side_words *wt)
{
    memset(a, 0, sizeof *a);
    const uint32_t *rs, *rt;
    int rows = bd_lex_rows(lex, &rs, &rt);
    const lex_pairs *p = bd_lex_pair_set(lex);
    uint32_t *src_key = rows ? NULL : reverse_ids(ws, bd_lex_id_count(lex, 0));
    uint32_t *trg_key = rows ? NULL : reverse_ids(wt, bd_lex_id_count(lex, 1));
    size_t ntk = 0;
    lex_key *tk = rows ? target_keys(wt, &ntk) : NULL;
    a->start = calloc(ws->nkeys + 2, sizeof *a->start);
    a->words = calloc(wt->nkeys + 1, sizeof *a->words);
    a->row = calloc(wt->nkeys + 1, sizeof *a->row);
    int rc = -1;
    if ((!rows && (!src_key || !trg_key)) || (rows && !tk) || !a->start || !a->words || !a->row)
        goto done;
    /* Two sweeps: count each source key's edges, then place them. */
    size_t nslots = !rows && p->keys ? p->mask + 1 : 0;
    if (rows)
        edges_from_rows(a, lex, ws, tk, ntk, NULL);
    for (size_t i = 0; i < nslots; i++) {
        uint64_t k = p->keys[i];
        if (k && src_key[k >> 32] && trg_key[(uint32_t)k])
            a->start[src_key[k >> 32] + 1]++;
    }
    for (size_t s = 1; s <= ws->nkeys + 1; s++)
        a->start[s] += a->start[s - 1];
    size_t nedges = a->start[ws->nkeys + 1];
    a->to = malloc((nedges ? nedges : 1) * sizeof *a->to);
    size_t *fill = malloc((ws->nkeys + 1) * sizeof *fill);
    if (a->to && fill) {
        memcpy(fill, a->start, (ws->nkeys + 1) * sizeof *fill);
        if (rows)
            edges_from_rows(a, lex, ws, tk, ntk, fill);
        for (size_t i = 0; i < nslots; i++) {
            uint64_t k = p->keys[i];
            uint32_t s = k ? src_key[k >> 32] : 0, t = k ? trg_key[(uint32_t)k] : 0;
            if (s && t)
                a->to[fill[s]++] = t;
        }
        rc = 0;
    }
    free(fill);
done:
    free(src_key);
    free(trg_key);
    free(tk);
    return rc;
}

/* Marks, for row (source sentence) i, the target keys its words translate
 * to. Rows are numbered from 1 so that 0 marks nothing. */
static void adjacency_row(adjacency *a, const side_words *ws, size_t i, uint32_t row)
{
    const uint32_t *s = ws->ids.v + ws->off[i];
    size_t ns = side_count(ws, i);
    for (size_t w = 0; w < ns; w++)
        for (size_t e = a->start[s[w]]; e < a->start[s[w] + 1]; e++) {
            uint32_t t = a->to[e];
            if (a->row[t] != row) {
                a->row[t] = row;
                a->words[t] = 0;
            }
            a->words[t] |= (uint64_t)1 << w;
        }
}

static float share_by_adjacency(const adjacency *a, const side_words *ws, size_t i,
                                const side_words *wt, size_t j, uint32_t row)
{
    size_t ns = side_count(ws, i), nt = side_count(wt, j);
    if (ns + nt < 2 || ns == 0 || nt == 0)
        return 0.0f;
    const uint32_t *t = wt->ids.v + wt->off[j];
    uint64_t hit = 0;
    size_t ht = 0;
    for (size_t b = 0; b < nt; b++)
        if (a->row[t[b]] == row && a->words[t[b]]) {
            hit |= a->words[t[b]];
            ht++;
        }
    size_t hit_s = 0;
    for (; hit; hit &= hit - 1)
        hit_s++;
    return (float)(hit_s + ht) / (float)(ns + nt);
}

/* --------------------------------------------------- unlinked pairs */

/* A pair of sentences whose known words find no translation on the other
 * side is evidence against their pairing, as strong as translations are
 * well covered: per known word, the log ratio of "no link" for a
 * translation (1 - q, q the share of linked words in the first path's 1-1
 * pairs) against a chance pair (1 - q0, q0 in the cells near the path off
 * it), times NOLINK_WEIGHT (words are not independent), capped. It
 * applies only when the first path deletes on both sides (NOLINK_GATE of
 * each side's sentences): then two neighbouring deletions are likely, and
 * without it the DP pairs them as a 1-1 with no word in common (the
 * Bible's deleted verses). Where only one side deletes, or nothing, a pair
 * with no link is a free translation (Text+Berg, where it costs 0.018
 * strict F1) or a fragment, and is left alone. doc/MODEL.md has the
 * figures. In evidence units (the model's anchor scale makes nats). */
#define NOLINK_GATE 0.02
#define NOLINK_MIN_WORDS 2
#define NOLINK_WEIGHT (1.0 / 6.0)
#define NOLINK_CAP 2.0
#define NOLINK_MIN_CELLS 10

static void penalise_unlinked(float *ev, const band *b, const int64_t *lo, const int64_t *hi,
                              const dp_result *path, const side_words *ws,
                              const side_words *wt, double scale)
{
    if ((double)bd_dp_count_type(path, BEAD_1_0) < NOLINK_GATE * (double)b->n ||
        (double)bd_dp_count_type(path, BEAD_0_1) < NOLINK_GATE * (double)b->m)
        return;
    double on = 0, non = 0, off = 0, noff = 0;
    size_t k = 0;
    for (size_t i = 1; i <= b->n; i++)
        for (int64_t j = lo[i]; j <= hi[i]; j++) {
            if (!side_count(ws, i - 1) || !side_count(wt, (size_t)j - 1))
                continue;
            while (k < path->n && (path->beads[k].i + 1 < i ||
                                   (path->beads[k].i + 1 == i && (int64_t)path->beads[k].j + 1 < j)))
                k++;
            const dp_bead *d = k < path->n ? &path->beads[k] : NULL;
            double share = ev[(size_t)(b->off[i] + (j - b->lo[i]))] / scale;
            if (d && d->type == BEAD_1_1 && d->i + 1 == i && (int64_t)d->j + 1 == j)
                on += share, non++;
            else
                off += share, noff++;
        }
    if (non < NOLINK_MIN_CELLS || noff < NOLINK_MIN_CELLS)
        return;
    double q = on / non, q0 = off / noff;
    if (q <= q0 || q >= 0.99)
        return;
    double per_word = NOLINK_WEIGHT * log((1 - q0) / (1 - q));
    for (size_t i = 1; i <= b->n; i++)
        for (int64_t j = lo[i]; j <= hi[i]; j++) {
            float *e = &ev[(size_t)(b->off[i] + (j - b->lo[i]))];
            size_t ns = side_count(ws, i - 1), nt = side_count(wt, (size_t)j - 1);
            if (*e != 0 || ns < NOLINK_MIN_WORDS || nt < NOLINK_MIN_WORDS)
                continue;
            double pen = per_word * (double)(ns + nt);
            *e = (float)-(pen < NOLINK_CAP ? pen : NOLINK_CAP);
        }
}

/* ------------------------------------------------------------- cells */

/* The cells near the path: the band within LEX_RADIUS of it, cut to b and
 * to the cells that hold a sentence pair (row and column 0 hold none, so
 * row i gets columns lo[i]..hi[i], empty when lo > hi). */
static int near_path(const band *b, const dp_result *path, band *near)
{
    if (bd_band_around_path(near, path, b->n, b->m, LEX_RADIUS))
        return -1;
    for (size_t i = 1; i <= b->n; i++) {
        if (near->lo[i] < b->lo[i])
            near->lo[i] = b->lo[i];
        if (near->lo[i] < 1)
            near->lo[i] = 1;
        if (near->hi[i] > b->hi[i])
            near->hi[i] = b->hi[i];
    }
    return 0;
}

/* Word pairs the probing way would look up, against the slots a scan
 * reads: the scan wins once probes outnumber slots. */
static int scan_is_cheaper(const bead_lexicon *lex, const side_words *ws, const side_words *wt,
                           const int64_t *lo, const int64_t *hi, size_t n)
{
    const lex_pairs *p = bd_lex_pair_set(lex);
    const uint32_t *start, *trg;
    double slots = (double)bd_lex_id_count(lex, 1);
    if (bd_lex_rows(lex, &start, &trg)) {   /* the document's rows only */
        /* The target ids are not read (the document's target words are
         * searched by lexicon id, edges_from_rows): only its rows count. */
        slots = 0;
        for (size_t k = 1; k <= ws->nkeys; k++)
            if (ws->lex_id[k])
                slots += start[ws->lex_id[k] + 1] - start[ws->lex_id[k]];
    } else {
        slots += (double)(p->keys ? p->mask + 1 : 0) + bd_lex_id_count(lex, 0);
    }
    double probes = 0;
    for (size_t i = 1; i <= n && probes <= slots; i++)
        for (int64_t j = lo[i]; j <= hi[i]; j++)
            probes += (double)side_count(ws, i - 1) * (double)side_count(wt, (size_t)j - 1);
    return probes > slots;
}

float *bd_lexicon_cell_evidence(const band *b, const dp_result *path, const bead_doc *src,
                             size_t s0, const bead_doc *trg, size_t t0, const bead_lexicon *lex,
                             double scale)
{
    size_t ncells = (size_t)b->off[b->n + 1];
    float *ev = calloc(ncells ? ncells : 1, sizeof *ev);
    band near;
    memset(&near, 0, sizeof near);
    side_words ws, wt;
    adjacency adj;
    probe_memo *pm = NULL;
    memset(&ws, 0, sizeof ws);
    memset(&wt, 0, sizeof wt);
    memset(&adj, 0, sizeof adj);
    int ok = ev && b->n < UINT32_MAX && b->m < UINT32_MAX &&
             side_collect(&ws, src, s0, b->n, lex, 0) == 0 &&
             side_collect(&wt, trg, t0, b->m, lex, 1) == 0 && near_path(b, path, &near) == 0;
    const int64_t *lo = near.lo, *hi = near.hi;
    if (ok) {
        int scan = scan_is_cheaper(lex, &ws, &wt, lo, hi, b->n);
        if (scan)
            ok = adjacency_build(&adj, lex, &ws, &wt) == 0;
        else if ((pm = calloc(1, sizeof *pm)) != NULL)
            pm->lex = lex;
        else
            ok = 0;
        for (size_t i = 1; ok && i <= b->n; i++) {
            if (scan && lo[i] <= hi[i])
                adjacency_row(&adj, &ws, i - 1, (uint32_t)i);
            for (int64_t j = lo[i]; j <= hi[i]; j++) {
                float share = scan ? share_by_adjacency(&adj, &ws, i - 1, &wt, (size_t)j - 1,
                                                        (uint32_t)i)
                                   : share_by_probes(pm, &ws, i - 1, &wt, (size_t)j - 1);
                ev[(size_t)(b->off[i] + (j - b->lo[i]))] = (float)scale * share;
            }
        }
        if (ok)
            penalise_unlinked(ev, b, lo, hi, path, &ws, &wt, scale);
    }
    free(pm);
    bd_band_free(&near);
    adjacency_free(&adj);
    side_free(&ws);
    side_free(&wt);
    if (!ok) {
        free(ev);
        return NULL;
    }
    return ev;
}
