/* The segmenter's shortcuts past ICU hold for every code point, so they
 * fail here, not silently, if a new ICU moves a property they rely on:
 *  - seg_is_space answers from a bit mask for ASCII and asks ICU only where
 *    White_Space characters can be; it must agree with Unicode White_Space
 *    plus U+001C..U+001F;
 *  - the window loader takes every character below U+0300 to be NFC
 *    quick-check "yes" with combining class 0, and asks ICU only above. */
#include <stdio.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "segment/seg_internal.h"

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
    for (UChar32 c = 0; c < 0x300; c++) {
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
            u_getCombiningClass(c) != 0) {
            fprintf(stderr, "U+%04X is below U+0300 but not NFC-yes with class 0\n",
                    (unsigned)c);
            bad++;
        }
    }
    if (seg_is_space(-1)) {
        fprintf(stderr, "seg_is_space(-1) is true\n");
        bad++;
    }
    if (bad)
        fprintf(stderr, "%d failures\n", bad);
    return bad != 0;
}
