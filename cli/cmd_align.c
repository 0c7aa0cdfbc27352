/* bead align: sentence alignment of two or more versions of a text, written
 * as TSV, TMX, Moses, JSON Lines or beads, plus an optional summary JSON.
 * Documents are kept in arrays indexed by command-line position. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    "output has one column (tuv) per version, in command-line order: a unit\n"
    "is written when two or more versions have text in it, the others' fields\n"
    "empty. The pivot and what is written of each version go to stderr.\n"
    "  -L, --langs L1,L2       ISO 639 codes, one per file, in order (en-US, pt_BR,\n"
    "                          eng are taken by their language); default: from\n"
    "                          the file names (bg.aljazeera.txt is Bulgarian)\n"
    "      --force-lang        align even a text whose script contradicts its\n"
    "                          language (Cyrillic given as de: exit 2 otherwise)\n"
    "  -f, --format FMT        tsv, tmx, moses, jsonl or beads; default: from -o's\n"
    "                          extension (.tsv .tmx .jsonl .beads; another one is\n"
    "                          an error), else tsv\n"
    "  -o, --output OUT        output file (moses: a prefix, PREFIX.<lang> per\n"
    "                          version); default: stdout\n"
    "      --presegmented      inputs hold one sentence per line (empty lines too)\n"
    "      --beads LIST        allowed bead types, e.g. 1-1,1-0,0-1,2-1,1-2\n"
    "                          (of 1-1 1-0 0-1 2-1 1-2 2-2 1-3 3-1 2-3 3-2 1-4\n"
    "                          4-1; default all but 2-3 and 3-2)\n"
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
    "                          any, compiled once into $BEAD_CACHE_DIR (else\n"
    "                          ~/.cache/bead) and mapped from there after; FILE\n"
    "                          is a hunalign dictionary (\"target @ source\" lines)\n"
    "                          or one made by 'bead dict compile'; none turns\n"
    "                          them off\n"
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
    "      --pairs             3+ files: instead of N-way units, write each pair's\n"
    "                          own alignment to OUT.<lang>-<lang>.<ext> (needs -o)\n"
    "      --replace-invalid   turn invalid UTF-8 and NUL into U+FFFD (counted)\n"
    "      --max-bytes N       refuse inputs over N bytes (K, M, G, T suffixes)\n"
    "      --max-sentences N   refuse inputs over N sentences\n"
    "  -h, --help              this text\n"
    "Output files (alignment, summary, report) are renamed into place together,\n"
    "once all are complete. Standard input ('-') can be given once.\n"
    "Exit status: 0 success, 1 bad input or I/O error, 2 usage error (also when\n"
    "the .EOA / form-feed section counts of the inputs differ).\n";

enum {
    OPT_PRESEG = 256, OPT_MIN_SCORE, OPT_BEADS, OPT_SUMMARY, OPT_UNALIGNED, OPT_HEADER,
    OPT_DATE, OPT_DOCTYPE, OPT_REPLACE, OPT_MAX_BYTES, OPT_MAX_SENT, OPT_MODE, OPT_DICT,
    OPT_ITER, OPT_PIVOT, OPT_REPORT, OPT_LEARN, OPT_ANCHORS, OPT_PAIRS, OPT_FORCE_LANG
};

/* Opens and writes the alignment's output(s) into outs[*n...]: one file,
 * or one per version for moses. Nothing is committed here. */
