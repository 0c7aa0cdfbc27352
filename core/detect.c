/* Formats bead does not read, told by their first bytes. xz, bzip2 and
 * zstd files and UTF-16/32 text used to be reported as "invalid UTF-8 at
 * byte offset 0", which sends users looking for an encoding problem; the
 * message now names the format and the command that converts it. (bead
 * reads plain UTF-8 and gzip only: one decompressor keeps the input path
 * and its memory bound simple.) */
#include <string.h>

#include "core/detect.h"

typedef struct magic {
    const char *bytes;
    size_t len;
    const char *format, *convert;   /* convert: printf format, the name and the target */
} magic;

static const magic magics[] = {
    {"\xFD" "7zXZ\0", 6, "xz-compressed", "xz -dc '%s' > '%s'"},
    {"\x28\xB5\x2F\xFD", 4, "zstd-compressed", "zstd -dc '%s' > '%s'"},
    {"\xFF\xFE\0\0", 4, "UTF-32 (little-endian) text", "iconv -f UTF-32 -t UTF-8 '%s' > '%s'"},
    {"\0\0\xFE\xFF", 4, "UTF-32 (big-endian) text", "iconv -f UTF-32 -t UTF-8 '%s' > '%s'"},
    {"\xFF\xFE", 2, "UTF-16 (little-endian) text", "iconv -f UTF-16 -t UTF-8 '%s' > '%s'"},
    {"\xFE\xFF", 2, "UTF-16 (big-endian) text", "iconv -f UTF-16 -t UTF-8 '%s' > '%s'"},
};

/* "BZh" and a block size 1-9, then a block ("1AY&SY", pi) or the end of
 * the stream (sqrt(pi)): six more bytes, so that a text starting "BZh9" is
 * still text. */
static int is_bzip2(const unsigned char *b, size_t n)
{
    return n >= 10 && !memcmp(b, "BZh", 3) && b[3] >= '1' && b[3] <= '9' &&
           (!memcmp(b + 4, "1AY&SY", 6) || !memcmp(b + 4, "\x17\x72\x45\x38\x50\x90", 6));
}

bead_status bd_input_detect(const unsigned char *head, size_t n, const char *name,
                            bead_error *err)
{
    const char *format = NULL, *convert = NULL;
    for (size_t k = 0; k < sizeof magics / sizeof *magics && !format; k++)
        if (n >= magics[k].len && !memcmp(head, magics[k].bytes, magics[k].len)) {
            format = magics[k].format;
            convert = magics[k].convert;
        }
    if (!format && is_bzip2(head, n)) {
        format = "bzip2-compressed";
        convert = "bzip2 -dc '%s' > '%s'";
    }
    if (!format)
        return BEAD_OK;
    /* The converted file's name: without .xz/.bz2/.zst, else NAME.utf8. */
    const char *shown = strcmp(name, "<stdin>") ? name : "FILE";
    char target[200], cmd[512];
    size_t len = strlen(shown), cut = len;
    static const char *const exts[] = {".xz", ".bz2", ".zst", ".zstd"};
    for (size_t k = 0; k < sizeof exts / sizeof *exts; k++) {
        size_t el = strlen(exts[k]);
        if (len > el && !strcmp(shown + len - el, exts[k]))
            cut = len - el;
    }
    if (cut < len)
        snprintf(target, sizeof target, "%.*s", (int)cut, shown);
    else
        snprintf(target, sizeof target, "%.190s.utf8", shown);
    snprintf(cmd, sizeof cmd, convert, shown, target);
    return bead_error_set(err, BEAD_ERR_FORMAT, 0, 0,
                          "%s: %s, which bead does not read (it reads UTF-8 text, plain or "
                          "gzip); convert it first: %s", name, format, cmd);
}
