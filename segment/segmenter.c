/* The segmenter: paragraphs from lines, ICU boundaries per paragraph (in
 * windows for very long ones), the language's rules on top, and each
 * sentence folded to single spaces and NFC before it is handed out. */
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

#include "bead/segment.h"
#include "core/grow.h"
#include "seg_internal.h"

#define DEFAULT_WINDOW (1u << 20)
/* Boundaries this close to a window's end may depend on text beyond it. */
#define WINDOW_MARGIN 512
/* A paragraph is segmented as its lines come in once it holds more than two
 * windows of text or this many lines (a stream without blank lines is one
 * paragraph that never ends): the windows before its last are segmented
 * and dropped. Below both, nothing changes: the whole paragraph is read
 * first, as the line rules like to see all of it. */
#define PARTIAL_LINES (1u << 16)

typedef struct para_line {
    size_t pos;        /* byte position in the paragraph buffer */
    uint64_t offset;   /* byte offset in the input */
    size_t len;        /* bytes */
    int hard_end;      /* the line end is a sentence boundary */
    size_t first_repair, nrepairs;   /* U+FFFD put in by the input (replace_invalid) */
} para_line;

struct bead_segmenter {
    char lang[16];
    bead_segment_options opt;
    UBreakIterator *bi;
    const UNormalizer2 *nfc;
    seg_rules *rules;

    char *para;                   /* current paragraph, lines joined by '\n' */
    size_t para_len, para_cap;
    size_t para_from;             /* para[0, para_from) is segmented already */
    para_line *lines;
    bead_repair *repairs;         /* of the paragraph's lines, pos in the paragraph */
    size_t nrepairs, repairs_cap;
    size_t nlines, lines_cap;
    size_t *widths;               /* per line: characters, first word's characters */
    size_t widths_cap;

    UChar *u16;                   /* current window in UTF-16 */
    int32_t *map;                 /* UTF-16 index -> paragraph byte position */
    size_t u16_cap, map_cap;
    int32_t nfc_end;              /* u16[0, nfc_end) passes the NFC quick check */
    seg_breaks odd_spaces;        /* whitespace units other than one lone ' ' */
    size_t odd_next;              /* the first of them the next sentence may hold */
    unsigned char ascii_class[128];   /* CLASS_* of each ASCII unit */
    uint64_t nfc_known[1024];     /* bit per BMP character: nfc_plain asked */
    uint64_t nfc_yes[1024];       /* and its answer */
    seg_breaks breaks;
    seg_work work;                /* the rules' buffers */
    UChar *fold, *norm;           /* one sentence, folded, then normalized */
    size_t fold_cap, norm_cap;
    char *out8;
    size_t out8_cap;

    size_t line_hint;             /* the line of the last offset asked for */
    size_t wrap_width;            /* width of the text's hard-wrapped paragraphs */
    uint64_t para_index, section, nsent;
    int para_open;                /* a paragraph has sentences already */
    const char *input_name;
    bead_sentence_fn fn;
    void *ctx;
    int stopped;
};

/* What the loader notes about an ASCII unit. */
enum { CLASS_MARK = 1, CLASS_SPACE = 2, CLASS_ODD_SPACE = 4 };

void bead_segment_options_init(bead_segment_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

/* 1 when there is room for need elements (grow.h's doubling), 0 when out
 * of memory. */
static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    return array_grow(p, cap, need, elem, 256) == 0;
}

