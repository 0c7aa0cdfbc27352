/* One `bead batch` job: load both sides, align, write the output (a file
 * written atomically, or TSV carried inline), and describe it in a result
 * record. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bead/align.h>

#include "batch_run.h"
#include "batch_signals.h"
#include "cli.h"

/* Languages a worker keeps a segmenter for, and dictionaries it keeps an
 * aligner for; a job list rarely mixes more. */
#define SEGMENTER_SLOTS 8
#define ALIGNER_SLOTS 8

struct batch_worker {
    batch_settings set;
    /* An aligner holds its dictionary for life, so one per lexicon (NULL,
     * no dictionary, included); each keeps its transliteration cache. */
    struct {
        int used;
        const bead_lexicon *lex;
        bead_aligner *aligner;
    } aligners[ALIGNER_SLOTS];
    size_t next_aligner_evict;
    struct {
        char lang[16];
        bead_segmenter *seg;
    } slot[SEGMENTER_SLOTS];
    size_t next_evict;
    double deadline;          /* of the job running, 0: none (--timeout) */
};

bead_status batch_worker_create(batch_worker **out, const batch_settings *settings,
                                bead_error *err)
{
    *out = NULL;
    batch_worker *w = calloc(1, sizeof *w);
    if (!w)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    w->set = *settings;
    *out = w;
    return BEAD_OK;
}

void batch_worker_free(batch_worker *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < ALIGNER_SLOTS; i++)
        bead_aligner_free(w->aligners[i].aligner);
    for (size_t i = 0; i < SEGMENTER_SLOTS; i++)
        bead_segmenter_free(w->slot[i].seg);
    free(w);
}

static bead_status segmenter_for(batch_worker *w, const char *lang, bead_segmenter **seg,
                                 bead_error *err)
{
    for (size_t i = 0; i < SEGMENTER_SLOTS; i++)
        if (w->slot[i].seg && !strcmp(w->slot[i].lang, lang)) {
            *seg = w->slot[i].seg;
            return BEAD_OK;
        }
    size_t i = w->next_evict;
    w->next_evict = (i + 1) % SEGMENTER_SLOTS;
    bead_segmenter_free(w->slot[i].seg);
    w->slot[i].seg = NULL;
    bead_segment_options so;
    bead_segment_options_init(&so);
    so.flags = w->set.presegmented ? BEAD_SEGMENT_PRESEGMENTED : 0;
    bead_status s = bead_segmenter_create(&w->slot[i].seg, lang, &so, err);
    if (s != BEAD_OK)
        return s;
    snprintf(w->slot[i].lang, sizeof w->slot[i].lang, "%s", lang);
    *seg = w->slot[i].seg;
    return BEAD_OK;
}

static bead_status aligner_for(batch_worker *w, const bead_lexicon *lex, bead_aligner **al,
                               bead_error *err)
{
    for (size_t i = 0; i < ALIGNER_SLOTS; i++)
        if (w->aligners[i].used && w->aligners[i].lex == lex) {
            *al = w->aligners[i].aligner;
            return BEAD_OK;
        }
    size_t i = w->next_aligner_evict;
    w->next_aligner_evict = (i + 1) % ALIGNER_SLOTS;
    bead_aligner_free(w->aligners[i].aligner);
    w->aligners[i].aligner = NULL;
    w->aligners[i].used = 0;
    bead_align_options aopt;
    bead_align_options_init(&aopt);
    aopt.lexicon = lex;
    bead_status s = bead_aligner_create(&w->aligners[i].aligner, &aopt, err);
    if (s != BEAD_OK)
        return s;
    w->aligners[i].used = 1;
    w->aligners[i].lex = lex;
    *al = w->aligners[i].aligner;
    return BEAD_OK;
}

/* A side of a job: a file, or text given inline (named "src_text" or
 * "trg_text" in messages). */
