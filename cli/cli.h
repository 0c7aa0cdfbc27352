/* Shared pieces of the bead subcommands. */
#ifndef BEAD_CLI_H
#define BEAD_CLI_H

#include <bead/bead.h>

/* Exit codes, documented in README.md and bead(1). */
enum {
    EXIT_DATA = 1,       /* bad input, I/O error, failed jobs */
    EXIT_USAGE = 2,      /* bad options or arguments */
    EXIT_SIGINT = 130,
    EXIT_SIGTERM = 143
};

#define MAX_VERSIONS 64

int cmd_segment(int argc, char **argv);
int cmd_align(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_batch(int argc, char **argv);

/* "bead: " + message on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Prints err's message (or status text) and returns the exit code it means. */
int cli_fail(const bead_error *err, bead_status status);
/* 1 for data and I/O errors, 2 for usage errors. */
int cli_exit_code(bead_status status);

/* Removes registered temporary files on SIGINT/SIGTERM, then exits 130/143. */
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

/* Parses a byte or count limit ("100M", "2G", "5000"); -1 if malformed. */
int cli_parse_size(const char *s, uint64_t *out);

#endif
