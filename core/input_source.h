/* input_source.h: the bytes behind a bead_input (core/input_source.c): a
 * file descriptor read as it is, or as gzip when it starts with the gzip
 * magic. For core/input.c. Not installed. */
#ifndef BEAD_CORE_INPUT_SOURCE_H
#define BEAD_CORE_INPUT_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "bead/bead.h"

typedef struct bd_source {
    int fd;
    const char *name;          /* for messages, borrowed */
    double deadline;           /* CLOCK_MONOTONIC seconds, 0: none */
    int kind;                  /* SOURCE_UNKNOWN, _PLAIN or _GZIP */
    z_stream z;
    int z_ready;               /* inflateInit2 done */
    int member_ended;          /* a gzip member just ended: what follows? */
    unsigned char *raw;        /* bytes read but not yet used: raw[pos, len) */
    size_t raw_pos, raw_len;
    uint64_t raw_base;         /* file offset of raw[0] */
    int raw_eof;
} bd_source;

/* Takes over fd (closed by bd_source_close). */
int bd_source_init(bd_source *s, int fd, const char *name, double deadline);
/* Up to cap bytes of text (decompressed) into buf; *got is 0 only at the
 * end. text_at is the text offset of buf[0], for messages. */
bead_status bd_source_read(bd_source *s, unsigned char *buf, size_t cap, size_t *got,
                           uint64_t text_at, bead_error *err);
void bd_source_close(bd_source *s);

#endif
