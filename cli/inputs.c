/* What bead align and bead report share: the languages of their files, the
 * pivot and the documents. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_langs_for_files(const char *langlist, char *const *files, int nfiles, char langs[][16])
{
    if (!langlist) {
        for (int v = 0; v < nfiles; v++)
            if (!cli_lang_for(files[v], NULL, langs[v], sizeof langs[v]))
                return -1;
        return 0;
    }
    int nl = cli_parse_langs(langlist, langs, MAX_VERSIONS);
    if (nl < 0)
        return -1;
    if (nl != nfiles) {
        cli_error("-L gives %d language(s) for %d files: give one per file, in order", nl,
                  nfiles);
        return -1;
    }
    return 0;
}

int cli_parse_pivot(const char *arg, char langs[][16], int nfiles)
{
    if (!arg)
        return -1;
    char *end;
    long p = strtol(arg, &end, 10);
    if (*arg && !*end) {
        if (p >= 0 && p < nfiles)
            return (int)p;
    } else {
        for (int v = 0; v < nfiles; v++)
            if (!strcmp(langs[v], arg))
                return v;
    }
    cli_error("--pivot %s is neither a language of the files nor a position 0-%d", arg,
              nfiles - 1);
    return -2;
}

bead_status cli_load_doc(bead_doc **out, const char *path, const char *lang,
                         const bead_load_options *opt, bead_error *err)
{
    uint64_t replaced = 0;
    bead_load_options o = *opt;
    o.replaced = &replaced;
    bead_status s = bead_doc_load(out, path, lang, &o, err);
    if (s == BEAD_OK && replaced)
        cli_error("%s: replaced %llu invalid UTF-8 sequence(s) or NUL byte(s) with U+FFFD",
                  strcmp(path, "-") ? path : "<stdin>", (unsigned long long)replaced);
    return s;
}

int cli_parse_limit(const char *option, const char *arg, uint64_t *out)
{
    if (cli_parse_size(arg, out) == 0)
        return 0;
    cli_error("%s wants a number such as 5000 or 100M, not '%s'", option, arg);
    return -1;
}

int cli_parse_mode(const char *arg, bead_mode *mode)
{
    if (!strcmp(arg, "auto"))
        *mode = BEAD_MODE_AUTO;
    else if (!strcmp(arg, "align"))
        *mode = BEAD_MODE_ALIGN;
    else if (!strcmp(arg, "mine"))
        *mode = BEAD_MODE_MINE;
    else {
        cli_error("--mode wants auto, align or mine, not '%s'", arg);
        return -1;
    }
    return 0;
}
