/* Language tags as people write them, and the script a language is written
 * in. Users type "en-US", "pt_BR", "eng" or "bg, de"; bead wants the ISO 639
 * code ICU knows, so a tag is taken by its primary language, canonicalised
 * by ICU (which maps the three-letter codes it knows: eng -> en). The
 * script check catches swapped -L lists ("-L de,bg" on a Bulgarian and a
 * German file), which otherwise align without a word. */
#include <ctype.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "bead/bead.h"

int bead_language_normalize(const char *tag, char *buf, size_t bufsize)
{
    if (!tag || !buf || bufsize < 4)
        return 0;
    while (isspace((unsigned char)*tag))
        tag++;
    char primary[16];
    size_t n = 0;
    /* The primary subtag ends at "-" (BCP 47), "_" (POSIX), "." (charset)
     * or "@" (modifier). */
    while (tag[n] && !strchr("-_.@", tag[n]) && !isspace((unsigned char)tag[n])) {
        if (n + 1 >= sizeof primary || !isalpha((unsigned char)tag[n]))
            return 0;
        primary[n] = (char)tolower((unsigned char)tag[n]);
        n++;
    }
    primary[n] = '\0';
    for (const char *rest = tag + n; *rest; rest++)
        if (isspace((unsigned char)*rest)) {   /* only trailing spaces */
            while (isspace((unsigned char)*rest))
                rest++;
            if (*rest)
                return 0;
            break;
        }
    if (n < 2 || n > 3)
        return 0;
    if (bead_language_known(primary)) {
        snprintf(buf, bufsize, "%s", primary);
        return 1;
    }
    char canon[32], lang[16];
    UErrorCode st = U_ZERO_ERROR;
    uloc_canonicalize(primary, canon, sizeof canon, &st);
    uloc_getLanguage(canon, lang, sizeof lang, &st);
    if (U_FAILURE(st) || !bead_language_known(lang) || strlen(lang) + 1 > bufsize)
        return 0;
    snprintf(buf, bufsize, "%s", lang);
    return 1;
}

/* Languages written in more than one script in everyday use: their text is
 * never refused for its script. */
static int several_scripts(const char *lang)
{
    static const char *const list[] = {"sr", "bs", "sh", "uz", "az", "kk", "ky", "tk", "mn",
                                       "ku", "pa", "sd", "tt", "ug", "ha", "ms", "jv", "su",
                                       "ks", "ff", "shi", "vai", NULL};
    for (const char *const *l = list; *l; l++)
        if (!strcmp(*l, lang))
            return 1;
    return 0;
}

/* Whether a letter of script sc counts as the script named by the likely
 * subtag code (Hans, Jpan, Kore are mixtures). */
static int script_fits(UScriptCode sc, UScriptCode want, const char *code)
{
    if (sc == want)
        return 1;
    if (!strcmp(code, "Hans") || !strcmp(code, "Hant"))
        return sc == USCRIPT_HAN;
    if (!strcmp(code, "Jpan"))
        return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
    if (!strcmp(code, "Kore"))
        return sc == USCRIPT_HANGUL || sc == USCRIPT_HAN;
    return 0;
}

int bead_language_script_conflict(const char *lang, const char *text, size_t len,
                                  const char **found, const char **expected)
{
    if (found)
        *found = NULL;
    if (expected)
        *expected = NULL;
    if (!lang || !text || several_scripts(lang))
        return 0;
    char likely[64], code[16];
    UErrorCode st = U_ZERO_ERROR;
    uloc_addLikelySubtags(lang, likely, sizeof likely, &st);
    int32_t cl = uloc_getScript(likely, code, sizeof code, &st);
    if (U_FAILURE(st) || cl <= 0)
        return 0;   /* ICU does not know: nothing to check against */
    int32_t wv = u_getPropertyValueEnum(UCHAR_SCRIPT, code);
    if (wv == UCHAR_INVALID_CODE && strcmp(code, "Hans") && strcmp(code, "Hant") &&
        strcmp(code, "Jpan") && strcmp(code, "Kore"))
        return 0;
    UScriptCode want = (UScriptCode)wv;
    /* Count the letters (not digits, punctuation or shared characters). */
    enum { NSCRIPTS = 256 };
    unsigned counts[NSCRIPTS] = {0};
    unsigned letters = 0, fitting = 0;
    for (int32_t i = 0; i < (int32_t)len && letters < 20000;) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)len, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &e);
        if (U_FAILURE(e) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED)
            continue;
        letters++;
        fitting += script_fits(sc, want, code);
        if ((int)sc >= 0 && (int)sc < NSCRIPTS)
            counts[sc]++;
    }
    UScriptCode top = USCRIPT_COMMON;
    for (int s = 0; s < NSCRIPTS; s++)
        if (counts[s] > counts[top])
            top = (UScriptCode)s;
    if (expected)
        *expected = wv != UCHAR_INVALID_CODE ? uscript_getName(want) : code;
    if (found && counts[top])
        *found = uscript_getName(top);
    /* Refused only when clear: enough letters, hardly any in the language's
     * script, most in another one (quotations and names stay fine). */
    return letters >= 20 && fitting * 10 < letters && counts[top] * 2 > letters;
}
