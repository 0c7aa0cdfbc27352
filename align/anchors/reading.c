/* What a text reads, for telling a copy from a translation: its letters
 * and digits (ASCII lowered, every byte of other scripts kept), without
 * spaces and punctuation. Two documents are copies of each other when most
 * of their sentences read like one on the other side; their alignment is
 * then judged on sameness, not on translation evidence (bd_copy_share is
 * read by the aligner, bd_reading_* by the verdict). */
#include <stdlib.h>
#include <string.h>

#include "core/fnv.h"
#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"

void bd_reading_init(bd_reading *r)
{
    r->hash = BD_FNV_OFFSET;   /* FNV-1a, of the bytes that count */
    r->bytes = 0;
}

void bd_reading_add(bd_reading *r, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        else if (c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
            continue;
        r->hash = (r->hash ^ c) * BD_FNV_PRIME;
        r->bytes++;
    }
}

static uint64_t sentence_reading(const bead_doc *d, size_t i)
{
    size_t len;
    const char *t = bead_doc_text(d, i, &len);
    bd_reading r;
    bd_reading_init(&r);
    bd_reading_add(&r, t, len);
    /* 0 for a sentence of punctuation alone: it reads nothing and copies
     * nothing. */
    return !r.bytes ? 0 : r.hash ? r.hash : 1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

double bd_copy_share(const bead_doc *src, size_t s0, size_t s1, const bead_doc *trg, size_t t0,
                     size_t t1)
{
    size_t ns = s1 - s0, nt = t1 - t0;
    if (ns == 0 || nt == 0)
        return 0.0;
    uint64_t *a = malloc(ns * sizeof *a), *b = malloc(nt * sizeof *b);
    if (!a || !b) {
        free(a);
        free(b);
        return 0.0;
    }
    for (size_t i = 0; i < ns; i++)
        a[i] = sentence_reading(src, s0 + i);
    for (size_t j = 0; j < nt; j++)
        b[j] = sentence_reading(trg, t0 + j);
    qsort(a, ns, sizeof *a, cmp_u64);
    qsort(b, nt, sizeof *b, cmp_u64);
    size_t i = 0, j = 0, same = 0;
    while (i < ns && j < nt) {
        if (a[i] < b[j] || a[i] == 0)
            i++;
        else if (b[j] < a[i])
            j++;
        else {
            same++;
            i++;
            j++;
        }
    }
    free(a);
    free(b);
    return 2.0 * (double)same / (double)(ns + nt);
}
