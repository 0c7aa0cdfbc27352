/* Compiled dictionaries: a compiled lexicon answers exactly as the one it
 * was made from (every key id, every pair, the rows the aligner scans); a
 * file from another source is out of date (BEAD_OK, no lexicon); a
 * truncated, extended or damaged one is BEAD_ERR_FORMAT naming the file; a
 * missing one is BEAD_OK with no lexicon; a mapped lexicon can still be
 * added to; the cache path depends on the source. Runs in tests/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bead/lexicon.h"
#include "align/lexicon/lexicon_internal.h"
#include "align/lexicon/lexicon_compiled.h"

#include "check.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(*len ? *len : 1);
    if (b && fread(b, 1, *len, f) != *len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    return b;
}

static void spill(const char *path, const char *b, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b, 1, len, f);
        fclose(f);
    }
}

/* Every pair and key of heap is in mapped with the same ids, and no more. */
static void same_lexicon(const bead_lexicon *heap, const bead_lexicon *mapped)
{
    CHECK(bead_lexicon_size(heap) == bead_lexicon_size(mapped), "size %zu vs %zu",
          bead_lexicon_size(heap), bead_lexicon_size(mapped));
    for (int side = 0; side < 2; side++) {
        CHECK(bd_lex_id_count(heap, side) == bd_lex_id_count(mapped, side), "side %d ids", side);
        const lex_strings *hs = side ? &heap->trg : &heap->src;
        for (uint32_t id = 1; id <= hs->n; id++) {
            const char *k = bd_lex_strings_get(hs, id);
            uint32_t m = side ? bd_lex_trg_id(mapped, k, strlen(k)) : bd_lex_src_id(mapped, k, strlen(k));
            CHECK(m == id, "side %d key '%s': id %u vs %u", side, k, id, m);
        }
    }
    const lex_pairs *p = bd_lex_pair_set(heap);
    for (size_t i = 0; p->keys && i <= p->mask; i++) {
        uint64_t k = p->keys[i];
        if (!k)
            continue;
        uint32_t s = (uint32_t)(k >> 32), t = (uint32_t)k;
        CHECK(bd_lex_has_ids(mapped, s, t), "pair %u-%u missing", s, t);
        CHECK(bead_lexicon_has(mapped, bd_lex_strings_get(&heap->src, s),
                               bd_lex_strings_get(&heap->trg, t)), "pair by key");
        CHECK(bead_lexicon_has_source(mapped, bd_lex_strings_get(&heap->src, s)), "has_source");
    }
    const uint32_t *start, *trg;
    CHECK(bd_lex_rows(mapped, &start, &trg), "mapped has rows");
    for (uint32_t s = 1; s <= bd_lex_id_count(mapped, 0); s++)
        for (uint32_t e = start[s]; e < start[s + 1]; e++)
            CHECK(bd_lex_pairs_has(p, s, trg[e]), "row pair %u-%u not in the source", s, trg[e]);
}

