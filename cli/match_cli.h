/* The pieces of `bead match` (cmd_match.c): collections of documents
 * (match_collect.c) and the rows it writes and merges (match_rows.c). */
#ifndef BEAD_MATCH_CLI_H
#define BEAD_MATCH_CLI_H

#include <stddef.h>
#include <bead/match.h>

/* One collection: paths and their languages. */
typedef struct match_collection {
    char **paths;
    char (*langs)[16];
    size_t n, cap;
} match_collection;

/* Lists a collection from arg: a folder (regular files, sorted by name;
 * recursive when recursive), @LIST (one path a line, relative paths from
 * the list's folder) or - (a list on stdin). lang: the side's language, or
 * NULL to take each from its file name; a file whose language cannot be
 * told is left out with a warning (*unnamed counts them). 0, or -1 after an
 * error message (a missing folder or list). */
int match_collect(match_collection *c, const char *arg, int recursive, const char *lang,
                  size_t *unnamed);
void match_collection_free(match_collection *c);

/* A candidate row as shards write it and --merge reads it. */
typedef struct match_row {
    char *a, *b;
    char alang[16], blang[16];
    bead_match_candidate c;
    int same_side;
} match_row;

typedef enum match_format {
    MATCH_TSV,
    MATCH_JSONL,
    MATCH_JOBS,
    MATCH_CANDIDATES
} match_format;

/* Parses one candidates line; 0, or -1 with a message in msg. */
int match_row_parse(const char *line, size_t len, match_row *row, char *msg, size_t msgsize);
void match_row_clear(match_row *row);
/* The candidates line of row (no newline), malloc'd; NULL when out of memory. */
char *match_row_format(const match_row *row);

/* Assigns and writes rows (as bead_match_assign decides) to out in fmt,
 * sorted by a then b, so that a merge of shards writes what one run does.
 * top > 0: every row, up to top per a document, with its scores.
 * unmatched (may be NULL): documents (with their languages) to list as
 * unmatched when no row names them (--include-unmatched). */
bead_status match_write(bead_output *out, match_format fmt, match_row *rows, size_t n,
                        double min_score, size_t top, const match_collection *unmatched,
                        bead_error *err);

#endif