bead_status bead_segmenter_create(bead_segmenter **out, const char *lang,
                                  const bead_segment_options *opt, bead_error *err)
{
    *out = NULL;
    if (!lang || !bead_language_known(lang))
        return bead_error_set(err, BEAD_ERR_LANG, -1, 0,
                              "unknown language '%s': give an ISO 639 code such as bg, de, "
                              "en or id", lang ? lang : "");
    bead_segmenter *seg = calloc(1, sizeof *seg);
    if (!seg)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    snprintf(seg->lang, sizeof seg->lang, "%s", lang);
    if (opt)
        seg->opt = *opt;
    if (!seg->opt.window_bytes)
        seg->opt.window_bytes = DEFAULT_WINDOW;
    if (seg->opt.window_bytes < 4 * WINDOW_MARGIN)
        seg->opt.window_bytes = 4 * WINDOW_MARGIN;
    UErrorCode st = U_ZERO_ERROR;
    seg->bi = ubrk_open(UBRK_SENTENCE, lang, NULL, 0, &st);
    if (U_FAILURE(st)) {
        bead_segmenter_free(seg);
        return bead_error_set(err, BEAD_ERR_ICU, -1, 0, "ICU sentence iterator for %s: %s",
                              lang, u_errorName(st));
    }
    st = U_ZERO_ERROR;
    seg->nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st)) {
        bead_segmenter_free(seg);
        return bead_error_set(err, BEAD_ERR_ICU, -1, 0, "ICU NFC: %s", u_errorName(st));
    }
    for (UChar c = 0; c < 128; c++)
        seg->ascii_class[c] = (unsigned char)((seg_is_mark(c) ? CLASS_MARK : 0) |
                                              (c == ' ' ? CLASS_SPACE : 0) |
                                              (c != ' ' && seg_is_space(c) ? CLASS_ODD_SPACE : 0));
    bead_status s = bd_seg_rules_create(&seg->rules, lang, err);
    if (s != BEAD_OK) {
        bead_segmenter_free(seg);
        return s;
    }
    *out = seg;
    return BEAD_OK;
}

void bead_segmenter_free(bead_segmenter *seg)
{
    if (!seg)
        return;
    if (seg->bi)
        ubrk_close(seg->bi);
    bd_seg_rules_free(seg->rules);
    free(seg->para);
    free(seg->lines);
    free(seg->repairs);
    free(seg->widths);
    free(seg->u16);
    free(seg->map);
    free(seg->breaks.pos);
    free(seg->work.add.pos);
    free(seg->work.marks.pos);
    free(seg->odd_spaces.pos);
    free(seg->fold);
    free(seg->norm);
    free(seg->out8);
    free(seg);
}

const char *bead_segmenter_lang(const bead_segmenter *seg) { return seg->lang; }
uint64_t bd_seg_barriers(const bead_segmenter *seg) { return seg->section; }

/* Input offset of a paragraph byte position. */
static uint64_t input_offset(bead_segmenter *seg, size_t pos)
{
    size_t lo = seg->line_hint;
    if (lo < seg->nlines && seg->lines[lo].pos <= pos) {
        /* Sentences come in order: the line is this one or a later one. */
        while (lo + 1 < seg->nlines && seg->lines[lo + 1].pos <= pos)
            lo++;
    } else {
        lo = 0;
        size_t hi = seg->nlines;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (seg->lines[mid].pos <= pos)
                lo = mid;
            else
                hi = mid;
        }
    }
    seg->line_hint = lo;
    const para_line *l = &seg->lines[lo];
    size_t within = pos - l->pos;
    if (within > l->len)
        within = l->len;
    /* A U+FFFD is 3 bytes here but stood for 1 to 3 input bytes. */
    size_t shift = 0;
    for (size_t k = 0; k < l->nrepairs; k++) {
        const bead_repair *r = &seg->repairs[l->first_repair + k];
        size_t at = r->pos - l->pos;
        if (within >= at + 3) {
            shift += 3 - r->raw_len;
        } else {
            if (within > at)
                return l->offset + (at - shift) + (within - at < r->raw_len ? within - at : r->raw_len);
            break;
        }
    }
    return l->offset + within - shift;
}

static bead_status nomem(bead_error *err)
{
    return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
}

/* Gives the callback the sentence u16[a, b), whose text is out8[0, len). */
static bead_status hand_out(bead_segmenter *seg, int32_t a, int32_t b, size_t len)
{
    bead_sentence s = {
        .text = seg->out8,
        .len = len,
        .start = input_offset(seg, (size_t)seg->map[a]),
        .end = input_offset(seg, (size_t)seg->map[b]),
        .para = seg->para_index,
        .section = seg->section,
    };
    if (a == b)
        s.end = s.start;
    seg->nsent++;
    seg->para_open = 1;
    if (seg->fn(seg->ctx, &s)) {
        seg->stopped = 1;
        return BEAD_DONE;
    }
    return BEAD_OK;
}

