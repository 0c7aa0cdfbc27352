/* dict_open: the best wall time, in ms, of N opens of a compiled dictionary
 * (bead_lexicon_open_compiled: map, checksums, index checks). Public API
 * only. Usage: dict_open FILE [N] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <bead/lexicon.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: dict_open FILE [N]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 20;
    double best = -1;
    for (int i = 0; i < n; i++) {
        bead_lexicon *lex = NULL;
        bead_error err;
        double t0 = now();
        bead_status s = bead_lexicon_open_compiled(&lex, argv[1], NULL, &err);
        double t = now() - t0;
        if (s != BEAD_OK || !lex) {
            fprintf(stderr, "dict_open: %s\n", s != BEAD_OK ? err.message : "out of date");
            return 1;
        }
        bead_lexicon_free(lex);
        if (best < 0 || t < best)
            best = t;
    }
    printf("%.1f\n", best * 1e3);
    return 0;
}
