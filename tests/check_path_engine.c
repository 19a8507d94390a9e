/* paranet's path-metrics engine (analysis/path_csr.c, path_engine.c,
 * path_sweep.c) against igraph 0.10.2 called directly as the independent
 * oracle: igraph_betweenness(_cutoff), igraph_closeness(_cutoff) and
 * igraph_harmonic_centrality(_cutoff), normalized as paranet states them.
 *
 * Asserted: every value within 1e-9 relative of igraph's (NaN exactly
 * where igraph gives NaN), on Zachary's karate club, the Florentine
 * families, the German twin towns (datasets/twintowns-de.json) and graphs
 * built to stress the folding of pendant trees: a path of 1000, a star,
 * trees hanging off cycles, many components with isolated vertices, a
 * single edge, a single vertex, sister-city-shaped random graphs, random
 * directed graphs; cutoffs 0 to 3 (0 to 2 on the datasets); and the same
 * bits for 1 to 4 workers on graphs large enough to fork. */
#include <igraph.h>

#include "analysis/path_plan.h"
#include "analysis/path_sweep.h"
#include "graphs.h"

#define REL_TOL 1e-9

static bool under_valgrind(void)
{
    return getenv("PN_UNDER_VALGRIND") != NULL;
}

/* ---- edge lists ---- */

typedef struct elist {
    igraph_vector_int_t e;
    igraph_integer_t n;
} elist;

static uint64_t rng_state;

static uint64_t rnd(uint64_t bound)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state % bound;
}

static void el_init(elist *l, igraph_integer_t n)
{
    ck_assert_int_eq(igraph_vector_int_init(&l->e, 0), 0);
    l->n = n;
}

static void el_add(elist *l, igraph_integer_t a, igraph_integer_t b)
{
    ck_assert_int_eq(igraph_vector_int_push_back(&l->e, a), 0);
    ck_assert_int_eq(igraph_vector_int_push_back(&l->e, b), 0);
}

/* A new vertex, for trees grown onto a graph. */
static igraph_integer_t el_vertex(elist *l)
{
    return l->n++;
}

/* A random tree of k new vertices hanging off vertex at (random
 * recursive: each new vertex joins one before it). */
static void el_tree(elist *l, igraph_integer_t at, size_t k)
{
    igraph_integer_t first = l->n;
    for (size_t i = 0; i < k; i++) {
        igraph_integer_t v = el_vertex(l);
        igraph_integer_t p = i == 0 ? at : first + (igraph_integer_t)rnd(i + 1) - 1;
        el_add(l, p < first ? at : p, v);
    }
}

/* ---- the comparison ---- */

static bool close_enough(double got, double want)
{
    if (isnan(want) || isnan(got))
        return isnan(want) && isnan(got);
    return fabs(got - want) <= REL_TOL * fabs(want);
}

static bool same_bits(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof(double)) == 0;
}

/* igraph's three values of g with cutoff (0: none). */
static void oracle(const igraph_t *g, int cutoff, double *ref[3])
{
    igraph_neimode_t mode = igraph_is_directed(g) ? IGRAPH_OUT : IGRAPH_ALL;
    igraph_vector_t r[3];
    for (int m = 0; m < 3; m++)
        ck_assert_int_eq(igraph_vector_init(&r[m], 0), 0);
    if (cutoff > 0) {
        ck_assert_int_eq(igraph_betweenness_cutoff(g, &r[0], igraph_vss_all(), true, NULL, cutoff),
                         0);
        ck_assert_int_eq(igraph_closeness_cutoff(g, &r[1], NULL, NULL, igraph_vss_all(), mode, NULL,
                                                 true, cutoff),
                         0);
        ck_assert_int_eq(
            igraph_harmonic_centrality_cutoff(g, &r[2], igraph_vss_all(), mode, NULL, true, cutoff),
            0);
    } else {
        ck_assert_int_eq(igraph_betweenness(g, &r[0], igraph_vss_all(), true, NULL), 0);
        ck_assert_int_eq(igraph_closeness(g, &r[1], NULL, NULL, igraph_vss_all(), mode, NULL, true),
                         0);
        ck_assert_int_eq(igraph_harmonic_centrality(g, &r[2], igraph_vss_all(), mode, NULL, true),
                         0);
    }
    size_t n = (size_t)igraph_vcount(g);
    for (int m = 0; m < 3; m++) {
        for (size_t v = 0; v < n; v++)
            ref[m][v] = VECTOR(r[m])[v];
        igraph_vector_destroy(&r[m]);
    }
}

