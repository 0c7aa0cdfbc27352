/* The tokens of two documents and the links between them: what the
 * translation evidence (units.c) counts.
 *
 * A token is a distinct word key of a document (bead_lexicon_key: NFC,
 * lower case, lightly stemmed) or a number key. Its weight is its rarity in
 * its own document, log(1 + sentences / sentences holding it): "and" weighs
 * little, a word found once weighs most. A token of one side is linked to a
 * token of the other when
 *   - the dictionary holds the pair (either direction of the lexicon);
 *   - their cognate forms agree (the transliterated, spelling-normalised key
 *     cut to its first COGNATE_LETTERS letters, or whole when it is that
 *     short): Pharao ~ Фараон, kiberataki ~ cyberattacks;
 *   - they are the same number;
 *   - in two texts of one language, they are the same key.
 * The last three go through one table of shared ids; the dictionary through
 * an adjacency list built once per document pair from the lexicon's pair
 * set, restricted to the words the documents hold. A match of two spans of
 * sentences then costs a pass over their tokens (marks, no hashing). */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "align/evidence/evidence.h"
#include "align/lexicon/lexicon_internal.h"
#include "core/grow.h"

#define COGNATE_LETTERS 4   /* as the aligner's cognate keys */
#define COGNATE_MIN 3       /* shorter forms link nothing */
#define NAME_LETTERS 3      /* the least skeleton letters of a name */
#define SHARED_PER_TOKEN 3  /* cognate form, name skeleton, and in one language the key */
#define NUMBER_FLAG 0x80000000u

typedef struct ev_side {
    size_t n;                 /* sentences */
    size_t *off;              /* n + 1 offsets into tok */
    uint32_t *tok;            /* per sentence: its distinct tokens */
    size_t ntok;              /* tokens are 1..ntok */
    float *weight;            /* by token */
    uint32_t *shared;         /* by token: SHARED_PER_TOKEN shared ids, 0 = none */
    size_t *adj_off;          /* by token: its dictionary links, ntok + 2 offsets */
    uint32_t *adj;            /* tokens of the other side */
    unsigned char *linkable;  /* by token: 1 when it links to some token of the other document */
    uint32_t *mark, *done;    /* by token: stamps of the current match */
    uint32_t *shared_mark;    /* by shared id: stamp when this side holds it */
} ev_side;

struct evidence {
    ev_side side[2];
    size_t nshared;
    uint32_t stamp;
};

static void side_free(ev_side *s)
{
    free(s->off);
    free(s->tok);
    free(s->weight);
    free(s->shared);
    free(s->adj_off);
    free(s->adj);
    free(s->linkable);
    free(s->mark);
    free(s->done);
    free(s->shared_mark);
}

void bd_evidence_free(evidence *ev)
{
    if (!ev)
        return;
    side_free(&ev->side[0]);
    side_free(&ev->side[1]);
    free(ev);
}

size_t bd_evidence_sentences(const evidence *ev, int side) { return ev->side[side].n; }

double bd_evidence_sentence_weight(const evidence *ev, int side, size_t i)
{
    const ev_side *s = &ev->side[side];
    double w = 0;
    for (size_t k = s->off[i]; k < s->off[i + 1]; k++)
        w += s->weight[s->tok[k]];
    return w;
}

void bd_evidence_window(const evidence *ev, int side, size_t from, double want, size_t *first,
                        size_t *count)
{
    size_t n = ev->side[side].n, f = from < n ? from : 0, c = 0;
    *first = f;
    *count = 0;
    if (n == 0)
        return;
    double w = 0, before = 0;
    while (f + c < n && w < want) {
        before = w;
        w += bd_evidence_sentence_weight(ev, side, f + c);
        c++;
    }
    int backward = 0;
    while (w < want && f > 0) {
        /* Ran off the end: the window grows backwards instead. */
        f--;
        before = w;
        w += bd_evidence_sentence_weight(ev, side, f);
        c++;
        backward = 1;
    }
    /* One sentence fewer (the one added last) when that comes nearer the
     * weight wanted. */
    if (c > 1 && want - before < w - want) {
        c--;
        f += (size_t)backward;
    }
    *first = f;
    *count = c;
}

/* ------------------------------------------------------------ building */

