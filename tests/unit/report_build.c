/* The report on a hand-made alignment: coverage per version, omitted and
 * added sentences (and weak units), number and name mismatches, length
 * outliers, the lowest units, verdicts; JSON through cJSON; the HTML page
 * escapes every text and carries no script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "bead/align.h"
#include "bead/report.h"
#include "align/doc/doc_internal.h"

static int failures;
#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static bead_doc *doc(const char *lang, const char *const *s)
{
    bead_doc *d = NULL;
    bead_doc_create(&d, lang, lang, NULL);
    for (size_t i = 0; s[i]; i++)
        bead_doc_add(d, s[i], strlen(s[i]), i, 0, NULL);
    return d;
}

static void unit(bead_alignment *al, size_t b0, size_t c0, size_t b1, size_t c1, double score)
{
    size_t b[2] = {b0, b1}, c[2] = {c0, c1};
    bead_alignment_append(al, b, c, score, NULL);
}

static char *render(const bead_report *r, int html)
{
    bead_output *out = NULL;
    bead_output_open_memory(&out, NULL);
    bead_status s = html ? bead_report_write_html(r, out, NULL) : bead_report_write_json(r, out, NULL);
    CHECK(s == BEAD_OK);
    size_t len;
    const char *m = bead_output_memory(out, &len);
    char *copy = strndup(m ? m : "", m ? len : 0);
    bead_output_free(out);
    return copy;
}

int main(void)
{
    static const char *const en[] = {
        "Sullivan met Akiba in Seoul on 9 December 2023.",
        "The meeting lasted 3 hours.",
        "This sentence has no translation <b>at all</b> & \"quotes\".",
        "Short.",
        "A last sentence that is matched with a far longer one.",
        NULL};
    static const char *const bg[] = {
        "Съливан се срещна с Акиба в Сеул на 9 декември 2023 г.",
        "Срещата продължи 4 часа.",
        "Кратко.",
        "Последно изречение, което е много, много, много, много, много, много, много, много "
        "по-дълго от английското и продължава и продължава без край.",
        "Добавено изречение без превод.",
        NULL};
    bead_doc *a = doc("en", en), *b = doc("bg", bg);
    bead_alignment *al = NULL;
    bead_alignment_create(&al, 2, NULL);
    unit(al, 0, 1, 0, 1, 0.95);
    unit(al, 1, 1, 1, 1, 0.90);   /* 3 hours / 4 часа: a number mismatch */
    unit(al, 2, 1, 2, 0, 0.80);   /* omitted */
    unit(al, 3, 1, 2, 1, 0.20);   /* weak: listed as omitted and added */
    unit(al, 4, 1, 3, 1, 0.85);   /* length outlier */
    unit(al, 5, 0, 4, 1, 0.70);   /* added */
    bd_alignment_set_verdict(al, BEAD_VERDICT_COMPARABLE, 0.5);
    const bead_doc *docs[2] = {a, b};
    bead_report *r = NULL;
    CHECK(bead_report_build(&r, docs, 2, al, NULL, 0, NULL, NULL) == BEAD_OK);
    if (!r)
        return 1;
    char *json = render(r, 0);
    cJSON *j = cJSON_Parse(json);
    CHECK(j != NULL);
    if (j) {
        cJSON *cov = cJSON_GetObjectItem(j, "coverage");
        CHECK(cJSON_GetObjectItem(cov, "0") && cJSON_GetObjectItem(cov, "1"));
        CHECK(cJSON_GetObjectItem(cov, "0")->valuedouble == 0.6);   /* 3 of 5 */
        cJSON *om = cJSON_GetObjectItem(j, "omitted"), *ad = cJSON_GetObjectItem(j, "added");
        CHECK(cJSON_GetArraySize(om) == 2);
        CHECK(cJSON_GetArraySize(ad) == 2);
        cJSON *e = cJSON_GetArrayItem(om, 0);
        CHECK(e && cJSON_GetObjectItem(e, "index")->valueint == 2 &&
              cJSON_GetObjectItem(e, "version")->valueint == 0 &&
              strstr(cJSON_GetObjectItem(e, "text")->valuestring, "no translation"));
        e = cJSON_GetArrayItem(om, 1);
        CHECK(e && cJSON_IsTrue(cJSON_GetObjectItem(e, "weak")));
        e = cJSON_GetArrayItem(ad, 1);
        CHECK(e && cJSON_GetObjectItem(e, "index")->valueint == 4 &&
              cJSON_GetObjectItem(e, "version")->valueint == 1);
        int three = 0, four = 0;
        cJSON *n;
        cJSON_ArrayForEach(n, cJSON_GetObjectItem(j, "number_mismatches"))
        {
            const char *v = cJSON_GetObjectItem(n, "value")->valuestring;
            three += !strcmp(v, "3") && cJSON_GetObjectItem(n, "missing_in")->valueint == 1;
            four += !strcmp(v, "4") && cJSON_GetObjectItem(n, "missing_in")->valueint == 0;
        }
        CHECK(three == 1 && four == 1);
        cJSON *lo = cJSON_GetObjectItem(j, "length_outliers");
        CHECK(cJSON_GetArraySize(lo) == 1 &&
              cJSON_GetObjectItem(cJSON_GetArrayItem(lo, 0), "unit")->valueint == 4);
        cJSON *low = cJSON_GetObjectItem(j, "lowest");
        /* Issue 15: only units scored under 0.5 are "lowest". */
        CHECK(cJSON_GetArraySize(low) == 1 &&
              cJSON_GetObjectItem(cJSON_GetArrayItem(low, 0), "unit")->valueint == 3);
        cJSON *ob = cJSON_GetObjectItem(j, "omitted_by_version");
        CHECK(ob && cJSON_GetObjectItem(ob, "1") &&
              cJSON_GetObjectItem(ob, "1")->valueint == 2);
        cJSON *vd = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "verdicts"), 0);
        CHECK(vd && !strcmp(cJSON_GetObjectItem(vd, "verdict")->valuestring, "comparable"));
        cJSON_Delete(j);
    }
    free(json);
    char *html = render(r, 1);
    CHECK(strstr(html, "&lt;b&gt;at all&lt;/b&gt; &amp; &quot;quotes&quot;") != NULL);
    CHECK(strstr(html, "<b>at all</b>") == NULL);
    CHECK(strstr(html, "<script") == NULL);
    CHECK(strstr(html, "<tr id=\"u5\"") != NULL);
    /* Issue 15: a filter (problems only, per kind) and links between problems. */
    CHECK(strstr(html, "id=\"f-problems\"") != NULL && strstr(html, "id=\"f-name\"") != NULL);
    CHECK(strstr(html, "#f-problems:checked~table.units tr:not(.p)") != NULL);
    CHECK(strstr(html, "next problem") != NULL && strstr(html, "previous problem") != NULL);
    free(html);
    bead_report_free(r);

    /* Issue 15: a sentence-initial word is no name unless the text
     * capitalises it elsewhere; a name is shown as written; a number word
     * answers a number ("two" / "2"). */
    {
        static const char *const en2[] = {
            "Again the talks began with officials of Seoul.",
            "They met two envoys and Washington said nothing.",
            "Later the envoys left.", NULL};
        static const char *const bg2[] = {
            "Разговорите започнаха с представители.",
            "Те се срещнаха с 2 пратеници.",
            "По-късно пратениците заминаха за Сеул.", NULL};
        bead_doc *c = doc("en", en2), *d = doc("bg", bg2);
        bead_alignment *al2 = NULL;
        bead_alignment_create(&al2, 2, NULL);
        unit(al2, 0, 1, 0, 1, 0.9);
        unit(al2, 1, 1, 1, 1, 0.9);
        unit(al2, 2, 1, 2, 1, 0.9);
        bd_alignment_set_verdict(al2, BEAD_VERDICT_PARALLEL, 1.0);
        const bead_doc *docs2[2] = {c, d};
        bead_report *r2 = NULL;
        CHECK(bead_report_build(&r2, docs2, 2, al2, NULL, 0, NULL, NULL) == BEAD_OK);
        char *j2s = r2 ? render(r2, 0) : NULL;
        cJSON *j2 = j2s ? cJSON_Parse(j2s) : NULL;
        CHECK(j2 != NULL);
        if (j2) {
            CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(j2, "number_mismatches")) == 0);
            int again = 0, seoul = 0, seul = 0;
            cJSON *n;
            cJSON_ArrayForEach(n, cJSON_GetObjectItem(j2, "name_mismatches"))
            {
                const char *v = cJSON_GetObjectItem(n, "name")->valuestring;
                again += !strcmp(v, "Again") || !strcmp(v, "again");
                seoul += !strcmp(v, "Seoul");
                seul += !strcmp(v, "Сеул");
            }
            CHECK(again == 0 && seoul == 1 && seul == 1);
            cJSON_Delete(j2);
        }
        free(j2s);
        bead_report_free(r2);
        bead_alignment_free(al2);
        bead_doc_free(c);
        bead_doc_free(d);
    }

    /* Wrong number of pairs or documents: usage errors. */
    const bead_alignment *pairs[1] = {al};
    CHECK(bead_report_build(&r, docs, 2, al, pairs, 3, NULL, NULL) == BEAD_ERR_USAGE);
    CHECK(bead_report_build(&r, docs, 3, al, NULL, 0, NULL, NULL) == BEAD_ERR_USAGE);
    CHECK(bead_report_is_html("x.html") && bead_report_is_html("x.htm.gz") &&
          !bead_report_is_html("x.json") && !bead_report_is_html("html"));
    bead_alignment_free(al);
    bead_doc_free(a);
    bead_doc_free(b);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures != 0;
}
