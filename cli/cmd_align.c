/* bead align: sentence alignment of two or more versions of a text, written
 * as TSV, TMX, Moses, JSON Lines or beads, plus an optional summary JSON.
 * Documents are kept in arrays indexed by command-line position. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bead/align.h>
#include <bead/lexicon.h>
#include <bead/report.h>
#include <bead/write.h>

#include "cli.h"

static const char usage_text[] =
    "usage: bead align [-L LANGS] [-f FORMAT] [-o OUT] [options] SRC TRG [MORE...]\n"
    "\n"
    "Aligns the sentences of two or more versions of a text (plain UTF-8 or\n"
    "gzip). With three or more, every version is aligned to a pivot and the\n"
    "output has one column (tuv) per version, in command-line order.\n"
    "  -L, --langs L1,L2       ISO 639 codes, one per file, in order; default: from\n"
    "                          the file names (bg.aljazeera.txt is Bulgarian)\n"
    "  -f, --format FMT        tsv, tmx, moses, jsonl or beads; default: from -o's\n"
    "                          extension, else tsv\n"
    "  -o, --output OUT        output file (moses: a prefix, PREFIX.<lang> per\n"
    "                          version); default: stdout\n"
    "      --presegmented      inputs hold one sentence per line (empty lines too)\n"
    "      --beads LIST        allowed bead types, e.g. 1-1,1-0,0-1,2-1,1-2\n"
    "                          (of 1-1 1-0 0-1 2-1 1-2 2-2 1-3 3-1; default all)\n"
    "      --min-score X       leave out beads scored below X (not in beads format)\n"
    "      --include-unaligned tsv/moses/jsonl: also beads with an empty side\n"
    "      --header            tsv: a first line naming the languages\n"
    "      --summary-json F    write bead counts, mean score, unaligned sentences,\n"
    "                          verdict and model to F ('-' for stdout)\n"
    "      --date D            tmx creationdate (YYYYMMDDThhmmssZ)\n"
    "      --doctype           tmx: write a DOCTYPE line\n"
    "      --mode MODE         auto (default): align, then mine the pairs of a\n"
    "                          comparable text and print none for an unrelated\n"
    "                          one; align: monotone alignment only; mine: only\n"
    "                          the pairs that translate each other\n"
    "      --dict auto|none|FILE  dictionary anchors: auto (the default) uses the\n"
    "                          installed FreeDict dictionaries for the pair, if\n"
    "                          any; FILE is a hunalign dictionary (\"target @\n"
    "                          source\" lines); none turns them off\n"
    "      --learn yes|no      yes (the default): learn a lexicon from the first\n"
    "                          alignment's confident 1-1 beads and align again\n"
    "                          with it (texts of 30+ sentences a side); no: one\n"
    "                          pass\n"
    "      --anchors yes|no    no: the length model alone, without numbers, names,\n"
    "                          cognates, punctuation or paragraphs (for\n"
    "                          comparison; default yes)\n"
    "      --iterations N      re-estimation rounds of the length model (default 2)\n"
    "      --pivot V           3+ files: the version the others are aligned to (a\n"
    "                          language or a 0-based position); default: the one\n"
    "                          that aligns best with the others\n"
    "      --report FILE       also write the fidelity report (.html or .json)\n"
    "      --replace-invalid   turn invalid UTF-8 and NUL into U+FFFD (counted)\n"
    "      --max-bytes N       refuse inputs over N bytes (K, M, G suffixes)\n"
    "      --max-sentences N   refuse inputs over N sentences\n"
    "  -h, --help              this text\n"
    "Exit status: 0 success, 1 bad input or I/O error, 2 usage error (also when\n"
    "the .EOA / form-feed section counts of the inputs differ).\n";

enum {
    OPT_PRESEG = 256, OPT_MIN_SCORE, OPT_BEADS, OPT_SUMMARY, OPT_UNALIGNED, OPT_HEADER,
    OPT_DATE, OPT_DOCTYPE, OPT_REPLACE, OPT_MAX_BYTES, OPT_MAX_SENT, OPT_MODE, OPT_DICT,
    OPT_ITER, OPT_PIVOT, OPT_REPORT, OPT_LEARN, OPT_ANCHORS
};

/* PREFIX.<lang>, or PREFIX.<n>.<lang> (n: 1-based position) when another
 * version shares the language. */
static void moses_path(char *buf, size_t size, const char *prefix, char langs[][16], int n,
                       int v)
{
    int shared = 0;
    for (int k = 0; k < n; k++)
        if (k != v && !strcmp(langs[k], langs[v]))
            shared = 1;
    if (shared)
        snprintf(buf, size, "%s.%d.%s", prefix, v + 1, langs[v]);
    else
        snprintf(buf, size, "%s.%s", prefix, langs[v]);
}

