/* The "ties" metric (the view's ties at each actor, parallel ties counted)
 * and pn_ego_dominance_compute (one actor's ego network), by hand. */
#include "graphs.h"

static void expect_ties(const pn_graph *g, const double *want)
{
    double *got = tg_metric(g, "ties");
    tg_expect("ties", got, want, pn_graph_vertex_count(g), 0);
    free(got);
}

static pn_ego_dominance dominance(const pn_graph *g)
{
    pn_ego_dominance d;
    ck_assert_int_eq(pn_ego_dominance_compute(g, &d, NULL), 0);
    return d;
}

/* v0 - v1 three times (parallel), v0 - v2, v0 - v3, v2 - v3: 6 ties. By
 * hand: v0 is at 3 + 1 + 1 = 5, v1 at 3, v2 and v3 at 2 each; degree 3, 1,
 * 2, 2. */
static const int parallel[] = {0, 1, 0, 1, 0, 1, 0, 2, 0, 3, 2, 3};

START_TEST(ties_count_parallel_ties)
{
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, parallel, 6, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    ck_assert_uint_eq(pn_graph_edge_count(g), 4);
    expect_ties(g, (double[]){5, 3, 2, 2});
    size_t i;
    ck_assert_int_eq(pn_metric_find("ties", &i), 0);
    ck_assert(pn_metric_is_integer(i));
    ck_assert_str_eq(pn_metric_name(1), "ties");
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* Directed: an undirected tie is two arcs but one tie; a directed tie one
 * arc. The counts are the undirected graph's. */
START_TEST(ties_directed)
{
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, parallel, 6, false);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    expect_ties(g, (double[]){5, 3, 2, 2});
    pn_graph_free(g);
    pn_dataset_free(ds);
    static const int arcs[] = {0, 1, 1, 0, 1, 2};
    ds = tg_build(3, NULL, NULL, NULL, arcs, 3, true);
    g = tg_graph(ds, true, PN_WEIGHT_NONE);
    expect_ties(g, (double[]){2, 3, 1});
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* A self-tie is no tie of the graph (docs/metrics.md): it counts nowhere. */
START_TEST(ties_self_tie)
{
    static const int e[] = {0, 0, 0, 1};
    pn_dataset *ds = tg_build(2, NULL, NULL, NULL, e, 2, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    expect_ties(g, (double[]){1, 1});
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(dominant_star)
{
    /* v0 touches 5 of the 6 ties above: 83% > 80%, with 3 partners. */
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, parallel, 6, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_ego_dominance d = dominance(g);
    ck_assert_uint_eq(d.ties, 6);
    ck_assert_uint_eq(d.vertex, 0);
    ck_assert_uint_eq(d.touching, 5);
    ck_assert_uint_eq(d.partners, 3);
    ck_assert(d.dominant);
    pn_graph_free(g);
    pn_dataset_free(ds);
    /* Directed, the same: two arcs of one pair are one partner. */
    ds = tg_build(4, NULL, NULL, NULL, parallel, 6, false);
    g = tg_graph(ds, true, PN_WEIGHT_NONE);
    d = dominance(g);
    ck_assert_uint_eq(d.ties, 6);
    ck_assert_uint_eq(d.touching, 5);
    ck_assert_uint_eq(d.partners, 3);
    ck_assert(d.dominant);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(exactly_80_percent_is_not_over)
{
    /* v0 - v1, v0 - v2, v0 - v3, v0 - v4, v1 - v2: v0 at 4 of 5 = 80%. */
    static const int e[] = {0, 1, 0, 2, 0, 3, 0, 4, 1, 2};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 5, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_ego_dominance d = dominance(g);
    ck_assert_uint_eq(d.vertex, 0);
    ck_assert_uint_eq(d.touching, 4);
    ck_assert_uint_eq(d.ties, 5);
    ck_assert(!d.dominant);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(one_pair_is_no_ego_network)
{
    /* Every tie touches v1 (the first with the most; v2 has as many) but it
     * has one partner: a pair, not an ego network. */
    static const int e[] = {1, 2, 1, 2, 2, 1};
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, e, 3, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_ego_dominance d = dominance(g);
    ck_assert_uint_eq(d.vertex, 1);
    ck_assert_uint_eq(d.touching, 3);
    ck_assert_uint_eq(d.partners, 1);
    ck_assert(!d.dominant);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(no_ties)
{
    pn_dataset *ds = tg_build(3, NULL, NULL, NULL, NULL, 0, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_ego_dominance d = dominance(g);
    ck_assert_uint_eq(d.ties, 0);
    ck_assert_uint_eq(d.vertex, SIZE_MAX);
    ck_assert(!d.dominant);
    expect_ties(g, (double[]){0, 0, 0});
    pn_graph_free(g);
    pn_dataset_free(ds);
    ds = tg_build(0, NULL, NULL, NULL, NULL, 0, false);
    g = tg_graph(ds, false, PN_WEIGHT_NONE);
    d = dominance(g);
    ck_assert_uint_eq(d.vertex, SIZE_MAX);
    ck_assert(!d.dominant);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ego");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, ties_count_parallel_ties);
    tcase_add_test(tc, ties_directed);
    tcase_add_test(tc, ties_self_tie);
    tcase_add_test(tc, dominant_star);
    tcase_add_test(tc, exactly_80_percent_is_not_over);
    tcase_add_test(tc, one_pair_is_no_ego_network);
    tcase_add_test(tc, no_ties);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
