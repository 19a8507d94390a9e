/* pn_metric_vectors (betweenness, closeness and harmonic from one sweep)
 * against pn_metric_vector_opts (one metric per call), with 1 or 2 workers,
 * on Zachary's karate club, the Florentine families, a directed graph, a
 * disconnected graph with isolates and a generated 2,500-actor dataset,
 * with cutoffs 0 to 3.
 *
 * Both entry points now run paranet's own path engine (issue 18:
 * analysis/path_engine.c), so this checks that the two calls, and the
 * worker counts, agree: the SAME BITS for every metric (the engine sums
 * betweenness in 128-bit fixed point, rounded once, so the order of the
 * sources and the workers cannot change a bit), and NaN in the same
 * places. The independent check against igraph's own functions
 * (igraph_betweenness, igraph_closeness, igraph_harmonic_centrality and
 * their _cutoff versions, to 1e-9 relative) is tests/check_path_engine.c. */
#include <sys/resource.h>

#include "graphs.h"

static const char *const paths[3] = {"betweenness", "closeness", "harmonic"};

static bool under_valgrind(void)
{
    return getenv("PN_UNDER_VALGRIND") != NULL;
}

static double *alloc_vec(size_t n)
{
    double *x = malloc((n + 1) * sizeof(double));
    ck_assert_ptr_nonnull(x);
    return x;
}

/* Page faults of waited-for child processes: grows when workers ran. */
static long child_faults(void)
{
    struct rusage ru;
    ck_assert_int_eq(getrusage(RUSAGE_CHILDREN, &ru), 0);
    return ru.ru_minflt + ru.ru_majflt;
}

static bool same_bits(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof(double)) == 0;
}

/* How many actors have a betweenness > 0, a NaN closeness, a harmonic > 0
 * (igraph's values): the comparisons are not vacuous. */
typedef struct counts {
    size_t bet, nan_clo, har;
} counts;

/* The three path metrics from one pn_metric_vectors call with cutoff and
 * 1 or 2 workers, against three separate pn_metric_vector_opts calls in
 * one process with that cutoff: the same bits. Returns the number of
 * betweenness values that differ in bits (0, or an assertion failed). */
static size_t compare_cutoff(const char *what, const pn_graph *g, int cutoff, int max_workers,
                             counts *c)
{
    size_t n = pn_graph_vertex_count(g);
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.cutoff = cutoff;
    double *ref[3], *got[3];
    for (int m = 0; m < 3; m++) {
        ref[m] = alloc_vec(n);
        got[m] = alloc_vec(n);
        ck_assert_int_eq(pn_metric_vector_opts(g, paths[m], &o, ref[m], NULL), 0);
    }
    if (c) {
        *c = (counts){0, 0, 0};
        for (size_t v = 0; v < n; v++) {
            c->bet += ref[0][v] > 0;
            c->nan_clo += isnan(ref[1][v]);
            c->har += ref[2][v] > 0;
        }
    }
    size_t differ = 0;
    for (int workers = 1; workers <= max_workers; workers++) {
        o.workers = workers;
        long faults = child_faults();
        ck_assert_int_eq(pn_metric_vectors(g, paths, 3, &o, got, NULL), 0);
        bool forks = workers > 1 && n >= 2000;
        if (forks)
            ck_assert_msg(child_faults() > faults, "%s: no worker process ran", what);
        else
            ck_assert_msg(child_faults() == faults, "%s: a worker process ran", what);
        for (size_t v = 0; v < n; v++) {
            for (int m = 1; m < 3; m++)
                ck_assert_msg(same_bits(got[m][v], ref[m][v]),
                              "%s %s cutoff %d, %d workers [%zu]: %.17g, one call %.17g", what,
                              paths[m], cutoff, workers, v, got[m][v], ref[m][v]);
            double b = got[0][v], r = ref[0][v];
            ck_assert_msg(!isnan(b) && !isnan(r), "%s betweenness [%zu] NaN", what, v);
            ck_assert_msg(same_bits(b, r),
                          "%s betweenness cutoff %d, %d workers [%zu]: %.17g, one call %.17g", what,
                          cutoff, workers, v, b, r);
            differ += !same_bits(b, r);
        }
    }
    for (int m = 0; m < 3; m++) {
        free(ref[m]);
        free(got[m]);
    }
    return differ;
}

/* Every cutoff 0..3, 1 and 2 workers; *c counts the exact values. */
static size_t compare_all(const char *what, const pn_graph *g, counts *c)
{
    size_t differ = 0;
    for (int cutoff = 0; cutoff <= 3; cutoff++)
        differ += compare_cutoff(what, g, cutoff, 2, cutoff == 0 ? c : NULL);
    return differ;
}

