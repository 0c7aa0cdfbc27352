/* Sorting the few ids of one sentence, which the features and the learned
 * lexicon do hundreds of thousands of times: insertion sort up to a few
 * dozen, where qsort's set-up and indirect compares cost more than the
 * sort. */
#include <stdlib.h>

#include "align/lexicon/lexicon_internal.h"

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void bd_ids_sort(uint32_t *ids, size_t n)
{
    if (n > 32) {
        qsort(ids, n, sizeof *ids, cmp_u32);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t v = ids[i];
        size_t k = i;
        for (; k > 0 && ids[k - 1] > v; k--)
            ids[k] = ids[k - 1];
        ids[k] = v;
    }
}
