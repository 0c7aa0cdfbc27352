/* The monotonic clock every reported time is measured on. */
#include <time.h>

#include "bead/bead.h"

double bead_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
