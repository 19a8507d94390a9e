/* Path-based centralities, in process or split over forked worker
 * processes (path_sweep.c), on paranet's path-metrics engine (path_csr.c,
 * path_engine.c), for pn_metric_vector_opts and pn_metric_vectors. The
 * work is shared between processes, not threads (the library has no
 * threads; igraph 0.10.2 as Debian builds it is not thread-safe). */
#ifndef PN_PATH_SWEEP_H
#define PN_PATH_SWEEP_H

#include <igraph.h>

#include "paranet/error.h"

typedef enum pn__path_metric {
    PN__PATH_BETWEENNESS, /* as igraph_betweenness, directed = true, unweighted */
    PN__PATH_CLOSENESS,   /* as igraph_closeness, normalized, mode OUT or ALL */
    PN__PATH_HARMONIC     /* as igraph_harmonic_centrality, normalized, mode OUT or ALL */
} pn__path_metric;

/* Below this many vertices the forks cost more than they save (measured:
 * docs/performance.md); such graphs are computed in process. */
#define PN__MIN_PARALLEL_VERTICES 2000

/* No more worker processes than this, whatever is asked. */
#define PN__MAX_WORKERS 256

/* The bit of metric m in the `which` set of pn__path_metrics_fused. */
#define PN__PATH_BIT(m) (1u << (unsigned)(m))

/* Number of path metrics (betweenness, closeness, harmonic). */
#define PN__PATH_COUNT 3

/* Compute the path metrics of the bit set `which` (PN__PATH_BIT of each)
 * in ONE sweep over the CSR layout of g: per core source, one
 * breadth-first search along arcs (g directed: outgoing; undirected: all),
 * stopped at cutoff hops when cutoff > 0. out[m] receives metric m
 * (vcount doubles) when its bit is set; the others may be NULL. The
 * conventions are igraph's (betweenness directed = true and halved on an
 * undirected graph, closeness and harmonic normalized, unweighted, mode
 * OUT or ALL; closeness NaN for a vertex that reaches nobody). On an
 * undirected graph without a cutoff the pendant trees are folded first
 * (docs/metrics.md).
 *
 * workers <= 1, or a graph under PN__MIN_PARALLEL_VERTICES, runs in
 * process; otherwise the core sources are dealt round-robin to `workers`
 * forked processes (at most vcount / 64 and PN__MAX_WORKERS) that write
 * into one shared anonymous mapping. Either way every value is the same
 * bits: betweenness is summed in exact 128-bit fixed point and rounded
 * once; closeness and harmonic of a vertex are computed whole by one
 * process. docs/metrics.md bounds the difference from exact arithmetic.
 *
 * progress, when not NULL, is called with `name` and 0 at the start, 1 at
 * the end, and in between: in process after every 1% of the sources, with
 * workers their mean fraction done (polled every 10 ms). Workers switch
 * igraph's process-wide progress handler off in themselves.
 * Cost: O(C (C + E_C) / workers) wall time for the core of C vertices and
 * E_C edges left after folding, O(V + E) memory per process, and with
 * workers 32 V bytes of shared memory per worker.
 * Returns 0, PN_ENOMEM, PN_ELIMIT (over 2^32 - 2 vertices or arcs) or
 * PN_EINTERNAL (a worker failed). */
int pn__path_metrics_fused(const igraph_t *g, unsigned which, int workers, int cutoff,
                           const char *name, double *const out[PN__PATH_COUNT],
                           void (*progress)(void *ctx, const char *what, double fraction),
                           void *progress_ctx, pn_diags *diags);

/* One path metric into out (vcount doubles): pn__path_metrics_fused with
 * its bit alone, so the same bits as there. Progress in process: 0 and 1
 * only; the steps between go to igraph's progress handler
 * (igraph_progress), as igraph's own single calls report them. */
int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, int workers, int cutoff,
                             const char *name, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags);

/* Worker count for the machine: online CPUs, at most 64; 1 when unknown. */
int pn__default_workers(void);

#endif