static bead_status write_outputs(const char *outpath, bead_format fmt, char langs[][16],
                                 int nfiles, const bead_doc *const *docs,
                                 const bead_alignment *al, bead_write_options *wopt,
                                 bead_error *err)
{
    if (fmt != BEAD_FORMAT_MOSES) {
        bead_output *out = NULL;
        bead_status s = cli_output_open(&out, outpath, err);
        if (s == BEAD_OK)
            s = bead_write_alignment(out, fmt, docs, al, wopt, err);
        return cli_output_close(out, s, err);
    }
    /* All Moses files are written before any is renamed into place, so a
     * failure leaves none behind. */
    bead_output *outs[MAX_VERSIONS] = {NULL};
    bead_status s = BEAD_OK;
    char path[4096];
    for (int v = 0; v < nfiles && s == BEAD_OK; v++) {
        moses_path(path, sizeof path, outpath, langs, nfiles, v);
        s = cli_output_open(&outs[v], path, err);
        if (s == BEAD_OK)
            s = bead_write_moses_side(outs[v], docs, al, (size_t)v, wopt, err);
    }
    for (int v = 0; v < nfiles; v++)
        s = cli_output_close(outs[v], s, err);
    return s;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int cmd_align(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"langs", required_argument, NULL, 'L'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"presegmented", no_argument, NULL, OPT_PRESEG},
        {"min-score", required_argument, NULL, OPT_MIN_SCORE},
        {"beads", required_argument, NULL, OPT_BEADS},
        {"summary-json", required_argument, NULL, OPT_SUMMARY},
        {"include-unaligned", no_argument, NULL, OPT_UNALIGNED},
        {"header", no_argument, NULL, OPT_HEADER},
        {"date", required_argument, NULL, OPT_DATE},
        {"doctype", no_argument, NULL, OPT_DOCTYPE},
        {"replace-invalid", no_argument, NULL, OPT_REPLACE},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"max-sentences", required_argument, NULL, OPT_MAX_SENT},
        {"mode", required_argument, NULL, OPT_MODE},
        {"dict", required_argument, NULL, OPT_DICT},
        {"iterations", required_argument, NULL, OPT_ITER},
        {"learn", required_argument, NULL, OPT_LEARN},
        {"anchors", required_argument, NULL, OPT_ANCHORS},
        {"pivot", required_argument, NULL, OPT_PIVOT},
        {"report", required_argument, NULL, OPT_REPORT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    double t0 = now_seconds();
    const char *langlist = NULL, *outpath = "-", *summary = NULL, *fmtname = NULL, *dict = "auto";
    const char *pivotarg = NULL, *reportpath = NULL;
    int dict_explicit = 0;
    bead_load_options lopt;
    bead_load_options_init(&lopt);
    bead_align_options aopt;
    bead_align_options_init(&aopt);
    bead_write_options wopt;
    bead_write_options_init(&wopt);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "L:f:o:h", longopts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'L': langlist = optarg; break;
        case 'f': fmtname = optarg; break;
        case 'o': outpath = optarg; break;
        case OPT_PRESEG: lopt.presegmented = 1; break;
        case OPT_MIN_SCORE:
            wopt.min_score = strtod(optarg, &end);
            if (end == optarg || *end || wopt.min_score < 0 || wopt.min_score > 1) {
                cli_error("--min-score wants a number from 0 to 1, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_BEADS:
            aopt.bead_types = bead_types_parse(optarg);
            if (!aopt.bead_types) {
                cli_error("--beads wants a list such as 1-1,1-0,0-1,2-1,1-2 (types: 1-1 1-0 "
                          "0-1 2-1 1-2 2-2 1-3 3-1), not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_SUMMARY: summary = optarg; break;
        case OPT_UNALIGNED: wopt.include_unaligned = 1; break;
        case OPT_HEADER: wopt.header = 1; break;
        case OPT_DATE: wopt.date = optarg; break;
        case OPT_DOCTYPE: wopt.doctype = 1; break;
        case OPT_REPLACE: lopt.input.replace_invalid = 1; break;
        case OPT_MAX_BYTES:
            if (cli_parse_limit("--max-bytes", optarg, &lopt.input.max_bytes))
                return EXIT_USAGE;
            break;
        case OPT_MAX_SENT:
            if (cli_parse_limit("--max-sentences", optarg, &lopt.max_sentences))
                return EXIT_USAGE;
            break;
        case OPT_MODE:
            if (cli_parse_mode(optarg, &aopt.mode))
                return EXIT_USAGE;
            break;
        case OPT_DICT:
            dict = optarg;
            dict_explicit = 1;
            break;
        case OPT_ITER: {
            long it = strtol(optarg, &end, 10);
            if (end == optarg || *end || it < 0 || it > 20) {
                cli_error("--iterations wants a number from 0 to 20, not '%s'", optarg);
                return EXIT_USAGE;
            }
            aopt.iterations = (int)it;
            break;
        }
        case OPT_LEARN:
            if (!strcmp(optarg, "yes"))
                aopt.learn = 1;
            else if (!strcmp(optarg, "no"))
                aopt.learn = 0;
            else {
                cli_error("--learn wants yes or no, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_ANCHORS:
            if (!strcmp(optarg, "yes"))
                aopt.anchors = 1;
            else if (!strcmp(optarg, "no"))
                aopt.anchors = 0;
            else {
                cli_error("--anchors wants yes or no, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_PIVOT: pivotarg = optarg; break;
        case OPT_REPORT: reportpath = optarg; break;
        case 'h': fputs(usage_text, stdout); return 0;
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    int nfiles = argc - optind;
    if (nfiles < 2) {
        cli_error("align needs two files, SRC and TRG; run 'bead align --help'");
        return EXIT_USAGE;
    }
    if (nfiles > MAX_VERSIONS) {
        cli_error("at most %d files at once, not %d", MAX_VERSIONS, nfiles);
        return EXIT_USAGE;
    }
    char langs[MAX_VERSIONS][16];
    if (cli_langs_for_files(langlist, argv + optind, nfiles, langs) < 0)
        return EXIT_USAGE;
    int pivot = cli_parse_pivot(pivotarg, langs, nfiles);
    if (pivot == -2)
        return EXIT_USAGE;
    bead_format fmt = BEAD_FORMAT_TSV;
    if (fmtname) {
        if (!bead_format_parse(fmtname, &fmt)) {
            cli_error("unknown format '%s': use tsv, tmx, moses, jsonl or beads", fmtname);
            return EXIT_USAGE;
        }
    } else if (strcmp(outpath, "-") != 0 && !bead_format_from_path(outpath, &fmt)) {
        fmt = BEAD_FORMAT_TSV;
    }
    if (fmt == BEAD_FORMAT_MOSES && !strcmp(outpath, "-")) {
        cli_error("moses output needs -o PREFIX (it writes PREFIX.<lang> per version)");
        return EXIT_USAGE;
    }

    bead_error err;
    bead_error_clear(&err);
    bead_doc *docs[MAX_VERSIONS] = {NULL};
    bead_aligner *aligner = NULL;
    bead_alignment *al = NULL;
    bead_lexicon *lex = NULL;
    bead_status s = BEAD_OK;
    for (int v = 0; v < nfiles && s == BEAD_OK; v++)
        s = cli_load_doc(&docs[v], argv[optind + v], langs[v], &lopt, &err);
    int empty = 0;
    for (int v = 0; v < nfiles && s == BEAD_OK; v++)
        empty |= bead_doc_size(docs[v]) == 0;
    /* Loading a dictionary takes a moment: only when there is text on both
     * sides to align. */
    if (s == BEAD_OK && !empty)
        s = cli_load_lexicon(&lex, dict, langs[0], langs[1], dict_explicit, &err);
    aopt.lexicon = lex;
    if (s == BEAD_OK)
        s = bead_aligner_create(&aligner, &aopt, &err);
    const bead_doc *const *cdocs = (const bead_doc *const *)docs;
    bead_alignment *mono = NULL, **pairs = NULL;
    size_t npairs = 0;
    if (s == BEAD_OK && nfiles == 2) {
        /* The mode decides what is printed (auto: mined pairs for a
         * comparable pair, none for an unrelated one); the beads format
         * always shows the covering monotone alignment. */
        s = bead_align_decide(aligner, &aopt, docs[0], docs[1], &al, &mono, &err);
        if (s == BEAD_OK)
            cli_print_verdicts(argv + optind, 2, (const bead_alignment *const *)&al, 1);
    } else if (s == BEAD_OK) {
        s = bead_align_multi(aligner, &aopt, cdocs, (size_t)nfiles, pivot, NULL, &al, &pairs,
                             &npairs, &err);
        if (s == BEAD_OK)
            cli_print_verdicts(argv + optind, (size_t)nfiles,
                               (const bead_alignment *const *)pairs, npairs);
    }
    const bead_alignment *shown = fmt == BEAD_FORMAT_BEADS && mono ? mono : al;
    if (s == BEAD_OK)
        s = write_outputs(outpath, fmt, langs, nfiles, cdocs, shown, &wopt, &err);
    if (s == BEAD_OK && wopt.replaced)
        cli_error("%s: replaced %llu character(s) that XML 1.0 forbids with U+FFFD",
                  outpath, (unsigned long long)wopt.replaced);
    if (s == BEAD_OK && summary) {
        bead_output *out = NULL;
        s = cli_output_open(&out, summary, &err);
        if (s == BEAD_OK)
            s = bead_write_summary(out, cdocs, al, (const bead_alignment *const *)pairs, npairs,
                                   now_seconds() - t0, &err);
        s = cli_output_close(out, s, &err);
    }
    if (s == BEAD_OK && reportpath) {
        /* For two files the report reads the covering monotone alignment. */
        bead_report_options ropt;
        bead_report_options_init(&ropt);
        s = cli_report_write(reportpath, bead_report_is_html(reportpath), cdocs,
                             (size_t)nfiles, mono ? mono : al,
                             (const bead_alignment *const *)(mono ? &al : pairs),
                             mono ? 1 : npairs, &ropt, &err);
    }
    bead_alignment_list_free(pairs, npairs);
    bead_alignment_free(mono);
    bead_alignment_free(al);
    bead_aligner_free(aligner);
    bead_lexicon_free(lex);
    for (int v = 0; v < nfiles; v++)
        bead_doc_free(docs[v]);
    if (s != BEAD_OK)
        return cli_fail(&err, s);
    return 0;
}
