/* bead.h: what every part of bead shares: status codes, error details,
 * and the input and output streams.
 *
 * Ownership, once for all of bead's headers:
 *   - Every object made by bead_X_create (or bead_X_open) belongs to the
 *     caller, who releases it with bead_X_free. Every bead_X_free accepts NULL.
 *   - Strings and buffers passed in are copied; bead keeps no pointer to them
 *     after the call returns, unless a function says otherwise.
 *   - Pointers returned by accessors are borrowed: they stay valid until the
 *     object they came from is freed or changed.
 *   - There is no global mutable state: separate handles may be used from
 *     separate threads at the same time; one handle is used by one thread.
 */
#ifndef BEAD_BEAD_H
#define BEAD_BEAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

#define BEAD_VERSION "0.1.0"

typedef enum bead_status {
    BEAD_OK = 0,
    BEAD_DONE,          /* end of a stream: not an error */
    BEAD_ERR_NOMEM,
    BEAD_ERR_IO,        /* cannot open, read or write */
    BEAD_ERR_UTF8,      /* invalid UTF-8 */
    BEAD_ERR_NUL,       /* NUL byte in text */
    BEAD_ERR_GZIP,      /* truncated or corrupt gzip stream */
    BEAD_ERR_LIMIT,     /* input over --max-bytes or --max-sentences */
    BEAD_ERR_LANG,      /* unknown language code */
    BEAD_ERR_ICU,       /* ICU refused (message says what) */
    BEAD_ERR_USAGE,     /* bad argument from the caller */
    BEAD_ERR_SECTIONS,  /* .EOA / form-feed section counts differ */
    BEAD_ERR_FORMAT,    /* malformed record (job line, dictionary, ...) */
    BEAD_ERR_INTERRUPTED,
    BEAD_ERR_PIPE,      /* the reader of an output pipe went away */
    BEAD_ERR_TIMEOUT    /* a deadline passed (bead_input_options.deadline, ...) */
} bead_status;

/* A short English description of a status code ("invalid UTF-8"). */
const char *bead_strerror(bead_status status);

/* Details of the last failure. Every function that can fail takes an
 * optional bead_error *; pass NULL when the details do not matter. */
typedef struct bead_error {
    bead_status status;
    int64_t offset;     /* byte offset in the (decompressed) input, or -1 */
    int64_t line;       /* 1-based line number, or 0 when unknown */
    char message[512];  /* what happened and what to do about it */
} bead_error;

