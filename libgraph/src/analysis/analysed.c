/* The network as the metrics see it, as a dataset of its own
 * (pn_graph_as_dataset): one tie per edge of the view's graph. */
#include "paranet/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paranet/error.h"

static int copy_extra(pn_dataset *to, const pn_dataset *from, const char *record, size_t at,
                      size_t index)
{
    const char *extra = pn_dataset_extra(from, record, index);
    return extra ? pn_dataset_set_extra(to, record, at, extra) : 0;
}

/* The edge's type: the one most of its ties have, the first in file order on
 * equal counts; and the distinct types, most frequent first, as "a|b". */
static pn_tie_type edge_type(const pn_dataset *ds, const size_t *ties, size_t n, char *types,
                             size_t size)
{
    size_t count[PN_TYPE_COUNT] = {0}, first[PN_TYPE_COUNT];
    for (size_t k = 0; k < n; k++) {
        pn_tie_type t = pn_dataset_tie(ds, ties[k])->type;
        if (count[t]++ == 0)
            first[t] = k;
    }
    bool done[PN_TYPE_COUNT] = {false};
    size_t len = 0;
    pn_tie_type best = pn_dataset_tie(ds, ties[0])->type;
    for (int round = 0; round < PN_TYPE_COUNT; round++) {
        int pick = -1;
        for (int t = 0; t < PN_TYPE_COUNT; t++)
            if (count[t] && !done[t] &&
                (pick < 0 || count[t] > count[pick] ||
                 (count[t] == count[pick] && first[t] < first[pick])))
                pick = t;
        if (pick < 0)
            break;
        if (round == 0)
            best = (pn_tie_type)pick;
        done[pick] = true;
        len += (size_t)snprintf(types + len, size - len, "%s%s", round ? "|" : "",
                                pn_tie_type_name((pn_tie_type)pick));
    }
    return best;
}

/* The sources the edge's ties cite, each once, in order of first citation
 * (pages left out: they belong to the ties). */
static size_t edge_sources(const pn_dataset *ds, const size_t *ties, size_t n, pn_ref *refs,
                           bool *seen)
{
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        const pn_tie *t = pn_dataset_tie(ds, ties[k]);
        for (size_t r = 0; r < t->n_sources; r++)
            if (!seen[t->sources[r].source]) {
                seen[t->sources[r].source] = true;
                refs[m++] = (pn_ref){t->sources[r].source, NULL};
            }
    }
    for (size_t r = 0; r < m; r++)
        seen[refs[r].source] = false;
    return m;
}

static int add_edges(pn_dataset *out, const pn_graph *g, const size_t *actor_at, pn_ref *refs,
                     bool *seen)
{
    const pn_dataset *ds = pn_graph_dataset(g);
    const igraph_t *ig = pn_graph_igraph(g);
    const igraph_vector_t *w = pn_graph_weights(g);
    bool directed = pn_graph_directed(g);
    int rc = 0;
    for (size_t e = 0; !rc && e < pn_graph_edge_count(g); e++) {
        size_t n = 0;
        const size_t *ties = pn_graph_edge_ties(g, e, &n);
        igraph_integer_t va = IGRAPH_FROM(ig, (igraph_integer_t)e);
        igraph_integer_t vb = IGRAPH_TO(ig, (igraph_integer_t)e);
        size_t a = pn_graph_vertex_actor(g, (size_t)va), b = pn_graph_vertex_actor(g, (size_t)vb);
        const pn_tie *first = pn_dataset_tie(ds, ties[0]);
        /* Undirected, the pair reads as its first tie writes it. */
        if (!directed && first->from == b) {
            size_t x = a;
            a = b;
            b = x;
        }
        char types[PN_TYPE_COUNT * 16];
        types[0] = 0;
        pn_tie t = {0};
        t.from = actor_at[a];
        t.to = actor_at[b];
        t.type = edge_type(ds, ties, n, types, sizeof(types));
        t.instrument = PN_INSTRUMENT_NONE;
        t.status = PN_STATUS_NONE;
        t.directed = directed;
        t.has_weight = w != NULL;
        t.weight = w ? VECTOR(*w)[e] : 0;
        t.sources = refs;
        t.n_sources = edge_sources(ds, ties, n, refs, seen);
        size_t at = 0;
        rc = pn_dataset_add_tie(out, &t, &at);
        char extra[sizeof(types) + 64];
        snprintf(extra, sizeof(extra), "{\"ties\":%zu,\"tie_types\":\"%s\"}", n, types);
        if (!rc)
            rc = pn_dataset_set_extra(out, "tie", at, extra);
    }
    return rc;
}

int pn_graph_as_dataset(pn_dataset **out, const pn_graph *g)
{
    *out = NULL;
    const pn_dataset *ds = pn_graph_dataset(g);
    size_t na = pn_dataset_actor_count(ds), ns = pn_dataset_source_count(ds);
    size_t *actor_at = malloc((na + 1) * sizeof(size_t));
    pn_ref *refs = malloc((ns + 1) * sizeof(pn_ref));
    bool *seen = calloc(ns + 1, 1);
    pn_dataset *net = NULL;
    int rc = actor_at && refs && seen ? pn_dataset_new(&net) : PN_ENOMEM;
    if (!rc)
        rc = pn_dataset_set_title(net, pn_dataset_title(ds));
    if (!rc)
        rc = pn_dataset_set_description(net, pn_dataset_description(ds));
    if (!rc)
        rc = copy_extra(net, ds, "dataset", 0, 0);
    for (size_t i = 0; !rc && i < ns; i++) {
        size_t at = 0;
        rc = pn_dataset_add_source(net, pn_dataset_source(ds, i), &at);
        if (!rc)
            rc = copy_extra(net, ds, "source", at, i);
    }
    for (size_t v = 0; !rc && v < pn_graph_vertex_count(g); v++) {
        size_t a = pn_graph_vertex_actor(g, v);
        rc = pn_dataset_add_actor(net, pn_dataset_actor(ds, a), &actor_at[a]);
        if (!rc)
            rc = copy_extra(net, ds, "actor", actor_at[a], a);
    }
    if (!rc)
        rc = add_edges(net, g, actor_at, refs, seen);
    free(actor_at);
    free(refs);
    free(seen);
    if (rc) {
        pn_dataset_free(net);
        return rc;
    }
    *out = net;
    return 0;
}
