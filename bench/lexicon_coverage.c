/* lexicon_coverage.c: how often the lexicon links a gold 1-1 sentence pair,
 * against how often it links pairs that are not translations of each other.
 * A lexicon is useful to the aligner when the first is high and the second
 * low. Built by CMake (bench/CMakeLists.txt) on the public API; run by
 * bench/lexicon.sh.
 *
 * usage: lexicon_coverage SRC_LANG TRG_LANG SRC.txt TRG.txt GOLD.txt
 *            [--dict auto|DIR|FILE] [--learn BEADS|gold] [--min-score X]
 * SRC.txt and TRG.txt hold one sentence a line; GOLD.txt and BEADS hold
 * beads as [i,j]:[k] or [i]:[k]:0.93. Prints one line of key=value facts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bead/lexicon.h"

/* Keys longer than this are not words (the aligner's own limit). */
#define KEY_MAX 128

typedef struct pairs { size_t *s, *t; size_t n, cap; } pairs;

static void die(const char *what, const bead_error *e)
{
    fprintf(stderr, "lexicon_coverage: %s: %s\n", what, e ? e->message : "");
    exit(1);
}

static bead_doc *load_lines(const char *path, const char *lang)
{
    bead_doc *doc;
    bead_error e;
    if (bead_doc_create(&doc, lang, path, &e) != BEAD_OK)
        die(path, &e);
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (bead_doc_add(doc, line, (size_t)n, 0, 0, &e) != BEAD_OK)
            die(path, &e);
    }
    free(line);
    fclose(f);
    return doc;
}

/* Parses "[1,2]:[3]" or "[1]:[]:0.5" into an alignment (gold beads score 1). */
static bead_alignment *load_beads(const char *path, pairs *one_to_one)
{
    bead_alignment *al;
    bead_error e;
    if (bead_alignment_create(&al, 2, &e) != BEAD_OK)
        die(path, &e);
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, NULL);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t idx[2][16], cnt[2] = {0, 0};
        char *p = line;
        for (int side = 0; side < 2; side++) {
            p = strchr(p, '[');
            if (!p)
                die("bad bead line", NULL);
            p++;
            while (*p && *p != ']') {
                char *end;
                unsigned long v = strtoul(p, &end, 10);
                if (end == p)
                    break;
                if (cnt[side] < 16)
                    idx[side][cnt[side]++] = v;
                p = *end == ',' ? end + 1 : end;
            }
            p = strchr(p, ']');
            if (!p)
                die("bad bead line", NULL);
            p++;
        }
        double score = 1.0;
        if (*p == ':')
            score = atof(p + 1);
        size_t begin[2] = {cnt[0] ? idx[0][0] : 0, cnt[1] ? idx[1][0] : 0};
        if (bead_alignment_append(al, begin, cnt, score, &e) != BEAD_OK)
            die(path, &e);
        if (one_to_one && cnt[0] == 1 && cnt[1] == 1) {
            if (one_to_one->n == one_to_one->cap) {
                one_to_one->cap = one_to_one->cap ? one_to_one->cap * 2 : 1024;
                one_to_one->s = realloc(one_to_one->s, one_to_one->cap * sizeof(size_t));
                one_to_one->t = realloc(one_to_one->t, one_to_one->cap * sizeof(size_t));
            }
            one_to_one->s[one_to_one->n] = idx[0][0];
            one_to_one->t[one_to_one->n++] = idx[1][0];
        }
    }
    fclose(f);
    return al;
}

typedef struct keyset { char (*k)[KEY_MAX]; size_t n, cap; } keyset;

/* Bytes of a separator at s: white space (ASCII, NBSP, U+2000-U+200A,
 * U+202F, U+3000) or a slash, where the aligner splits words
 * (bd_lex_next_word in align/lexicon/stem.c); 0 otherwise. */
static size_t separator_len(const unsigned char *s, size_t left)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v' ||
        *s == '/')
        return 1;
    if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
        return 3;
    if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* The lexicon keys of the words of text, in order, as the aligner makes them. */
