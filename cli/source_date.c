/* SOURCE_DATE_EPOCH (reproducible-builds.org): the TMX creationdate when
 * --date is not given. libbead reads no environment, so the program turns
 * it into bead_write_options.date; it is read when a TMX is about to be
 * written, so that a bad value fails only runs (or batch jobs) that write
 * one, with the message the writer used to give. */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"

bead_status cli_source_date(char date[32], bead_error *err)
{
    date[0] = '\0';
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch)
        return BEAD_OK;
    char *end;
    errno = 0;
    long long secs = strtoll(epoch, &end, 10);
    struct tm tm;
    time_t t = (time_t)secs;
    if (errno || *end || secs < 0 || (long long)t != secs || !gmtime_r(&t, &tm) ||
        tm.tm_year + 1900 > 9999)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "SOURCE_DATE_EPOCH='%s' is not a count of seconds since 1970; "
                              "fix or unset it",
                              epoch);
    strftime(date, 32, "%Y%m%dT%H%M%SZ", &tm);
    return BEAD_OK;
}
