#include "small_dataset.h"
#include "testutil.h"

static pn_graph *build(const pn_dataset *ds, bool directed, pn_weight_mode w)
{
    pn_graph_options o = PN_GRAPH_OPTIONS_INIT;
    o.directed = directed;
    o.weight = w;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_graph_new(&g, ds, &o), 0);
    return g;
}

/* The edge between vertices u and v (igraph_get_eid), or -1. */
static igraph_integer_t eid(const pn_graph *g, size_t u, size_t v)
{
    igraph_integer_t e = -1;
    igraph_get_eid(pn_graph_igraph(g), &e, (igraph_integer_t)u, (igraph_integer_t)v,
                   pn_graph_directed(g), false);
    return e;
}

START_TEST(parallel_ties_merge)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_graph *g = build(ds, false, PN_WEIGHT_COUNT);
    ck_assert_uint_eq(pn_graph_vertex_count(g), 5);
    ck_assert_uint_eq(pn_graph_edge_count(g), 3);
    ck_assert_int_eq(igraph_ecount(pn_graph_igraph(g)), 3);
    igraph_integer_t ab = eid(g, 0, 1);
    ck_assert_int_ge(ab, 0);
    size_t n;
    const size_t *ties = pn_graph_edge_ties(g, (size_t)ab, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(ties[0], 0);
    ck_assert_uint_eq(ties[1], 1);
    ck_assert_uint_eq(ties[2], 2);
    ck_assert_double_eq(VECTOR(*pn_graph_weights(g))[ab], 3.0);
    ck_assert_double_eq(VECTOR(*pn_graph_weights(g))[eid(g, 0, 3)], 1.0);
    pn_graph_free(g);

    g = build(ds, false, PN_WEIGHT_SUM);
    /* 1 (no weight counts 1) + 2 + 0.5 */
    ck_assert_double_eq(VECTOR(*pn_graph_weights(g))[eid(g, 0, 1)], 3.5);
    pn_graph_free(g);

    g = build(ds, false, PN_WEIGHT_NONE);
    ck_assert_ptr_null(pn_graph_weights(g));
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(directed_view)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_graph *g = build(ds, true, PN_WEIGHT_COUNT);
    /* a<->b (both ways, 3 ties each), c->a only, a<->d */
    ck_assert(pn_graph_directed(g));
    ck_assert_uint_eq(pn_graph_edge_count(g), 5);
    ck_assert_int_ge(eid(g, 2, 0), 0);
    ck_assert_int_eq(eid(g, 0, 2), -1);
    ck_assert_int_ge(eid(g, 1, 0), 0);
    ck_assert_double_eq(VECTOR(*pn_graph_weights(g))[eid(g, 1, 0)], 3.0);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* pn_graph_as_dataset: one tie per edge, counts and weights by hand from
 * small_dataset (a-b: 3 ties, weights 1 (none) + 2 + 0.5; c->a directed;
 * a-d; e has no tie). */
START_TEST(graph_as_dataset)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_graph *g = build(ds, false, PN_WEIGHT_SUM);
    pn_dataset *net = NULL;
    ck_assert_int_eq(pn_graph_as_dataset(&net, g), 0);
    ck_assert_uint_eq(pn_dataset_actor_count(net), 5);
    ck_assert_uint_eq(pn_dataset_tie_count(net), 3);
    ck_assert_uint_eq(pn_dataset_source_count(net), 1);
    const pn_tie *ab = pn_dataset_tie(net, 0);
    ck_assert_uint_eq(ab->from, 0);
    ck_assert_uint_eq(ab->to, 1);
    ck_assert(ab->has_weight);
    ck_assert_double_eq(ab->weight, 3.5);
    ck_assert(!ab->directed);
    ck_assert_int_eq(ab->type, PN_TYPE_G2G);
    ck_assert_int_eq(ab->instrument, PN_INSTRUMENT_NONE);
    ck_assert_int_eq(ab->since.year, 0);
    ck_assert_uint_eq(ab->n_sources, 1);
    ck_assert_str_eq(pn_dataset_extra(net, "tie", 0), "{\"tie_types\":\"g2g\",\"ties\":3}");
    /* c -> a, undirected here: the pair as its tie writes it. */
    ck_assert_uint_eq(pn_dataset_tie(net, 1)->from, 2);
    ck_assert_uint_eq(pn_dataset_tie(net, 1)->to, 0);
    ck_assert(!pn_dataset_tie(net, 1)->directed);
    pn_graph_free(g);
    pn_dataset_free(net);

    /* Directed: a->b and b->a carry 3 ties each, c->a one, a->d and d->a. */
    g = build(ds, true, PN_WEIGHT_NONE);
    ck_assert_int_eq(pn_graph_as_dataset(&net, g), 0);
    ck_assert_uint_eq(pn_dataset_tie_count(net), 5);
    size_t directed = 0, c_to_a = 0;
    for (size_t i = 0; i < 5; i++) {
        const pn_tie *t = pn_dataset_tie(net, i);
        directed += t->directed;
        c_to_a += t->from == 2 && t->to == 0;
        ck_assert(!t->has_weight);
        ck_assert(!(t->from == 0 && t->to == 2));
    }
    ck_assert_uint_eq(directed, 5);
    ck_assert_uint_eq(c_to_a, 1);
    pn_graph_free(g);
    pn_dataset_free(net);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(masks_and_mapping)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    bool actors[5] = {true, true, false, true, true};
    bool ties[5] = {false, true, true, true, true};
    pn_graph_options o = PN_GRAPH_OPTIONS_INIT;
    o.actor_mask = actors;
    o.tie_mask = ties;
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_graph_new(&g, ds, &o), 0);
    ck_assert_uint_eq(pn_graph_vertex_count(g), 4);
    /* tie 3 touches c, which is masked out: edges a-b (ties 1, 2), a-d */
    ck_assert_uint_eq(pn_graph_edge_count(g), 2);
    size_t v;
    ck_assert_int_eq(pn_graph_actor_vertex(g, 3, &v), 0);
    ck_assert_uint_eq(v, 2);
    ck_assert_uint_eq(pn_graph_vertex_actor(g, 3), 4);
    ck_assert_int_eq(pn_graph_actor_vertex(g, 2, &v), PN_ENOTFOUND);
    pn_graph_free(g);
    pn_graph_free(NULL);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(empty_dataset)
{
    pn_dataset *ds = tu_load_text("{\"paranet\": 1, \"actors\": [], \"ties\": []}");
    pn_graph *g = build(ds, false, PN_WEIGHT_COUNT);
    ck_assert_uint_eq(pn_graph_vertex_count(g), 0);
    ck_assert_uint_eq(pn_graph_edge_count(g), 0);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parallel_ties_merge);
    tcase_add_test(tc, directed_view);
    tcase_add_test(tc, masks_and_mapping);
    tcase_add_test(tc, graph_as_dataset);
    tcase_add_test(tc, empty_dataset);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
