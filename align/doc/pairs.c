/* pairs.c: the one order of the pairs of N versions, (0,1), (0,2), ...,
 * (N-2,N-1), shared by the N-way aligner, the summary, the report and the
 * CLI's verdict lines (public: bead_align_multi's callers read it too). */
#include <stddef.h>

#include "align/doc/doc_internal.h"

size_t bead_pair_count(size_t n) { return n * (n - 1) / 2; }

size_t bead_pair_index(size_t a, size_t b, size_t n)
{
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    return a * n - a * (a + 1) / 2 + (b - a - 1);
}

void bead_pair_versions(size_t k, size_t n, size_t *a, size_t *b)
{
    size_t i = 0;
    while (k >= n - i - 1) {
        k -= n - i - 1;
        i++;
    }
    *a = i;
    *b = i + 1 + k;
}
