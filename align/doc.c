/* Documents: the sentences of one version, each text stored once in an
 * arena, referred to by index everywhere else. */
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"

typedef struct doc_sent {
    size_t off, len;       /* in the arena */
    uint64_t para, section;
} doc_sent;

struct bead_doc {
    char lang[16];
    char *name;
    char *arena;
    size_t arena_len, arena_cap;
    doc_sent *sent;
    size_t n, cap;
    uint64_t nsections;
};

bead_status bead_doc_create(bead_doc **out, const char *lang, const char *name, bead_error *err)
{
    *out = NULL;
    bead_doc *d = calloc(1, sizeof *d);
    if (!d)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    snprintf(d->lang, sizeof d->lang, "%s", lang ? lang : "und");
    d->name = strdup(name ? name : "");
    if (!d->name) {
        free(d);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    d->nsections = 1;
    *out = d;
    return BEAD_OK;
}

void bead_doc_free(bead_doc *d)
{
    if (!d)
        return;
    free(d->name);
    free(d->arena);
    free(d->sent);
    free(d);
}

bead_status bead_doc_add(bead_doc *d, const char *text, size_t len, uint64_t para,
                         uint64_t section, bead_error *err)
{
    if (d->arena_len + len + 1 > d->arena_cap) {
        size_t ncap = d->arena_cap ? d->arena_cap : 4096;
        while (ncap < d->arena_len + len + 1)
            ncap *= 2;
        char *na = realloc(d->arena, ncap);
        if (!na)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        d->arena = na;
        d->arena_cap = ncap;
    }
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 256;
        doc_sent *ns = realloc(d->sent, ncap * sizeof *ns);
        if (!ns)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        d->sent = ns;
        d->cap = ncap;
    }
    memcpy(d->arena + d->arena_len, text, len);
    d->arena[d->arena_len + len] = '\0';
    d->sent[d->n++] = (doc_sent){d->arena_len, len, para, section};
    d->arena_len += len + 1;
    if (section + 1 > d->nsections)
        d->nsections = section + 1;
    return BEAD_OK;
}

void bead_load_options_init(bead_load_options *opt)
{
    memset(opt, 0, sizeof *opt);
    bead_input_options_init(&opt->input);
}

typedef struct load_ctx {
    bead_doc *doc;
    bead_error *err;
    bead_status status;
} load_ctx;

static int add_sentence(void *p, const bead_sentence *s)
{
    load_ctx *c = p;
    c->status = bead_doc_add(c->doc, s->text, s->len, s->para, s->section, c->err);
    return c->status != BEAD_OK;
}

bead_status bead_doc_segment(bead_doc **out, bead_segmenter *seg, bead_input *in,
                             const char *lang, bead_error *err)
{
    *out = NULL;
    bead_doc *doc = NULL;
    bead_status s = bead_doc_create(&doc, lang, bead_input_name(in), err);
    if (s == BEAD_OK) {
        load_ctx c = {doc, err, BEAD_OK};
        s = bead_segment_input(seg, in, add_sentence, &c, err);
        if (s == BEAD_DONE)
            s = c.status;
    }
    if (s != BEAD_OK) {
        bead_doc_free(doc);
        return s;
    }
    *out = doc;
    return BEAD_OK;
}

bead_status bead_doc_load(bead_doc **out, const char *path, const char *lang,
                          const bead_load_options *opt, bead_error *err)
{
    *out = NULL;
    bead_load_options defaults;
    if (!opt) {
        bead_load_options_init(&defaults);
        opt = &defaults;
    }
    bead_segment_options so;
    bead_segment_options_init(&so);
    so.flags = opt->presegmented ? BEAD_SEGMENT_PRESEGMENTED : 0;
    so.max_sentences = opt->max_sentences;
    bead_segmenter *seg = NULL;
    bead_input *in = NULL;
    bead_status s = bead_segmenter_create(&seg, lang, &so, err);
    if (s == BEAD_OK)
        s = bead_input_open(&in, path, &opt->input, err);
    if (s == BEAD_OK)
        s = bead_doc_segment(out, seg, in, lang, err);
    if (opt->replaced)
        *opt->replaced = in ? bead_input_replacements(in) : 0;
    bead_input_free(in);
    bead_segmenter_free(seg);
    return s;
}

size_t bead_doc_size(const bead_doc *d) { return d->n; }

const char *bead_doc_text(const bead_doc *d, size_t i, size_t *len)
{
    if (len)
        *len = d->sent[i].len;
    return d->arena + d->sent[i].off;
}

uint64_t bead_doc_para(const bead_doc *d, size_t i) { return d->sent[i].para; }
uint64_t bead_doc_section(const bead_doc *d, size_t i) { return d->sent[i].section; }
uint64_t bead_doc_section_count(const bead_doc *d) { return d->nsections; }
const char *bead_doc_lang(const bead_doc *d) { return d->lang; }
const char *bead_doc_name(const bead_doc *d) { return d->name; }
