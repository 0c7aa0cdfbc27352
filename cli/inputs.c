/* What bead align and bead report share: the languages of their files, the
 * pivot and the documents. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int cli_check_stdin_once(char *const *files, int nfiles)
{
    /* "-" is read through a copy of descriptor 0, which shares its offset:
     * the second reader finds it at the end. /dev/stdin and the like reopen
     * it, which only gives the text again when it is a regular file. */
    struct stat in;
    int in_known = fstat(STDIN_FILENO, &in) == 0 && !S_ISREG(in.st_mode);
    int uses = 0;
    for (int v = 0; v < nfiles; v++) {
        struct stat st;
        if (!strcmp(files[v], "-"))
            uses++;
        else if (in_known && stat(files[v], &st) == 0 && st.st_dev == in.st_dev &&
                 st.st_ino == in.st_ino)
            uses++;
    }
    if (uses > 1) {
        cli_error("standard input can be read once: %d of the files are standard input; "
                  "save it to a file for the other uses", uses);
        return -1;
    }
    return 0;
}

int cli_parse_pivot(const char *arg, char langs[][16], int nfiles)
{
    if (!arg)
        return -1;
    if (*arg >= '0' && *arg <= '9') {
        uint64_t p;
        if (cli_parse_count("--pivot", arg, 0, (uint64_t)nfiles - 1, &p) == 0)
            return (int)p;
        return -2;
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