static bead_status write_alignment(const char *outpath, bead_format fmt, char langs[][16],
                                   int nfiles, const bead_doc *const *docs,
                                   const bead_alignment *al, bead_write_options *wopt,
                                   bead_output **outs, size_t *n, bead_error *err)
{
    if (fmt != BEAD_FORMAT_MOSES) {
        /* Without --date, SOURCE_DATE_EPOCH dates a TMX (and is only
         * checked then, so a bad value fails no other format). */
        char date[32] = "";
        const char *given = wopt->date;
        bead_status s = fmt == BEAD_FORMAT_TMX && !given ? cli_source_date(date, err) : BEAD_OK;
        if (*date)
            wopt->date = date;
        if (s == BEAD_OK)
            s = cli_output_open(&outs[*n], outpath, err);
        if (s == BEAD_OK)
            s = bead_write_alignment(outs[(*n)++], fmt, docs, al, wopt, err);
        wopt->date = given;
        return s;
    }
    char path[4096];
    const char *lp[MAX_VERSIONS];
    for (int v = 0; v < nfiles; v++)
        lp[v] = langs[v];
    for (int v = 0; v < nfiles; v++) {
        cli_moses_path(path, sizeof path, outpath, lp, (size_t)nfiles, (size_t)v);
        bead_status s = cli_output_open(&outs[*n], path, err);
        if (s != BEAD_OK)
            return s;
        s = bead_write_moses_side(outs[(*n)++], docs, al, (size_t)v, wopt, err);
        if (s != BEAD_OK)
            return s;
    }
    return BEAD_OK;
}

/* One alignment written and committed on its own (--pairs writes one per
 * pair of versions). */
