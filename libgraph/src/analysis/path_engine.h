/* The sweep of paranet's path-metrics engine over a pn__path_plan
 * (path_engine.c): one breadth-first search per core source gives its
 * closeness and harmonic centrality, its weighted Brandes dependencies,
 * and the values of the vertices folded into it. Betweenness is summed in
 * exact 128-bit fixed point, so shares of sources can be added in any
 * order and give the same bits (docs/metrics.md, "Same bits for any number
 * of workers"). Private to analysis/. */
#ifndef PN_PATH_ENGINE_H
#define PN_PATH_ENGINE_H

#include "analysis/path_plan.h"

/* A betweenness sum in fixed point: units of 2^-64 (64 integer bits). */
__extension__ typedef unsigned __int128 pn__fixed;

/* Where a share of the sweep writes: bet (n sums, ADDED into: ordered
 * pairs, not yet halved), clo and har (n doubles, written for the vertices
 * of the share only); each may be NULL when not wanted. */
typedef struct pn__path_sink {
    pn__fixed *bet;
    double *clo, *har;
    /* Progress: *done (a worker's shared slot) gets the fraction of the
     * share's sources done; or, when done is NULL and progress is not,
     * progress is called every 1% of the sources, below 1; or, when
     * igraph_steps, igraph's process-wide handler is (igraph_progress,
     * percent), as igraph's own single calls report. */
    volatile double *done;
    void (*progress)(void *ctx, const char *what, double fraction);
    void *progress_ctx;
    const char *name;
    bool igraph_steps;
} pn__path_sink;

/* Sweep the core sources first, first + step, ... of plan p, stopping the
 * searches at cutoff hops when cutoff > 0 (the plan is then not folded),
 * into sink. Returns 0 or PN_ENOMEM. Cost: O(core (core + core edges) /
 * step) plus, per folded vertex, O(its root's eccentricity + its tree). */
int pn__path_sweep_share(const pn__path_plan *p, int cutoff, size_t first, size_t step,
                         const pn__path_sink *sink);

/* The betweenness of each vertex from the summed fixed-point values:
 * rounded once to the nearest double, halved when undirected. */
void pn__path_fixed_finish(const pn__path_plan *p, const pn__fixed *sum, double *bet);

#endif
