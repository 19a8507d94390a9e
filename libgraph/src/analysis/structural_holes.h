/* Burt's structural holes (structural_holes.c), for pn_metric_vector_opts:
 * the two metrics summed over the contacts an ego and a contact share. */
#ifndef PN_STRUCTURAL_HOLES_H
#define PN_STRUCTURAL_HOLES_H

#include "paranet/error.h"
#include "paranet/graph.h"
#include "paranet/metrics.h"

/* Burt's constraint of every vertex into out (V doubles; NaN for an
 * isolated one), igraph 0.10's igraph_constraint step for step (the same
 * bits). The estimated work is checked against opts->max_work first.
 * Returns 0, PN_ELIMIT, PN_ENOMEM or PN_EIGRAPH. */
int pn__constraint(const pn_graph *g, double *out, const pn_metric_options *opts, pn_diags *diags);

/* Burt's effective size (his general formula on mutual weights,
 * docs/metrics.md) into out, as pn__constraint. */
int pn__effective_size(const pn_graph *g, double *out, const pn_metric_options *opts,
                       pn_diags *diags);

#endif
