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
#include "core/deadline.h"
#include "core/grow.h"
#include "core/output_target.h"

struct bead_output {
    char *name;       /* as given, for messages */
    char *target;     /* what the temporary file replaces (symlinks followed) */
    char *temp;       /* temporary path, or NULL when writing directly */
    int fd;
    int own_fd;
    gzFile gz;        /* when the name ends in .gz */
    char *buf;
    size_t len, cap;
    int failed;
    bead_status fail_status;   /* of the failure, so that a closed pipe stays one */
    int committed;
    int memory;       /* collect in buf, never drain */
    int renamed;      /* temp has been renamed into place */
    int finished;     /* flushed and closed: only the rename is left */
    double deadline;  /* bead_output_set_deadline, 0: none */
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

bead_status bead_output_open(bead_output **out, const char *path, bead_error *err)
{
    *out = NULL;
    if (!path || !*path)
        return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                              "cannot create output: the name is empty; give a file name or '-'");
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
        bd_output_target t;
        int e = 0;
        if (bd_output_target_resolve(&t, path, &e) != 0) {
            bead_output_free(o);
            if (e == EISDIR)
                return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                      "%s: is a directory; give a file name for the output",
                                      path);
            return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot create output: %s",
                                  path, strerror(e));
        }
        if (t.kind == BD_TARGET_NEW || t.kind == BD_TARGET_REPLACE) {
            o->temp = bd_output_temp_name(t.path);
            if (!o->temp) {
                bd_output_target_free(&t);
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            }
            o->fd = mkstemp(o->temp);
            if (o->fd < 0) {
                e = errno;
                free(o->temp);
                o->temp = NULL;
                bd_output_target_free(&t);
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                      "%s: cannot create output: %s", path, strerror(e));
            }
            bd_output_target_set_mode(&t, o->fd);
            o->target = t.path;
            t.path = NULL;
        } else if (t.kind == BD_TARGET_DESCRIPTOR) {
            o->fd = fcntl(t.fd, F_DUPFD_CLOEXEC, 0);
            if (o->fd < 0) {
                e = errno;
                bd_output_target_free(&t);
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open: %s", path,
                                      strerror(e));
            }
        } else {
            o->fd = open(t.path, O_WRONLY | O_CLOEXEC);
            if (o->fd < 0) {
                e = errno;
                bd_output_target_free(&t);
                bead_output_free(o);
                return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: cannot open: %s", path,
                                      strerror(e));
            }
        }
        bd_output_target_free(&t);
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
    o->fail_status = e == EPIPE ? BEAD_ERR_PIPE : BEAD_ERR_IO;
    if (e == EPIPE)
        return bead_error_set(err, BEAD_ERR_PIPE, -1, 0, "%s: the reader closed the pipe",
                              o->name);
    return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: write error: %s", o->name,
                          strerror(e));
}

static bead_status failed_before(const bead_output *o, bead_error *err)
{
    return bead_error_set(err, o->fail_status ? o->fail_status : BEAD_ERR_IO, -1, 0,
                          "%s: earlier write failed", o->name);
}

static bead_status drain(bead_output *o, bead_error *err)
{
    if (o->failed)
        return failed_before(o, err);
    if (o->len == 0 || o->memory)
        return BEAD_OK;
    if (o->gz) {
        if (gzwrite(o->gz, o->buf, (unsigned)o->len) != (int)o->len) {
            int zerr;
            const char *m = gzerror(o->gz, &zerr);
            if (zerr == Z_ERRNO)
                return write_fail(o, errno, err);
            o->failed = 1;
            o->fail_status = BEAD_ERR_IO;
            return bead_error_set(err, BEAD_ERR_IO, -1, 0, "%s: write error: %s", o->name, m);
        }
    } else {
        size_t done = 0;
        while (done < o->len) {
            ssize_t n = write(o->fd, o->buf + done, o->len - done);
            if (n < 0) {
                if (errno == EINTR && !bd_deadline_passed(o->deadline))
                    continue;
                if (errno == EINTR) {
                    o->failed = 1;
                    o->fail_status = BEAD_ERR_TIMEOUT;
                    return bead_error_set(err, BEAD_ERR_TIMEOUT, -1, 0,
                                          "%s: over the time limit while writing", o->name);
                }
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
        return failed_before(o, err);
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

/* Everything but the rename: flushed, synced and closed, so that the
 * rename, which cannot fail for want of space, is all that is left. */
static bead_status finish(bead_output *o, bead_error *err)
{
    if (o->finished)
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
    o->finished = 1;
    return BEAD_OK;
}

static bead_status put_in_place(bead_output *o, bead_error *err)
{
    if (o->temp && !o->renamed) {
        if (rename(o->temp, o->target) != 0)
            return write_fail(o, errno, err);
        /* The path stays allocated until free: a signal handler may still hold
         * it, and unlinking a name that no longer exists is harmless. */
        o->renamed = 1;
    }
    o->committed = 1;
    return BEAD_OK;
}

bead_status bead_output_commit(bead_output *o, bead_error *err)
{
    return bead_output_commit_all(&o, 1, err);
}

bead_status bead_output_commit_all(bead_output *const *outs, size_t n, bead_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (outs[i] && !outs[i]->committed) {
            bead_status s = finish(outs[i], err);
            if (s != BEAD_OK)
                return s;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (outs[i] && !outs[i]->committed) {
            bead_status s = put_in_place(outs[i], err);
            if (s != BEAD_OK)
                return s;
        }
    }
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
    free(o->target);
    free(o->buf);
    free(o->name);
    free(o);
}

const char *bead_output_temp_path(const bead_output *o) { return o ? o->temp : NULL; }
void bead_output_set_deadline(bead_output *o, double deadline) { o->deadline = deadline; }
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
