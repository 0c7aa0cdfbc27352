/* bead batch: many alignment jobs from a job list, on every core. Reads jobs
 * lazily, one line at a time, and writes one result record per job. Each
 * line is handled on its own, so a job list may be split anywhere and run
 * under GNU parallel, Slurm, Snakemake, Hadoop Streaming or Spark. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_paths.h"
#include "batch_pool.h"
#include "batch_signals.h"
#include "cli.h"

#define MAX_THREADS 256
/* The longest job line read, unless --max-bytes asks for more: its inline
 * texts may take twice --max-bytes, six times over when every character is
 * written as \u00XX. A longer line is an error record, not a line that
 * grows until memory runs out (a job list of /dev/zero). */
#define MAX_JOB_LINE (256u << 20)

static void usage(FILE *f)
{
    fputs("usage: bead batch [OPTIONS] [JOBS] < jobs > results.jsonl\n"
          "\n"
          "Runs one alignment per job line and writes one JSON result record per job.\n"
          "Jobs (one per line, from JOBS or standard input):\n"
          "  JSONL  {\"id\":\"a1\",\"src\":PATH,\"trg\":PATH,\"langs\":[\"bg\",\"de\"],\"out\":PATH}\n"
          "         (\"src_text\"/\"trg_text\" give texts inline; \"langs\" and \"out\" are optional)\n"
          "  TSV    id<TAB>src<TAB>trg[<TAB>bg,de[<TAB>out]]   (no header)\n"
          "A job without \"out\" gets its alignment inline in its record, as \"tsv\".\n"
          "\n"
          "Options:\n"
          "  -j, --jobs N            worker threads (default: the number of online cores)\n"
          "      --jobs-format F     jsonl or tsv (default: '{' as first byte means jsonl)\n"
          "  -f, --format F          tsv, tmx, beads, jsonl or moses for output files\n"
          "                          (default: from the out name's extension, else tsv)\n"
          "      --keep-order        results in input order (default: as jobs finish)\n"
          "      --halt-on-error     start no job after the first failure; the jobs not\n"
          "                          run get an error record \"not run: ...\"\n"
          "      --skip-existing     do not redo jobs whose out exists (\"skipped\":true)\n"
          "      --progress          progress on stderr even when it is not a terminal\n"
          "      --presegmented      inputs hold one sentence per line\n"
          "      --min-score X       leave out beads scored below X (not in beads format)\n"
          "      --mode MODE         auto (default): align, then mine the pairs of a\n"
          "                          comparable pair and write none for an unrelated\n"
          "                          one; align: monotone alignment only; mine: only\n"
          "                          the pairs that translate each other (as bead align)\n"
          "      --replace-invalid   read invalid UTF-8 and NUL in inputs as U+FFFD\n"
          "      --max-bytes N       refuse inputs (files or inline texts) over N bytes per\n"
          "                          side of a job (K, M, G, T suffixes)\n"
          "      --timeout SECONDS   end a job that runs longer with an error record; the\n"
          "                          others go on\n"
          "      --out-dir DIR       every out lies under DIR: relative ones are taken\n"
          "                          from DIR, and one that leads outside it (\"..\", an\n"
          "                          absolute path, a symlink) is an error record\n"
          "      --allow-special     read inputs (and write outs) that are not regular\n"
          "                          files: FIFOs, devices; without it they are refused,\n"
          "                          as a FIFO may never end and /dev/zero never does\n"
          "      --dict auto|none|FILE  dictionary anchors: auto (the default) uses the\n"
          "                          installed FreeDict dictionaries for each job's\n"
          "                          language pair ($BEAD_DICT_DIR, else /usr/share/dictd);\n"
          "                          FILE is a hunalign dictionary (\"target @ source\"\n"
          "                          lines) used for every job, so it suits job lists of\n"
          "                          one language pair; none turns them off. Each pair's\n"
          "                          dictionary is read once and shared by all threads;\n"
          "                          a corrupt one is a single warning, then jobs are\n"
          "                          aligned without it\n"
          "  -h, --help              this text\n"
          "\n"
          "Two jobs may not write the same file (the later gets an error record), and no\n"
          "job may read standard input when it holds the job list.\n"
          "\n"
          "Exit status: 0 every job ok, 1 some job failed (each has an error record) or\n"
          "the results could not be written, 2 usage error (nothing run), 141 the\n"
          "reader of the results went away.\n", f);
}

