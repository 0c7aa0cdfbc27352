/* bd_write_tsv.c: TSV (one column per version, then the score) and the Moses
 * files (one per version, line-aligned). Both keep the same units, so a
 * Moses side is exactly one TSV column. */
#include "align/write/write_internal.h"

static bead_status nomem(bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
}

bead_status bd_write_tsv(bead_output *out, const bead_doc *const *docs, const bead_alignment *al,
                      const bead_write_options *opt, bead_error *err)
{
    size_t nv = bead_alignment_nversions(al), n = bead_alignment_size(al);
    bead_status st = BEAD_OK;
    wbuf line = {0}, *texts = bd_wbufs_new(nv);
    if (!texts)
        return nomem(err);
    if (opt->header) {
        for (size_t v = 0; v < nv && st == BEAD_OK; v++) {
            st = bead_output_puts(out, bead_doc_lang(docs[v]), err);
            if (st == BEAD_OK)
                st = bead_output_write(out, "\t", 1, err);
        }
        if (st == BEAD_OK)
            st = bead_output_puts(out, "score\n", err);
    }
    for (size_t i = 0; i < n && st == BEAD_OK; i++) {
        int sel = bd_unit_selected(docs, al, i, opt, nv < 2 ? nv : 2, texts);
        if (sel < 0) {
            st = nomem(err);
            break;
        }
        if (!sel)
            continue;
        line.len = 0;
        int bad = 0;
        for (size_t v = 0; v < nv; v++)
            bad = bad || bd_wbuf_add(&line, texts[v].p, texts[v].len) || bd_wbuf_addc(&line, '\t');
        char score[16];
        bd_score_text(score, bead_alignment_score(al, i));
        if (bad || bd_wbuf_adds(&line, score) || bd_wbuf_addc(&line, '\n')) {
            st = nomem(err);
            break;
        }
        st = bead_output_write(out, line.p, line.len, err);
    }
    bd_wbuf_free(&line);
    bd_wbufs_free(texts, nv);
    return st;
}

bead_status bead_write_moses_side(bead_output *out, const bead_doc *const *docs,
                                  const bead_alignment *al, size_t v,
                                  const bead_write_options *opt, bead_error *err)
{
    bead_write_options defaults;
    if (!opt) {
        bead_write_options_init(&defaults);
        opt = &defaults;
    }
    if (!out)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "no output to write to");
    bead_status st = bd_write_check(docs, al, err);
    if (st != BEAD_OK)
        return st;
    size_t nv = bead_alignment_nversions(al), n = bead_alignment_size(al);
    if (v >= nv)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "no version %zu: the alignment has %zu", v, nv);
    wbuf *texts = bd_wbufs_new(nv);
    if (!texts)
        return nomem(err);
    for (size_t i = 0; i < n && st == BEAD_OK; i++) {
        int sel = bd_unit_selected(docs, al, i, opt, nv < 2 ? nv : 2, texts);
        if (sel < 0 || (sel && bd_wbuf_addc(&texts[v], '\n'))) {
            st = nomem(err);
            break;
        }
        if (sel)
            st = bead_output_write(out, texts[v].p, texts[v].len, err);
    }
    bd_wbufs_free(texts, nv);
    return st;
}
