/* Gould-Fernandez brokerage roles (Gould & Fernandez 1989); igraph has none. */
#include <stdlib.h>

#include "analysis/igraph_glue.h"
#include "paranet/metrics.h"
#include "core/util.h"

void pn_graph_groups(const pn_graph *g, pn_group_by by, int *out)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    for (size_t v = 0; v < pn_graph_vertex_count(g); v++) {
        const pn_actor *a = pn_dataset_actor(ds, pn_graph_vertex_actor(g, v));
        out[v] = by == PN_GROUP_KIND
                     ? (int)a->kind
                     : (unsigned char)a->country[0] * 256 + (unsigned char)a->country[1];
    }
}

/* The role of the broker b on a -> b -> c, from the three groups. */
static pn_broker_role role_of(int ga, int gb, int gc)
{
    if (ga == gb && gb == gc)
        return PN_BROKER_COORDINATOR;
    if (ga == gc)
        return PN_BROKER_ITINERANT;
    if (gb == gc)
        return PN_BROKER_GATEKEEPER;
    if (ga == gb)
        return PN_BROKER_REPRESENTATIVE;
    return PN_BROKER_LIAISON;
}

int pn_brokerage(const pn_graph *g, const int *group, double *out, pn_diags *diags)
{
    pn__igraph_init();
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g);
    for (size_t i = 0; i < n * PN_BROKER_ROLE_COUNT; i++)
        out[i] = 0;
    if (n == 0)
        return 0;
    igraph_adjlist_t outs, ins;
    igraph_error_t err;
    /* Neighbour lists come sorted, so "a -> c?" is a binary search. */
    if ((err = igraph_adjlist_init(ig, &outs, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)))
        return pn__igraph_fail(diags, "brokerage", err);
    if ((err = igraph_adjlist_init(ig, &ins, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE))) {
        igraph_adjlist_destroy(&outs);
        return pn__igraph_fail(diags, "brokerage", err);
    }
    for (size_t b = 0; b < n; b++) {
        igraph_vector_int_t *in = igraph_adjlist_get(&ins, b);
        igraph_vector_int_t *ou = igraph_adjlist_get(&outs, b);
        for (igraph_integer_t x = 0; x < igraph_vector_int_size(in); x++) {
            igraph_integer_t a = VECTOR(*in)[x];
            igraph_vector_int_t *aout = igraph_adjlist_get(&outs, a);
            for (igraph_integer_t y = 0; y < igraph_vector_int_size(ou); y++) {
                igraph_integer_t c = VECTOR(*ou)[y];
                if (c == a || igraph_vector_int_binsearch2(aout, c))
                    continue;
                out[b * PN_BROKER_ROLE_COUNT + role_of(group[a], group[b], group[c])] += 1;
            }
        }
    }
    igraph_adjlist_destroy(&ins);
    igraph_adjlist_destroy(&outs);
    return 0;
}
