/* Status codes and error details shared by every part of bead. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bead/bead.h"

const char *bead_strerror(bead_status status)
{
    switch (status) {
    case BEAD_OK: return "success";
    case BEAD_DONE: return "end of input";
    case BEAD_ERR_NOMEM: return "out of memory";
    case BEAD_ERR_IO: return "input/output error";
    case BEAD_ERR_UTF8: return "invalid UTF-8";
    case BEAD_ERR_NUL: return "NUL byte in text";
    case BEAD_ERR_GZIP: return "truncated or corrupt gzip data";
    case BEAD_ERR_LIMIT: return "input over the configured limit";
    case BEAD_ERR_LANG: return "unknown language";
    case BEAD_ERR_ICU: return "ICU error";
    case BEAD_ERR_USAGE: return "invalid argument";
    case BEAD_ERR_SECTIONS: return "section counts differ";
    case BEAD_ERR_FORMAT: return "malformed record";
    case BEAD_ERR_INTERRUPTED: return "interrupted";
    case BEAD_ERR_PIPE: return "the reader closed the pipe";
    case BEAD_ERR_TIMEOUT: return "over the time limit";
    }
    return "unknown status";
}

void bead_error_clear(bead_error *err)
{
    if (!err)
        return;
    err->status = BEAD_OK;
    err->offset = -1;
    err->line = 0;
    err->message[0] = '\0';
}

bead_status bead_error_set(bead_error *err, bead_status status, int64_t offset,
                           int64_t line, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    err->offset = offset;
    err->line = line;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    } else {
        snprintf(err->message, sizeof err->message, "%s", bead_strerror(status));
    }
    return status;
}

const char *bead_version(void)
{
    return BEAD_VERSION;
}
