/* bd_write_beads.c: vecalign's notation, "[0,1]:[2]:0.8731", one unit per line,
 * every unit, unfiltered: the beads file is the complete alignment. */
#include <stdio.h>

#include "align/write/write_internal.h"

static int add_range(wbuf *b, const bead_alignment *al, size_t i, size_t v)
{
    size_t begin, count;
    bead_alignment_range(al, i, v, &begin, &count);
    if (bd_wbuf_addc(b, '['))
        return -1;
    for (size_t k = 0; k < count; k++) {
        char num[32];
        snprintf(num, sizeof num, k ? ",%zu" : "%zu", begin + k);
        if (bd_wbuf_adds(b, num))
            return -1;
    }
    return bd_wbuf_adds(b, "]:");
}

bead_status bd_write_beads(bead_output *out, const bead_alignment *al, bead_error *err)
{
    size_t nv = bead_alignment_nversions(al), n = bead_alignment_size(al);
    bead_status st = BEAD_OK;
    wbuf line = {0};
    for (size_t i = 0; i < n && st == BEAD_OK; i++) {
        char score[16];
        line.len = 0;
        for (size_t v = 0; v < nv; v++)
            if (add_range(&line, al, i, v)) {
                st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
                break;
            }
        if (st != BEAD_OK)
            break;
        bd_score_text(score, bead_alignment_score(al, i));
        if (bd_wbuf_adds(&line, score) || bd_wbuf_addc(&line, '\n')) {
            st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            break;
        }
        st = bead_output_write(out, line.p, line.len, err);
    }
    bd_wbuf_free(&line);
    return st;
}