/* What building one side needs beyond the side itself. */
typedef struct side_build {
    lex_word_cache cache;     /* word key ids: tokens 1..nkeys */
    lex_strings numbers;      /* number keys: tokens nkeys + id */
    lex_ids raw;              /* per sentence, key ids, numbers flagged */
    size_t *raw_off;
    unsigned char *capital;   /* by key id: written with a capital inside a sentence */
    size_t capital_cap;
    int failed;
} side_build;

static void number_key(void *ctx, const char *key, size_t len)
{
    side_build *b = ctx;
    if (b->failed)
        return;
    uint32_t id = bd_lex_strings_intern(&b->numbers, key, len);
    if (!id || bd_lex_ids_push(&b->raw, id | NUMBER_FLAG))
        b->failed = 1;
}

/* A name, as far as case tells: a capital first letter (not at the start of
 * a sentence, where every word has one). */
static int starts_upper(const char *w, size_t len)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w, i, (int32_t)len, c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

/* Reads every sentence of d into b: word keys and number keys. */
static int side_read(side_build *b, const bead_doc *d)
{
    size_t n = bead_doc_size(d);
    bd_lex_word_cache_init(&b->cache, bead_doc_lang(d));
    b->raw_off = malloc((n + 1) * sizeof *b->raw_off);
    if (!b->raw_off)
        return -1;
    b->raw_off[0] = 0;
    for (size_t i = 0; i < n && !b->failed; i++) {
        size_t len;
        const char *text = bead_doc_text(d, i, &len);
        size_t from = b->raw.n, pos = 0, start, wlen;
        for (int first = 1; bd_lex_next_word(text, len, &pos, &start, &wlen); first = 0) {
            size_t before = b->raw.n;
            if (bd_lex_word_cache_keys(&b->cache, text + start, wlen, &b->raw))
                return -1;
            if (b->raw.n == before || first || !starts_upper(text + start, wlen))
                continue;
            uint32_t key = b->raw.v[before];
            size_t had = b->capital_cap;
            if (array_grow((void **)&b->capital, &b->capital_cap, (size_t)key + 1, 1, 1024))
                return -1;
            memset(b->capital + had, 0, b->capital_cap - had);
            b->capital[key] = 1;
        }
        bd_features_numbers(text, len, number_key, b);
        if (b->failed)
            return -1;
        /* Distinct within the sentence: weights count sentences. */
        if (b->raw.n > from)   /* raw.v is NULL before the first token */
            bd_ids_sort(b->raw.v + from, b->raw.n - from);
        size_t w = from;
        for (size_t r = from; r < b->raw.n; r++)
            if (w == from || b->raw.v[r] != b->raw.v[w - 1])
                b->raw.v[w++] = b->raw.v[r];
        b->raw.n = w;
        b->raw_off[i + 1] = w;
    }
    return b->failed ? -1 : 0;
}

static void side_build_free(side_build *b)
{
    bd_lex_word_cache_free(&b->cache);
    bd_lex_strings_free(&b->numbers);
    free(b->raw.v);
    free(b->raw_off);
    free(b->capital);
}

/* The token of a raw id: word keys first, then numbers. */
static uint32_t token_of(const side_build *b, uint32_t raw)
{
    return raw & NUMBER_FLAG ? (uint32_t)b->cache.keys.n + (raw & ~NUMBER_FLAG) : raw;
}

/* Interns kind + s in the shared table; 0 when out of memory. */
static uint32_t shared_id(lex_strings *shared, char kind, const char *s, size_t len)
{
    char buf[LEX_KEY_MAX + 2];
    if (len + 1 > sizeof buf)
        return 0;
    buf[0] = kind;
    memcpy(buf + 1, s, len);
    return bd_lex_strings_intern(shared, buf, len + 1);
}

