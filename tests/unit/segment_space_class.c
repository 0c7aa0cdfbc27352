/* seg_is_space answers from a bit mask for ASCII and asks ICU only where
 * White_Space characters can be: for every code point it must agree with
 * what it stands for, Unicode White_Space plus U+001C..U+001F. Fails when a
 * new ICU puts White_Space where the shortcut does not look. */
#include <stdio.h>
#include <unicode/uchar.h>

#include "../../segment/seg_internal.h"

int main(void)
{
    int bad = 0;
    for (UChar32 c = 0; c <= 0x10FFFF; c++) {
        int want = c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) ||
                   (c > 0x7F && u_isUWhiteSpace(c));
        if (seg_is_space(c) != want) {
            if (bad++ < 10)
                fprintf(stderr, "seg_is_space(U+%04X) = %d, want %d\n", (unsigned)c,
                        seg_is_space(c), want);
        }
    }
    if (seg_is_space(-1)) {
        fprintf(stderr, "seg_is_space(-1) is true\n");
        bad++;
    }
    if (bad)
        fprintf(stderr, "%d code points disagree\n", bad);
    return bad != 0;
}
