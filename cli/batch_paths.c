/* Job paths, checked by the thread that reads the job list, before the job
 * is queued: so that a job list cannot make bead read its own job list
 * ("src":"/dev/stdin"), wait forever on a FIFO or read /dev/zero (unless
 * --allow-special), write outside --out-dir (by "..", an absolute path or a
 * symlink leading out), or have two jobs write the same file. Outputs are
 * compared by the file they end up in: the real path of their folder, and
 * symlinks followed as the writer follows them. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_paths.h"
#include "cli.h"

#define MAX_LINKS 40

struct batch_paths {
    char *base;              /* realpath of --out-dir, or NULL */
    const char *out_dir;     /* as given */
    int allow_special;
    int stdin_known;         /* the job list is stdin: its identity */
    dev_t stdin_dev;
    ino_t stdin_ino;
    char **seen;             /* output files of earlier jobs: open addressing */
    size_t nseen, mask;
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

int batch_paths_create(batch_paths **out, const char *out_dir, int jobs_on_stdin,
                       int allow_special)
{
    *out = NULL;
    batch_paths *p = calloc(1, sizeof *p);
    if (!p) {
        cli_error("out of memory");
        return -1;
    }
    p->allow_special = allow_special;
    p->out_dir = out_dir;
    if (out_dir) {
        struct stat st;
        p->base = realpath(out_dir, NULL);
        if (!p->base || stat(p->base, &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_error("--out-dir %s: %s; give an existing folder", out_dir,
                      p->base ? "not a folder" : strerror(errno));
            batch_paths_free(p);
            return -1;
        }
    }
    struct stat st;
    if (jobs_on_stdin && fstat(STDIN_FILENO, &st) == 0) {
        p->stdin_known = 1;
        p->stdin_dev = st.st_dev;
        p->stdin_ino = st.st_ino;
    }
    *out = p;
    return 0;
}

void batch_paths_free(batch_paths *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->seen && i <= p->mask; i++)
        free(p->seen[i]);
    free(p->seen);
    free(p->base);
    free(p);
}

/* Adds name to the set; 1 if it was there already, -1 when out of memory. */
static int seen_add(batch_paths *p, const char *name)
{
    if (!p->seen || (p->nseen + 1) * 2 > p->mask + 1) {
        size_t size = p->seen ? (p->mask + 1) * 2 : 256;
        char **slots = calloc(size, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; p->seen && i <= p->mask; i++) {
            if (!p->seen[i])
                continue;
            size_t k = (size_t)hash_str(p->seen[i]) & (size_t)(size - 1);
            while (slots[k])
                k = (k + 1) & (size - 1);
            slots[k] = p->seen[i];
        }
        free(p->seen);
        p->seen = slots;
        p->mask = size - 1;
    }
    size_t k = (size_t)hash_str(name) & p->mask;
    for (; p->seen[k]; k = (k + 1) & p->mask)
        if (!strcmp(p->seen[k], name))
            return 1;
    p->seen[k] = strdup(name);
    if (!p->seen[k])
        return -1;
    p->nseen++;
    return 0;
}

static const char *kind_of(mode_t mode)
{
    return S_ISFIFO(mode) ? "a FIFO (named pipe)" : S_ISCHR(mode) ? "a character device"
           : S_ISBLK(mode) ? "a block device" : S_ISSOCK(mode) ? "a socket" : "not a regular file";
}

/* The folder part of path ("." when none) and its last component. */
static void split_path(const char *path, char *dir, size_t dirsize, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, dirsize, ".");
        *base = path;
    } else {
        size_t n = slash == path ? 1 : (size_t)(slash - path);
        snprintf(dir, dirsize, "%.*s", (int)n, path);
        *base = slash + 1;
    }
}

static int under(const char *path, const char *base)
{
    size_t n = strlen(base);
    if (n == 1 && base[0] == '/')
        return 1;
    return !strncmp(path, base, n) && (path[n] == '/' || path[n] == '\0');
}

/* Where path really leads, symlinks followed as the writer follows them:
 * *real gets the file's real path (new files: their folder's real path and
 * their name), *special whether it is something other than a regular file
 * (-1: its folder does not exist).
 * BEAD_OK or an error naming what. */
