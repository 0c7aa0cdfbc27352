/* grow.h: the growing arrays of align/ (documents, alignments). Not
 * installed. */
#ifndef BEAD_ALIGN_GROW_H
#define BEAD_ALIGN_GROW_H

#include <stdlib.h>

/* Makes room for need elements of elem bytes in *p, whose capacity is *cap,
 * by doubling from first. 0, or -1 when out of memory (then *p and *cap are
 * unchanged). */
static inline int array_grow(void **p, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : first;
    while (ncap < need)
        ncap *= 2;
    void *np = realloc(*p, ncap * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = ncap;
    return 0;
}

#endif
