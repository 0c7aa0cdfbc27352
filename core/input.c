/* Line input: plain or gzip files, UTF-8 validation, BOM, CRLF and CR.
 * Lines are handed out without copying whenever they need no repair, so
 * memory stays bounded by the longest line. The bytes come from
 * core/input_source.c (plain, or gzip members). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/utf8.h>

#include "bead/bead.h"
#include "core/detect.h"
#include "core/deadline.h"
#include "core/grow.h"
#include "core/input_source.h"

#define READ_CHUNK (1u << 16)
#define NO_NUL UINT64_MAX

struct bead_input {
    bd_source src;             /* src.fd < 0 when reading from memory */
    char *name;
    bead_input_options opt;
    unsigned char *buf;        /* undecoded bytes buf[start, end) */
    size_t cap, start, end;
    uint64_t buf_offset;       /* input offset of buf[0] */
    uint64_t nul_at;           /* input offset of a NUL read but not yet in a line */
    int eof;
    int at_start;              /* BOM not yet checked */
    char *fixed;               /* repaired copy of a line */
    size_t fixed_cap;
    bead_repair *repairs;      /* where the last line was repaired */
    size_t nrepairs, repairs_cap;
    uint64_t lineno;
    uint64_t replacements;
};

void bead_input_options_init(bead_input_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

static bead_input *input_new(const char *name, const bead_input_options *opt)
{
    bead_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->name = strdup(name ? name : "-");
    if (!in->name) {
        free(in);
        return NULL;
    }
    if (opt)
        in->opt = *opt;
    in->at_start = 1;
    in->nul_at = NO_NUL;
    in->src.fd = -1;
    return in;
}

static bead_status nul_error(bead_input *in, uint64_t at, uint64_t lineno, bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_NUL, (int64_t)at, (int64_t)lineno,
        "%s:%llu: NUL byte at byte offset %llu; this looks like a binary file "
        "(use --replace-invalid to turn it into U+FFFD)", in->name,
        (unsigned long long)lineno, (unsigned long long)at);
}

static bead_status over_max_bytes(bead_input *in, bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_LIMIT, (int64_t)in->opt.max_bytes, 0,
        "%s: input is larger than --max-bytes %llu; raise the limit or split the file",
        in->name, (unsigned long long)in->opt.max_bytes);
}

/* open(2), retried after a signal until the deadline (opening a FIFO
 * waits for a writer). */
static int open_until(const char *path, int flags, double deadline, int *timed_out)
{
    *timed_out = 0;
    for (;;) {
        int fd = open(path, flags);
        if (fd >= 0 || errno != EINTR)
            return fd;
        if (bd_deadline_passed(deadline)) {
            *timed_out = 1;
            return -1;
        }
    }
}

static const char *kind_of(mode_t mode)
{
    return S_ISFIFO(mode) ? "a FIFO (named pipe)" : S_ISCHR(mode) ? "a character device"
           : S_ISBLK(mode) ? "a block device" : S_ISSOCK(mode) ? "a socket" : "not a regular file";
}

bead_status bead_input_open(bead_input **out, const char *path,
                            const bead_input_options *opt, bead_error *err)
{
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    const char *shown = is_stdin ? "<stdin>" : path;
    int regular_only = opt && opt->regular_only;
    double deadline = opt ? opt->deadline : 0;
    int timed_out = 0;
    /* O_NONBLOCK first when only a regular file will do: opening a FIFO
     * would otherwise wait for a writer before fstat could refuse it. */
    int fd = is_stdin ? dup(STDIN_FILENO)
                      : open_until(path, O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0),
                                   deadline, &timed_out);
    if (fd < 0 && timed_out)
        return bead_error_set(err, BEAD_ERR_TIMEOUT, -1, 0,
                              "%s: over the time limit while opening it", shown);
    if (fd < 0)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open: %s", shown,
                              strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                              "%s: is a directory; give a text file", shown);
    }
    if (regular_only) {
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            close(fd);
            return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                  "%s: is %s, not a regular file; give a text file", shown,
                                  kind_of(st.st_mode));
        }
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    bead_input *in = input_new(shown, opt);
    if (!in || bd_source_init(&in->src, fd, in->name, deadline) != 0) {
        if (in)
            in->src.fd = -1;
        close(fd);
        bead_input_free(in);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "%s: out of memory", shown);
    }
    *out = in;
    return BEAD_OK;
}

