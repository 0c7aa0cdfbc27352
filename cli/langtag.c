/* Language tags on the command line and the script check of the texts
 * given with them (the library's bead_language_normalize and
 * bead_language_script_conflict, with the messages a user needs). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int cli_lang_code(const char *tag, size_t len, char out[16])
{
    char t[64];
    if (len >= sizeof t) {
        cli_error("unknown language '%.*s': use an ISO 639 code such as bg, de, en or id",
                  (int)len, tag);
        return 0;
    }
    memcpy(t, tag, len);
    t[len] = '\0';
    if (bead_language_normalize(t, out, 16))
        return 1;
    const char *p = t;
    while (*p == ' ')
        p++;
    cli_error("unknown language '%s': use an ISO 639 code that ICU knows, such as bg, de, "
              "en or id (tags such as en-US, pt_BR or eng are taken by their language)", p);
    return 0;
}

static int refuse(const char *path, const char *lang, const char *text, size_t len)
{
    const char *found, *expected;
    if (!bead_language_script_conflict(lang, text, len, &found, &expected))
        return 0;
    cli_error("%s: the text is in %s script, but its language is given as '%s', which is "
              "written in %s: check -l / -L (one code per file, in order), or give "
              "--force-lang to go on anyway",
              strcmp(path, "-") ? path : "<stdin>", found ? found : "another", lang,
              expected ? expected : "another script");
    return 1;
}

int cli_check_doc_script(const char *path, const bead_doc *doc)
{
    /* The first 64 KB of sentences are sample enough. */
    static char sample[1 << 16];
    size_t used = 0;
    for (size_t i = 0; i < bead_doc_size(doc) && used < sizeof sample - 1; i++) {
        size_t len;
        const char *t = bead_doc_text(doc, i, &len);
        if (len > sizeof sample - 1 - used)
            len = sizeof sample - 1 - used;
        memcpy(sample + used, t, len);
        used += len;
        sample[used++] = ' ';
    }
    return refuse(path, bead_doc_lang(doc), sample, used) ? -1 : 0;
}

int cli_check_file_script(const char *path, const char *lang)
{
    if (!strcmp(path, "-"))
        return 0;   /* standard input can be read once: the segmenter has it */
    /* Only a regular file can be read twice (a FIFO or /dev/zero would be
     * consumed or never end), and only its start is sampled. */
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    bead_input_options o;
    bead_input_options_init(&o);
    o.replace_invalid = 1;
    o.max_bytes = 1u << 20;
    bead_input *in = NULL;
    if (bead_input_open(&in, path, &o, NULL) != BEAD_OK)
        return 0;   /* the real read will say what is wrong */
    static char sample[1 << 16];
    size_t used = 0;
    const char *line;
    size_t len;
    uint64_t off;
    while (used < sizeof sample - 1 &&
           bead_input_next_line(in, &line, &len, &off, NULL) == BEAD_OK) {
        if (len > sizeof sample - 1 - used)
            len = sizeof sample - 1 - used;
        memcpy(sample + used, line, len);
        used += len;
        sample[used++] = ' ';
    }
    bead_input_free(in);
    return refuse(path, lang, sample, used) ? -1 : 0;
}
