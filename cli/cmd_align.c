/* bead align: not built yet. */
#include "cli.h"

int cmd_align(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'align' is not available in this build yet");
    return EXIT_USAGE;
}