/* The common case of emit, without converting anything: when the trimmed
 * sentence u16[a, b) passes the NFC quick check, its text is its own bytes
 * in the paragraph (valid UTF-8, validated on input) with each run of
 * whitespace written as one space. Only the runs that hold an odd space
 * (anything but one lone ' ') change: the bytes between them are copied
 * as they are. Returns 1 with the text in out8; 0 when the sentence needs
 * normalising (or memory ran out), and emit takes the general path. */
static int copy_folded(bead_segmenter *seg, int32_t a, int32_t b, size_t *len)
{
    const UChar *u = seg->u16;
    const int32_t *map = seg->map;
    /* Part of a prefix that passes the quick check passes it too; past the
     * window's first doubtful character, ICU checks the sentence itself. */
    if (b > seg->nfc_end) {
        UErrorCode st = U_ZERO_ERROR;
        if (unorm2_spanQuickCheckYes(seg->nfc, u + a, b - a, &st) < b - a || U_FAILURE(st))
            return 0;
    }
    size_t bytes = (size_t)(map[b] - map[a]);
    if (!grow((void **)&seg->out8, &seg->out8_cap, bytes + 1, 1))
        return 0;
    const seg_breaks *odd = &seg->odd_spaces;
    size_t m = seg->odd_next;
    if (m > odd->n || (m > 0 && odd->pos[m - 1] >= a))
        m = 0;   /* not after the last sentence: look from the start */
    while (m < odd->n && odd->pos[m] < a)
        m++;
    char *o = seg->out8;
    size_t k = 0;
    int32_t from = a;   /* u[from] starts a word */
    while (m < odd->n && odd->pos[m] < b) {
        int32_t run = odd->pos[m];
        while (run > from && seg_is_space(u[run - 1]))
            run--;
        size_t n = (size_t)(map[run] - map[from]);
        memcpy(o + k, seg->para + map[from], n);
        k += n;
        o[k++] = ' ';
        from = odd->pos[m] + 1;
        while (from < b && seg_is_space(u[from]))
            from++;
        while (m < odd->n && odd->pos[m] < from)
            m++;
    }
    size_t n = (size_t)(map[b] - map[from]);
    memcpy(o + k, seg->para + map[from], n);
    k += n;
    seg->odd_next = m;
    *len = k;
    return 1;
}

/* Hands one sentence, u16[a, b) of the current window, to the callback:
 * trimmed, whitespace folded, NFC. keep_empty is for presegmented lines. */