static bead_status resolve_out(const char *path, char real[PATH_MAX], int *special,
                               bead_error *err)
{
    char cur[PATH_MAX], dir[PATH_MAX], rp[PATH_MAX];
    *special = 0;
    if (snprintf(cur, sizeof cur, "%s", path) >= (int)sizeof cur)
        return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "out: the path is too long");
    for (int hops = 0; hops <= MAX_LINKS; hops++) {
        struct stat st;
        const char *name;
        if (lstat(cur, &st) != 0) {
            if (errno != ENOENT)
                return bead_error_set(err, BEAD_ERR_IO, -1, 0, "out: %s: %s", cur,
                                      strerror(errno));
            split_path(cur, dir, sizeof dir, &name);
            if (!realpath(dir, rp)) {
                /* No such folder: nothing can be written there, and the
                 * writer says so in the job's record. */
                snprintf(real, PATH_MAX, "%s", cur);
                *special = -1;
                return BEAD_OK;
            }
            if (snprintf(real, PATH_MAX, "%s/%s", strcmp(rp, "/") ? rp : "", name) >= PATH_MAX)
                return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0, "out: the path is too long");
            return BEAD_OK;
        }
        if (S_ISLNK(st.st_mode)) {
            char link[PATH_MAX];
            ssize_t n = readlink(cur, link, sizeof link - 1);
            if (n < 0)
                return bead_error_set(err, BEAD_ERR_IO, -1, 0, "out: %s: %s", cur,
                                      strerror(errno));
            link[n] = '\0';
            if (link[0] == '/') {
                snprintf(cur, sizeof cur, "%s", link);
            } else {
                split_path(cur, dir, sizeof dir, &name);
                if (snprintf(cur, sizeof cur, "%s/%s", dir, link) >= (int)sizeof cur)
                    return bead_error_set(err, BEAD_ERR_FORMAT, -1, 0,
                                          "out: the path is too long");
            }
            continue;
        }
        if (!realpath(cur, real))
            return bead_error_set(err, BEAD_ERR_IO, -1, 0, "out: %s: %s", cur, strerror(errno));
        *special = !S_ISREG(st.st_mode);
        return BEAD_OK;
    }
    return bead_error_set(err, BEAD_ERR_IO, -1, 0, "out: %s: too many levels of symbolic links",
                          path);
}

static bead_status check_input(const batch_paths *p, const char *what, const char *path,
                               bead_error *err)
{
    struct stat st;
    if (!path || stat(path, &st) != 0)
        return BEAD_OK;   /* reading it says what is wrong */
    if (p->stdin_known && st.st_dev == p->stdin_dev && st.st_ino == p->stdin_ino)
        return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                              "%s: %s is standard input, which holds the job list; standard "
                              "input can be read once (give the job list as a file)",
                              what, path);
    if (!p->allow_special && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                              "%s: %s is %s; bead batch reads regular files only, unless "
                              "--allow-special is given", what, path, kind_of(st.st_mode));
    return BEAD_OK;
}

bead_status batch_paths_check(batch_paths *p, const batch_settings *set, batch_job *job,
                              bead_error *err)
{
    bead_status s = check_input(p, "src", job->src, err);
    if (s == BEAD_OK)
        s = check_input(p, "trg", job->trg, err);
    if (s != BEAD_OK || !job->out)
        return s;
    if (p->base && job->out[0] != '/') {
        /* A relative out is taken under --out-dir. */
        size_t n = strlen(p->out_dir) + 1 + strlen(job->out) + 1;
        char *joined = malloc(n);
        if (!joined)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        snprintf(joined, n, "%s/%s", p->out_dir, job->out);
        free(job->out);
        job->out = joined;
    }
    char names[2][4096];
    size_t nfiles = batch_job_outputs(set, job, names);
    for (size_t k = 0; k < nfiles; k++) {
        char real[PATH_MAX];
        int special;
        s = resolve_out(names[k], real, &special, err);
        if (s != BEAD_OK)
            return s;
        if (special < 0)
            continue;   /* its folder does not exist: the job fails on it */
        if (p->base && !under(real, p->base))
            return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                  "out: %s leads to %s, outside --out-dir %s", names[k], real,
                                  p->out_dir);
        if (special && !p->allow_special)
            return bead_error_set(err, BEAD_ERR_IO, -1, 0,
                                  "out: %s is not a regular file; bead batch writes regular "
                                  "files only, unless --allow-special is given", names[k]);
        if (special)
            continue;   /* a device may be written by many */
        int dup = seen_add(p, real);
        if (dup < 0)
            return bead_error_set(err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
        if (dup)
            return bead_error_set(err, BEAD_ERR_USAGE, -1, 0,
                                  "out: %s is written by an earlier job already; give every job "
                                  "its own out", names[k]);
    }
    return BEAD_OK;
}
