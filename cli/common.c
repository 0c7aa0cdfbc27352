/* Shared pieces of the bead subcommands: messages, exit codes, languages,
 * output files (Moses names included), and removal of temporary files on
 * signals. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bead: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_exit_code(bead_status status)
{
    switch (status) {
    case BEAD_OK:
    case BEAD_DONE:
        return 0;
    case BEAD_ERR_USAGE:
    case BEAD_ERR_LANG:
    case BEAD_ERR_SECTIONS:
        return EXIT_USAGE;
    case BEAD_ERR_PIPE:
        return EXIT_PIPE;
    default:
        return EXIT_DATA;
    }
}

int cli_fail(const bead_error *err, bead_status status)
{
    /* A reader that stopped early (`| head`) is not an error to report. */
    if (status == BEAD_ERR_PIPE)
        return cli_exit_code(status);
    if (err && err->message[0])
        cli_error("%s", err->message);
    else
        cli_error("%s", bead_strerror(status));
    return cli_exit_code(status);
}

/* Temporary files to remove when a signal arrives. The handler only reads
 * the slots and calls unlink, which is async-signal-safe. */
#define MAX_TEMPS 1024
static _Atomic(const char *) temps[MAX_TEMPS];
static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_signal(int sig)
{
    for (size_t i = 0; i < MAX_TEMPS; i++) {
        const char *p = atomic_load(&temps[i]);
        if (p)
            unlink(p);
    }
    _exit(128 + sig);
}

const int cli_cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM};
const size_t cli_cleanup_nsignals = sizeof cli_cleanup_signals / sizeof cli_cleanup_signals[0];

void cli_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < cli_cleanup_nsignals; i++)
        sigaction(cli_cleanup_signals[i], &sa, NULL);
    /* A closed pipe surfaces as EPIPE (BEAD_ERR_PIPE) where it is written,
     * so that temporary files are removed on the way out (exit 141). */
    signal(SIGPIPE, SIG_IGN);
}

void cli_track_output(const bead_output *out)
{
    const char *p = bead_output_temp_path(out);
    if (!p)
        return;
    pthread_mutex_lock(&temps_lock);
    for (size_t i = 0; i < MAX_TEMPS; i++) {
        if (!atomic_load(&temps[i])) {
            atomic_store(&temps[i], p);
            break;
        }
    }
    pthread_mutex_unlock(&temps_lock);
}

void cli_untrack_output(const bead_output *out)
{
    const char *p = bead_output_temp_path(out);
    if (!p)
        return;
    pthread_mutex_lock(&temps_lock);
    for (size_t i = 0; i < MAX_TEMPS; i++)
        if (atomic_load(&temps[i]) == p)
            atomic_store(&temps[i], NULL);
    pthread_mutex_unlock(&temps_lock);
}

/* The cleanup signals are held back while a temporary file exists but is
 * not tracked (between its creation and cli_track_output, and between
 * untracking it and removing it): a signal in that window used to leave
 * the file behind (tests/scripts/output_targets.sh, under load). */
static void hold_signals(int hold, sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < cli_cleanup_nsignals; i++)
        sigaddset(&set, cli_cleanup_signals[i]);
    if (hold)
        pthread_sigmask(SIG_BLOCK, &set, old);
    else
        pthread_sigmask(SIG_SETMASK, old, NULL);
}

bead_status cli_output_open(bead_output **out, const char *path, bead_error *err)
{
    sigset_t old;
    hold_signals(1, &old);
    bead_status s = bead_output_open(out, path, err);
    if (s == BEAD_OK)
        cli_track_output(*out);
    hold_signals(0, &old);
    return s;
}

bead_status cli_output_close(bead_output *out, bead_status status, bead_error *err)
{
    if (!out)
        return status;
    if (status == BEAD_OK)
        status = bead_output_commit(out, err);
    sigset_t old;
    hold_signals(1, &old);
    cli_untrack_output(out);
    bead_output_free(out);
    hold_signals(0, &old);
    return status;
}

void cli_moses_path(char *buf, size_t size, const char *prefix, const char *const *langs,
                    size_t n, size_t v)
{
    int shared = 0;
    for (size_t k = 0; k < n; k++)
        if (k != v && !strcmp(langs[k], langs[v]))
            shared = 1;
    if (shared)
        snprintf(buf, size, "%s.%zu.%s", prefix, v + 1, langs[v]);
    else
        snprintf(buf, size, "%s.%s", prefix, langs[v]);
}

int cli_parse_langs(const char *list, char langs[][16], int max)
{
    int n = 0;
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (n == max) {
            cli_error("too many languages in '%s' (at most %d)", list, max);
            return -1;
        }
        if (strspn(p, " ") >= len) {
            cli_error("bad language list '%s': use ISO 639 codes separated by commas, "
                      "such as bg,de", list);
            return -1;
        }
        if (!cli_lang_code(p, len, langs[n]))   /* "bg, de", "en-US", "eng" */
            return -1;
        n++;
        p = comma ? comma + 1 : p + len;
    }
    return n;
}

int cli_lang_for(const char *path, const char *given, char *buf, size_t bufsize)
{
    if (given) {
        char code[16];
        if (!cli_lang_code(given, strlen(given), code))
            return 0;
        snprintf(buf, bufsize, "%s", code);
        return 1;
    }
    if (bead_language_from_path(path, buf, bufsize))
        return 1;
    cli_error("%s: cannot tell the language; give it with -l LANG (or -L for several "
              "files), or name the file LANG.something.txt, as in bg.aljazeera.txt",
              strcmp(path, "-") == 0 ? "<stdin>" : path);
    return 0;
}