static bead_status emit(bead_segmenter *seg, int32_t a, int32_t b, int keep_empty,
                        bead_error *err)
{
    const UChar *u = seg->u16;
    while (a < b && seg_is_space(u[a]))
        a++;
    while (b > a && seg_is_space(u[b - 1]))
        b--;
    if (a == b && !keep_empty)
        return BEAD_OK;
    if (seg->opt.max_sentences && seg->nsent >= seg->opt.max_sentences)
        return bead_error_set(err, BEAD_ERR_LIMIT, (int64_t)input_offset(seg, (size_t)seg->map[a]),
            0, "%s: more than --max-sentences %llu sentences; raise the limit or split the file",
            seg->input_name, (unsigned long long)seg->opt.max_sentences);
    size_t olen;
    if (copy_folded(seg, a, b, &olen))
        return hand_out(seg, a, b, olen);
    size_t n = (size_t)(b - a);
    if (!grow((void **)&seg->fold, &seg->fold_cap, n + 1, sizeof(UChar)))
        return nomem(err);
    int32_t k = 0;
    int in_space = 0;
    for (int32_t i = a; i < b; i++) {
        if (seg_is_space(u[i])) {
            if (!in_space)
                seg->fold[k++] = ' ';
            in_space = 1;
        } else {
            seg->fold[k++] = u[i];
            in_space = 0;
        }
    }
    const UChar *text = seg->fold;
    int32_t tlen = k;
    UErrorCode st = U_ZERO_ERROR;
    if (unorm2_spanQuickCheckYes(seg->nfc, seg->fold, k, &st) < k) {
        int32_t need;
        for (;;) {
            st = U_ZERO_ERROR;
            need = unorm2_normalize(seg->nfc, seg->fold, k, seg->norm,
                                    (int32_t)seg->norm_cap, &st);
            if (st != U_BUFFER_OVERFLOW_ERROR)
                break;
            if (!grow((void **)&seg->norm, &seg->norm_cap, (size_t)need + 1, sizeof(UChar)))
                return nomem(err);
        }
        if (U_FAILURE(st))
            return bead_error_set(err, BEAD_ERR_ICU, -1, 0, "NFC: %s", u_errorName(st));
        text = seg->norm;
        tlen = need;
    }
    if (!grow((void **)&seg->out8, &seg->out8_cap, (size_t)tlen * 3 + 1, 1))
        return nomem(err);
    int32_t u8len = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(seg->out8, (int32_t)seg->out8_cap, &u8len, text, tlen, &st);
    if (U_FAILURE(st))
        return bead_error_set(err, BEAD_ERR_ICU, -1, 0, "UTF-8: %s", u_errorName(st));
    return hand_out(seg, a, b, (size_t)u8len);
}

/* Is the BMP character c NFC quick-check "yes" with combining class 0, so
 * that text of such characters is NFC whatever their order? ICU answers
 * once per character; the answer is kept. */
static int nfc_plain(bead_segmenter *seg, UChar32 c)
{
    size_t w = (size_t)c >> 6;
    uint64_t bit = 1ull << (c & 63);
    if (!(seg->nfc_known[w] & bit)) {
        seg->nfc_known[w] |= bit;
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
            u_getCombiningClass(c) == 0)
            seg->nfc_yes[w] |= bit;
    }
    return (seg->nfc_yes[w] & bit) != 0;
}

/* Converts paragraph bytes [from, to) to UTF-16, recording where each unit
 * came from, how much of it is NFC already, and where the rules' marks and
 * the odd spaces stand. Line ends become spaces: which of them are
 * boundaries is decided by the line rules, not by ICU. */
static bead_status load_window(bead_segmenter *seg, size_t from, size_t to, int32_t *n,
                               bead_error *err)
{
    size_t need = to - from + 2;
    if (!grow((void **)&seg->u16, &seg->u16_cap, need, sizeof(UChar)) ||
        !grow((void **)&seg->map, &seg->map_cap, need, sizeof(int32_t)))
        return nomem(err);
    const uint8_t *s = (const uint8_t *)seg->para;
    UChar *u = seg->u16;
    int32_t *map = seg->map;
    seg_breaks *marks = &seg->work.marks, *odd = &seg->odd_spaces;
    marks->n = odd->n = 0;
    seg->odd_next = 0;
    int ok = 1;
    int32_t k = 0;
    int32_t high = -1;   /* the first unit from U+0300 up */
    const unsigned char *ascii_class = seg->ascii_class;
    size_t i = from;
    while (i < to) {
        /* Letters, digits and most punctuation: copy and map, nothing else. */
        while (i < to && s[i] < 0x80 && !ascii_class[s[i]]) {
            map[k] = (int32_t)i;
            u[k++] = s[i++];
        }
        if (i == to)
            break;
        uint8_t c = s[i];
        if (c < 0x80) {
            map[k] = (int32_t)i;
            u[k] = c;
            unsigned cls = ascii_class[c];
            if (c == '\n')
                u[k] = ' ';
            if (cls & CLASS_MARK)
                ok &= bd_seg_breaks_push(marks, k);
            if ((cls & CLASS_ODD_SPACE) ||
                ((cls & CLASS_SPACE) && k > 0 && seg_is_space(u[k - 1])))
                ok &= bd_seg_breaks_push(odd, k);
            k++;
            i++;
            continue;
        }
        /* A run of other characters (a word in Cyrillic, say). The
         * paragraph is valid UTF-8 (the input was validated, or repaired
         * under --replace-invalid), and windows end between characters. */
        do {
            size_t j = i;
            UChar32 cp;
            U8_NEXT_UNSAFE(s, j, cp);
            if (high < 0 && cp >= 0x300 && !(U_IS_BMP(cp) && nfc_plain(seg, cp)))
                high = k;
            map[k] = (int32_t)i;
            if (U_IS_BMP(cp)) {
                u[k] = (UChar)cp;
                if (seg_is_mark(u[k]))
                    ok &= bd_seg_breaks_push(marks, k);
                if (seg_is_space(cp))
                    ok &= bd_seg_breaks_push(odd, k);
                k++;
            } else {
                /* Surrogates are marks, though no rule acts on them. */
                u[k] = U16_LEAD(cp);
                ok &= bd_seg_breaks_push(marks, k);
                k++;
                map[k] = (int32_t)i;
                u[k] = U16_TRAIL(cp);
                ok &= bd_seg_breaks_push(marks, k);
                k++;
            }
            i = j;
        } while (i < to && s[i] >= 0x80);
    }
    if (!ok)
        return nomem(err);
    map[k] = (int32_t)to;
    *n = k;
    /* Below U+0300 every character is NFC quick-check "yes" with combining
     * class 0, as are most above it: ICU checks from the first that is not. */
    seg->nfc_end = k;
    if (high >= 0) {
        UErrorCode st = U_ZERO_ERROR;
        int32_t yes = unorm2_spanQuickCheckYes(seg->nfc, u + high, k - high, &st);
        seg->nfc_end = U_FAILURE(st) ? 0 : high + yes;
    }
    return BEAD_OK;
}

