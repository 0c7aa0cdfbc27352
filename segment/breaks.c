/* A growable, sortable list of break positions. */
#include <stdlib.h>

#include "core/grow.h"
#include "seg_internal.h"

int bd_seg_breaks_push(seg_breaks *b, int32_t pos)
{
    if (array_grow((void **)&b->pos, &b->cap, b->n + 1, sizeof *b->pos, 64))
        return 0;
    b->pos[b->n++] = pos;
    return 1;
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

void bd_seg_breaks_sort_unique(seg_breaks *b)
{
    if (b->n < 2)
        return;
    int sorted = 1;
    for (size_t i = 1; i < b->n && sorted; i++)
        sorted = b->pos[i - 1] < b->pos[i];
    if (sorted)
        return;
    qsort(b->pos, b->n, sizeof *b->pos, cmp_i32);
    size_t o = 1;
    for (size_t i = 1; i < b->n; i++)
        if (b->pos[i] != b->pos[o - 1])
            b->pos[o++] = b->pos[i];
    b->n = o;
}
