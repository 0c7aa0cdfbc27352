/* dict_cache.c: naming compiled dictionaries. A compiled file is valid for
 * one source (the dictionary files it was made from, as they were) and one
 * version of bead's key rules; the fingerprint says both in a few bytes, and
 * the cache path is derived from it, so a changed source or a newer bead
 * looks for another file and a stale one is never opened. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/fnv.h"
#include "align/lexicon/lexicon_internal.h"
#include "align/lexicon/lexicon_compiled.h"

/* Folds what identifies a file's contents without reading it: another
 * file, or the same one rewritten, changes the hash. A missing file hashes
 * as missing, so that installing it changes the fingerprint too. */
static uint64_t fold_file(uint64_t h, const char *path, int *found)
{
    struct stat st;
    char buf[160];
    int n;
    if (stat(path, &st) == 0) {
        *found = 1;
        n = snprintf(buf, sizeof buf, "%llu:%llu:%lld:%lld.%09ld;",
                     (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
                     (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                     (long)st.st_mtim.tv_nsec);
    } else {
        n = snprintf(buf, sizeof buf, "-;");
    }
    return bd_fnv1a(h, buf, (size_t)n);
}

static size_t render(const char *kind, const char *name, uint64_t h, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s %s k%d %016llx", kind, name, BD_LEX_KEY_RULES,
                     (unsigned long long)h);
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

size_t bead_freedict_fingerprint(const char *dir, const char *src_lang, const char *trg_lang,
                                 char *buf, size_t size)
{
    char s3[16], t3[16], path[4096], pair[40];
    if (size)
        buf[0] = '\0';
    if (!src_lang || !trg_lang || !bd_lex_iso3(src_lang, s3, sizeof s3) ||
        !bd_lex_iso3(trg_lang, t3, sizeof t3))
        return 0;
    if (!dir)
        dir = BD_DICT_DIR_DEFAULT;
    /* Every file bead_lexicon_load_freedict may read, both directions: the
     * reverse one is read or not by a rule on the forward one's size. */
    static const char *const suffix[] = {".index", ".dict.dz", ".dict"};
    uint64_t h = bd_fnv1a(BD_FNV_OFFSET, dir, strlen(dir));
    int found = 0;
    for (int dirn = 0; dirn < 2; dirn++)
        for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
            snprintf(path, sizeof path, "%s/freedict-%s-%s%s", dir, dirn ? t3 : s3,
                     dirn ? s3 : t3, suffix[i]);
            h = fold_file(h, path, &found);
        }
    if (!found)
        return 0;
    snprintf(pair, sizeof pair, "%s-%s", s3, t3);
    return render("freedict", pair, h, buf, size);
}

size_t bead_file_fingerprint(const char *path, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    int found = 0;
    uint64_t h = path ? fold_file(bd_fnv1a(BD_FNV_OFFSET, path, strlen(path)), path, &found)
                      : 0;
    if (!found)
        return 0;
    return render("file", "-", h, buf, size);
}

size_t bead_dict_cache_path(const char *cache_dir, const char *src_lang, const char *trg_lang,
                            const char *source, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (!cache_dir || !*cache_dir || !src_lang || !trg_lang || !source)
        return 0;
    char ver[32];
    snprintf(ver, sizeof ver, "|%d|%d", BD_LEXC_FORMAT, BD_LEX_KEY_RULES);
    uint64_t h = bd_fnv1a(bd_fnv1a(BD_FNV_OFFSET, source, strlen(source)), ver, strlen(ver));
    int n = snprintf(buf, size, "%s/%s-%s-%016llx.beadlex", cache_dir, src_lang, trg_lang,
                     (unsigned long long)h);
    if (n <= 0 || (size_t)n >= size) {
        if (size)
            buf[0] = '\0';
        return 0;
    }
    return (size_t)n;
}