/* Characters of the line without trailing space, and of its first word. */
static void line_widths(const bead_segmenter *seg, const para_line *l, size_t *chars,
                        size_t *first_word)
{
    const uint8_t *t = (const uint8_t *)seg->para + l->pos;
    size_t len = l->len;
    while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t'))
        len--;
    size_t c = 0, fw = 0;
    int in_first = 1;
    for (size_t k = 0; k < len; k++) {
        if ((t[k] & 0xC0) == 0x80)
            continue;
        c++;
        if (t[k] == ' ' || t[k] == '\t')
            in_first = 0;
        else if (in_first)
            fw++;
    }
    *chars = c;
    *first_word = fw;
}

/* Decides which line ends of the paragraph are sentence boundaries. Text
 * hard-wrapped at a fixed width is joined back: a line counts as wrapped when
 * the next line's first word would not have fitted on it, and a paragraph as
 * wrapped when most of its lines are. Any other line that stands alone (a
 * headline, a byline, a date line) ends a sentence, unless the next line
 * plainly goes on with the same sentence (it starts in lower case and this
 * one ends without punctuation, or this one ends with a comma or a hyphen). */
static void mark_line_ends(bead_segmenter *seg)
{
    if (seg->nlines < 2)
        return;
    size_t *chars = NULL;
    if (grow((void **)&seg->widths, &seg->widths_cap, 2 * seg->nlines, sizeof *chars))
        chars = seg->widths;
    size_t width = 0, full = 0;
    if (chars) {
        for (size_t i = 0; i < seg->nlines; i++) {
            line_widths(seg, &seg->lines[i], &chars[2 * i], &chars[2 * i + 1]);
            if (chars[2 * i] > width)
                width = chars[2 * i];
        }
        for (size_t i = 0; i + 1 < seg->nlines; i++)
            full += chars[2 * i] + 1 + chars[2 * (i + 1) + 1] > width ||
                    chars[2 * i] * 20 >= width * 17;
    }
    size_t inner = seg->nlines - 1;
    int wrapped = chars && seg->nlines >= 3 && width >= 30 && width <= 160 && full * 3 >= inner * 2;
    if (wrapped) {
        seg->wrap_width = width;
    } else if (chars && seg->wrap_width && width <= seg->wrap_width) {
        /* A short paragraph of a text already seen to be wrapped at that
         * width: judge its lines by the same width. */
        wrapped = 1;
        width = seg->wrap_width;
    }
    for (size_t i = 0; i + 1 < seg->nlines; i++) {
        const para_line *l = &seg->lines[i];
        const para_line *next = &seg->lines[i + 1];
        int soft = wrapped && (chars[2 * i] + 1 + chars[2 * (i + 1) + 1] > width ||
                               chars[2 * i] * 20 >= width * 17);
        size_t len = l->len;
        while (len > 0 && (seg->para[l->pos + len - 1] == ' ' || seg->para[l->pos + len - 1] == '\t'))
            len--;
        if (!soft && len > 0 && next->len > 0) {
            const uint8_t *t = (const uint8_t *)seg->para + next->pos;
            int32_t j = 0;
            UChar32 first;
            while (j < (int32_t)next->len && (t[j] == ' ' || t[j] == '\t'))
                j++;
            U8_NEXT(t, j, (int32_t)next->len, first);
            char last = seg->para[l->pos + len - 1];
            if (last == ',' || (last == '-' && len > 1 && seg->para[l->pos + len - 2] != ' '))
                soft = 1;
            else if (first >= 0 && u_islower(first) && !strchr(".!?:;", last))
                soft = 1;
        }
        seg->lines[i].hard_end = !soft;
    }
}

