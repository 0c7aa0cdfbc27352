/* The one assertion the unit tests share: CHECK(cond, printf-format, ...)
 * reports a failed condition with its place and counts it in `failures`,
 * which each test's main() returns (non-zero means the test failed). */
#ifndef BEAD_TEST_CHECK_H
#define BEAD_TEST_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond, ...)                                    \
    do {                                                    \
        if (!(cond)) {                                      \
            fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                   \
            fputc('\n', stderr);                            \
            failures++;                                     \
        }                                                   \
    } while (0)

#endif
