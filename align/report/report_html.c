/* The report as one self-contained HTML page: inline CSS, no scripts, no
 * external assets. A summary (versions, coverage, verdicts, the problem
 * lists linking to their units), then every unit side by side with its
 * problems highlighted. Every text from the documents is escaped. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
    "a{color:#1f5fbf}"
    /* The filter: radio buttons before the table, no script. A checked one
     * hides the rows without its problem (its siblings' rows). */
    ".fr{position:absolute;opacity:0}"
    ".filter{margin:8px 0}.filter label{margin-right:10px;padding:2px 8px;cursor:pointer;"
    "border:1px solid #d5d9e0;border-radius:4px;background:#fff}"
    "#f-all:checked~.filter label[for=f-all],#f-problems:checked~.filter label[for=f-problems],"
    "#f-gap:checked~.filter label[for=f-gap],#f-number:checked~.filter label[for=f-number],"
    "#f-name:checked~.filter label[for=f-name],#f-length:checked~.filter label[for=f-length],"
    "#f-low:checked~.filter label[for=f-low]{background:#1f5fbf;color:#fff}"
    "#f-problems:checked~table.units tr:not(.p):not(.head),"
    "#f-gap:checked~table.units tr:not(.gap):not(.head),"
    "#f-number:checked~table.units tr:not(.number):not(.head),"
    "#f-name:checked~table.units tr:not(.name):not(.head),"
    "#f-length:checked~table.units tr:not(.length):not(.head),"
    "#f-low:checked~table.units tr:not(.low):not(.head){display:none}"
    ".nav{display:block;margin-top:4px;font-size:12px}.nav a{margin-right:8px}";

static void card(html *h, const char *label, size_t count)
{
    rawf(h, "<div class=\"card\"><b>%zu</b>", count);
    esc(h, label);
    raw(h, "</div>");
}

static void version_label(html *h, const bead_report *r, size_t v)
{
    rawf(h, "%zu: ", v);
    esc(h, r->versions[v].file);
    raw(h, " (");
    esc(h, r->versions[v].lang);
    raw(h, ")");
}

/* The heading of a problem list, and its start when it has entries: 0 when
 * it has none (and says so). */
static int list_head(html *h, const char *title, size_t n)
{
    rawf(h, "<h2>%s (%zu)</h2>", title, n);
    if (n == 0) {
        raw(h, "<p class=\"sub\">None.</p>");
        return 0;
    }
    raw(h, "<ul class=\"issues\">");
    return 1;
}

/* The start of a problem list's line, linking to its unit. */
static void list_item(html *h, size_t u)
{
    rawf(h, "<li><a href=\"#u%zu\">unit %zu</a>: ", u, u);
}

static void gap_list(html *h, const char *title, const report_gaps *gaps)
{
    if (!list_head(h, title, gaps->n))
        return;
    for (size_t k = 0; k < gaps->n; k++) {
        const report_gap *e = &gaps->at[k];
        list_item(h, e->unit);
        rawf(h, "version %zu, sentence %zu: ", e->version, e->index);
        esc(h, e->text);
        raw(h, "</li>");
    }
    raw(h, "</ul>");
}

static void mismatch_list(html *h, const char *title, const report_mismatches *mm)
{
    if (!list_head(h, title, mm->n))
        return;
    for (size_t k = 0; k < mm->n; k++) {
        const report_mismatch *e = &mm->at[k];
        list_item(h, e->unit);
        raw(h, "<b>");
        esc(h, e->value);
        rawf(h, "</b> in version %zu, missing in version %zu", e->version, e->missing_in);
        raw(h, "</li>");
    }
    raw(h, "</ul>");
}

static void length_list(html *h, const char *title, const report_lengths *lengths)
{
    if (!list_head(h, title, lengths->n))
        return;
    for (size_t k = 0; k < lengths->n; k++) {
        const report_length *e = &lengths->at[k];
        list_item(h, e->unit);
        rawf(h, "version %zu is %.2f times the reference's length (expected %.2f)", e->version,
             e->ratio, e->expected);
        raw(h, "</li>");
    }
    raw(h, "</ul>");
}

static void lowest_list(html *h, const char *title, const report_lows *lowest)
{
    if (!list_head(h, title, lowest->n))
        return;
    for (size_t k = 0; k < lowest->n; k++) {
        list_item(h, lowest->at[k].unit);
        rawf(h, "score %.4f", lowest->at[k].score);
        raw(h, "</li>");
    }
    raw(h, "</ul>");
}

#define UNIT_PROBLEM (UNIT_GAP | UNIT_LOW | UNIT_LENGTH | UNIT_NUMBER | UNIT_NAME | UNIT_LOWEST)

/* The problem unit before (dir -1) or after (dir 1) unit u, or SIZE_MAX. */
static size_t next_problem(const bead_report *r, size_t u, int dir)
{
    size_t nu = bead_alignment_size(r->al);
    for (size_t k = u; dir < 0 ? k-- > 0 : ++k < nu;)
        if (r->flags[k] & UNIT_PROBLEM)
            return k;
    return SIZE_MAX;
}

