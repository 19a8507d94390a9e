/* The layout of paranet's path-metrics engine (path_csr.c builds it,
 * path_engine.c sweeps it): the graph as compressed adjacency arrays (CSR:
 * offsets + targets), built once, and on an undirected view without a
 * cutoff the pendant trees folded away (docs/metrics.md, "The path-metrics
 * engine"). Private to analysis/. */
#ifndef PN_PATH_PLAN_H
#define PN_PATH_PLAN_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paranet/error.h"

typedef uint32_t pn__vid;

/* A vertex is a pn__vid; the core's arc offsets are 32-bit (the build
 * refuses 2^32 - 1 arcs or more), the whole graph's a size_t. */
typedef struct pn__path_plan {
    size_t n;      /* vertices of the graph */
    bool directed; /* arcs follow the graph's direction */
    bool folded;   /* pendant trees are folded (undirected, no cutoff) */
    /* The whole graph: the arcs out of v are adj[off[v] .. off[v + 1]),
     * in edge order; undirected: every edge at both ends. No loops;
     * multiple edges kept (each a separate path, as igraph counts).
     * Folded only: a plain plan frees them once its core is built. */
    size_t *off;
    pn__vid *adj;
    /* The core: what is left after folding (everything when not folded),
     * numbered 0 .. core - 1 in breadth-first order over the core (each
     * component from its lowest vertex), for locality in the sweep; the
     * arcs of each core vertex in their order in the graph. */
    size_t core;
    pn__vid *core_vertex; /* core index -> vertex */
    /* The searches of the numbering: core indices comp_off[k] ..
     * comp_off[k + 1] - 1 were numbered from the k-th root; undirected,
     * they are the k-th connected component of the core. */
    size_t ncomp;
    uint32_t *comp_off;
    uint32_t *core_off; /* CSR of the core, in core indices */
    pn__vid *core_adj;
    uint64_t *wt;     /* core index -> vertices it stands for: 1 + its tree */
    uint64_t *dsum;   /* core index -> sum of its tree vertices' depths */
    size_t *prof_off; /* core index -> its depth profile prof[prof_off[c] ..] */
    uint64_t *prof;   /* prof[prof_off[c] + j]: vertices of c's tree at depth j */
    /* The folded forest (folded only; NULL otherwise). */
    pn__vid *parent;  /* vertex -> parent; a core vertex: itself */
    pn__vid *root;    /* vertex -> its core vertex (a vertex id) */
    uint32_t *depth;  /* vertex -> hops to its root */
    uint64_t *sub;    /* vertex -> vertices of its subtree, itself included */
    uint64_t *sq;     /* vertex -> sum over its tree children c of sub[c]^2 */
    size_t *tree_off; /* core index -> its folded vertices tree[tree_off[c] ..] */
    pn__vid *tree;    /* grouped by root, each parent before its children */
} pn__path_plan;

/* Build the plan of g; fold when `fold` (the caller passes it only for an
 * undirected graph and no cutoff). Returns 0, PN_ENOMEM, or PN_ELIMIT
 * (over 2^32 - 2 vertices or arcs: an undirected edge is two arcs), with
 * a message naming `name` in diags. */
int pn__path_plan_build(const igraph_t *g, bool fold, pn__path_plan *plan, const char *name,
                        pn_diags *diags);

void pn__path_plan_free(pn__path_plan *plan);

#endif
