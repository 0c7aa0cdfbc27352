/* Language codes: checked against ICU's list, or read off a file name. */
#include <ctype.h>
#include <string.h>
#include <unicode/uloc.h>

#include "bead/bead.h"
#include "core/lang_internal.h"

int bead_language_known(const char *code)
{
    if (!code || !*code)
        return 0;
    size_t n = strlen(code);
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!islower((unsigned char)code[i]))
            return 0;
    for (const char *const *l = uloc_getISOLanguages(); *l; l++)
        if (strcmp(*l, code) == 0)
            return 1;
    return 0;
}

int bd_lang_capitalises_nouns(const char *lang)
{
    return lang && (!strcmp(lang, "de") || !strcmp(lang, "lb") || !strcmp(lang, "gsw"));
}

int bead_language_from_path(const char *path, char *buf, size_t bufsize)
{
    if (!path || bufsize < 4)
        return 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strchr(base, '.');
    if (!dot)
        return 0;
    size_t n = (size_t)(dot - base);
    if (n < 2 || n > 3)
        return 0;
    char code[4];
    for (size_t i = 0; i < n; i++)
        code[i] = (char)tolower((unsigned char)base[i]);
    code[n] = '\0';
    if (!bead_language_known(code))
        return 0;
    memcpy(buf, code, n + 1);
    return 1;
}
