/* dict_dir.c: which folder `--dict auto` reads, decided once for every
 * client. The library reads no environment, so the caller lends it a
 * lookup; the bead program passes getenv, the Python module os.environ.
 * The compiled-dictionary cache's folders belong beside this rule. */
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
