/* The igraph calls that several analysis files share, with paranet's
 * conventions: a failure becomes a message in diags, the undirected copy of a
 * view's graph, and multilevel communities seeded for reproducible output. */
#include "analysis/igraph_glue.h"

#include <math.h>

#include "core/util.h"

int pn__igraph_fail(pn_diags *diags, const char *what, igraph_error_t err)
{
    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "igraph", "%s: igraph failed: %s",
                 what, igraph_strerror(err));
    return err == IGRAPH_ENOMEM ? PN_ENOMEM : PN_EIGRAPH;
}

int pn__undirected(const pn_graph *g, igraph_t *out, igraph_vector_t *weights, pn_diags *diags)
{
    /* The graph with each pair joined once; weights of a -> b and b -> a summed. */
    const igraph_t *ig = pn_graph_igraph(g);
    const igraph_vector_t *w = pn_graph_weights(g);
    size_t n = pn_graph_vertex_count(g), m = pn_graph_edge_count(g);
    igraph_vector_int_t edges;
    igraph_error_t err;
    if ((err = igraph_vector_int_init(&edges, 0)))
        return pn__igraph_fail(diags, "undirected copy", err);
    if ((err = igraph_vector_init(weights, 0))) {
        igraph_vector_int_destroy(&edges);
        return pn__igraph_fail(diags, "undirected copy", err);
    }
    for (size_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(ig, e), b = IGRAPH_TO(ig, e);
        double sum = w ? VECTOR(*w)[e] : 1.0;
        if (pn_graph_directed(g)) {
            igraph_integer_t rev = -1;
            igraph_get_eid(ig, &rev, b, a, true, false);
            if (rev >= 0) {
                if (a > b)
                    continue; /* merged into the reverse arc's pair */
                sum += w ? VECTOR(*w)[rev] : 1.0;
            }
        }
        if ((err = igraph_vector_int_push_back(&edges, a < b ? a : b)) ||
            (err = igraph_vector_int_push_back(&edges, a < b ? b : a)) ||
            (err = igraph_vector_push_back(weights, sum)))
            goto fail;
    }
    if ((err = igraph_create(out, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED)))
        goto fail;
    igraph_vector_int_destroy(&edges);
    return 0;
fail:
    igraph_vector_int_destroy(&edges);
    igraph_vector_destroy(weights);
    return pn__igraph_fail(diags, "undirected copy", err);
}

int pn__community(const pn_graph *g, igraph_vector_int_t *membership, double *modularity,
                  pn_diags *diags)
{
    igraph_t u;
    igraph_vector_t w;
    igraph_error_t err;
    int rc = pn__undirected(g, &u, &w, diags);
    if (rc)
        return rc;
    const igraph_vector_t *weights = pn_graph_weights(g) || pn_graph_directed(g) ? &w : NULL;
    igraph_real_t q = NAN;
    igraph_rng_seed(igraph_rng_default(), 42);
    if (igraph_ecount(&u) == 0) {
        /* multilevel puts every vertex in its own community; so do we. */
        for (igraph_integer_t v = 0; v < igraph_vcount(&u); v++)
            VECTOR(*membership)[v] = v;
    } else {
        igraph_vector_t mod;
        if ((err = igraph_vector_init(&mod, 0))) {
            rc = pn__igraph_fail(diags, "community", err);
            goto cleanup;
        }
        err = igraph_community_multilevel(&u, weights, 1.0, membership, NULL, &mod);
        if (err == IGRAPH_SUCCESS && igraph_vector_size(&mod) > 0)
            q = VECTOR(mod)[igraph_vector_size(&mod) - 1];
        igraph_vector_destroy(&mod);
        if (err) {
            rc = pn__igraph_fail(diags, "community", err);
            goto cleanup;
        }
    }
    if (modularity)
        *modularity = q;
cleanup:
    igraph_destroy(&u);
    igraph_vector_destroy(&w);
    return rc;
}
