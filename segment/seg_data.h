/* The per-language rule files of segment/data, compiled into the library by
 * cmake/embed.cmake. */
#ifndef BEAD_SEG_DATA_H
#define BEAD_SEG_DATA_H
#include <stddef.h>

typedef struct seg_data_file {
    const char *name;   /* "de.txt"; NULL ends the table */
    const char *data;
    size_t len;
} seg_data_file;

extern const seg_data_file bd_seg_data_files[];

/* The file called name, or NULL. */
const seg_data_file *bd_seg_data_find(const char *name);

#endif
