/* The hint for one-sentence-per-line input given without --presegmented:
 * bead joins a line that does not end a sentence to the next, so a file of
 * lines without final marks (headlines, subtitles, a lower-cased corpus)
 * silently loses its line structure. When the file became clearly fewer
 * sentences than it has lines, and it does not look like hard-wrapped prose
 * (most lines about as long as the longest, few ending a sentence), a line
 * on stderr says so. Only files are read twice: standard input can be read
 * once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int ends_sentence(const char *line, size_t len)
{
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    /* Closing quotes and brackets after the mark: ASCII, ” » ’ 」 』 ） */
    for (int again = 1; again && len;) {
        again = 0;
        unsigned char c = (unsigned char)line[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            len--;
            again = 1;
        } else {
            static const char *const closers[] = {"\xE2\x80\x9D", "\xC2\xBB", "\xE2\x80\x99",
                                                  "\xE3\x80\x8D", "\xE3\x80\x8F", "\xEF\xBC\x89"};
            for (size_t k = 0; k < sizeof closers / sizeof *closers; k++) {
                size_t l = strlen(closers[k]);
                if (len >= l && !memcmp(line + len - l, closers[k], l)) {
                    len -= l;
                    again = 1;
                    break;
                }
            }
        }
    }
    if (!len)
        return 0;
    char c = line[len - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
        return 1;
    static const char *const marks[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                                        "\xE2\x80\xA6"};   /* 。！？… */
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (len >= 3 && !memcmp(line + len - 3, marks[k], 3))
            return 1;
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

void cli_hint_presegmented(const char *path, uint64_t sentences)
{
    if (!path || !strcmp(path, "-"))
        return;
    bead_input_options o;
    bead_input_options_init(&o);
    o.replace_invalid = 1;
    bead_input *in = NULL;
    if (bead_input_open(&in, path, &o, NULL) != BEAD_OK)
        return;
    uint64_t lines = 0, ended = 0;
    /* Lengths of the first lines, enough to tell wrapped prose. */
    enum { SAMPLE = 65536 };
    size_t *lens = malloc(SAMPLE * sizeof *lens), nl = 0;
    const char *line;
    size_t len;
    uint64_t offset;
    while (lens && bead_input_next_line(in, &line, &len, &offset, NULL) == BEAD_OK) {
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
            k++;
        if (k == len)
            continue;
        lines++;
        ended += ends_sentence(line, len);
        if (nl < SAMPLE)
            lens[nl++] = len;
    }
    bead_input_free(in);
    int wrapped = 0;
    if (nl) {
        qsort(lens, nl, sizeof *lens, cmp_size);
        size_t p90 = lens[nl * 9 / 10], near = 0;
        for (size_t k = 0; k < nl; k++)
            near += lens[k] * 10 >= p90 * 7;
        wrapped = p90 <= 120 && near * 10 >= nl * 6 && ended * 2 < lines;
    }
    free(lens);
    if (lines >= 10 && !wrapped && sentences * 10 < lines * 9)
        cli_error("hint: %s has %llu lines but became %llu sentence(s): if it holds one "
                  "sentence per line, give --presegmented",
                  path, (unsigned long long)lines, (unsigned long long)sentences);
}
