/* Dictionary evidence of band cells (align/anchor_lexicon.c) against its
 * definition, computed here the slow way: for sentences i and j, take the
 * first LEX_WORDS distinct keys of each that the lexicon knows, and score
 * the share of them with a translation on the other side. Checked twice:
 * with a small lexicon, where the code scans the pair set into an
 * adjacency, and with the same lexicon padded by 150,000 pairs of words the
 * documents do not have, where probing is cheaper. Both must give the
 * definition's numbers exactly, in every cell near the path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/pair/pair.h"
#include "align/lexicon/lexicon_internal.h"

#include "check.h"

#define LEX_WORDS 40   /* as in anchor_lexicon.c */
#define NSENT 40
#define NVOCAB 120

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

static char src_vocab[NVOCAB][16], trg_vocab[NVOCAB][16];

static void make_word(char *w, const char *letters)
{
    size_t n = 2 + next_rand() % 3, k = 0;
    for (size_t i = 0; i < n; i++) {
        w[k++] = letters[next_rand() % strlen(letters)];
        w[k++] = "aeiou"[next_rand() % 5];
    }
    w[k] = '\0';
}

/* Sentences of 0 to 59 words (more than LEX_WORDS known ones at times),
 * with repeats, punctuation, capitals and words no lexicon has. */
static void make_doc(bead_doc *d, char vocab[][16])
{
    for (size_t i = 0; i < NSENT; i++) {
        char text[2048];
        size_t len = 0, nw = next_rand() % 60;
        for (size_t k = 0; k < nw; k++) {
            unsigned r = next_rand() % 20;
            const char *w = vocab[next_rand() % NVOCAB];
            if (r == 0)
                len += (size_t)snprintf(text + len, sizeof text - len, "%u ", next_rand() % 999);
            else if (r == 1)
                len += (size_t)snprintf(text + len, sizeof text - len, "(%s), ", w);
            else if (r == 2)
                len += (size_t)snprintf(text + len, sizeof text - len, "%c%s ", w[0] - 32, w + 1);
            else if (r == 3)
                len += (size_t)snprintf(text + len, sizeof text - len, "qqx%u ", next_rand() % 50);
            else
                len += (size_t)snprintf(text + len, sizeof text - len, "%s ", w);
        }
        bead_doc_add(d, text, len, 0, 0, NULL);
    }
}

typedef struct known {
    const bead_lexicon *lex;
    int side;
    char key[LEX_WORDS][LEX_KEY_MAX];
    size_t n;
} known;

static void add_known(void *ctx, const char *key, size_t len)
{
    known *k = ctx;
    if (k->n >= LEX_WORDS)
        return;
    uint32_t id = k->side ? bd_lex_trg_id(k->lex, key, len) : bd_lex_src_id(k->lex, key, len);
    if (!id)
        return;
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->key[i], key) == 0)
            return;
    memcpy(k->key[k->n++], key, len + 1);
}

static void known_words(known *k, const bead_lexicon *lex, int side, const bead_doc *d, size_t i)
{
    size_t len;
    const char *text = bead_doc_text(d, i, &len);
    k->lex = lex;
    k->side = side;
    k->n = 0;
    bd_lex_each_key(bead_doc_lang(d), text, len, add_known, k);
}

static float share(const bead_lexicon *lex, const bead_doc *src, size_t i, const bead_doc *trg,
                   size_t j)
{
    static known s, t;
    known_words(&s, lex, 0, src, i);
    known_words(&t, lex, 1, trg, j);
    if (s.n + t.n < 2 || s.n == 0 || t.n == 0)
        return 0.0f;
    size_t hits = 0;
    for (size_t a = 0; a < s.n; a++)
        for (size_t b = 0; b < t.n; b++)
            if (bead_lexicon_has(lex, s.key[a], t.key[b])) {
                hits++;
                break;
            }
    for (size_t b = 0; b < t.n; b++)
        for (size_t a = 0; a < s.n; a++)
            if (bead_lexicon_has(lex, s.key[a], t.key[b])) {
                hits++;
                break;
            }
    return (float)hits / (float)(s.n + t.n);
}

/* Checks ev against the definition in every cell within 3 of the
 * diagonal path (all of them get evidence) and in every cell with any;
 * returns the number of cells with a non-zero share. */
