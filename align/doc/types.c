/* Bead types: names, the sentences each takes, and the option defaults. */
#include <string.h>

#include "align/doc/doc_internal.h"

static const char *const type_names[BEAD_NTYPES] = {
    "1-1", "1-0", "0-1", "2-1", "1-2", "2-2", "1-3", "3-1", "2-3", "3-2", "1-4", "4-1"};
const int bd_type_src[BEAD_NTYPES] = {1, 1, 0, 2, 1, 2, 1, 3, 2, 3, 1, 4};
const int bd_type_trg[BEAD_NTYPES] = {1, 0, 1, 1, 2, 2, 3, 1, 3, 2, 4, 1};

const char *bead_type_name(bead_type t)
{
    return (unsigned)t < BEAD_NTYPES ? type_names[t] : "?";
}

unsigned bead_types_parse(const char *list)
{
    unsigned mask = 0;
    if (!list)
        return 0;
    const char *p = list;
    for (;;) {
        size_t len = strcspn(p, ",");
        int found = 0;
        for (int t = 0; t < BEAD_NTYPES; t++) {
            if (len == strlen(type_names[t]) && !strncmp(p, type_names[t], len)) {
                mask |= 1u << t;
                found = 1;
            }
        }
        if (!found)
            return 0;
        if (!p[len])
            break;
        p += len + 1;
    }
    return mask;
}

void bead_align_options_init(bead_align_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->bead_types = BEAD_TYPES_DEFAULT;
    opt->mode = BEAD_MODE_AUTO;
    opt->iterations = 2;
    opt->mine_threshold = 0.5;
    opt->learn = 1;
    opt->anchors = 1;
}

_Static_assert(sizeof ((bead_model_info *)0)->prior / sizeof(double) == BEAD_NTYPES,
               "bead_model_info has a prior for every bead type");
