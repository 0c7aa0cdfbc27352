/* Shared pieces of the bead subcommands. */
#ifndef BEAD_CLI_H
#define BEAD_CLI_H

#include <bead/bead.h>
#include <bead/align.h>
#include <bead/lexicon.h>
#include <bead/report.h>
#include <bead/write.h>

/* Exit codes, documented in README.md and bead(1). */
enum {
    EXIT_DATA = 1,       /* bad input, I/O error, failed jobs */
    EXIT_USAGE = 2,      /* bad options or arguments */
    EXIT_PIPE = 141,     /* 128 + SIGPIPE: the reader of standard output went away */
    EXIT_SIGINT = 130,   /* other signals: 128 + the signal's number */
    EXIT_SIGTERM = 143
};

#define MAX_VERSIONS 64

int cmd_segment(int argc, char **argv);
int cmd_align(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_match(int argc, char **argv);

/* "bead: " + message on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Prints err's message (or status text) and returns the exit code it means. */
int cli_fail(const bead_error *err, bead_status status);
/* 1 for data and I/O errors, 2 for usage errors, 141 for a closed pipe. */
int cli_exit_code(bead_status status);

/* The signals that end bead after removing its temporary files, exiting
 * 128 + the signal: SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM. */
extern const int cli_cleanup_signals[];
extern const size_t cli_cleanup_nsignals;
void cli_signals_install(void);
void cli_track_output(const bead_output *out);
void cli_untrack_output(const bead_output *out);

/* Opens path for writing and registers its temporary file. */
bead_status cli_output_open(bead_output **out, const char *path, bead_error *err);
/* Commits (on status OK) or discards, unregisters and frees. Returns the
 * final status. */
bead_status cli_output_close(bead_output *out, bead_status status, bead_error *err);

/* Parses "bg,de" into langs (each checked against ICU). Returns the count,
 * or -1 after printing a usage error. */
int cli_parse_langs(const char *list, char langs[][16], int max);
/* The language for path: given (may be NULL), else from the file name.
 * Returns 0 after printing a usage error. */
int cli_lang_for(const char *path, const char *given, char *buf, size_t bufsize);

/* The languages of files[0..nfiles): from langlist ("bg,de", one per file)
 * or from the file names. Returns 0, or -1 after printing a usage error. */
int cli_langs_for_files(const char *langlist, char *const *files, int nfiles, char langs[][16]);
/* 0, or -1 after a usage error when more than one of files is standard
 * input ("-", or /dev/stdin when that is a pipe): it can be read once. */
int cli_check_stdin_once(char *const *files, int nfiles);
/* --pivot as a language of the files or a 0-based position: its index, -1
 * when arg is NULL, -2 after printing a usage error. */
int cli_parse_pivot(const char *arg, char langs[][16], int nfiles);
/* The Moses file of version v of the n whose languages are langs[0..n), for
 * the prefix given as -o: PREFIX.<lang>, or PREFIX.<v+1>.<lang> when another
 * version shares the language; `bead align` and `bead batch` alike. */
void cli_moses_path(char *buf, size_t size, const char *prefix, const char *const *langs,
                    size_t n, size_t v);
/* bead_doc_load that also says on stderr how many invalid sequences were
 * replaced (--replace-invalid). */
bead_status cli_load_doc(bead_doc **out, const char *path, const char *lang,
                         const bead_load_options *opt, bead_error *err);
/* --mode auto|align|mine: 0, or -1 after printing a usage error. */
int cli_parse_mode(const char *arg, bead_mode *mode);
/* Numbers of options (cli/numbers.c), strict: no sign, blanks, junk,
 * overflow, NaN or infinity. Each returns 0, or -1 after a usage error
 * naming the option. */
/* --max-bytes / --max-sentences: a size of at least 1 (K, M, G, T). */
int cli_parse_limit(const char *option, const char *arg, uint64_t *out);
/* A whole number from min to max. */
int cli_parse_count(const char *option, const char *arg, uint64_t min, uint64_t max,
                    uint64_t *out);
/* A finite decimal number from min to max. */
int cli_parse_real(const char *option, const char *arg, double min, double max, double *out);

/* From dicts.c: the dictionaries of a run, loaded here because libbead
 * loads none by itself. */
/* $BEAD_DICT_DIR when set and not empty, else NULL (libbead's default,
 * /usr/share/dictd): where --dict auto finds FreeDict dictionaries. */
const char *cli_dict_dir(void);
/* The folder of compiled dictionaries by libbead's rule (bead_cache_dir:
 * $BEAD_CACHE_DIR, else $XDG_CACHE_HOME/bead, else $HOME/.cache/bead),
 * written to buf; NULL when caching is off ($BEAD_CACHE_DIR=none, or no
 * home). The folder need not exist yet. */
const char *cli_cache_dir(char *buf, size_t size);

typedef struct cli_dicts {
    const bead_lexicon *first;      /* langs[0] -> langs[1]: bead_align_options.lexicon */
    const bead_lexicon_set *set;    /* FreeDict, every pair of versions that has one:
                                       bead_align_options.lexicons and the report's */
    struct bead_dicts *loaded;      /* what holds them (bead_dicts_load) */
    bead_lexicon *file_first;       /* --dict FILE beside auto's, when a report
                                       wants FreeDict for the first pair too */
} cli_dicts;

/* Loads what --dict auto|none|FILE gives the n versions of langs, for
 * aligning them (for_align) and for their report (for_report), by the
 * library's rule (bead_dicts_load, through the cache of compiled
 * dictionaries): none, no lexicon at all; auto, FreeDict for every pair of
 * versions, the first pair (langs[0] -> langs[1]) always with a lexicon,
 * empty when none is installed; FILE, the FILE (compiled or hunalign) for
 * the first pair and FreeDict for the others (and for the report, every
 * pair). FreeDict problems are warnings on stderr (say_when_missing: also
 * when auto finds none for the first pair); a bad FILE is an error. Free
 * with cli_dicts_free. */
bead_status cli_dicts_load(cli_dicts *d, const char *dict, char langs[][16], int n,
                           int for_align, int for_report, int say_when_missing,
                           bead_error *err);
void cli_dicts_free(cli_dicts *d);

/* From source_date.c: the TMX creationdate $SOURCE_DATE_EPOCH asks for, in
 * date (empty when it is unset or empty), or BEAD_ERR_USAGE when it is not a
 * count of seconds since 1970. */
bead_status cli_source_date(char date[32], bead_error *err);

/* A byte or count size ("100M", "2G", "5000", 0 included); -1 if malformed
 * or over 2^64 - 1, with no message. */
int cli_parse_size(const char *s, uint64_t *out);

/* From cmd_report.c, for bead report and bead align --report FILE. */
/* Builds the report of al (docs[0..n), pairs as from bead_align_multi) and
 * writes it to path, as HTML when html is set, else JSON. */
bead_status cli_report_write(const char *path, int html, const bead_doc *const *docs, size_t n,
                             const bead_alignment *al, const bead_alignment *const *pairs,
                             size_t npairs, const bead_report_options *ropt, bead_error *err);
/* The same into out, which the caller commits (with other outputs). */
bead_status cli_report_render(bead_output *out, int html, const bead_doc *const *docs, size_t n,
                              const bead_alignment *al, const bead_alignment *const *pairs,
                              size_t npairs, const bead_report_options *ropt, bead_error *err);
/* "bead: verdict FILE_A FILE_B: comparable (coverage 0.18, mean score 0.41)"
 * on stderr for every pair that is not parallel (pairs in
 * bead_align_multi's order). */
void cli_print_verdicts(char *const *files, size_t n, const bead_alignment *const *pairs,
                        size_t npairs);

/* From cmd_align.c: writes al in fmt to outpath (moses: a prefix, a file
 * per version of langs[0..n)). */
bead_status cli_write_outputs(const char *outpath, bead_format fmt, char langs[][16], int n,
                              const bead_doc *const *docs, const bead_alignment *al,
                              bead_write_options *wopt, bead_error *err);

/* From nway.c. "bead: pivot FILE; sentences written: FILE k/n, ..." for an
 * alignment of 3+ versions. */
void cli_say_nway(char *const *files, int n, const bead_doc *const *docs,
                  const bead_alignment *al);
/* When the filtered formats write no unit of al, says so on stderr with why
 * and what to do instead; returns whether it did. */
int cli_say_if_empty(const bead_alignment *al, const bead_write_options *wopt, int n,
                     const char *outpath);
/* --pairs: every pair's alignment (pairs in bead_pair_versions' order) to
 * OUT.<la>-<lb>.<ext> (OUT.<a>.<la>-<b>.<lb>.<ext> when two versions share
 * a language). */
bead_status cli_write_pairs(const char *outpath, bead_format fmt, char langs[][16], int n,
                            const bead_doc *const *docs, const bead_alignment *const *pairs,
                            size_t npairs, bead_write_options *wopt, bead_error *err);

/* From preseg_hint.c: a hint on stderr when the file at path (not "-")
 * looks split one sentence per line already (most lines end a sentence) and
 * yet became fewer sentences than it has lines. */
void cli_hint_presegmented(const char *path, uint64_t sentences);

/* From langtag.c. The ISO 639 code of the tag tag[0..len) ("de", " de",
 * "en-US", "pt_BR", "eng"): 1, or 0 after printing a usage error. */
int cli_lang_code(const char *tag, size_t len, char out[16]);
/* The script check (see bead_language_script_conflict): 0 when the text of
 * doc, or the start of the file at path (not "-"), fits its language; -1
 * after printing which script was found where (exit 2; --force-lang skips
 * the check). */
int cli_check_doc_script(const char *path, const bead_doc *doc);
int cli_check_file_script(const char *path, const char *lang);

/* From outname.c: the format of bead align from -f (fmtname, may be NULL)
 * or -o's extension; 0, or -1 after printing a usage error (an unknown
 * format, or an extension bead does not write). */
int cli_format_for_output(const char *fmtname, const char *outpath, bead_format *fmt);

/* From summary_dicts.c: bead_write_summary to path, plus "dictionaries",
 * the dictionary of every pair of versions (kind, path, entries) as loaded
 * for --dict dict. */
bead_status cli_write_summary(bead_output *file, const bead_doc *const *docs, int n,
                              const bead_alignment *al, const bead_alignment *const *pairs,
                              size_t npairs, double seconds, const cli_dicts *dicts,
                              const char *dict, bead_error *err);

#endif
