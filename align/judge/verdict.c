/* The document verdict: are two documents parallel (translations of each
 * other), comparable (about the same thing, some sentences translated) or
 * unrelated?
 *
 * Bead scores alone cannot tell: a forced monotone alignment of two
 * unrelated texts still pairs sentences of similar length, often with high
 * posteriors. What two texts about the same event share, and unrelated
 * texts lack, are rare anchors: numbers and names found in one to three
 * sentences of each text. So the verdict is measured on both:
 *   coverage    share of all sentences in beads with text on both sides and
 *               a score of at least 0.5 (from the monotone alignment);
 *   shared      rare anchors the texts share (names only when at least one
 *               language does not capitalise its nouns; in two texts of the
 *               same language, word keys too);
 *   agreement   the share of shared anchors the alignment puts in the same
 *               bead or a neighbouring one;
 *   evident     sentence pairs that evidently say the same thing, each
 *               sentence counted once: in two languages, pairs sharing
 *               rare anchors worth 1.5 or more (a number or name 1, a name
 *               whose skeleton has two letters 0.5); in one language, pairs
 *               sharing more than half of their word keys.
 *
 * The rule (the constants below; README.md repeats it), in order:
 *   parallel    coverage >= 0.7 and mean score >= 0.7, and anchor agreement
 *               >= 0.6 unless fewer than 4 anchors are shared (a confident
 *               alignment the anchors do not contradict);
 *   parallel    copies: at least 70% of the sentences of both texts stand in
 *               beads whose two sides read the same (letters and digits,
 *               case aside): a text and its copy, or a lightly edited copy,
 *               however repetitive (a thousand identical lines have no rare
 *               anchor and low posteriors, each line matching every other);
 *   unrelated   fewer than 2 shared anchors, or fewer than 2 evident pairs
 *               (1 when a text has 1 sentence); coverage is no help here:
 *               between comparable texts it falls as low as between
 *               unrelated ones;
 *   parallel    coverage >= 0.4, agreement >= 0.75, and evident pairs for at
 *               least 15% of the sentences of the shorter text;
 *   comparable  everything else.
 * An empty text against a non-empty one is unrelated; two empty ones are
 * parallel. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/lang_internal.h"
#include "align/judge/judge.h"

#define VERDICT_EVIDENT_PAIRS 2        /* fewer evident pairs: unrelated */
#define VERDICT_PARALLEL_COVERAGE 0.4
#define VERDICT_PARALLEL_AGREEMENT 0.75
#define VERDICT_PARALLEL_EVIDENT 0.15  /* evident pairs per sentence of the shorter text */
#define VERDICT_MIN_ANCHORS 2          /* fewer shared anchors: unrelated, unless confident */
#define VERDICT_CONFIDENT_COVERAGE 0.7
#define VERDICT_CONFIDENT_MEAN 0.7
#define VERDICT_CONFIDENT_AGREEMENT 0.6
#define VERDICT_MIN_AGREEMENT_EVIDENCE 4   /* fewer shared anchors: agreement unknown */
#define VERDICT_COPY_SHARE 0.7         /* sentences in beads whose sides read the same */

/* What the sentences [b, b + c) of d read, together (bd_reading). */
static bd_reading side_reading(const bead_doc *d, size_t b, size_t c)
{
    bd_reading r;
    bd_reading_init(&r);
    for (size_t i = b; i < b + c; i++) {
        size_t len;
        const char *t = bead_doc_text(d, i, &len);
        bd_reading_add(&r, t, len);
    }
    return r;
}

/* Share of the sentences of both texts in beads whose two sides read the
 * same: how much of the pair is a copy. */
static double copied_share(const bead_doc *src, const bead_doc *trg, const bead_alignment *al)
{
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg), copied = 0;
    if (ns + nt == 0)
        return 0.0;
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        if (!c0 || !c1 || b0 + c0 > ns || b1 + c1 > nt)
            continue;
        bd_reading a = side_reading(src, b0, c0), b = side_reading(trg, b1, c1);
        if (a.bytes && a.bytes == b.bytes && a.hash == b.hash)
            copied += c0 + c1;
    }
    return (double)copied / (double)(ns + nt);
}