/* Drops the lines that end before para_from (segmented already), moving
 * the rest of the paragraph to the front of the buffer. */
static void drop_done_lines(bead_segmenter *seg)
{
    size_t first = 0;
    while (first < seg->nlines && seg->lines[first].pos + seg->lines[first].len < seg->para_from)
        first++;
    if (first == 0)
        return;
    size_t shift = first < seg->nlines ? seg->lines[first].pos : seg->para_len;
    size_t first_repair = first < seg->nlines ? seg->lines[first].first_repair : seg->nrepairs;
    memmove(seg->para, seg->para + shift, seg->para_len - shift + 1);
    seg->para_len -= shift;
    seg->para_from -= shift;
    memmove(seg->lines, seg->lines + first, (seg->nlines - first) * sizeof *seg->lines);
    seg->nlines -= first;
    if (seg->nrepairs > first_repair)   /* repairs is NULL until one is made */
        memmove(seg->repairs, seg->repairs + first_repair,
                (seg->nrepairs - first_repair) * sizeof *seg->repairs);
    seg->nrepairs -= first_repair;
    for (size_t i = 0; i < seg->nlines; i++) {
        seg->lines[i].pos -= shift;
        seg->lines[i].first_repair -= first_repair;
    }
    for (size_t k = 0; k < seg->nrepairs; k++)
        seg->repairs[k].pos -= shift;
    seg->line_hint = 0;
}

/* Segments the paragraph buffer, window by window, from para_from. With
 * partial set, only the windows of a paragraph still growing: it stops
 * while more than a window of text and fewer than PARTIAL_LINES / 2 lines
 * are left, and keeps those for later. */