static bead_status load_side(batch_worker *w, const char *path, const char *text,
                             const char *text_name, const char *lang, bead_doc **out,
                             bead_error *err)
{
    *out = NULL;
    bead_segmenter *seg;
    bead_input *in = NULL;
    bead_input_options iopt;
    bead_input_options_init(&iopt);
    iopt.replace_invalid = w->set.replace_invalid;
    iopt.max_bytes = w->set.max_bytes;
    iopt.regular_only = !w->set.allow_special;
    iopt.deadline = w->deadline;
    bead_status s = segmenter_for(w, lang, &seg, err);
    if (s == BEAD_OK)
        s = path ? bead_input_open(&in, path, &iopt, err)
                 : bead_input_open_memory(&in, text, strlen(text), text_name, &iopt, err);
    if (s == BEAD_OK)
        s = bead_doc_segment(out, seg, in, lang, err);
    bead_input_free(in);
    return s;
}

static double round4(double x) { return round(x * 1e4) / 1e4; }

static int output_exists(const batch_job *job, bead_format fmt)
{
    if (fmt != BEAD_FORMAT_MOSES)
        return access(job->out, F_OK) == 0;
    char name[4096];
    const char *langs[2] = {job->langs[0], job->langs[1]};
    for (int k = 0; k < 2; k++) {
        cli_moses_path(name, sizeof name, job->out, langs, 2, (size_t)k);
        if (access(name, F_OK) != 0)
            return 0;
    }
    return 1;
}

/* Every file of the job is complete before any is renamed into place
 * (moses writes two), so a failure leaves none of them. */
static bead_status write_outputs(const batch_worker *w, const batch_job *job, bead_format fmt,
                                 const bead_doc *const *docs, const bead_alignment *al,
                                 bead_write_options *wopt, bead_error *err)
{
    char names[2][4096];
    size_t n = batch_job_outputs(&w->set, job, names);
    bead_output *o[2] = {NULL, NULL};
    bead_status s = BEAD_OK;
    /* bead batch has no --date: SOURCE_DATE_EPOCH alone dates a TMX. */
    char date[32] = "";
    if (fmt == BEAD_FORMAT_TMX) {
        s = cli_source_date(date, err);
        if (s != BEAD_OK)
            return s;
        wopt->date = *date ? date : NULL;
    }
    for (size_t k = 0; k < n && s == BEAD_OK; k++) {
        s = batch_output_open(&o[k], names[k], err);
        if (s != BEAD_OK)
            break;
        bead_output_set_deadline(o[k], w->deadline);
        s = fmt == BEAD_FORMAT_MOSES ? bead_write_moses_side(o[k], docs, al, k, wopt, err)
                                     : bead_write_alignment(o[k], fmt, docs, al, wopt, err);
    }
    if (s == BEAD_OK)
        s = batch_output_commit_all(o, n, err);
    for (size_t k = 0; k < n; k++)
        s = batch_output_close(o[k], s, err);
    wopt->date = NULL;
    return s;
}

size_t batch_job_outputs(const batch_settings *set, const batch_job *job, char names[2][4096])
{
    if (!job->out)
        return 0;
    bead_format fmt = BEAD_FORMAT_TSV;
    if (set->format_given)
        fmt = set->format;
    else if (!bead_format_from_path(job->out, &fmt))
        fmt = BEAD_FORMAT_TSV;
    if (fmt != BEAD_FORMAT_MOSES) {
        snprintf(names[0], sizeof names[0], "%s", job->out);
        return 1;
    }
    const char *langs[2] = {job->langs[0], job->langs[1]};
    for (int k = 0; k < 2; k++)
        cli_moses_path(names[k], sizeof names[k], job->out, langs, 2, (size_t)k);
    return 2;
}