/* The bead of every sentence of one side (SIZE_MAX: none). */
static size_t *bead_of(const bead_alignment *al, size_t side, size_t n)
{
    size_t *b = malloc((n ? n : 1) * sizeof *b);
    if (!b)
        return NULL;
    for (size_t i = 0; i < n; i++)
        b[i] = SIZE_MAX;
    for (size_t u = 0; u < bead_alignment_size(al); u++) {
        size_t begin, count;
        bead_alignment_range(al, u, side, &begin, &count);
        for (size_t k = begin; k < begin + count && k < n; k++)
            b[k] = u;
    }
    return b;
}

/* Rare anchors: keys found in 1 to VERDICT_RARE sentences on each side.
 * Numbers always count, names unless both languages capitalise nouns, and
 * in two texts of the same language every word key counts. */
#define VERDICT_RARE 3

typedef struct key_spots {
    size_t s[VERDICT_RARE], t[VERDICT_RARE];
    unsigned char ns, nt;   /* VERDICT_RARE + 1: too many */
} key_spots;

static void spot(size_t *where, unsigned char *n, size_t i)
{
    if (*n < VERDICT_RARE && (*n == 0 || where[*n - 1] != i))
        where[(*n)++] = i;
    else if (*n == VERDICT_RARE && where[*n - 1] != i)
        *n = VERDICT_RARE + 1;
}

/* Keys shared by sentence i of src and j of trg, and Dice over their keys. */
static double key_dice(const sent_features *fs, size_t i, const sent_features *ft, size_t j,
                       size_t *shared)
{
    const uint32_t *a = fs->keys + fs->key_off[i], *ae = fs->keys + fs->key_off[i + 1];
    const uint32_t *b = ft->keys + ft->key_off[j], *be = ft->keys + ft->key_off[j + 1];
    size_t na = (size_t)(ae - a), nb = (size_t)(be - b), both = 0;
    while (a < ae && b < be) {
        if (*a < *b)
            a++;
        else if (*b < *a)
            b++;
        else {
            both++;
            a++;
            b++;
        }
    }
    if (shared)
        *shared = both;
    return na + nb ? 2.0 * (double)both / (double)(na + nb) : 0.0;
}

typedef struct pair_count {
    size_t i, j, n;   /* n: shared rare anchors, in halves (a two-letter name is 1) */
} pair_count;

