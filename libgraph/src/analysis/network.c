/* Network-level metrics (docs/metrics.md, "Network"). */
#include <math.h>
#include <stdlib.h>

#include "analysis/igraph_glue.h"
#include "paranet/metrics.h"
#include "core/util.h"

static int assortativity(const pn_graph *g, const char *attribute, double *out, pn_diags *diags)
{
    return pn_assortativity_by(g, attribute, PN_ASSORT_NOMINAL, out, NULL, diags);
}

/* Freeman's (1979) centralization of degree and betweenness, normalised by
 * igraph's theoretical maxima: (V - 1)(V - 2) for degree (twice when
 * directed, in + out), (V - 1)^2 (V - 2) / 2 for betweenness (not halved
 * when directed). NaN under 3 vertices, where the maximum is 0. */
static int centralization(const pn_graph *g, double *degree, double *betweenness, pn_diags *diags)
{
    const igraph_t *ig = pn_graph_igraph(g);
    igraph_real_t tmax = 0;
    igraph_error_t err;
    *degree = *betweenness = NAN;
    if (pn_graph_vertex_count(g) < 3)
        return 0;
    if ((err = igraph_centralization_degree(ig, NULL, IGRAPH_ALL, IGRAPH_NO_LOOPS, degree, &tmax,
                                            true)))
        return pn__igraph_fail(diags, "degree centralization", err);
    if ((err = igraph_centralization_betweenness(ig, NULL, pn_graph_directed(g), betweenness, &tmax,
                                                 true)))
        return pn__igraph_fail(diags, "betweenness centralization", err);
    return 0;
}

/* Diameter and mean shortest path over connected ordered pairs, in hops,
 * from one breadth-first search per vertex: the same numbers as igraph's
 * igraph_diameter and igraph_average_path_length with unconn = true, in one
 * pass instead of two. O(V (V + E)). */
static int path_lengths(const pn_graph *g, double *diameter, double *mean, pn_diags *diags)
{
    size_t n = pn_graph_vertex_count(g);
    igraph_adjlist_t adj;
    igraph_error_t err = igraph_adjlist_init(pn_graph_igraph(g), &adj,
                                             pn_graph_directed(g) ? IGRAPH_OUT : IGRAPH_ALL,
                                             IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE);
    if (err)
        return pn__igraph_fail(diags, "path lengths", err);
    size_t *dist = malloc((n + 1) * sizeof(size_t)), *queue = malloc((n + 1) * sizeof(size_t));
    if (!dist || !queue) {
        free(dist);
        free(queue);
        igraph_adjlist_destroy(&adj);
        return PN_ENOMEM;
    }
    double sum = 0, pairs = 0;
    size_t longest = 0;
    for (size_t s = 0; s < n; s++) {
        for (size_t v = 0; v < n; v++)
            dist[v] = SIZE_MAX;
        size_t head = 0, tail = 0;
        dist[s] = 0;
        queue[tail++] = s;
        while (head < tail) {
            size_t u = queue[head++];
            igraph_vector_int_t *nb = igraph_adjlist_get(&adj, u);
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++) {
                size_t w = (size_t)VECTOR(*nb)[k];
                if (dist[w] == SIZE_MAX) {
                    dist[w] = dist[u] + 1;
                    queue[tail++] = w;
                    sum += (double)dist[w];
                    pairs += 1;
                    if (dist[w] > longest)
                        longest = dist[w];
                }
            }
        }
    }
    free(dist);
    free(queue);
    igraph_adjlist_destroy(&adj);
    *diameter = pairs > 0 ? (double)longest : NAN;
    *mean = pairs > 0 ? sum / pairs : NAN;
    return 0;
}

/* The ties at each vertex (the "ties" metric) into *at (V doubles, free(),
 * when at is not NULL) and the graph's ties: each has two ends. */
static int tie_counts(const pn_graph *g, double **at, size_t *total, pn_diags *diags)
{
    size_t n = pn_graph_vertex_count(g);
    double *count = malloc((n + 1) * sizeof(double));
    if (!count)
        return PN_ENOMEM;
    int rc = pn_metric_vector(g, "ties", count, diags);
    double ends = 0;
    for (size_t v = 0; !rc && v < n; v++)
        ends += count[v];
    *total = (size_t)(ends / 2);
    if (at && !rc)
        *at = count;
    else
        free(count);
    return rc;
}

