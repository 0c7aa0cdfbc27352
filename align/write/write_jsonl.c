/* bd_write_jsonl.c: one JSON object per unit, built with cJSON. Texts are the
 * sentences as stored, joined with a space (JSON escapes whatever needs it).
 *   2 versions: {"src":[0],"trg":[0,1],"type":"1-2","score":0.93,
 *                "src_text":"...","trg_text":"...","anchors":["num:2022"]}
 *   N versions: {"versions":[{"lang":"bg","ids":[0],"text":"..."},...],
 *                "type":"1-2-1","score":0.93,"anchors":[...]} */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "align/write/write_internal.h"

static cJSON *ids_array(const bead_alignment *al, size_t i, size_t v)
{
    size_t begin, count;
    bead_alignment_range(al, i, v, &begin, &count);
    cJSON *a = cJSON_CreateArray();
    for (size_t k = 0; a && k < count; k++) {
        cJSON *num = cJSON_CreateNumber((double)(begin + k));
        if (!num || !cJSON_AddItemToArray(a, num)) {
            cJSON_Delete(num);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

/* Adds item to obj under key; deletes item and returns 0 when that fails. */
static int add(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return 0;
    if (!cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static int add_text(cJSON *obj, const char *key, wbuf *text, const bead_doc *doc,
                    const bead_alignment *al, size_t i, size_t v)
{
    return bd_unit_text_raw(text, doc, al, i, v) == 0 && add(obj, key, cJSON_CreateString(text->p));
}

static cJSON *unit_object(const bead_doc *const *docs, const bead_alignment *al, size_t i,
                          wbuf *text)
{
    size_t nv = bead_alignment_nversions(al);
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = 1;
    if (nv == 2) {
        ok = add(o, "src", ids_array(al, i, 0)) && add(o, "trg", ids_array(al, i, 1));
    } else {
        cJSON *versions = cJSON_CreateArray();
        ok = add(o, "versions", versions);
        for (size_t v = 0; ok && v < nv; v++) {
            cJSON *ver = cJSON_CreateObject();
            ok = ver && cJSON_AddItemToArray(versions, ver);
            if (!ok) {
                cJSON_Delete(ver);
                break;
            }
            ok = add(ver, "lang", cJSON_CreateString(bead_doc_lang(docs[v]))) &&
                 add(ver, "ids", ids_array(al, i, v)) &&
                 add_text(ver, "text", text, docs[v], al, i, v);
        }
    }
    ok = ok && bd_unit_type(text, al, i) == 0 && add(o, "type", cJSON_CreateString(text->p)) &&
         add(o, "score", cJSON_CreateNumber(bd_score_rounded(bead_alignment_score(al, i))));
    if (ok && nv == 2)
        ok = add_text(o, "src_text", text, docs[0], al, i, 0) &&
             add_text(o, "trg_text", text, docs[1], al, i, 1);
    cJSON *anchors = ok ? cJSON_CreateArray() : NULL;
    ok = ok && add(o, "anchors", anchors);
    size_t na = ok ? bead_alignment_anchor_count(al, i) : 0;
    for (size_t k = 0; ok && k < na; k++) {
        cJSON *s = cJSON_CreateString(bead_alignment_anchor(al, i, k));
        ok = s && cJSON_AddItemToArray(anchors, s);
        if (!ok)
            cJSON_Delete(s);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bead_status bd_write_jsonl(bead_output *out, const bead_doc *const *docs,
                        const bead_alignment *al, const bead_write_options *opt,
                        bead_error *err)
{
    size_t nv = bead_alignment_nversions(al), n = bead_alignment_size(al);
    bead_status st = BEAD_OK;
    wbuf text = {0}, *clean = bd_wbufs_new(nv);
    if (!clean)
        return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
    for (size_t i = 0; i < n && st == BEAD_OK; i++) {
        int sel = bd_unit_selected(docs, al, i, opt, nv < 2 ? nv : 2, clean);
        if (sel == 0)
            continue;
        cJSON *o = sel > 0 ? unit_object(docs, al, i, &text) : NULL;
        char *line = o ? cJSON_PrintUnformatted(o) : NULL;
        cJSON_Delete(o);
        if (!line) {
            st = bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            break;
        }
        st = bead_output_puts(out, line, err);
        if (st == BEAD_OK)
            st = bead_output_write(out, "\n", 1, err);
        cJSON_free(line);
    }
    bd_wbuf_free(&text);
    bd_wbufs_free(clean, nv);
    return st;
}
