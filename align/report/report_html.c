/* The report as one self-contained HTML page: inline CSS, no scripts, no
 * external assets. A summary (versions, coverage, verdicts, the problem
 * lists linking to their units), then every unit side by side with its
 * problems highlighted. Every text from the documents is escaped. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/report/report_internal.h"

typedef struct html {
    bead_output *out;
    bead_error *err;
    bead_status s;
} html;

static void raw(html *h, const char *s)
{
    if (h->s == BEAD_OK)
        h->s = bead_output_puts(h->out, s, h->err);
}

static void rawf(html *h, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void rawf(html *h, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    raw(h, buf);
}

/* Text as HTML character data or attribute value. */
static void esc(html *h, const char *s)
{
    const char *run = s;
    for (; *s && h->s == BEAD_OK; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        }
        if (!rep)
            continue;
        if (s > run)
            h->s = bead_output_write(h->out, run, (size_t)(s - run), h->err);
        raw(h, rep);
        run = s + 1;
    }
    if (h->s == BEAD_OK && s > run)
        h->s = bead_output_write(h->out, run, (size_t)(s - run), h->err);
}

static const char style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "margin:0;padding:24px 32px;color:#1d2330;background:#f6f7f9}"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}"
    ".sub{color:#5b6475;margin:0 0 16px}"
    "table{border-collapse:collapse;background:#fff}"
    "th,td{border:1px solid #d5d9e0;padding:6px 9px;vertical-align:top;text-align:left}"
    "th{background:#e9edf3;font-weight:600}"
    ".cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}"
    ".card{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:10px 14px;"
    "min-width:150px}.card b{display:block;font-size:22px}"
    ".parallel{color:#11753a;font-weight:600}.comparable{color:#a05a00;font-weight:600}"
    ".unrelated{color:#b3261e;font-weight:600}"
    "ul.issues{background:#fff;border:1px solid #d5d9e0;padding:8px 8px 8px 28px;"
    "max-height:260px;overflow:auto;margin:0}"
    "ul.issues li{margin:2px 0}"
    "table.units{width:100%;table-layout:fixed}"
    "table.units td.n{width:52px;color:#5b6475;font-size:13px}"
    "table.units td.sc{width:64px;font-variant-numeric:tabular-nums}"
    "table.units td.nt{width:220px;font-size:13px;color:#7a2b00;white-space:pre-line}"
    "td.missing{background:#fde2e1}td.missing:before{content:'\\2014 missing \\2014';"
    "color:#b3261e;font-size:13px}"
    "tr.gap td.has{background:#fff6d6}"
    "tr.low td.sc{background:#fde2e1;color:#b3261e;font-weight:600}"
    "tr.length td.has{box-shadow:inset 4px 0 0 #e07b00}"
    "tr.number td.nt,tr.name td.nt{background:#fff0e0}"
    "tr.lowest td.n{font-weight:700;color:#b3261e}"
    ".idx{color:#8a93a3;font-size:12px;margin-right:4px}"
    ".legend span{display:inline-block;margin-right:14px;padding:2px 8px;border:1px solid "
    "#d5d9e0}"
    "a{color:#1f5fbf}";

static const cJSON *item(const cJSON *o, const char *k) { return cJSON_GetObjectItemCaseSensitive(o, k); }

static double num(const cJSON *o, const char *k)
{
    const cJSON *x = item(o, k);
    return cJSON_IsNumber(x) ? x->valuedouble : 0;
}

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *x = item(o, k);
    return cJSON_IsString(x) ? x->valuestring : "";
}

static void card(html *h, const char *label, size_t count)
{
    rawf(h, "<div class=\"card\"><b>%zu</b>", count);
    esc(h, label);
    raw(h, "</div>");
}

static void version_label(html *h, const bead_report *r, size_t v)
{
    rawf(h, "%zu: ", v);
    esc(h, bead_doc_name(r->docs[v]));
    raw(h, " (");
    esc(h, bead_doc_lang(r->docs[v]));
    raw(h, ")");
}

