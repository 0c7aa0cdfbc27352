/* Job lines of `bead batch`: JSON Lines (through cJSON) or TSV. No I/O here:
 * a fuzz harness calls batch_job_parse directly. */
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "batch_job.h"
#include "json_scan.h"

#define KNOWN_KEYS "id, src, trg, src_text, trg_text, langs, out"

void batch_job_clear(batch_job *job)
{
    cJSON_Delete(job->id);
    free(job->src);
    free(job->trg);
    free(job->src_text);
    free(job->trg_text);
    free(job->out);
    memset(job, 0, sizeof *job);
}

int batch_jobs_format_parse(const char *name, batch_jobs_format *out)
{
    if (!strcmp(name, "jsonl") || !strcmp(name, "json"))
        *out = BATCH_JOBS_JSONL;
    else if (!strcmp(name, "tsv"))
        *out = BATCH_JOBS_TSV;
    else
        return 0;
    return 1;
}

static size_t skip_blank(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' ||
                       s[i] == '\v'))
        i++;
    return i;
}

batch_jobs_format batch_jobs_format_guess(const char *line, size_t len)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
        i = 3;
    i = skip_blank(line, len, i);
    return i < len && line[i] == '{' ? BATCH_JOBS_JSONL : BATCH_JOBS_TSV;
}

static char *dup_range(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* Validates the whole line, so that nothing later (paths, ids, records)
 * ever carries invalid UTF-8 into the JSON results. */
static bead_status check_text(const char *s, size_t len, bead_error *err)
{
    int32_t i = 0, n = (int32_t)len;
    if ((size_t)n != len)
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "job line too long");
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            return bead_error_set(err, BEAD_ERR_UTF8, at, 0,
                                  "invalid UTF-8 at byte %ld of the job line", (long)at);
        if (c == 0)
            return bead_error_set(err, BEAD_ERR_FORMAT, at, 0,
                                  "NUL byte at byte %ld of the job line", (long)at);
    }
    return BEAD_OK;
}

static bead_status set_lang(char dst[16], const char *code, size_t len, const char *where,
                            bead_error *err)
{
    if (len == 0 || len >= 16)
        return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                              "bad language list in %s: give two ISO 639 codes, such as bg,de",
                              where);
    memcpy(dst, code, len);
    dst[len] = '\0';
    if (!bead_language_known(dst))
        return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                              "unknown language '%s' in %s: use an ISO 639 code that ICU "
                              "knows, such as bg, de, en or id", dst, where);
    return BEAD_OK;
}

/* "bg,de": exactly two codes. */
static bead_status parse_lang_list(batch_job *job, const char *list, size_t len,
                                   const char *where, bead_error *err)
{
    const char *comma = memchr(list, ',', len);
    if (!comma || memchr(comma + 1, ',', len - (size_t)(comma + 1 - list)))
        return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                              "%s needs exactly two languages, such as bg,de", where);
    bead_status s = set_lang(job->langs[0], list, (size_t)(comma - list), where, err);
    if (s == BEAD_OK)
        s = set_lang(job->langs[1], comma + 1, len - (size_t)(comma + 1 - list), where, err);
    return s;
}

/* Languages not given come from the file names, as in `bead align`. */
static bead_status resolve_langs(batch_job *job, bead_error *err)
{
    const char *paths[2] = {job->src, job->trg};
    const char *names[2] = {"src", "trg"};
    for (int k = 0; k < 2; k++) {
        if (job->langs[k][0])
            continue;
        if (!paths[k])
            return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                                  "%s_text is inline, so the job needs \"langs\", such as "
                                  "[\"bg\",\"de\"]", names[k]);
        char buf[16];
        if (!bead_language_from_path(paths[k], buf, sizeof buf))
            return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                                  "%s: cannot tell the language; give the job \"langs\" (TSV: "
                                  "the fourth field, such as bg,de), or name the file "
                                  "LANG.something.txt", paths[k]);
        bead_status s = set_lang(job->langs[k], buf, strlen(buf), paths[k], err);
        if (s != BEAD_OK)
            return s;
    }
    return BEAD_OK;
}

static bead_status check_paths(const batch_job *job, bead_error *err)
{
    const char *paths[3] = {job->src, job->trg, job->out};
    for (int k = 0; k < 3; k++)
        if (paths[k] && !strcmp(paths[k], "-"))
            return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                                  "'-' cannot be a path in a job: standard input holds the job "
                                  "list and standard output the results");
    return BEAD_OK;
}

/* keep_empty: an inline text may be empty (an empty document); an empty
 * path or out means absent, as an empty TSV field does. */
