/* bead batch: not built yet. */
#include "cli.h"

int cmd_batch(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'batch' is not available in this build yet");
    return EXIT_USAGE;
}
