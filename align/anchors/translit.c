/* Transliteration of words to Latin-ASCII lower case through ICU utrans,
 * so that names and cognates can be compared across scripts. Opening a
 * transliterator costs milliseconds, so each aligner keeps its own, one per
 * language, and remembers every word it has converted. */
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"

#define MAX_LANGS 8
/* Words remembered at most: an aligner lives through every job of a batch
 * worker (and every input of a fuzzer), so its cache is emptied when it
 * reaches this size instead of growing with all the words it ever met.
 * About 40 MB; results do not change, only the time to convert again. */
#define CACHE_MAX_WORDS (512u * 1024)

struct translit {
    char lang[MAX_LANGS][16];
    UTransliterator *trans[MAX_LANGS];
    int failed[MAX_LANGS];
    size_t nlangs;
    key_table *cache;        /* "lang\1word" -> label = transliteration */
};

const char *bd_translit_rule(const char *lang)
{
    /* BGN/PCGN romanisations are what English-language news use for names;
     * Any-Latin would give scholarly forms (Săliván) for Bulgarian. */
    if (!strcmp(lang, "bg"))
        return "Bulgarian-Latin/BGN; Latin-ASCII; Lower";
    if (!strcmp(lang, "ru"))
        return "Russian-Latin/BGN; Latin-ASCII; Lower";
    if (!strcmp(lang, "uk"))
        return "Ukrainian-Latin/BGN; Latin-ASCII; Lower";
    return "Any-Latin; Latin-ASCII; Lower";
}

translit *bd_translit_create(void)
{
    translit *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cache = bd_key_table_create();
    if (!t->cache) {
        free(t);
        return NULL;
    }
    return t;
}

void bd_translit_free(translit *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nlangs; i++)
        if (t->trans[i])
            utrans_close(t->trans[i]);
    bd_key_table_free(t->cache);
    free(t);
}

static UTransliterator *get_trans(translit *t, const char *lang)
{
    for (size_t i = 0; i < t->nlangs; i++)
        if (!strcmp(t->lang[i], lang))
            return t->failed[i] ? NULL : t->trans[i];
    if (t->nlangs == MAX_LANGS)
        return NULL;
    size_t i = t->nlangs++;
    snprintf(t->lang[i], sizeof t->lang[i], "%s", lang);
    UChar id[128];
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(id, 128, NULL, bd_translit_rule(lang), -1, &st);
    UParseError pe;
    if (U_SUCCESS(st))
        t->trans[i] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &st);
    if (U_FAILURE(st)) {
        /* A language without a BGN rule in this ICU: fall back to Any-Latin. */
        st = U_ZERO_ERROR;
        u_strFromUTF8(id, 128, NULL, "Any-Latin; Latin-ASCII; Lower", -1, &st);
        t->trans[i] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &st);
    }
    if (U_FAILURE(st)) {
        t->trans[i] = NULL;
        t->failed[i] = 1;
    }
    return t->trans[i];
}

/* Keeps [a-z0-9] only, so the result is a plain key. */
static size_t keep_alnum(const char *s, size_t len, char *buf, size_t bufsize)
{
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < bufsize; i++) {
        char ch = s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            buf[k++] = ch;
    }
    buf[k] = '\0';
    return k;
}

/* s into buf, cut to bufsize - 1 bytes and NUL terminated (bufsize > 0);
 * its length. (snprintf's "%s" did this at a tenth of the speed, on a path
 * every word of a document takes.) */
static size_t copy_out(char *buf, size_t bufsize, const char *s)
{
    size_t n = strlen(s);
    if (n >= bufsize)
        n = bufsize - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return n;
}

size_t bd_translit_word(translit *t, const char *lang, const char *word, size_t len, char *buf,
                     size_t bufsize)
{
    if (bufsize == 0)
        return 0;
    buf[0] = '\0';
    char keybuf[256];
    size_t ll = strlen(lang);
    if (ll + 1 + len > sizeof keybuf || len > 120)
        return 0;
    memcpy(keybuf, lang, ll);
    keybuf[ll] = '\1';
    memcpy(keybuf + ll + 1, word, len);
    size_t klen = ll + 1 + len;
    int64_t id = bd_key_table_find(t->cache, keybuf, klen);
    if (id >= 0) {
        return copy_out(buf, bufsize, bd_key_table_label(t->cache, (uint32_t)id));
    }
    /* Plain ASCII needs no ICU. */
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)word[i] >= 0x80)
            ascii = 0;
    char out[512];
    size_t outlen = 0;
    if (ascii) {
        outlen = keep_alnum(word, len, out, sizeof out);
    } else {
        UTransliterator *tr = get_trans(t, lang);
        UChar u[512];
        int32_t ulen = 0;
        UErrorCode st = U_ZERO_ERROR;
        u_strFromUTF8(u, 256, &ulen, word, (int32_t)len, &st);
        if (tr && U_SUCCESS(st)) {
            int32_t limit = ulen;
            utrans_transUChars(tr, u, &ulen, 512, 0, &limit, &st);
        }
        if (U_SUCCESS(st)) {
            char tmp[1024];
            int32_t tlen = 0;
            u_strToUTF8(tmp, sizeof tmp, &tlen, u, ulen, &st);
            if (U_SUCCESS(st))
                outlen = keep_alnum(tmp, (size_t)tlen, out, sizeof out);
        }
    }
    if (bd_key_table_size(t->cache) >= CACHE_MAX_WORDS) {
        key_table *fresh = bd_key_table_create();
        if (fresh) {
            bd_key_table_free(t->cache);
            t->cache = fresh;
        }
    }
    bd_key_table_intern(t->cache, keybuf, klen, out, outlen);
    return copy_out(buf, bufsize, out);
}