int main(void)
{
    char dir[] = "/tmp/bead-lexc-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], other[256];
    snprintf(path, sizeof path, "%s/de-en.beadlex", dir);
    snprintf(other, sizeof other, "%s/bad.beadlex", dir);
    bead_error err;
    bead_lexicon *heap = NULL, *mapped = NULL;
    size_t n = 0;
    bead_lexicon_create(&heap, "de", "en", &err);
    CHECK(bead_lexicon_load_freedict(heap, "lexicon", &n, &err) == BEAD_OK && n > 0,
          "load fixture: %s", err.message);

    /* Fingerprints: of the installed files; none for an absent pair. */
    char fp[BEAD_DICT_SOURCE_MAX], fp2[BEAD_DICT_SOURCE_MAX], cp[512], cp2[512];
    CHECK(bead_freedict_fingerprint("lexicon", "de", "en", fp, sizeof fp) > 0, "fingerprint");
    CHECK(bead_freedict_fingerprint("lexicon", "de", "fr", fp2, sizeof fp2) == 0,
          "no fingerprint without a dictionary");
    CHECK(bead_file_fingerprint("lexicon/hunalign-en-de.dic", fp2, sizeof fp2) > 0 &&
              strcmp(fp, fp2) != 0, "file fingerprint");
    CHECK(bead_dict_cache_path(dir, "de", "en", fp, cp, sizeof cp) > 0 &&
              bead_dict_cache_path(dir, "de", "en", fp2, cp2, sizeof cp2) > 0 &&
              strcmp(cp, cp2) != 0 && strncmp(cp, dir, strlen(dir)) == 0,
          "cache path by source: %s %s", cp, cp2);
    CHECK(bead_dict_cache_path(dir, "de", "en", fp, cp, 10) == 0 && cp[0] == '\0',
          "cache path too long for its buffer");

    /* Missing: BEAD_OK, no lexicon. */
    CHECK(bead_lexicon_open_compiled(&mapped, path, fp, &err) == BEAD_OK && !mapped, "missing");

    /* Round trip. */
    CHECK(bead_lexicon_compile(heap, path, fp, &err) == BEAD_OK, "compile: %s", err.message);
    CHECK(bead_lexicon_open_compiled(&mapped, path, fp, &err) == BEAD_OK && mapped,
          "open: %s", err.message);
    if (mapped) {
        same_lexicon(heap, mapped);
        CHECK(!strcmp(bead_lexicon_src_lang(mapped), "de") &&
                  !strcmp(bead_lexicon_trg_lang(mapped), "en"), "languages");
        /* Compiling a mapped lexicon gives the same bytes. */
        size_t la, lb;
        CHECK(bead_lexicon_compile(mapped, other, fp, &err) == BEAD_OK, "recompile");
        char *a = slurp(path, &la), *b = slurp(other, &lb);
        CHECK(a && b && la == lb && memcmp(a, b, la) == 0, "recompiled bytes differ");
        free(b);
        /* Adding to a mapped lexicon copies it first. */
        size_t before = bead_lexicon_size(mapped);
        CHECK(bead_lexicon_add(mapped, "Zebrastreifen", "crosswalk", &err) == BEAD_OK, "add");
        CHECK(bead_lexicon_size(mapped) == before + 1, "added one: %zu -> %zu", before,
              bead_lexicon_size(mapped));
        CHECK(!bd_lex_rows(mapped, &(const uint32_t *){0}, &(const uint32_t *){0}),
              "on the heap after a change");
        bead_lexicon_free(mapped);
        mapped = NULL;

        /* Another source: out of date, not damaged. */
        CHECK(bead_lexicon_open_compiled(&mapped, path, "another source", &err) == BEAD_OK &&
                  !mapped && strstr(err.message, "out of date"), "stale: %s", err.message);
        /* NULL source: any. */
        CHECK(bead_lexicon_open_compiled(&mapped, path, NULL, &err) == BEAD_OK && mapped,
              "any source");
        bead_lexicon_free(mapped);
        mapped = NULL;

        /* Truncated, extended, a flipped byte in the body or the header. */
        struct { const char *what; size_t len; long flip; } bad[] = {
            {"truncated", la - 1, -1}, {"half", la / 2, -1}, {"header only", 512, -1},
            {"short header", 100, -1}, {"extended", la + 8, -1}, {"body byte", la, (long)la - 3},
            {"arena byte", la, 600}, {"header byte", la, 40}};
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
            char *c = calloc(1, bad[i].len);
            memcpy(c, a, bad[i].len < la ? bad[i].len : la);
            if (bad[i].flip >= 0)
                c[bad[i].flip] ^= 0x10;
            spill(other, c, bad[i].len);
            free(c);
            bead_status s = bead_lexicon_open_compiled(&mapped, other, fp, &err);
            CHECK(s == BEAD_ERR_FORMAT && !mapped && strstr(err.message, other),
                  "%s: status %d, %s", bad[i].what, (int)s, err.message);
        }
        /* A crafted file with good checksums: refused by the index checks. */
        char *c = malloc(la);
        memcpy(c, a, la);
        memset(c + la - 8, 0xff, 8);   /* the last target ids, out of range */
        bd_lex_compiled_seal(c, la);
        spill(other, c, la);
        free(c);
        CHECK(bead_lexicon_open_compiled(&mapped, other, fp, &err) == BEAD_ERR_FORMAT && !mapped,
              "crafted: %s", err.message);
        free(a);
    }
    bead_lexicon_free(heap);

    /* An empty lexicon compiles and opens. */
    bead_lexicon_create(&heap, "en", "de", &err);
    CHECK(bead_lexicon_compile(heap, path, "", &err) == BEAD_OK, "empty: %s", err.message);
    CHECK(bead_lexicon_open_compiled(&mapped, path, "", &err) == BEAD_OK && mapped &&
              bead_lexicon_size(mapped) == 0 && !bead_lexicon_has_source(mapped, "x"),
          "empty open: %s", err.message);
    bead_lexicon_free(mapped);
    bead_lexicon_free(heap);

    /* A folder that cannot be written to: BEAD_ERR_IO naming it. */
    bead_lexicon_create(&heap, "en", "de", &err);
    CHECK(bead_lexicon_compile(heap, "/nonexistent-bead-dir/x.beadlex", "", &err) == BEAD_ERR_IO &&
              strstr(err.message, "nonexistent-bead-dir"), "unwritable: %s", err.message);
    bead_lexicon_free(heap);

    unlink(path);
    unlink(other);
    rmdir(dir);
    return failures ? 1 : 0;
}
