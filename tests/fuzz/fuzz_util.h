/* Small helpers shared by the fuzz harnesses (header-only, so that each
 * harness stays one translation unit plus replay_main.c). */
#ifndef BEAD_FUZZ_UTIL_H
#define BEAD_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken property: say which, and abort so that libFuzzer keeps the input
 * and ctest's replay fails. */
#define FUZZ_CHECK(cond, ...)                                               \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "fuzz check failed (%s:%d): %s: ", __FILE__,    \
                    __LINE__, #cond);                                       \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)

static inline int fuzz_valid_utf8(const char *s, size_t len)
{
    int32_t i = 0, n = (int32_t)len;
    if ((size_t)n != len)
        return 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            return 0;
    }
    return 1;
}

/* 1 if the len bytes at s contain the string needle. */
static inline int fuzz_contains(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n <= len && i <= len - n; i++)
        if (!memcmp(s + i, needle, n))
            return 1;
    return 0;
}

static const char *const fuzz_langs[4] = {"bg", "de", "en", "id"};

#endif
