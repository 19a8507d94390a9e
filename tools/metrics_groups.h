/* paranet metrics --network: the figures of groups (docs/metrics.md,
 * "Groups"), added to the network table by cmd_metrics.c. */
#ifndef PN_METRICS_GROUPS_H
#define PN_METRICS_GROUPS_H

#include "pipeline.h"

/* Most --assort options. */
#define METRICS_MAX_ASSORT 16

/* A usage error (exit 2) when no actor of the view has the field that
 * --groups (group, may be NULL) or an --assort names. */
int metrics_check_fields(cli_job *job, const char *group, const char *const *assort, size_t n);

/* One "assortativity-ATTR" row of t per attribute: ATTR, or ATTR:nominal,
 * ATTR:numeric (docs/metrics.md), named "assortativity-" and the argument. */
int metrics_assort_rows(cli_job *job, report_table *t, const char *const *assort, size_t n);

/* With --groups ATTR: the E-I rows of t (edges-within-groups,
 * edges-between-groups, ei, ei-expected), then the tables "groups" (E-I per
 * group) and "brokerage" (the roles' counts, expected values, standard
 * deviations and z-scores). */
int metrics_group_tables(cli_job *job, report_table *t, const pn_metric_options *mo);

#endif
