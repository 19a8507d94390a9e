/* The limit on the work of the metrics whose cost can grow with the square
 * of a degree (pn_metric_options.max_work). */
#include "analysis/work_limit.h"

#define PN_DEFAULT_MAX_WORK 2e9

int pn__over_max_work(const char *metric, double work, const pn_metric_options *opts,
                      pn_diags *diags)
{
    double limit = opts->max_work == 0 ? PN_DEFAULT_MAX_WORK : opts->max_work;
    if (limit < 0 || work <= limit)
        return 0;
    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "too-much-work",
                 "%s: about %.3g steps on this graph, over the limit of %.3g (raise it with "
                 "--max-work, or max_work in pn_metric_options; negative: no limit)",
                 metric, work, limit);
    return PN_ELIMIT;
}