enum {
    OPT_JOBS_FORMAT = 256,
    OPT_KEEP_ORDER,
    OPT_HALT,
    OPT_SKIP,
    OPT_PROGRESS,
    OPT_PRESEG,
    OPT_MIN_SCORE,
    OPT_REPLACE_INVALID,
    OPT_DICT,
    OPT_MAX_BYTES,
    OPT_TIMEOUT,
    OPT_OUT_DIR,
    OPT_ALLOW_SPECIAL,
    OPT_MODE
};

typedef struct batch_cli {
    batch_settings settings;
    batch_pool_options pool;
    batch_jobs_format jobs_format;
    int progress;
    const char *jobs_path;
    batch_dict_mode dict_mode;
    const char *dict_path;       /* BATCH_DICT_FILE */
    int dict_explicit;           /* --dict given: report pairs without a dictionary */
    const char *out_dir;         /* --out-dir */
} batch_cli;

static int parse_args(int argc, char **argv, batch_cli *cli)
{
    static const struct option longopts[] = {
        {"jobs", required_argument, NULL, 'j'},
        {"jobs-format", required_argument, NULL, OPT_JOBS_FORMAT},
        {"format", required_argument, NULL, 'f'},
        {"keep-order", no_argument, NULL, OPT_KEEP_ORDER},
        {"halt-on-error", no_argument, NULL, OPT_HALT},
        {"skip-existing", no_argument, NULL, OPT_SKIP},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"presegmented", no_argument, NULL, OPT_PRESEG},
        {"min-score", required_argument, NULL, OPT_MIN_SCORE},
        {"replace-invalid", no_argument, NULL, OPT_REPLACE_INVALID},
        {"dict", required_argument, NULL, OPT_DICT},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"out-dir", required_argument, NULL, OPT_OUT_DIR},
        {"allow-special", no_argument, NULL, OPT_ALLOW_SPECIAL},
        {"mode", required_argument, NULL, OPT_MODE},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    cli->pool.threads = cores > 0 ? (int)(cores < MAX_THREADS ? cores : MAX_THREADS) : 1;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":j:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': {
            uint64_t n;
            if (cli_parse_count("-j", optarg, 1, MAX_THREADS, &n))
                return EXIT_USAGE;
            cli->pool.threads = (int)n;
            break;
        }
        case OPT_JOBS_FORMAT:
            if (!batch_jobs_format_parse(optarg, &cli->jobs_format)) {
                cli_error("--jobs-format wants jsonl or tsv, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (!bead_format_parse(optarg, &cli->settings.format)) {
                cli_error("-f wants tsv, tmx, beads, jsonl or moses, not '%s'", optarg);
                return EXIT_USAGE;
            }
            cli->settings.format_given = 1;
            break;
        case OPT_KEEP_ORDER: cli->pool.keep_order = 1; break;
        case OPT_HALT: cli->pool.halt_on_error = 1; break;
        case OPT_SKIP: cli->settings.skip_existing = 1; break;
        case OPT_PROGRESS: cli->progress = 1; break;
        case OPT_PRESEG: cli->settings.presegmented = 1; break;
        case OPT_REPLACE_INVALID: cli->settings.replace_invalid = 1; break;
        case OPT_MODE:
            if (cli_parse_mode(optarg, &cli->settings.mode))
                return EXIT_USAGE;
            break;
        case OPT_DICT: {
            bead_error err;
            bead_error_clear(&err);
            if (!batch_dict_parse(optarg, &cli->dict_mode, &err)) {
                cli_error("%s", err.message);
                return EXIT_USAGE;
            }
            cli->dict_path = optarg;
            cli->dict_explicit = 1;
            break;
        }
        case OPT_MIN_SCORE:
            if (cli_parse_real("--min-score", optarg, 0, 1, &cli->settings.min_score))
                return EXIT_USAGE;
            break;
        case OPT_MAX_BYTES:
            if (cli_parse_limit("--max-bytes", optarg, &cli->settings.max_bytes))
                return EXIT_USAGE;
            break;
        case OPT_TIMEOUT:
            /* Above a year it is no limit; below a millisecond, no time. */
            if (cli_parse_real("--timeout", optarg, 0.001, 31536000, &cli->settings.timeout))
                return EXIT_USAGE;
            break;
        case OPT_OUT_DIR: cli->out_dir = optarg; break;
        case OPT_ALLOW_SPECIAL: cli->settings.allow_special = 1; break;
        case 'h':
            usage(stdout);
            return -1;
        case ':':
            cli_error("option '%s' needs a value; see 'bead batch --help'", argv[optind - 1]);
            return EXIT_USAGE;
        default:
            cli_error("unknown option '%s'; see 'bead batch --help'", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        cli_error("bead batch reads one job list (a file or standard input), not %d files; "
                  "see 'bead batch --help'", argc - optind);
        return EXIT_USAGE;
    }
    if (argc - optind == 1 && strcmp(argv[optind], "-") != 0)
        cli->jobs_path = argv[optind];
    return 0;
}

