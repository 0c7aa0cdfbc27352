/* fnv.h: FNV-1a, the one 64-bit hash of bytes that every layer's tables and
 * fingerprints use (anchor keys, lexicon strings, document fingerprints,
 * dictionary cache names, saved match indexes). Fast and well spread for
 * short keys; not meant to stand up to an adversary. Not installed. */
#ifndef BEAD_CORE_FNV_H
#define BEAD_CORE_FNV_H

#include <stddef.h>
#include <stdint.h>

#define BD_FNV_OFFSET 1469598103934665603ull
#define BD_FNV_PRIME 1099511628211ull

/* h (BD_FNV_OFFSET to start) with the len bytes at p folded in. */
static inline uint64_t bd_fnv1a(uint64_t h, const void *p, size_t len)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++) {
        h ^= b[i];
        h *= BD_FNV_PRIME;
    }
    return h;
}

#endif
