/* Documents: the sentences of one version, each text stored once in an
 * arena, referred to by index everywhere else.
 *
 * A loaded document is mostly its text, so the rest is kept small: a
 * sentence costs one offset (its length is the distance to the next), and
 * paragraph and section numbers are stored as runs, since consecutive
 * sentences mostly share them. The loader trims the buffers to their
 * contents once the document is complete. */
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"
#include "align/doc/doc_internal.h"
#include "core/fnv.h"
#include "core/grow.h"
#include "segment/seg_internal.h"

/* Sentences [first, the next run's first) have this value. */
typedef struct doc_run {
    size_t first;
    uint64_t value;
} doc_run;

typedef struct doc_runs {
    doc_run *r;
    size_t n, cap;
} doc_runs;

struct bead_doc {
    char lang[16];
    char *name;
    char *arena;            /* the texts, each followed by a NUL */
    size_t arena_len, arena_cap;
    size_t *start;          /* n + 1 arena offsets: sentence i is [start[i], start[i+1] - 1) */
    size_t n, start_cap;
    doc_runs para, section;
    uint64_t nsections;
};

/* Gives back what growing by doubling reserved beyond len elements. */
static void trim(void **p, size_t *cap, size_t len, size_t elem)
{
    if (*cap <= len || len == 0)
        return;
    void *np = realloc(*p, len * elem);
    if (np) {
        *p = np;
        *cap = len;
    }
}

static int runs_note(doc_runs *runs, size_t i, uint64_t value)
{
    if (runs->n && runs->r[runs->n - 1].value == value)
        return 1;
    if (array_grow((void **)&runs->r, &runs->cap, runs->n + 1, sizeof *runs->r, 256))
        return 0;
    runs->r[runs->n++] = (doc_run){i, value};
    return 1;
}

/* The value of sentence i: that of the last run starting at or before it. */
static uint64_t runs_find(const doc_runs *runs, size_t i)
{
    if (runs->n == 0)
        return 0;
    size_t lo = 0, hi = runs->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs->r[mid].first <= i)
            lo = mid;
        else
            hi = mid;
    }
    return runs->r[lo].value;
}

bead_status bead_doc_create(bead_doc **out, const char *lang, const char *name, bead_error *err)
{
    *out = NULL;
    bead_doc *d = calloc(1, sizeof *d);
    if (!d)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    snprintf(d->lang, sizeof d->lang, "%s", lang ? lang : "und");
    d->name = strdup(name ? name : "");
    d->start = malloc(sizeof *d->start);
    if (!d->name || !d->start) {
        bead_doc_free(d);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    d->start[0] = 0;
    d->start_cap = 1;
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
    free(d->start);
    free(d->para.r);
    free(d->section.r);
    free(d);
}

bead_status bead_doc_add(bead_doc *d, const char *text, size_t len, uint64_t para,
                         uint64_t section, bead_error *err)
{
    if (array_grow((void **)&d->arena, &d->arena_cap, d->arena_len + len + 1, 1, 256) ||
        array_grow((void **)&d->start, &d->start_cap, d->n + 2, sizeof *d->start, 256) ||
        !runs_note(&d->para, d->n, para) || !runs_note(&d->section, d->n, section))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    memcpy(d->arena + d->arena_len, text, len);
    d->arena[d->arena_len + len] = '\0';
    d->arena_len += len + 1;
    d->start[++d->n] = d->arena_len;
    if (section + 1 > d->nsections)
        d->nsections = section + 1;
    return BEAD_OK;
}

/* Once the document is complete: no more room kept for growth. */
static void doc_trim(bead_doc *d)
{
    trim((void **)&d->arena, &d->arena_cap, d->arena_len, 1);
    trim((void **)&d->start, &d->start_cap, d->n + 1, sizeof *d->start);
    trim((void **)&d->para.r, &d->para.cap, d->para.n, sizeof *d->para.r);
    trim((void **)&d->section.r, &d->section.cap, d->section.n, sizeof *d->section.r);
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
    /* Empty sections count like any other, the last ones too. */
    if (bd_seg_barriers(seg) + 1 > doc->nsections)
        doc->nsections = bd_seg_barriers(seg) + 1;
    doc_trim(doc);
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

uint64_t bd_doc_fingerprint(const bead_doc *d)
{
    uint64_t h = bd_fnv1a(BD_FNV_OFFSET, d->lang, strlen(d->lang) + 1);
    h = bd_fnv1a(h, &d->n, sizeof d->n);
    for (size_t i = 0; i < d->n; i++) {
        size_t len;
        const char *t = bead_doc_text(d, i, &len);
        uint64_t where[3] = {len, bead_doc_para(d, i), bead_doc_section(d, i)};
        h = bd_fnv1a(bd_fnv1a(h, where, sizeof where), t, len);
    }
    return h;
}

const char *bead_doc_text(const bead_doc *d, size_t i, size_t *len)
{
    if (len)
        *len = d->start[i + 1] - d->start[i] - 1;
    return d->arena + d->start[i];
}

uint64_t bead_doc_para(const bead_doc *d, size_t i) { return runs_find(&d->para, i); }
uint64_t bead_doc_section(const bead_doc *d, size_t i) { return runs_find(&d->section, i); }
uint64_t bead_doc_section_count(const bead_doc *d) { return d->nsections; }
const char *bead_doc_lang(const bead_doc *d) { return d->lang; }
const char *bead_doc_name(const bead_doc *d) { return d->name; }
