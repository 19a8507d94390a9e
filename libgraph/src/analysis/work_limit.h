/* The work limit of the costly metrics (work_limit.c): constraint and
 * effective size (structural_holes.c), brokerage (metrics.c). */
#ifndef PN_WORK_LIMIT_H
#define PN_WORK_LIMIT_H

#include "paranet/error.h"
#include "paranet/metrics.h"

/* 0 when about `work` steps are within opts->max_work (0: the default, 2e9;
 * negative: no limit); otherwise an error naming metric in diags and
 * PN_ELIMIT. */
int pn__over_max_work(const char *metric, double work, const pn_metric_options *opts,
                      pn_diags *diags);

#endif
