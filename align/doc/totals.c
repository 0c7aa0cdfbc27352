/* totals.c: what the outputs say about an alignment as a whole, defined
 * once for all of them (the summary JSON, batch records, the verdict):
 * units per shape, and the mean score of the units that pair sentences. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "align/doc/doc_internal.h"

size_t bd_unit_shape(const bead_alignment *al, size_t i, char *buf)
{
    size_t nv = bead_alignment_nversions(al), len = 0;
    buf[0] = '\0';
    for (size_t v = 0; v < nv; v++) {
        size_t begin, count;
        bead_alignment_range(al, i, v, &begin, &count);
        len += (size_t)snprintf(buf + len, BD_SHAPE_SIZE(nv) - len, v ? "-%zu" : "%zu", count);
    }
    return len;
}

/* 1-0 and 0-1 units score how sure the aligner is that a sentence has no
 * counterpart, not a translation: a mean over them would call two texts
 * that share nothing well aligned. */
double bead_alignment_mean_score(const bead_alignment *al)
{
    size_t n = bead_alignment_size(al), nv = bead_alignment_nversions(al), paired = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        size_t present = 0;
        for (size_t v = 0; v < nv && present < 2; v++) {
            size_t begin, count;
            bead_alignment_range(al, i, v, &begin, &count);
            present += count > 0;
        }
        if (present >= 2) {
            sum += bead_alignment_score(al, i);
            paired++;
        }
    }
    return paired ? sum / (double)paired : 0.0;
}

void bead_shape_counts_free(bead_shape_count *counts, size_t n)
{
    if (!counts)
        return;
    for (size_t k = 0; k < n; k++)
        free(counts[k].name);
    free(counts);
}

/* Appends shape name with count 0; -1 when out of memory. */
static int add_shape(bead_shape_count **list, size_t *n, size_t *cap, const char *name)
{
    if (array_grow((void **)list, cap, *n + 1, sizeof **list, 16))
        return -1;
    char *copy = strdup(name);
    if (!copy)
        return -1;
    (*list)[(*n)++] = (bead_shape_count){copy, 0};
    return 0;
}

/* A pair's units are nearly always of the eight types, found by index;
 * other shapes (and N versions') by name, of which there are few. */
bead_status bead_alignment_shape_counts(const bead_alignment *al, bead_shape_count **out,
                                        size_t *nout, bead_error *err)
{
    *out = NULL;
    *nout = 0;
    size_t nv = bead_alignment_nversions(al), n = bead_alignment_size(al), len = 0, cap = 0;
    bead_shape_count *list = NULL;
    char *name = malloc(BD_SHAPE_SIZE(nv));
    int ok = name != NULL;
    /* The eight types bead has always had keep their keys; those of five
     * sentences (rare) are listed only when they occur, as other shapes. */
    size_t ntypes = nv == 2 ? BEAD_2_3 : 0;
    for (size_t t = 0; ok && t < ntypes; t++)
        ok = add_shape(&list, &len, &cap, bead_type_name((bead_type)t)) == 0;
    for (size_t i = 0; ok && i < n; i++) {
        size_t k = ntypes;
        if (ntypes) {
            size_t b0, c0, b1, c1;
            bead_alignment_range(al, i, 0, &b0, &c0);
            bead_alignment_range(al, i, 1, &b1, &c1);
            for (k = 0; k < ntypes; k++)
                if ((size_t)bd_type_src[k] == c0 && (size_t)bd_type_trg[k] == c1)
                    break;
        }
        if (k == ntypes) {
            bd_unit_shape(al, i, name);
            for (k = ntypes; k < len && strcmp(list[k].name, name); k++)
                ;
            if (k == len)
                ok = add_shape(&list, &len, &cap, name) == 0;
        }
        if (ok)
            list[k].count++;
    }
    free(name);
    if (!ok) {
        bead_shape_counts_free(list, len);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    *out = list;
    *nout = len;
    return BEAD_OK;
}
