/* lexicon_align.c: aligns two presegmented files through the public API with
 * a chosen lexicon, including a learned one (align once, learn from the
 * confident 1-1 beads, align again); bead align --learn yes does the same
 * with the learned pairs alone (--learn-fresh here).
 * Prints beads ([i,j]:[k]:0.93) on stdout. Built by CMake (bench/CMakeLists.txt);
 * run by bench/align_ablation.sh.
 *
 * usage: lexicon_align L1 L2 SRC TRG [--dict auto|none|FILE]
 *                      [--learn | --learn-fresh] [--min-score X]
 * --learn adds the learned pairs to the dictionary for the second pass;
 * --learn-fresh uses the dictionary for the first pass only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bead/align.h"
#include "bead/lexicon.h"

static void die(const char *what, const bead_error *e)
{
    fprintf(stderr, "lexicon_align: %s: %s\n", what, e ? e->message : "");
    exit(1);
}

static bead_alignment *align(const bead_doc *src, const bead_doc *trg, const bead_lexicon *lex)
{
    bead_align_options opt;
    bead_align_options_init(&opt);
    opt.mode = BEAD_MODE_ALIGN;
    opt.lexicon = lex;
    opt.learn = 0;   /* this program does the learning itself */
    bead_aligner *aligner;
    bead_alignment *al;
    bead_error e;
    if (bead_aligner_create(&aligner, &opt, &e) != BEAD_OK ||
        bead_align_pair(aligner, src, trg, &al, &e) != BEAD_OK)
        die("align", &e);
    bead_aligner_free(aligner);
    return al;
}

static void print_range(size_t begin, size_t count)
{
    putchar('[');
    for (size_t k = 0; k < count; k++)
        printf(k ? ",%zu" : "%zu", begin + k);
    putchar(']');
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: lexicon_align L1 L2 SRC TRG [--dict auto|none|FILE] [--learn] "
                        "[--min-score X]\n");
        return 2;
    }
    const char *dict = "none";
    int learn = 0, fresh = 0;
    double min_score = 0.5;
    for (int i = 5; i < argc; i++) {
        if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
            dict = argv[++i];
        else if (strcmp(argv[i], "--learn") == 0)
            learn = 1;
        else if (strcmp(argv[i], "--learn-fresh") == 0)
            learn = fresh = 1;
        else if (strcmp(argv[i], "--min-score") == 0 && i + 1 < argc)
            min_score = atof(argv[++i]);
    }
    bead_load_options lopt;
    bead_load_options_init(&lopt);
    lopt.presegmented = 1;
    bead_doc *src, *trg;
    bead_error e;
    if (bead_doc_load(&src, argv[3], argv[1], &lopt, &e) != BEAD_OK)
        die(argv[3], &e);
    if (bead_doc_load(&trg, argv[4], argv[2], &lopt, &e) != BEAD_OK)
        die(argv[4], &e);
    bead_lexicon *lex;
    if (bead_lexicon_create(&lex, argv[1], argv[2], &e) != BEAD_OK)
        die("lexicon", &e);
    size_t loaded = 0;
    if (strcmp(dict, "auto") == 0) {
        bead_lexicon_load_freedict(lex, NULL, &loaded, &e);
        if (e.message[0])
            fprintf(stderr, "lexicon_align: %s\n", e.message);
    } else if (strcmp(dict, "none") != 0 &&
               bead_lexicon_load_hunalign(lex, dict, &loaded, &e) != BEAD_OK) {
        die(dict, &e);
    }
    bead_alignment *al = align(src, trg, loaded ? lex : NULL);
    if (learn) {
        size_t learned = 0;
        if (fresh) {   /* the second pass uses the learned pairs only */
            bead_lexicon_free(lex);
            if (bead_lexicon_create(&lex, argv[1], argv[2], &e) != BEAD_OK)
                die("lexicon", &e);
        }
        if (bead_lexicon_learn(lex, src, trg, al, min_score, &learned, &e) != BEAD_OK)
            die("learn", &e);
        fprintf(stderr, "lexicon_align: %zu dictionary pairs, %zu learned\n", loaded, learned);
        bead_alignment_free(al);
        al = align(src, trg, bead_lexicon_size(lex) ? lex : NULL);
    }
    for (size_t i = 0; i < bead_alignment_size(al); i++) {
        size_t b0, c0, b1, c1;
        bead_alignment_range(al, i, 0, &b0, &c0);
        bead_alignment_range(al, i, 1, &b1, &c1);
        print_range(b0, c0);
        putchar(':');
        print_range(b1, c1);
        printf(":%.4f\n", bead_alignment_score(al, i));
    }
    bead_alignment_free(al);
    bead_lexicon_free(lex);
    bead_doc_free(src);
    bead_doc_free(trg);
    return 0;
}
