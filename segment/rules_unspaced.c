/* Sentence ends in scripts written without spaces. The rules elsewhere
 * read "a terminal glued to the next letter" as one token ("Y!J",
 * "martyr.[1]") and keep it whole; in Chinese, Japanese or Thai nothing
 * separates sentences but the terminal itself, so ICU's boundary stands. */
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include "seg_internal.h"

static int unspaced_script(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    if (U_FAILURE(st))
        return 0;
    switch (sc) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
        return 1;
    default:
        return 0;
    }
}

int bd_seg_unspaced_end(UChar c, const UChar *t, int32_t n, int32_t p)
{
    switch (c) {
    case 0x3002:   /* 。 ideographic full stop */
    case 0xFF01:   /* ！ */
    case 0xFF1F:   /* ？ */
    case 0xFF61:   /* ｡ halfwidth ideographic full stop */
    case 0xFE52:   /* ﹒ small full stop */
        return 1;
    case '!':
    case '?':
    case 0x2026:
        break;
    default:
        return 0;   /* "." glued to a Han letter: "3.5" and "Y.J" stay */
    }
    UChar32 d;
    U16_GET(t, 0, p, n, d);
    return unspaced_script(d);
}
