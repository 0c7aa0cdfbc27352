/* deadline.h: the time limits of bead_input_options.deadline,
 * bead_aligner_set_deadline and bead_output_set_deadline. A deadline is a
 * CLOCK_MONOTONIC time in seconds; 0 means none. Not installed. */
#ifndef BEAD_CORE_DEADLINE_H
#define BEAD_CORE_DEADLINE_H

#include "bead/bead.h"   /* bead_seconds: the one CLOCK_MONOTONIC reading */

/* 1 once the deadline (if any) has passed. */
static inline int bd_deadline_passed(double deadline)
{
    return deadline > 0 && bead_seconds() >= deadline;
}

#endif
