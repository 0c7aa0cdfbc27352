/* Mining: the sentence pairs of two comparable documents that translate
 * each other, wherever they stand.
 *
 * 1. Features come from the aligner's model (features.c, model.c): anchor
 *    keys (numbers, names, cognates, punctuation), weighted by kind as the
 *    aligner does and by rarity 1 / max(df_src, df_trg) (stricter than the
 *    aligner), and the Gale-Church length cost with the c and s2 of the
 *    pair's monotone alignment.
 * 2. An inverted index from every key to the target sentences holding it
 *    gives, for each source sentence, the candidates sharing at least one
 *    key, ranked by the summed weight of the keys they share (the model's
 *    anchor match); the best MINE_CANDIDATES stay.
 * 3. Each candidate is scored with the 1-1 bead of the model: the anchor
 *    bonus (MINE_ANCHOR_SCALE per unit of weight, capped), plus, when a
 *    bilingual lexicon is given, MINE_LEXICON_BONUS times the share of words
 *    with a translation or a cognate on the other side (see cognates()),
 *    minus the length cost. The score is the logistic of that margin less
 *    MINE_OFFSET, so that 0.5 means "as likely as not". With a lexicon, a
 *    pair of sentences of two words or more whose matched share is under
 *    MINE_MIN_LEXICAL scores 0.
 * 4. A pair is kept when each is the other's best candidate and its score is
 *    at least the threshold (default 0.5). A mutual best under the threshold
 *    gets a second look (stands_out): when nothing else comes near it, it
 *    gains MINE_STANDOUT_BONUS nats. Everything else is dropped. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/judge/judge.h"
#include "align/lexicon/lexicon_internal.h"

#define MINE_CANDIDATES 12       /* candidates scored per source sentence */
#define MINE_MAX_POSTINGS 64     /* keys in more target sentences are not indexed */
#define MINE_LEXICON_BONUS 8.0
#define MINE_LENGTH_CAP 10.0
#define MINE_OFFSET 4.5
#define MINE_FULL_NAME 3         /* shorter name skeletons count half */
#define MINE_ANCHOR_SCALE 2.0    /* nats per unit of shared-key weight */
#define MINE_ANCHOR_CAP 5.0
#define MINE_MIN_LEXICAL 0.1     /* with a lexicon: the least share of translated words */
#define MINE_COGNATE_PREFIX 4    /* letters two cognates share at the start */
_Static_assert(MINE_COGNATE_PREFIX == sizeof(uint32_t), "cognate heads are packed in 32 bits");
/* Words of a sentence compared with the other's, at most: every pair of
 * them is tried, so a sentence of hundreds of words (a list of names) would
 * cost their square for each candidate. Sentences that long are judged on
 * their first MINE_MATCH_WORDS keys (in key order). */
#define MINE_MATCH_WORDS 64
/* The second look at a mutual best under the threshold (stands_out). */
#define MINE_STANDOUT_RATIO 3.0  /* its score over either runner-up's */
#define MINE_STANDOUT_SHARE 0.4  /* the least share of words that find each other */
#define MINE_STANDOUT_WORDS 3    /* ... and the least number on each side */
#define MINE_STANDOUT_LENGTH 1.0 /* the most length cost */
#define MINE_STANDOUT_BONUS 1.0  /* nats it gains */

typedef struct cand {
    size_t j;
    float match;
    double score;
} cand;

static int cmp_cand_match(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->match != y->match)
        return x->match > y->match ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

/* Sorted, unique lexicon keys of every sentence of a document. */
typedef struct word_keys {
    char **keys;      /* per key: NUL-terminated */
    char **forms;     /* per key: its spelling-normalised Latin form */
    size_t *letters;  /* per key: letters of its transliteration */
    double *weight;   /* per key: log(1 + n / sentences holding it) */
    size_t *form_len; /* per key: strlen of its form */
    uint32_t *head;   /* per key: the first 4 bytes of its form, 0-padded */
    uint32_t *as_src; /* per key: its id among the lexicon's source keys, 0: none */
    uint32_t *as_trg; /* ... among its target keys (looked up once, not per pair) */
    /* Per key, when it plays the lexicon's source and the lexicon is stored
     * as rows: its translations that the other document holds (as target
     * ids); tr_range NULL otherwise. */
    size_t *tr_range;   /* [2k], [2k + 1]: begin and end in tr_ids */
    uint32_t *tr_ids;
    size_t *off;      /* n+1 offsets into keys */
    size_t n, nkeys, cap;
    int failed;
} word_keys;

