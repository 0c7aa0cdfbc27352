/* The bytes behind a bead_input: plain, or gzip when the first two bytes
 * are the gzip magic. zlib's gzread is not used because it silently drops
 * whatever follows the last gzip member ("trailing garbage"): a gzip file
 * with text appended would lose the text without a word. Here concatenated
 * members are read one after the other (as gzip -d does), and anything else
 * after a member is an error at its file offset. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/deadline.h"
#include "core/input_source.h"

#define RAW_CHUNK (1u << 16)

enum { SOURCE_UNKNOWN, SOURCE_PLAIN, SOURCE_GZIP };

int bd_source_init(bd_source *s, int fd, const char *name, double deadline)
{
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->name = name;
    s->deadline = deadline;
    s->raw = malloc(RAW_CHUNK);
    return s->raw ? 0 : -1;
}

void bd_source_close(bd_source *s)
{
    if (s->z_ready)
        inflateEnd(&s->z);
    if (s->fd >= 0)
        close(s->fd);
    free(s->raw);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

static bead_status timed_out(bd_source *s, uint64_t text_at, bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_TIMEOUT, (int64_t)text_at, 0,
                          "%s: over the time limit while reading (after %llu bytes)", s->name,
                          (unsigned long long)text_at);
}

/* read(2) that retries after a signal unless the deadline has passed (a
 * caller that wants a blocked read to end sends a signal once it has). */
static bead_status read_some(bd_source *s, void *buf, size_t cap, size_t *got, uint64_t text_at,
                             bead_error *err)
{
    for (;;) {
        if (bd_deadline_passed(s->deadline))
            return timed_out(s, text_at, err);
        ssize_t n = read(s->fd, buf, cap);
        if (n >= 0) {
            *got = (size_t)n;
            return BEAD_OK;
        }
        if (errno != EINTR)
            return bead_error_set(err, BEAD_ERR_IO, (int64_t)text_at, 0,
                                  "%s: read error at byte %llu: %s", s->name,
                                  (unsigned long long)text_at, strerror(errno));
    }
}

/* Reads until raw holds at least want unused bytes, or the file ends. */
static bead_status raw_fill(bd_source *s, size_t want, uint64_t text_at, bead_error *err)
{
    while (s->raw_len - s->raw_pos < want && !s->raw_eof) {
        if (s->raw_pos > 0) {
            memmove(s->raw, s->raw + s->raw_pos, s->raw_len - s->raw_pos);
            s->raw_base += s->raw_pos;
            s->raw_len -= s->raw_pos;
            s->raw_pos = 0;
        }
        size_t n;
        bead_status st = read_some(s, s->raw + s->raw_len, RAW_CHUNK - s->raw_len, &n, text_at,
                                   err);
        if (st != BEAD_OK)
            return st;
        if (n == 0)
            s->raw_eof = 1;
        s->raw_len += n;
    }
    return BEAD_OK;
}

static bead_status gzip_error(bd_source *s, uint64_t text_at, const char *why, bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_GZIP, (int64_t)text_at, 0,
                          "%s: truncated or corrupt gzip data after %llu decompressed bytes (%s)",
                          s->name, (unsigned long long)text_at, why);
}

/* After a member: another member, the end, or an error. */
static bead_status next_member(bd_source *s, int *end, uint64_t text_at, bead_error *err)
{
    bead_status st = raw_fill(s, 2, text_at, err);
    if (st != BEAD_OK)
        return st;
    size_t have = s->raw_len - s->raw_pos;
    if (have == 0) {
        *end = 1;
        return BEAD_OK;
    }
    const unsigned char *p = s->raw + s->raw_pos;
    if (have < 2 || p[0] != 0x1f || p[1] != 0x8b) {
        uint64_t at = s->raw_base + s->raw_pos;
        return bead_error_set(err, BEAD_ERR_GZIP, (int64_t)text_at, 0,
                              "%s: data that is not gzip after the end of the gzip stream, at "
                              "byte %llu of the file (after %llu decompressed bytes); a gzip "
                              "file holds gzip members only: cut the file at that byte, or "
                              "decompress it and append the rest as text",
                              s->name, (unsigned long long)at, (unsigned long long)text_at);
    }
    if (inflateReset(&s->z) != Z_OK)
        return gzip_error(s, text_at, "zlib refused to start the next member", err);
    s->member_ended = 0;
    *end = 0;
    return BEAD_OK;
}

static bead_status read_gzip(bd_source *s, unsigned char *buf, size_t cap, size_t *got,
                             uint64_t text_at, bead_error *err)
{
    *got = 0;
    for (;;) {
        bead_status st;
        if (s->member_ended) {
            int end = 0;
            st = next_member(s, &end, text_at, err);
            if (st != BEAD_OK || end)
                return st;
        }
        if (s->raw_pos == s->raw_len) {
            st = raw_fill(s, 1, text_at, err);
            if (st != BEAD_OK)
                return st;
            if (s->raw_pos == s->raw_len)
                return gzip_error(s, text_at, "unexpected end of file", err);
        }
        s->z.next_in = s->raw + s->raw_pos;
        s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
        s->z.next_out = buf;
        s->z.avail_out = (uInt)(cap > UINT32_MAX ? UINT32_MAX : cap);
        uInt out_before = s->z.avail_out;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->raw_pos = s->raw_len - s->z.avail_in;
        *got = out_before - s->z.avail_out;
        if (rc == Z_STREAM_END)
            s->member_ended = 1;
        else if (rc != Z_OK && rc != Z_BUF_ERROR)
            return gzip_error(s, text_at + *got, s->z.msg ? s->z.msg : "corrupt data", err);
        if (*got > 0)
            return BEAD_OK;
    }
}

bead_status bd_source_read(bd_source *s, unsigned char *buf, size_t cap, size_t *got,
                           uint64_t text_at, bead_error *err)
{
    *got = 0;
    if (s->kind == SOURCE_UNKNOWN) {
        bead_status st = raw_fill(s, 2, text_at, err);
        if (st != BEAD_OK)
            return st;
        const unsigned char *p = s->raw + s->raw_pos;
        if (s->raw_len - s->raw_pos >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
            /* 15 + 16: a gzip header and trailer, the largest window. */
            if (inflateInit2(&s->z, 15 + 16) != Z_OK)
                return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "%s: cannot start zlib",
                                      s->name);
            s->z_ready = 1;
            s->kind = SOURCE_GZIP;
        } else {
            s->kind = SOURCE_PLAIN;
        }
    }
    if (s->kind == SOURCE_GZIP)
        return read_gzip(s, buf, cap, got, text_at, err);
    if (s->raw_pos < s->raw_len) {
        size_t n = s->raw_len - s->raw_pos;
        if (n > cap)
            n = cap;
        memcpy(buf, s->raw + s->raw_pos, n);
        s->raw_pos += n;
        *got = n;
        return BEAD_OK;
    }
    if (s->raw_eof)
        return BEAD_OK;
    return read_some(s, buf, cap, got, text_at, err);
}