static const char *const names[3] = {"betweenness", "closeness", "harmonic"};

/* The engine against igraph on g with cutoffs 0 .. max_cutoff, and the
 * same bits with 1 .. max_workers workers; returns the number of nonzero
 * betweenness values (that the comparison is not vacuous). */
static size_t compare(const char *what, const igraph_t *g, int max_cutoff, int max_workers)
{
    size_t n = (size_t)igraph_vcount(g), nonzero = 0;
    double *ref[3], *got[3], *first[3];
    for (int m = 0; m < 3; m++) {
        ref[m] = malloc((n + 1) * sizeof(double));
        got[m] = malloc((n + 1) * sizeof(double));
        first[m] = malloc((n + 1) * sizeof(double));
        ck_assert(ref[m] && got[m] && first[m]);
    }
    for (int cutoff = 0; cutoff <= max_cutoff; cutoff++) {
        oracle(g, cutoff, ref);
        for (int workers = 1; workers <= max_workers; workers++) {
            ck_assert_int_eq(pn__path_metrics_fused(g, 7, workers, cutoff, "test",
                                                    workers == 1 ? first : got, NULL, NULL, NULL),
                             0);
            double *const *x = workers == 1 ? first : got;
            for (int m = 0; m < 3; m++) {
                for (size_t v = 0; v < n; v++) {
                    ck_assert_msg(close_enough(x[m][v], ref[m][v]),
                                  "%s: %s cutoff %d, %d workers [%zu]: %.17g, igraph %.17g", what,
                                  names[m], cutoff, workers, v, x[m][v], ref[m][v]);
                    if (workers > 1)
                        ck_assert_msg(same_bits(x[m][v], first[m][v]),
                                      "%s: %s cutoff %d [%zu]: %.17g with %d workers, %.17g with 1",
                                      what, names[m], cutoff, v, x[m][v], workers, first[m][v]);
                }
            }
            /* Each metric alone: the same bits as together. */
            if (workers == 1 && n < 3000) {
                for (int m = 0; m < 3; m++) {
                    ck_assert_int_eq(pn__path_metric_parallel(g, (pn__path_metric)m, 1, cutoff,
                                                              "test", got[m], NULL, NULL, NULL),
                                     0);
                    for (size_t v = 0; v < n; v++)
                        ck_assert_msg(same_bits(got[m][v], first[m][v]),
                                      "%s: %s alone cutoff %d [%zu]", what, names[m], cutoff, v);
                }
            }
        }
        for (size_t v = 0; cutoff == 0 && v < n; v++)
            nonzero += ref[0][v] > 0;
    }
    for (int m = 0; m < 3; m++) {
        free(ref[m]);
        free(got[m]);
        free(first[m]);
    }
    return nonzero;
}

/* Build g from l (undirected or directed) and compare. */
static size_t compare_list(const char *what, elist *l, bool directed, int max_cutoff,
                           int max_workers)
{
    igraph_t g;
    ck_assert_int_eq(igraph_create(&g, &l->e, l->n, directed), 0);
    size_t nz = compare(what, &g, max_cutoff, max_workers);
    igraph_destroy(&g);
    return nz;
}

static int workers_max(void)
{
    return under_valgrind() ? 2 : 4;
}

/* ---- datasets ---- */