static bead_status take_string(char **dst, const cJSON *item, int keep_empty, bead_error *err)
{
    if (!cJSON_IsString(item) && !cJSON_IsNull(item))
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "\"%s\" must be a string",
                              item->string);
    if (*dst)
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "\"%s\" is given twice",
                              item->string);
    if (cJSON_IsNull(item) || (!keep_empty && !item->valuestring[0]))
        return BEAD_OK;
    *dst = strdup(item->valuestring);
    return *dst ? BEAD_OK : bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
}

static bead_status take_langs(batch_job *job, const cJSON *item, bead_error *err)
{
    if (cJSON_IsString(item))
        return parse_lang_list(job, item->valuestring, strlen(item->valuestring),
                               "\"langs\"", err);
    if (!cJSON_IsArray(item) || cJSON_GetArraySize(item) != 2)
        return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                              "\"langs\" must list two languages, such as [\"bg\",\"de\"]");
    for (int k = 0; k < 2; k++) {
        const cJSON *code = cJSON_GetArrayItem(item, k);
        if (!cJSON_IsString(code))
            return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                                  "\"langs\" must list two language codes as strings");
        bead_status s = set_lang(job->langs[k], code->valuestring,
                                 strlen(code->valuestring), "\"langs\"", err);
        if (s != BEAD_OK)
            return s;
    }
    return BEAD_OK;
}

typedef struct raw_check {
    batch_job *job;
    bead_error *err;
    bead_status status;
    int id_seen;
} raw_check;

/* What cJSON's tree loses, from the text: a numeric id keeps its digits as
 * written (12345678901234567891, not 1.2345678901234568e+19), and a
 * "\u0000" anywhere is refused (cJSON would end the string there, so that
 * "a.tsv\u0000.tmx" became a.tsv). */
static int check_member(void *ctx, const char *key, size_t key_len, const char *value,
                        size_t value_len, size_t value_at)
{
    raw_check *c = ctx;
    long kn = json_string_nul(key - 1, key_len + 2);
    long vn = kn < 0 ? json_string_nul(value, value_len) : -1;
    if (kn >= 0 || vn >= 0) {
        size_t at = kn >= 0 ? value_at - (size_t)(value - (key - 1)) + (size_t)kn
                            : value_at + (size_t)vn;
        c->status = bead_error_set(c->err, BEAD_ERR_FORMAT, (int64_t)at, 0,
                                   "NUL (\\u0000) at byte %zu of the job line: a path, an id or "
                                   "a text cannot hold one", at);
        return 1;
    }
    if (!c->id_seen && json_key_is(key, key_len, "id")) {
        c->id_seen = 1;
        /* What cJSON reads as a number starts with a digit or a minus. */
        if (value_len && (value[0] == '-' || (value[0] >= '0' && value[0] <= '9'))) {
            if (!json_is_strict_number(value, value_len)) {
                c->status = bead_error_set(c->err, BEAD_ERR_FORMAT, (int64_t)value_at, 0,
                                           "\"id\" at byte %zu is not a JSON number (such as 12 "
                                           "or -3.5e2) nor a string", value_at);
                return 1;
            }
            char *raw = dup_range(value, value_len);
            cJSON *id = raw ? cJSON_CreateRaw(raw) : NULL;
            free(raw);
            if (!id) {
                c->status = bead_error_set(c->err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
                return 1;
            }
            cJSON_Delete(c->job->id);
            c->job->id = id;
        }
    }
    return 0;
}

static bead_status parse_jsonl(const char *line, size_t len, batch_job *job, bead_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!root) {
        long at = end && end >= line && end <= line + len ? (long)(end - line) : -1;
        return bead_error_set(err, BEAD_ERR_FORMAT, at, 0,
                              "malformed JSON at byte %ld of the job line; a job looks like "
                              "{\"id\":\"a1\",\"src\":\"bg.a.txt\",\"trg\":\"de.a.txt\"}", at);
    }
    bead_status s = BEAD_OK;
    size_t rest = skip_blank(line, len, (size_t)(end - line));
    if (rest < len)
        s = bead_error_set(err, BEAD_ERR_FORMAT, (int64_t)rest, 0,
                           "extra text after the JSON object at byte %zu of the job line; "
                           "give one job per line", rest);
    else if (!cJSON_IsObject(root))
        s = bead_error_set(err, BEAD_ERR_FORMAT, 0, 0,
                           "a JSONL job must be an object, such as {\"id\":\"a1\",\"src\":...}");
    /* The id first, so that any later error can name the job. */
    const cJSON *id = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "id") : NULL;
    if (id && (cJSON_IsString(id) || cJSON_IsNumber(id)))
        job->id = cJSON_Duplicate(id, 0);
    if (s == BEAD_OK) {
        raw_check rc = {job, err, BEAD_OK, 0};
        if (json_scan_members(line, len, check_member, &rc) != 0)
            rc.status = bead_error_set(err, BEAD_ERR_FORMAT, 0, 0,
                                       "malformed JSON job line; a job looks like "
                                       "{\"id\":\"a1\",\"src\":\"bg.a.txt\",\"trg\":\"de.a.txt\"}");
        s = rc.status;
    }
    for (const cJSON *it = s == BEAD_OK ? root->child : NULL; it && s == BEAD_OK;
         it = it->next) {
        const char *k = it->string;
        if (!strcmp(k, "id")) {
            if (!cJSON_IsString(id) && !cJSON_IsNumber(id))
                s = bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                                   "\"id\" must be a string or a number");
            else if (it != id)
                s = bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "\"id\" is given twice");
        } else if (!strcmp(k, "src"))
            s = take_string(&job->src, it, 0, err);
        else if (!strcmp(k, "trg"))
            s = take_string(&job->trg, it, 0, err);
        else if (!strcmp(k, "src_text"))
            s = take_string(&job->src_text, it, 1, err);
        else if (!strcmp(k, "trg_text"))
            s = take_string(&job->trg_text, it, 1, err);
        else if (!strcmp(k, "out"))
            s = take_string(&job->out, it, 0, err);
        else if (!strcmp(k, "langs")) {
            if (job->langs[0][0])
                s = bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "\"langs\" is given twice");
            else if (!cJSON_IsNull(it))
                s = take_langs(job, it, err);
        } else
            s = bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                               "unknown key \"%s\" in the job; the keys are " KNOWN_KEYS, k);
    }
    cJSON_Delete(root);
    if (s != BEAD_OK)
        return s;
    if (!job->id)
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "the job has no \"id\"; every job needs one (a string or a "
                              "number) to find its result by");
    if ((job->src != NULL) == (job->src_text != NULL) ||
        (job->trg != NULL) == (job->trg_text != NULL))
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "a job needs one source and one target: \"src\" (a path) or "
                              "\"src_text\", and \"trg\" or \"trg_text\"");
    return BEAD_OK;
}

