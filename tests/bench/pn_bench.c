/* paranet's side of the benchmark (tests/bench/run.py): the library's job on
 * one dataset, phase by phase, with wall times on stdout as "phase seconds".
 *
 *   pn_bench FILE [--cutoff C] [--workers W] [--check]
 *
 * load: pn_dataset_load_file, strict (parse + validate); graph: pn_graph_new
 * (undirected, parallel ties merged); metrics: every per-actor metric, in
 * ONE pn_metric_vectors call, as `paranet metrics -m all` does: betweenness,
 * closeness and harmonic together in one sweep ("paths", also printed as
 * "metric:paths-fused": the time from the sweep's first progress call to
 * its last), the others one by one ("metric:others": the rest of the
 * call; one call gives no time per metric); with --cutoff C > 0 the three
 * count paths of at most C hops (pn_metric_options.cutoff, igraph's
 * _cutoff definitions), as the peers do at that size; with --workers W > 1
 * the sweep is split over W forked processes (pn_metric_options.workers);
 * reach: the actors reachable from the first actor. --check compares the
 * three of W workers with igraph's separate calls in one process
 * (pn_metric_vector_opts, same cutoff), within 1e-9 relative. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <paranet.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int fail(const char *what, pn_diags *d)
{
    fprintf(stderr, "pn_bench: %s failed\n", what);
    char line[1024];
    for (size_t i = 0; i < pn_diags_count(d) && i < 5; i++) {
        pn_diag_format(pn_diags_get(d, i), line, sizeof(line));
        fprintf(stderr, "  %s\n", line);
    }
    return 1;
}

/* When the path sweep began and ended (its first and last progress calls). */
typedef struct sweep_times {
    double start, end;
} sweep_times;

static void on_progress(void *ctx, const char *what, double fraction)
{
    (void)what;
    sweep_times *t = ctx;
    if (fraction <= 0 && t->start < 0)
        t->start = now();
    if (fraction >= 1)
        t->end = now();
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int cutoff = 0;
    int workers = 1;
    bool check = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--cutoff") == 0 && i + 1 < argc)
            cutoff = atoi(argv[++i]);
        else if (strcmp(argv[i], "--workers") == 0 && i + 1 < argc)
            workers = atoi(argv[++i]);
        else if (strcmp(argv[i], "--check") == 0)
            check = true;
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: pn_bench FILE [--cutoff C] [--workers W] [--check]\n");
        return 2;
    }
    pn_diags *d = NULL;
    pn_diags_new(&d);
    pn_load_options lo = PN_LOAD_OPTIONS_INIT;
    lo.strict = true;
    lo.max_bytes = (size_t)1 << 31;
    pn_dataset *ds = NULL;
    double t0 = now();
    if (pn_dataset_load_file(&ds, path, &lo, d))
        return fail("load", d);
    double t1 = now();
    printf("load %.4f\n", t1 - t0);
    pn_graph *g = NULL;
    if (pn_graph_new(&g, ds, NULL))
        return fail("graph", d);
    double t2 = now();
    printf("graph %.4f\n", t2 - t1);
    const igraph_t *ig = pn_graph_igraph(g);
    size_t n = pn_graph_vertex_count(g), nm = pn_metric_count();
    pn_metric_options mo = PN_METRIC_OPTIONS_INIT, one = PN_METRIC_OPTIONS_INIT;
    sweep_times times = {-1, -1};
    mo.workers = workers;
    mo.cutoff = one.cutoff = cutoff;
    mo.progress = on_progress;
    mo.progress_ctx = &times;
    double *values = malloc((nm * n + 1) * sizeof(double)), *ref = malloc((n + 1) * sizeof(double));
    const char **names = malloc(nm * sizeof(char *));
    double **outs = malloc(nm * sizeof(double *));
    if (!values || !ref || !names || !outs)
        return fail("allocation", d);
    for (size_t m = 0; m < nm; m++) {
        names[m] = pn_metric_name(m);
        outs[m] = values + m * n;
    }
    double a = now();
    if (pn_metric_vectors(g, names, nm, &mo, outs, d))
        return fail("metrics", d);
    double b = now();
    double path_total = times.start >= 0 && times.end >= times.start ? times.end - times.start : 0;
    printf("metric:paths-fused %.4f\n", path_total);
    printf("metric:others %.4f\n", b - a - path_total);
    for (size_t m = 0; check && workers > 1 && m < nm; m++) {
        const char *name = names[m];
        if (strcmp(name, "betweenness") != 0 && strcmp(name, "closeness") != 0 &&
            strcmp(name, "harmonic") != 0)
            continue;
        if (pn_metric_vector_opts(g, name, &one, ref, d))
            return fail(name, d);
        double worst = 0;
        for (size_t v = 0; v < n; v++) {
            double x = outs[m][v];
            double e = fabs(x - ref[v]) / (fabs(ref[v]) > 1 ? fabs(ref[v]) : 1);
            if (isnan(x) || isnan(ref[v]))
                e = isnan(x) && isnan(ref[v]) ? 0 : INFINITY;
            worst = e > worst ? e : worst;
        }
        printf("check:%s %.3g\n", name, worst);
        if (worst > 1e-9)
            return fail("parallel check", d);
    }
    printf("metrics %.4f\n", b - a);
    printf("paths %.4f\n", path_total);
    double t3 = now();
    igraph_vector_int_t reach;
    igraph_vector_int_init(&reach, 0);
    igraph_subcomponent(ig, &reach, 0, IGRAPH_ALL);
    double t4 = now();
    printf("reach %.4f\n", t4 - t3);
    printf("reached %ld\n", (long)igraph_vector_int_size(&reach));
    igraph_vector_int_destroy(&reach);
    free(values);
    free(ref);
    free(names);
    free(outs);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return 0;
}