/* The filter over the units table and the link to the first problem. */
static void unit_filter(html *h, const bead_report *r)
{
    static const char *const kinds[][2] = {
        {"all", "all units"}, {"problems", "problems only"}, {"gap", "missing text"},
        {"number", "numbers"}, {"name", "names"}, {"length", "length outliers"},
        {"low", "low scores"}};
    size_t first = next_problem(r, SIZE_MAX, 1);
    /* The buttons stand beside the table (the CSS reaches it with "~");
     * their labels, in the line below, are what one clicks. */
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        rawf(h, "<input class=\"fr\" type=\"radio\" name=\"f\" id=\"f-%s\"%s>",
             kinds[k][0], k ? "" : " checked");
    raw(h, "<p class=\"filter\">Show: ");
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        rawf(h, "<label for=\"f-%s\">%s</label> ", kinds[k][0], kinds[k][1]);
    if (first != SIZE_MAX)
        rawf(h, " &#183; <a href=\"#u%zu\">first problem</a>", first);
    raw(h, "</p>");
}

static void unit_rows(html *h, const bead_report *r)
{
    const bead_alignment *al = r->al;
    raw(h, "<table class=\"units\"><tr class=\"head\"><th style=\"width:52px\">unit</th>");
    for (size_t v = 0; v < r->n; v++) {
        raw(h, "<th>");
        version_label(h, r, v);
        raw(h, "</th>");
    }
    raw(h, "<th style=\"width:64px\">score</th><th style=\"width:220px\">problems</th></tr>\n");
    for (size_t u = 0; u < bead_alignment_size(al) && h->s == BEAD_OK; u++) {
        unsigned f = r->flags[u];
        rawf(h, "<tr id=\"u%zu\" class=\"%s%s%s%s%s%s%s\"><td class=\"n\">%zu</td>", u,
             f & UNIT_PROBLEM ? " p" : "",
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
        if (f & UNIT_PROBLEM) {
            size_t prev = next_problem(r, u, -1), next = next_problem(r, u, 1);
            raw(h, "<span class=\"nav\">");
            if (prev != SIZE_MAX)
                rawf(h, "<a href=\"#u%zu\">&#8593; previous problem</a>", prev);
            if (next != SIZE_MAX)
                rawf(h, "<a href=\"#u%zu\">&#8595; next problem</a>", next);
            raw(h, "</span>");
        }
        raw(h, "</td></tr>\n");
    }
    raw(h, "</table>");
}

bead_status bead_report_write_html(const bead_report *r, bead_output *out, bead_error *err)
{
    html h = {out, err, BEAD_OK};
    raw(&h, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            "<title>bead fidelity report: ");
    for (size_t v = 0; v < r->n; v++) {
        esc(&h, r->versions[v].file);
        raw(&h, v + 1 < r->n ? ", " : "");
    }
    raw(&h, "</title><style>");
    raw(&h, style);
    raw(&h, "</style></head><body>\n<h1>Fidelity report</h1>"
            "<p class=\"sub\">Version 0 is the reference: <i>omitted</i> sentences are its "
            "sentences another version lacks, <i>added</i> ones are sentences it lacks.</p>\n");

    raw(&h, "<table><tr><th>version</th><th>file</th><th>language</th><th>sentences</th>"
            "<th>coverage</th><th>reference sentences it lacks</th></tr>");
    for (size_t v = 0; v < r->n; v++) {
        const report_version *e = &r->versions[v];
        rawf(&h, "<tr><td>%zu</td><td>", v);
        esc(&h, e->file);
        raw(&h, "</td><td>");
        esc(&h, e->lang);
        rawf(&h, "</td><td>%zu</td><td>%.1f%%</td>", e->sentences, 100.0 * e->coverage);
        if (v == 0)
            raw(&h, "<td>(the reference)</td></tr>");
        else
            rawf(&h, "<td>%zu</td></tr>", bd_report_omitted_by(r, v));
    }
    raw(&h, "</table>\n<h2>Verdicts</h2><table><tr><th>pair</th><th>verdict</th>"
            "<th>coverage</th><th>mean score</th></tr>");
    for (size_t k = 0; k < r->nverdicts; k++) {
        const report_verdict *e = &r->verdicts[k];
        const char *v = bead_verdict_name(e->verdict);
        rawf(&h, "<tr><td>%zu &#8596; %zu</td><td class=\"", e->a, e->b);
        esc(&h, v);
        raw(&h, "\">");
        esc(&h, v);
        rawf(&h, "</td><td>%.1f%%</td><td>%.2f</td></tr>", 100.0 * e->coverage, e->mean_score);
    }
    raw(&h, "</table>\n<div class=\"cards\">");
    card(&h, "omitted sentences", r->omitted.n);
    card(&h, "added sentences", r->added.n);
    card(&h, "number mismatches", r->numbers.n);
    card(&h, "name mismatches", r->names.n);
    card(&h, "length outliers", r->lengths.n);
    raw(&h, "</div>\n");
    gap_list(&h, "Omitted sentences", &r->omitted);
    gap_list(&h, "Added sentences", &r->added);
    mismatch_list(&h, "Numbers on one side only", &r->numbers);
    mismatch_list(&h, "Names on one side only", &r->names);
    length_list(&h, "Length-ratio outliers", &r->lengths);
    lowest_list(&h, "Lowest-scoring units", &r->lowest);
    raw(&h, "\n<h2>Side by side</h2><p class=\"legend\">"
            "<span style=\"background:#fde2e1\">missing in a version</span>"
            "<span style=\"background:#fff6d6\">text without a counterpart</span>"
            "<span style=\"box-shadow:inset 4px 0 0 #e07b00\">length outlier</span>"
            "<span style=\"background:#fff0e0\">number or name on one side only</span>"
            "<span style=\"color:#b3261e\">low score</span></p>\n");
    unit_filter(&h, r);
    unit_rows(&h, r);
    raw(&h, "\n</body></html>\n");
    return h.s;
}