static void compare_dataset(const char *what, pn_dataset *ds, bool directed, int workers)
{
    pn_graph *g = tg_graph(ds, directed, PN_WEIGHT_NONE);
    const igraph_t *ig = pn_graph_igraph(g);
    ck_assert_uint_gt(compare(what, ig, under_valgrind() ? 1 : 2, workers), 0);
    /* And through the public call, which the CLI uses. */
    size_t n = pn_graph_vertex_count(g);
    double *ref[3], *out[3];
    for (int m = 0; m < 3; m++) {
        ref[m] = malloc((n + 1) * sizeof(double));
        out[m] = malloc((n + 1) * sizeof(double));
    }
    oracle(ig, 0, ref);
    ck_assert_int_eq(pn_metric_vectors(g, names, 3, NULL, out, NULL), 0);
    for (int m = 0; m < 3; m++) {
        for (size_t v = 0; v < n; v++)
            ck_assert_msg(close_enough(out[m][v], ref[m][v]), "%s: %s [%zu]: %.17g, igraph %.17g",
                          what, names[m], v, out[m][v], ref[m][v]);
        free(ref[m]);
        free(out[m]);
    }
    pn_graph_free(g);
}

START_TEST(karate_florentine)
{
    pn_dataset *ds = tg_karate();
    compare_dataset("karate", ds, false, 1);
    compare_dataset("karate, directed view", ds, true, 1);
    pn_dataset_free(ds);
    ds = tg_florentine();
    compare_dataset("florentine", ds, false, 1);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(twintowns)
{
    pn_dataset *ds = tu_load_file(PN_DATASETS "/twintowns-de.json");
    compare_dataset("twintowns-de", ds, false, workers_max());
    if (!under_valgrind())
        compare_dataset("twintowns-de, directed view", ds, true, 2);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(generated)
{
    pn_generate_options go = PN_GENERATE_OPTIONS_INIT;
    go.actors = under_valgrind() ? 300 : 2500;
    go.seed = 11;
    pn_dataset *ds = NULL;
    ck_assert_int_eq(pn_generate(&ds, &go, NULL), 0);
    compare_dataset("generated", ds, false, workers_max());
    if (!under_valgrind())
        compare_dataset("generated, directed view", ds, true, 2);
    pn_dataset_free(ds);
}
END_TEST

/* ---- shapes that stress the folding ---- */

START_TEST(small_shapes)
{
    elist l;
    /* One vertex; two isolated vertices; a single edge; a triangle. */
    for (igraph_integer_t k = 1; k <= 2; k++) {
        el_init(&l, k);
        compare_list("isolated", &l, false, 2, 1);
        igraph_vector_int_destroy(&l.e);
    }
    el_init(&l, 2);
    el_add(&l, 0, 1);
    compare_list("one edge", &l, false, 2, 1);
    compare_list("one arc", &l, true, 2, 1);
    el_add(&l, 1, 0); /* a multiple edge: two paths, never folded */
    compare_list("double edge", &l, false, 2, 1);
    igraph_vector_int_destroy(&l.e);
    el_init(&l, 3);
    el_add(&l, 0, 1);
    el_add(&l, 1, 2);
    el_add(&l, 2, 0);
    compare_list("triangle", &l, false, 2, 1);
    /* A pendant on a double edge: 3 - 0 = 1 (the double edge). */
    el_add(&l, 0, 1);
    igraph_integer_t p = el_vertex(&l);
    el_add(&l, p, 0);
    compare_list("pendant and double edge", &l, false, 2, 1);
    igraph_vector_int_destroy(&l.e);
}
END_TEST

/* The core's breadth-first numbering (path_csr.c): on a graph whose
 * vertex order is not a breadth-first order, the numbering is not the
 * identity, each component of the core is one range of numbers (every
 * core arc inside its range), and the values still equal igraph's, with
 * cutoffs 1 (the cutoff level's parent is the source) to 3, folded, plain
 * and directed, with a multiple edge (a child listed twice). */
START_TEST(numbering)
{
    elist l;
    el_init(&l, 12);
    /* A 6-cycle 0 5 1 4 2 3 0, a chord 5 2, a triangle 6 7 8 with 6 = 7
     * doubled, a path 9 - 10 - 11 hanging off 3 through 9 = 3 doubled. */
    static const int cyc[] = {0, 5, 1, 4, 2, 3, 0};
    for (int i = 0; i < 6; i++)
        el_add(&l, cyc[i], cyc[i + 1]);
    el_add(&l, 5, 2);
    el_add(&l, 6, 7);
    el_add(&l, 7, 8);
    el_add(&l, 8, 6);
    el_add(&l, 6, 7);
    el_add(&l, 3, 9);
    el_add(&l, 9, 3);
    el_add(&l, 9, 10);
    el_add(&l, 10, 11);
    igraph_t g;
    ck_assert_int_eq(igraph_create(&g, &l.e, l.n, false), 0);
    for (int fold = 0; fold <= 1; fold++) {
        pn__path_plan plan;
        ck_assert_int_eq(pn__path_plan_build(&g, fold, &plan, "test", NULL), 0);
        ck_assert_uint_eq(plan.core, fold ? 10 : 12); /* 10 and 11 folded */
        ck_assert_uint_eq(plan.ncomp, 2);
        ck_assert_uint_eq(plan.comp_off[0], 0);
        ck_assert_uint_eq(plan.comp_off[1], fold ? 7 : 9); /* 0..5 and 9 (10, 11) */
        ck_assert_uint_eq(plan.comp_off[2], plan.core);
        /* Breadth-first from 0: 0, then its neighbours 5 and 3 in edge
         * order, then 5's: 1, 2; 3's: 9 (twice); then 1's: 4. */
        static const pn__vid bfs[] = {0, 5, 3, 1, 2, 9, 4};
        for (int i = 0; i < 7; i++)
            ck_assert_uint_eq(plan.core_vertex[i], bfs[i]);
        for (size_t c = 0; c < plan.core; c++) {
            size_t k = c < plan.comp_off[1] ? 0 : 1;
            for (uint32_t a = plan.core_off[c]; a < plan.core_off[c + 1]; a++)
                ck_assert(plan.core_adj[a] >= plan.comp_off[k] &&
                          plan.core_adj[a] < plan.comp_off[k + 1]);
        }
        pn__path_plan_free(&plan);
    }
    igraph_destroy(&g);
    ck_assert_uint_gt(compare_list("numbering", &l, false, 3, 1), 0);
    compare_list("numbering, arcs", &l, true, 3, 1);
    igraph_vector_int_destroy(&l.e);
}
END_TEST

START_TEST(path_1000)
{
    elist l;
    el_init(&l, 1000);
    for (igraph_integer_t v = 0; v + 1 < 1000; v++)
        el_add(&l, v, v + 1);
    ck_assert_uint_eq(compare_list("path of 1000", &l, false, 3, 1), 998);
    compare_list("path of 1000, arcs", &l, true, 2, 1);
    igraph_vector_int_destroy(&l.e);
}
END_TEST

START_TEST(star)
{
    elist l;
    el_init(&l, 1);
    for (int i = 0; i < 2999; i++)
        el_add(&l, 0, el_vertex(&l));
    ck_assert_uint_eq(compare_list("star of 3000", &l, false, 2, workers_max()), 1);
    /* Two stars joined hub to hub, and one leaf with a chain. */
    igraph_integer_t h = el_vertex(&l);
    el_add(&l, 0, h);
    for (int i = 0; i < 500; i++)
        el_add(&l, h, el_vertex(&l));
    el_tree(&l, 7, 1);
    compare_list("two stars", &l, false, 2, 2);
    igraph_vector_int_destroy(&l.e);
}
END_TEST

START_TEST(trees_on_cycles)
{
    rng_state = 88172645463325252ull;
    elist l;
    el_init(&l, 0);
    /* Three cycles (40, 7, 3) joined by a path, random trees on them. */
    static const int len[3] = {40, 7, 3};
    igraph_integer_t prev = -1;
    for (int c = 0; c < 3; c++) {
        igraph_integer_t first = l.n;
        for (int i = 0; i < len[c]; i++)
            el_vertex(&l);
        for (int i = 0; i < len[c]; i++)
            el_add(&l, first + i, first + (i + 1) % len[c]);
        if (prev >= 0)
            el_add(&l, prev, first);
        prev = first + len[c] / 2;
    }
    igraph_integer_t core = l.n;
    size_t total = under_valgrind() ? 400 : 2400;
    while ((size_t)l.n < total)
        el_tree(&l, (igraph_integer_t)rnd((uint64_t)core), 1 + rnd(30));
    ck_assert_uint_gt(compare_list("trees on cycles", &l, false, 3, workers_max()), 100);
    igraph_vector_int_destroy(&l.e);
}
END_TEST

START_TEST(many_components)
{
    rng_state = 0x9e3779b97f4a7c15ull;
    elist l;
    el_init(&l, 0);
    size_t parts = under_valgrind() ? 60 : 400;
    for (size_t k = 0; k < parts; k++) {
        switch (rnd(5)) {
        case 0: /* isolated */
            el_vertex(&l);
            break;
        case 1: /* a tree */
            el_tree(&l, el_vertex(&l), rnd(12));
            break;
        case 2: { /* a cycle with a tree */
            igraph_integer_t first = l.n, c = 3 + (igraph_integer_t)rnd(5);
            for (igraph_integer_t i = 0; i < c; i++)
                el_vertex(&l);
            for (igraph_integer_t i = 0; i < c; i++)
                el_add(&l, first + i, first + (i + 1) % c);
            el_tree(&l, first, rnd(6));
            break;
        }
        case 3: { /* a clique of 4 with pendants */
            igraph_integer_t first = l.n;
            for (int i = 0; i < 4; i++)
                el_vertex(&l);
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++)
                    el_add(&l, first + i, first + j);
            el_tree(&l, first + 1, 1);
            el_tree(&l, first + 2, 1);
            break;
        }
        default: /* a single edge */
            el_add(&l, el_vertex(&l), el_vertex(&l));
        }
    }
    ck_assert_uint_gt(compare_list("many components", &l, false, 3, workers_max()), 10);
    compare_list("many components, arcs", &l, true, 2, workers_max());
    igraph_vector_int_destroy(&l.e);
}
END_TEST

/* A dense random core, 43% of the vertices with one tie, chains and small
 * trees: the sister-city shape, undirected and as random arcs. */
START_TEST(sister_city_shape)
{
    rng_state = 1234567ull;
    elist l;
    size_t core = under_valgrind() ? 120 : 1200;
    el_init(&l, (igraph_integer_t)core);
    for (size_t i = 0; i < 3 * core; i++) {
        igraph_integer_t a = (igraph_integer_t)rnd(core), b = (igraph_integer_t)rnd(core);
        if (a != b)
            el_add(&l, a, b);
    }
    for (size_t i = 0; i < core; i++)
        el_tree(&l, (igraph_integer_t)rnd(core), rnd(3) == 0 ? 1 + rnd(4) : 1);
    ck_assert_uint_gt(compare_list("sister-city shape", &l, false, 3, workers_max()), 100);
    /* As arcs, some pairs both ways. */
    size_t m = (size_t)igraph_vector_int_size(&l.e) / 2;
    for (size_t k = 0; k < m; k++) {
        if (rnd(2))
            el_add(&l, VECTOR(l.e)[2 * k + 1], VECTOR(l.e)[2 * k]);
    }
    compare_list("sister-city shape, arcs", &l, true, 2, workers_max());
    igraph_vector_int_destroy(&l.e);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("path_engine");
    TCase *tc = tcase_create("igraph");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, small_shapes);
    tcase_add_test(tc, numbering);
    tcase_add_test(tc, karate_florentine);
    tcase_add_test(tc, path_1000);
    tcase_add_test(tc, star);
    tcase_add_test(tc, trees_on_cycles);
    tcase_add_test(tc, many_components);
    tcase_add_test(tc, sister_city_shape);
    tcase_add_test(tc, generated);
    tcase_add_test(tc, twintowns);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