/* The number of non-blank lines left in f, when f is a regular file (for
 * the progress total); 0 when unknown. f is rewound to where it was. */
static size_t count_jobs(FILE *f)
{
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    long start = ftell(f);
    if (start < 0)
        return 0;
    size_t n = 0;
    int blank = 1, ch;
    while ((ch = getc(f)) != EOF) {
        if (ch == '\n') {
            n += !blank;
            blank = 1;
        } else if (ch != ' ' && ch != '\t' && ch != '\r') {
            blank = 0;
        }
    }
    n += !blank;
    clearerr(f);
    if (fseek(f, start, SEEK_SET) != 0)
        return 0;
    return n;
}

/* Reads one line of in into *buf (without its '\n'), at most max bytes of
 * it: its length, -1 at the end, -2 out of memory. *too_long when the line
 * was longer (the rest of it is read and dropped); *stop when the job list
 * cannot go on: a NUL byte (not text: /dev/zero) or a line over twice max
 * (one that might never end). */
static ssize_t read_line(FILE *in, char **buf, size_t *cap, size_t max, int *too_long,
                         int *stop)
{
    size_t len = 0, dropped = 0;
    int c, any = 0;
    *too_long = *stop = 0;
    while ((c = getc_unlocked(in)) != EOF) {
        any = 1;
        if (c == '\n')
            break;
        if (c == '\0' || dropped > max) {
            *stop = 1;
            break;
        }
        if (len >= max) {
            *too_long = 1;
            dropped++;
            continue;
        }
        if (len + 1 >= *cap) {
            size_t ncap = *cap ? *cap * 2 : 4096;
            char *nb = realloc(*buf, ncap);
            if (!nb)
                return -2;
            *buf = nb;
            *cap = ncap;
        }
        (*buf)[len++] = (char)c;
    }
    if (!any)
        return -1;
    if (*buf)
        (*buf)[len] = '\0';
    return (ssize_t)len;
}

/* Reads job lines and queues them. A line that does not parse, or whose
 * paths are refused, becomes an error record straight away, in its place
 * in the order. */
static int feed(FILE *in, const char *in_name, batch_pool *pool, batch_jobs_format fmt,
                batch_paths *paths, const batch_settings *set)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    uint64_t lineno = 0;
    size_t max = MAX_JOB_LINE;
    if (set->max_bytes && set->max_bytes < (SIZE_MAX - 65536) / 12 &&
        12 * set->max_bytes + 65536 > max)
        max = (size_t)(12 * set->max_bytes + 65536);
    int too_long, stop = 0;
    while ((len = read_line(in, &line, &cap, max, &too_long, &stop)) >= 0 && !stop) {
        lineno++;
        batch_job job;
        bead_error err;
        bead_status s;
        memset(&job, 0, sizeof job);
        bead_error_clear(&err);
        if (too_long) {
            s = bead_error_set(&err, BEAD_ERR_LIMIT, -1, 0,
                               "the job line is longer than %zu bytes; give texts as files, or "
                               "raise --max-bytes", max);
        } else {
            const char *l = line ? line : "";
            /* The first line that is not blank decides the format. */
            if (fmt == BATCH_JOBS_GUESS && strspn(l, " \t\r\f\v") < (size_t)len)
                fmt = batch_jobs_format_guess(l, (size_t)len);
            s = batch_job_parse(l, (size_t)len, fmt, &job, &err);
            if (s == BEAD_DONE) {
                batch_job_clear(&job);
                continue;
            }
            if (s == BEAD_OK)
                s = batch_paths_check(paths, set, &job, &err);
        }
        cJSON *record = NULL;
        if (s != BEAD_OK) {
            char msg[sizeof err.message + 64];
            snprintf(msg, sizeof msg, "%s line %llu: %s", in_name, (unsigned long long)lineno,
                     err.message);
            record = batch_record_error(job.id, msg);
            batch_job_clear(&job);
            if (!record) {
                cli_error("out of memory");
                free(line);
                return EXIT_DATA;
            }
        }
        if (!batch_pool_submit(pool, &job, record)) {
            batch_job_clear(&job);
            break;
        }
    }
    int e = len == -2 ? ENOMEM : ferror(in) ? errno : 0;
    free(line);
    if (stop) {
        cli_error("%s: line %llu holds a NUL byte or goes on for over %zu bytes: this is not "
                  "a job list; the rest of it is not read", in_name,
                  (unsigned long long)lineno + 1, 2 * max);
        return EXIT_DATA;
    }
    if (e) {
        cli_error("%s: read error after line %llu: %s", in_name, (unsigned long long)lineno,
                  strerror(e));
        return EXIT_DATA;
    }
    return 0;
}