static void collect_key(void *ctx, const char *key, size_t len)
{
    word_keys *w = ctx;
    if (w->failed || len < 2)
        return;
    if (array_grow((void **)&w->keys, &w->cap, w->nkeys + 1, sizeof *w->keys, 256)) {
        w->failed = 1;
        return;
    }
    char *copy = strndup(key, len);
    if (!copy) {
        w->failed = 1;
        return;
    }
    w->keys[w->nkeys++] = copy;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void word_keys_free(word_keys *w)
{
    for (size_t k = 0; k < w->nkeys; k++) {
        free(w->keys[k]);
        if (w->forms)
            free(w->forms[k]);
    }
    free(w->keys);
    free(w->forms);
    free(w->letters);
    free(w->weight);
    free(w->form_len);
    free(w->head);
    free(w->as_src);
    free(w->as_trg);
    free(w->tr_range);
    free(w->tr_ids);
    free(w->off);
    memset(w, 0, sizeof *w);
}

static int word_keys_build(word_keys *w, const bead_doc *d, translit *tr,
                           const bead_lexicon *lex)
{
    memset(w, 0, sizeof *w);
    w->n = bead_doc_size(d);
    w->off = calloc(w->n + 1, sizeof *w->off);
    if (!w->off)
        return -1;
    for (size_t i = 0; i < w->n && !w->failed; i++) {
        size_t len;
        const char *text = bead_doc_text(d, i, &len);
        size_t first = w->nkeys;
        bd_lex_each_key(bead_doc_lang(d), text, len, collect_key, w);
        /* Unique within the sentence, so that counts are sentence counts. */
        if (!w->failed && w->nkeys - first > 1) {
            qsort(w->keys + first, w->nkeys - first, sizeof *w->keys, cmp_str);
            size_t k = first + 1;
            for (size_t r = first + 1; r < w->nkeys; r++) {
                if (strcmp(w->keys[r], w->keys[k - 1]))
                    w->keys[k++] = w->keys[r];
                else
                    free(w->keys[r]);
            }
            w->nkeys = k;
        }
        w->off[i + 1] = w->nkeys;
    }
    if (w->failed)
        return -1;
    /* Rarity: a word in every sentence ("and") weighs little. */
    w->weight = malloc((w->nkeys ? w->nkeys : 1) * sizeof *w->weight);
    char **sorted = malloc((w->nkeys ? w->nkeys : 1) * sizeof *sorted);
    if (!w->weight || !sorted) {
        free(sorted);
        return -1;
    }
    if (w->nkeys)   /* keys is NULL for sentences without words */
        memcpy(sorted, w->keys, w->nkeys * sizeof *sorted);
    qsort(sorted, w->nkeys, sizeof *sorted, cmp_str);
    for (size_t k = 0; k < w->nkeys; k++) {
        size_t lo = 0, hi = w->nkeys;   /* first equal, then past the last */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(sorted[mid], w->keys[k]) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (end < w->nkeys && !strcmp(sorted[end], w->keys[k]))
            end++;
        w->weight[k] = log(1.0 + (double)w->n / (double)(end - lo));
    }
    free(sorted);
    /* The cognate forms of the keys (stems, in their own script). */
    w->forms = calloc(w->nkeys ? w->nkeys : 1, sizeof *w->forms);
    w->letters = calloc(w->nkeys ? w->nkeys : 1, sizeof *w->letters);
    w->form_len = calloc(w->nkeys ? w->nkeys : 1, sizeof *w->form_len);
    w->head = calloc(w->nkeys ? w->nkeys : 1, sizeof *w->head);
    if (!w->forms || !w->letters || !w->form_len || !w->head)
        return -1;
    for (size_t k = 0; k < w->nkeys; k++) {
        char t[256], f[128];
        size_t tl = bd_translit_word(tr, bead_doc_lang(d), w->keys[k], strlen(w->keys[k]), t,
                                  sizeof t);
        bd_features_cognate_form(t, tl, f, sizeof f);
        w->letters[k] = tl;
        w->forms[k] = strdup(f);
        if (!w->forms[k])
            return -1;
        w->form_len[k] = strlen(f);
        memcpy(&w->head[k], f, w->form_len[k] < 4 ? w->form_len[k] : 4);
    }
    w->as_src = calloc(w->nkeys ? w->nkeys : 1, sizeof *w->as_src);
    w->as_trg = calloc(w->nkeys ? w->nkeys : 1, sizeof *w->as_trg);
    if (!w->as_src || !w->as_trg)
        return -1;
    for (size_t k = 0; lex && k < w->nkeys; k++) {
        size_t len = strlen(w->keys[k]);
        w->as_src[k] = bd_lex_src_id(lex, w->keys[k], len);
        w->as_trg[k] = bd_lex_trg_id(lex, w->keys[k], len);
    }
    return 0;
}

/* Two words are cognates when their spelling-normalised forms share their
 * first MINE_COGNATE_PREFIX letters ("cyberattack" and "кибератаки"), or
 * when a word of four letters or more is, once normalised, the whole start
 * ("hack" and "хакерски") or the whole end ("атаки" and "cyberattacks") of
 * the other. */
static inline int cognates(const word_keys *wa, size_t a, const word_keys *wb, size_t b)
{
    size_t la = wa->form_len[a], lb = wb->form_len[b];
    /* The first MINE_COGNATE_PREFIX letters shared: one compare of the
     * packed heads, which is most pairs' answer. */
    if (la >= MINE_COGNATE_PREFIX && lb >= MINE_COGNATE_PREFIX && wa->head[a] == wb->head[b])
        return 1;
    int a_short = la <= lb;
    size_t ls = a_short ? la : lb, ll = a_short ? lb : la;
    if ((a_short ? wa->letters[a] : wb->letters[b]) < 4 || ls < 3)
        return 0;
    const char *fa = wa->forms[a], *fb = wb->forms[b];
    /* The whole shorter form is the other's start: of 3 letters here (a
     * longer one shares the first 4 and was found above). */
    if (ls == 3)
        return !memcmp(fa, fb, 3);
    const char *tail = (a_short ? fb : fa) + ll - ls, *whole = a_short ? fa : fb;
    return tail[ls - 1] == whole[ls - 1] && !memcmp(tail, whole, ls);
}

/* How the words of two sentences find each other: the share of the words
 * of both, weighted by rarity, that have a translation or a cognate in the
 * other one, and how many words of each side do. */
typedef struct word_match {
    double share;
    size_t src_hits, trg_hits;
} word_match;

/* bead_lexicon_has(ws's key, wt's key), or the other way round when
 * swapped, on the ids looked up once per key. */
static inline int has_pair(const bead_lexicon *lex, int swapped, const word_keys *ws, size_t a,
                    const word_keys *wt, size_t b)
{
    const word_keys *from = swapped ? wt : ws;
    size_t k = swapped ? b : a;
    uint32_t y = swapped ? ws->as_trg[a] : wt->as_trg[b];
    if (from->tr_range) {
        for (size_t r = from->tr_range[2 * k]; y && r < from->tr_range[2 * k + 1]; r++)
            if (from->tr_ids[r] == y)
                return 1;
        return 0;
    }
    uint32_t x = from->as_src[k];
    return x && y && bd_lex_has_ids(lex, x, y);   /* most words have no entry */
}

static inline int words_match(const bead_lexicon *lex, int swapped, const word_keys *ws, size_t a,
                       const word_keys *wt, size_t b)
{
    return has_pair(lex, swapped, ws, a, wt, b) || cognates(ws, a, wt, b);
}

static word_match match_words(const bead_lexicon *lex, int swapped, const word_keys *ws,
                              size_t i, const word_keys *wt, size_t j)
{
    word_match m = {0, 0, 0};
    double total = 0, hit = 0;
    size_t a0 = ws->off[i], a_end = ws->off[i + 1], b0 = wt->off[j], b_end = wt->off[j + 1];
    if (a_end - a0 > MINE_MATCH_WORDS)
        a_end = a0 + MINE_MATCH_WORDS;
    if (b_end - b0 > MINE_MATCH_WORDS)
        b_end = b0 + MINE_MATCH_WORDS;
    /* One walk over the pairs of words marks both sides; a pair whose two
     * words are already marked cannot change anything and is not looked up
     * (the lookups are most of mining's cost with a dictionary). */
    unsigned char tseen[MINE_MATCH_WORDS] = {0};
    for (size_t a = a0; a < a_end; a++) {
        int sseen = 0;
        for (size_t b = b0; b < b_end; b++) {
            if (sseen && tseen[b - b0])
                continue;
            if (words_match(lex, swapped, ws, a, wt, b)) {
                sseen = 1;
                tseen[b - b0] = 1;
            }
        }
        total += ws->weight[a];
        if (sseen) {
            hit += ws->weight[a];
            m.src_hits++;
        }
    }
    for (size_t b = b0; b < b_end; b++) {
        total += wt->weight[b];
        if (tseen[b - b0]) {
            hit += wt->weight[b];
            m.trg_hits++;
        }
    }
    m.share = total > 0 ? hit / total : 0;
    return m;
}

typedef struct miner {
    const bead_doc *src, *trg;
    sent_features fs, ft;
    key_table *kt;
    translit *tr;             /* borrowed, or own_tr */
    translit *own_tr;
    align_model m;
    const bead_lexicon *lex;
    int lex_swapped;          /* the lexicon maps trg words to src words */
    word_keys ws, wt;
    int keys_borrowed;        /* ws and wt are the forward miner's, swapped */
    /* inverted index: key id -> target sentences */
    size_t *post_off, *post;
} miner;

static void miner_free(miner *x)
{
    bd_features_free(&x->fs);
    bd_features_free(&x->ft);
    bd_key_table_free(x->kt);
    bd_translit_free(x->own_tr);
    free(x->m.key_weight);
    if (!x->keys_borrowed) {
        word_keys_free(&x->ws);
        word_keys_free(&x->wt);
    }
    free(x->post_off);
    free(x->post);
}

/* Mining weighs a shared key by its kind (bd_key_kind_weight) over
 * max(df_src, df_trg), stricter than the aligner's 1 / sqrt (which only
 * ranks neighbours): between comparable texts, a word both texts use in
 * several sentences says little about which two match. */
static int mine_weigh_keys(miner *x)
{
    size_t nk = bd_key_table_size(x->kt);
    uint32_t *df = calloc(2 * (nk + 1), sizeof *df);
    if (!df)
        return -1;
    for (size_t k = 0; k < x->fs.nkeys; k++)
        df[2 * x->fs.keys[k]]++;
    for (size_t k = 0; k < x->ft.nkeys; k++)
        df[2 * x->ft.keys[k] + 1]++;
    for (size_t id = 0; id < nk; id++) {
        uint32_t a = df[2 * id], b = df[2 * id + 1];
        const char *key = bd_key_table_key(x->kt, (uint32_t)id);
        /* Name skeletons of two letters ("yoon" and "jong un" both "in")
         * meet by chance more often: they count half. */
        double kind = bd_key_kind_weight(key[0]);
        if (key[0] == KEY_NAME && strlen(key) < 1 + MINE_FULL_NAME)
            kind *= 0.5;
        x->m.key_weight[id] = a && b ? (float)(kind / (double)(a > b ? a : b)) : 0.0f;
    }
    free(df);
    return 0;
}

typedef struct key_by_id {
    uint32_t id;
    uint32_t key;
} key_by_id;

static int cmp_key_by_id(const void *a, const void *b)
{
    const key_by_id *x = a, *y = b;
    return x->id != y->id ? (x->id < y->id ? -1 : 1) : (x->key < y->key ? -1 : x->key > y->key);
}

/* from->tr_range: for each of from's keys (as the lexicon's source), its
 * translations that occur anywhere in the other document. Most words have
 * none and the rest a few, so a sentence pair's word pairs are checked
 * against a short list in cache instead of by a search in a row of a 13 MB
 * mapped file (on a 20-sentence news pair with FreeDict eng-deu, those
 * searches were most of mining's time). A word met in many sentences is
 * looked up once. Only for lexicons stored as rows (frozen or compiled);
 * others are looked up pair by pair. */
static int index_translations(const bead_lexicon *lex, word_keys *from, const word_keys *to)
{
    const uint32_t *start, *row;
    if (!bd_lex_rows(lex, &start, &row))
        return 0;
    size_t nsrc = bd_lex_id_count(lex, 0), ntrg = bd_lex_id_count(lex, 1);
    size_t cap = 0, used = 0, m = 0, held = 0;
    /* The target ids the other document holds, as bits: 80 KB for
     * eng-deu, cheaper than a search per translation of a frequent word. */
    uint64_t *in_doc = calloc(ntrg / 64 + 1, sizeof *in_doc);
    key_by_id *order = malloc((from->nkeys ? from->nkeys : 1) * sizeof *order);
    from->tr_range = calloc(2 * from->nkeys + 1, sizeof *from->tr_range);
    if (!in_doc || !order || !from->tr_range)
        goto fail;
    for (size_t k = 0; k < to->nkeys; k++) {
        uint32_t y = to->as_trg[k];
        if (y && y <= ntrg) {
            in_doc[y / 64] |= (uint64_t)1 << (y % 64);
            held = 1;
        }
    }
    for (size_t k = 0; k < from->nkeys; k++)
        if (from->as_src[k] && from->as_src[k] <= nsrc)
            order[m++] = (key_by_id){from->as_src[k], (uint32_t)k};
    if (m && held)
        qsort(order, m, sizeof *order, cmp_key_by_id);
    for (size_t i = 0; i < m && held; i++) {
        uint32_t x = order[i].id, k = order[i].key;
        if (i && order[i - 1].id == x) {   /* the same word again: its range */
            from->tr_range[2 * k] = from->tr_range[2 * order[i - 1].key];
            from->tr_range[2 * k + 1] = from->tr_range[2 * order[i - 1].key + 1];
            continue;
        }
        from->tr_range[2 * k] = used;
        for (uint32_t r = start[x]; r < start[x + 1]; r++) {
            uint32_t y = row[r];
            if (y > ntrg || !(in_doc[y / 64] >> (y % 64) & 1))
                continue;
            if (array_grow((void **)&from->tr_ids, &cap, used + 1, sizeof *from->tr_ids, 64))
                goto fail;
            from->tr_ids[used++] = y;
        }
        from->tr_range[2 * k + 1] = used;
    }
    free(in_doc);
    free(order);
    return 0;
fail:
    free(in_doc);
    free(order);
    return -1;
}

static double doc_chars(const sent_features *f) { return (double)f->len_prefix[f->n]; }

/* mirror: the forward miner of the same two documents, when x is the
 * backward one: its word keys (and their translations in the other
 * document) are the same with the sides swapped, so x borrows them. */
static int miner_init(miner *x, const bead_doc *src, const bead_doc *trg,
                      const bead_alignment *monotone, const bead_lexicon *lex, int swapped,
                      translit *tr, const miner *mirror, const doc_features *dsrc,
                      const doc_features *dtrg, bead_error *err)
{
    memset(x, 0, sizeof *x);
    x->src = src;
    x->trg = trg;
    x->lex = lex;
    x->lex_swapped = swapped;
    x->kt = bd_key_table_create();
    /* A shared transliterator remembers every word it has converted: a text
     * of names met once each costs one ICU call per name, not one for
     * each miner and one for the aligner. */
    x->tr = tr ? tr : (x->own_tr = bd_translit_create());
    if (!x->kt || !x->tr)
        goto nomem;
    if (bd_features_for(&x->fs, src, 0, bead_doc_size(src), x->kt, x->tr, dsrc, err) ||
        bd_features_for(&x->ft, trg, 0, bead_doc_size(trg), x->kt, x->tr, dtrg, err))
        return -1;
    double c = doc_chars(&x->fs) > 0 ? doc_chars(&x->ft) / doc_chars(&x->fs) : 1.0;
    bead_model_info info;
    memset(&info, 0, sizeof info);
    if (monotone)
        bead_alignment_model(monotone, &info);
    bd_model_init(&x->m, BEAD_TYPES_ALL, info.c > 0 ? info.c : c);
    if (info.s2 > 0)
        x->m.s2 = info.s2;
    if (bd_model_weigh_keys(&x->m, &x->fs, &x->ft, x->kt) || mine_weigh_keys(x))
        goto nomem;
    if (lex && mirror) {
        x->ws = mirror->wt;
        x->wt = mirror->ws;
        x->keys_borrowed = 1;
    } else if (lex && (word_keys_build(&x->ws, src, x->tr, lex) ||
                word_keys_build(&x->wt, trg, x->tr, lex) ||
                (swapped ? index_translations(lex, &x->wt, &x->ws)
                         : index_translations(lex, &x->ws, &x->wt))))
        goto nomem;
    size_t nk = bd_key_table_size(x->kt);
    x->post_off = calloc(nk + 1, sizeof *x->post_off);
    x->post = malloc((x->ft.nkeys ? x->ft.nkeys : 1) * sizeof *x->post);
    if (!x->post_off || !x->post)
        goto nomem;
    for (size_t k = 0; k < x->ft.nkeys; k++)
        x->post_off[x->ft.keys[k] + 1]++;
    for (size_t id = 0; id < nk; id++)
        x->post_off[id + 1] += x->post_off[id];
    size_t *fill = calloc(nk + 1, sizeof *fill);
    if (!fill)
        goto nomem;
    for (size_t j = 0; j < x->ft.n; j++)
        for (size_t k = x->ft.key_off[j]; k < x->ft.key_off[j + 1]; k++) {
            uint32_t id = x->ft.keys[k];
            x->post[x->post_off[id] + fill[id]++] = j;
        }
    free(fill);
    return 0;
nomem:
    bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    return -1;
}

static double pair_score(const miner *x, size_t i, size_t j, float match)
{
    double l1 = (double)(x->fs.len_prefix[i + 1] - x->fs.len_prefix[i]);
    double l2 = (double)(x->ft.len_prefix[j + 1] - x->ft.len_prefix[j]);
    double anchor = MINE_ANCHOR_SCALE * match;
    if (anchor > MINE_ANCHOR_CAP)
        anchor = MINE_ANCHOR_CAP;
    double lc = bd_model_length_cost(l1, l2, x->m.c, x->m.s2);
    /* Comparable texts often translate a sentence and add to it, so the
     * length counts half, and at most MINE_LENGTH_CAP. */
    double margin = anchor - 0.5 * (lc < MINE_LENGTH_CAP ? lc : MINE_LENGTH_CAP);
    double lx = x->lex ? match_words(x->lex, x->lex_swapped, &x->ws, i, &x->wt, j).share : 0;
    margin += MINE_LEXICON_BONUS * lx;
    /* With a lexicon, sentences of some words must share a translated one:
     * matching numbers alone ("December 9, 2023" and "2023-12-09") make a
     * dateline pair, not a translation. */
    if (x->lex && lx < MINE_MIN_LEXICAL && x->ws.off[i + 1] - x->ws.off[i] >= 2 &&
        x->wt.off[j + 1] - x->wt.off[j] >= 2)
        return 0;
    return 1.0 / (1.0 + exp(-(margin - MINE_OFFSET)));
}

/* For each source sentence, its best candidate and score (best_j SIZE_MAX:
 * none), and the score of the runner-up (0: none). */
static int best_matches(const miner *x, size_t *best_j, double *best_s, double *second_s,
                        bead_error *err)
{
    size_t ns = x->fs.n, nt = x->ft.n;
    float *acc = calloc(nt ? nt : 1, sizeof *acc);
    size_t *touched = malloc((nt ? nt : 1) * sizeof *touched);
    cand *cands = malloc((nt ? nt : 1) * sizeof *cands);
    if (!acc || !touched || !cands) {
        free(acc);
        free(touched);
        free(cands);
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < ns; i++) {
        size_t nt_touched = 0;
        for (size_t k = x->fs.key_off[i]; k < x->fs.key_off[i + 1]; k++) {
            uint32_t id = x->fs.keys[k];
            float w = x->m.key_weight[id];
            size_t p0 = x->post_off[id], p1 = x->post_off[id + 1];
            if (w <= 0 || p1 - p0 > MINE_MAX_POSTINGS)
                continue;
            for (size_t p = p0; p < p1; p++) {
                size_t j = x->post[p];
                if (acc[j] == 0)
                    touched[nt_touched++] = j;
                acc[j] += w;
            }
        }
        for (size_t t = 0; t < nt_touched; t++)
            cands[t] = (cand){touched[t], acc[touched[t]], 0};
        qsort(cands, nt_touched, sizeof *cands, cmp_cand_match);
        size_t keep = nt_touched < MINE_CANDIDATES ? nt_touched : MINE_CANDIDATES;
        best_j[i] = SIZE_MAX;
        best_s[i] = -1;
        second_s[i] = 0;
        for (size_t t = 0; t < keep; t++) {
            double s = pair_score(x, i, cands[t].j, cands[t].match);
            if (s > best_s[i]) {
                second_s[i] = best_s[i] > 0 ? best_s[i] : 0;
                best_s[i] = s;
                best_j[i] = cands[t].j;
            } else if (s > second_s[i]) {
                second_s[i] = s;
            }
        }
        for (size_t t = 0; t < nt_touched; t++)
            acc[touched[t]] = 0;
    }
    free(acc);
    free(touched);
    free(cands);
    return 0;
}

/* The second look at a pair that is each other's best but scores under the
 * threshold: short sentences whose words the lexicon half knows ("North
 * Korea has denied allegations of hacking or other cyberattacks" and
 * "Пхенян отхвърли твърденията за хакерски атаки или други кибератаки")
 * score low in absolute terms, yet nothing else comes near them. The pair
 * stands out when its score is MINE_STANDOUT_RATIO times either runner-up's,
 * its lengths agree as a translation's do, and a good share of its words
 * (at least MINE_STANDOUT_WORDS on each side) find a translation or a
 * cognate in the other. Page furniture ("Source: aljazeera.com") has no
 * runner-up either, but too few words. */
static int stands_out(const miner *x, size_t i, size_t j, double score, double runner_up)
{
    if (!x->lex || score < MINE_STANDOUT_RATIO * runner_up)
        return 0;
    double l1 = (double)(x->fs.len_prefix[i + 1] - x->fs.len_prefix[i]);
    double l2 = (double)(x->ft.len_prefix[j + 1] - x->ft.len_prefix[j]);
    if (bd_model_length_cost(l1, l2, x->m.c, x->m.s2) > MINE_STANDOUT_LENGTH)
        return 0;
    word_match m = match_words(x->lex, x->lex_swapped, &x->ws, i, &x->wt, j);
    return m.share >= MINE_STANDOUT_SHARE && m.src_hits >= MINE_STANDOUT_WORDS &&
           m.trg_hits >= MINE_STANDOUT_WORDS;
}

/* The anchor labels of a mined pair, as the aligner writes them. */
static bead_status label_pair(const miner *x, bead_alignment *al, size_t unit, size_t i,
                              size_t j, bead_error *err)
{
    const uint32_t *a = x->fs.keys + x->fs.key_off[i], *ae = x->fs.keys + x->fs.key_off[i + 1];
    const uint32_t *b = x->ft.keys + x->ft.key_off[j], *be = x->ft.keys + x->ft.key_off[j + 1];
    while (a < ae && b < be) {
        if (*a < *b) {
            a++;
        } else if (*b < *a) {
            b++;
        } else {
            char kind = bd_key_table_key(x->kt, *a)[0];
            if (kind == KEY_NUMBER || kind == KEY_NAME) {
                char label[200];
                snprintf(label, sizeof label, "%s:%s", kind == KEY_NUMBER ? "num" : "name",
                         bd_key_table_label(x->kt, *a));
                bead_status s = bead_alignment_add_anchor(al, unit, label, err);
                if (s != BEAD_OK)
                    return s;
            }
            a++;
            b++;
        }
    }
    return BEAD_OK;
}

bead_status bd_mine_pair_lex(const bead_doc *src, const bead_doc *trg,
                               const bead_alignment *monotone, const bead_lexicon *lex,
                               double threshold, bead_alignment **out, bead_error *err)
{
    return bd_mine_pair_tr(src, trg, monotone, lex, NULL, NULL, NULL, threshold, out, err);
}

bead_status bd_mine_pair_tr(const bead_doc *src, const bead_doc *trg,
                            const bead_alignment *monotone, const bead_lexicon *lex,
                            translit *tr, const doc_features *dsrc, const doc_features *dtrg,
                            double threshold, bead_alignment **out, bead_error *err)
{
    *out = NULL;
    bead_alignment *al = NULL;
    bead_status s = bead_alignment_create(&al, 2, err);
    if (s != BEAD_OK)
        return s;
    if (monotone) {
        bd_alignment_copy_pair_facts(al, monotone);
        if (bead_alignment_verdict(monotone) == BEAD_VERDICT_UNRELATED) {
            *out = al;   /* nothing to mine */
            return BEAD_OK;
        }
    }
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg);
    if (ns == 0 || nt == 0) {
        *out = al;
        return BEAD_OK;
    }
    miner x;
    size_t *fwd_j = malloc(ns * sizeof *fwd_j), *bwd_i = malloc(nt * sizeof *bwd_i);
    double *fwd_s = malloc(ns * sizeof *fwd_s), *bwd_s = malloc(nt * sizeof *bwd_s);
    double *fwd_s2 = malloc(ns * sizeof *fwd_s2), *bwd_s2 = malloc(nt * sizeof *bwd_s2);
    miner y;
    int have_x = 0, have_y = 0;
    translit *own_tr = tr ? NULL : bd_translit_create();
    if (!tr)
        tr = own_tr;
    /* Each document's features once, for both miners (the caller's when
     * it has them). */
    doc_features own[2];
    memset(own, 0, sizeof own);
    if (!fwd_j || !bwd_i || !fwd_s || !bwd_s || !fwd_s2 || !bwd_s2 || !tr) {
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        goto done;
    }
    if (!(dsrc = bd_doc_features_of(dsrc, src)) &&
        !bd_doc_features_build(&own[0], src, tr, err))
        dsrc = &own[0];
    if (!(dtrg = bd_doc_features_of(dtrg, trg)) &&
        !bd_doc_features_build(&own[1], trg, tr, err))
        dtrg = &own[1];
    if (!dsrc || !dtrg) {
        s = err && err->status != BEAD_OK ? err->status : BEAD_ERR_NOMEM;
        goto done;
    }
    /* Forward: source to target. Backward: the same with the roles swapped
     * (lexicon lookups reversed), so that "best" holds both ways. */
    if (miner_init(&x, src, trg, monotone, lex, 0, tr, NULL, dsrc, dtrg, err)) {
        s = err && err->status != BEAD_OK ? err->status : BEAD_ERR_NOMEM;
        goto done;
    }
    have_x = 1;
    if (best_matches(&x, fwd_j, fwd_s, fwd_s2, err)) {
        s = BEAD_ERR_NOMEM;
        goto done;
    }
    if (miner_init(&y, trg, src, NULL, lex, 1, tr, &x, dtrg, dsrc, err)) {
        s = err && err->status != BEAD_OK ? err->status : BEAD_ERR_NOMEM;
        goto done;
    }
    have_y = 1;
    /* The backward pass uses the forward model's c, inverted. */
    y.m.c = 1.0 / x.m.c;
    y.m.s2 = x.m.s2 / (x.m.c * x.m.c * x.m.c);
    if (best_matches(&y, bwd_i, bwd_s, bwd_s2, err)) {
        s = BEAD_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < ns && s == BEAD_OK; i++) {
        size_t j = fwd_j[i];
        if (j == SIZE_MAX || bwd_i[j] != i)
            continue;
        double score = fwd_s[i] < bwd_s[j] ? fwd_s[i] : bwd_s[j];
        double runner_up = fwd_s2[i] > bwd_s2[j] ? fwd_s2[i] : bwd_s2[j];
        if (score < threshold && score > 0 && stands_out(&x, i, j, score, runner_up))
            score = 1.0 / (1.0 + (1.0 - score) / score * exp(-MINE_STANDOUT_BONUS));
        if (score < threshold)
            continue;
        size_t begin[2] = {i, j}, count[2] = {1, 1};
        s = bead_alignment_append(al, begin, count, score, err);
        if (s == BEAD_OK)
            s = label_pair(&x, al, bead_alignment_size(al) - 1, i, j, err);
    }
done:
    if (have_x)
        miner_free(&x);
    if (have_y)
        miner_free(&y);
    bd_doc_features_free(&own[0]);
    bd_doc_features_free(&own[1]);
    bd_translit_free(own_tr);
    free(fwd_j);
    free(bwd_i);
    free(fwd_s);
    free(bwd_s);
    free(fwd_s2);
    free(bwd_s2);
    if (s != BEAD_OK) {
        bead_alignment_free(al);
        return s;
    }
    *out = al;
    return BEAD_OK;
}

