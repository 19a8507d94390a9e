/* Path-based centralities split over forked worker processes (parallel.c).
 * igraph 0.10.2 as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE
 * is 0), so the work is shared between processes, not threads. */
#ifndef PN_PARALLEL_H
#define PN_PARALLEL_H

#include <igraph.h>

#include "paranet/error.h"

typedef enum pn__path_metric {
    PN__PATH_BETWEENNESS, /* igraph_betweenness, directed = true, unweighted */
    PN__PATH_CLOSENESS,   /* igraph_closeness, normalized, mode */
    PN__PATH_HARMONIC     /* igraph_harmonic_centrality, normalized, mode */
} pn__path_metric;

/* Compute one path-based centrality of every vertex into out (vcount
 * doubles), exactly as the single igraph call named above would, with the
 * sources (betweenness) or vertices (closeness, harmonic) dealt round-robin
 * to `workers` forked processes that write into one shared anonymous
 * mapping; the parent sums (betweenness) or gathers. workers <= 1, or a
 * graph too small to pay for the forks, runs in process. The result equals
 * the single call's up to floating-point summation order (about 1e-12
 * relative). mode is ignored for betweenness. progress, when not NULL, is
 * called by the parent with the fraction of workers done.
 * Cost: O(V E / workers) wall time, plus one fork and V * workers doubles.
 * Returns 0, PN_ENOMEM, PN_EIGRAPH, or PN_EINTERNAL when a worker fails. */
int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                             int workers, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags);

/* Worker count for the machine: online CPUs, at most 64; 1 when unknown. */
int pn__default_workers(void);

#endif