static bead_status inline_tsv(cJSON *rec, const bead_doc *const *docs, const bead_alignment *al,
                              bead_write_options *wopt, bead_error *err)
{
    bead_output *o = NULL;
    bead_status s = bead_output_open_memory(&o, err);
    if (s == BEAD_OK)
        s = bead_write_alignment(o, BEAD_FORMAT_TSV, docs, al, wopt, err);
    if (s == BEAD_OK && !cJSON_AddStringToObject(rec, "tsv", bead_output_memory(o, NULL)))
        s = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    bead_output_free(o);
    return s;
}

/* Bead counts by shape and the mean score, as the summary JSON of `bead
 * align` gives them (the library defines both: bead_alignment_shape_counts,
 * and bead_alignment_mean_score over the units with both sides). */
static int describe(cJSON *rec, const bead_alignment *al)
{
    cJSON *beads = cJSON_AddObjectToObject(rec, "beads");
    bead_shape_count *shapes;
    size_t n;
    if (!beads || bead_alignment_shape_counts(al, &shapes, &n, NULL) != BEAD_OK)
        return 0;
    int ok = 1;
    for (size_t k = 0; ok && k < n; k++)
        ok = cJSON_AddNumberToObject(beads, shapes[k].name, (double)shapes[k].count) != NULL;
    bead_shape_counts_free(shapes, n);
    if (!ok || !cJSON_AddNumberToObject(rec, "mean_score",
                                        round4(bead_alignment_mean_score(al))))
        return 0;
    bead_verdict v = bead_alignment_verdict(al);
    if (v != BEAD_VERDICT_NONE && !cJSON_AddStringToObject(rec, "verdict", bead_verdict_name(v)))
        return 0;
    return 1;
}

cJSON *batch_record_error(const cJSON *id, const char *message)
{
    cJSON *rec = cJSON_CreateObject();
    if (!rec)
        return NULL;
    cJSON_AddItemToObject(rec, "id", id ? cJSON_Duplicate(id, 0) : cJSON_CreateNull());
    cJSON_AddStringToObject(rec, "status", "error");
    cJSON_AddStringToObject(rec, "error", message);
    cJSON_AddNumberToObject(rec, "seconds", 0);
    return rec;
}

int batch_record_ok(const cJSON *record)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(record, "status");
    return cJSON_IsString(st) && !strcmp(st->valuestring, "ok");
}

/* Messages from the library name the file; a few (out of memory, ICU) do
 * not, and a record must say which side failed. */
static void name_side(bead_error *err, const char *name)
{
    if (!name || strstr(err->message, name))
        return;
    char buf[2 * sizeof err->message];
    snprintf(buf, sizeof buf, "%s: %s", name, err->message[0] ? err->message
                                                              : bead_strerror(err->status));
    size_t n = strlen(buf);
    if (n >= sizeof err->message)
        n = sizeof err->message - 1;
    memcpy(err->message, buf, n);
    err->message[n] = '\0';
}

static cJSON *run_job(batch_worker *w, const batch_job *job, double t0);

cJSON *batch_worker_run(batch_worker *w, const batch_job *job)
{
    double t0 = bead_seconds();
    w->deadline = w->set.timeout > 0 ? t0 + w->set.timeout : 0;
    batch_watchdog_arm(w->set.timeout > 0 ? w->set.watchdog : NULL, w->deadline);
    cJSON *rec = run_job(w, job, t0);
    batch_watchdog_disarm(w->set.timeout > 0 ? w->set.watchdog : NULL);
    return rec;
}