bead_status bead_mine_pair(const bead_doc *src, const bead_doc *trg,
                           const bead_alignment *monotone, double threshold,
                           bead_alignment **out, bead_error *err)
{
    return bd_mine_pair_lex(src, trg, monotone, NULL, threshold, out, err);
}

/* ------------------------------------------------------- pair checker */

struct bead_pair_checker {
    miner x;
};

bead_status bd_pair_checker_create(bead_pair_checker **out, const bead_doc *src,
                                     const bead_doc *trg, const bead_alignment *model_from,
                                     const bead_lexicon *lex, bead_error *err)
{
    *out = NULL;
    bead_pair_checker *c = calloc(1, sizeof *c);
    if (!c)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (miner_init(&c->x, src, trg, model_from, lex, 0, NULL, NULL, NULL, NULL, err)) {
        miner_free(&c->x);
        free(c);
        return err && err->status != BEAD_OK ? err->status : BEAD_ERR_NOMEM;
    }
    /* Without a lexicon, support still counts cognates. */
    if (!lex && (word_keys_build(&c->x.ws, src, c->x.tr, NULL) ||
                 word_keys_build(&c->x.wt, trg, c->x.tr, NULL))) {
        miner_free(&c->x);
        free(c);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    *out = c;
    return BEAD_OK;
}

double bd_pair_checker_score(const bead_pair_checker *c, size_t i, size_t j)
{
    const sent_features *fs = &c->x.fs, *ft = &c->x.ft;
    const uint32_t *a = fs->keys + fs->key_off[i], *ae = fs->keys + fs->key_off[i + 1];
    const uint32_t *b = ft->keys + ft->key_off[j], *be = ft->keys + ft->key_off[j + 1];
    float match = 0;   /* the model's anchor match: weights of the shared keys */
    while (a < ae && b < be) {
        if (*a < *b) {
            a++;
        } else if (*b < *a) {
            b++;
        } else {
            match += c->x.m.key_weight[*a];
            a++;
            b++;
        }
    }
    return pair_score(&c->x, i, j, match);
}

double bd_pair_checker_support(const bead_pair_checker *c, int side, size_t i, size_t begin,
                                  size_t count, size_t *words)
{
    const miner *x = &c->x;
    const word_keys *own = side ? &x->wt : &x->ws, *other = side ? &x->ws : &x->wt;
    if (words)
        *words = own->off[i + 1] - own->off[i];
    double total = 0, hit = 0;
    for (size_t a = own->off[i]; a < own->off[i + 1]; a++) {
        total += own->weight[a];
        int found = 0;
        for (size_t j = begin; j < begin + count && !found; j++)
            for (size_t b = other->off[j]; b < other->off[j + 1] && !found; b++)
                found = side ? words_match(x->lex, 0, other, b, own, a)
                             : words_match(x->lex, 0, own, a, other, b);
        if (found)
            hit += own->weight[a];
    }
    return total > 0 ? hit / total : 0;
}

void bd_pair_checker_free(bead_pair_checker *c)
{
    if (!c)
        return;
    miner_free(&c->x);
    free(c);
}