int cmd_batch(int argc, char **argv)
{
    batch_cli cli;
    memset(&cli, 0, sizeof cli);
    int rc = parse_args(argc, argv, &cli);
    if (rc)
        return rc < 0 ? 0 : rc;

    FILE *in = stdin;
    const char *in_name = "<stdin>";
    if (cli.jobs_path) {
        struct stat st;
        in = fopen(cli.jobs_path, "r");
        if (!in || fstat(fileno(in), &st) != 0 || S_ISDIR(st.st_mode)) {
            cli_error("%s: cannot read the job list: %s", cli.jobs_path,
                      in ? "is a directory" : strerror(errno));
            if (in)
                fclose(in);
            return EXIT_DATA;
        }
        in_name = cli.jobs_path;
    }

    /* Before any thread starts, so that every thread inherits the mask. */
    batch_signals_start();
    int tty = isatty(STDERR_FILENO);
    batch_progress *progress = NULL;
    if (tty || cli.progress)
        progress = batch_progress_create(stderr, tty, count_jobs(in));
    cli.pool.results = stdout;
    cli.pool.progress = progress;

    batch_paths *paths = NULL;
    if (batch_paths_create(&paths, cli.out_dir, in == stdin, cli.settings.allow_special) != 0) {
        if (in != stdin)
            fclose(in);
        return EXIT_USAGE;
    }
    if (cli.settings.timeout > 0)
        cli.settings.watchdog = batch_watchdog_start((size_t)cli.pool.threads);
    batch_pool *pool = NULL;
    bead_error err;
    bead_error_clear(&err);
    batch_dicts *dicts = NULL;
    bead_status s = batch_dicts_create(&dicts, cli.dict_mode, cli.dict_path, cli.dict_explicit,
                                       stderr, &err);
    cli.settings.dicts = dicts;
    if (s == BEAD_OK)
        s = batch_pool_create(&pool, &cli.pool, &cli.settings, &err);
    if (s != BEAD_OK) {
        batch_dicts_free(dicts);
        batch_paths_free(paths);
        batch_watchdog_stop(cli.settings.watchdog);
        if (in != stdin)
            fclose(in);
        batch_progress_finish(progress, 0, 0);
        return cli_fail(&err, s);
    }
    rc = feed(in, in_name, pool, cli.jobs_format, paths, &cli.settings);
    batch_pool_stats stats;
    batch_pool_finish(pool, &stats);
    batch_watchdog_stop(cli.settings.watchdog);
    batch_paths_free(paths);
    batch_dicts_free(dicts);   /* after the threads: they borrow the lexicons */
    batch_progress_finish(progress, stats.ok + stats.failed, stats.failed);
    if (in != stdin)
        fclose(in);

    if (stats.output_failed == EPIPE)
        return EXIT_PIPE;   /* the reader went away (| head): not an error to report */
    if (stats.output_failed) {
        cli_error("<stdout>: cannot write the results: %s", strerror(stats.output_failed));
        return EXIT_DATA;
    }
    if (stats.failed) {
        cli_error("%zu of %zu jobs failed; their records say why", stats.failed,
                  stats.ok + stats.failed);
        return EXIT_DATA;
    }
    return rc;
}