static int cmp_pair_count(const void *x, const void *y)
{
    const pair_count *a = x, *b = y;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

static int cmp_by_strength(const void *x, const void *y)
{
    const pair_count *a = x, *b = y;
    return a->n > b->n ? -1 : a->n < b->n;
}

typedef struct anchor_facts {
    size_t shared, agreeing;   /* rare anchors, min(df) each, and agreeing ones */
    size_t evident_pairs;      /* sentence pairs that evidently say the same */
} anchor_facts;

static int anchor_facts_of(const bead_doc *src, const bead_doc *trg, const bead_alignment *al,
                           const pair_features *pf, anchor_facts *out)
{
    memset(out, 0, sizeof *out);
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg);
    int same_lang = !strcmp(bead_doc_lang(src), bead_doc_lang(trg));
    int names = !(bd_lang_capitalises_nouns(bead_doc_lang(src)) &&
                  bd_lang_capitalises_nouns(bead_doc_lang(trg)));
    key_table *own_kt = NULL;
    translit *tr = NULL;
    sent_features own_fs, own_ft;
    memset(&own_fs, 0, sizeof own_fs);
    memset(&own_ft, 0, sizeof own_ft);
    key_spots *spots = NULL;
    size_t *bs = NULL, *bt = NULL;
    pair_count *pc = NULL;
    char *used_s = NULL, *used_t = NULL;
    size_t npc = 0, pc_cap = 0;
    int rc = -1;
    if (!pf && (!(own_kt = bd_key_table_create()) || !(tr = bd_translit_create()) ||
                bd_features_build(&own_fs, src, 0, ns, own_kt, tr, NULL) ||
                bd_features_build(&own_ft, trg, 0, nt, own_kt, tr, NULL)))
        goto done;
    const key_table *kt = pf ? pf->kt : own_kt;
    const sent_features *fsp = pf ? &pf->fs : &own_fs, *ftp = pf ? &pf->ft : &own_ft;
    size_t nk = bd_key_table_size(kt);
    spots = calloc(nk ? nk : 1, sizeof *spots);
    bs = bead_of(al, 0, ns);
    bt = bead_of(al, 1, nt);
    used_s = calloc(ns + 1, 1);
    used_t = calloc(nt + 1, 1);
    if (!spots || !bs || !bt || !used_s || !used_t)
        goto done;
    for (size_t i = 0; i < fsp->n; i++)
        for (size_t k = fsp->key_off[i]; k < fsp->key_off[i + 1]; k++)
            spot(spots[fsp->keys[k]].s, &spots[fsp->keys[k]].ns, i);
    for (size_t j = 0; j < ftp->n; j++)
        for (size_t k = ftp->key_off[j]; k < ftp->key_off[j + 1]; k++)
            spot(spots[ftp->keys[k]].t, &spots[ftp->keys[k]].nt, j);
    for (size_t k = 0; k < nk; k++) {
        char kind = bd_key_table_key(kt, (uint32_t)k)[0];
        const key_spots *sp = &spots[k];
        int counts = kind == KEY_NUMBER || (kind == KEY_NAME && names) ||
                     (same_lang && kind == KEY_COGNATE);
        /* Name skeletons of two letters meet by chance more often. */
        unsigned strength = kind == KEY_NAME && strlen(bd_key_table_key(kt, (uint32_t)k)) < 4 ? 1 : 2;
        if (!counts || sp->ns == 0 || sp->nt == 0 || sp->ns > VERDICT_RARE ||
            sp->nt > VERDICT_RARE)
            continue;
        size_t count = sp->ns < sp->nt ? sp->ns : sp->nt, hits = 0;
        for (size_t a = 0; a < sp->ns; a++) {
            size_t ua = bs[sp->s[a]];
            int hit = 0;
            for (size_t b = 0; b < sp->nt; b++) {
                size_t ub = bt[sp->t[b]];
                if (!hit && ua != SIZE_MAX && ub != SIZE_MAX && (ua > ub ? ua - ub : ub - ua) <= 1) {
                    hits++;
                    hit = 1;
                }
                if (array_grow((void **)&pc, &pc_cap, npc + 1, sizeof *pc, 256))
                    goto done;
                pc[npc++] = (pair_count){sp->s[a], sp->t[b], strength};
            }
        }
        out->shared += count;
        out->agreeing += hits < count ? hits : count;
    }
    /* Sentence pairs sharing rare anchors: count them per pair. */
    if (npc) {
        qsort(pc, npc, sizeof *pc, cmp_pair_count);
        size_t w = 0;
        for (size_t r = 0; r < npc; r++) {
            if (w && pc[w - 1].i == pc[r].i && pc[w - 1].j == pc[r].j)
                pc[w - 1].n += pc[r].n;
            else
                pc[w++] = pc[r];
        }
        npc = w;
        qsort(pc, npc, sizeof *pc, cmp_by_strength);
    }
    /* Evidently the same: in two languages, two or more rare anchors in
     * common; in one language, more than half of their words. Each sentence
     * counts once. */
    for (size_t r = 0; r < npc; r++) {
        size_t i = pc[r].i, j = pc[r].j;
        if (used_s[i] || used_t[j])
            continue;
        int evident = same_lang ? key_dice(fsp, i, ftp, j, NULL) > 0.5 : pc[r].n >= 3;
        if (!evident)
            continue;
        used_s[i] = used_t[j] = 1;
        out->evident_pairs++;
    }
    rc = 0;
done:
    free(pc);
    free(used_s);
    free(used_t);
    free(spots);
    free(bs);
    free(bt);
    bd_features_free(&own_fs);
    bd_features_free(&own_ft);
    bd_translit_free(tr);
    bd_key_table_free(own_kt);
    return rc;
}

