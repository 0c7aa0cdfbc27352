/* bead segment: one sentence per line, or JSON Lines with offsets. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include <bead/segment.h>

#include "cli.h"

static const char usage_text[] =
    "usage: bead segment [-l LANG] [-o OUT] [--format lines|jsonl] [--paragraphs]\n"
    "                    [--presegmented] [--replace-invalid] [--max-bytes N]\n"
    "                    [--max-sentences N] [FILE|-]\n"
    "\n"
    "Splits a UTF-8 text (plain or gzip) into sentences.\n"
    "  -l, --lang LANG        ISO 639 language code; default: from the file name\n"
    "                         (bg.aljazeera.txt is Bulgarian)\n"
    "  -o, --output OUT       write to OUT (gzip if it ends in .gz); default: stdout\n"
    "  -f, --format FMT       lines (one sentence per line) or jsonl\n"
    "                         ({\"para\",\"start\",\"end\",\"text\"}, byte offsets)\n"
    "      --paragraphs       lines format: an empty line between paragraphs\n"
    "      --presegmented     the input has one sentence per line already\n"
    "      --replace-invalid  turn invalid UTF-8 and NUL into U+FFFD (counted on stderr)\n"
    "      --max-bytes N      refuse inputs over N bytes (K, M, G, T suffixes)\n"
    "      --max-sentences N  refuse inputs over N sentences\n"
    "      --force-lang       segment even a file whose script contradicts -l (exit 2\n"
    "                         otherwise: Cyrillic text given as de)\n"
    "  -h, --help             this text\n"
    "Exit status: 0 success (empty input too), 1 bad input or I/O error, 2 usage.\n";

typedef struct seg_ctx {
    bead_output *out;
    bead_error *err;
    bead_status status;
    int jsonl;
    int paragraphs;
    uint64_t last_para;
    int any;
    uint64_t count;
} seg_ctx;

static int write_sentence(void *p, const bead_sentence *s)
{
    seg_ctx *c = p;
    c->count++;
    if (c->jsonl) {
        cJSON *o = cJSON_CreateObject();
        char *line = NULL;
        if (o && cJSON_AddNumberToObject(o, "para", (double)s->para) &&
            cJSON_AddNumberToObject(o, "start", (double)s->start) &&
            cJSON_AddNumberToObject(o, "end", (double)s->end)) {
            char *text = strndup(s->text, s->len);
            if (text && cJSON_AddStringToObject(o, "text", text))
                line = cJSON_PrintUnformatted(o);
            free(text);
        }
        cJSON_Delete(o);
        if (!line) {
            c->status = bead_error_set(c->err, BEAD_ERR_NOMEM, -1, 0, "out of memory");
            return 1;
        }
        c->status = bead_output_puts(c->out, line, c->err);
        free(line);
        if (c->status == BEAD_OK)
            c->status = bead_output_write(c->out, "\n", 1, c->err);
        return c->status != BEAD_OK;
    }
    if (c->paragraphs && c->any && s->para != c->last_para)
        c->status = bead_output_write(c->out, "\n", 1, c->err);
    c->any = 1;
    c->last_para = s->para;
    if (c->status == BEAD_OK)
        c->status = bead_output_write(c->out, s->text, s->len, c->err);
    if (c->status == BEAD_OK)
        c->status = bead_output_write(c->out, "\n", 1, c->err);
    return c->status != BEAD_OK;
}

int cmd_segment(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'},
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"paragraphs", no_argument, NULL, 'P'},
        {"presegmented", no_argument, NULL, 'S'},
        {"replace-invalid", no_argument, NULL, 'R'},
        {"max-bytes", required_argument, NULL, 'B'},
        {"max-sentences", required_argument, NULL, 'N'},
        {"force-lang", no_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *lang = NULL, *outpath = "-";
    int jsonl = 0, paragraphs = 0, preseg = 0, force_lang = 0;
    bead_input_options iopt;
    bead_input_options_init(&iopt);
    bead_segment_options sopt;
    bead_segment_options_init(&sopt);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:o:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 'o': outpath = optarg; break;
        case 'f':
            if (!strcmp(optarg, "jsonl"))
                jsonl = 1;
            else if (!strcmp(optarg, "lines"))
                jsonl = 0;
            else {
                cli_error("unknown format '%s': use lines or jsonl", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'P': paragraphs = 1; break;
        case 'S': preseg = 1; break;
        case 'F': force_lang = 1; break;
        case 'R': iopt.replace_invalid = 1; break;
        case 'B':
            if (cli_parse_limit("--max-bytes", optarg, &iopt.max_bytes))
                return EXIT_USAGE;
            break;
        case 'N':
            if (cli_parse_limit("--max-sentences", optarg, &sopt.max_sentences))
                return EXIT_USAGE;
            break;
        case 'h': fputs(usage_text, stdout); return 0;
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        cli_error("segment takes one input file; run 'bead segment --help'");
        return EXIT_USAGE;
    }
    const char *inpath = optind < argc ? argv[optind] : "-";
    char langbuf[16];
    if (!cli_lang_for(inpath, lang, langbuf, sizeof langbuf))
        return EXIT_USAGE;
    if (preseg)
        sopt.flags |= BEAD_SEGMENT_PRESEGMENTED;
    if (!force_lang && cli_check_file_script(inpath, langbuf))
        return EXIT_USAGE;

    bead_error err;
    bead_error_clear(&err);
    bead_segmenter *seg = NULL;
    bead_input *in = NULL;
    bead_output *out = NULL;
    bead_status s = bead_segmenter_create(&seg, langbuf, &sopt, &err);
    if (s == BEAD_OK)
        s = bead_input_open(&in, inpath, &iopt, &err);
    if (s == BEAD_OK)
        s = cli_output_open(&out, outpath, &err);
    if (s == BEAD_OK) {
        seg_ctx ctx = {out, &err, BEAD_OK, jsonl, paragraphs, 0, 0, 0};
        s = bead_segment_input(seg, in, write_sentence, &ctx, &err);
        if (s == BEAD_DONE)
            s = ctx.status;
        if (s == BEAD_OK && !preseg)
            cli_hint_presegmented(inpath, ctx.count);
    }
    if (in && bead_input_replacements(in))
        cli_error("%s: replaced %llu invalid UTF-8 sequence(s) or NUL byte(s) with U+FFFD",
                  bead_input_name(in), (unsigned long long)bead_input_replacements(in));
    s = cli_output_close(out, s, &err);
    bead_input_free(in);
    bead_segmenter_free(seg);
    if (s != BEAD_OK)
        return cli_fail(&err, s);
    return 0;
}
