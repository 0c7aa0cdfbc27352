/* Output streams: stdout, pipes and devices written directly; regular files
 * written to a temporary file beside the target and renamed into place, so
 * a failed or interrupted run never leaves a half-written file. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "bead/bead.h"
#include "core/grow.h"

struct bead_output {
    char *name;       /* as given, for messages */
    char *temp;       /* temporary path, or NULL when writing directly */
    int fd;
    int own_fd;
    gzFile gz;        /* when the name ends in .gz */
    char *buf;
    size_t len, cap;
    int failed;
    int committed;
    int memory;       /* collect in buf, never drain */
    int renamed;      /* temp has been renamed into place */
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

bead_status bead_output_open(bead_output **out, const char *path, bead_error *err)
{
    *out = NULL;
    bead_output *o = calloc(1, sizeof *o);
    if (!o)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    o->fd = -1;
    int is_stdout = strcmp(path, "-") == 0;
    o->name = strdup(is_stdout ? "<stdout>" : path);
    o->cap = 1 << 16;
    o->buf = malloc(o->cap);
    if (!o->name || !o->buf) {
        bead_output_free(o);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    if (is_stdout) {
        o->fd = STDOUT_FILENO;
    } else {
        struct stat st;
        int exists = stat(path, &st) == 0;
        if (exists && S_ISDIR(st.st_mode)) {
            bead_output_free(o);
            return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                  "%s: is a directory; give a file name for the output", path);
        }
        if (!exists || S_ISREG(st.st_mode)) {
            size_t n = strlen(path) + 32;
            o->temp = malloc(n);
            if (!o->temp) {
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            }
            snprintf(o->temp, n, "%s.tmp.XXXXXX", path);
            o->fd = mkstemp(o->temp);
            if (o->fd < 0) {
                int e = errno;
                free(o->temp);
                o->temp = NULL;
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                      "%s: cannot create output: %s", path, strerror(e));
            }
            fchmod(o->fd, 0644);
        } else {
            o->fd = open(path, O_WRONLY | O_CLOEXEC);
            if (o->fd < 0) {
                int e = errno;
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open: %s", path,
                                      strerror(e));
            }
        }
        o->own_fd = 1;
    }
    if (!is_stdout && ends_with(path, ".gz")) {
        int fd2 = dup(o->fd);
        o->gz = fd2 >= 0 ? gzdopen(fd2, "wb6") : NULL;
        if (!o->gz) {
            if (fd2 >= 0)
                close(fd2);
            bead_output_free(o);
            return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot start zlib", path);
        }
    }
    *out = o;
    return BEAD_OK;
}

static bead_status write_fail(bead_output *o, int e, bead_error *err)
{
    o->failed = 1;
    return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: write error: %s", o->name,
                          strerror(e));
}

static bead_status drain(bead_output *o, bead_error *err)
{
    if (o->failed)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: earlier write failed", o->name);
    if (o->len == 0 || o->memory)
        return BEAD_OK;
    if (o->gz) {
        if (gzwrite(o->gz, o->buf, (unsigned)o->len) != (int)o->len) {
            int zerr;
            const char *m = gzerror(o->gz, &zerr);
            o->failed = 1;
            return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: write error: %s", o->name,
                                  zerr == Z_ERRNO ? strerror(errno) : m);
        }
    } else {
        size_t done = 0;
        while (done < o->len) {
            ssize_t n = write(o->fd, o->buf + done, o->len - done);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return write_fail(o, errno, err);
            }
            done += (size_t)n;
        }
    }
    o->len = 0;
    return BEAD_OK;
}

bead_status bead_output_write(bead_output *o, const void *data, size_t len, bead_error *err)
{
    if (o->failed)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: earlier write failed", o->name);
    if (o->memory && array_grow((void **)&o->buf, &o->cap, o->len + len + 1, 1, 1 << 12))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (o->len + len > o->cap) {
        bead_status s = drain(o, err);
        if (s != BEAD_OK)
            return s;
        if (len > o->cap) {
            /* Large blocks bypass the buffer. */
            char *keep = o->buf;
            size_t keepcap = o->cap;
            o->buf = (char *)data;
            o->len = len;
            o->cap = len;
            s = drain(o, err);
            o->buf = keep;
            o->cap = keepcap;
            o->len = 0;
            return s;
        }
    }
    memcpy(o->buf + o->len, data, len);
    o->len += len;
    return BEAD_OK;
}

bead_status bead_output_puts(bead_output *o, const char *s, bead_error *err)
{
    return bead_output_write(o, s, strlen(s), err);
}

bead_status bead_output_printf(bead_output *o, bead_error *err, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "bad format");
    if ((size_t)n < sizeof small)
        return bead_output_write(o, small, (size_t)n, err);
    char *big = malloc((size_t)n + 1);
    if (!big)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bead_status s = bead_output_write(o, big, (size_t)n, err);
    free(big);
    return s;
}

bead_status bead_output_commit(bead_output *o, bead_error *err)
{
    if (o->committed)
        return BEAD_OK;
    bead_status s = drain(o, err);
    if (s != BEAD_OK)
        return s;
    if (o->gz) {
        int r = gzclose(o->gz);
        o->gz = NULL;
        if (r != Z_OK)
            return write_fail(o, errno ? errno : EIO, err);
    }
    if (o->temp && fsync(o->fd) != 0 && errno != EINVAL)
        return write_fail(o, errno, err);
    if (o->own_fd) {
        int r = close(o->fd);
        o->fd = -1;
        o->own_fd = 0;
        if (r != 0)
            return write_fail(o, errno, err);
    }
    if (o->temp) {
        if (rename(o->temp, o->name) != 0)
            return write_fail(o, errno, err);
        /* The path stays allocated until free: a signal handler may still hold
         * it, and unlinking a name that no longer exists is harmless. */
        o->renamed = 1;
    }
    o->committed = 1;
    return BEAD_OK;
}

void bead_output_free(bead_output *o)
{
    if (!o)
        return;
    if (o->gz)
        gzclose(o->gz);
    if (o->own_fd && o->fd >= 0)
        close(o->fd);
    if (o->temp) {
        if (!o->renamed)
            unlink(o->temp);
        free(o->temp);
    }
    free(o->buf);
    free(o->name);
    free(o);
}

const char *bead_output_temp_path(const bead_output *o) { return o ? o->temp : NULL; }
const char *bead_output_name(const bead_output *o) { return o->name; }

bead_status bead_output_open_memory(bead_output **out, bead_error *err)
{
    *out = NULL;
    bead_output *o = calloc(1, sizeof *o);
    if (!o)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    o->fd = -1;
    o->memory = 1;
    o->name = strdup("<memory>");
    o->cap = 1 << 12;
    o->buf = malloc(o->cap);
    if (!o->name || !o->buf) {
        bead_output_free(o);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    *out = o;
    return BEAD_OK;
}

const char *bead_output_memory(const bead_output *o, size_t *len)
{
    if (len)
        *len = o->memory ? o->len : 0;
    if (!o->memory)
        return "";
    o->buf[o->len] = '\0';   /* room kept by bead_output_write */
    return o->buf;
}