bead_verdict bead_classify_pair(const bead_doc *src, const bead_doc *trg, bead_alignment *al,
                                bead_verdict_stats *stats)
{
    return bd_verdict_classify(src, trg, al, stats, NULL);
}

bead_verdict bd_verdict_classify(const bead_doc *src, const bead_doc *trg, bead_alignment *al,
                              bead_verdict_stats *stats, const pair_features *pf)
{
    bead_verdict_stats st;
    memset(&st, 0, sizeof st);
    size_t ns = bead_doc_size(src), nt = bead_doc_size(trg);
    size_t nbeads = bead_alignment_size(al), nulls = 0;
    for (size_t u = 0; u < nbeads; u++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, u, 0, &b0, &c0);
        bead_alignment_range(al, u, 1, &b1, &c1);
        nulls += !(c0 && c1);
    }
    st.coverage = bd_verdict_coverage(al, ns, nt);
    st.mean_score = bead_alignment_mean_score(al);
    st.null_share = nbeads ? (double)nulls / (double)nbeads : 0.0;
    size_t shorter = ns < nt ? ns : nt;
    anchor_facts af;
    if (anchor_facts_of(src, trg, al, pf, &af) == 0) {
        st.shared_anchors = af.shared;
        st.agreeing_anchors = af.agreeing;
        st.evident_pairs = af.evident_pairs;
        st.anchor_agreement = af.shared ? (double)af.agreeing / (double)af.shared : 0.0;
        st.anchor_density = shorter ? (double)af.shared / (double)shorter : 0.0;
    }

    bead_verdict v;
    size_t need = shorter < VERDICT_EVIDENT_PAIRS ? shorter : VERDICT_EVIDENT_PAIRS;
    int anchors_agree = st.shared_anchors < VERDICT_MIN_AGREEMENT_EVIDENCE ||
                        st.anchor_agreement >= VERDICT_CONFIDENT_AGREEMENT;
    if (ns + nt == 0) {
        v = BEAD_VERDICT_PARALLEL;   /* two empty texts: nothing differs */
    } else if (ns == 0 || nt == 0) {
        v = BEAD_VERDICT_UNRELATED;  /* all 1-0 or 0-1 */
    } else if (st.coverage >= VERDICT_CONFIDENT_COVERAGE &&
               st.mean_score >= VERDICT_CONFIDENT_MEAN && anchors_agree) {
        /* A confident alignment the anchors do not contradict (texts whose
         * names recur in every chapter have few rare anchors). */
        v = BEAD_VERDICT_PARALLEL;
    } else if (copied_share(src, trg, al) >= VERDICT_COPY_SHARE) {
        v = BEAD_VERDICT_PARALLEL;   /* a text and its (near) copy */
    } else if (st.shared_anchors < VERDICT_MIN_ANCHORS || st.evident_pairs < need) {
        v = BEAD_VERDICT_UNRELATED;
    } else if (st.coverage >= VERDICT_PARALLEL_COVERAGE &&
               st.anchor_agreement >= VERDICT_PARALLEL_AGREEMENT &&
               (double)st.evident_pairs >= VERDICT_PARALLEL_EVIDENT * (double)shorter) {
        v = BEAD_VERDICT_PARALLEL;
    } else {
        v = BEAD_VERDICT_COMPARABLE;
    }
    st.verdict = v;
    bd_alignment_set_verdict(al, v, st.coverage);
    bd_alignment_set_verdict_mean(al, st.mean_score);
    if (stats)
        *stats = st;
    return v;
}