bead_status bead_input_open_memory(bead_input **out, const char *data, size_t len,
                                   const char *name, const bead_input_options *opt,
                                   bead_error *err)
{
    *out = NULL;
    bead_input *in = input_new(name ? name : "<memory>", opt);
    if (!in)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    in->buf = malloc(len ? len : 1);
    if (!in->buf) {
        bead_input_free(in);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    if (len)
        memcpy(in->buf, data, len);
    in->cap = len ? len : 1;
    in->end = len;
    in->eof = 1;
    if (in->opt.max_bytes && len > in->opt.max_bytes) {
        bead_status s = over_max_bytes(in, err);
        bead_input_free(in);
        return s;
    }
    *out = in;
    return BEAD_OK;
}

void bead_input_free(bead_input *in)
{
    if (!in)
        return;
    if (in->src.raw || in->src.fd >= 0)
        bd_source_close(&in->src);
    free(in->buf);
    free(in->fixed);
    free(in->repairs);
    free(in->name);
    free(in);
}

uint64_t bead_input_line_number(const bead_input *in) { return in->lineno; }
uint64_t bead_input_replacements(const bead_input *in) { return in->replacements; }

size_t bead_input_line_repairs(const bead_input *in, const bead_repair **repairs)
{
    *repairs = in->repairs;
    return in->nrepairs;
}

static int note_repair(bead_input *in, size_t pos, size_t raw_len)
{
    if (array_grow((void **)&in->repairs, &in->repairs_cap, in->nrepairs + 1,
                   sizeof *in->repairs, 16))
        return 0;
    in->repairs[in->nrepairs++] = (bead_repair){pos, raw_len};
    return 1;
}
const char *bead_input_name(const bead_input *in) { return in->name; }

/* Reads more bytes into the buffer, keeping buf[start, end). */
static bead_status refill(bead_input *in, bead_error *err)
{
    if (in->eof)
        return BEAD_OK;
    if (in->start > 0) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->buf_offset += in->start;
        in->end -= in->start;
        in->start = 0;
    }
    if (array_grow((void **)&in->buf, &in->cap, in->end + READ_CHUNK, 1, 2 * READ_CHUNK))
        return bead_error_set(err, BEAD_ERR_NOMEM, (int64_t)(in->buf_offset + in->end), 0,
                              "%s: out of memory reading a line of %zu bytes", in->name,
                              in->end);
    uint64_t at = in->buf_offset + in->end;
    size_t want = in->cap - in->end;
    /* Never more than one byte past --max-bytes: enough to know it is over. */
    if (in->opt.max_bytes && at <= in->opt.max_bytes) {
        uint64_t room = in->opt.max_bytes - at;
        if (want > room && want - room > 1)
            want = (size_t)room + 1;
    }
    size_t n;
    bead_status s = bd_source_read(&in->src, in->buf + in->end, want, &n, at, err);
    if (s != BEAD_OK)
        return s;
    if (n == 0)
        in->eof = 1;
    if (!in->opt.replace_invalid && in->nul_at == NO_NUL) {
        /* Caught as it is read: a binary file (or /dev/zero) without line
         * ends would otherwise be gathered into one endless line first. */
        const unsigned char *z = memchr(in->buf + in->end, 0, n);
        if (z)
            in->nul_at = at + (uint64_t)(z - (in->buf + in->end));
    }
    in->end += n;
    if (in->opt.max_bytes && in->buf_offset + in->end > in->opt.max_bytes)
        return over_max_bytes(in, err);
    return BEAD_OK;
}

static int ensure_fixed(bead_input *in, size_t need)
{
    return array_grow((void **)&in->fixed, &in->fixed_cap, need, 1, 256) == 0;
}

