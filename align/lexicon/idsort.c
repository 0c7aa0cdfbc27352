/* Sorting the few ids of one sentence, which the features and the learned
 * lexicon do hundreds of thousands of times: insertion sort up to a few
 * dozen, where qsort's set-up and indirect compares cost more than the
 * sort. And sorting the many keys of a document (bd_keys64_sort): a radix
 * sort, a few passes over the array instead of qsort's n log n indirect
 * compares. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void bd_keys64_sort(uint64_t *v, size_t n, int bits)
{
    uint64_t *tmp = n > 64 ? malloc(n * sizeof *tmp) : NULL;
    if (!tmp) {   /* small, or no room: qsort sorts the same */
        if (n > 1)
            qsort(v, n, sizeof *v, cmp_u64);
        return;
    }
    /* Least significant byte first, from the lowest byte that counts; a
     * byte every value shares is skipped. Stable, so the result is in
     * order of the bytes sorted. */
    uint64_t *from = v, *to = tmp;
    for (int shift = 64 - bits; shift < 64; shift += 8) {
        size_t count[257];
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++)
            count[((from[i] >> shift) & 0xFF) + 1]++;
        if (count[((from[0] >> shift) & 0xFF) + 1] == n)
            continue;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        uint64_t *t = from;
        from = to;
        to = t;
    }
    if (from != v)
        memcpy(v, from, n * sizeof *v);
    free(tmp);
}