static bead_status segment_windows(bead_segmenter *seg, int partial, bead_error *err)
{
    if (seg->nlines == 0)
        return BEAD_OK;
    mark_line_ends(seg);
    size_t from = seg->para_from;
    size_t li = 0;
    while (li < seg->nlines && seg->lines[li].pos + seg->lines[li].len < from)
        li++;
    while (from < seg->para_len) {
        if (partial && seg->para_len - from <= seg->opt.window_bytes &&
            seg->nlines - li <= PARTIAL_LINES / 2)
            break;
        size_t to = seg->para_len;
        int final = !partial;
        if (to - from > seg->opt.window_bytes) {
            to = from + seg->opt.window_bytes;
            while (to > from && ((uint8_t)seg->para[to] & 0xC0) == 0x80)
                to--;
            final = 0;
        }
        int32_t n;
        bead_status s = load_window(seg, from, to, &n, err);
        if (s != BEAD_OK)
            return s;
        UErrorCode st = U_ZERO_ERROR;
        ubrk_setText(seg->bi, seg->u16, n, &st);
        if (U_FAILURE(st))
            return bead_error_set(err, BEAD_ERR_ICU, -1, 0, "ICU: %s", u_errorName(st));
        seg->breaks.n = 0;
        for (int32_t b = ubrk_next(seg->bi); b != UBRK_DONE && b < n; b = ubrk_next(seg->bi))
            if (b > 0 && !bd_seg_breaks_push(&seg->breaks, b))
                return nomem(err);
        if (!bd_seg_rules_apply(seg->rules, seg->u16, n, &seg->breaks, &seg->work))
            return nomem(err);
        /* Hard line ends inside this window. */
        int32_t k = 0;
        while (li < seg->nlines && seg->lines[li].pos + seg->lines[li].len < to) {
            size_t endpos = seg->lines[li].pos + seg->lines[li].len;
            if (seg->lines[li].hard_end && endpos >= from) {
                while (k < n && (size_t)seg->map[k] < endpos)
                    k++;
                if (k > 0 && k < n && !bd_seg_breaks_push(&seg->breaks, k))
                    return nomem(err);
            }
            li++;
        }
        bd_seg_breaks_sort_unique(&seg->breaks);
        int32_t stop = n;
        if (!final) {
            int32_t limit = n - WINDOW_MARGIN;
            stop = 0;
            for (size_t i = 0; i < seg->breaks.n && seg->breaks.pos[i] <= limit; i++)
                stop = seg->breaks.pos[i];
            if (stop == 0) {
                /* One sentence longer than a window: cut at a space. */
                stop = limit;
                while (stop > limit / 2 && !seg_is_space(seg->u16[stop]))
                    stop--;
                if (stop <= limit / 2)
                    stop = limit;
                if (U16_IS_TRAIL(seg->u16[stop]))
                    stop--;
            }
        }
        int32_t a = 0;
        for (size_t i = 0; i < seg->breaks.n && seg->breaks.pos[i] < stop; i++) {
            s = emit(seg, a, seg->breaks.pos[i], 0, err);
            if (s != BEAD_OK)
                return s;
            a = seg->breaks.pos[i];
        }
        s = emit(seg, a, stop, 0, err);
        if (s != BEAD_OK)
            return s;
        from = (size_t)seg->map[stop];
        /* Restart the line scan for the next window. */
        li = 0;
        while (li < seg->nlines && seg->lines[li].pos + seg->lines[li].len < from)
            li++;
    }
    seg->para_from = from;
    return BEAD_OK;
}

/* Segments what is left of the paragraph and starts the next. */
static bead_status flush_paragraph(bead_segmenter *seg, bead_error *err)
{
    bead_status s = segment_windows(seg, 0, err);
    if (s != BEAD_OK)
        return s;
    seg->para_len = 0;
    seg->para_from = 0;
    seg->nlines = 0;
    if (seg->para_open)
        seg->para_index++;
    seg->para_open = 0;
    return BEAD_OK;
}

/* A paragraph that keeps growing: segments and drops all but its tail. */
static bead_status flush_partial(bead_segmenter *seg, bead_error *err)
{
    /* Every line left ends at or after para_from (drop_done_lines). */
    if (seg->para_len - seg->para_from <= 2 * seg->opt.window_bytes &&
        seg->nlines <= PARTIAL_LINES)
        return BEAD_OK;
    bead_status s = segment_windows(seg, 1, err);
    if (s == BEAD_OK)
        drop_done_lines(seg);
    return s;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\f\v", s[i]))
            return 0;
    return 1;
}

static int is_barrier(const char *s, size_t n)
{
    while (n && strchr(" \t", s[n - 1]))
        n--;
    while (n && strchr(" \t", *s)) {
        s++;
        n--;
    }
    return (n == 4 && memcmp(s, ".EOA", 4) == 0) || (n == 1 && s[0] == '\f');
}