START_TEST(karate)
{
    pn_dataset *ds = tg_karate();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    counts c;
    compare_all("karate", g, &c);
    ck_assert_uint_ge(c.bet, 15);
    ck_assert_uint_eq(c.har, 34);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(florentine)
{
    pn_dataset *ds = tg_florentine();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    counts c;
    compare_all("florentine", g, &c);
    ck_assert_uint_eq(c.nan_clo, 1); /* Pucci, isolated */
    ck_assert_uint_eq(c.har, 15);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(directed)
{
    /* Cycles 0 -> 1 -> 2 -> 0 and 3 -> 4 -> 5 -> 3 joined by 2 -> 3,
     * 1 -> 5 and back 3 -> 1; 6 only sends (6 -> 0), 7 only receives
     * (4 -> 7): a sink, whose closeness is NaN; parallel shortest paths
     * (0 -> 1 -> 5 and 0 ... 3 -> 4 -> 5 at other lengths; 2 -> 3 -> 4 and
     * 2 -> 0 -> 1 -> 5 -> 3 ...). */
    static const int e[] = {0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 2, 3, 1, 5, 3, 1, 6, 0, 4, 7, 5, 2};
    pn_dataset *ds = tg_build(8, NULL, NULL, NULL, e, 12, true);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    ck_assert(pn_graph_directed(g));
    counts c;
    compare_all("directed", g, &c);
    ck_assert_uint_eq(c.nan_clo, 1); /* the sink 7 */
    ck_assert_uint_ge(c.bet, 5);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(disconnected)
{
    /* A triangle 0 1 2, a path 3 - 4 - 5 - 6, a star 7 (8 9 10), a pair
     * 13 - 14 and the isolates 11 and 12. */
    static const int e[] = {0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 6, 7, 8, 7, 9, 7, 10, 13, 14};
    pn_dataset *ds = tg_build(15, NULL, NULL, NULL, e, 10, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    counts c;
    compare_all("disconnected", g, &c);
    ck_assert_uint_eq(c.nan_clo, 2); /* the isolates */
    ck_assert_uint_eq(c.bet, 3);     /* 4, 5 and the star's centre */
    /* The same actors in a directed view: each tie is two arcs. */
    pn_graph *d = tg_graph(ds, true, PN_WEIGHT_NONE);
    compare_all("disconnected, directed view", d, NULL);
    pn_graph_free(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- 2,500 generated actors: over the 2,000 where workers fork ---- */

static pn_dataset *big;
static pn_graph *big_undirected, *big_directed;

static void big_setup(void)
{
    pn_generate_options go = PN_GENERATE_OPTIONS_INIT;
    go.actors = 2500;
    go.seed = 7;
    go.ties_per_actor = 2;
    pn_view v = PN_VIEW_INIT;
    if (pn_generate(&big, &go, NULL) || pn_view_graph(&big_undirected, big, &v, NULL))
        abort();
    v.directed = true;
    if (pn_view_graph(&big_directed, big, &v, NULL))
        abort();
}

static void big_teardown(void)
{
    pn_graph_free(big_directed);
    pn_graph_free(big_undirected);
    pn_dataset_free(big);
}

START_TEST(generated_undirected)
{
    const pn_graph *g = big_undirected;
    ck_assert_uint_eq(pn_graph_vertex_count(g), 2500);
    if (under_valgrind()) { /* some 30 times slower there */
        compare_cutoff("generated", g, 2, 2, NULL);
        return;
    }
    counts c;
    ck_assert_uint_eq(compare_all("generated", g, &c), 0);
    ck_assert_uint_gt(c.bet, 250);
    ck_assert_uint_gt(c.har, 2000);
}
END_TEST

START_TEST(generated_directed)
{
    const pn_graph *g = big_directed;
    ck_assert(pn_graph_directed(g));
    if (under_valgrind())
        return;
    counts c;
    compare_all("generated, directed", g, &c);
    ck_assert_uint_gt(c.bet, 250);
    ck_assert_uint_gt(c.nan_clo, 0); /* actors without outgoing arcs */
}
END_TEST

/* ---- other metrics, subsets, duplicates ---- */

START_TEST(mixed_names)
{
    /* Other metrics come from pn_metric_vector_opts: the same bits; a path
     * metric alone or two of them, in any order, and a name given twice. */
    pn_dataset *ds = tg_florentine();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    static const char *const names[] = {"degree",    "closeness", "pagerank", "betweenness",
                                        "community", "closeness", "degree"};
    double *out[7];
    for (int i = 0; i < 7; i++) {
        out[i] = alloc_vec(16);
        for (int v = 0; v < 16; v++)
            out[i][v] = 42;
    }
    ck_assert_int_eq(pn_metric_vectors(g, names, 7, NULL, out, NULL), 0);
    for (int i = 0; i < 7; i++) {
        double *want = tg_metric(g, names[i]);
        for (size_t v = 0; v < 16; v++)
            ck_assert_msg(same_bits(out[i][v], want[v]), "%s[%zu]", names[i], v);
        free(want);
    }
    /* harmonic alone */
    double *want = tg_metric(g, "harmonic");
    ck_assert_int_eq(pn_metric_vectors(g, (const char *const[]){"harmonic"}, 1, NULL, out, NULL),
                     0);
    ck_assert_int_eq(memcmp(out[0], want, 16 * sizeof(double)), 0);
    free(want);
    for (int i = 0; i < 7; i++)
        free(out[i]);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(bad_input)
{
    static const int e[] = {0, 1, 1, 2};
    pn_dataset *ds = tg_build(3, NULL, NULL, NULL, e, 2, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double a[3] = {42, 42, 42}, b[3] = {42, 42, 42};
    double *out[2] = {a, b};
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    /* An unknown name anywhere: nothing computed, the name in the message. */
    ck_assert_int_eq(
        pn_metric_vectors(g, (const char *const[]){"betweenness", "betweeness"}, 2, NULL, out, d),
        PN_EINVAL);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 0)->message, "\"betweeness\""));
    ck_assert_double_eq(a[0], 42);
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.cutoff = -1;
    ck_assert_int_eq(pn_metric_vectors(g, (const char *const[]){"closeness"}, 1, &o, out, d),
                     PN_EINVAL);
    ck_assert_uint_eq(pn_diags_errors(d), 2);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 1)->message, "cutoff"));
    o.cutoff = 0;
    o.workers = -1;
    ck_assert_int_eq(pn_metric_vectors(g, (const char *const[]){"degree"}, 1, &o, out, d),
                     PN_EINVAL);
    ck_assert_double_eq(a[0], 42);
    ck_assert_int_eq(pn_metric_vectors(g, NULL, 1, NULL, out, d), PN_EINVAL);
    ck_assert_int_eq(pn_metric_vectors(g, (const char *const[]){"degree"}, 1, NULL, NULL, d),
                     PN_EINVAL);
    ck_assert_int_eq(pn_metric_vectors(g, NULL, 0, NULL, NULL, d), 0); /* nothing asked */
    ck_assert_double_eq(a[0], 42);
    pn_diags_free(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- progress ---- */

typedef struct calls {
    size_t n;
    double first, last, prev;
    bool monotone, in_range, same_name;
    const char *want;
} calls;

static void record(void *ctx, const char *what, double fraction)
{
    calls *c = ctx;
    if (c->n == 0)
        c->first = fraction;
    else if (fraction < c->prev)
        c->monotone = false;
    c->in_range &= fraction >= 0 && fraction <= 1;
    c->same_name &= strcmp(what, c->want) == 0;
    c->prev = c->last = fraction;
    c->n++;
}

static calls run_with_progress(const pn_graph *g, const char *const *names, size_t k, int workers,
                               const char *want)
{
    size_t n = pn_graph_vertex_count(g);
    calls c = {0, -1, -1, 0, true, true, true, want};
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.workers = workers;
    o.progress = record;
    o.progress_ctx = &c;
    o.cutoff = 2;
    double *out[3];
    for (size_t i = 0; i < k; i++)
        out[i] = alloc_vec(n);
    ck_assert_int_eq(pn_metric_vectors(g, names, k, &o, out, NULL), 0);
    for (size_t i = 0; i < k; i++)
        free(out[i]);
    return c;
}

START_TEST(progress_calls)
{
    const pn_graph *g = big_undirected;
    for (int workers = 1; workers <= 2; workers++) {
        calls c = run_with_progress(g, paths, 3, workers, "betweenness, closeness, harmonic");
        ck_assert_uint_ge(c.n, 2);
        if (workers == 1) /* in process: paranet's own steps, every 1% */
            ck_assert_uint_eq(c.n, 101);
        ck_assert_double_eq(c.first, 0);
        ck_assert_double_eq(c.last, 1);
        ck_assert(c.monotone);
        ck_assert(c.in_range);
        ck_assert(c.same_name);
    }
    /* One path metric: its own name, as pn_metric_vector_opts says it. */
    calls c = run_with_progress(g, (const char *const[]){"degree", "harmonic"}, 2, 1, "harmonic");
    ck_assert_uint_eq(c.n, 101);
    ck_assert(c.same_name);
    /* No path metric: no call. */
    c = run_with_progress(g, (const char *const[]){"degree"}, 1, 1, "");
    ck_assert_uint_eq(c.n, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("metric_vectors");
    TCase *tc = tcase_create("small");
    tcase_add_test(tc, karate);
    tcase_add_test(tc, florentine);
    tcase_add_test(tc, directed);
    tcase_add_test(tc, disconnected);
    tcase_add_test(tc, mixed_names);
    tcase_add_test(tc, bad_input);
    suite_add_tcase(s, tc);
    tc = tcase_create("generated");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, big_setup, big_teardown);
    tcase_add_test(tc, generated_undirected);
    tcase_add_test(tc, generated_directed);
    tcase_add_test(tc, progress_calls);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
