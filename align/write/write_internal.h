/* write_internal.h: what the writers (write_*.c) share: a growable byte
 * buffer, the text of a unit as each format wants it, and the unit filter. */
#ifndef BEAD_WRITE_INTERNAL_H
#define BEAD_WRITE_INTERNAL_H

#include "bead/write.h"

typedef struct wbuf {
    char *p;
    size_t len, cap;
} wbuf;

/* Each returns 0 on success, -1 when out of memory. p stays NUL-terminated.
 * bd_wbuf_reserve makes room for extra more bytes (and the NUL) after len. */
int bd_wbuf_reserve(wbuf *b, size_t extra);
int bd_wbuf_add(wbuf *b, const void *data, size_t len);
int bd_wbuf_adds(wbuf *b, const char *s);
int bd_wbuf_addc(wbuf *b, char c);
void bd_wbuf_free(wbuf *b);

/* A unit's sentences of version v, joined with one space, as stored. */
int bd_unit_text_raw(wbuf *b, const bead_doc *doc, const bead_alignment *al, size_t i, size_t v);

/* The same for line-based formats (tsv, moses, tmx): the characters Python
 * and other readers take as line or field breaks (TAB LF VT FF CR, U+001C-1E,
 * U+0085, U+2028, U+2029) become a space; each sentence is trimmed of spaces
 * and blank ones are dropped, so the result has no leading, trailing or
 * doubled separator. Empty means "this version has no text in the unit". */
int bd_unit_text_clean(wbuf *b, const bead_doc *doc, const bead_alignment *al, size_t i,
                    size_t v);

/* "1-2" or "1-2-1": the shape of unit i (bd_unit_shape), in b. */
int bd_unit_type(wbuf *b, const bead_alignment *al, size_t i);

/* The score as "%.4f" would print it, in any locale: "0.8731". buf >= 8. */
void bd_score_text(char buf[16], double score);
/* The score rounded to 4 decimals, for JSON. */
double bd_score_rounded(double score);

/* Checks that docs has nversions documents and that every unit's ranges lie
 * inside them, so the writers can index without further checks. */
bead_status bd_write_check(const bead_doc *const *docs, const bead_alignment *al,
                        bead_error *err);

bead_status bd_write_tsv(bead_output *out, const bead_doc *const *docs, const bead_alignment *al,
                      const bead_write_options *opt, bead_error *err);
bead_status bd_write_tmx(bead_output *out, const bead_doc *const *docs, const bead_alignment *al,
                      bead_write_options *opt, bead_error *err);
bead_status bd_write_jsonl(bead_output *out, const bead_doc *const *docs,
                        const bead_alignment *al, const bead_write_options *opt,
                        bead_error *err);
bead_status bd_write_beads(bead_output *out, const bead_alignment *al, bead_error *err);

/* Whether unit i goes into a filtered format: score at least min_score and
 * text in at least `needed` versions (two: for N versions, a unit is
 * written when any two have text, the others' fields empty), or in one when
 * include_unaligned. When the score passes,
 * texts[0..nversions) get every version's bd_unit_text_clean. Returns -1 when
 * out of memory. */
int bd_unit_selected(const bead_doc *const *docs, const bead_alignment *al, size_t i,
                  const bead_write_options *opt, size_t needed, wbuf *texts);

/* n empty buffers (calloc), and their release. */
wbuf *bd_wbufs_new(size_t n);
void bd_wbufs_free(wbuf *bufs, size_t n);

#endif
