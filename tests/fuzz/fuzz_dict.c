/* Fuzz harness: the dictionary readers, through their public loaders on
 * files written to a scratch folder (one per process): hunalign ("target @
 * source" lines) and FreeDict's dictd pair (.index and .dict, plain or
 * gzip-compressed .dict.dz, read at the offsets the index gives).
 *
 * Byte 0: bits 0-1 the format (0, 3 hunalign; 1 FreeDict .dict; 2 FreeDict
 * .dict.dz, the text compressed here so that the reader sees valid gzip),
 * bit 2 the dictionary read inverted (deu-eng for an en-de lexicon), bit 3
 * (.dict.dz) raw bytes instead of compressed ones (a damaged file). Bytes
 * 1-2: where the rest splits into the index and the text (FreeDict).
 *
 * Properties: a documented status (a damaged FreeDict file is a warning,
 * not an error; hunalign reports where); every message names the file and
 * is valid UTF-8; the pair count agrees with the lexicon; lookups of the
 * words found work. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <bead/lexicon.h>

#include "fuzz_util.h"

static char dir[64];

static void remove_dir(void)
{
    const char *names[] = {"freedict-eng-deu.index", "freedict-eng-deu.dict",
                           "freedict-eng-deu.dict.dz", "freedict-deu-eng.index",
                           "freedict-deu-eng.dict", "freedict-deu-eng.dict.dz", "hunalign.dic"};
    char path[160];
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        unlink(path);
    }
    rmdir(dir);
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f, "cannot write %s", path);
    FUZZ_CHECK(fwrite(data, 1, len, f) == len, "short write to %s", path);
    fclose(f);
}

static void write_gzip(const char *path, const void *data, size_t len)
{
    gzFile gz = gzopen(path, "wb1");
    FUZZ_CHECK(gz, "cannot write %s", path);
    if (len)
        FUZZ_CHECK(gzwrite(gz, data, (unsigned)len) == (int)len, "gzwrite");
    gzclose(gz);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 16 * 1024)
        return 0;
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/bead-fuzz-dict.XXXXXX");
        FUZZ_CHECK(mkdtemp(dir), "mkdtemp");
        atexit(remove_dir);
    }
    unsigned flags = data[0];
    int format = flags & 3, inverted = (flags >> 2) & 1, raw_dz = (flags >> 3) & 1;
    const char *text = (const char *)data + 3;
    size_t rest = size - 3;
    size_t cut = (size_t)(((uint64_t)(data[1] | data[2] << 8) * rest) >> 16);
    char index[128], dict[128], hun[128];
    const char *name = inverted ? "deu-eng" : "eng-deu";
    snprintf(index, sizeof index, "%s/freedict-%s.index", dir, name);
    snprintf(dict, sizeof dict, "%s/freedict-%s.dict", dir, name);
    snprintf(hun, sizeof hun, "%s/hunalign.dic", dir);
    unlink(index);
    unlink(dict);
    char dz[160];
    snprintf(dz, sizeof dz, "%s.dz", dict);
    unlink(dz);

    bead_lexicon *lex = NULL;
    FUZZ_CHECK(bead_lexicon_create(&lex, "en", "de", NULL) == BEAD_OK, "lexicon");
    bead_error err;
    bead_error_clear(&err);
    size_t loaded = 0;
    bead_status s;
    const char *file;
    if (format == 0 || format == 3) {
        write_file(hun, text, rest);
        file = hun;
        s = bead_lexicon_load_hunalign(lex, hun, &loaded, &err);
        FUZZ_CHECK(s == BEAD_OK || s == BEAD_ERR_FORMAT || s == BEAD_ERR_UTF8 ||
                       s == BEAD_ERR_NUL || s == BEAD_ERR_GZIP,
                   "hunalign: unexpected status %s", bead_strerror(s));
    } else {
        write_file(index, text, cut);
        if (format == 1)
            write_file(dict, text + cut, rest - cut);
        else if (raw_dz)
            write_file(dz, text + cut, rest - cut);
        else
            write_gzip(dz, text + cut, rest - cut);
        file = index;
        s = bead_lexicon_load_freedict(lex, dir, &loaded, &err);
        FUZZ_CHECK(s == BEAD_OK, "freedict: a damaged dictionary is a warning, not %s",
                   bead_strerror(s));
    }
    FUZZ_CHECK(fuzz_valid_utf8(err.message, strlen(err.message)), "message is not UTF-8");
    if (s != BEAD_OK || err.message[0])
        FUZZ_CHECK(fuzz_contains(err.message, strlen(err.message), dir),
                   "the message names no file: %s (%s)", err.message, file);
    if (s == BEAD_OK)
        FUZZ_CHECK(loaded <= bead_lexicon_size(lex), "loaded %zu of %zu pairs", loaded,
                   bead_lexicon_size(lex));
    else
        FUZZ_CHECK(loaded == 0, "loaded %zu pairs and failed", loaded);
    /* Lookups of whatever words the input holds must work. */
    char a[256], b[256];
    size_t la = bead_lexicon_key("en", text, cut < 64 ? cut : 64, a, sizeof a);
    size_t lb = bead_lexicon_key("de", text + cut, rest - cut < 64 ? rest - cut : 64, b, sizeof b);
    if (la && lb) {
        (void)bead_lexicon_has(lex, a, b);
        (void)bead_lexicon_has_source(lex, a);
    }
    bead_lexicon_free(lex);
    return 0;
}