/* A problem list: one line per entry, linking to its unit. */
static void issue_list(html *h, const bead_report *r, const char *title, const cJSON *arr,
                       const char *what)
{
    int n = cJSON_GetArraySize(arr);
    rawf(h, "<h2>%s (%d)</h2>", title, n);
    if (n == 0) {
        raw(h, "<p class=\"sub\">None.</p>");
        return;
    }
    raw(h, "<ul class=\"issues\">");
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        size_t u = (size_t)num(e, "unit");
        rawf(h, "<li><a href=\"#u%zu\">unit %zu</a>: ", u, u);
        if (!strcmp(what, "sentence")) {
            rawf(h, "version %zu, sentence %zu: ", (size_t)num(e, "version"),
                 (size_t)num(e, "index"));
            esc(h, str(e, "text"));
        } else if (!strcmp(what, "number")) {
            raw(h, "<b>");
            esc(h, str(e, "value"));
            rawf(h, "</b> in version %zu, missing in version %zu", (size_t)num(e, "version"),
                 (size_t)num(e, "missing_in"));
        } else if (!strcmp(what, "name")) {
            raw(h, "<b>");
            esc(h, str(e, "name"));
            rawf(h, "</b> in version %zu, missing in version %zu", (size_t)num(e, "version"),
                 (size_t)num(e, "missing_in"));
        } else if (!strcmp(what, "length")) {
            rawf(h, "version %zu is %.2f times the reference's length (expected %.2f)",
                 (size_t)num(e, "version"), num(e, "ratio"), num(e, "expected"));
        } else {
            rawf(h, "score %.4f", num(e, "score"));
        }
        raw(h, "</li>");
    }
    raw(h, "</ul>");
    (void)r;
}

static void unit_rows(html *h, const bead_report *r)
{
    const bead_alignment *al = r->al;
    raw(h, "<table class=\"units\"><tr><th style=\"width:52px\">unit</th>");
    for (size_t v = 0; v < r->n; v++) {
        raw(h, "<th>");
        version_label(h, r, v);
        raw(h, "</th>");
    }
    raw(h, "<th style=\"width:64px\">score</th><th style=\"width:220px\">problems</th></tr>\n");
    for (size_t u = 0; u < bead_alignment_size(al) && h->s == BEAD_OK; u++) {
        unsigned f = r->flags[u];
        rawf(h, "<tr id=\"u%zu\" class=\"%s%s%s%s%s%s\"><td class=\"n\">%zu</td>", u,
             f & UNIT_GAP ? " gap" : "", f & UNIT_LOW ? " low" : "",
             f & UNIT_LENGTH ? " length" : "", f & UNIT_NUMBER ? " number" : "",
             f & UNIT_NAME ? " name" : "", f & UNIT_LOWEST ? " lowest" : "", u);
        for (size_t v = 0; v < r->n; v++) {
            size_t b, c;
            bead_alignment_range(al, u, v, &b, &c);
            if (!c) {
                raw(h, "<td class=\"missing\"></td>");
                continue;
            }
            raw(h, "<td class=\"has\">");
            for (size_t k = b; k < b + c; k++) {
                size_t len;
                const char *t = bead_doc_text(r->docs[v], k, &len);
                rawf(h, "<span class=\"idx\">[%zu]</span>", k);
                esc(h, t);
                raw(h, k + 1 < b + c ? " " : "");
            }
            raw(h, "</td>");
        }
        rawf(h, "<td class=\"sc\">%.4f</td><td class=\"nt\">", bead_alignment_score(al, u));
        if (r->notes[u])
            esc(h, r->notes[u]);
        raw(h, "</td></tr>\n");
    }
    raw(h, "</table>");
}

