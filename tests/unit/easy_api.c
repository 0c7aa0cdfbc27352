/* The one-call API (easy.h, bead_segment_buffer): the same sentences as the
 * callback, the same dictionaries as bead align's rule, and the same bytes
 * (TSV, beads, summary JSON without its seconds) as the separate calls
 * bead align makes, on the seed corpus with the fixture dictionary
 * (tests/lexicon/news, so nothing depends on what FreeDict is installed). */
#include <stdlib.h>
#include <string.h>

#include "bead/easy.h"
#include "corpus.h"   /* before check.h: its parameter would shadow `failures` */
#include "check.h"

#define FIXTURE_DICTS "lexicon/news"

/* ------------------------------------------------------- segment_buffer */

typedef struct seen {
    bead_sentence s[16];
    char text[16][128];
    size_t n;
} seen;

static int remember(void *ctx, const bead_sentence *s)
{
    seen *c = ctx;
    if (c->n == 16 || s->len >= 128)
        return 1;
    c->s[c->n] = *s;
    memcpy(c->text[c->n], s->text, s->len);
    c->text[c->n][s->len] = '\0';
    c->n++;
    return 0;
}

static void test_segment_buffer(void)
{
    const char *text = "\xEF\xBB\xBFThe meeting starts at 9 a.m. in Berlin. Mr. Smith  speaks.\n"
                       "\nA new paragraph,\nover two lines. Caf\xC3\xA9!";
    size_t len = strlen(text);
    bead_segmenter *seg = NULL;
    seen want = {0};
    CHECK(bead_segmenter_create(&seg, "en", NULL, NULL) == BEAD_OK, "segmenter");
    CHECK(bead_segment_text(seg, text, len, remember, &want, NULL) == BEAD_OK, "callback");
    bead_segmenter_free(seg);

    bead_sentence *got = NULL;
    size_t n = 99;
    bead_error err;
    CHECK(bead_segment_buffer(text, len, "en", NULL, &got, &n, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(n == want.n && n == 4, "%zu sentences, the callback saw %zu", n, want.n);
    for (size_t i = 0; i < n && i < want.n; i++) {
        CHECK(got[i].len == strlen(want.text[i]) && !strcmp(got[i].text, want.text[i]),
              "sentence %zu: '%s', not '%s'", i, got[i].text, want.text[i]);
        CHECK(got[i].start == want.s[i].start && got[i].end == want.s[i].end,
              "sentence %zu: [%llu, %llu), not [%llu, %llu)", i,
              (unsigned long long)got[i].start, (unsigned long long)got[i].end,
              (unsigned long long)want.s[i].start, (unsigned long long)want.s[i].end);
        CHECK(got[i].para == want.s[i].para, "sentence %zu: paragraph", i);
    }
    CHECK(n == 4 && got[2].para == 1 && got[0].start == 3, "paragraphs and the BOM's bytes");
    bead_sentences_free(got);

    CHECK(bead_segment_buffer("", 0, "en", NULL, &got, &n, NULL) == BEAD_OK && !got && n == 0,
          "an empty text has no sentences");
    CHECK(bead_segment_buffer(NULL, 0, "en", NULL, &got, &n, NULL) == BEAD_OK && n == 0,
          "NULL with length 0 is the empty text");
    CHECK(bead_segment_buffer(NULL, 3, "en", NULL, &got, &n, &err) == BEAD_ERR_USAGE,
          "NULL with a length");
    CHECK(bead_segment_buffer("Hi.", 3, "xx", NULL, &got, &n, &err) == BEAD_ERR_LANG &&
              strstr(err.message, "'xx'"), "unknown language: %s", err.message);
    CHECK(bead_segment_buffer("Ok. Bad \xFF here.", 16, "en", NULL, &got, &n, &err) ==
                  BEAD_ERR_UTF8 && err.offset == 8 && !got && n == 0,
          "invalid UTF-8 at byte 8: status %d offset %lld", (int)err.status,
          (long long)err.offset);

    bead_segment_options so;
    bead_segment_options_init(&so);
    so.flags = BEAD_SEGMENT_PRESEGMENTED;
    CHECK(bead_segment_buffer("One. Two.\n\nThree\n", 17, "en", &so, &got, &n, NULL) == BEAD_OK &&
              n == 3 && !strcmp(got[0].text, "One. Two.") && got[1].len == 0 &&
              got[2].start == 11,
          "presegmented: lines are sentences, empty ones too");
    bead_sentences_free(got);
    bead_sentences_free(NULL);
}

/* ------------------------------------------------------------ dict_dir */

static const char *fake_env(void *ctx, const char *name)
{
    return !strcmp(name, "BEAD_DICT_DIR") ? ctx : NULL;
}

static void test_dict_dir(void)
{
    char buf[64];
    CHECK(bead_dict_dir(NULL, NULL, buf, sizeof buf, NULL) == BEAD_OK &&
              !strcmp(buf, "/usr/share/dictd"), "no environment: %s", buf);
    CHECK(bead_dict_dir(fake_env, "", buf, sizeof buf, NULL) == BEAD_OK &&
              !strcmp(buf, "/usr/share/dictd"), "empty BEAD_DICT_DIR: %s", buf);
    CHECK(bead_dict_dir(fake_env, NULL, buf, sizeof buf, NULL) == BEAD_OK &&
              !strcmp(buf, "/usr/share/dictd"), "unset BEAD_DICT_DIR: %s", buf);
    CHECK(bead_dict_dir(fake_env, "/opt/dicts", buf, sizeof buf, NULL) == BEAD_OK &&
              !strcmp(buf, "/opt/dicts"), "BEAD_DICT_DIR: %s", buf);
    bead_error err;
    CHECK(bead_dict_dir(fake_env, "/opt/dicts", buf, 5, &err) == BEAD_ERR_USAGE &&
              strstr(err.message, "BEAD_DICT_DIR") && !buf[0], "too long: %s", err.message);
}

/* ---------------------------------------------------------------- dicts */

static void test_dicts(void)
{
    const char *en_de[] = {"en", "de"}, *en_de_en_de[] = {"en", "de", "en", "de"};
    const char *bg_id[] = {"bg", "id"};
    bead_dicts *d = NULL;
    bead_error err;
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, NULL, en_de, 2, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(bead_dicts_count(d) == 1 && bead_lexicon_size(bead_dicts_lexicon(d, 0)) > 0 &&
              !strcmp(bead_lexicon_src_lang(bead_dicts_lexicon(d, 0)), "en"),
          "en-de from the fixture");
    bead_align_options o;
    bead_align_options_init(&o);
    bead_dicts_apply(d, &o);
    CHECK(o.lexicon == bead_dicts_lexicon(d, 0) && o.lexicons &&
              bead_lexicon_set_find(o.lexicons, "en", "de") == o.lexicon,
          "the first pair is the aligner's lexicon and in the set");
    bead_dicts_free(d);

    /* Four versions, two languages: en-de, en-en, de-en, de-de are the
     * pairs; only en-de is installed (de-en inverts it). */
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, NULL, en_de_en_de, 4, &err) == BEAD_OK,
          "%s", err.message);
    CHECK(bead_dicts_count(d) == 2, "en-de and de-en, each once: %zu", bead_dicts_count(d));
    bead_dicts_free(d);

    /* Nothing installed for the first pair: an empty lexicon all the same. */
    CHECK(bead_dicts_load(&d, "auto", FIXTURE_DICTS, NULL, bg_id, 2, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(bead_dicts_count(d) == 1 && bead_lexicon_size(bead_dicts_lexicon(d, 0)) == 0,
          "bg-id: one empty lexicon");
    bead_dicts_apply(d, &o);
    CHECK(o.lexicon && !bead_lexicon_set_find(o.lexicons, "bg", "id"),
          "the empty one is the aligner's, not the set's");
    bead_dicts_free(d);

    CHECK(bead_dicts_load(&d, "none", FIXTURE_DICTS, NULL, en_de, 2, &err) == BEAD_OK &&
              bead_dicts_count(d) == 0, "none");
    bead_dicts_apply(d, &o);
    CHECK(!o.lexicon && !o.lexicons, "none hands over nothing");
    bead_dicts_free(d);

    CHECK(bead_dicts_load(&d, "lexicon/hunalign-en-de.dic", FIXTURE_DICTS, NULL, en_de, 2,
                          &err) == BEAD_OK, "%s", err.message);
    CHECK(bead_dicts_count(d) == 1 && bead_lexicon_size(bead_dicts_lexicon(d, 0)) > 0 &&
              bead_lexicon_size(bead_dicts_lexicon(d, 0)) < 20, "the hunalign file, not FreeDict");
    bead_dicts_free(d);

    CHECK(bead_dicts_load(&d, "lexicon/no-such.dic", NULL, NULL, en_de, 2, &err) ==
                  BEAD_ERR_IO && !d && strstr(err.message, "no-such.dic"), "a missing FILE: %s", err.message);
    CHECK(bead_dicts_load(&d, "auto", NULL, NULL, bg_id, 1, &err) == BEAD_ERR_USAGE,
          "one language");
    const char *bad[] = {"en", "qq"};
    CHECK(bead_dicts_load(&d, "auto", NULL, NULL, bad, 2, &err) == BEAD_ERR_LANG &&
              strstr(err.message, "'qq'"), "unknown language: %s", err.message);
    CHECK(bead_dicts_count(NULL) == 0 && !bead_dicts_lexicon(NULL, 0) &&
              bead_dicts_warning_count(NULL) == 0, "NULL is no dictionaries");
}

/* ------------------------------------------------------------- aligning */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    if (f && !fseek(f, 0, SEEK_END)) {
        long size = ftell(f);
        rewind(f);
        buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
        if (buf && fread(buf, 1, (size_t)size, f) == (size_t)size)
            *len = (size_t)size;
        else {
            free(buf);
            buf = NULL;
        }
    }
    if (f)
        fclose(f);
    CHECK(buf, "cannot read %s", path);
    return buf;
}

/* What out holds, with the summary's "seconds" cut off, as a new string. */
static char *taken(bead_output *out)
{
    size_t len;
    const char *p = bead_output_memory(out, &len);
    char *s = strdup(p ? p : "");
    char *sec = s ? strstr(s, ",\"seconds\":") : NULL;
    if (sec)
        *sec = '\0';
    bead_output_free(out);
    return s;
}

static char *write_fmt(bead_format fmt, const bead_doc *const *docs, const bead_alignment *al)
{
    bead_output *out = NULL;
    bead_output_open_memory(&out, NULL);
    bead_write_options wo;
    bead_write_options_init(&wo);
    CHECK(bead_write_alignment(out, fmt, docs, al, &wo, NULL) == BEAD_OK, "write");
    return taken(out);
}

static char *result_fmt(const bead_result *r, int summary, bead_format fmt)
{
    bead_output *out = NULL;
    bead_output_open_memory(&out, NULL);
    bead_status s = summary ? bead_result_write_summary(r, out, NULL)
                            : bead_result_write(r, out, fmt, NULL, NULL);
    CHECK(s == BEAD_OK, "result write");
    return taken(out);
}

static void same(const char *what, char *want, char *got)
{
    CHECK(want && got && !strcmp(want, got), "%s differs:\n--- separate calls\n%.300s\n"
          "--- one call\n%.300s", what, want ? want : "(null)", got ? got : "(null)");
    free(want);
    free(got);
}

/* bead_align_texts against what cmd_align does with the same files. */
static void align_like_cli(const char *const *names, const char *const *langs, size_t n,
                           bead_mode mode)
{
    char path[256];
    bead_doc *docs[4] = {NULL};
    char *texts[4] = {NULL};
    size_t lens[4] = {0};
    for (size_t v = 0; v < n; v++) {
        snprintf(path, sizeof path, CORPUS "%s", names[v]);
        docs[v] = corpus_load(path, langs[v], &failures);
        texts[v] = slurp(path, &lens[v]);
    }
    bead_dicts *dicts = NULL;
    CHECK(bead_dicts_load(&dicts, "auto", FIXTURE_DICTS, NULL, langs, n, NULL) == BEAD_OK,
          "dicts");
    bead_align_options ao;
    bead_align_options_init(&ao);
    ao.mode = mode;
    bead_dicts_apply(dicts, &ao);
    bead_aligner *aligner = NULL;
    bead_alignment *al = NULL, *mono = NULL, **pairs = NULL;
    size_t npairs = 0;
    const bead_doc *const *cdocs = (const bead_doc *const *)docs;
    CHECK(bead_aligner_create(&aligner, &ao, NULL) == BEAD_OK, "aligner");
    if (n == 2)
        CHECK(bead_align_decide(aligner, &ao, docs[0], docs[1], &al, &mono, NULL) == BEAD_OK,
              "decide");
    else
        CHECK(bead_align_multi(aligner, &ao, cdocs, n, -1, NULL, &al, &pairs, &npairs, NULL) ==
                  BEAD_OK, "multi");

    bead_easy_options eo;
    bead_easy_options_init(&eo);
    eo.align.mode = mode;
    eo.dicts = dicts;
    bead_result *r = NULL;
    bead_error err;
    CHECK(bead_align_texts((const char *const *)texts, lens, langs, NULL, n, &eo, &r, &err) ==
              BEAD_OK, "bead_align_texts: %s", err.message);
    bead_result *r2 = NULL;
    CHECK(bead_align_docs(cdocs, n, &eo, &r2, &err) == BEAD_OK, "bead_align_docs: %s",
          err.message);
    if (r && r2 && al) {
        CHECK(bead_result_nversions(r) == n && bead_result_docs(r2)[0] == docs[0], "docs");
        same("tsv", write_fmt(BEAD_FORMAT_TSV, cdocs, al), result_fmt(r, 0, BEAD_FORMAT_TSV));
        same("jsonl", write_fmt(BEAD_FORMAT_JSONL, cdocs, al),
             result_fmt(r2, 0, BEAD_FORMAT_JSONL));
        same("beads", write_fmt(BEAD_FORMAT_BEADS, cdocs, mono ? mono : al),
             result_fmt(r, 0, BEAD_FORMAT_BEADS));
        bead_output *out = NULL;
        bead_output_open_memory(&out, NULL);
        CHECK(bead_write_summary(out, cdocs, al, (const bead_alignment *const *)pairs, npairs,
                                 0, NULL) == BEAD_OK, "summary");
        same("summary", taken(out), result_fmt(r, 1, 0));
        size_t np = 0;
        const bead_alignment *const *rp = bead_result_pairs(r, &np);
        CHECK(np == (n == 2 ? 1 : npairs) && rp && rp[0], "pairs: %zu", np);
        CHECK(bead_alignment_verdict(rp[0]) ==
                  bead_alignment_verdict(n == 2 ? al : pairs[0]), "the first pair's verdict");
        CHECK(bead_alignment_size(bead_result_covering(r)) ==
                  bead_alignment_size(mono ? mono : al), "covering");
        CHECK(bead_result_seconds(r) > 0, "seconds");
        bead_output_open_memory(&out, NULL);
        CHECK(bead_result_write(r, out, BEAD_FORMAT_MOSES, NULL, &err) == BEAD_ERR_USAGE &&
                  strstr(err.message, "bead_write_moses_side"), "moses: %s", err.message);
        bead_output_free(out);
    }
    bead_result_free(r);
    bead_result_free(r2);
    bead_alignment_list_free(pairs, npairs);
    bead_alignment_free(al);
    bead_alignment_free(mono);
    bead_aligner_free(aligner);
    bead_dicts_free(dicts);
    for (size_t v = 0; v < n; v++) {
        bead_doc_free(docs[v]);
        free(texts[v]);
    }
}

static void test_align_errors(void)
{
    const char *texts[] = {"One sentence. Two.", "Eins. Zwei \xC3 drei."};
    size_t lens[] = {strlen(texts[0]), strlen(texts[1])};
    const char *langs[] = {"en", "de"}, *bad_langs[] = {"en", "zz"};
    const char *names[] = {"a.txt", "b.txt"};
    bead_result *r = NULL;
    bead_error err;
    CHECK(bead_align_texts(texts, lens, langs, names, 2, NULL, &r, &err) == BEAD_ERR_UTF8 &&
              !r && strstr(err.message, "b.txt") && err.offset == 11,
          "invalid UTF-8 in the second: %s (offset %lld)", err.message, (long long)err.offset);
    CHECK(bead_align_texts(texts, lens, langs, NULL, 2, NULL, &r, &err) == BEAD_ERR_UTF8 &&
              strstr(err.message, "version 2"), "default names: %s", err.message);
    CHECK(bead_align_texts(texts, lens, bad_langs, NULL, 2, NULL, &r, &err) == BEAD_ERR_LANG,
          "unknown language");
    CHECK(bead_align_texts(texts, lens, langs, NULL, 1, NULL, &r, &err) == BEAD_ERR_USAGE,
          "one version");
    CHECK(bead_align_docs(NULL, 2, NULL, &r, &err) == BEAD_ERR_USAGE, "no documents");

    /* An empty version: every sentence of the other stands alone. */
    const char *one_empty[] = {"First. Second.", ""};
    size_t el[] = {strlen(one_empty[0]), 0};
    CHECK(bead_align_texts(one_empty, el, langs, NULL, 2, NULL, &r, &err) == BEAD_OK, "%s",
          err.message);
    CHECK(r && bead_alignment_size(bead_result_covering(r)) == 2, "two 1-0 units");
    bead_result_free(r);
    bead_result_free(NULL);
}

int main(void)
{
    test_segment_buffer();
    test_dict_dir();
    test_dicts();
    test_align_errors();
    const char *bg_de[] = {"bg.aljazeera.txt", "de.aljazeera.txt"};
    const char *en_de[] = {"en.reuters.txt", "de.aljazeera.txt"};
    const char *three[] = {"bg.aljazeera.txt", "de.aljazeera.txt", "en.reuters.txt"};
    const char *l_bg_de[] = {"bg", "de"}, *l_en_de[] = {"en", "de"}, *l3[] = {"bg", "de", "en"};
    align_like_cli(bg_de, l_bg_de, 2, BEAD_MODE_AUTO);
    align_like_cli(en_de, l_en_de, 2, BEAD_MODE_AUTO);
    align_like_cli(en_de, l_en_de, 2, BEAD_MODE_ALIGN);
    align_like_cli(three, l3, 3, BEAD_MODE_AUTO);
    return failures != 0;
}
