/* dict_hunalign.c: hunalign's dictionary format, one "target @ source" pair
 * a line (target first: hunalign's own order). Blank lines and lines
 * starting with # are skipped. */
#include <string.h>

#include "align/lexicon/lexicon_internal.h"

static const char *trim(const char *s, const char *e, const char **end)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    *end = e;
    return s;
}

bead_status bead_lexicon_load_hunalign(bead_lexicon *lex, const char *path, size_t *loaded,
                                       bead_error *err)
{
    if (loaded)
        *loaded = 0;
    if (!lex || !path)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bead_lexicon_load_hunalign: NULL argument");
    bead_input *in = NULL;
    bead_input_options opt;
    bead_input_options_init(&opt);
    /* A dictionary is a file: a FIFO might never end, /dev/zero never does. */
    opt.regular_only = 1;
    bead_status st = bead_input_open(&in, path, &opt, err);
    if (st != BEAD_OK)
        return st;
    size_t added = 0;
    const char *line;
    size_t len;
    uint64_t offset;
    while ((st = bead_input_next_line(in, &line, &len, &offset, err)) == BEAD_OK) {
        const char *end = line + len, *e;
        const char *s = trim(line, end, &e);
        if (s == e || *s == '#')
            continue;
        const char *at = memchr(s, '@', (size_t)(e - s));
        const char *te, *se;
        const char *t = at ? trim(s, at, &te) : NULL;
        const char *src = at ? trim(at + 1, e, &se) : NULL;
        if (!at || t == te || src == se) {
            st = bead_error_set(err, BEAD_ERR_FORMAT, (int64_t)offset,
                                (int64_t)bead_input_line_number(in),
                                "%s:%llu: expected \"target @ source\" (hunalign dictionary)",
                                path, (unsigned long long)bead_input_line_number(in));
            break;
        }
        long r = bd_lex_add_phrases(lex, src, (size_t)(se - src), t, (size_t)(te - t));
        if (r < 0) {
            st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            break;
        }
        added += (size_t)r;
    }
    bead_input_free(in);
    if (st != BEAD_DONE)
        return st;
    if (loaded)
        *loaded = added;
    return BEAD_OK;
}
