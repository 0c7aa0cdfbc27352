/* Per-language exception data: loading segment/data/common.txt and
 * segment/data/<lang>.txt (their header comments give the format) into
 * case-folded word lists, and looking words up in them. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "seg_data.h"
#include "seg_internal.h"

#define MAX_WORD 64   /* UTF-16 units; longer tokens are never listed */

static const char *const section_names[SEG_NLISTS] = {
    [SEG_TITLE] = "title", [SEG_ABBREV] = "abbrev", [SEG_STARTER] = "starter",
    [SEG_MONTH] = "month", [SEG_WORD] = "plain",
};

const seg_data_file *seg_data_find(const char *name)
{
    for (const seg_data_file *f = seg_data_files; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Case-folds UTF-16 text into a NUL-terminated UTF-8 key. */
static int fold_key(const UChar *s, int32_t len, char *out, size_t outsize)
{
    UChar folded[MAX_WORD * 2];
    UErrorCode st = U_ZERO_ERROR;
    if (len > MAX_WORD)
        return 0;
    int32_t fl = u_strFoldCase(folded, MAX_WORD * 2, s, len, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st) || fl > MAX_WORD * 2)
        return 0;
    int32_t n = 0;
    u_strToUTF8(out, (int32_t)outsize - 1, &n, folded, fl, &st);
    if (U_FAILURE(st))
        return 0;
    out[n] = '\0';
    return 1;
}

static int add_word(seg_wordset *set, const char *s, size_t len)
{
    UChar u[MAX_WORD];
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, MAX_WORD, &ulen, s, (int32_t)len, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        return 1;   /* too long or malformed: such a word never matches */
    char key[MAX_WORD * 8];
    if (!fold_key(u, ulen, key, sizeof key))
        return 1;
    char **nw = realloc(set->w, (set->n + 1) * sizeof *nw);
    if (!nw)
        return 0;
    set->w = nw;
    if (!(nw[set->n] = strdup(key)))
        return 0;
    set->n++;
    return 1;
}

static int set_option(seg_rules *r, const char *a, size_t len)
{
    if (len == 13 && memcmp(a, "colon-capital", len) == 0)
        r->colon_capital = 1;
    else if (len == 11 && memcmp(a, "ordinal-dot", len) == 0)
        r->ordinal_dot = 1;
    else if (len == 14 && memcmp(a, "no-lower-start", len) == 0)
        r->lower_start = 0;
    else
        return 0;
    return 1;
}

static bead_status load_file(seg_rules *r, const seg_data_file *f, bead_error *err)
{
    const char *p = f->data, *end = f->data + f->len;
    int section = -2;   /* -2: none yet, -1: [options] */
    unsigned line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *a = p, *b = le;
        line++;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        const char *hash = a < b ? memchr(a, '#', (size_t)(b - a)) : NULL;
        if (hash && (hash == a || hash[-1] == ' ' || hash[-1] == '\t'))
            b = hash;   /* a comment; "#" inside a word is kept */
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (a < b) {
            if (*a == '[' && b[-1] == ']') {
                section = -3;
                if ((size_t)(b - a) == 9 && memcmp(a, "[options]", 9) == 0)
                    section = -1;
                for (int i = 0; i < SEG_NLISTS; i++)
                    if ((size_t)(b - a - 2) == strlen(section_names[i]) &&
                        memcmp(a + 1, section_names[i], (size_t)(b - a - 2)) == 0)
                        section = i;
                if (section == -3)
                    return bead_error_set(err, BEAD_ERR_FORMAT, -1, line,
                                          "segment/data/%s: unknown section %.*s", f->name,
                                          (int)(b - a), a);
            } else if (section == -1) {
                if (!set_option(r, a, (size_t)(b - a)))
                    return bead_error_set(err, BEAD_ERR_FORMAT, -1, line,
                                          "segment/data/%s: unknown option %.*s", f->name,
                                          (int)(b - a), a);
            } else if (section >= 0) {
                if (!add_word(&r->list[section], a, (size_t)(b - a)))
                    return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            }
        }
        p = nl ? nl + 1 : end;
    }
    return BEAD_OK;
}

bead_status seg_rules_create(seg_rules **out, const char *lang, bead_error *err)
{
    *out = NULL;
    seg_rules *r = calloc(1, sizeof *r);
    if (!r)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    r->lower_start = 1;
    char name[32];
    const char *files[] = {"common.txt", name};
    snprintf(name, sizeof name, "%s.txt", lang);
    for (size_t i = 0; i < 2; i++) {
        const seg_data_file *f = seg_data_find(files[i]);
        if (!f)
            continue;
        bead_status s = load_file(r, f, err);
        if (s != BEAD_OK) {
            seg_rules_free(r);
            return s;
        }
    }
    for (int i = 0; i < SEG_NLISTS; i++)
        qsort(r->list[i].w, r->list[i].n, sizeof *r->list[i].w, cmp_str);
    *out = r;
    return BEAD_OK;
}

void seg_rules_free(seg_rules *r)
{
    if (!r)
        return;
    for (int i = 0; i < SEG_NLISTS; i++) {
        for (size_t k = 0; k < r->list[i].n; k++)
            free(r->list[i].w[k]);
        free(r->list[i].w);
    }
    free(r);
}

int seg_rules_has(const seg_rules *r, seg_list list, const UChar *text, int32_t len)
{
    const seg_wordset *set = &r->list[list];
    char key[MAX_WORD * 8];
    if (set->n == 0 || len <= 0 || !fold_key(text, len, key, sizeof key))
        return 0;
    const char *k = key;
    return bsearch(&k, set->w, set->n, sizeof *set->w, cmp_str) != NULL;
}