bead_status bead_report_write_html(const bead_report *r, bead_output *out, bead_error *err)
{
    html h = {out, err, BEAD_OK};
    const cJSON *j = r->json;
    raw(&h, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            "<title>bead fidelity report: ");
    for (size_t v = 0; v < r->n; v++) {
        esc(&h, bead_doc_name(r->docs[v]));
        raw(&h, v + 1 < r->n ? ", " : "");
    }
    raw(&h, "</title><style>");
    raw(&h, style);
    raw(&h, "</style></head><body>\n<h1>Fidelity report</h1>"
            "<p class=\"sub\">Version 0 is the reference: <i>omitted</i> sentences are its "
            "sentences another version lacks, <i>added</i> ones are sentences it lacks.</p>\n");

    raw(&h, "<table><tr><th>version</th><th>file</th><th>language</th><th>sentences</th>"
            "<th>coverage</th></tr>");
    const cJSON *cov = item(j, "coverage");
    for (size_t v = 0; v < r->n; v++) {
        char key[32];
        snprintf(key, sizeof key, "%zu", v);
        rawf(&h, "<tr><td>%zu</td><td>", v);
        esc(&h, bead_doc_name(r->docs[v]));
        raw(&h, "</td><td>");
        esc(&h, bead_doc_lang(r->docs[v]));
        rawf(&h, "</td><td>%zu</td><td>%.1f%%</td></tr>", bead_doc_size(r->docs[v]),
             100.0 * num(cov, key));
    }
    raw(&h, "</table>\n<h2>Verdicts</h2><table><tr><th>pair</th><th>verdict</th>"
            "<th>coverage</th><th>mean score</th></tr>");
    const cJSON *e;
    cJSON_ArrayForEach(e, item(j, "verdicts"))
    {
        const char *v = str(e, "verdict");
        rawf(&h, "<tr><td>%zu &#8596; %zu</td><td class=\"", (size_t)num(e, "a"),
             (size_t)num(e, "b"));
        esc(&h, v);
        raw(&h, "\">");
        esc(&h, v);
        rawf(&h, "</td><td>%.1f%%</td><td>%.2f</td></tr>", 100.0 * num(e, "coverage"),
             num(e, "mean_score"));
    }
    raw(&h, "</table>\n<div class=\"cards\">");
    card(&h, "omitted sentences", (size_t)cJSON_GetArraySize(item(j, "omitted")));
    card(&h, "added sentences", (size_t)cJSON_GetArraySize(item(j, "added")));
    card(&h, "number mismatches", (size_t)cJSON_GetArraySize(item(j, "number_mismatches")));
    card(&h, "name mismatches", (size_t)cJSON_GetArraySize(item(j, "name_mismatches")));
    card(&h, "length outliers", (size_t)cJSON_GetArraySize(item(j, "length_outliers")));
    raw(&h, "</div>\n");
    issue_list(&h, r, "Omitted sentences", item(j, "omitted"), "sentence");
    issue_list(&h, r, "Added sentences", item(j, "added"), "sentence");
    issue_list(&h, r, "Numbers on one side only", item(j, "number_mismatches"), "number");
    issue_list(&h, r, "Names on one side only", item(j, "name_mismatches"), "name");
    issue_list(&h, r, "Length-ratio outliers", item(j, "length_outliers"), "length");
    issue_list(&h, r, "Lowest-scoring units", item(j, "lowest"), "lowest");
    raw(&h, "\n<h2>Side by side</h2><p class=\"legend\">"
            "<span style=\"background:#fde2e1\">missing in a version</span>"
            "<span style=\"background:#fff6d6\">text without a counterpart</span>"
            "<span style=\"box-shadow:inset 4px 0 0 #e07b00\">length outlier</span>"
            "<span style=\"background:#fff0e0\">number or name on one side only</span>"
            "<span style=\"color:#b3261e\">low score</span></p>\n");
    unit_rows(&h, r);
    raw(&h, "\n</body></html>\n");
    return h.s;
}
