/* bead_segment_buffer: a buffer's sentences as one array, for callers (the
 * Python module, short scripts) that want a list back rather than a
 * callback. The sentences are collected as offsets into one growing text
 * arena, then packed with the array into a single block, so that the
 * caller frees one pointer and no sentence text moves after it is handed
 * out. */
#include <string.h>

#include "bead/segment.h"
#include "core/grow.h"

typedef struct collected {
    bead_sentence *items;   /* .text holds the offset into chars until packed */
    size_t n, cap;
    char *chars;
    size_t nchars, chars_cap;
} collected;

static int collect(void *ctx, const bead_sentence *s)
{
    collected *c = ctx;
    if (array_grow((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items, 64) ||
        s->len > SIZE_MAX - c->nchars - 1 ||
        array_grow((void **)&c->chars, &c->chars_cap, c->nchars + s->len + 1, 1, 4096))
        return 1;
    bead_sentence *d = &c->items[c->n++];
    *d = *s;
    d->text = (const char *)(uintptr_t)c->nchars;
    memcpy(c->chars + c->nchars, s->text, s->len);
    c->nchars += s->len;
    c->chars[c->nchars++] = '\0';
    return 0;
}

/* The array followed by the texts, in one allocation. */
static bead_sentence *pack(const collected *c)
{
    size_t head = c->n * sizeof *c->items;
    char *block = malloc(head + c->nchars);
    if (!block)
        return NULL;
    bead_sentence *out = (bead_sentence *)block;
    memcpy(out, c->items, head);
    memcpy(block + head, c->chars, c->nchars);
    for (size_t i = 0; i < c->n; i++)
        out[i].text = block + head + (size_t)(uintptr_t)c->items[i].text;
    return out;
}

bead_status bead_segment_buffer(const char *text, size_t len, const char *lang,
                                const bead_segment_options *opt, bead_sentence **out,
                                size_t *n, bead_error *err)
{
    if (!out || !n)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_segment_buffer needs somewhere to put the sentences");
    *out = NULL;
    *n = 0;
    if (!text && len)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "bead_segment_buffer was handed no text but a length of %zu",
                              len);
    bead_segmenter *seg = NULL;
    bead_status s = bead_segmenter_create(&seg, lang, opt, err);
    if (s != BEAD_OK)
        return s;
    collected c = {0};
    s = bead_segment_text(seg, text ? text : "", len, collect, &c, err);
    bead_segmenter_free(seg);
    /* collect stops the segmenter only when it runs out of memory. */
    if (s == BEAD_DONE)
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory after %zu sentences",
                           c.n);
    if (s == BEAD_OK && c.n) {
        *out = pack(&c);
        if (*out)
            *n = c.n;
        else
            s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0,
                               "out of memory packing %zu sentences", c.n);
    }
    free(c.items);
    free(c.chars);
    return s;
}

void bead_sentences_free(bead_sentence *sentences)
{
    free(sentences);
}
