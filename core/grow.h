/* grow.h: the one way a growing array grows, in every layer (core, segment,
 * align). Not installed. */
#ifndef BEAD_CORE_GROW_H
#define BEAD_CORE_GROW_H

#include <stdint.h>
#include <stdlib.h>

/* Makes room for need elements of elem bytes in *p, whose capacity is *cap,
 * by doubling from first (> 0): amortised constant time per element. 0, or
 * -1 when out of memory or the size overflows (then *p and *cap are
 * unchanged). */
static inline int array_grow(void **p, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : first;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem)
        return -1;
    void *np = realloc(*p, ncap * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = ncap;
    return 0;
}

#endif
