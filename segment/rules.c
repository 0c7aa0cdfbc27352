/* Per-language exception rules on top of ICU's boundaries.
 *
 * segment/data/<lang>.txt holds the data, in sections:
 *   [abbrev]   tokens after which a sentence never ends ("Mr.", "z.", "т.е.")
 * Lines starting with '#' are comments. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "seg_data.h"
#include "seg_internal.h"

#define MAX_TOKEN 32

struct seg_rules {
    char **abbrev;      /* sorted, UTF-8 */
    size_t nabbrev;
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

static int add_word(char ***list, size_t *n, const char *s, size_t len)
{
    char **nl = realloc(*list, (*n + 1) * sizeof *nl);
    if (!nl)
        return 0;
    *list = nl;
    nl[*n] = strndup(s, len);
    if (!nl[*n])
        return 0;
    (*n)++;
    return 1;
}

static bead_status load_file(seg_rules *r, const seg_data_file *f, bead_error *err)
{
    const char *p = f->data, *end = f->data + f->len;
    char section[32] = "";
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *a = p, *b = le;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (a < b && *a != '#') {
            if (*a == '[' && b[-1] == ']') {
                snprintf(section, sizeof section, "%.*s", (int)(b - a - 2), a + 1);
            } else if (strcmp(section, "abbrev") == 0) {
                if (!add_word(&r->abbrev, &r->nabbrev, a, (size_t)(b - a)))
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
    qsort(r->abbrev, r->nabbrev, sizeof *r->abbrev, cmp_str);
    *out = r;
    return BEAD_OK;
}

void seg_rules_free(seg_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nabbrev; i++)
        free(r->abbrev[i]);
    free(r->abbrev);
    free(r);
}

/* The whitespace-delimited token that ends just before position end. */
static int token_before(const UChar *text, int32_t end, char *buf, size_t bufsize)
{
    while (end > 0 && seg_is_space(text[end - 1]))
        end--;
    int32_t start = end;
    while (start > 0 && !seg_is_space(text[start - 1]) && end - start < MAX_TOKEN)
        start--;
    if (start == end || (start > 0 && !seg_is_space(text[start - 1])))
        return 0;
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(buf, (int32_t)bufsize - 1, &n, text + start, end - start, &st);
    if (U_FAILURE(st))
        return 0;
    buf[n] = '\0';
    return 1;
}

static int is_abbrev(const seg_rules *r, const char *tok)
{
    return bsearch(&tok, r->abbrev, r->nabbrev, sizeof *r->abbrev, cmp_str) != NULL;
}

int seg_rules_apply(const seg_rules *r, const UChar *text, int32_t len, seg_breaks *b)
{
    (void)len;
    size_t o = 0;
    char tok[MAX_TOKEN * 4 + 4];
    for (size_t i = 0; i < b->n; i++) {
        int32_t p = b->pos[i];
        if (token_before(text, p, tok, sizeof tok) && is_abbrev(r, tok))
            continue;
        b->pos[o++] = p;
    }
    b->n = o;
    return 1;
}