static bead_status add_line(bead_segmenter *seg, const char *line, size_t len,
                            uint64_t offset, const bead_repair *repairs, size_t nrepairs,
                            bead_error *err)
{
    size_t need = seg->para_len + len + 1;
    if (!grow((void **)&seg->para, &seg->para_cap, need + 1, 1) ||
        !grow((void **)&seg->lines, &seg->lines_cap, seg->nlines + 1, sizeof(para_line)))
        return nomem(err);
    if (seg->nlines > 0)
        seg->para[seg->para_len++] = '\n';
    para_line *l = &seg->lines[seg->nlines++];
    l->pos = seg->para_len;
    l->offset = offset;
    l->len = len;
    l->hard_end = 1;
    if (seg->nlines == 1)
        seg->nrepairs = 0;
    l->first_repair = seg->nrepairs;
    l->nrepairs = nrepairs;
    if (nrepairs) {
        if (!grow((void **)&seg->repairs, &seg->repairs_cap, seg->nrepairs + nrepairs,
                  sizeof(bead_repair)))
            return nomem(err);
        for (size_t k = 0; k < nrepairs; k++)
            seg->repairs[seg->nrepairs++] =
                (bead_repair){repairs[k].pos + l->pos, repairs[k].raw_len};
    }
    memcpy(seg->para + seg->para_len, line, len);
    seg->para_len += len;
    seg->para[seg->para_len] = '\0';
    return BEAD_OK;
}

/* Presegmented input: the line is the sentence. */
static bead_status emit_line(bead_segmenter *seg, const char *line, size_t len,
                             uint64_t offset, const bead_repair *repairs, size_t nrepairs,
                             bead_error *err)
{
    seg->para_len = 0;
    seg->nlines = 0;
    bead_status s = add_line(seg, line, len, offset, repairs, nrepairs, err);
    if (s != BEAD_OK)
        return s;
    int32_t n;
    s = load_window(seg, 0, len, &n, err);
    if (s != BEAD_OK)
        return s;
    s = emit(seg, 0, n, 1, err);
    if (len == 0 || is_blank(line, len))
        seg->para_index++;
    seg->nlines = 0;
    seg->para_len = 0;
    return s;
}

bead_status bead_segment_input(bead_segmenter *seg, bead_input *in, bead_sentence_fn fn,
                               void *ctx, bead_error *err)
{
    seg->fn = fn;
    seg->ctx = ctx;
    seg->para_index = seg->section = seg->nsent = 0;
    seg->wrap_width = 0;
    seg->para_len = seg->nlines = seg->para_from = 0;
    seg->para_open = seg->stopped = 0;
    seg->input_name = bead_input_name(in);
    int preseg = (seg->opt.flags & BEAD_SEGMENT_PRESEGMENTED) != 0;
    bead_status s;
    for (;;) {
        const char *line;
        size_t len;
        uint64_t offset;
        s = bead_input_next_line(in, &line, &len, &offset, err);
        if (s == BEAD_DONE)
            break;
        if (s != BEAD_OK)
            return s;
        if (is_barrier(line, len)) {
            if (!preseg && (s = flush_paragraph(seg, err)) != BEAD_OK)
                return s;
            seg->section++;
            continue;
        }
        const bead_repair *repairs;
        size_t nrepairs = bead_input_line_repairs(in, &repairs);
        if (preseg) {
            s = emit_line(seg, line, len, offset, repairs, nrepairs, err);
        } else if (is_blank(line, len)) {
            s = flush_paragraph(seg, err);
        } else {
            s = add_line(seg, line, len, offset, repairs, nrepairs, err);
            if (s == BEAD_OK)
                s = flush_partial(seg, err);
        }
        if (s != BEAD_OK)
            return s;
    }
    if (!preseg)
        s = flush_paragraph(seg, err);
    else
        s = BEAD_OK;
    return s;
}

bead_status bead_segment_text(bead_segmenter *seg, const char *text, size_t len,
                              bead_sentence_fn fn, void *ctx, bead_error *err)
{
    bead_input *in;
    bead_status s = bead_input_open_memory(&in, text, len, "<text>", NULL, err);
    if (s != BEAD_OK)
        return s;
    s = bead_segment_input(seg, in, fn, ctx, err);
    bead_input_free(in);
    return s;
}
