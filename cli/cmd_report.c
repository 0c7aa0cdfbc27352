/* bead report: not built yet. */
#include "cli.h"

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'report' is not available in this build yet");
    return EXIT_USAGE;
}
