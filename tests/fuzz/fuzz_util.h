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

/* 1 if the input opens as a format bead refuses by name (xz, zstd, bzip2,
 * UTF-16/32 by their byte-order marks), so that BEAD_ERR_FORMAT is the
 * right answer. Written out again rather than shared with core/detect.c, so
 * that the harness checks the library instead of repeating it. gzip: the
 * check runs on the decompressed text, which the harness does not see, so
 * any gzip input may be refused. */
static inline int fuzz_refused_format(const char *text, size_t len)
{
    static const struct { const char *b; size_t n; } sig[] = {
        {"\xFD" "7zXZ\0", 6}, {"\x28\xB5\x2F\xFD", 4}, {"\0\0\xFE\xFF", 4},
        {"\xFF\xFE", 2},     {"\xFE\xFF", 2},         {"\x1F\x8B", 2},
    };
    for (size_t k = 0; k < sizeof sig / sizeof *sig; k++)
        if (len >= sig[k].n && !memcmp(text, sig[k].b, sig[k].n))
            return 1;
    return len >= 10 && !memcmp(text, "BZh", 3) && text[3] >= '1' && text[3] <= '9';
}

static const char *const fuzz_langs[4] = {"bg", "de", "en", "id"};

#endif
