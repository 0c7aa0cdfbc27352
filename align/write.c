/* write.c: placeholder bodies for write.h so that `bead align` links while
 * the real writers (write_*.c) are being written. */
#include <bead/write.h>

#include <string.h>

int bead_format_parse(const char *name, bead_format *out)
{
    (void)name;
    (void)out;
    return 0;
}

int bead_format_from_path(const char *path, bead_format *out)
{
    (void)path;
    (void)out;
    return 0;
}

const char *bead_format_name(bead_format fmt)
{
    (void)fmt;
    return "tsv";
}

void bead_write_options_init(bead_write_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

bead_status bead_write_alignment(bead_output *out, bead_format fmt, const bead_doc *const *docs,
                                 const bead_alignment *al, bead_write_options *opt,
                                 bead_error *err)
{
    (void)out; (void)fmt; (void)docs; (void)al; (void)opt;
    return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "writers not implemented yet");
}

bead_status bead_write_moses_side(bead_output *out, const bead_doc *const *docs,
                                  const bead_alignment *al, size_t v,
                                  const bead_write_options *opt, bead_error *err)
{
    (void)out; (void)docs; (void)al; (void)v; (void)opt;
    return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "writers not implemented yet");
}

bead_status bead_write_summary(bead_output *out, const bead_doc *const *docs,
                               const bead_alignment *al,
                               const bead_alignment *const *pairs, size_t npairs,
                               double seconds, bead_error *err)
{
    (void)out; (void)docs; (void)al; (void)pairs; (void)npairs; (void)seconds;
    return bead_error_set(err, BEAD_ERR_USAGE, -1, 0, "writers not implemented yet");
}
