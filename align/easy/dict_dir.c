/* dict_dir.c: the folders of the dictionaries, decided once for every
 * client: which folder `--dict auto` reads (bead_dict_dir) and which one
 * holds the compiled dictionaries (bead_cache_dir). The library reads no
 * environment, so the caller lends it a lookup; the bead program passes
 * getenv, the Python module os.environ. */
#include <stdio.h>
#include <string.h>

#include "bead/easy.h"
#include "align/lexicon/lexicon_internal.h"

bead_status bead_dict_dir(bead_env_fn env, void *ctx, char *buf, size_t size, bead_error *err)
{
    if (!buf || !size)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_dict_dir: no buffer to write to");
    const char *dir = env ? env(ctx, "BEAD_DICT_DIR") : NULL;
    if (!dir || !*dir)
        dir = BD_DICT_DIR_DEFAULT;
    size_t len = strlen(dir);
    if (len >= size) {
        buf[0] = '\0';
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the dictionary folder '%.200s...' is %zu bytes long, over the "
                              "%zu bytes allowed: use a shorter BEAD_DICT_DIR", dir, len, size - 1);
    }
    memcpy(buf, dir, len + 1);
    return BEAD_OK;
}

bead_status bead_cache_dir(bead_env_fn env, void *ctx, char *buf, size_t size, bead_error *err)
{
    if (!buf || !size)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_cache_dir: no buffer to write to");
    buf[0] = '\0';
    /* A value is used before the next lookup: a lookup need keep only its
     * last answer alive (the Python module's does). */
    const char *own = env ? env(ctx, "BEAD_CACHE_DIR") : NULL;
    const char *xdg = NULL, *home = NULL, *tail = "", *which = "BEAD_CACHE_DIR";
    const char *base = NULL;
    if (own && *own) {
        if (!strcmp(own, "none"))
            return BEAD_OK;   /* caching turned off */
        base = own;
    } else if ((xdg = env ? env(ctx, "XDG_CACHE_HOME") : NULL) && *xdg == '/') {
        /* The XDG rule: a relative value is ignored. */
        base = xdg, tail = "/bead", which = "XDG_CACHE_HOME";
    } else if ((home = env ? env(ctx, "HOME") : NULL) && *home) {
        base = home, tail = "/.cache/bead", which = "HOME";
    } else {
        return BEAD_OK;       /* no home: nowhere to cache */
    }
    int n = snprintf(buf, size, "%s%s", base, tail);
    if (n < 0 || (size_t)n >= size) {
        buf[0] = '\0';
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "the cache folder '%.200s%s' is %d bytes long, over the %zu bytes "
                              "allowed: use a shorter %s, or BEAD_CACHE_DIR=none",
                              base, tail, n, size - 1, which);
    }
    return BEAD_OK;
}
