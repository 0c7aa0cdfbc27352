/* The output format of bead align: -f, else -o's extension, else TSV. An
 * extension that promises another format (out.xlsx, out.csv, out.xml) is a
 * usage error rather than TSV under a misleading name; .txt, .tab and no
 * extension are TSV. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <bead/write.h>

#include "cli.h"

int cli_format_for_output(const char *fmtname, const char *outpath, bead_format *fmt)
{
    *fmt = BEAD_FORMAT_TSV;
    if (fmtname) {
        if (bead_format_parse(fmtname, fmt))
            return 0;
        cli_error("unknown format '%s': use tsv, tmx, moses, jsonl or beads", fmtname);
        return -1;
    }
    if (!strcmp(outpath, "-") || bead_format_from_path(outpath, fmt))
        return 0;
    const char *base = strrchr(outpath, '/');
    base = base ? base + 1 : outpath;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return 0;   /* no extension: TSV, as documented */
    /* Plain text names promise no other format: TSV, as always. */
    if (!strcasecmp(dot, ".txt") || !strcasecmp(dot, ".tab") || !strcasecmp(dot, ".gz"))
        return 0;
    cli_error("cannot tell the format of '%s' from its extension '%s': bead writes .tsv, "
              ".tmx, .jsonl and .beads (each also .gz), and Moses files with -f moses; give "
              "-f FORMAT to write this name anyway",
              outpath, dot);
    return -1;
}
