/* segment.h: sentence segmentation (ICU break iterator + per-language rules).
 * Ownership rules: see bead.h. */
#ifndef BEAD_SEGMENT_H
#define BEAD_SEGMENT_H

#include <bead/bead.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What this header declares is libbead's exported API. */
#pragma GCC visibility push(default)

/* One sentence, as handed to a bead_sentence_fn. All pointers are borrowed
 * for the duration of the callback. */
typedef struct bead_sentence {
    const char *text;   /* NFC, internal whitespace folded to single spaces */
    size_t len;
    uint64_t start;     /* byte offsets in the decompressed input, half-open */
    uint64_t end;
    uint64_t para;      /* paragraph index (blank-line blocks), from 0 */
    uint64_t section;   /* section index (.EOA / form-feed barriers), from 0 */
} bead_sentence;

/* Return 0 to go on, non-zero to stop (bead_segment_* then return BEAD_DONE). */
typedef int (*bead_sentence_fn)(void *ctx, const bead_sentence *s);

typedef struct bead_segmenter bead_segmenter;

enum {
    /* One sentence per line; empty lines are sentences; .EOA and form-feed
     * lines are section barriers. */
    BEAD_SEGMENT_PRESEGMENTED = 1 << 0
};

typedef struct bead_segment_options {
    unsigned flags;            /* BEAD_SEGMENT_* */
    uint64_t max_sentences;    /* 0: no limit; over it is BEAD_ERR_LIMIT */
    size_t window_bytes;       /* longest stretch handed to ICU at once; 0: 1 MiB */
} bead_segment_options;

void bead_segment_options_init(bead_segment_options *opt);

/* lang: an ISO 639 code ICU knows. Unknown codes give BEAD_ERR_LANG. */
bead_status bead_segmenter_create(bead_segmenter **out, const char *lang,
                                  const bead_segment_options *opt, bead_error *err);
void bead_segmenter_free(bead_segmenter *seg);
const char *bead_segmenter_lang(const bead_segmenter *seg);

/* Segments everything the input yields, paragraph by paragraph, calling fn
 * for each sentence in order. Memory is bounded by the longest paragraph. */
bead_status bead_segment_input(bead_segmenter *seg, bead_input *in,
                               bead_sentence_fn fn, void *ctx, bead_error *err);

/* Same, on a UTF-8 buffer (validated like a file). */
bead_status bead_segment_text(bead_segmenter *seg, const char *text, size_t len,
                              bead_sentence_fn fn, void *ctx, bead_error *err);

/* One call for the common case: segments text[0..len) (UTF-8, validated
 * like a file) for lang into a new array of *n sentences, in order, with
 * their byte offsets in text, their paragraph and section. opt may be NULL
 * (the defaults). Each sentence's text is NUL-terminated and lives in the
 * same block as the array: bead_sentences_free releases both. For many
 * texts in one language, a bead_segmenter kept across bead_segment_text
 * calls saves opening ICU's break iterator each time. *out is NULL and *n
 * 0 on an error, and also for a text without sentences. */
bead_status bead_segment_buffer(const char *text, size_t len, const char *lang,
                                const bead_segment_options *opt, bead_sentence **out,
                                size_t *n, bead_error *err);
void bead_sentences_free(bead_sentence *sentences);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
