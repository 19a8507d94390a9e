/* The path-metrics engine's layout (path_plan.h): the graph as CSR arrays,
 * and the iterative folding of pendant trees (Baglioni, Geraci, Pellegrini,
 * Lastres 2012): a vertex with one neighbour left is removed into that
 * neighbour, repeatedly, so trees hanging off the core (and whole tree
 * components) shrink to their attachment vertex, which then stands for
 * 1 + the tree's vertices. Cost: O(V + E) time and memory. */
#include "analysis/path_plan.h"

#include <stdlib.h>
#include <string.h>

void pn__path_plan_free(pn__path_plan *p)
{
    free(p->off);
    free(p->adj);
    free(p->core_vertex);
    free(p->comp_off);
    free(p->core_off);
    free(p->core_adj);
    free(p->wt);
    free(p->dsum);
    free(p->prof_off);
    free(p->prof);
    free(p->parent);
    free(p->root);
    free(p->depth);
    free(p->sub);
    free(p->sq);
    free(p->tree_off);
    free(p->tree);
    memset(p, 0, sizeof(*p));
}

static void *alloc(size_t count, size_t size, bool *failed)
{
    void *x = malloc((count + 1) * size);
    if (!x)
        *failed = true;
    return x;
}

/* The CSR of the whole graph: arcs in edge order, loops dropped. */
static int build_csr(const igraph_t *g, pn__path_plan *p)
{
    size_t n = p->n, m = (size_t)igraph_ecount(g);
    bool failed = false;
    p->off = calloc(n + 2, sizeof(size_t));
    if (!p->off)
        return PN_ENOMEM;
    /* Pass 0 counts the arcs of v into off[v + 2]; then, after the prefix
     * sums, off[v + 1] is the fill position of v in pass 1, and afterwards
     * the end of v. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t e = 0; e < m; e++) {
            size_t a = (size_t)IGRAPH_FROM(g, (igraph_integer_t)e);
            size_t b = (size_t)IGRAPH_TO(g, (igraph_integer_t)e);
            if (a == b)
                continue;
            if (pass == 0) {
                p->off[a + 2]++;
                p->off[b + 2] += !p->directed;
                continue;
            }
            p->adj[p->off[a + 1]++] = (pn__vid)b;
            if (!p->directed)
                p->adj[p->off[b + 1]++] = (pn__vid)a;
        }
        if (pass == 0) {
            for (size_t v = 0; v < n; v++)
                p->off[v + 2] += p->off[v + 1];
            p->adj = alloc(p->off[n + 1], sizeof(pn__vid), &failed);
            if (failed)
                return PN_ENOMEM;
        }
    }
    return 0;
}

/* The core's numbering, for locality: breadth-first order over the core
 * (arcs between core vertices, in adjacency order), each component from
 * its lowest vertex, so that a vertex's neighbours, and the balls of
 * consecutive sources, lie near each other in the sweep's arrays. Then
 * its CSR, each vertex's arcs in their order in the graph: core_vertex,
 * comp_off, core_off, core_adj, and cidx (vertex -> core index, UINT32_MAX when not
 * core; n entries, the caller's). incore(v): p->parent == NULL or
 * parent[v] == v. */
static int build_core(pn__path_plan *p, pn__vid *cidx)
{
    size_t n = p->n, core = 0;
    bool failed = false;
    for (size_t v = 0; v < n; v++)
        cidx[v] = UINT32_MAX;
    p->core_vertex = alloc(n, sizeof(pn__vid), &failed);
    if (failed)
        return PN_ENOMEM;
    p->comp_off = alloc(n + 1, sizeof(uint32_t), &failed);
    if (failed)
        return PN_ENOMEM;
    /* core_vertex doubles as the queue: the core in breadth-first order. */
    pn__vid *q = p->core_vertex;
    for (size_t r = 0; r < n; r++) {
        if (cidx[r] != UINT32_MAX || (p->parent && p->parent[r] != r))
            continue;
        p->comp_off[p->ncomp++] = (uint32_t)core;
        cidx[r] = (pn__vid)core;
        q[core++] = (pn__vid)r;
        for (size_t head = core - 1; head < core; head++) {
            pn__vid v = q[head];
            for (size_t a = p->off[v]; a < p->off[v + 1]; a++) {
                pn__vid x = p->adj[a];
                if (cidx[x] == UINT32_MAX && (!p->parent || p->parent[x] == x)) {
                    cidx[x] = (pn__vid)core;
                    q[core++] = x;
                }
            }
        }
    }
    p->core = core;
    p->comp_off[p->ncomp] = (uint32_t)core;
    p->core_off = calloc(core + 2, sizeof(uint32_t));
    if (!p->core_off)
        return PN_ENOMEM;
    for (size_t c = 0; c < core; c++) {
        pn__vid v = q[c];
        uint32_t k = 0;
        for (size_t a = p->off[v]; a < p->off[v + 1]; a++)
            k += cidx[p->adj[a]] != UINT32_MAX;
        p->core_off[c + 1] = p->core_off[c] + k;
    }
    p->core_adj = alloc(p->core_off[core], sizeof(pn__vid), &failed);
    if (failed)
        return PN_ENOMEM;
    for (size_t c = 0, k = 0; c < core; c++) {
        pn__vid v = q[c];
        for (size_t a = p->off[v]; a < p->off[v + 1]; a++)
            if (cidx[p->adj[a]] != UINT32_MAX)
                p->core_adj[k++] = cidx[p->adj[a]];
    }
    return 0;
}

/* Everything core, each vertex standing for itself; the whole graph's CSR
 * is not needed after the core's. */
static int plain_core(pn__path_plan *p)
{
    size_t n = p->n;
    bool failed = false;
    pn__vid *cidx = alloc(n, sizeof(pn__vid), &failed);
    int rc = failed ? PN_ENOMEM : build_core(p, cidx);
    free(cidx);
    free(p->off);
    free(p->adj);
    p->off = NULL;
    p->adj = NULL;
    if (rc)
        return rc;
    p->wt = alloc(n, sizeof(uint64_t), &failed);
    p->dsum = alloc(n, sizeof(uint64_t), &failed);
    p->prof_off = alloc(n + 1, sizeof(size_t), &failed);
    p->prof = alloc(n, sizeof(uint64_t), &failed);
    if (failed)
        return PN_ENOMEM;
    for (size_t c = 0; c < n; c++) {
        p->wt[c] = 1;
        p->dsum[c] = 0;
        p->prof_off[c] = c;
        p->prof[c] = 1;
    }
    p->prof_off[n] = n;
    return 0;
}

/* Fold the pendant trees: parent, sub, sq, then depth, root, the core and
 * its CSR, the trees grouped by root and the depth profiles. */
static int fold(pn__path_plan *p)
{
    size_t n = p->n;
    bool failed = false;
    size_t *deg = alloc(n, sizeof(size_t), &failed);
    pn__vid *queue = alloc(n, sizeof(pn__vid), &failed);
    pn__vid *removed = alloc(n, sizeof(pn__vid), &failed); /* in order of removal */
    pn__vid *cidx = alloc(n, sizeof(pn__vid), &failed);
    p->parent = alloc(n, sizeof(pn__vid), &failed);
    p->root = alloc(n, sizeof(pn__vid), &failed);
    p->depth = alloc(n, sizeof(uint32_t), &failed);
    p->sub = alloc(n, sizeof(uint64_t), &failed);
    p->sq = alloc(n, sizeof(uint64_t), &failed);
    int rc = PN_ENOMEM;
    if (failed)
        goto done;
    size_t head = 0, tail = 0, nremoved = 0;
    for (size_t v = 0; v < n; v++) {
        deg[v] = p->off[v + 1] - p->off[v];
        p->parent[v] = (pn__vid)v;
        p->sub[v] = 1;
        p->sq[v] = 0;
        if (deg[v] == 1)
            queue[tail++] = (pn__vid)v;
    }
    /* parent[v] != v marks a removed vertex. A vertex with one arc left
     * has exactly one neighbour left (a multiple edge counts twice, so its
     * ends are never folded through it). */
    while (head < tail) {
        pn__vid v = queue[head++];
        if (deg[v] != 1 || p->parent[v] != v)
            continue;
        pn__vid u = v;
        for (size_t a = p->off[v]; a < p->off[v + 1]; a++) {
            pn__vid x = p->adj[a];
            if (p->parent[x] == x) {
                u = x;
                break;
            }
        }
        p->parent[v] = u;
        removed[nremoved++] = v;
        deg[v] = 0;
        deg[u]--;
        p->sub[u] += p->sub[v];
        p->sq[u] += p->sub[v] * p->sub[v];
        if (deg[u] == 1)
            queue[tail++] = u;
    }
    /* Parents before children: the reverse order of removal. */
    for (size_t v = 0; v < n; v++) {
        p->depth[v] = 0;
        p->root[v] = (pn__vid)v;
    }
    for (size_t i = nremoved; i-- > 0;) {
        pn__vid v = removed[i], u = p->parent[v];
        p->depth[v] = p->depth[u] + 1;
        p->root[v] = p->root[u];
    }
    if (build_core(p, cidx))
        goto done;
    size_t core = p->core;
    p->wt = alloc(core, sizeof(uint64_t), &failed);
    p->dsum = calloc(core + 1, sizeof(uint64_t));
    p->prof_off = calloc(core + 2, sizeof(size_t));
    p->tree_off = calloc(core + 2, sizeof(size_t));
    p->tree = alloc(nremoved, sizeof(pn__vid), &failed);
    if (failed || !p->dsum || !p->prof_off || !p->tree_off)
        goto done;
    for (size_t c = 0; c < core; c++)
        p->wt[c] = p->sub[p->core_vertex[c]];
    /* Trees by root (a counting sort, stable in parents-first order), the
     * largest depth of each (into prof_off, then prefix sums). */
    for (size_t i = 0; i < nremoved; i++) {
        pn__vid v = removed[i];
        size_t c = cidx[p->root[v]];
        p->tree_off[c + 1]++;
        p->dsum[c] += p->depth[v];
        if (p->depth[v] > p->prof_off[c + 1])
            p->prof_off[c + 1] = p->depth[v];
    }
    for (size_t c = 0; c < core; c++) {
        p->tree_off[c + 1] += p->tree_off[c];
        p->prof_off[c + 1] += p->prof_off[c] + 1; /* depths 0 .. largest */
    }
    p->prof = calloc(p->prof_off[core] + 1, sizeof(uint64_t));
    if (!p->prof)
        goto done;
    for (size_t c = 0; c < core; c++)
        p->prof[p->prof_off[c]] = 1; /* the root itself */
    {
        size_t *fill = alloc(core, sizeof(size_t), &failed);
        if (failed)
            goto done;
        memcpy(fill, p->tree_off, core * sizeof(size_t));
        for (size_t i = nremoved; i-- > 0;) {
            pn__vid v = removed[i];
            size_t c = cidx[p->root[v]];
            p->tree[fill[c]++] = v;
            p->prof[p->prof_off[c] + p->depth[v]]++;
        }
        free(fill);
    }
    rc = 0;
done:
    free(deg);
    free(queue);
    free(removed);
    free(cidx);
    return rc;
}

int pn__path_plan_build(const igraph_t *g, bool fold_trees, pn__path_plan *p, const char *name,
                        pn_diags *diags)
{
    memset(p, 0, sizeof(*p));
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    uint64_t arcs = (uint64_t)m * (igraph_is_directed(g) ? 1 : 2);
    if ((uint64_t)n >= UINT32_MAX - 1 || arcs >= (uint64_t)UINT32_MAX) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "too-large",
                     "%s: %lld vertices and %llu arcs are over the engine's 2^32 - 2", name,
                     (long long)n, (unsigned long long)arcs);
        return PN_ELIMIT;
    }
    p->n = (size_t)n;
    p->directed = igraph_is_directed(g);
    p->folded = fold_trees && !p->directed;
    int rc = build_csr(g, p);
    if (!rc)
        rc = p->folded ? fold(p) : plain_core(p);
    if (rc) {
        pn__path_plan_free(p);
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "memory",
                     "%s: out of memory for %lld vertices and %lld edges", name, (long long)n,
                     (long long)m);
    }
    return rc;
}
