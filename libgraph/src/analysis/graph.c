#include "paranet/graph.h"

#include <stdlib.h>
#include <string.h>

#include "paranet/error.h"
#include "analysis/graph_arcs.h"
#include "core/util.h"

struct pn_graph {
    const pn_dataset *ds;
    igraph_t graph;
    bool has_graph;
    igraph_vector_t weights;
    bool has_weights;
    bool directed;
    size_t *vertex_actor; /* v -> actor */
    size_t *actor_vertex; /* actor -> v, or SIZE_MAX */
    size_t n_vertices;
    size_t n_edges;
    size_t *edge_start; /* edge e's ties are edge_ties[edge_start[e] .. edge_start[e+1]) */
    size_t *edge_ties;
};

static int arc_cmp(const void *x, const void *y)
{
    const pn__arc *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->tie < q->tie ? -1 : p->tie > q->tie;
}

int pn__graph_arcs(const pn_dataset *ds, bool directed, const bool *tie_mask,
                   const bool *actor_mask, pn__arc **out, size_t *n)
{
    size_t nt = pn_dataset_tie_count(ds), n_arcs = 0;
    pn__arc *arcs = malloc((2 * nt + 1) * sizeof(pn__arc));
    *out = arcs;
    *n = 0;
    if (!arcs)
        return PN_ENOMEM;
    for (size_t i = 0; i < nt; i++) {
        const pn_tie *t = pn_dataset_tie(ds, i);
        if (tie_mask && !tie_mask[i])
            continue;
        size_t a = t->from, b = t->to;
        if ((actor_mask && (!actor_mask[a] || !actor_mask[b])) || a == b)
            continue;
        if (!directed && a > b) {
            size_t x = a;
            a = b;
            b = x;
        }
        arcs[n_arcs++] = (pn__arc){a, b, i};
        if (directed && !t->directed)
            arcs[n_arcs++] = (pn__arc){b, a, i};
    }
    /* Vertices number actors in dataset order, so arcs sorted by actor are
     * sorted by vertex in any graph that keeps their ends. */
    qsort(arcs, n_arcs, sizeof(pn__arc), arc_cmp);
    *n = n_arcs;
    return 0;
}

/* Is arc k kept by the masks (its tie, both ends)? */
static bool arc_kept(const pn_graph *g, const pn_graph_options *opts, const pn__arc *arc)
{
    return (!opts->tie_mask || opts->tie_mask[arc->tie]) && g->actor_vertex[arc->a] != SIZE_MAX &&
           g->actor_vertex[arc->b] != SIZE_MAX;
}