void bead_error_clear(bead_error *err);
/* Fills err (if not NULL) and returns status, for one-line error returns. */
bead_status bead_error_set(bead_error *err, bead_status status, int64_t offset,
                           int64_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

const char *bead_version(void);

/* ---------------------------------------------------------------- input */

typedef struct bead_input_options {
    uint64_t max_bytes;      /* 0: no limit; counts decompressed bytes */
    int replace_invalid;     /* invalid UTF-8 and NUL become U+FFFD */
    int regular_only;        /* refuse anything but a regular file (a FIFO, a
                                device, a socket) with BEAD_ERR_IO, without
                                waiting on it or reading from it */
    double deadline;         /* 0: none; else a CLOCK_MONOTONIC time in seconds
                                (clock_gettime): reading after it fails with
                                BEAD_ERR_TIMEOUT. A read blocked on a pipe ends
                                when a signal interrupts it (a handler installed
                                without SA_RESTART) after the deadline. */
} bead_input_options;

void bead_input_options_init(bead_input_options *opt);

/* A line source: plain or gzip (detected from the bytes, not the name),
 * UTF-8 validated, leading BOM dropped, CRLF and lone CR read as line ends.
 * Concatenated gzip members are read one after the other; anything else
 * after a gzip member is BEAD_ERR_GZIP. A NUL byte is an error as soon as it
 * is read (unless replace_invalid), before its line ends. Memory is bounded
 * by the longest line (and by max_bytes). */
typedef struct bead_input bead_input;

/* path "-" is standard input. A directory or unreadable path is BEAD_ERR_IO. */
bead_status bead_input_open(bead_input **out, const char *path,
                            const bead_input_options *opt, bead_error *err);
/* Reads from a memory buffer (copied). name is used in messages. */
bead_status bead_input_open_memory(bead_input **out, const char *data, size_t len,
                                   const char *name, const bead_input_options *opt,
                                   bead_error *err);
void bead_input_free(bead_input *in);

/* The next line, without its line end. *line is borrowed until the next call.
 * *offset is the byte offset of the line's first byte in the decompressed
 * input. Returns BEAD_OK, BEAD_DONE at the end, or an error. */
bead_status bead_input_next_line(bead_input *in, const char **line, size_t *len,
                                 uint64_t *offset, bead_error *err);
/* 1-based number of the line last returned. */
uint64_t bead_input_line_number(const bead_input *in);
/* How many invalid sequences were replaced by U+FFFD so far. */
uint64_t bead_input_replacements(const bead_input *in);

/* Where the line last returned was repaired (replace_invalid): for each
 * U+FFFD put in, its byte position in that line and how many input bytes it
 * stands for. Lets callers map positions back to input offsets. */
typedef struct bead_repair {
    size_t pos;
    size_t raw_len;
} bead_repair;
size_t bead_input_line_repairs(const bead_input *in, const bead_repair **repairs);
const char *bead_input_name(const bead_input *in);

/* --------------------------------------------------------------- output */

/* An output stream. "-" is standard output. A name ending in ".gz" is
 * written gzip-compressed. A regular file, new or existing, is written to a
 * temporary file in the same folder (NAME.tmp.XXXXXX, or .bead.tmp.XXXXXX
 * when that would pass NAME_MAX) and renamed into place by
 * bead_output_commit: a new file gets mode 0666 less the umask, a replaced
 * one keeps its mode (and, where allowed, its owner). A symlink is followed:
 * its target is replaced and the link stays. Anything else (a pipe, a
 * device, /dev/stdout or /dev/fd/N) is written directly. Freeing an output
 * that was not committed removes its temporary file. A write to a pipe
 * whose reader has gone fails with BEAD_ERR_PIPE. */
typedef struct bead_output bead_output;

bead_status bead_output_open(bead_output **out, const char *path, bead_error *err);
bead_status bead_output_write(bead_output *out, const void *data, size_t len,
                              bead_error *err);
bead_status bead_output_puts(bead_output *out, const char *s, bead_error *err);
bead_status bead_output_printf(bead_output *out, bead_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Flushes, closes and renames into place. Any write error surfaces here at
 * the latest. After commit the object only needs freeing. */
bead_status bead_output_commit(bead_output *out, bead_error *err);
/* Commits several outputs as one: every file is completed (flushed,
 * synced, closed) before the first is renamed into place, so a failure
 * (a full disk) leaves none of them in place. NULL entries are skipped. */
bead_status bead_output_commit_all(bead_output *const *outs, size_t n, bead_error *err);
void bead_output_free(bead_output *out);
/* A time limit for writing (a CLOCK_MONOTONIC time in seconds, 0: none): a
 * write blocked on a pipe or FIFO that a signal interrupts after it fails
 * with BEAD_ERR_TIMEOUT instead of waiting on. */
void bead_output_set_deadline(bead_output *out, double deadline);
/* The temporary file being written, or NULL when writing directly: for a
 * signal handler that must remove it. The pointer stays valid until
 * bead_output_free, also after the commit has renamed the file. */
const char *bead_output_temp_path(const bead_output *out);
const char *bead_output_name(const bead_output *out);
/* An output that collects everything written in memory (for results carried
 * inline, as `bead batch` does). bead_output_memory returns the bytes written
 * so far, NUL-terminated, borrowed until the next write or free. */
bead_status bead_output_open_memory(bead_output **out, bead_error *err);
const char *bead_output_memory(const bead_output *out, size_t *len);

/* ------------------------------------------------------------ languages */

/* 1 if code is an ISO 639 language ICU knows (uloc_getISOLanguages). */
int bead_language_known(const char *code);
/* The language code a file name starts with ("dir/bg.aljazeera.txt" -> "bg"),
 * written to buf; 0 if the name carries none. */
int bead_language_from_path(const char *path, char *buf, size_t bufsize);
/* The ISO 639 code ICU knows for a language tag as users write it: a BCP 47
 * tag or a POSIX locale by its primary language ("en-US", "pt_BR.UTF-8"),
 * a three-letter code ICU maps ("eng" -> "en", "bul" -> "bg"), surrounding
 * spaces ignored. Writes it to buf (at least 4 bytes) and returns 1, or 0
 * when the tag names no language ICU knows. */
int bead_language_normalize(const char *tag, char *buf, size_t bufsize);
/* Whether the UTF-8 text (len bytes; a sample is enough) is clearly written
 * in another script than lang is (ICU's likely script for it): 20 letters
 * or more, under a tenth in lang's script and most in one other. *found
 * and *expected (each may be NULL) get the English names of the text's
 * main script and of lang's ("Cyrillic", "Latin"), or NULL. Languages
 * written in several scripts (sr, uz, az, ...) never conflict. */
int bead_language_script_conflict(const char *lang, const char *text, size_t len,
                                  const char **found, const char **expected);

/* ---------------------------------------------------------------- clock */

/* Seconds on the monotonic clock (CLOCK_MONOTONIC) from an arbitrary start:
 * only differences mean anything. The one clock behind every time bead
 * reports (the model's and the summary's "seconds", batch records,
 * progress), so that they agree and never go backwards when the wall
 * clock is set. */
double bead_seconds(void);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
