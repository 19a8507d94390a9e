/* pn_metric_options: path cutoff (against hand computation), worker
 * processes (against the in-process values), progress and validation. */
#include "graphs.h"

#define TOL 1e-9

static double *metric_opts(const pn_graph *g, const char *name, const pn_metric_options *o)
{
    double *out = malloc((pn_graph_vertex_count(g) + 1) * sizeof(double));
    ck_assert_ptr_nonnull(out);
    int rc = pn_metric_vector_opts(g, name, o, out, NULL);
    ck_assert_msg(rc == 0, "metric %s failed: %d", name, rc);
    return out;
}

static void check_cutoff(const pn_graph *g, const char *name, int cutoff, const double *want)
{
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.cutoff = cutoff;
    double *got = metric_opts(g, name, &o);
    char what[64];
    snprintf(what, sizeof(what), "%s cutoff %d", name, cutoff);
    tg_expect(what, got, want, pn_graph_vertex_count(g), 1e-12);
    free(got);
}

/* ---- cutoff by hand ----
 * Definitions (igraph 0.10, docs/metrics.md): with cutoff k only shortest
 * paths of at most k hops count. Betweenness sums sigma_st(i) / sigma_st
 * over the pairs s, t with d(s, t) <= k (unordered pairs when undirected).
 * Closeness is r_i / sum of d(i, j) over the r_i actors j with d(i, j) <= k
 * (NaN when there is none). Harmonic is (1 / (V - 1)) times the sum of
 * 1 / d(i, j) over the j with d(i, j) <= k: the divisor stays V - 1. */

