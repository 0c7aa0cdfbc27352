/* Fuzz harness: the `bead batch` job-line parser (cli/batch_job.c,
 * batch_job_parse), on arbitrary bytes split into lines as bead batch reads
 * them. Byte 0 picks the format: 0 guess from the first line, 1 JSONL, 2 TSV.
 *
 * Properties: a documented status; an error always has a message; a parsed
 * job has two known languages, a source and a target (path or inline text),
 * and only valid UTF-8 in its strings. */
#include <string.h>
#include <bead/bead.h>

#include "batch_job.h"
#include "fuzz_util.h"

static void check_string(const char *s, const char *what)
{
    if (s)
        FUZZ_CHECK(fuzz_valid_utf8(s, strlen(s)), "%s is not valid UTF-8", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    batch_jobs_format fmt = (batch_jobs_format)(data[0] % 3);
    size_t pos = 0;
    while (pos <= len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
        /* bead batch hands the parser its own copy of the line. */
        char *line = malloc(n + 1);
        FUZZ_CHECK(line, "out of memory");
        memcpy(line, text + pos, n);
        line[n] = '\0';
        if (fmt == BATCH_JOBS_GUESS)
            fmt = batch_jobs_format_guess(line, n);
        FUZZ_CHECK(fmt == BATCH_JOBS_JSONL || fmt == BATCH_JOBS_TSV, "guess gave %d", (int)fmt);

        batch_job job;
        memset(&job, 0, sizeof job);
        bead_error err;
        bead_error_clear(&err);
        bead_status s = batch_job_parse(line, n, fmt, &job, &err);
        FUZZ_CHECK(s == BEAD_OK || s == BEAD_DONE || s == BEAD_ERR_FORMAT || s == BEAD_ERR_UTF8 ||
                       s == BEAD_ERR_LANG,
                   "unexpected status %s", bead_strerror(s));
        if (s != BEAD_OK && s != BEAD_DONE)
            FUZZ_CHECK(err.message[0] != '\0', "error %s without a message", bead_strerror(s));
        FUZZ_CHECK(fuzz_valid_utf8(err.message, strlen(err.message)),
                   "error message is not valid UTF-8");
        if (s == BEAD_OK) {
            FUZZ_CHECK(job.src || job.src_text, "a job without a source");
            FUZZ_CHECK(job.trg || job.trg_text, "a job without a target");
            for (int k = 0; k < 2; k++)
                FUZZ_CHECK(job.langs[k][0] && bead_language_known(job.langs[k]),
                           "job language %d '%.16s' unknown", k, job.langs[k]);
            check_string(job.src, "src");
            check_string(job.trg, "trg");
            check_string(job.src_text, "src_text");
            check_string(job.trg_text, "trg_text");
            check_string(job.out, "out");
            if (job.id) {
                char *id = cJSON_PrintUnformatted(job.id);
                FUZZ_CHECK(id, "id does not print");
                free(id);
            }
        }
        batch_job_clear(&job);
        free(line);
        if (!nl)
            break;
        pos += n + 1;
    }
    return 0;
}
