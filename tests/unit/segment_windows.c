/* Windowed segmentation of long paragraphs: with a small window_bytes, no
 * character may be lost or duplicated at a window's edge, offsets must
 * follow each other, and on ordinary prose the sentences must equal those of
 * one big window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bead/segment.h"

typedef struct collected {
    char *buf;
    size_t len, cap, count;
    uint64_t last_end;
    int bad_offsets;
} collected;

static int collect(void *ctx, const bead_sentence *s)
{
    collected *c = ctx;
    if (c->len + s->len + 2 > c->cap) {
        c->cap = (c->len + s->len + 2) * 2;
        if (!(c->buf = realloc(c->buf, c->cap)))
            return 1;
    }
    memcpy(c->buf + c->len, s->text, s->len);
    c->len += s->len;
    c->buf[c->len++] = '\n';
    c->count++;
    if (s->start < c->last_end || s->end < s->start)
        c->bad_offsets = 1;
    c->last_end = s->end;
    return 0;
}

static char *squeeze(const char *s, size_t len, size_t *out)
{
    char *r = malloc(len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \n\t\r", s[i]))
            r[k++] = s[i];
    r[k] = '\0';
    *out = k;
    return r;
}

static int run(const char *lang, const char *text, size_t len, size_t window, collected *c)
{
    bead_segment_options opt;
    bead_segment_options_init(&opt);
    opt.window_bytes = window;
    bead_segmenter *seg;
    bead_error err;
    memset(c, 0, sizeof *c);
    if (bead_segmenter_create(&seg, lang, &opt, &err) != BEAD_OK ||
        bead_segment_text(seg, text, len, collect, c, &err) != BEAD_OK) {
        fprintf(stderr, "segmenting failed: %s\n", err.message);
        return 1;
    }
    bead_segmenter_free(seg);
    return 0;
}

static int check(const char *name, const char *lang, const char *text, size_t len,
                 size_t window, int same_as_big)
{
    collected small, big;
    if (run(lang, text, len, window, &small) || run(lang, text, len, 0, &big))
        return 1;
    size_t la, lb;
    char *a = squeeze(text, len, &la), *b = squeeze(small.buf, small.len, &lb);
    int fail = 0;
    if (la != lb || memcmp(a, b, la) != 0) {
        fprintf(stderr, "%s: characters lost or duplicated (%zu vs %zu)\n", name, la, lb);
        fail = 1;
    }
    if (small.bad_offsets) {
        fprintf(stderr, "%s: sentence offsets overlap or go backwards\n", name);
        fail = 1;
    }
    if (same_as_big && (small.len != big.len || memcmp(small.buf, big.buf, big.len) != 0)) {
        fprintf(stderr, "%s: window %zu splits differently from one window\n", name, window);
        fail = 1;
    }
    free(a);
    free(b);
    free(small.buf);
    free(big.buf);
    return fail;
}

int main(void)
{
    static const char *const sentences[] = {
        "Dr. Smith went to Washington. ",
        "The U.S. Army, e.g. its engineers, built 3.5 km of road… ",
        "„Das ist gut“, sagte er am 3. Oktober. ",
        "Майката даде играчка на детето. - Реже нещо. ",
        "Café au lait costs 2,50 € in Noël's shop! ",
        "Is it 😀 or 🙂? ",
    };
    size_t cap = 200000, len = 0;
    char *text = malloc(cap);
    for (size_t i = 0; len + 200 < cap; i++) {
        const char *s = sentences[(i * 7) % 6];
        memcpy(text + len, s, strlen(s));
        len += strlen(s);
    }
    int fails = 0;
    for (size_t w = 2048; w <= 16384; w *= 2)
        fails += check("prose", "en", text, len, w + 13, 1);
    /* One "sentence" far longer than the window: cut at spaces, nothing lost. */
    for (size_t i = 0; i < len; i++)
        if (text[i] == '.' || text[i] == '!' || text[i] == '?')
            text[i] = ',';
    fails += check("one long sentence", "en", text, len, 3000, 0);
    /* No space at all: cut anywhere, but never inside a character. */
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ')
            text[k++] = text[i];
    fails += check("no spaces", "de", text, k, 2500, 0);
    free(text);
    printf("windows: %d failed\n", fails);
    return fails != 0;
}