static void keys_of(const char *lang, const char *text, size_t len, keyset *ks)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        size_t sep = separator_len(s + i, len - i);
        if (sep) {
            i += sep;
            continue;
        }
        size_t start = i;
        while (i < len && separator_len(s + i, len - i) == 0)
            i++;
        char key[KEY_MAX];
        size_t klen = bead_lexicon_key(lang, text + start, i - start, key, sizeof key);
        if (klen == 0)
            continue;
        if (ks->n == ks->cap) {
            ks->cap = ks->cap ? ks->cap * 2 : 64;
            ks->k = realloc(ks->k, ks->cap * sizeof *ks->k);
            if (!ks->k)
                die("out of memory", NULL);
        }
        memcpy(ks->k[ks->n++], key, klen + 1);
    }
}

static int by_key(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Document frequency of keys: in how many sentences of a document. keys is
 * sorted and distinct, df parallel to it. */
typedef struct docfreq { char (*keys)[KEY_MAX]; uint32_t *df; size_t n; size_t nsent; } docfreq;

static void docfreq_build(docfreq *d, const bead_doc *doc)
{
    /* Every sentence's distinct keys, all in one list; sorted, a key's run
     * length is the number of sentences that have it. */
    keyset all = {0};
    d->nsent = bead_doc_size(doc);
    for (size_t i = 0; i < d->nsent; i++) {
        keyset ks = {0};
        size_t len;
        const char *t = bead_doc_text(doc, i, &len);
        keys_of(bead_doc_lang(doc), t, len, &ks);
        qsort(ks.k, ks.n, sizeof *ks.k, by_key);
        for (size_t k = 0; k < ks.n; k++) {
            if (k > 0 && strcmp(ks.k[k - 1], ks.k[k]) == 0)
                continue;
            if (all.n == all.cap) {
                all.cap = all.cap ? all.cap * 2 : 1024;
                all.k = realloc(all.k, all.cap * sizeof *all.k);
                if (!all.k)
                    die("out of memory", NULL);
            }
            memcpy(all.k[all.n++], ks.k[k], strlen(ks.k[k]) + 1);
        }
        free(ks.k);
    }
    qsort(all.k, all.n, sizeof *all.k, by_key);
    d->keys = all.k;
    d->df = malloc((all.n ? all.n : 1) * sizeof *d->df);
    if (!d->df)
        die("out of memory", NULL);
    d->n = 0;
    for (size_t k = 0; k < all.n; k++) {
        if (d->n > 0 && strcmp(d->keys[d->n - 1], all.k[k]) == 0) {
            d->df[d->n - 1]++;
            continue;
        }
        memmove(d->keys[d->n], all.k[k], strlen(all.k[k]) + 1);
        d->df[d->n++] = 1;
    }
}

static void docfreq_free(docfreq *d)
{
    free(d->keys);
    free(d->df);
}

/* A key in at most 2% of the sentences: a content word, not a function word. */
static int rare(const docfreq *d, const char *key)
{
    if (d->n == 0)
        return 0;
    char (*hit)[KEY_MAX] = bsearch(key, d->keys, d->n, sizeof *d->keys, by_key);
    return hit && d->df[hit - d->keys] <= 0.02 * (double)d->nsent + 1;
}

static const docfreq *df_src, *df_trg;

/* Share of source words with a translation in the target sentence, and
 * whether any pair is linked at all (*any), and any pair of rare words
 * (*any_rare). */
static double link(const bead_lexicon *lex, const bead_doc *src, size_t i, const bead_doc *trg,
                   size_t j, int *any, int *any_rare)
{
    keyset a = {0}, b = {0};
    size_t len;
    const char *t = bead_doc_text(src, i, &len);
    keys_of(bead_lexicon_src_lang(lex), t, len, &a);
    t = bead_doc_text(trg, j, &len);
    keys_of(bead_lexicon_trg_lang(lex), t, len, &b);
    size_t hits = 0;
    *any = *any_rare = 0;
    for (size_t x = 0; x < a.n; x++)
        for (size_t y = 0; y < b.n; y++)
            if (bead_lexicon_has(lex, a.k[x], b.k[y])) {
                hits++;
                *any = 1;
                if (rare(df_src, a.k[x]) && rare(df_trg, b.k[y]))
                    *any_rare = 1;
                break;
            }
    double share = a.n ? (double)hits / (double)a.n : 0.0;
    free(a.k);
    free(b.k);
    return share;
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: lexicon_coverage SRC_LANG TRG_LANG SRC TRG GOLD "
                        "[--dict auto|DIR|FILE] [--learn BEADS|gold] [--min-score X]\n");
        return 2;
    }
    const char *dict = NULL, *learn = NULL;
    double min_score = 0.5;
    for (int i = 6; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--dict") == 0)
            dict = argv[i + 1];
        else if (strcmp(argv[i], "--learn") == 0)
            learn = argv[i + 1];
        else if (strcmp(argv[i], "--min-score") == 0)
            min_score = atof(argv[i + 1]);
    }
    bead_doc *src = load_lines(argv[3], argv[1]), *trg = load_lines(argv[4], argv[2]);
    pairs gold = {0};
    bead_alignment *gal = load_beads(argv[5], &gold);
    bead_lexicon *lex;
    bead_error e;
    if (bead_lexicon_create(&lex, argv[1], argv[2], &e) != BEAD_OK)
        die("create", &e);
    size_t from_dict = 0, learned = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (dict) {
        bead_status st;
        if (strcmp(dict, "auto") == 0)
            st = bead_lexicon_load_freedict(lex, NULL, &from_dict, &e);
        else if (strstr(dict, ".txt") || strstr(dict, ".dic"))
            st = bead_lexicon_load_hunalign(lex, dict, &from_dict, &e);
        else
            st = bead_lexicon_load_freedict(lex, dict, &from_dict, &e);
        if (st != BEAD_OK)
            die(dict, &e);
        if (e.message[0])
            fprintf(stderr, "lexicon_coverage: warning: %s\n", e.message);
    }
    if (learn) {
        bead_alignment *al = strcmp(learn, "gold") == 0 ? gal : load_beads(learn, NULL);
        if (bead_lexicon_learn(lex, src, trg, al, min_score, &learned, &e) != BEAD_OK)
            die("learn", &e);
        if (al != gal)
            bead_alignment_free(al);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    docfreq dfs, dft;
    docfreq_build(&dfs, src);
    docfreq_build(&dft, trg);
    df_src = &dfs;
    df_trg = &dft;
    /* Negatives: for each gold pair (i, k), a random target sentence and the
     * next one (k + 1), unless that is i's own translation. */
    size_t hit_gold = 0, hit_rand = 0, hit_next = 0, n_rand = 0, n_next = 0;
    size_t rare_gold = 0, rare_rand = 0, rare_next = 0;
    double share_gold = 0, share_rand = 0, share_next = 0;
    uint64_t rng = 42;
    size_t ntrg = bead_doc_size(trg);
    for (size_t g = 0; g < gold.n; g++) {
        int any, any_rare;
        share_gold += link(lex, src, gold.s[g], trg, gold.t[g], &any, &any_rare);
        hit_gold += (size_t)any;
        rare_gold += (size_t)any_rare;
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        size_t r = (size_t)(rng >> 33) % ntrg;
        if (r != gold.t[g]) {
            share_rand += link(lex, src, gold.s[g], trg, r, &any, &any_rare);
            hit_rand += (size_t)any;
            rare_rand += (size_t)any_rare;
            n_rand++;
        }
        if (gold.t[g] + 1 < ntrg) {
            share_next += link(lex, src, gold.s[g], trg, gold.t[g] + 1, &any, &any_rare);
            hit_next += (size_t)any;
            rare_next += (size_t)any_rare;
            n_next++;
        }
    }
    printf("pairs=%zu dict=%zu learned=%zu seconds=%.2f gold_1_1=%zu "
           "coverage=%.3f random=%.3f next=%.3f "
           "rare_coverage=%.3f rare_random=%.3f rare_next=%.3f "
           "share_gold=%.3f share_random=%.3f share_next=%.3f\n",
           bead_lexicon_size(lex), from_dict, learned, seconds, gold.n,
           gold.n ? (double)hit_gold / gold.n : 0, n_rand ? (double)hit_rand / n_rand : 0,
           n_next ? (double)hit_next / n_next : 0, gold.n ? (double)rare_gold / gold.n : 0,
           n_rand ? (double)rare_rand / n_rand : 0, n_next ? (double)rare_next / n_next : 0,
           gold.n ? share_gold / gold.n : 0,
           n_rand ? share_rand / n_rand : 0, n_next ? share_next / n_next : 0);
    docfreq_free(&dfs);
    docfreq_free(&dft);
    bead_lexicon_free(lex);
    bead_alignment_free(gal);
    bead_doc_free(src);
    bead_doc_free(trg);
    free(gold.s);
    free(gold.t);
    return 0;
}
