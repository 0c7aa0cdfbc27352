/* The bead program's cache of compiled dictionaries (dict_cache.c): where
 * it is, and the FreeDict lexicon of a pair through it. */
#ifndef BEAD_CLI_DICT_CACHE_H
#define BEAD_CLI_DICT_CACHE_H

#include <stddef.h>

#include <bead/lexicon.h>

/* The cache folder: $BEAD_CACHE_DIR, else $XDG_CACHE_HOME/bead, else
 * $HOME/.cache/bead; NULL when caching is off ($BEAD_CACHE_DIR=none, or no
 * home). The folder need not exist yet. */
const char *cli_cache_dir(char *buf, size_t size);

/* 1 when path starts like a compiled dictionary. */
int cli_is_compiled_dict(const char *path);

/* The FreeDict lexicon of src -> trg from dict_dir (NULL: the default): the
 * compiled file in cache_dir when it is there and up to date, else loaded
 * from FreeDict and compiled into cache_dir for the next run (a cache that
 * cannot be written is no error: the loaded lexicon serves). *loaded gets
 * its size (0: none installed; *out is then an empty lexicon). warning gets
 * what the user should hear, or "". An error only for what stops the run
 * (out of memory); a damaged FreeDict file is a warning. */
bead_status cli_freedict_lexicon(bead_lexicon **out, const char *dict_dir, const char *cache_dir,
                                 const char *src, const char *trg, size_t *loaded, char *warning,
                                 size_t wsize, bead_error *err);

/* --dict FILE: a compiled dictionary (for src -> trg) or a hunalign one. */
bead_status cli_dict_file_lexicon(bead_lexicon **out, const char *path, const char *src,
                                  const char *trg, size_t *loaded, bead_error *err);

#endif