bead_status cli_write_outputs(const char *outpath, bead_format fmt, char langs[][16],
                              int nfiles, const bead_doc *const *docs,
                              const bead_alignment *al, bead_write_options *wopt,
                              bead_error *err)
{
    bead_output *outs[MAX_VERSIONS] = {NULL};
    size_t n = 0;
    bead_status s = write_alignment(outpath, fmt, langs, nfiles, docs, al, wopt, outs, &n, err);
    if (s == BEAD_OK)
        s = bead_output_commit_all(outs, n, err);
    for (size_t k = 0; k < n; k++)
        s = cli_output_close(outs[k], s, err);
    return s;
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
        {"pairs", no_argument, NULL, OPT_PAIRS},
        {"force-lang", no_argument, NULL, OPT_FORCE_LANG},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    double t0 = bead_seconds();
    const char *langlist = NULL, *outpath = "-", *summary = NULL, *fmtname = NULL, *dict = "auto";
    const char *pivotarg = NULL, *reportpath = NULL;
    int dict_explicit = 0, by_pairs = 0, force_lang = 0, bad_script = 0;
    bead_load_options lopt;
    bead_load_options_init(&lopt);
    bead_align_options aopt;
    bead_align_options_init(&aopt);
    bead_write_options wopt;
    bead_write_options_init(&wopt);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "L:f:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'L': langlist = optarg; break;
        case 'f': fmtname = optarg; break;
        case 'o': outpath = optarg; break;
        case OPT_PRESEG: lopt.presegmented = 1; break;
        case OPT_MIN_SCORE:
            if (cli_parse_real("--min-score", optarg, 0, 1, &wopt.min_score))
                return EXIT_USAGE;
            break;
        case OPT_BEADS:
            aopt.bead_types = bead_types_parse(optarg);
            if (!aopt.bead_types) {
                cli_error("--beads wants a list such as 1-1,1-0,0-1,2-1,1-2 (types: 1-1 1-0 "
                          "0-1 2-1 1-2 2-2 1-3 3-1 2-3 3-2 1-4 4-1), not '%s'", optarg);
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
            uint64_t it;
            if (cli_parse_count("--iterations", optarg, 0, 20, &it))
                return EXIT_USAGE;
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
        case OPT_PAIRS: by_pairs = 1; break;
        case OPT_FORCE_LANG: force_lang = 1; break;
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
    for (int v = 0; v < nfiles; v++)
        for (int w = v + 1; w < nfiles; w++)
            if (!strcmp(argv[optind + v], "-") && !strcmp(argv[optind + w], "-")) {
                cli_error("standard input can be read once: give '-' for one file at most");
                return EXIT_USAGE;
            }
    char langs[MAX_VERSIONS][16];
    if (cli_langs_for_files(langlist, argv + optind, nfiles, langs) < 0 ||
        cli_check_stdin_once(argv + optind, nfiles) < 0)
        return EXIT_USAGE;
    int pivot = cli_parse_pivot(pivotarg, langs, nfiles);
    if (pivot == -2)
        return EXIT_USAGE;
    bead_format fmt;
    if (cli_format_for_output(fmtname, outpath, &fmt))
        return EXIT_USAGE;
    if (by_pairs && !strcmp(outpath, "-")) {
        cli_error("--pairs writes one output per pair of versions: give -o OUT "
                  "(OUT.<lang>-<lang>.<ext> each)");
        return EXIT_USAGE;
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
    cli_dicts dicts = {0};
    bead_status s = BEAD_OK;
    for (int v = 0; v < nfiles && s == BEAD_OK; v++) {
        s = cli_load_doc(&docs[v], argv[optind + v], langs[v], &lopt, &err);
        if (s == BEAD_OK && !force_lang && cli_check_doc_script(argv[optind + v], docs[v])) {
            bad_script = 1;
            s = BEAD_ERR_USAGE;
        }
        if (s == BEAD_OK && !lopt.presegmented)
            cli_hint_presegmented(argv[optind + v], bead_doc_size(docs[v]));
    }
    int empty = 0;
    for (int v = 0; v < nfiles && s == BEAD_OK; v++)
        empty |= bead_doc_size(docs[v]) == 0;
    /* Loading a dictionary takes a moment: the aligner gets them only when
     * every version has text to align; the report gets them anyway. */
    if (s == BEAD_OK)
        s = cli_dicts_load(&dicts, dict, langs, nfiles, !empty, reportpath != NULL,
                           dict_explicit, &err);
    if (!empty) {
        aopt.lexicon = dicts.first;
        aopt.lexicons = dicts.set;
    }
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
    if (s == BEAD_OK && !by_pairs)
        cli_say_nway(argv + optind, nfiles, cdocs, al);
    /* The alignment, the summary and the report are all written before any
     * is renamed into place: a failure (a full disk) leaves none of them. */
    bead_output *outs[MAX_VERSIONS + 2] = {NULL};
    size_t nouts = 0;
    if (s == BEAD_OK && by_pairs && nfiles > 2)
        s = cli_write_pairs(outpath, fmt, langs, nfiles, cdocs,
                            (const bead_alignment *const *)pairs, npairs, &wopt, &err);
    else if (s == BEAD_OK) {
        s = write_alignment(outpath, fmt, langs, nfiles, cdocs, shown, &wopt, outs, &nouts,
                            &err);
        if (s == BEAD_OK && fmt != BEAD_FORMAT_BEADS && !empty)
            cli_say_if_empty(al, &wopt, nfiles, outpath);
    }
    if (s == BEAD_OK && summary) {
        s = cli_output_open(&outs[nouts], summary, &err);
        if (s == BEAD_OK)
            s = cli_write_summary(outs[nouts++], cdocs, nfiles, al,
                                  (const bead_alignment *const *)pairs, npairs,
                                  bead_seconds() - t0, &dicts, empty ? "none" : dict, &err);
    }
    if (s == BEAD_OK && reportpath) {
        /* For two files the report reads the covering monotone alignment. */
        bead_report_options ropt;
        bead_report_options_init(&ropt);
        ropt.lexicons = dicts.set;
        s = cli_output_open(&outs[nouts], reportpath, &err);
        if (s == BEAD_OK)
            s = cli_report_render(outs[nouts++], bead_report_is_html(reportpath), cdocs,
                                  (size_t)nfiles, mono ? mono : al,
                                  (const bead_alignment *const *)(mono ? &al : pairs),
                                  mono ? 1 : npairs, &ropt, &err);
    }
    if (s == BEAD_OK)
        s = bead_output_commit_all(outs, nouts, &err);
    for (size_t k = 0; k < nouts; k++)
        s = cli_output_close(outs[k], s, &err);
    if (s == BEAD_OK && wopt.replaced)
        cli_error("%s: replaced %llu character(s) that XML 1.0 forbids with U+FFFD",
                  outpath, (unsigned long long)wopt.replaced);
    bead_alignment_list_free(pairs, npairs);
    bead_alignment_free(mono);
    bead_alignment_free(al);
    bead_aligner_free(aligner);
    cli_dicts_free(&dicts);
    for (int v = 0; v < nfiles; v++)
        bead_doc_free(docs[v]);
    if (bad_script)
        return EXIT_USAGE;   /* the message is out already */
    if (s != BEAD_OK)
        return cli_fail(&err, s);
    return 0;
}
