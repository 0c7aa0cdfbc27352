/* A document's features built once with a key table of its own and
 * composed into the key table of each pair it takes part in (anchors.h,
 * doc_features): the matcher builds them for a query's keys and its
 * verifications compose them; mining composes one set per document for
 * both directions. */
#include <stdlib.h>
#include <string.h>

#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"
#include "align/lexicon/lexicon_internal.h"

int bd_doc_features_build(doc_features *d, const bead_doc *doc, translit *tr, bead_error *err)
{
    memset(d, 0, sizeof *d);
    d->kt = bd_key_table_create();
    if (!d->kt) {
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    if (bd_features_build(&d->f, doc, 0, bead_doc_size(doc), d->kt, tr, err)) {
        bd_doc_features_free(d);
        return -1;
    }
    d->doc = doc;
    d->fingerprint = bd_doc_fingerprint(doc);
    return 0;
}

void bd_doc_features_free(doc_features *d)
{
    if (!d)
        return;
    bd_features_free(&d->f);
    bd_key_table_free(d->kt);
    memset(d, 0, sizeof *d);
}

const doc_features *bd_doc_features_of(const doc_features *d, const bead_doc *doc)
{
    return d && d->kt && d->doc == doc && d->f.n == bead_doc_size(doc) &&
                   d->fingerprint == bd_doc_fingerprint(doc)
               ? d
               : NULL;
}

static unsigned char *copy_marks(const unsigned char *marks, size_t n, int *failed)
{
    if (!marks)
        return NULL;
    unsigned char *c = malloc(n + 1);
    if (c)
        memcpy(c, marks, n + 1);
    else
        *failed = 1;
    return c;
}

/* d's features with kt's ids: each private key interned in kt in the order
 * of its private id, each sentence's ids mapped and sorted again. */
static int features_compose(sent_features *f, key_table *kt, const doc_features *d)
{
    const sent_features *in = &d->f;
    size_t n = in->n, nk = bd_key_table_size(d->kt);
    uint32_t *map = malloc((nk ? nk : 1) * sizeof *map);
    memset(f, 0, sizeof *f);
    f->n = n;
    f->len_prefix = malloc((n + 1) * sizeof *f->len_prefix);
    f->para_start = malloc(n + 1);
    f->key_off = calloc(n + 1, sizeof *f->key_off);
    f->keys_cap = in->nkeys ? in->nkeys : 1;
    f->keys = malloc(f->keys_cap * sizeof *f->keys);
    int failed = !map || !f->len_prefix || !f->para_start || !f->key_off || !f->keys;
    for (size_t id = 0; !failed && id < nk; id++) {
        const char *label = bd_key_table_label(d->kt, (uint32_t)id);
        map[id] = bd_key_table_intern(kt, bd_key_table_key(d->kt, (uint32_t)id),
                                      bd_key_table_key_len(d->kt, (uint32_t)id), label,
                                      strlen(label));
        failed = map[id] == UINT32_MAX;
    }
    if (!failed) {
        memcpy(f->len_prefix, in->len_prefix, (n + 1) * sizeof *f->len_prefix);
        memcpy(f->para_start, in->para_start, n + 1);
        f->repeat = copy_marks(in->repeat, n, &failed);
        f->glue = copy_marks(in->glue, n, &failed);
        f->paragraphs_informative = in->paragraphs_informative;
    }
    for (size_t i = 0; !failed && i < n; i++) {
        size_t from = in->key_off[i], to = in->key_off[i + 1];
        for (size_t k = from; k < to; k++)
            f->keys[k] = map[in->keys[k]];
        /* Unique already: the map is one to one. */
        bd_ids_sort(f->keys + from, to - from);
        f->key_off[i + 1] = to;
    }
    free(map);
    if (failed) {
        bd_features_free(f);
        return -1;
    }
    f->nkeys = in->nkeys;
    return 0;
}

int bd_features_for(sent_features *f, const bead_doc *doc, size_t begin, size_t end,
                    key_table *kt, translit *tr, const doc_features *d, bead_error *err)
{
    if (!d || d->doc != doc || begin != 0 || end != bead_doc_size(doc))
        return bd_features_build(f, doc, begin, end, kt, tr, err);
    if (features_compose(f, kt, d)) {
        bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        return -1;
    }
    return 0;
}
