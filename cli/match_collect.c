/* The collections of `bead match`: a folder, a list file or a list on
 * standard input, each a list of paths with their languages. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "match_cli.h"

void match_collection_free(match_collection *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->paths[i]);
    free(c->paths);
    free(c->langs);
    memset(c, 0, sizeof *c);
}

static int add_path(match_collection *c, const char *path, const char *lang, size_t *unnamed)
{
    char buf[16];
    if (lang)
        snprintf(buf, sizeof buf, "%s", lang);
    else if (!bead_language_from_path(path, buf, sizeof buf)) {
        cli_error("%s: cannot tell the language from the name; left out (give the side's "
                  "language with -L L1,L2, or name it LANG.something.txt)",
                  path);
        (*unnamed)++;
        return 0;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        char **p = realloc(c->paths, cap * sizeof *p);
        if (p)
            c->paths = p;
        char(*l)[16] = realloc(c->langs, cap * sizeof *l);
        if (l)
            c->langs = l;
        if (!p || !l) {
            cli_error("out of memory");
            return -1;
        }
        c->cap = cap;
    }
    if (!(c->paths[c->n] = strdup(path))) {
        cli_error("out of memory");
        return -1;
    }
    memcpy(c->langs[c->n], buf, sizeof buf);
    c->n++;
    return 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int collect_dir(match_collection *c, const char *dir, int recursive, const char *lang,
                       size_t *unnamed)
{
    DIR *d = opendir(dir);
    if (!d) {
        cli_error("%s: cannot read the folder: %s", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                rc = -1;
                break;
            }
            names = p;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len))) {
            rc = -1;
            break;
        }
        snprintf(names[n], len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                 e->d_name);
        n++;
    }
    closedir(d);
    if (rc)
        cli_error("out of memory");
    /* Sorted, so that the same folder lists the same way on every file
     * system and the output does not depend on readdir. */
    if (n)   /* qsort wants a non-NULL array even for no items */
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (stat(names[i], &st) != 0)
            rc = add_path(c, names[i], lang, unnamed);   /* reported when read */
        else if (S_ISDIR(st.st_mode)) {
            if (recursive)
                rc = collect_dir(c, names[i], recursive, lang, unnamed);
        } else if (S_ISREG(st.st_mode))
            rc = add_path(c, names[i], lang, unnamed);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

static int collect_list(match_collection *c, const char *listpath, const char *lang,
                        size_t *unnamed)
{
    int from_stdin = !strcmp(listpath, "-");
    FILE *f = from_stdin ? stdin : fopen(listpath, "r");
    if (!f) {
        cli_error("%s: cannot open the list: %s", listpath, strerror(errno));
        return -1;
    }
    /* Relative paths in a list file are taken from the list's folder. */
    const char *slash = from_stdin ? NULL : strrchr(listpath, '/');
    size_t dirlen = slash ? (size_t)(slash - listpath) + 1 : 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        if (line[0] == '/' || dirlen == 0) {
            rc = add_path(c, line, lang, unnamed);
            continue;
        }
        char *full = malloc(dirlen + (size_t)len + 1);
        if (!full) {
            cli_error("out of memory");
            rc = -1;
            break;
        }
        memcpy(full, listpath, dirlen);
        memcpy(full + dirlen, line, (size_t)len + 1);
        rc = add_path(c, full, lang, unnamed);
        free(full);
    }
    free(line);
    if (!from_stdin)
        fclose(f);
    return rc;
}

int match_collect(match_collection *c, const char *arg, int recursive, const char *lang,
                  size_t *unnamed)
{
    memset(c, 0, sizeof *c);
    if (!strcmp(arg, "-"))
        return collect_list(c, "-", lang, unnamed);
    if (arg[0] == '@')
        return collect_list(c, arg + 1, lang, unnamed);
    struct stat st;
    if (stat(arg, &st) != 0 || !S_ISDIR(st.st_mode)) {
        cli_error("%s: not a folder; give a folder, @LIST (one path a line) or - (a list on "
                  "standard input)",
                  arg);
        return -1;
    }
    return collect_dir(c, arg, recursive, lang, unnamed);
}
