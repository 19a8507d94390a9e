/* The arcs a graph is built from (graph.c), shared with the view series
 * (view_series.c), which sorts them once for every year of a panel. */
#ifndef PN_ANALYSIS_GRAPH_ARCS_H
#define PN_ANALYSIS_GRAPH_ARCS_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/graph.h"

/* An arc of one tie between actors a and b (actor indices of the dataset). */
typedef struct pn__arc {
    size_t a, b;
    size_t tie;
} pn__arc;

/* The arcs of the ties tie_mask keeps (NULL: all) whose ends actor_mask
 * keeps (NULL: all), self-ties left out: undirected, a tie from a to b with
 * a < b; directed, a tie's arc from -> to, and to -> from too when the tie
 * is not directed. Sorted by (a, b, tie). *out is malloc'ed (free() it,
 * even on failure). O(T log T). @return 0 or PN_ENOMEM. */
int pn__graph_arcs(const pn_dataset *ds, bool directed, const bool *tie_mask,
                   const bool *actor_mask, pn__arc **out, size_t *n);

/* The graph of opts from arcs sorted as pn__graph_arcs sorts them: the
 * vertices opts->actor_mask keeps, and the arcs whose tie opts->tie_mask
 * keeps and whose ends are vertices (opts->directed must be the arcs'). The
 * same graph as pn_graph_new(ds, opts), vertex for vertex and edge for
 * edge. O(A + n) plus igraph_create. @return 0, PN_ENOMEM or PN_EIGRAPH. */
int pn__graph_from_arcs(pn_graph **out, const pn_dataset *ds, const pn_graph_options *opts,
                        const pn__arc *arcs, size_t n);

#endif
