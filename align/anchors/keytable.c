/* Anchor keys: interning (string -> dense id, by open addressing) and the
 * weight of each kind of key. */
#include <stdlib.h>
#include <string.h>

#include "core/fnv.h"
#include "core/grow.h"
#include "align/doc/doc_internal.h"
#include "align/anchors/anchors.h"

typedef struct key_entry {
    size_t key_off, label_off;   /* into the arena, NUL terminated */
    size_t key_len;
    uint64_t hash;               /* compared before the bytes */
} key_entry;

struct key_table {
    key_entry *entries;          /* by id */
    size_t n, cap;
    uint32_t *slots;             /* id + 1, 0 when empty */
    size_t nslots;
    char *arena;
    size_t arena_len, arena_cap;
};

uint64_t bd_key_hash(const char *s, size_t len)
{
    return bd_fnv1a(BD_FNV_OFFSET, s, len);
}

key_table *bd_key_table_create(void)
{
    key_table *kt = calloc(1, sizeof *kt);
    if (!kt)
        return NULL;
    kt->nslots = 1024;
    kt->slots = calloc(kt->nslots, sizeof *kt->slots);
    if (!kt->slots) {
        free(kt);
        return NULL;
    }
    return kt;
}

void bd_key_table_free(key_table *kt)
{
    if (!kt)
        return;
    free(kt->entries);
    free(kt->slots);
    free(kt->arena);
    free(kt);
}

static const char *key_at(const key_table *kt, size_t id) { return kt->arena + kt->entries[id].key_off; }

static int64_t lookup(const key_table *kt, const char *s, size_t len, size_t *slot)
{
    size_t mask = kt->nslots - 1;
    uint64_t h = bd_key_hash(s, len);
    size_t i = (size_t)h & mask;
    while (kt->slots[i]) {
        uint32_t id = kt->slots[i] - 1;
        const key_entry *e = &kt->entries[id];
        if (e->hash == h && e->key_len == len && !memcmp(kt->arena + e->key_off, s, len)) {
            *slot = i;
            return id;
        }
        i = (i + 1) & mask;
    }
    *slot = i;
    return -1;
}

int64_t bd_key_table_find(const key_table *kt, const char *s, size_t len)
{
    size_t slot;
    return lookup(kt, s, len, &slot);
}

static int grow_slots(key_table *kt)
{
    size_t nslots = kt->nslots * 2;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t id = 0; id < kt->n; id++) {
        size_t i = (size_t)kt->entries[id].hash & (nslots - 1);
        while (slots[i])
            i = (i + 1) & (nslots - 1);
        slots[i] = (uint32_t)id + 1;
    }
    free(kt->slots);
    kt->slots = slots;
    kt->nslots = nslots;
    return 0;
}

static int64_t arena_add(key_table *kt, const char *s, size_t len)
{
    if (array_grow((void **)&kt->arena, &kt->arena_cap, kt->arena_len + len + 1, 1, 4096))
        return -1;
    size_t off = kt->arena_len;
    memcpy(kt->arena + off, s, len);
    kt->arena[off + len] = '\0';
    kt->arena_len += len + 1;
    return (int64_t)off;
}

double bd_key_kind_weight(char kind)
{
    switch (kind) {
    case KEY_NUMBER: return 1.0;
    case KEY_NAME: return 1.0;
    case KEY_LEXICON: return 0.6;
    case KEY_COGNATE: return 0.6;
    case KEY_PUNCT: return 0.4;
    }
    return 0.5;
}

uint32_t bd_key_table_intern(key_table *kt, const char *s, size_t len, const char *label,
                          size_t label_len)
{
    size_t slot;
    int64_t id = lookup(kt, s, len, &slot);
    if (id >= 0)
        return (uint32_t)id;
    if (kt->n >= UINT32_MAX - 1)
        return UINT32_MAX;
    if ((kt->n + 1) * 2 > kt->nslots) {
        if (grow_slots(kt))
            return UINT32_MAX;
        lookup(kt, s, len, &slot);
    }
    if (array_grow((void **)&kt->entries, &kt->cap, kt->n + 1, sizeof *kt->entries, 256))
        return UINT32_MAX;
    int64_t koff = arena_add(kt, s, len);
    int64_t loff = koff < 0 ? -1 : arena_add(kt, label, label_len);
    if (loff < 0)
        return UINT32_MAX;
    kt->entries[kt->n] = (key_entry){(size_t)koff, (size_t)loff, len, bd_key_hash(s, len)};
    kt->slots[slot] = (uint32_t)kt->n + 1;
    return (uint32_t)kt->n++;
}

size_t bd_key_table_size(const key_table *kt) { return kt->n; }
const char *bd_key_table_key(const key_table *kt, uint32_t id) { return key_at(kt, id); }
size_t bd_key_table_key_len(const key_table *kt, uint32_t id) { return kt->entries[id].key_len; }
const char *bd_key_table_label(const key_table *kt, uint32_t id)
{
    return kt->arena + kt->entries[id].label_off;
}
