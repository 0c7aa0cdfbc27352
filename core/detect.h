/* detect.h: formats bead does not read, told by their first bytes (core/). */
#ifndef BEAD_CORE_DETECT_H
#define BEAD_CORE_DETECT_H

#include <stddef.h>

#include "bead/bead.h"

/* How many bytes bd_input_detect wants to see (fewer at the end of input). */
#define BD_DETECT_BYTES 10

/* BEAD_ERR_FORMAT with a message naming the format (xz, bzip2, zstd,
 * UTF-16 or UTF-32 by its BOM) and the command that converts it, when the
 * input's first n bytes at head say it is one; else BEAD_OK. */
bead_status bd_input_detect(const unsigned char *head, size_t n, const char *name,
                            bead_error *err);

#endif
