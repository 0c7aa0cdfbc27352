/* Attaching a version that is unrelated to the pivot through another
 * version it does translate.
 *
 * Why. Comparable news versions often share nothing with the pivot while
 * sharing a few sentences with a third version (an Indonesian article that
 * takes two sentences from the English wire). Merging against the pivot
 * alone leaves every such sentence in a unit of its own, so N-way output
 * never shows it. Here the pair (w, v) places v's sentences: a v sentence
 * paired with a w sentence joins the unit that holds that w sentence; every
 * other v sentence becomes a unit of its own, in order, before the next
 * unit that takes one. Units stay in order and still cover every sentence
 * of every version. */
#include <stdlib.h>
#include <string.h>

#include "align/multi/multi_internal.h"

typedef struct placed {
    size_t vb, vc;          /* v's sentences joined to this unit */
    size_t solo_b, solo_c;  /* v's sentences standing alone just before it */
    double score;           /* lowest score of the (w, v) beads joined, 2 if none */
} placed;

static bead_status emit_solo(bead_alignment *al, size_t n, size_t v, size_t *pos, size_t b,
                             size_t c, bead_error *err)
{
    size_t *cnt = calloc(n, sizeof *cnt);
    if (!cnt)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    bead_status s = BEAD_OK;
    for (size_t j = b; s == BEAD_OK && j < b + c; j++) {
        pos[v] = j;
        cnt[v] = 1;
        s = bead_alignment_append(al, pos, cnt, 0.0, err);
    }
    pos[v] = b + c;
    free(cnt);
    return s;
}

bead_status bd_multi_attach(const bead_alignment *merged, size_t n, size_t v, size_t w,
                            const bead_alignment *pair, const size_t *sizes,
                            bead_alignment **out, bead_error *err)
{
    *out = NULL;
    size_t nu = bead_alignment_size(merged), nw = sizes[w];
    size_t ws = w < v ? 0 : 1, vs = 1 - ws;
    size_t *unit_of_w = malloc((nw ? nw : 1) * sizeof *unit_of_w);
    placed *pl = calloc(nu + 1, sizeof *pl);   /* pl[nu]: after the last unit */
    size_t *pos = calloc(n, sizeof *pos), *begin = calloc(n, sizeof *begin),
           *count = calloc(n, sizeof *count);
    bead_alignment *al = NULL;
    bead_status s = BEAD_OK;
    if (!unit_of_w || !pl || !pos || !begin || !count) {
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        goto done;
    }
    for (size_t u = 0; u < nu; u++) {
        size_t b, c;
        bead_alignment_range(merged, u, w, &b, &c);
        for (size_t j = b; j < b + c && j < nw; j++)
            unit_of_w[j] = u;
        pl[u].score = 2;
    }
    /* Walk the pair in order; v sentences not paired with w wait in
     * [pend, vpos) until the next paired bead says where they stand. */
    size_t vpos = 0, pend = 0, last = SIZE_MAX;
    for (size_t i = 0; i < bead_alignment_size(pair); i++) {
        size_t wb, wc, vb, vc;
        bead_alignment_range(pair, i, ws, &wb, &wc);
        bead_alignment_range(pair, i, vs, &vb, &vc);
        if (vc && vb != vpos)
            continue;   /* not covering: mined_to_covering's callers never get here */
        vpos += vc;
        if (!wc || !vc || wb >= nw)
            continue;
        size_t t = unit_of_w[wb];
        double sc = bead_alignment_score(pair, i);
        if (last != SIZE_MAX && t <= last) {
            t = last;   /* same unit (or w's beads run back): v's run grows */
            pl[t].vc = vpos - pl[t].vb;
        } else {
            pl[t].solo_b = pend;
            pl[t].solo_c = vb - pend;
            pl[t].vb = vb;
            pl[t].vc = vc;
            last = t;
        }
        if (sc < pl[t].score)
            pl[t].score = sc;
        pend = vpos;
    }
    pl[nu].solo_b = pend;
    pl[nu].solo_c = sizes[v] - pend;
    s = bead_alignment_create(&al, n, err);
    for (size_t u = 0; s == BEAD_OK && u <= nu; u++) {
        s = emit_solo(al, n, v, pos, pl[u].solo_b, pl[u].solo_c, err);
        if (s != BEAD_OK || u == nu)
            break;
        size_t others = 0;
        for (size_t x = 0; x < n; x++) {
            bead_alignment_range(merged, u, x, &begin[x], &count[x]);
            if (x != v)
                others += count[x] > 0;
        }
        if (count[v] && !others)
            continue;   /* v's old unit of its own: placed above instead */
        double score = bead_alignment_score(merged, u);
        begin[v] = pos[v];
        count[v] = 0;
        if (pl[u].vc) {
            begin[v] = pl[u].vb;
            count[v] = pl[u].vc;
            pos[v] = pl[u].vb + pl[u].vc;
            if (others < 2 || pl[u].score < score)
                score = pl[u].score;
        }
        s = bead_alignment_append(al, begin, count, score, err);
        for (size_t x = 0; x < n; x++)
            if (count[x])
                pos[x] = begin[x] + count[x];
        size_t idx = bead_alignment_size(al) - 1;
        for (size_t a = 0; s == BEAD_OK && a < bead_alignment_anchor_count(merged, u); a++)
            s = bead_alignment_add_anchor(al, idx, bead_alignment_anchor(merged, u, a), err);
    }
done:
    free(unit_of_w);
    free(pl);
    free(pos);
    free(begin);
    free(count);
    if (s != BEAD_OK) {
        bead_alignment_free(al);
        return s;
    }
    *out = al;
    return BEAD_OK;
}
