/* demo.c: a program on the installed libbead, as a user would write it:
 * segments a short English text, aligns it with its German version and
 * prints the sentences and the beads. tests/scripts/link_installed.sh
 * compiles it with pkg-config against a cmake --install tree, shared and
 * static, and compares its output with demo.expected. */
#include <stdio.h>
#include <string.h>

#include <bead/align.h>

static int add_sentence(void *ctx, const bead_sentence *s)
{
    bead_doc *doc = ctx;
    printf("%s: %.*s\n", bead_doc_lang(doc), (int)s->len, s->text);
    return bead_doc_add(doc, s->text, s->len, s->para, s->section, NULL) != BEAD_OK;
}

/* The sentences of text, segmented for lang, as a new document. */
static bead_doc *segment(const char *lang, const char *text)
{
    bead_segmenter *seg = NULL;
    bead_doc *doc = NULL;
    bead_error err = {0};
    if (bead_segmenter_create(&seg, lang, NULL, &err) != BEAD_OK ||
        bead_doc_create(&doc, lang, lang, &err) != BEAD_OK ||
        bead_segment_text(seg, text, strlen(text), add_sentence, doc, &err) != BEAD_OK) {
        fprintf(stderr, "demo: %s: %s\n", lang, err.message);
        bead_doc_free(doc);
        doc = NULL;
    }
    bead_segmenter_free(seg);
    return doc;
}

int main(void)
{
    bead_doc *en = segment("en", "The meeting starts at 9 a.m. in Berlin. Mr. Smith will "
                                 "speak first. Questions follow at 11.");
    bead_doc *de = segment("de", "Das Treffen beginnt um 9 Uhr in Berlin. Herr Smith spricht "
                                 "zuerst. Fragen folgen um 11 Uhr.");
    if (!en || !de)
        return 1;
    bead_align_options opt;
    bead_align_options_init(&opt);
    opt.mode = BEAD_MODE_ALIGN;
    bead_aligner *aligner = NULL;
    bead_alignment *al = NULL;
    bead_error err = {0};
    if (bead_aligner_create(&aligner, &opt, &err) != BEAD_OK ||
        bead_align_pair(aligner, en, de, &al, &err) != BEAD_OK) {
        fprintf(stderr, "demo: align: %s\n", err.message);
        return 1;
    }
    for (size_t i = 0; i < bead_alignment_size(al); i++) {
        size_t b0, n0, b1, n1;
        bead_alignment_range(al, i, 0, &b0, &n0);
        bead_alignment_range(al, i, 1, &b1, &n1);
        printf("bead %zu: en %zu+%zu, de %zu+%zu\n", i, b0, n0, b1, n1);
    }
    printf("libbead %s\n", bead_version() ? "linked" : "missing");
    bead_alignment_free(al);
    bead_aligner_free(aligner);
    bead_doc_free(en);
    bead_doc_free(de);
    return 0;
}
