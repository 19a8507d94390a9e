/* Reachability and shortest paths, worked out by hand. */
#include "graphs.h"
#include "small_dataset.h"

static size_t vertex(const pn_graph *g, const char *id)
{
    size_t a, v;
    ck_assert_int_eq(pn_dataset_find_actor(pn_graph_dataset(g), id, &a), 0);
    ck_assert_int_eq(pn_graph_actor_vertex(g, a, &v), 0);
    return v;
}

/* The path as "s>a>t". */
static void path_text(const pn_graph *g, const size_t *p, size_t len, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < len; i++) {
        size_t l = strlen(buf);
        snprintf(buf + l, size - l, "%s%s", i ? ">" : "",
                 pn_dataset_actor(pn_graph_dataset(g), pn_graph_vertex_actor(g, p[i]))->id);
    }
}

static void reach_path(const pn_reach *r, const pn_graph *g, const char *to, const char *want)
{
    size_t p[32];
    char buf[256];
    size_t len = pn_reach_path(r, vertex(g, to), p);
    path_text(g, p, len, buf, sizeof(buf));
    ck_assert_str_eq(buf, want);
}

START_TEST(lexicographic_choice)
{
    /* s-zeta-t and s-alpha-t: alpha comes later in the file but first by id. */
    static const char *const ids[] = {"s", "zeta", "alpha", "t"};
    static const int e[] = {0, 1, 0, 2, 1, 3, 2, 3};
    pn_dataset *ds = tg_build(4, ids, NULL, NULL, e, 4, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_reach *r = NULL;
    ck_assert_int_eq(pn_reach_new(&r, g, vertex(g, "s"), 0, NULL), 0);
    ck_assert_int_eq(pn_reach_distance(r, vertex(g, "t")), 2);
    reach_path(r, g, "t", "s>alpha>t");
    reach_path(r, g, "s", "s");
    size_t n;
    const size_t *order = pn_reach_vertices(r, &n);
    ck_assert_uint_eq(n, 3); /* by distance, then id: alpha, zeta, t */
    ck_assert_uint_eq(order[0], vertex(g, "alpha"));
    ck_assert_uint_eq(order[1], vertex(g, "zeta"));
    ck_assert_uint_eq(order[2], vertex(g, "t"));
    pn_reach_free(r);
    pn_paths *all = NULL;
    ck_assert_int_eq(pn_paths_all(&all, g, vertex(g, "s"), vertex(g, "t"), 0, NULL), 0);
    ck_assert_uint_eq(pn_paths_count(all), 2);
    size_t len;
    char buf[64];
    const size_t *p = pn_paths_get(all, 0, &len);
    path_text(g, p, len, buf, sizeof(buf));
    ck_assert_str_eq(buf, "s>alpha>t");
    p = pn_paths_get(all, 1, &len);
    path_text(g, p, len, buf, sizeof(buf));
    ck_assert_str_eq(buf, "s>zeta>t");
    ck_assert(!pn_paths_truncated(all));
    pn_paths_free(all);
    ck_assert_int_eq(pn_paths_all(&all, g, vertex(g, "s"), vertex(g, "t"), 1, NULL), 0);
    ck_assert_uint_eq(pn_paths_count(all), 1);
    ck_assert(pn_paths_truncated(all));
    pn_paths_free(all);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(whole_sequence_decides)
{
    /* s-b-a2-t and s-a-z-t: s>a>z>t is smaller (a < b) though a2 < z. */
    static const char *const ids[] = {"s", "b", "a2", "a", "z", "t"};
    static const int e[] = {0, 1, 1, 2, 2, 5, 0, 3, 3, 4, 4, 5};
    pn_dataset *ds = tg_build(6, ids, NULL, NULL, e, 6, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_reach *r = NULL;
    ck_assert_int_eq(pn_reach_new(&r, g, vertex(g, "s"), 0, NULL), 0);
    reach_path(r, g, "t", "s>a>z>t");
    pn_reach_free(r);
    /* From t the other way: t>a2>b>s < t>z>a>s. */
    ck_assert_int_eq(pn_reach_new(&r, g, vertex(g, "t"), 0, NULL), 0);
    reach_path(r, g, "s", "t>a2>b>s");
    pn_reach_free(r);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(direction_and_hops)
{
    /* v0 -> v1 -> v2 -> v3, directed ties; v4 isolated */
    static const int e[] = {0, 1, 1, 2, 2, 3};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 3, true);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    pn_reach *r = NULL;
    ck_assert_int_eq(pn_reach_new(&r, g, 1, 0, NULL), 0);
    ck_assert_int_eq(pn_reach_distance(r, 0), -1); /* against the arrow */
    ck_assert_int_eq(pn_reach_distance(r, 3), 2);
    ck_assert_int_eq(pn_reach_distance(r, 4), -1);
    size_t p[8];
    ck_assert_uint_eq(pn_reach_path(r, 0, p), 0);
    pn_reach_free(r);
    ck_assert_int_eq(pn_reach_new(&r, g, 0, 2, NULL), 0); /* at most 2 hops */
    ck_assert_int_eq(pn_reach_distance(r, 2), 2);
    ck_assert_int_eq(pn_reach_distance(r, 3), -1);
    size_t n;
    pn_reach_vertices(r, &n);
    ck_assert_uint_eq(n, 2);
    pn_reach_free(r);
    pn_paths *all = NULL;
    ck_assert_int_eq(pn_paths_all(&all, g, 3, 0, 0, NULL), 0);
    ck_assert_uint_eq(pn_paths_count(all), 0); /* no path is an empty answer */
    pn_paths_free(all);
    ck_assert_int_eq(pn_paths_all(&all, g, 2, 2, 0, NULL), 0);
    ck_assert_uint_eq(pn_paths_count(all), 1);
    pn_paths_free(all);
    ck_assert_int_eq(pn_reach_new(&r, g, 99, 0, NULL), PN_EINVAL);
    ck_assert_ptr_null(r);
    pn_graph_free(g);
    /* Undirected view of the same ties: both ways. */
    g = tg_graph(ds, false, PN_WEIGHT_NONE);
    ck_assert_int_eq(pn_reach_new(&r, g, 3, 0, NULL), 0);
    ck_assert_int_eq(pn_reach_distance(r, 0), 3);
    pn_reach_free(r);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(hop_ties)
{
    /* small_dataset: a-b has three ties (0, 1, 2: tie 2 goes b -> a but is
     * undirected), c -> a is directed (3), a-d (4). */
    pn_dataset *ds = tu_load_text(small_dataset);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    size_t n;
    const size_t *t = pn_path_hop_ties(g, vertex(g, "a"), vertex(g, "b"), &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(t[0], 0);
    ck_assert_uint_eq(t[2], 2);
    t = pn_path_hop_ties(g, vertex(g, "b"), vertex(g, "a"), &n);
    ck_assert_uint_eq(n, 3);
    t = pn_path_hop_ties(g, vertex(g, "c"), vertex(g, "a"), &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(t[0], 3);
    t = pn_path_hop_ties(g, vertex(g, "a"), vertex(g, "c"), &n); /* against the arrow */
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(t);
    t = pn_path_hop_ties(g, vertex(g, "b"), vertex(g, "d"), &n); /* not adjacent */
    ck_assert_uint_eq(n, 0);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(tangsel_reach)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/tangsel.json");
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    pn_reach *r = NULL;
    ck_assert_int_eq(pn_reach_new(&r, g, vertex(g, "daejeon"), 0, NULL), 0);
    /* Daejeon reaches Sinar Mas Land's Japanese partner through Tangsel and
     * Sinar Mas Land (datasets/README.md: g2b approval, b2b). */
    ck_assert_int_eq(pn_reach_distance(r, vertex(g, "sinarmas-land-jp-partner")), 3);
    reach_path(r, g, "sinarmas-land-jp-partner",
               "daejeon>tangsel>sinarmas-land>sinarmas-land-jp-partner");
    /* Seoul is tied to Tangsel only by a tie study 001 recommends, which the
     * default view leaves out: out of reach, as Bandung (tied to Seoul) and
     * Semarang. Everyone else: 29 actors - Daejeon - those three = 25. */
    ck_assert_int_eq(pn_reach_distance(r, vertex(g, "seoul")), -1);
    size_t n;
    pn_reach_vertices(r, &n);
    ck_assert_uint_eq(n, 25);
    pn_reach_free(r);
    pn_graph_free(g);
    /* With every basis, Seoul is 2 hops away and the graph is connected. */
    pn_view v = PN_VIEW_INIT;
    v.bases = ~0u;
    ck_assert_int_eq(pn_view_graph(&g, ds, &v, NULL), 0);
    ck_assert_int_eq(pn_reach_new(&r, g, vertex(g, "daejeon"), 0, NULL), 0);
    ck_assert_int_eq(pn_reach_distance(r, vertex(g, "seoul")), 2);
    pn_reach_vertices(r, &n);
    ck_assert_uint_eq(n, 28);
    pn_reach_free(r);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("paths");
    TCase *tc = tcase_create("paths");
    tcase_add_test(tc, lexicographic_choice);
    tcase_add_test(tc, whole_sequence_decides);
    tcase_add_test(tc, direction_and_hops);
    tcase_add_test(tc, hop_ties);
    tcase_add_test(tc, tangsel_reach);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