/* Checks a raw line; repairs it into in->fixed when replacing is allowed. */
static bead_status validate(bead_input *in, const unsigned char *s, size_t n,
                            uint64_t offset, const char **line, size_t *len,
                            bead_error *err)
{
    in->nrepairs = 0;
    size_t i = 0;
    /* Eight bytes at a time while all are ASCII and none is NUL (the bulk
     * of most text); the loop below looks at the rest byte by byte. */
    while (n - i >= 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080ull) ||
            ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
            break;
        i += 8;
    }
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        if (c == 0)
            break;
        int32_t j = (int32_t)i;
        UChar32 cp;
        U8_NEXT(s, j, (int32_t)n, cp);
        if (cp < 0)
            break;
        i = (size_t)j;
    }
    if (i == n) {
        *line = (const char *)s;
        *len = n;
        return BEAD_OK;
    }
    if (!in->opt.replace_invalid) {
        uint64_t at = offset + i;
        if (s[i] == 0)
            return nul_error(in, at, in->lineno, err);
        return bead_error_set(err, BEAD_ERR_UTF8, (int64_t)at, (int64_t)in->lineno,
            "%s:%llu: invalid UTF-8 at byte offset %llu (byte 0x%02X); convert the file "
            "to UTF-8, or use --replace-invalid", in->name, (unsigned long long)in->lineno,
            (unsigned long long)at, s[i]);
    }
    /* A replacement takes 3 bytes where the bad sequence may have taken 1. */
    if (!ensure_fixed(in, n * 3 + 1))
        return bead_error_set(err, BEAD_ERR_NOMEM, (int64_t)offset, (int64_t)in->lineno,
                              "%s: out of memory", in->name);
    memcpy(in->fixed, s, i);
    size_t o = i;
    while (i < n) {
        int32_t j = (int32_t)i;
        UChar32 cp;
        if (s[i] == 0) {
            cp = -1;
            j++;
        } else {
            U8_NEXT(s, j, (int32_t)n, cp);
        }
        if (cp < 0) {
            if (!note_repair(in, o, (size_t)j - i))
                return bead_error_set(err, BEAD_ERR_NOMEM, (int64_t)offset,
                                      (int64_t)in->lineno, "%s: out of memory", in->name);
            memcpy(in->fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
            in->replacements++;
        } else {
            memcpy(in->fixed + o, s + i, (size_t)j - i);
            o += (size_t)j - i;
        }
        i = (size_t)j;
    }
    *line = in->fixed;
    *len = o;
    return BEAD_OK;
}

bead_status bead_input_next_line(bead_input *in, const char **line, size_t *len,
                                 uint64_t *offset, bead_error *err)
{
    size_t scan = in->start;
    for (;;) {
        if (in->at_start) {
            if (in->end - in->start < BD_DETECT_BYTES && !in->eof) {
                bead_status s = refill(in, err);
                if (s != BEAD_OK)
                    return s;
                scan = in->start;
                continue;
            }
            in->at_start = 0;
            bead_status d = bd_input_detect(in->buf + in->start, in->end - in->start,
                                            in->name, err);
            if (d != BEAD_OK)
                return d;
            if (in->end - in->start >= 3 && memcmp(in->buf + in->start, "\xEF\xBB\xBF", 3) == 0)
                in->start += 3;
            scan = in->start;
        }
        unsigned char *p = NULL;
        size_t avail = in->end - scan;
        if (avail) {
            unsigned char *nl = memchr(in->buf + scan, '\n', avail);
            size_t lim = nl ? (size_t)(nl - (in->buf + scan)) : avail;
            unsigned char *cr = memchr(in->buf + scan, '\r', lim);
            p = cr ? cr : nl;
        }
        if (p && *p == '\r' && p + 1 == in->buf + in->end && !in->eof)
            p = NULL;      /* a CR at the buffer's end may be half of a CRLF */
        if (p || (in->eof && in->start < in->end)) {
            size_t stop = p ? (size_t)(p - in->buf) : in->end;
            size_t next = stop;
            if (p) {
                next = stop + 1;
                if (*p == '\r' && next < in->end && in->buf[next] == '\n')
                    next++;
            }
            uint64_t off = in->buf_offset + in->start;
            in->lineno++;
            const unsigned char *raw = in->buf + in->start;
            in->start = next;
            *offset = off;
            return validate(in, raw, stop - (size_t)(raw - in->buf), off, line, len, err);
        }
        if (in->eof)
            return BEAD_DONE;
        /* The line so far holds a NUL: no need to read on to its end. */
        if (in->nul_at != NO_NUL && in->nul_at < in->buf_offset + in->end)
            return nul_error(in, in->nul_at, in->lineno + 1, err);
        size_t keep = in->end - in->start;
        bead_status s = refill(in, err);
        if (s != BEAD_OK)
            return s;
        scan = in->start + (keep ? keep - (in->buf[in->start + keep - 1] == '\r') : 0);
    }
}
