/* Group statistics shared with metrics.c (groups.c). */
#ifndef PN_ANALYSIS_GROUPS_H
#define PN_ANALYSIS_GROUPS_H

#include "paranet/metrics.h"

/* The grouping the options name: opts->group_attribute, else country or
 * kind by opts->groups. */
int pn__grouping_for(const pn_graph *g, const pn_metric_options *opts, pn_grouping **out,
                     pn_diags *diags);

/* z-scores of one brokerage role (pn_broker_role, or PN_BROKER_ROLE_COUNT for
 * the total) of every vertex, from pn_brokerage's counts and the expected
 * values for its group (pn_brokerage_expected); NaN where the standard
 * deviation is 0. */
int pn__brokerage_z(const pn_graph *g, const pn_grouping *gr, const double *roles, int role,
                    double *out, pn_diags *diags);

#endif
