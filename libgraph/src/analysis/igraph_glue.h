/* The igraph glue the analysis files share (igraph_glue.c): igraph failures
 * as messages, the undirected copy of a graph, seeded communities. */
#ifndef PN_IGRAPH_GLUE_H
#define PN_IGRAPH_GLUE_H

#include <igraph.h>

#include "paranet/error.h"
#include "paranet/graph.h"

/* Report a failed igraph call into diags. Returns PN_ENOMEM or PN_EIGRAPH. */
int pn__igraph_fail(pn_diags *diags, const char *what, igraph_error_t err);

/* The graph with each pair joined once (weights of both arcs summed; 1 per
 * arc when unweighted). *out and *weights are initialised on success only. */
int pn__undirected(const pn_graph *g, igraph_t *out, igraph_vector_t *weights, pn_diags *diags);

/* Multilevel (Louvain) communities on the undirected graph, seed 42.
 * membership has V entries (initialised by the caller). */
int pn__community(const pn_graph *g, igraph_vector_int_t *membership, double *modularity,
                  pn_diags *diags);

#endif
