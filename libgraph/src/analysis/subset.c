/* A view's actors and ties as a dataset of their own (pn_view_subset), and
 * the network as the metrics see it (pn_graph_as_dataset): one tie per edge
 * of the view's graph. */
#include "paranet/view.h"

#include <stdio.h>
#include <stdlib.h>

#include "paranet/error.h"

static int copy_extra(pn_dataset *to, const pn_dataset *from, const char *record, size_t at,
                      size_t index)
{
    const char *extra = pn_dataset_extra(from, record, index);
    return extra ? pn_dataset_set_extra(to, record, at, extra) : 0;
}

/* The title, description, the dataset's unknown fields and every source (a
 * citation copied from ds keeps its index). */
static int copy_head(pn_dataset *out, const pn_dataset *ds)
{
    int rc = pn_dataset_set_title(out, pn_dataset_title(ds));
    if (!rc)
        rc = pn_dataset_set_description(out, pn_dataset_description(ds));
    if (!rc)
        rc = pn_dataset_set_aggregate(out, pn_dataset_aggregate(ds));
    if (!rc)
        rc = copy_extra(out, ds, "dataset", 0, 0);
    for (size_t i = 0; !rc && i < pn_dataset_source_count(ds); i++) {
        size_t at = 0;
        rc = pn_dataset_add_source(out, pn_dataset_source(ds, i), &at);
        if (!rc)
            rc = copy_extra(out, ds, "source", at, i);
    }
    return rc;
}

static int copy_actor(pn_dataset *out, const pn_dataset *ds, size_t i, size_t *at)
{
    int rc = pn_dataset_add_actor(out, pn_dataset_actor(ds, i), at);
    return rc ? rc : copy_extra(out, ds, "actor", *at, i);
}

static int fill(pn_dataset *out, const pn_dataset *ds, const bool *tie_mask, const bool *actor_mask,
                size_t *actor_at)
{
    int rc = copy_head(out, ds);
    for (size_t i = 0; !rc && i < pn_dataset_actor_count(ds); i++)
        if (actor_mask[i])
            rc = copy_actor(out, ds, i, &actor_at[i]);
    for (size_t i = 0; !rc && i < pn_dataset_tie_count(ds); i++) {
        if (!tie_mask[i])
            continue;
        pn_tie t = *pn_dataset_tie(ds, i);
        t.from = actor_at[t.from];
        t.to = actor_at[t.to];
        size_t at = 0;
        rc = pn_dataset_add_tie(out, &t, &at);
        if (!rc)
            rc = copy_extra(out, ds, "tie", at, i);
    }
    return rc;
}

int pn_view_subset(pn_dataset **out, const pn_dataset *ds, const pn_view *view, pn_diags *diags)
{
    *out = NULL;
    size_t na = pn_dataset_actor_count(ds), nt = pn_dataset_tie_count(ds);
    bool *tie_mask = malloc(nt + 1), *actor_mask = malloc(na + 1);
    size_t *actor_at = malloc((na + 1) * sizeof(size_t));
    pn_dataset *sub = NULL;
    int rc = tie_mask && actor_mask && actor_at ? 0 : PN_ENOMEM;
    if (!rc)
        rc = pn_view_select(ds, view, tie_mask, actor_mask, diags);
    if (!rc)
        rc = pn_dataset_new(&sub);
    if (!rc)
        rc = fill(sub, ds, tie_mask, actor_mask, actor_at);
    free(tie_mask);
    free(actor_mask);
    free(actor_at);
    if (rc) {
        pn_dataset_free(sub);
        return rc;
    }
    *out = sub;
    return 0;
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
        rc = copy_head(net, ds);
    for (size_t v = 0; !rc && v < pn_graph_vertex_count(g); v++) {
        size_t a = pn_graph_vertex_actor(g, v);
        rc = copy_actor(net, ds, a, &actor_at[a]);
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