START_TEST(path5_cutoff)
{
    /* v0 - v1 - v2 - v3 - v4 */
    static const int e[] = {0, 1, 1, 2, 2, 3, 3, 4};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 4, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    /* k = 1: a one-hop path has no inner actor, so betweenness is 0; each
     * actor sees only its neighbours, all at 1 hop: closeness deg / deg = 1;
     * harmonic deg / 4. */
    check_cutoff(g, "betweenness", 1, (double[]){0, 0, 0, 0, 0});
    check_cutoff(g, "closeness", 1, (double[]){1, 1, 1, 1, 1});
    check_cutoff(g, "harmonic", 1, (double[]){0.25, 0.5, 0.5, 0.5, 0.25});
    /* k = 2: the pairs at 2 hops are v0-v2 (through v1), v1-v3 (v2) and
     * v2-v4 (v3), one shortest path each. Closeness: v0 sees v1 (1), v2 (2):
     * 2 / 3; v1 sees v0, v2 (1) and v3 (2): 3 / 4; v2 sees v1, v3 (1), v0,
     * v4 (2): 4 / 6. Harmonic: v0 (1 + 1/2) / 4; v1 (1 + 1 + 1/2) / 4;
     * v2 (1/2 + 1 + 1 + 1/2) / 4. */
    check_cutoff(g, "betweenness", 2, (double[]){0, 1, 1, 1, 0});
    check_cutoff(g, "closeness", 2, (double[]){2.0 / 3, 0.75, 4.0 / 6, 0.75, 2.0 / 3});
    check_cutoff(g, "harmonic", 2, (double[]){0.375, 0.625, 0.75, 0.625, 0.375});
    /* k = 3: v0-v3 (through v1, v2) and v1-v4 (v2, v3) join: v1 lies on
     * v0-v2, v0-v3; v2 on v1-v3, v0-v3, v1-v4. Closeness v0: 3 / (1+2+3);
     * v1: 4 / (1+1+2+3) (every actor within 3). Harmonic v0: (1 + 1/2 +
     * 1/3) / 4. */
    check_cutoff(g, "betweenness", 3, (double[]){0, 2, 3, 2, 0});
    check_cutoff(g, "closeness", 3, (double[]){0.5, 4.0 / 7, 4.0 / 6, 4.0 / 7, 0.5});
    check_cutoff(g, "harmonic", 3,
                 (double[]){(1 + 0.5 + 1.0 / 3) / 4, (1 + 1 + 0.5 + 1.0 / 3) / 4, 0.75,
                            (1 + 1 + 0.5 + 1.0 / 3) / 4, (1 + 0.5 + 1.0 / 3) / 4});
    /* k = 4 is the diameter: the exact values (betweenness v2: 4 pairs). */
    check_cutoff(g, "betweenness", 4, (double[]){0, 3, 4, 3, 0});
    check_cutoff(g, "closeness", 4, (double[]){0.4, 4.0 / 7, 4.0 / 6, 4.0 / 7, 0.4});
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(star5_cutoff)
{
    /* centre v0, leaves v1..v4 */
    static const int e[] = {0, 1, 0, 2, 0, 3, 0, 4};
    pn_dataset *ds = tg_build(5, NULL, NULL, NULL, e, 4, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    /* k = 1: no leaf-leaf pair (2 hops) counts: betweenness 0. The centre
     * sees 4 actors at 1 hop, a leaf only the centre: closeness 1 for all;
     * harmonic 4/4 and 1/4. */
    check_cutoff(g, "betweenness", 1, (double[]){0, 0, 0, 0, 0});
    check_cutoff(g, "closeness", 1, (double[]){1, 1, 1, 1, 1});
    check_cutoff(g, "harmonic", 1, (double[]){1, 0.25, 0.25, 0.25, 0.25});
    /* k = 2 reaches everyone: the C(4,2) = 6 leaf pairs go through the
     * centre; a leaf's closeness 4 / (1 + 2 + 2 + 2), harmonic (1 + 3/2) / 4. */
    check_cutoff(g, "betweenness", 2, (double[]){6, 0, 0, 0, 0});
    check_cutoff(g, "closeness", 2, (double[]){1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7});
    check_cutoff(g, "harmonic", 2, (double[]){1, 0.625, 0.625, 0.625, 0.625});
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(directed_path_cutoff)
{
    /* v0 -> v1 -> v2 -> v3, directed view: paths follow the arcs. */
    static const int e[] = {0, 1, 1, 2, 2, 3};
    pn_dataset *ds = tg_build(4, NULL, NULL, NULL, e, 3, true);
    pn_graph *g = tg_graph(ds, true, PN_WEIGHT_NONE);
    /* k = 2: ordered pairs at 2 hops v0 -> v2 (through v1) and v1 -> v3
     * (v2); v0 -> v3 has 3 hops and does not count. Closeness from i: v0
     * sees v1 (1), v2 (2): 2 / 3; v1 likewise; v2 sees v3: 1; v3 reaches
     * nobody: NaN. Harmonic over V - 1 = 3: (1 + 1/2) / 3, same, 1 / 3, 0. */
    check_cutoff(g, "betweenness", 2, (double[]){0, 1, 1, 0});
    check_cutoff(g, "closeness", 2, (double[]){2.0 / 3, 2.0 / 3, 1, NAN});
    check_cutoff(g, "harmonic", 2, (double[]){0.5, 0.5, 1.0 / 3, 0});
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

START_TEST(defaults_unchanged)
{
    /* cutoff 0 and workers 0/1, or any workers on a graph too small to
     * fork, are the plain in-process call: the same bits as
     * pn_metric_vector. Other metrics ignore both fields. */
    pn_dataset *ds = tg_karate();
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    static const char *const names[] = {"betweenness", "closeness", "harmonic", "degree",
                                        "pagerank"};
    for (size_t k = 0; k < 5; k++) {
        double *plain = tg_metric(g, names[k]);
        for (int workers = 0; workers <= 4; workers++) {
            pn_metric_options o = PN_METRIC_OPTIONS_INIT;
            o.workers = workers;
            double *got = metric_opts(g, names[k], &o);
            ck_assert_msg(memcmp(got, plain, 34 * sizeof(double)) == 0, "%s, %d workers", names[k],
                          workers);
            free(got);
        }
        pn_metric_options o = PN_METRIC_OPTIONS_INIT;
        o.cutoff = 1;
        double *got = metric_opts(g, names[k], &o);
        if (k >= 3) /* not a path metric: cutoff ignored */
            ck_assert_int_eq(memcmp(got, plain, 34 * sizeof(double)), 0);
        free(got);
        free(plain);
    }
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

/* ---- workers ---- */

static int igraph_progress_calls;

static igraph_error_t count_igraph_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)message;
    (void)percent;
    (void)data;
    igraph_progress_calls++;
    return IGRAPH_SUCCESS;
}

/* A generated dataset of 2,500 actors and 5,000 ties, above the 2,000
 * actors under which paranet does not fork, and its undirected and directed
 * graphs: built once for the "workers" case (an unchecked fixture). */
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

/* workers = 1 against workers = w: equal within TOL relative, NaN for NaN;
 * and the w run really forked: igraph's progress handler, which worker
 * processes switch off in themselves, is never called in this process. */
static void compare_workers(const pn_graph *g, const char *name, int cutoff, int workers)
{
    size_t n = pn_graph_vertex_count(g);
    ck_assert_uint_ge(n, 2000);
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.cutoff = cutoff;
    igraph_set_progress_handler(count_igraph_progress);
    igraph_progress_calls = 0;
    double *one = metric_opts(g, name, &o);
    ck_assert_int_gt(igraph_progress_calls, 0); /* in process: igraph reported */
    o.workers = workers;
    igraph_progress_calls = 0;
    double *many = metric_opts(g, name, &o);
    ck_assert_int_eq(igraph_progress_calls, 0); /* in workers */
    igraph_set_progress_handler(NULL);
    size_t nonzero = 0;
    for (size_t v = 0; v < n; v++) {
        if (isnan(one[v])) {
            ck_assert_msg(isnan(many[v]), "%s[%zu]: NaN with 1 worker, %g with %d", name, v,
                          many[v], workers);
            continue;
        }
        double scale = fabs(one[v]) > 1 ? fabs(one[v]) : 1;
        ck_assert_msg(fabs(one[v] - many[v]) <= TOL * scale,
                      "%s cutoff %d [%zu]: %.17g with 1 worker, %.17g with %d", name, cutoff, v,
                      one[v], many[v], workers);
        nonzero += one[v] != 0;
    }
    ck_assert_uint_gt(nonzero, n / 10); /* not a vacuous comparison */
    free(one);
    free(many);
}

/* Under valgrind (PN_VALGRIND=ON) each metric is some 30 times slower: fewer
 * runs, the forks still exercised. */
static bool under_valgrind(void)
{
    return getenv("PN_UNDER_VALGRIND") != NULL;
}

START_TEST(workers_undirected)
{
    const pn_graph *g = big_undirected;
    if (under_valgrind()) {
        compare_workers(g, "betweenness", 2, 2);
        compare_workers(g, "closeness", 2, 2);
        return;
    }
    static const char *const names[] = {"betweenness", "closeness", "harmonic"};
    for (size_t k = 0; k < 3; k++) {
        compare_workers(g, names[k], 0, 2);
        compare_workers(g, names[k], 3, 2);
    }
    compare_workers(g, "betweenness", 2, 3); /* an uneven split */
}
END_TEST

START_TEST(workers_directed)
{
    const pn_graph *g = big_directed;
    ck_assert(pn_graph_directed(g));
    if (under_valgrind())
        return;
    static const char *const names[] = {"betweenness", "closeness", "harmonic"};
    for (size_t k = 0; k < 3; k++) {
        compare_workers(g, names[k], 0, 2);
        compare_workers(g, names[k], 2, 2);
    }
}
END_TEST

/* ---- progress ---- */

typedef struct calls {
    size_t n;
    double first, last, prev;
    bool monotone, in_range, same_name;
} calls;

static void record(void *ctx, const char *what, double fraction)
{
    calls *c = ctx;
    if (c->n == 0)
        c->first = fraction;
    else if (fraction < c->prev)
        c->monotone = false;
    c->in_range &= fraction >= 0 && fraction <= 1;
    c->same_name &= strcmp(what, "harmonic") == 0;
    c->prev = c->last = fraction;
    c->n++;
}

static calls run_with_progress(const pn_graph *g, int workers)
{
    calls c = {0, -1, -1, 0, true, true, true};
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.workers = workers;
    o.progress = record;
    o.progress_ctx = &c;
    o.cutoff = under_valgrind() ? 2 : 0;
    double *x = metric_opts(g, "harmonic", &o);
    free(x);
    return c;
}

START_TEST(progress_calls)
{
    const pn_graph *g = big_undirected;
    for (int workers = 1; workers <= 2; workers++) {
        calls c = run_with_progress(g, workers);
        ck_assert_uint_ge(c.n, 2);
        if (workers == 1)
            ck_assert_uint_eq(c.n, 2); /* in process: start and end only */
        ck_assert_double_eq(c.first, 0);
        ck_assert_double_eq(c.last, 1);
        ck_assert(c.monotone);
        ck_assert(c.in_range);
        ck_assert(c.same_name);
    }
    /* Not a path metric: no call. */
    calls c = {0, -1, -1, 0, true, true, true};
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.progress = record;
    o.progress_ctx = &c;
    free(metric_opts(g, "degree", &o));
    ck_assert_uint_eq(c.n, 0);
}
END_TEST

START_TEST(bad_options)
{
    static const int e[] = {0, 1, 1, 2};
    pn_dataset *ds = tg_build(3, NULL, NULL, NULL, e, 2, false);
    pn_graph *g = tg_graph(ds, false, PN_WEIGHT_NONE);
    double out[3] = {42, 42, 42};
    pn_diags *d = NULL;
    ck_assert_int_eq(pn_diags_new(&d), 0);
    pn_metric_options o = PN_METRIC_OPTIONS_INIT;
    o.cutoff = -1;
    ck_assert_int_eq(pn_metric_vector_opts(g, "closeness", &o, out, d), PN_EINVAL);
    ck_assert_uint_eq(pn_diags_errors(d), 1);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 0)->message, "cutoff"));
    o.cutoff = 0;
    o.workers = -2;
    ck_assert_int_eq(pn_metric_vector_opts(g, "degree", &o, out, d), PN_EINVAL);
    ck_assert_uint_eq(pn_diags_errors(d), 2);
    ck_assert_ptr_nonnull(strstr(pn_diags_get(d, 1)->message, "workers"));
    ck_assert_double_eq(out[0], 42); /* nothing written */
    pn_diags_free(d);
    pn_graph_free(g);
    pn_dataset_free(ds);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("metric_options");
    TCase *tc = tcase_create("cutoff");
    tcase_add_test(tc, path5_cutoff);
    tcase_add_test(tc, star5_cutoff);
    tcase_add_test(tc, directed_path_cutoff);
    tcase_add_test(tc, defaults_unchanged);
    tcase_add_test(tc, bad_options);
    suite_add_tcase(s, tc);
    tc = tcase_create("workers");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, big_setup, big_teardown);
    tcase_add_test(tc, workers_undirected);
    tcase_add_test(tc, workers_directed);
    tcase_add_test(tc, progress_calls);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
