/* bead: sentence segmentation and alignment of parallel texts. */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unicode/uversion.h>
#include <zlib.h>
#include <cjson/cJSON.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: bead COMMAND [OPTIONS] [FILE...]\n"
          "\n"
          "Commands:\n"
          "  segment   split a text into sentences, one per line (or JSON Lines)\n"
          "  align     align the sentences of two or more versions of a text\n"
          "  report    report on the fidelity of a translation (JSON or HTML)\n"
          "  batch     run many alignment jobs from a job list\n"
          "  dict      compile dictionaries for fast loading (bead dict --help)\n"
          "  match     find which documents of two collections translate which\n"
          "\n"
          "Run 'bead COMMAND --help' for a command's options, or see bead(1).\n"
          "Options: -h, --help  this text;  -V, --version  versions of bead, ICU, zlib.\n"
          "Exit status: 0 success, 1 bad input or I/O error, 2 usage error (a\n"
          "malformed number, standard input given twice too), 141 the reader of the\n"
          "output went away, 130/143 interrupted by SIGINT/SIGTERM (other terminating\n"
          "signals: 128 + the signal).\n", f);
}

static void version(void)
{
    UVersionInfo v;
    char icu[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, icu);
    printf("bead %s\nICU %s\nzlib %s\ncJSON %s\n", bead_version(), icu, zlibVersion(),
           cJSON_Version());
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* glibc raises its mmap threshold each time a large block is freed, and
     * the aligner's large per-round arrays then come from the heap, where
     * freed space is kept: a 100,000-sentence pair peaked 6 MB higher. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    cli_signals_install();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        version();
        return 0;
    }
    if (!strcmp(cmd, "segment"))
        return cmd_segment(argc - 1, argv + 1);
    if (!strcmp(cmd, "align"))
        return cmd_align(argc - 1, argv + 1);
    if (!strcmp(cmd, "report"))
        return cmd_report(argc - 1, argv + 1);
    if (!strcmp(cmd, "batch"))
        return cmd_batch(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict"))
        return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "match"))
        return cmd_match(argc - 1, argv + 1);
    cli_error("unknown command '%s'; run 'bead --help' for the list", cmd);
    return EXIT_USAGE;
}
