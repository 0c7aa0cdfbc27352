/* Where an output path really points, decided before anything is written:
 * a regular file (new or existing) is replaced atomically through a
 * temporary file in its own folder; a symlink is followed, so that its
 * target is replaced and the link stays a link; anything else (a device, a
 * FIFO, a socket, the process's own standard streams) is written in place,
 * since renaming over it would replace the device node or the shell's
 * redirection instead of writing to it. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/output_target.h"

#define MAX_LINKS 40   /* as the kernel's own limit on a symlink chain */

void bd_output_target_free(bd_output_target *t)
{
    free(t->path);
    t->path = NULL;
}

/* /dev/stdout, /dev/fd/1, /proc/self/fd/1 and the like: the descriptor
 * named, or -1. Opening them would reopen the file behind the descriptor at
 * offset 0 (or, for a regular file, make us rename over the redirection),
 * so they are written through a duplicate of the descriptor itself. */
static int own_descriptor(const char *path)
{
    if (strcmp(path, "/dev/stdout") == 0)
        return STDOUT_FILENO;
    if (strcmp(path, "/dev/stderr") == 0)
        return STDERR_FILENO;
    const char *prefixes[] = {"/dev/fd/", "/proc/self/fd/"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(prefixes[k]);
        if (strncmp(path, prefixes[k], n) == 0) {
            char *end;
            long fd = strtol(path + n, &end, 10);
            if (end != path + n && *end == '\0' && fd >= 0 && fd <= INT_MAX)
                return (int)fd;
        }
    }
    return -1;
}

/* The link's target, taken relative to the link's folder. */
static char *link_target(const char *link)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(link, buf, sizeof buf - 1);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    if (buf[0] == '/')
        return strdup(buf);
    const char *slash = strrchr(link, '/');
    size_t dirlen = slash ? (size_t)(slash - link) + 1 : 0;
    char *out = malloc(dirlen + (size_t)n + 1);
    if (out) {
        memcpy(out, link, dirlen);
        memcpy(out + dirlen, buf, (size_t)n + 1);
    }
    return out;
}

int bd_output_target_resolve(bd_output_target *t, const char *path, int *err_no)
{
    memset(t, 0, sizeof *t);
    t->fd = -1;
    char *cur = strdup(path);
    if (!cur) {
        *err_no = ENOMEM;
        return -1;
    }
    for (int hops = 0;; hops++) {
        int fd = own_descriptor(cur);
        if (fd >= 0) {
            t->kind = BD_TARGET_DESCRIPTOR;
            t->fd = fd;
            t->path = cur;
            return 0;
        }
        struct stat st;
        if (lstat(cur, &st) != 0) {
            if (errno != ENOENT) {
                *err_no = errno;
                free(cur);
                return -1;
            }
            t->kind = BD_TARGET_NEW;   /* also the target of a dangling link */
            t->path = cur;
            return 0;
        }
        if (S_ISLNK(st.st_mode)) {
            if (hops >= MAX_LINKS) {
                *err_no = ELOOP;
                free(cur);
                return -1;
            }
            char *next = link_target(cur);
            free(cur);
            if (!next) {
                *err_no = errno ? errno : ENOMEM;
                return -1;
            }
            cur = next;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            *err_no = EISDIR;
            free(cur);
            return -1;
        }
        t->path = cur;
        if (S_ISREG(st.st_mode)) {
            t->kind = BD_TARGET_REPLACE;
            t->mode = st.st_mode & 07777;
            t->uid = st.st_uid;
            t->gid = st.st_gid;
        } else {
            t->kind = BD_TARGET_SPECIAL;
        }
        return 0;
    }
}

/* The process's umask without changing it (umask(2) can only be read by
 * setting it, which would race with other threads creating files). */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    if (f) {
        char line[256];
        unsigned mask;
        while (fgets(line, sizeof line, f)) {
            if (sscanf(line, "Umask: %o", &mask) == 1) {
                fclose(f);
                return (mode_t)mask;
            }
        }
        fclose(f);
    }
    return 022;   /* the usual default where /proc does not tell */
}

void bd_output_target_set_mode(const bd_output_target *t, int fd)
{
    if (t->kind == BD_TARGET_REPLACE) {
        /* Keep the replaced file's owner and mode (chown only works as root
         * or for the owner's own groups: a failure keeps ours). */
        if (fchown(fd, t->uid, t->gid) != 0) {
            /* not fatal: the file stays ours */
        }
        fchmod(fd, t->mode);
    } else {
        fchmod(fd, 0666 & ~current_umask());
    }
}

char *bd_output_temp_name(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = target + dirlen;
    char *dir = dirlen ? strndup(target, dirlen) : strdup(".");
    long name_max = dir ? pathconf(dir, _PC_NAME_MAX) : -1;
    free(dir);
    if (name_max <= 0)
        name_max = 255;
    const char *suffix = ".tmp.XXXXXX";
    size_t baselen = strlen(base), sufflen = strlen(suffix);
    /* NAME.tmp.XXXXXX when it fits; else a short hidden name of our own
     * (the README says what to look for after a SIGKILL). */
    int fits = baselen + sufflen <= (size_t)name_max;
    const char *stem = fits ? base : ".bead";
    size_t stemlen = fits ? baselen : strlen(stem);
    char *out = malloc(dirlen + stemlen + sufflen + 1);
    if (!out)
        return NULL;
    memcpy(out, target, dirlen);
    memcpy(out + dirlen, stem, stemlen);
    memcpy(out + dirlen + stemlen, suffix, sufflen + 1);
    return out;
}
