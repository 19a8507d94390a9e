/* paranet: reachability and shortest paths, with the ties behind each hop.
 *
 * Paths follow the graph's direction: along arcs when the graph is directed
 * (an undirected tie is an arc both ways), along edges otherwise. Lengths
 * are hops; weights are ignored. Where several shortest paths exist, the one
 * chosen is the lexicographically smallest sequence of actor ids (compared
 * with strcmp, from the start), so results do not depend on the order of
 * the file. Each hop resolves to the ties that allow it (pn_path_hop_ties),
 * so a path can cite its sources.
 */
#ifndef PARANET_PATHS_H
#define PARANET_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "paranet/common.h"
#include "paranet/error.h"
#include "paranet/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Everything reachable from one vertex (opaque). */
typedef struct pn_reach pn_reach;

/**
 * Breadth-first search from vertex `source`, up to max_hops hops (0 or
 * negative: no limit). O(V log V + E).
 * @param[out] out owned by the caller (pn_reach_free).
 * @return 0, PN_EINVAL when source is not a vertex, PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_reach_new(pn_reach **out, const pn_graph *g, size_t source, int max_hops,
                           pn_diags *diags);

/** Free a search. NULL is allowed. */
PN_EXTERN void pn_reach_free(pn_reach *r);

/** Hops from the source to v (0 for the source), or -1 when v is not reached. */
PN_EXTERN int pn_reach_distance(const pn_reach *r, size_t v);

/**
 * The reached vertices other than the source, sorted by distance, then by
 * actor id (borrowed, valid until pn_reach_free). @param[out] n their number.
 */
PN_EXTERN const size_t *pn_reach_vertices(const pn_reach *r, size_t *n);

/**
 * The vertex before v on the chosen shortest path from the source (see
 * pn_reach_path), or SIZE_MAX for the source itself and for a vertex not
 * reached. Following it back from v gives the path, one hop at a time: O(1).
 */
PN_EXTERN size_t pn_reach_predecessor(const pn_reach *r, size_t v);

/**
 * The chosen shortest path from the source to v: the lexicographically
 * smallest sequence of actor ids among the shortest paths. Writes
 * pn_reach_distance(r, v) + 1 vertices, source first, into out
 * (caller-allocated). O(length).
 * @return the number of vertices written, 0 when v is not reached.
 */
PN_EXTERN size_t pn_reach_path(const pn_reach *r, size_t v, size_t *out);

/** All shortest paths between two vertices (opaque). */
typedef struct pn_paths pn_paths;

/**
 * Every shortest path from `from` to `to`, in lexicographic order of their
 * actor-id sequences, at most max_paths of them (0: 10000).
 * O(V + E) plus O(d log d) per vertex visited. No path gives an empty list,
 * not an error; from == to gives the one path [from].
 * @param[out] out owned by the caller (pn_paths_free).
 * @return 0, PN_EINVAL when a vertex is out of range, PN_ENOMEM or PN_EIGRAPH.
 */
PN_EXTERN int pn_paths_all(pn_paths **out, const pn_graph *g, size_t from, size_t to,
                           size_t max_paths, pn_diags *diags);

/** Free a path list. NULL is allowed. */
PN_EXTERN void pn_paths_free(pn_paths *p);

/** Number of paths found. */
PN_EXTERN size_t pn_paths_count(const pn_paths *p);

/** True when there were more than max_paths shortest paths (the rest are left out). */
PN_EXTERN bool pn_paths_truncated(const pn_paths *p);

/** The i-th path's vertices, from first (borrowed). @param[out] len their number. */
PN_EXTERN const size_t *pn_paths_get(const pn_paths *p, size_t i, size_t *len);

/**
 * The ties that make the hop u -> v: those merged into the edge joining u
 * and v (in a directed graph, the arc u -> v: directed ties from u to v and
 * undirected ties between them), in dataset order (borrowed).
 * @param[out] n their number; 0 (and NULL returned) when u and v are not adjacent.
 */
PN_EXTERN const size_t *pn_path_hop_ties(const pn_graph *g, size_t u, size_t v, size_t *n);

#ifdef __cplusplus
}
#endif

#endif
