/* The report's lone sentences: in a weak unit where a version has several
 * sentences, one that nothing in the other versions accounts for is listed
 * as omitted or added by itself, not marked "weak" with its neighbours. The
 * case of issue 5: the German lead sentence of corpora/news-dprk-cyber ("Die
 * drei Verbündeten äußerten Bedenken...") that the Bulgarian version lacks,
 * joined by the aligner to the title. Two sentences translated as one are
 * not split. The report looks words up in the installed FreeDict
 * dictionaries, handed over as bead report --dict auto does (skipped
 * without them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "bead/align.h"
#include "bead/report.h"
#include "corpus.h"


static int failures;
#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static bead_doc *load(const char *name, const char *lang)
{
    return corpus_load(name, lang, &failures);
}

static bead_doc *doc(const char *lang, const char *const *s)
{
    bead_doc *d = NULL;
    bead_doc_create(&d, lang, lang, NULL);
    for (size_t i = 0; s[i]; i++)
        bead_doc_add(d, s[i], strlen(s[i]), i, 0, NULL);
    return d;
}

static cJSON *report_json(const bead_doc *a, const bead_doc *b, const bead_alignment *al,
                          const bead_lexicon_set *dicts)
{
    const bead_doc *docs[2] = {a, b};
    bead_report *r = NULL;
    bead_report_options ro;
    bead_report_options_init(&ro);
    ro.lexicons = dicts;
    CHECK(bead_report_build(&r, docs, 2, al, NULL, 0, &ro, NULL) == BEAD_OK);
    if (!r)
        return NULL;
    bead_output *out = NULL;
    bead_output_open_memory(&out, NULL);
    CHECK(bead_report_write_json(r, out, NULL) == BEAD_OK);
    size_t len;
    const char *m = bead_output_memory(out, &len);
    cJSON *j = m ? cJSON_ParseWithLength(m, len) : NULL;
    CHECK(j != NULL);
    bead_output_free(out);
    bead_report_free(r);
    return j;
}

/* The entry of list for sentence index of version, or NULL. */
static cJSON *entry(const cJSON *j, const char *list, int version, int index)
{
    cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, list))
    {
        if (cJSON_GetObjectItem(e, "version")->valueint == version &&
            cJSON_GetObjectItem(e, "index")->valueint == index)
            return e;
    }
    return NULL;
}

/* Listed in list, by itself: not weak, missing in the other version. */
static int listed_alone(const cJSON *j, const char *list, int version, int index, int other)
{
    cJSON *e = entry(j, list, version, index);
    if (!e)
        return 0;
    cJSON *miss = cJSON_GetObjectItem(e, "missing_in");
    return !cJSON_IsTrue(cJSON_GetObjectItem(e, "weak")) && cJSON_GetArraySize(miss) == 1 &&
           cJSON_GetArrayItem(miss, 0)->valueint == other;
}

/* al with the 0-1 unit holding trg sentence lead joined to the unit before
 * it, scored score: what an aligner that pairs the lead with the title
 * gives. */
static bead_alignment *join_lead(const bead_alignment *al, size_t lead, double score)
{
    bead_alignment *out = NULL;
    bead_alignment_create(&out, 2, NULL);
    size_t nu = bead_alignment_size(al);
    for (size_t u = 0; u < nu; u++) {
        size_t b[2], c[2];
        bead_alignment_range(al, u, 0, &b[0], &c[0]);
        bead_alignment_range(al, u, 1, &b[1], &c[1]);
        double s = bead_alignment_score(al, u);
        if (u + 1 < nu) {
            size_t nb0, nc0, nb1, nc1;
            bead_alignment_range(al, u + 1, 0, &nb0, &nc0);
            bead_alignment_range(al, u + 1, 1, &nb1, &nc1);
            if (nc0 == 0 && nc1 == 1 && nb1 == lead && c[1] > 0) {
                c[1] += 1;
                s = score;
                u++;
            }
        }
        bead_alignment_append(out, b, c, s, NULL);
    }
    return out;
}

int main(void)
{
    bead_doc *bg = load(CORPUS "bg.aljazeera.txt", "bg");
    bead_doc *de = load(CORPUS "de.aljazeera.txt", "de");
    if (failures)
        return 1;
    /* What bead report --dict auto hands the report to look words up in. */
    static const char *const pairs[] = {"bg", "de", "en", "de"};
    bead_lexicon_set *dicts = corpus_freedict(pairs, 2);
    if (!dicts)
        return corpus_skip();
    size_t lead = 1;   /* "Die drei Verbündeten äußerten Bedenken ..." */
    size_t len;
    CHECK(strstr(bead_doc_text(de, lead, &len), "Die drei Verbündeten") != NULL);

    bead_aligner *aligner = NULL;
    bead_aligner_create(&aligner, NULL, NULL);
    bead_alignment *al = NULL;
    CHECK(bead_align_pair(aligner, bg, de, &al, NULL) == BEAD_OK);
    if (!al)
        return 1;

    /* As aligned: a 0-1 unit of its own, added. */
    cJSON *j = report_json(bg, de, al, dicts);
    CHECK(j && listed_alone(j, "added", 1, (int)lead, 0));
    cJSON_Delete(j);

    /* Joined to the title in a unit the aligner doubts: added by itself, and
     * the title pair it was joined to (bg 1, de 0) is neither omitted nor
     * added. */
    bead_alignment *joined = join_lead(al, lead, 0.2);
    CHECK(bead_alignment_size(joined) + 1 == bead_alignment_size(al));
    j = report_json(bg, de, joined, dicts);
    CHECK(j && listed_alone(j, "added", 1, (int)lead, 0));
    CHECK(j && !entry(j, "added", 1, 0) && !entry(j, "omitted", 0, 1));
    cJSON_Delete(j);
    bead_alignment_free(joined);

    /* A true 2-1 (two sentences translated as one), even scored weak, is not
     * split: both sentences stay "weak" with their unit. */
    static const char *const en[] = {"The meeting lasted three hours.", "It ended at noon.",
                                     NULL};
    static const char *const ge[] = {"Das Treffen dauerte drei Stunden und endete am Mittag.",
                                     NULL};
    bead_doc *a = doc("en", en), *b = doc("de", ge);
    bead_alignment *merge = NULL;
    bead_alignment_create(&merge, 2, NULL);
    size_t mb[2] = {0, 0}, mc[2] = {2, 1};
    bead_alignment_append(merge, mb, mc, 0.2, NULL);
    j = report_json(a, b, merge, dicts);
    CHECK(j && cJSON_GetArraySize(cJSON_GetObjectItem(j, "omitted")) == 2);
    cJSON *om = j ? cJSON_GetObjectItem(j, "omitted") : NULL, *e;
    cJSON_ArrayForEach(e, om)
    {
        CHECK(cJSON_IsTrue(cJSON_GetObjectItem(e, "weak")));
    }
    cJSON_Delete(j);
    bead_alignment_free(merge);
    bead_doc_free(a);
    bead_doc_free(b);

    bead_alignment_free(al);
    bead_aligner_free(aligner);
    bead_lexicon_set_free(dicts);
    bead_doc_free(bg);
    bead_doc_free(de);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures != 0;
}
