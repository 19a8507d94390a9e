/* pn_view_series: each year's graph is pn_view_graph's with at = year,
 * vertex for vertex and edge for edge (docs/metrics.md, "Panels"). */
#include "small_dataset.h"
#include "testutil.h"

/* g and h are the same graph: vertices, edges (ends, ties, weights). */
static void same_graph(const pn_graph *g, const pn_graph *h)
{
    ck_assert_uint_eq(pn_graph_vertex_count(g), pn_graph_vertex_count(h));
    ck_assert_uint_eq(pn_graph_edge_count(g), pn_graph_edge_count(h));
    ck_assert(pn_graph_directed(g) == pn_graph_directed(h));
    for (size_t v = 0; v < pn_graph_vertex_count(g); v++)
        ck_assert_uint_eq(pn_graph_vertex_actor(g, v), pn_graph_vertex_actor(h, v));
    const igraph_vector_t *wg = pn_graph_weights(g), *wh = pn_graph_weights(h);
    ck_assert((wg == NULL) == (wh == NULL));
    for (size_t e = 0; e < pn_graph_edge_count(g); e++) {
        igraph_integer_t a, b, c, d;
        igraph_edge(pn_graph_igraph(g), (igraph_integer_t)e, &a, &b);
        igraph_edge(pn_graph_igraph(h), (igraph_integer_t)e, &c, &d);
        ck_assert_int_eq(a, c);
        ck_assert_int_eq(b, d);
        size_t n, m;
        const size_t *tg = pn_graph_edge_ties(g, e, &n), *th = pn_graph_edge_ties(h, e, &m);
        ck_assert_uint_eq(n, m);
        for (size_t k = 0; k < n; k++)
            ck_assert_uint_eq(tg[k], th[k]);
        if (wg)
            ck_assert(VECTOR(*wg)[e] == VECTOR(*wh)[e]);
    }
}

/* Every year of 2010-2021 of view v, against pn_view_graph. */
static void every_year(const pn_dataset *ds, const pn_view *v)
{
    pn_view_series *s = NULL;
    ck_assert_int_eq(pn_view_series_new(&s, ds, v, NULL), 0);
    for (int year = 2010; year <= 2021; year++) {
        pn_view at = *v;
        at.at = year;
        pn_graph *g = NULL, *h = NULL;
        ck_assert_int_eq(pn_view_series_graph(&g, s, year, NULL), 0);
        ck_assert_int_eq(pn_view_graph(&h, ds, &at, NULL), 0);
        same_graph(g, h);
        pn_graph_free(g);
        pn_graph_free(h);
    }
    pn_view_series_free(s);
}

START_TEST(years_as_at)
{
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_view v = PN_VIEW_INIT;
    every_year(ds, &v);
    v.drop_isolates = true;
    every_year(ds, &v);
    v.keep_undated = true;
    every_year(ds, &v);
    v.directed = true;
    v.weight = PN_WEIGHT_SUM;
    every_year(ds, &v);
    v.weight = PN_WEIGHT_COUNT;
    v.ego = "c";
    every_year(ds, &v);
    v.ego = NULL;
    v.from_year = 2016;
    v.to_year = 2019;
    v.bases = PN_VIEW_BASES_ALL;
    every_year(ds, &v);
    v = (pn_view)PN_VIEW_INIT;
    v.types = PN_BIT(PN_TYPE_G2G);
    v.drop_isolates = true;
    v.at = 2019; /* ignored */
    every_year(ds, &v);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(years_by_hand)
{
    /* In 2019: the mou a-b (standing from 2016) and the adoption c -> a (an
     * event of 2019); the loi (2015), the failed programme and the undated
     * a-d are not in force. Without isolates: a, b, c. */
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_view v = PN_VIEW_INIT;
    v.drop_isolates = true;
    pn_view_series *s = NULL;
    ck_assert_int_eq(pn_view_series_new(&s, ds, &v, NULL), 0);
    pn_graph *g = NULL;
    ck_assert_int_eq(pn_view_series_graph(&g, s, 2019, NULL), 0);
    ck_assert_uint_eq(pn_graph_vertex_count(g), 3);
    ck_assert_uint_eq(pn_graph_edge_count(g), 2);
    size_t n;
    ck_assert_uint_eq(pn_graph_edge_ties(g, 0, &n)[0], 1); /* a-b: the mou */
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(pn_graph_edge_ties(g, 1, &n)[0], 3); /* a-c: the adoption */
    pn_graph_free(g);
    ck_assert_int_eq(pn_view_series_graph(&g, s, 2014, NULL), 0); /* nothing in force */
    ck_assert_uint_eq(pn_graph_vertex_count(g), 0);
    pn_graph_free(g);
    pn_view_series_free(s);
    v.ego = "nobody";
    s = (pn_view_series *)1;
    ck_assert_int_eq(pn_view_series_new(&s, ds, &v, NULL), PN_ENOTFOUND);
    ck_assert_ptr_null(s);
    pn_view_series_free(NULL);
    pn_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("view_series");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, years_as_at);
    tcase_add_test(tc, years_by_hand);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
