/* A main() for the fuzz harnesses when libFuzzer is not linked in: runs the
 * harness once on every file named on the command line (folders are read
 * one level deep), so ctest replays the seed corpora and the regressions in
 * the normal and the ASan builds. A harness signals failure by aborting. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "%s: out of memory\n", path);
        return 1;
    }
    /* An exact-size copy, so that ASan catches reads past the input's end. */
    uint8_t *exact = malloc(len ? len : 1);
    if (exact) memcpy(exact, buf, len);
    free(buf);
    if (!exact) return 1;
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int name_order(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int fails = 0, runs = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue;   /* an optional folder (no regressions yet) */
        if (!S_ISDIR(st.st_mode)) {
            fails += run_file(argv[i]);
            runs++;
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (!d) {
            perror(argv[i]);
            fails++;
            continue;
        }
        char **names = NULL;
        size_t nnames = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
                continue;
            char **nn = realloc(names, (nnames + 1) * sizeof *names);
            if (!nn) break;
            names = nn;
            size_t need = strlen(argv[i]) + strlen(e->d_name) + 2;
            if (!(names[nnames] = malloc(need))) break;
            snprintf(names[nnames++], need, "%s/%s", argv[i], e->d_name);
        }
        closedir(d);
        if (nnames) qsort(names, nnames, sizeof *names, name_order);
        for (size_t k = 0; k < nnames; k++) {
            fails += run_file(names[k]);
            runs++;
            free(names[k]);
        }
        free(names);
    }
    printf("%d inputs replayed, %d unreadable\n", runs, fails);
    /* No input at all means a seed folder went missing: a test that cannot fail. */
    return fails != 0 || runs == 0;
}