/* Tokens, weights and shared ids of one side. */
static int side_make(ev_side *s, side_build *b, const bead_doc *d, lex_strings *shared,
                     int same_lang, translit *tr)
{
    size_t n = bead_doc_size(d);
    s->n = n;
    size_t nkeys = b->cache.keys.n;
    s->ntok = nkeys + b->numbers.n;
    s->off = malloc((n + 1) * sizeof *s->off);
    s->tok = malloc((b->raw.n ? b->raw.n : 1) * sizeof *s->tok);
    s->weight = calloc(s->ntok + 1, sizeof *s->weight);
    s->shared = calloc((s->ntok + 1) * SHARED_PER_TOKEN, sizeof *s->shared);
    s->mark = calloc(s->ntok + 1, sizeof *s->mark);
    s->done = calloc(s->ntok + 1, sizeof *s->done);
    if (!s->off || !s->tok || !s->weight || !s->shared || !s->mark || !s->done)
        return -1;
    memcpy(s->off, b->raw_off, (n + 1) * sizeof *s->off);
    for (size_t k = 0; k < b->raw.n; k++) {
        uint32_t t = token_of(b, b->raw.v[k]);
        s->tok[k] = t;
        s->weight[t] += 1;   /* sentences holding it, for now */
    }
    for (size_t t = 1; t <= s->ntok; t++)
        s->weight[t] = s->weight[t] > 0 ? (float)log(1.0 + (double)n / s->weight[t]) : 0.0f;
    const char *lang = bead_doc_lang(d);
    for (uint32_t t = 1; t <= nkeys; t++) {
        size_t klen;
        const char *key = bd_lex_word_cache_key(&b->cache, t, &klen);
        uint32_t *sh = s->shared + (size_t)t * SHARED_PER_TOKEN;
        char latin[256], form[128];
        size_t ll = bd_translit_word(tr, lang, key, klen, latin, sizeof latin);
        size_t fl = ll ? bd_features_cognate_form(latin, ll, form, sizeof form) : 0;
        if (fl >= COGNATE_MIN) {
            /* Forms cut to COGNATE_LETTERS meet forms cut the same way;
             * shorter ones only their equals (kind 'k'). */
            int cut = fl >= COGNATE_LETTERS;
            if (!(sh[0] = shared_id(shared, cut ? 'c' : 'k', form, cut ? COGNATE_LETTERS : fl)))
                return -1;
        }
        if (t < b->capital_cap && b->capital[t] && ll) {
            size_t nl = bd_features_name_skeleton(latin, ll, form, sizeof form);
            if (nl >= NAME_LETTERS && !(sh[1] = shared_id(shared, 'N', form, nl)))
                return -1;
        }
        if (same_lang && !(sh[2] = shared_id(shared, 'w', key, klen)))
            return -1;
    }
    for (uint32_t id = 1; id <= b->numbers.n; id++) {
        const char *num = bd_lex_strings_get(&b->numbers, id);
        uint32_t *sh = s->shared + (nkeys + id) * SHARED_PER_TOKEN;
        if (!(sh[0] = shared_id(shared, 'n', num, strlen(num))))
            return -1;
    }
    return 0;
}

/* -------------------------------------------------------- dictionary */

/* The word keys of one side the lexicon holds, with their lexicon ids
 * (side 0 of the lexicon is its source language). */
typedef struct known_word {
    uint32_t token, lex_id;
} known_word;

static known_word *known_words(const side_build *b, const bead_lexicon *lex, int lex_side,
                               size_t *nknown)
{
    known_word *known = malloc((b->cache.keys.n + 1) * sizeof *known);
    *nknown = 0;
    if (!known)
        return NULL;
    for (uint32_t t = 1; t <= (uint32_t)b->cache.keys.n; t++) {
        size_t klen;
        const char *key = bd_lex_word_cache_key(&b->cache, t, &klen);
        uint32_t id = lex_side ? bd_lex_trg_id(lex, key, klen) : bd_lex_src_id(lex, key, klen);
        if (id)
            known[(*nknown)++] = (known_word){t, id};
    }
    return known;
}

/* Lexicon id -> token, for a scan of the pair set. */
static uint32_t *tokens_by_lexicon_id(const known_word *known, size_t nknown, uint32_t nlex)
{
    uint32_t *rev = calloc((size_t)nlex + 1, sizeof *rev);
    for (size_t k = 0; rev && k < nknown; k++)
        if (known[k].lex_id <= nlex)
            rev[known[k].lex_id] = known[k].token;
    return rev;
}

typedef struct edges {
    uint32_t *v;      /* source token, target token, ... */
    size_t n, cap;
} edges;

static int edge_add(edges *e, uint32_t s, uint32_t t)
{
    if (array_grow((void **)&e->v, &e->cap, 2 * (e->n + 1), sizeof *e->v, 256))
        return -1;
    e->v[2 * e->n] = s;
    e->v[2 * e->n + 1] = t;
    e->n++;
    return 0;
}

/* One side's adjacency lists (CSR) from the edges; side 0 reads them
 * source to target, side 1 target to source. */