static bead_status parse_tsv(const char *line, size_t len, batch_job *job, bead_error *err)
{
    const char *field[6];
    size_t flen[6];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (n == 5)
            return bead_error_set(err, BEAD_ERR_FORMAT, (int64_t)start, 0,
                                  "more than 5 fields in a TSV job (id, src, trg, langs, out)");
        field[n] = line + start;
        flen[n++] = i - start;
        start = i + 1;
    }
    if (flen[0] > 0) {
        char *id = dup_range(field[0], flen[0]);
        job->id = id ? cJSON_CreateString(id) : NULL;
        free(id);
        if (!job->id)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    if (n < 3 || flen[0] == 0 || flen[1] == 0 || flen[2] == 0)
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                              "a TSV job is id<TAB>src<TAB>trg, then optionally <TAB>langs "
                              "(such as bg,de) and <TAB>out; this line has %zu field%s%s",
                              n, n == 1 ? "" : "s", n >= 3 ? ", some of them empty" : "");
    job->src = dup_range(field[1], flen[1]);
    job->trg = dup_range(field[2], flen[2]);
    if (n == 5 && flen[4] > 0)
        job->out = dup_range(field[4], flen[4]);
    if (!job->src || !job->trg || (n == 5 && flen[4] > 0 && !job->out))
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (n >= 4 && flen[3] > 0)
        return parse_lang_list(job, field[3], flen[3], "the langs field", err);
    return BEAD_OK;
}

bead_status batch_job_parse(const char *line, size_t len, batch_jobs_format fmt,
                            batch_job *job, bead_error *err)
{
    memset(job, 0, sizeof *job);
    bead_error_clear(err);
    if (len > 0 && line[len - 1] == '\r')
        len--;
    if (skip_blank(line, len, 0) == len)
        return BEAD_DONE;
    if (fmt == BATCH_JOBS_GUESS)
        fmt = batch_jobs_format_guess(line, len);
    if (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
        line += 3;
        len -= 3;
    }
    bead_status s = check_text(line, len, err);
    if (s == BEAD_OK)
        s = fmt == BATCH_JOBS_JSONL ? parse_jsonl(line, len, job, err)
                                    : parse_tsv(line, len, job, err);
    if (s == BEAD_OK)
        s = check_paths(job, err);
    if (s == BEAD_OK)
        s = resolve_langs(job, err);
    return s;
}
