/* lang_internal.h: what the layers above know about languages beyond the
 * public API (core/lang.c). Not installed. */
#ifndef BEAD_CORE_LANG_INTERNAL_H
#define BEAD_CORE_LANG_INTERNAL_H

/* 1 when lang (an ISO 639 code) capitalises every noun (German,
 * Luxembourgish, Swiss German): there a capital letter does not mark a
 * name, so names are no evidence between two such texts, nor missing ones
 * a sign of omission. 0 otherwise and for NULL. */
int bd_lang_capitalises_nouns(const char *lang);

#endif