int pn__graph_from_arcs(pn_graph **out, const pn_dataset *ds, const pn_graph_options *opts,
                        const pn__arc *arcs, size_t n_all)
{
    pn__igraph_init();
    size_t na = pn_dataset_actor_count(ds);
    int rc = PN_ENOMEM;
    igraph_vector_int_t edges;
    bool has_edges = false;
    pn_graph *g = calloc(1, sizeof(*g));
    *out = NULL;
    if (!g)
        return PN_ENOMEM;
    g->ds = ds;
    g->directed = opts->directed;
    g->vertex_actor = malloc((na + 1) * sizeof(size_t));
    g->actor_vertex = malloc((na + 1) * sizeof(size_t));
    if (!g->vertex_actor || !g->actor_vertex)
        goto cleanup;
    for (size_t i = 0; i < na; i++) {
        g->actor_vertex[i] = SIZE_MAX;
        if (!opts->actor_mask || opts->actor_mask[i]) {
            g->actor_vertex[i] = g->n_vertices;
            g->vertex_actor[g->n_vertices++] = i;
        }
    }
    /* The kept arcs, in their (sorted) order; an edge per run of one pair. */
    size_t n_arcs = 0, n_edges = 0;
    const pn__arc *last = NULL;
    for (size_t i = 0; i < n_all; i++) {
        if (!arc_kept(g, opts, &arcs[i]))
            continue;
        n_arcs++;
        if (!last || arcs[i].a != last->a || arcs[i].b != last->b)
            n_edges++;
        last = &arcs[i];
    }
    g->edge_start = malloc((n_edges + 1) * sizeof(size_t));
    g->edge_ties = malloc((n_arcs + 1) * sizeof(size_t));
    if (!g->edge_start || !g->edge_ties)
        goto cleanup;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * n_edges)) != IGRAPH_SUCCESS)
        goto cleanup;
    has_edges = true;
    if (igraph_vector_init(&g->weights, (igraph_integer_t)n_edges) != IGRAPH_SUCCESS)
        goto cleanup;
    g->has_weights = true;
    size_t e = 0, k = 0;
    last = NULL;
    for (size_t i = 0; i < n_all; i++) {
        const pn__arc *arc = &arcs[i];
        if (!arc_kept(g, opts, arc))
            continue;
        if (!last || arc->a != last->a || arc->b != last->b) {
            g->edge_start[e] = k;
            VECTOR(edges)[2 * e] = (igraph_integer_t)g->actor_vertex[arc->a];
            VECTOR(edges)[2 * e + 1] = (igraph_integer_t)g->actor_vertex[arc->b];
            VECTOR(g->weights)[e] = 0;
            e++;
        }
        last = arc;
        const pn_tie *t = pn_dataset_tie(ds, arc->tie);
        g->edge_ties[k++] = arc->tie;
        VECTOR(g->weights)
        [e - 1] += opts->weight == PN_WEIGHT_SUM && t->has_weight ? t->weight : 1.0;
    }
    g->edge_start[n_edges] = n_arcs;
    g->n_edges = n_edges;
    if (igraph_create(&g->graph, &edges, (igraph_integer_t)g->n_vertices, g->directed) !=
        IGRAPH_SUCCESS) {
        rc = PN_EIGRAPH;
        goto cleanup;
    }
    g->has_graph = true;
    if (opts->weight == PN_WEIGHT_NONE) {
        igraph_vector_destroy(&g->weights);
        g->has_weights = false;
    }
    rc = 0;
cleanup:
    if (has_edges)
        igraph_vector_int_destroy(&edges);
    if (rc) {
        pn_graph_free(g);
        g = NULL;
    }
    *out = g;
    return rc;
}

int pn_graph_new(pn_graph **out, const pn_dataset *ds, const pn_graph_options *opts)
{
    pn_graph_options defaults = PN_GRAPH_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    pn__arc *arcs = NULL;
    size_t n = 0;
    *out = NULL;
    int rc = pn__graph_arcs(ds, opts->directed, opts->tie_mask, opts->actor_mask, &arcs, &n);
    if (rc == 0)
        rc = pn__graph_from_arcs(out, ds, opts, arcs, n);
    free(arcs);
    return rc;
}

void pn_graph_free(pn_graph *g)
{
    if (!g)
        return;
    if (g->has_graph)
        igraph_destroy(&g->graph);
    if (g->has_weights)
        igraph_vector_destroy(&g->weights);
    free(g->vertex_actor);
    free(g->actor_vertex);
    free(g->edge_start);
    free(g->edge_ties);
    free(g);
}

const igraph_t *pn_graph_igraph(const pn_graph *g)
{
    return &g->graph;
}

const igraph_vector_t *pn_graph_weights(const pn_graph *g)
{
    return g->has_weights ? &g->weights : NULL;
}

const pn_dataset *pn_graph_dataset(const pn_graph *g)
{
    return g->ds;
}

bool pn_graph_directed(const pn_graph *g)
{
    return g->directed;
}

size_t pn_graph_vertex_count(const pn_graph *g)
{
    return g->n_vertices;
}

size_t pn_graph_edge_count(const pn_graph *g)
{
    return g->n_edges;
}

size_t pn_graph_vertex_actor(const pn_graph *g, size_t v)
{
    return g->vertex_actor[v];
}

int pn_graph_actor_vertex(const pn_graph *g, size_t actor, size_t *v)
{
    if (actor >= pn_dataset_actor_count(g->ds) || g->actor_vertex[actor] == SIZE_MAX)
        return PN_ENOTFOUND;
    if (v)
        *v = g->actor_vertex[actor];
    return 0;
}

const size_t *pn_graph_edge_ties(const pn_graph *g, size_t e, size_t *n)
{
    *n = g->edge_start[e + 1] - g->edge_start[e];
    return g->edge_ties + g->edge_start[e];
}
