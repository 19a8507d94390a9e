/* Path-based centralities, in process or split over forked worker
 * processes (path_sweep.c), for pn_metric_vector_opts. igraph 0.10.2 as
 * Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE is 0), so the work
 * is shared between processes, not threads. */
#ifndef PN_PATH_SWEEP_H
#define PN_PATH_SWEEP_H

#include <igraph.h>

#include "paranet/error.h"

typedef enum pn__path_metric {
    PN__PATH_BETWEENNESS, /* igraph_betweenness, directed = true, unweighted */
    PN__PATH_CLOSENESS,   /* igraph_closeness, normalized, mode */
    PN__PATH_HARMONIC     /* igraph_harmonic_centrality, normalized, mode */
} pn__path_metric;

/* Below this many vertices the forks cost more than they save (measured:
 * docs/performance.md); such graphs are computed in process. */
#define PN__MIN_PARALLEL_VERTICES 2000

/* No more worker processes than this, whatever is asked. */
#define PN__MAX_WORKERS 256

/* Compute one path-based centrality of every vertex into out (vcount
 * doubles).
 *
 * workers <= 1, or a graph under PN__MIN_PARALLEL_VERTICES, runs in process
 * and makes exactly the single igraph call named above (or its _cutoff
 * variant), so the bits are igraph's. Otherwise the sources (betweenness)
 * or vertices (closeness, harmonic) are dealt round-robin to `workers`
 * forked processes (at most vcount / 64 and PN__MAX_WORKERS) that write
 * into one shared anonymous mapping, and the parent sums (betweenness) or
 * gathers; the result equals the single call's up to floating-point
 * summation order (about 1e-12 relative).
 *
 * cutoff > 0: only shortest paths of at most cutoff hops, as igraph's
 * _cutoff functions; 0: all paths. With workers, betweenness with a cutoff
 * is paranet's own Brandes accumulation over the worker's sources (the
 * sweep of pn__path_metrics_fused), as igraph has no betweenness with both
 * sources and a cutoff.
 *
 * mode is ignored for betweenness (which follows arcs when the graph is
 * directed). name names the metric in messages and progress. progress,
 * when not NULL, is called by the calling process with 0 at the start, the
 * workers' mean fraction done as it grows (polled every 10 ms), and 1 at
 * the end. Workers switch igraph's process-wide progress handler off (or
 * to their own slot) in themselves, so no handler of the caller ever runs
 * in a worker.
 * Cost: O(V E / workers) wall time, plus the forks and V * workers doubles.
 * Returns 0, PN_ENOMEM, PN_EIGRAPH, or PN_EINTERNAL when a worker cannot
 * start or fails. */
int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                             int workers, int cutoff, const char *name, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags);

/* The bit of metric m in the `which` set of pn__path_metrics_fused. */
#define PN__PATH_BIT(m) (1u << (unsigned)(m))

/* Number of path metrics (betweenness, closeness, harmonic). */
#define PN__PATH_COUNT 3

/* Compute the path metrics of the bit set `which` (PN__PATH_BIT of each)
 * in ONE sweep: per source s, one breadth-first search along arcs (g
 * directed: outgoing; undirected: all), stopped at cutoff hops when cutoff
 * > 0, gives the distances from s (closeness and harmonic of s) and, when
 * betweenness is asked for, Brandes' dependency accumulation of s. out[m]
 * receives metric m (vcount doubles) when its bit is set; the others may
 * be NULL. The conventions are those of pn__path_metric_parallel's igraph
 * calls (betweenness directed = true and halved on an undirected graph,
 * closeness and harmonic normalized, unweighted, mode OUT or ALL).
 *
 * Arithmetic: the search visits vertices in the order igraph's does (same
 * adjacency lists) and accumulates as igraph 0.10's betweenness, closeness
 * and harmonic code does, so in process (workers <= 1, or under
 * PN__MIN_PARALLEL_VERTICES) every value is the same bits as the single
 * igraph call's (tests/check_metric_vectors.c checks it). With workers the
 * sources are dealt round-robin as above; closeness and harmonic of a
 * vertex are computed whole by one worker (the same bits), betweenness is
 * the sum of the workers' shares: the same non-negative per-source terms
 * added in another order (relative difference at most 2 (V - 1) 2^-53).
 *
 * progress, when not NULL, is called with `name` and 0 at the start, 1 at
 * the end, and in between: in process after every 1% of the sources, with
 * workers their mean fraction done (polled every 10 ms).
 * Cost: O(V E / workers) wall time, V + E memory per process, and with
 * workers V doubles of shared memory per metric and worker.
 * Returns 0, PN_ENOMEM, PN_EIGRAPH or PN_EINTERNAL (a worker failed). */
int pn__path_metrics_fused(const igraph_t *g, unsigned which, int workers, int cutoff,
                           const char *name, double *const out[PN__PATH_COUNT],
                           void (*progress)(void *ctx, const char *what, double fraction),
                           void *progress_ctx, pn_diags *diags);

/* Worker count for the machine: online CPUs, at most 64; 1 when unknown. */
int pn__default_workers(void);

#endif