static cJSON *run_job(batch_worker *w, const batch_job *job, double t0)
{
    bead_error err;
    bead_error_clear(&err);
    bead_format fmt = BEAD_FORMAT_TSV;
    if (w->set.format_given)
        fmt = w->set.format;
    else if (job->out && !bead_format_from_path(job->out, &fmt))
        fmt = BEAD_FORMAT_TSV;

    cJSON *rec = cJSON_CreateObject();
    if (!rec)
        return NULL;
    cJSON_AddItemToObject(rec, "id", job->id ? cJSON_Duplicate(job->id, 0) : cJSON_CreateNull());
    if (job->out && w->set.skip_existing && output_exists(job, fmt)) {
        cJSON_AddStringToObject(rec, "status", "ok");
        cJSON_AddBoolToObject(rec, "skipped", 1);
        cJSON_AddStringToObject(rec, "out", job->out);
        cJSON_AddNumberToObject(rec, "seconds", round4(bead_seconds() - t0));
        return rec;
    }

    bead_doc *docs[2] = {NULL, NULL};
    bead_alignment *al = NULL, *mono = NULL;
    bead_status s = load_side(w, job->src, job->src_text, "src_text", job->langs[0], &docs[0], &err);
    if (s != BEAD_OK)
        name_side(&err, job->src ? job->src : "src_text");
    if (s == BEAD_OK) {
        s = load_side(w, job->trg, job->trg_text, "trg_text", job->langs[1], &docs[1], &err);
        if (s != BEAD_OK)
            name_side(&err, job->trg ? job->trg : "trg_text");
    }
    if (s == BEAD_OK) {
        /* As bead align does: a dictionary only when both sides have text. */
        const bead_lexicon *lex = NULL;
        if (bead_doc_size(docs[0]) && bead_doc_size(docs[1]))
            lex = batch_dicts_get(w->set.dicts, job->langs[0], job->langs[1]);
        bead_aligner *aligner = NULL;
        s = aligner_for(w, lex, &aligner, &err);
        /* The very decision bead align makes; the beads format shows the
         * covering monotone alignment, as bead align writes it. */
        bead_align_options aopt;
        bead_align_options_init(&aopt);
        aopt.lexicon = lex;
        aopt.mode = w->set.mode;
        if (s == BEAD_OK) {
            bead_aligner_set_deadline(aligner, w->deadline);
            s = bead_align_decide(aligner, &aopt, docs[0], docs[1], &al,
                                  fmt == BEAD_FORMAT_BEADS ? &mono : NULL, &err);
        }
    }

    cJSON *result = cJSON_CreateObject();
    if (!result)
        s = bead_error_set(&err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (s == BEAD_OK && !describe(result, al))
        s = bead_error_set(&err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    if (s == BEAD_OK) {
        bead_write_options wopt;
        bead_write_options_init(&wopt);
        wopt.min_score = w->set.min_score;
        const bead_doc *const *cdocs = (const bead_doc *const *)docs;
        if (job->out) {
            s = write_outputs(w, job, fmt, cdocs, mono ? mono : al, &wopt, &err);
            if (s == BEAD_OK)
                cJSON_AddStringToObject(result, "out", job->out);
        } else {
            s = inline_tsv(result, cdocs, al, &wopt, &err);
        }
    }
    bead_alignment_free(al);
    bead_alignment_free(mono);
    bead_doc_free(docs[0]);
    bead_doc_free(docs[1]);

    if (s == BEAD_OK) {
        cJSON_AddStringToObject(rec, "status", "ok");
        /* Move the description after id and status, keeping its order. */
        while (result->child) {
            cJSON *item = cJSON_DetachItemViaPointer(result, result->child);
            cJSON_AddItemToObject(rec, item->string, item);
        }
    } else {
        cJSON_AddStringToObject(rec, "status", "error");
        if (s == BEAD_ERR_TIMEOUT) {
            char msg[sizeof err.message + 64];
            snprintf(msg, sizeof msg, "over --timeout %g s: %s", w->set.timeout,
                     err.message[0] ? err.message : bead_strerror(s));
            cJSON_AddStringToObject(rec, "error", msg);
        } else {
            cJSON_AddStringToObject(rec, "error",
                                    err.message[0] ? err.message : bead_strerror(s));
        }
        if (job->out)
            cJSON_AddStringToObject(rec, "out", job->out);
    }
    cJSON_Delete(result);
    cJSON_AddNumberToObject(rec, "seconds", round4(bead_seconds() - t0));
    return rec;
}
