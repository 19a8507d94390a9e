/* The "ties" metric (the view's ties at each actor, parallel ties counted)
 * and pn_ego_dominance_compute (one actor's ego network), by hand. */
#include "graphs.h"

/* The "ties" of a dataset of n actors and m ties edges[2k] -- edges[2k+1]
 * (directed ties when arcs), in a directed or undirected view. */
static void expect_ties(size_t n, const int *edges, size_t m, bool arcs, bool directed,
                        const double *want)
{
    pn_dataset *ds = tg_build(n, NULL, NULL, NULL, edges, m, arcs);
    pn_graph *g = tg_graph(ds, directed, PN_WEIGHT_NONE);
    double *got = tg_metric(g, "ties");
    tg_expect("ties", got, want, pn_graph_vertex_count(g), 0);
    free(got);
    pn_graph_free(g);
    pn_dataset_free(ds);
}

static pn_ego_dominance dominance(size_t n, const int *edges, size_t m, bool directed)
{
    pn_dataset *ds = tg_build(n, NULL, NULL, NULL, edges, m, false);
    pn_graph *g = tg_graph(ds, directed, PN_WEIGHT_NONE);
    pn_ego_dominance d;
    ck_assert_int_eq(pn_ego_dominance_compute(g, &d, NULL), 0);
    pn_graph_free(g);
    pn_dataset_free(ds);
    return d;
}

/* v0 - v1 three times (parallel), v0 - v2, v0 - v3, v2 - v3: 6 ties. By
 * hand: v0 is at 3 + 1 + 1 = 5, v1 at 3, v2 and v3 at 2 each; degree 3, 1,
 * 2, 2. */
static const int parallel[] = {0, 1, 0, 1, 0, 1, 0, 2, 0, 3, 2, 3};

START_TEST(ties_count_parallel_ties)
{
    expect_ties(4, parallel, 6, false, false, (double[]){5, 3, 2, 2});
    size_t i;
    ck_assert_int_eq(pn_metric_find("ties", &i), 0);
    ck_assert(pn_metric_is_integer(i));
    ck_assert_str_eq(pn_metric_name(1), "ties");
}
END_TEST

/* Directed: an undirected tie is two arcs but one tie; a directed tie one
 * arc (v0 -> v1, v1 -> v0, v1 -> v2: 2, 3, 1). */
START_TEST(ties_directed)
{
    expect_ties(4, parallel, 6, false, true, (double[]){5, 3, 2, 2});
    static const int arcs[] = {0, 1, 1, 0, 1, 2};
    expect_ties(3, arcs, 3, true, true, (double[]){2, 3, 1});
}
END_TEST

/* A self-tie is no tie of the graph (docs/metrics.md): it counts nowhere. */
START_TEST(ties_self_tie)
{
    static const int e[] = {0, 0, 0, 1};
    expect_ties(2, e, 2, false, false, (double[]){1, 1});
}
END_TEST

/* By hand, each case: the vertex most ties touch, those ties, all ties,
 * its partners, and whether the view is its ego network. */
START_TEST(dominance_cases)
{
    /* v0 - v1, v0 - v2, v0 - v3, v0 - v4, v1 - v2: v0 at 4 of 5 = 80%. */
    static const int eighty[] = {0, 1, 0, 2, 0, 3, 0, 4, 1, 2};
    /* Every tie touches v1 (the first with the most; v2 has as many) but it
     * has one partner: a pair, not an ego network. */
    static const int pair[] = {1, 2, 1, 2, 2, 1};
    static const struct {
        size_t n;
        const int *edges;
        size_t m;
        bool directed;
        size_t vertex, touching, ties, partners;
        bool dominant;
    } cases[] = {
        /* v0 touches 5 of the 6 ties: 83% > 80%, with 3 partners; directed,
         * the same (the two arcs of a pair are one partner). */
        {4, parallel, 6, false, 0, 5, 6, 3, true},
        {4, parallel, 6, true, 0, 5, 6, 3, true},
        {5, eighty, 5, false, 0, 4, 5, 4, false},
        {4, pair, 3, false, 1, 3, 3, 1, false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        pn_ego_dominance d = dominance(cases[i].n, cases[i].edges, cases[i].m, cases[i].directed);
        ck_assert_uint_eq(d.vertex, cases[i].vertex);
        ck_assert_uint_eq(d.touching, cases[i].touching);
        ck_assert_uint_eq(d.ties, cases[i].ties);
        ck_assert_uint_eq(d.partners, cases[i].partners);
        ck_assert_msg(d.dominant == cases[i].dominant, "case %zu: dominant %d", i, d.dominant);
    }
}
END_TEST

START_TEST(no_ties)
{
    expect_ties(3, NULL, 0, false, false, (double[]){0, 0, 0});
    for (size_t n = 0; n < 4; n += 3) {
        pn_ego_dominance d = dominance(n, NULL, 0, false);
        ck_assert_uint_eq(d.ties, 0);
        ck_assert_uint_eq(d.vertex, SIZE_MAX);
        ck_assert(!d.dominant);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ego");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, ties_count_parallel_ties);
    tcase_add_test(tc, ties_directed);
    tcase_add_test(tc, ties_self_tie);
    tcase_add_test(tc, dominance_cases);
    tcase_add_test(tc, no_ties);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
