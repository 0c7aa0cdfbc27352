/* report_words.h: names and number words as the report counts them
 * (report_words.c). Not installed. */
#ifndef BEAD_REPORT_WORDS_H
#define BEAD_REPORT_WORDS_H

#include <stddef.h>

#include "bead/align.h"

/* Calls add with the digits ("2") of every number word of text in lang
 * (bg, de, en, id, fr: one to twenty, the tens, hundred). */
void bd_report_number_words(const char *lang, const char *text, size_t len,
                            void (*add)(void *, const char *, size_t), void *ctx);

/* The words of a document seen capitalised where they are not first in
 * their sentence. */
typedef struct report_names report_names;
report_names *bd_report_names_create(const bead_doc *doc);
void bd_report_names_free(report_names *rn);

/* Looks in text for a word for which is_key says yes: 1 when one of them
 * is a name (capitalised, and not first in the sentence or seen capitalised
 * elsewhere where it is not first), else 0. *word / *wlen get that word as
 * written, else the first word is_key accepted (NULL when none). */
int bd_report_name_in(const report_names *rn, const char *text, size_t len,
                      int (*is_key)(void *, const char *, size_t), void *kctx,
                      const char **word, size_t *wlen);

#endif
