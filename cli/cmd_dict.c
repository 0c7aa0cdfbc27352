/* bead dict: compiled dictionaries. `bead dict compile` turns a FreeDict
 * (or hunalign) dictionary into the compiled file that --dict auto maps;
 * `bead dict path` says where --dict auto keeps it. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void dict_usage(FILE *f)
{
    fputs("usage: bead dict compile [OPTIONS] SRC TRG\n"
          "       bead dict path [--dict-dir DIR] SRC TRG\n"
          "\n"
          "compile: compiles the FreeDict dictionary for SRC -> TRG (or, with\n"
          "--hunalign, a hunalign dictionary) into one file that bead maps in\n"
          "milliseconds. Without -o it goes to the cache, where --dict auto finds\n"
          "it; --dict auto also compiles it there on its first run. Prints the path.\n"
          "path: prints where --dict auto keeps the compiled SRC -> TRG dictionary.\n"
          "\n"
          "  -o, --output FILE       write the compiled dictionary to FILE (use it\n"
          "                          with --dict FILE)\n"
          "      --hunalign FILE     compile this hunalign dictionary (\"target @\n"
          "                          source\" lines) instead of FreeDict; needs -o\n"
          "      --dict-dir DIR      where FreeDict is installed (default\n"
          "                          $BEAD_DICT_DIR, else /usr/share/dictd)\n"
          "  -h, --help              this text\n"
          "\n"
          "The cache is $BEAD_CACHE_DIR, else $XDG_CACHE_HOME/bead, else\n"
          "~/.cache/bead (BEAD_CACHE_DIR=none turns it off). A cached file is\n"
          "named after the dictionary's size, time and inode and bead's key\n"
          "rules: when either changes a new one is made. Delete the folder to\n"
          "clear it.\n", f);
}

int cmd_dict(int argc, char **argv)
{
    enum { OPT_HUNALIGN = 256, OPT_DICT_DIR };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"hunalign", required_argument, NULL, OPT_HUNALIGN},
        {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        dict_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    const char *action = argv[1];
    int compile = !strcmp(action, "compile");
    if (!compile && strcmp(action, "path") != 0) {
        cli_error("dict: unknown action '%s'; try 'bead dict --help'", action);
        return EXIT_USAGE;
    }
    const char *out = NULL, *hunalign = NULL, *dict_dir = cli_dict_dir();
    int c;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case OPT_HUNALIGN:
            hunalign = optarg;
            break;
        case OPT_DICT_DIR:
            dict_dir = optarg;
            break;
        case 'h':
            dict_usage(stdout);
            return 0;
        default:
            return EXIT_USAGE;
        }
    }
    argc -= 1;
    argv += 1;
    if (argc - optind != 2) {
        cli_error("dict %s: wants two languages, SRC and TRG (like 'en de')", action);
        return EXIT_USAGE;
    }
    const char *src = argv[optind], *trg = argv[optind + 1];
    if (hunalign && !out) {
        cli_error("dict compile: --hunalign needs -o FILE (the cache holds FreeDict only)");
        return EXIT_USAGE;
    }
    char cachebuf[4096], fp[BEAD_DICT_SOURCE_MAX], path[4096];
    const char *cache = cli_cache_dir(cachebuf, sizeof cachebuf);
    if (!hunalign && !bead_freedict_fingerprint(dict_dir, src, trg, fp, sizeof fp)) {
        cli_error("dict %s: no FreeDict dictionary for %s-%s in %s", action, src, trg,
                  dict_dir ? dict_dir : "/usr/share/dictd");
        return EXIT_DATA;
    }
    if (!out) {
        if (!cache || !bead_dict_cache_path(cache, src, trg, fp, path, sizeof path)) {
            cli_error("dict %s: no cache folder (BEAD_CACHE_DIR=none or no HOME); use -o FILE",
                      action);
            return EXIT_USAGE;
        }
        out = path;
    }
    if (!compile) {
        printf("%s\n", out);
        return 0;
    }

    bead_error err;
    bead_error_clear(&err);
    bead_lexicon *lex = NULL;
    size_t loaded = 0;
    bead_status s = bead_lexicon_create(&lex, src, trg, &err);
    if (s == BEAD_OK && hunalign) {
        s = bead_lexicon_load_hunalign(lex, hunalign, &loaded, &err);
        if (s == BEAD_OK && !bead_file_fingerprint(hunalign, fp, sizeof fp))
            fp[0] = '\0';
    } else if (s == BEAD_OK) {
        bead_error warn;
        bead_error_clear(&warn);
        s = bead_lexicon_load_freedict(lex, dict_dir, &loaded, &warn);
        if (warn.message[0]) {
            /* A compiled file must not hide a damaged source for good. */
            bead_error_set(&err, BEAD_ERR_FORMAT, -1, 0, "%s", warn.message);
            s = BEAD_ERR_FORMAT;
        }
    }
    if (s == BEAD_OK && out == path) {
        /* The cache folder may not exist yet. */
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", cache);
        for (char *p = dir + 1; *p; p++)
            if (*p == '/') {
                *p = '\0';
                mkdir(dir, 0755);
                *p = '/';
            }
        mkdir(dir, 0755);
    }
    if (s == BEAD_OK)
        s = bead_lexicon_compile(lex, out, fp, &err);
    bead_lexicon_free(lex);
    if (s != BEAD_OK)
        return cli_fail(&err, s);
    printf("%s\n", out);
    fprintf(stderr, "bead: %zu pairs compiled\n", loaded);
    return 0;
}
