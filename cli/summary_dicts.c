/* The summary JSON of bead align with the dictionaries it used: which
 * dictionary anchored each pair of versions is a fact of the run (what was
 * installed, what --dict said), not of the alignment, so the program adds
 * it to the library's summary:
 *   "dictionaries":[{"a":0,"b":1,"kind":"freedict"|"hunalign"|"none",
 *                    "path":"/usr/share/dictd"|FILE|null,"entries":n},...]
 * A pair with no dictionary ("none", 0 entries) is how a run without the
 * FreeDict packages shows itself. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <bead/write.h>

#include "cli.h"

static cJSON *pair_entry(size_t a, size_t b, const bead_lexicon *lex, const char *dict)
{
    cJSON *p = cJSON_CreateObject();
    if (!p)
        return NULL;
    const char *kind = "none", *path = NULL;
    if (lex && bead_lexicon_size(lex)) {
        int file = strcmp(dict, "auto") && strcmp(dict, "none") && a == 0 && b == 1;
        kind = file ? "hunalign" : "freedict";
        path = file ? dict : cli_dict_dir() ? cli_dict_dir() : "/usr/share/dictd";
    }
    cJSON_AddNumberToObject(p, "a", (double)a);
    cJSON_AddNumberToObject(p, "b", (double)b);
    cJSON_AddStringToObject(p, "kind", kind);
    if (path)
        cJSON_AddStringToObject(p, "path", path);
    else
        cJSON_AddNullToObject(p, "path");
    cJSON_AddNumberToObject(p, "entries", lex ? (double)bead_lexicon_size(lex) : 0);
    return p;
}

bead_status cli_write_summary(bead_output *file, const bead_doc *const *docs, int n,
                              const bead_alignment *al, const bead_alignment *const *pairs,
                              size_t npairs, double seconds, const cli_dicts *dicts,
                              const char *dict, bead_error *err)
{
    bead_output *mem = NULL;
    bead_status s = bead_output_open_memory(&mem, err);
    if (s == BEAD_OK)
        s = bead_write_summary(mem, docs, al, pairs, npairs, seconds, err);
    size_t len = 0;
    const char *text = s == BEAD_OK ? bead_output_memory(mem, &len) : NULL;
    cJSON *o = text ? cJSON_ParseWithLength(text, len) : NULL;
    bead_output_free(mem);
    if (s != BEAD_OK)
        return s;
    cJSON *list = o ? cJSON_CreateArray() : NULL;
    if (!list || !cJSON_AddItemToObject(o, "dictionaries", list)) {
        cJSON_Delete(list);
        cJSON_Delete(o);
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    }
    for (size_t k = 0; k < bead_pair_count((size_t)n); k++) {
        size_t a, b;
        bead_pair_versions(k, (size_t)n, &a, &b);
        const bead_doc *da = docs[a], *db = docs[b];
        const bead_lexicon *lex = NULL;
        if (strcmp(dict, "none")) {
            if (a == 0 && b == 1 && dicts->first)
                lex = dicts->first;
            else if (dicts->set)
                lex = bead_lexicon_set_find(dicts->set, bead_doc_lang(da), bead_doc_lang(db));
        }
        cJSON_AddItemToArray(list, pair_entry(a, b, lex, dict));
    }
    char *out = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!out)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    s = bead_output_puts(file, out, err);
    if (s == BEAD_OK)
        s = bead_output_write(file, "\n", 1, err);
    cJSON_free(out);
    return s;
}
