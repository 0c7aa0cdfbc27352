/* lexicon_compiled.h: the compiled dictionary format (lexicon_compiled.c)
 * as the fuzz harness and the unit tests reach it. Not installed. */
#ifndef BEAD_LEXICON_COMPILED_H
#define BEAD_LEXICON_COMPILED_H

#include <stddef.h>

#include "bead/lexicon.h"

/* The layout's version: a file of another version is out of date. */
#define BD_LEXC_FORMAT 2

/* Checks the size bytes at map (a compiled file's contents, 8-byte aligned,
 * named name in messages) and makes a lexicon that reads them in place;
 * map must outlive it and is not freed with it. source: NULL accepts any,
 * else the file must have been made from it. BEAD_OK with *out NULL: out of
 * date (err->message says so); BEAD_ERR_FORMAT: damaged. */
bead_status bd_lex_compiled_check(bead_lexicon **out, void *map, size_t size, const char *name,
                                  const char *source, bead_error *err);

/* Recomputes both checksums of a file's contents in place, so that the fuzz
 * harness and the tests can reach the checks behind them. */
void bd_lex_compiled_seal(void *map, size_t size);

#endif