static int adjacency_from(ev_side *e, const edges *ed, int side)
{
    if (!(e->adj = malloc((ed->n ? ed->n : 1) * sizeof *e->adj)))
        return -1;
    for (size_t k = 0; k < ed->n; k++)
        e->adj_off[ed->v[2 * k + side] + 1]++;
    for (size_t x = 1; x <= e->ntok + 1; x++)
        e->adj_off[x] += e->adj_off[x - 1];
    for (size_t k = 0; k < ed->n; k++)
        e->adj[e->adj_off[ed->v[2 * k + side]]++] = ed->v[2 * k + !side];
    /* Placing moved each start to the next one's: move them back. */
    for (size_t x = e->ntok + 1; x > 0; x--)
        e->adj_off[x] = e->adj_off[x - 1];
    e->adj_off[0] = 0;
    return 0;
}

static int by_lex_id(const void *x, const void *y)
{
    uint32_t a = ((const known_word *)x)->lex_id, b = ((const known_word *)y)->lex_id;
    return a < b ? -1 : a > b;
}

static int by_edge(const void *x, const void *y)
{
    const uint32_t *a = x, *b = y;
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* The edges of a compiled (mapped) lexicon from the rows of the documents'
 * own words only: each row (sorted target ids) against the other side's
 * known words sorted by lexicon id. A few thousand steps, where probing
 * every pair of words costs a binary search each and a scan reads the
 * whole dictionary. The edges are then sorted by (source token, target
 * token), the order the probes give, so that the evidence is the same to
 * the bit. */
static int edges_from_rows(edges *ed, const known_word *const *known, const size_t *nknown,
                           const uint32_t *row_start, const uint32_t *row_trg, uint32_t nrows,
                           int swapped)
{
    /* The lexicon's source side is the documents' side `swapped`. */
    int from = swapped ? 1 : 0, to = !from;
    known_word *other = malloc((nknown[to] ? nknown[to] : 1) * sizeof *other);
    if (!other)
        return -1;
    if (nknown[to]) {
        memcpy(other, known[to], nknown[to] * sizeof *other);
        qsort(other, nknown[to], sizeof *other, by_lex_id);
    }
    for (size_t i = 0; i < nknown[from]; i++) {
        uint32_t a = known[from][i].lex_id;
        if (a >= nrows)
            continue;
        for (uint32_t r = row_start[a]; r < row_start[a + 1]; r++) {
            known_word key = {0, row_trg[r]};
            const known_word *hit =
                nknown[to] ? bsearch(&key, other, nknown[to], sizeof *other, by_lex_id) : NULL;
            if (!hit)
                continue;
            uint32_t ts = swapped ? hit->token : known[from][i].token;
            uint32_t tt = swapped ? known[from][i].token : hit->token;
            if (edge_add(ed, ts, tt)) {
                free(other);
                return -1;
            }
        }
    }
    free(other);
    if (ed->n)
        qsort(ed->v, ed->n, 2 * sizeof *ed->v, by_edge);
    return 0;
}

/* A probe costs about this many slots of a scan (a cache miss each). */
#define PROBE_COST 8

/* Fills both sides' adjacency lists with the dictionary pairs of the
 * documents' words: from the rows of their own words when the lexicon is
 * stored as rows (compiled or frozen); else by probing the lexicon with
 * every pair of words it knows when that is cheaper (two chapters against a
 * large dictionary), or by one scan of its pair set. swapped: the lexicon
 * maps the target's language to the source's. */
static int link_dictionary(evidence *ev, const side_build *b, const bead_lexicon *lex,
                           int swapped)
{
    for (int k = 0; k < 2; k++) {
        ev->side[k].adj_off = calloc(ev->side[k].ntok + 2, sizeof *ev->side[k].adj_off);
        if (!ev->side[k].adj_off)
            return -1;
    }
    if (!lex) {
        for (int k = 0; k < 2; k++)
            if (!(ev->side[k].adj = malloc(sizeof *ev->side[k].adj)))
                return -1;
        return 0;
    }
    size_t nknown[2] = {0, 0};
    known_word *known[2] = {known_words(&b[0], lex, swapped, &nknown[0]),
                            known_words(&b[1], lex, !swapped, &nknown[1])};
    uint32_t *rev[2] = {NULL, NULL};
    edges ed = {NULL, 0, 0};
    int rc = -1;
    if (!known[0] || !known[1])
        goto done;
    const uint32_t *row_start = NULL, *row_trg = NULL;
    const lex_pairs *p = bd_lex_pair_set(lex);
    size_t nslots = p->keys ? p->mask + 1 : 0;
    if (bd_lex_rows(lex, &row_start, &row_trg)) {
        const known_word *kn[2] = {known[0], known[1]};
        if (edges_from_rows(&ed, kn, nknown, row_start, row_trg, bd_lex_id_count(lex, 0) + 1,
                            swapped))
            goto done;
    } else if ((double)nknown[0] * (double)nknown[1] * PROBE_COST < (double)nslots) {
        for (size_t i = 0; i < nknown[0]; i++)
            for (size_t j = 0; j < nknown[1]; j++) {
                uint32_t a = known[0][i].lex_id, z = known[1][j].lex_id;
                if ((swapped ? bd_lex_has_ids(lex, z, a) : bd_lex_has_ids(lex, a, z)) &&
                    edge_add(&ed, known[0][i].token, known[1][j].token))
                    goto done;
            }
    } else {
        rev[0] = tokens_by_lexicon_id(known[0], nknown[0], bd_lex_id_count(lex, swapped));
        rev[1] = tokens_by_lexicon_id(known[1], nknown[1], bd_lex_id_count(lex, !swapped));
        if (!rev[0] || !rev[1])
            goto done;
        for (size_t i = 0; i < nslots; i++) {
            uint64_t k = p->keys[i];
            if (!k)
                continue;
            uint32_t a = (uint32_t)(k >> 32), z = (uint32_t)k;
            uint32_t ts = swapped ? rev[0][z] : rev[0][a], tt = swapped ? rev[1][a] : rev[1][z];
            if (ts && tt && edge_add(&ed, ts, tt))
                goto done;
        }
    }
    rc = adjacency_from(&ev->side[0], &ed, 0) || adjacency_from(&ev->side[1], &ed, 1) ? -1 : 0;
done:
    free(ed.v);
    free(known[0]);
    free(known[1]);
    free(rev[0]);
    free(rev[1]);
    return rc;
}

/* Which tokens could find a link anywhere in the other document: a span
 * made of tokens that cannot shows no evidence either way. */
static int find_linkable(evidence *ev)
{
    for (int k = 0; k < 2; k++) {
        ev_side *s = &ev->side[k];
        if (!(s->linkable = calloc(s->ntok + 1, 1)))
            return -1;
    }
    /* Shared ids held anywhere, by side. */
    unsigned char *held[2];
    for (int k = 0; k < 2; k++) {
        ev_side *s = &ev->side[k];
        if (!(held[k] = calloc(ev->nshared + 1, 1))) {
            free(held[0]);
            return -1;
        }
        for (size_t t = 1; t <= s->ntok; t++)
            for (int q = 0; q < SHARED_PER_TOKEN; q++)
                held[k][s->shared[t * SHARED_PER_TOKEN + q]] = 1;
        held[k][0] = 0;
    }
    for (int k = 0; k < 2; k++) {
        ev_side *s = &ev->side[k];
        for (size_t t = 1; t <= s->ntok; t++) {
            int any = s->adj_off[t + 1] > s->adj_off[t];
            for (int q = 0; q < SHARED_PER_TOKEN && !any; q++)
                any = held[!k][s->shared[t * SHARED_PER_TOKEN + q]];
            s->linkable[t] = (unsigned char)any;
        }
    }
    free(held[0]);
    free(held[1]);
    return 0;
}

bead_status bd_evidence_create(evidence **out, const bead_doc *src, const bead_doc *trg,
                               const bead_lexicon *lex, translit *tr, bead_error *err)
{
    *out = NULL;
    evidence *ev = calloc(1, sizeof *ev);
    side_build b[2];
    memset(b, 0, sizeof b);
    lex_strings shared;
    memset(&shared, 0, sizeof shared);
    translit *own = NULL;
    if (!tr)
        tr = own = bd_translit_create();
    const char *ls = bead_doc_lang(src), *lt = bead_doc_lang(trg);
    int same_lang = !strcmp(ls, lt), swapped = 0;
    if (lex && !strcmp(bead_lexicon_src_lang(lex), ls) && !strcmp(bead_lexicon_trg_lang(lex), lt))
        swapped = 0;
    else if (lex && !strcmp(bead_lexicon_src_lang(lex), lt) &&
             !strcmp(bead_lexicon_trg_lang(lex), ls))
        swapped = 1;
    else
        lex = NULL;   /* for other languages: no help */
    int ok = ev && tr && side_read(&b[0], src) == 0 && side_read(&b[1], trg) == 0 &&
             side_make(&ev->side[0], &b[0], src, &shared, same_lang, tr) == 0 &&
             side_make(&ev->side[1], &b[1], trg, &shared, same_lang, tr) == 0 &&
             link_dictionary(ev, b, lex, swapped) == 0;
    if (ok) {
        ev->nshared = shared.n;
        for (int k = 0; k < 2 && ok; k++)
            ok = (ev->side[k].shared_mark = calloc(shared.n + 1, sizeof(uint32_t))) != NULL;
    }
    if (ok)
        ok = find_linkable(ev) == 0;
    side_build_free(&b[0]);
    side_build_free(&b[1]);
    bd_lex_strings_free(&shared);
    bd_translit_free(own);
    if (!ok) {
        bd_evidence_free(ev);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    *out = ev;
    return BEAD_OK;
}

/* ------------------------------------------------------------- matching */

static void next_stamp(evidence *ev)
{
    if (++ev->stamp != 0)
        return;
    /* Wrapped: old stamps could be mistaken for new ones. */
    for (int k = 0; k < 2; k++) {
        ev_side *s = &ev->side[k];
        memset(s->mark, 0, (s->ntok + 1) * sizeof *s->mark);
        memset(s->done, 0, (s->ntok + 1) * sizeof *s->done);
        memset(s->shared_mark, 0, (ev->nshared + 1) * sizeof *s->shared_mark);
    }
    ev->stamp = 1;
}

static void mark_span(ev_side *s, size_t first, size_t count, uint32_t stamp)
{
    for (size_t i = first; i < first + count && i < s->n; i++)
        for (size_t k = s->off[i]; k < s->off[i + 1]; k++) {
            uint32_t t = s->tok[k];
            s->mark[t] = stamp;
            for (int q = 0; q < SHARED_PER_TOKEN; q++)
                s->shared_mark[s->shared[(size_t)t * SHARED_PER_TOKEN + q]] = stamp;
        }
}

/* The tokens of s's span that link into o's marked span. */
static void count_span(ev_side *s, size_t first, size_t count, const ev_side *o, uint32_t stamp,
                       double *hit, double *weight, double *sq, double *linkable)
{
    *hit = *weight = *sq = *linkable = 0;
    for (size_t i = first; i < first + count && i < s->n; i++)
        for (size_t k = s->off[i]; k < s->off[i + 1]; k++) {
            uint32_t t = s->tok[k];
            if (s->done[t] == stamp)
                continue;
            s->done[t] = stamp;
            double w = s->weight[t];
            *weight += w;
            *sq += w * w;
            if (s->linkable[t])
                *linkable += w;
            int found = 0;
            for (int q = 0; q < SHARED_PER_TOKEN && !found; q++) {
                uint32_t x = s->shared[(size_t)t * SHARED_PER_TOKEN + q];
                found = x && o->shared_mark[x] == stamp;
            }
            for (size_t e = s->adj_off[t]; e < s->adj_off[t + 1] && !found; e++)
                found = o->mark[s->adj[e]] == stamp;
            if (found)
                *hit += w;
        }
}

void bd_evidence_match(evidence *ev, size_t s0, size_t sc, size_t t0, size_t tc, ev_match *m)
{
    next_stamp(ev);
    uint32_t st = ev->stamp;
    ev_side *s = &ev->side[0], *t = &ev->side[1];
    mark_span(s, s0, sc, st);
    mark_span(t, t0, tc, st);
    /* Shared id 0 means none: never let it count as held. */
    s->shared_mark[0] = t->shared_mark[0] = 0;
    count_span(s, s0, sc, t, st, &m->hit[0], &m->weight[0], &m->sq[0], &m->linkable[0]);
    count_span(t, t0, tc, s, st, &m->hit[1], &m->weight[1], &m->sq[1], &m->linkable[1]);
}

double bd_evidence_hit(evidence *ev, int side, size_t first, size_t count, size_t ofirst,
                       size_t ocount)
{
    next_stamp(ev);
    uint32_t st = ev->stamp;
    ev_side *s = &ev->side[side], *o = &ev->side[!side];
    mark_span(o, ofirst, ocount, st);
    o->shared_mark[0] = 0;
    double hit, weight, sq, linkable;
    count_span(s, first, count, o, st, &hit, &weight, &sq, &linkable);
    return hit;
}