static size_t check_cells(const char *what, const float *ev, const band *b,
                          const bead_lexicon *lex, const bead_doc *src, const bead_doc *trg,
                          double scale)
{
    size_t nonzero = 0;
    for (size_t i = 1; i <= b->n; i++)
        for (int64_t j = b->lo[i]; j <= b->hi[i]; j++) {
            if (j < 1)
                continue;
            float got = ev[(size_t)(b->off[i] + (j - b->lo[i]))];
            int64_t d = (int64_t)i - j;
            if (got == 0.0f && (d > 3 || d < -3))
                continue;
            float want = (float)scale * share(lex, src, i - 1, trg, (size_t)j - 1);
            nonzero += want != 0.0f;
            CHECK(got == want, "%s: cell (%zu,%lld) is %.9g, not %.9g", what, i, (long long)j,
                  got, want);
        }
    return nonzero;
}

int main(void)
{
    for (size_t v = 0; v < NVOCAB; v++) {
        make_word(src_vocab[v], "bcdfgklmnprstv");
        make_word(trg_vocab[v], "bdfghklmnprstwz");
    }
    bead_doc *src, *trg;
    bead_lexicon *lex;
    if (bead_doc_create(&src, "en", "src", NULL) || bead_doc_create(&trg, "de", "trg", NULL) ||
        bead_lexicon_create(&lex, "en", "de", NULL))
        return 1;
    make_doc(src, src_vocab);
    make_doc(trg, trg_vocab);
    /* Most words get one to three translations; a few none. */
    for (size_t v = 0; v < NVOCAB; v++)
        for (unsigned k = 0, nt = next_rand() % 4; k < nt; k++)
            bead_lexicon_add(lex, src_vocab[v], trg_vocab[(v * 7 + k * 13) % NVOCAB], NULL);

    band b;
    memset(&b, 0, sizeof b);
    if (bd_band_full(&b, NSENT, NSENT) != 0)
        return 1;
    dp_result path;
    memset(&path, 0, sizeof path);
    path.beads = calloc(NSENT, sizeof *path.beads);
    for (size_t k = 0; k < NSENT; k++)
        path.beads[path.n++] = (dp_bead){k, k, BEAD_1_1, 1.0};
    const double scale = 1.7;

    float *small = bd_lexicon_cell_evidence(&b, &path, src, 0, trg, 0, lex, scale);
    CHECK(small != NULL, "evidence with the small lexicon");
    size_t nonzero = small ? check_cells("small lexicon", small, &b, lex, src, trg, scale) : 0;
    CHECK(nonzero > 50, "only %zu cells have evidence: the test data is too thin", nonzero);

    for (unsigned k = 0; k < 150000; k++) {
        char s[32], t[32];
        snprintf(s, sizeof s, "zqsrc%u", k);
        snprintf(t, sizeof t, "zqtrg%u", k);
        bead_lexicon_add(lex, s, t, NULL);
    }
    float *large = bd_lexicon_cell_evidence(&b, &path, src, 0, trg, 0, lex, scale);
    CHECK(large != NULL, "evidence with the padded lexicon");
    if (large)
        check_cells("padded lexicon", large, &b, lex, src, trg, scale);
    size_t ncells = (size_t)b.off[b.n + 1];
    CHECK(small && large && memcmp(small, large, ncells * sizeof *small) == 0,
          "the two lexicons give different evidence");

    /* A range of the documents: sentences 10.. and 12.. only. */
    band b2;
    memset(&b2, 0, sizeof b2);
    if (bd_band_full(&b2, NSENT - 10, NSENT - 12) != 0)
        return 1;
    path.n = 0;
    for (size_t k = 0; k < NSENT - 12; k++)
        path.beads[path.n++] = (dp_bead){k, k, BEAD_1_1, 1.0};
    path.beads[path.n++] = (dp_bead){NSENT - 12, NSENT - 12, BEAD_1_0, 1.0};
    path.beads[path.n++] = (dp_bead){NSENT - 11, NSENT - 12, BEAD_1_0, 1.0};
    float *part = bd_lexicon_cell_evidence(&b2, &path, src, 10, trg, 12, lex, scale);
    CHECK(part != NULL, "evidence for a range");
    for (size_t i = 1; part && i <= b2.n; i++)
        for (int64_t j = b2.lo[i] < 1 ? 1 : b2.lo[i]; j <= b2.hi[i]; j++) {
            int64_t d = (int64_t)i - j;
            if (d > 3 || d < -3)
                continue;
            float want = (float)scale * share(lex, src, 10 + i - 1, trg, 12 + (size_t)j - 1);
            float got = part[(size_t)(b2.off[i] + (j - b2.lo[i]))];
            CHECK(got == want, "range: cell (%zu,%lld) is %.9g, not %.9g", i, (long long)j, got,
                  want);
        }

    free(small);
    free(large);
    free(part);
    free(path.beads);
    bd_band_free(&b);
    bd_band_free(&b2);
    bead_lexicon_free(lex);
    bead_doc_free(src);
    bead_doc_free(trg);
    return failures != 0;
}