/* The number of distinct neighbours of v, in either direction. */
static int partners(const pn_graph *g, size_t v, size_t *out, pn_diags *diags)
{
    igraph_vector_int_t nb;
    igraph_error_t err = igraph_vector_int_init(&nb, 0);
    if (!err)
        err = igraph_neighbors(pn_graph_igraph(g), &nb, (igraph_integer_t)v, IGRAPH_ALL);
    if (err) {
        igraph_vector_int_destroy(&nb);
        return pn__igraph_fail(diags, "ego dominance", err);
    }
    /* Sorted: the two arcs of a pair in a directed graph are adjacent. */
    *out = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&nb); i++)
        if (i == 0 || VECTOR(nb)[i] != VECTOR(nb)[i - 1])
            (*out)++;
    igraph_vector_int_destroy(&nb);
    return 0;
}

int pn_ego_dominance_compute(const pn_graph *g, pn_ego_dominance *out, pn_diags *diags)
{
    pn__igraph_init();
    pn_ego_dominance r = {0, SIZE_MAX, 0, 0, false};
    double *at = NULL;
    int rc = tie_counts(g, &at, &r.ties, diags);
    if (rc)
        return rc;
    for (size_t v = 0; v < pn_graph_vertex_count(g); v++)
        if (at[v] > 0 && (r.vertex == SIZE_MAX || at[v] > at[r.vertex]))
            r.vertex = v;
    if (r.vertex != SIZE_MAX) {
        r.touching = (size_t)at[r.vertex];
        rc = partners(g, r.vertex, &r.partners, diags);
    }
    free(at);
    if (rc)
        return rc;
    /* Over 80%, in integers: 5 touching > 4 ties. */
    r.dominant = r.partners >= 2 && 5 * r.touching > 4 * r.ties;
    *out = r;
    return 0;
}

int pn_network_metrics_compute(const pn_graph *g, pn_network_metrics *out, pn_diags *diags)
{
    pn__igraph_init();
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g), m = pn_graph_edge_count(g);
    pn_network_metrics r = {0};
    igraph_error_t err;
    int rc = 0;
    r.actors = n;
    r.edges = m;
    r.density = r.diameter = r.mean_path = r.transitivity = NAN;
    r.assortativity_kind = r.assortativity_country = r.modularity = NAN;
    r.degree_centralization = r.betweenness_centralization = NAN;
    if ((rc = tie_counts(g, NULL, &r.ties, diags)))
        return rc;
    if (n == 0) {
        *out = r;
        return 0;
    }
    igraph_integer_t nc = 0;
    if ((err = igraph_connected_components(ig, NULL, NULL, &nc, IGRAPH_WEAK)))
        return pn__igraph_fail(diags, "components", err);
    r.components = (size_t)nc;
    if (n >= 2 && (err = igraph_density(ig, &r.density, false)))
        return pn__igraph_fail(diags, "density", err);
    if (m > 0) {
        if ((rc = path_lengths(g, &r.diameter, &r.mean_path, diags)))
            return rc;
        if ((err = igraph_transitivity_undirected(ig, &r.transitivity, IGRAPH_TRANSITIVITY_NAN)))
            return pn__igraph_fail(diags, "transitivity", err);
    }
    if ((rc = assortativity(g, "kind", &r.assortativity_kind, diags)))
        return rc;
    if ((rc = assortativity(g, "country", &r.assortativity_country, diags)))
        return rc;
    if ((rc = centralization(g, &r.degree_centralization, &r.betweenness_centralization, diags)))
        return rc;
    igraph_vector_int_t memb;
    if ((err = igraph_vector_int_init(&memb, (igraph_integer_t)n)))
        return pn__igraph_fail(diags, "community", err);
    rc = pn__community(g, &memb, &r.modularity, diags);
    if (!rc) {
        igraph_integer_t mx = -1;
        for (size_t v = 0; v < n; v++)
            if (VECTOR(memb)[v] > mx)
                mx = VECTOR(memb)[v];
        r.communities = (size_t)(mx + 1);
        if (m == 0)
            r.modularity = NAN;
    }
    igraph_vector_int_destroy(&memb);
    if (rc)
        return rc;
    *out = r;
    return 0;
}
