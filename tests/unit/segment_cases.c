/* Runs the segmentation cases of tests/segment/<lang>.cases (format in
 * tests/segment/README.md): each input must give exactly the expected
 * sentences, and lose no character. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "bead/segment.h"

typedef struct collected {
    char *buf;      /* sentences, each followed by '\n' */
    size_t len, cap;
    size_t count;
} collected;

static int collect(void *ctx, const bead_sentence *s)
{
    collected *c = ctx;
    if (c->len + s->len + 2 > c->cap) {
        c->cap = (c->len + s->len + 2) * 2;
        c->buf = realloc(c->buf, c->cap);
        if (!c->buf)
            return 1;
    }
    memcpy(c->buf + c->len, s->text, s->len);
    c->len += s->len;
    c->buf[c->len++] = '\n';
    c->buf[c->len] = '\0';
    c->count++;
    return 0;
}

/* Appends one input line, decoding \t \r \\ and \uXXXX. */
static void append_unescaped(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t need = *len + strlen(s) * 4 + 2;
    if (need > *cap) {
        *cap = need * 2;
        *buf = realloc(*buf, *cap);
    }
    char *o = *buf + *len;
    for (const char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) {
            *o++ = *p;
            continue;
        }
        p++;
        if (*p == 't') {
            *o++ = '\t';
        } else if (*p == 'r') {
            *o++ = '\r';
        } else if (*p == 'n') {
            *o++ = '\n';
        } else if (*p == 'u' && strlen(p) >= 5) {
            unsigned cp = (unsigned)strtoul((char[]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
            UChar u = (UChar)cp;
            int32_t n = 0;
            UErrorCode st = U_ZERO_ERROR;
            u_strToUTF8(o, 4, &n, &u, 1, &st);
            o += n;
            p += 4;
        } else {
            *o++ = *p;
        }
    }
    *len = (size_t)(o - *buf);
}

/* UTF-8 text without whitespace, NFC. */
static char *squeeze_nfc(const char *s, size_t len)
{
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &st);
    UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
    st = U_ZERO_ERROR;
    u_strFromUTF8(u, ulen + 1, &ulen, s, (int32_t)len, &st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    UChar *norm = malloc(((size_t)ulen * 3 + 1) * sizeof *norm);
    int32_t nlen = unorm2_normalize(nfc, u, ulen, norm, ulen * 3 + 1, &st);
    int32_t k = 0;
    for (int32_t i = 0; i < nlen; i++)
        if (!u_isUWhiteSpace(norm[i]) && norm[i] != 0xFEFF)
            norm[k++] = norm[i];
    char *out = malloc((size_t)k * 3 + 1);
    int32_t olen = 0;
    u_strToUTF8(out, k * 3 + 1, &olen, norm, k, &st);
    out[olen] = '\0';
    free(u);
    free(norm);
    if (U_FAILURE(st)) {
        free(out);
        return NULL;
    }
    return out;
}

static int run_case(const char *file, int line, const char *lang, const char *input,
                    size_t inlen, const char *expected)
{
    bead_segmenter *seg;
    bead_error err;
    if (bead_segmenter_create(&seg, lang, NULL, &err) != BEAD_OK) {
        fprintf(stderr, "%s:%d: segmenter for %s: %s\n", file, line, lang, err.message);
        return 1;
    }
    collected c = {NULL, 0, 0, 0};
    bead_status s = bead_segment_text(seg, input, inlen, collect, &c, &err);
    bead_segmenter_free(seg);
    int fail = 0;
    if (s != BEAD_OK) {
        fprintf(stderr, "%s:%d: %s\n", file, line, err.message);
        fail = 1;
    } else if (strcmp(c.buf ? c.buf : "", expected) != 0) {
        fprintf(stderr, "%s:%d: sentences differ\n--- expected\n%s--- got\n%s", file, line,
                expected, c.buf ? c.buf : "");
        fail = 1;
    } else {
        char *a = squeeze_nfc(input, inlen);
        char *b = squeeze_nfc(c.buf ? c.buf : "", c.len);
        if (!a || !b || strcmp(a, b) != 0) {
            fprintf(stderr, "%s:%d: characters lost or changed\n", file, line);
            fail = 1;
        }
        free(a);
        free(b);
    }
    free(c.buf);
    return fail;
}

static int run_file(const char *dir, const char *name, int *cases)
{
    char path[512], lang[16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(lang, sizeof lang, "%.*s", (int)(strchr(name, '.') - name), name);
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 1;
    }
    char line[8192];
    char *in = NULL, *exp = NULL;
    size_t inlen = 0, incap = 0, explen = 0, expcap = 0;
    int lineno = 0, start = 0, fails = 0, have = 0;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got) {
            lineno++;
            line[strcspn(line, "\n")] = '\0';
        }
        if (!got || line[0] == '\0') {
            if (have) {
                (*cases)++;
                fails += run_case(path, start, lang, in ? in : "", inlen, exp ? exp : "");
            }
            have = 0;
            inlen = explen = 0;
            if (exp)
                exp[0] = '\0';
            if (!got)
                break;
            continue;
        }
        if (line[0] == '#')
            continue;
        if (!have)
            start = lineno;
        have = 1;
        if (line[0] == '>') {
            append_unescaped(&in, &inlen, &incap, line[1] == ' ' ? line + 2 : line + 1);
            in[inlen++] = '\n';
            in[inlen] = '\0';
        } else {
            size_t l = strlen(line);
            if (explen + l + 2 > expcap) {
                expcap = (explen + l + 2) * 2;
                exp = realloc(exp, expcap);
            }
            memcpy(exp + explen, line, l);
            explen += l;
            exp[explen++] = '\n';
            exp[explen] = '\0';
        }
    }
    fclose(f);
    free(in);
    free(exp);
    return fails;
}

int main(void)
{
    const char *dir = "segment";
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    int fails = 0, cases = 0, files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 6 && strcmp(e->d_name + l - 6, ".cases") == 0) {
            files++;
            fails += run_file(dir, e->d_name, &cases);
        }
    }
    closedir(d);
    printf("%d cases in %d files, %d failed\n", cases, files, fails);
    return fails || cases == 0;
}
