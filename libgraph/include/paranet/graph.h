/* paranet: the igraph graph of a dataset.
 *
 * Vertices are actors (all of them, or those an actor mask keeps, in the
 * dataset's order); parallel ties between one pair are merged into one edge
 * that keeps the list of its ties, so metrics see a simple graph while paths
 * can still cite every tie. The dataset must outlive the graph.
 */
#ifndef PARANET_GRAPH_H
#define PARANET_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include <igraph.h>

#include "paranet/common.h"
#include "paranet/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pn_graph pn_graph;

/** How parallel ties between one pair become an edge weight. */
typedef enum pn_weight_mode {
    PN_WEIGHT_NONE,  /**< unweighted */
    PN_WEIGHT_COUNT, /**< the number of ties merged into the edge */
    PN_WEIGHT_SUM    /**< the sum of their weights (a tie without one counts 1) */
} pn_weight_mode;

/** Options for pn_graph_new. Initialise with PN_GRAPH_OPTIONS_INIT. */
typedef struct pn_graph_options {
    bool directed; /**< directed ties one way, undirected ties both ways */
    pn_weight_mode weight;
    const bool *tie_mask;   /**< ties to keep (tie_count entries), or NULL for all */
    const bool *actor_mask; /**< actors to keep (actor_count entries), or NULL for all */
} pn_graph_options;

#define PN_GRAPH_OPTIONS_INIT                                                                      \
    {                                                                                              \
        false, PN_WEIGHT_NONE, NULL, NULL                                                          \
    }

/**
 * Build the graph of a dataset. A tie is kept when the mask keeps it and
 * both its ends. O(V + T log T) for T ties.
 * @param[out] out owned by the caller. @param opts NULL for defaults.
 * @return 0, PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_graph_new(pn_graph **out, const pn_dataset *ds, const pn_graph_options *opts);

/** Free a graph. NULL is allowed. */
PN_EXTERN void pn_graph_free(pn_graph *g);

/** The igraph graph (borrowed): vertex v is actor pn_graph_vertex_actor(g, v). */
PN_EXTERN const igraph_t *pn_graph_igraph(const pn_graph *g);

/** Edge weights by the chosen mode (borrowed), or NULL for PN_WEIGHT_NONE. */
PN_EXTERN const igraph_vector_t *pn_graph_weights(const pn_graph *g);

PN_EXTERN const pn_dataset *pn_graph_dataset(const pn_graph *g);
PN_EXTERN bool pn_graph_directed(const pn_graph *g);
PN_EXTERN size_t pn_graph_vertex_count(const pn_graph *g);
PN_EXTERN size_t pn_graph_edge_count(const pn_graph *g);

/** The actor index of vertex v. */
PN_EXTERN size_t pn_graph_vertex_actor(const pn_graph *g, size_t v);

/** The vertex of an actor. @return 0, or PN_ENOTFOUND when the actor is not in the graph. */
PN_EXTERN int pn_graph_actor_vertex(const pn_graph *g, size_t actor, size_t *v);

/**
 * The ties merged into edge e, in dataset order (borrowed).
 * @param[out] n their number (>= 1).
 */
PN_EXTERN const size_t *pn_graph_edge_ties(const pn_graph *g, size_t e, size_t *n);

/**
 * The network exactly as the metrics see it, as a new dataset (`paranet
 * convert --analysed`, docs/reproduce.md): the graph's actors in vertex order
 * with their fields, every source of the dataset, and one tie per edge (per
 * arc when the graph is directed): its ends, `directed` as the graph is, the
 * type most of its ties have (the first in file order on equal counts), the
 * weight when the graph is weighted, the sources its ties cite, and the
 * unknown fields `ties` (how many ties were merged into it) and `tie_types` (its
 * ties' types, "g2g|vertical", most frequent first). Parallel ties, self-ties
 * and the view's choices are gone: its metrics, in paranet or another tool,
 * are those of g. O(V + T) for T ties.
 * @param[out] out owned by the caller. @return 0, PN_EINVAL or PN_ENOMEM.
 */
PN_EXTERN int pn_graph_as_dataset(pn_dataset **out, const pn_graph *g);

#ifdef __cplusplus
}
#endif

#endif
