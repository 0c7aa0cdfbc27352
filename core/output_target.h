/* output_target.h: what an output path points at (core/output_target.c),
 * for core/output.c. Not installed. */
#ifndef BEAD_OUTPUT_TARGET_H
#define BEAD_OUTPUT_TARGET_H

#include <sys/types.h>

typedef enum bd_target_kind {
    BD_TARGET_NEW,         /* nothing there yet: a new regular file */
    BD_TARGET_REPLACE,     /* an existing regular file, replaced atomically */
    BD_TARGET_SPECIAL,     /* a device, FIFO or socket: written in place */
    BD_TARGET_DESCRIPTOR   /* /dev/stdout, /dev/fd/N: written through fd */
} bd_target_kind;

typedef struct bd_output_target {
    bd_target_kind kind;
    char *path;            /* symlinks followed: the file to write or replace */
    int fd;                /* BD_TARGET_DESCRIPTOR: the descriptor named */
    mode_t mode;           /* BD_TARGET_REPLACE: the file's mode and owner */
    uid_t uid;
    gid_t gid;
} bd_output_target;

/* 0, or -1 with *err_no set (EISDIR for a folder, ELOOP, ...). */
int bd_output_target_resolve(bd_output_target *t, const char *path, int *err_no);
void bd_output_target_free(bd_output_target *t);
/* Gives the temporary file fd the mode the target should end up with: the
 * replaced file's own, or 0666 less the umask for a new one. */
void bd_output_target_set_mode(const bd_output_target *t, int fd);
/* A mkstemp template beside target whose last component fits NAME_MAX. */
char *bd_output_temp_name(const char *target);

#endif
