/* Composed features are built features: for every ordered pair of the
 * seed corpus (five languages, two scripts), the features of both documents
 * composed from their own (bd_doc_features_build, bd_features_for) into a
 * fresh pair table equal the features built into one, key for key, id for
 * id and label for label. The matcher and the miner rely on it to reuse a
 * document's features without changing any alignment. Also: a document
 * that changed after its features were built is not composed from them. */
#include <stdio.h>
#include <string.h>

#include "align/anchors/anchors.h"

#include "check.h"

#define CORPUS "../corpora/news-dprk-cyber/"

static bead_doc *load(const char *path, const char *lang)
{
    bead_load_options lo;
    bead_load_options_init(&lo);
    bead_doc *d = NULL;
    bead_error err;
    if (bead_doc_load(&d, path, lang, &lo, &err) != BEAD_OK)
        fprintf(stderr, "%s: %s\n", path, err.message);
    return d;
}

static const char *const files[][2] = {
    {CORPUS "bg.aljazeera.txt", "bg"}, {CORPUS "de.aljazeera.txt", "de"},
    {CORPUS "de.cryptopolitan.txt", "de"}, {CORPUS "en.reuters.txt", "en"},
    {CORPUS "id.kontan.txt", "id"},
};
#define NFILES (sizeof files / sizeof *files)

static int same_marks(const unsigned char *a, const unsigned char *b, size_t n)
{
    if (!a || !b)
        return a == b;
    return !memcmp(a, b, n);
}

static void check_same(const sent_features *x, const key_table *kx, const sent_features *y,
                       const key_table *ky, const char *what)
{
    CHECK(x->n == y->n && x->nkeys == y->nkeys, "%s: %zu sentences / %zu keys against %zu / %zu",
          what, x->n, x->nkeys, y->n, y->nkeys);
    if (x->n != y->n || x->nkeys != y->nkeys)
        return;
    size_t n = x->n;
    CHECK(!memcmp(x->len_prefix, y->len_prefix, (n + 1) * sizeof *x->len_prefix) &&
              !memcmp(x->para_start, y->para_start, n + 1) &&
              !memcmp(x->key_off, y->key_off, (n + 1) * sizeof *x->key_off) &&
              same_marks(x->repeat, y->repeat, n + 1) && same_marks(x->glue, y->glue, n + 1) &&
              x->paragraphs_informative == y->paragraphs_informative,
          "%s: the per-sentence arrays differ", what);
    CHECK(!x->nkeys || !memcmp(x->keys, y->keys, x->nkeys * sizeof *x->keys),
          "%s: the key ids differ", what);
    CHECK(bd_key_table_size(kx) == bd_key_table_size(ky), "%s: %zu keys in the table against %zu",
          what, bd_key_table_size(kx), bd_key_table_size(ky));
    for (uint32_t id = 0; id < bd_key_table_size(kx) && id < bd_key_table_size(ky); id++)
        if (strcmp(bd_key_table_key(kx, id), bd_key_table_key(ky, id)) ||
            strcmp(bd_key_table_label(kx, id), bd_key_table_label(ky, id))) {
            CHECK(0, "%s: key %u is %s (%s) against %s (%s)", what, id, bd_key_table_key(kx, id),
                  bd_key_table_label(kx, id), bd_key_table_key(ky, id), bd_key_table_label(ky, id));
            break;
        }
}

int main(void)
{
    bead_doc *docs[NFILES];
    doc_features own[NFILES];
    translit *tr = bd_translit_create();
    memset(own, 0, sizeof own);
    for (size_t k = 0; k < NFILES; k++) {
        docs[k] = load(files[k][0], files[k][1]);
        if (!docs[k] || !tr || bd_doc_features_build(&own[k], docs[k], tr, NULL)) {
            CHECK(0, "%s: no document or features", files[k][0]);
            return failures;
        }
    }
    for (size_t a = 0; a < NFILES; a++)
        for (size_t b = 0; b < NFILES; b++) {
            if (a == b)
                continue;
            key_table *kb = bd_key_table_create(), *kc = bd_key_table_create();
            sent_features bs, bt, cs, ct;
            CHECK(kb && kc, "out of memory");
            if (!kb || !kc)
                return failures;
            int built = bd_features_build(&bs, docs[a], 0, bead_doc_size(docs[a]), kb, tr, NULL) ||
                        bd_features_build(&bt, docs[b], 0, bead_doc_size(docs[b]), kb, tr, NULL);
            int composed =
                bd_features_for(&cs, docs[a], 0, bead_doc_size(docs[a]), kc, tr, &own[a], NULL) ||
                bd_features_for(&ct, docs[b], 0, bead_doc_size(docs[b]), kc, tr, &own[b], NULL);
            CHECK(!built && !composed, "%s, %s: failed", files[a][0], files[b][0]);
            if (!built && !composed) {
                char what[256];
                snprintf(what, sizeof what, "%s then %s, first", files[a][0], files[b][0]);
                check_same(&bs, kb, &cs, kc, what);
                snprintf(what, sizeof what, "%s then %s, second", files[a][0], files[b][0]);
                check_same(&bt, kb, &ct, kc, what);
            }
            bd_features_free(&bs);
            bd_features_free(&bt);
            bd_features_free(&cs);
            bd_features_free(&ct);
            bd_key_table_free(kb);
            bd_key_table_free(kc);
        }
    /* Features belong to the document as it read when they were built. */
    CHECK(bd_doc_features_of(&own[0], docs[0]) == &own[0], "own features not recognised");
    CHECK(bd_doc_features_of(&own[0], docs[1]) == NULL, "another document's features taken");
    bead_doc_add(docs[0], "Еще едно изречение.", strlen("Еще едно изречение."), 9999, 0, NULL);
    CHECK(bd_doc_features_of(&own[0], docs[0]) == NULL, "features of a changed document taken");
    for (size_t k = 0; k < NFILES; k++) {
        bd_doc_features_free(&own[k]);
        bead_doc_free(docs[k]);
    }
    bd_doc_features_free(NULL);
    bd_translit_free(tr);
    return failures;
}
