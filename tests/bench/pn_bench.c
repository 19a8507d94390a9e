/* paranet's side of the benchmark (tests/bench/run.py): the library's job on
 * one dataset, phase by phase, with wall times on stdout as "phase seconds".
 *
 *   pn_bench FILE [--cutoff C] [--workers W] [--check]
 *
 * load: pn_dataset_load_file, strict (parse + validate); graph: pn_graph_new
 * (undirected, parallel ties merged); metrics: every per-actor metric of
 * pn_metric_vector_opts; with --cutoff C > 0 betweenness, closeness and
 * harmonic count paths of at most C hops (pn_metric_options.cutoff, igraph's
 * _cutoff functions), as the peers do at that size; with --workers W > 1
 * they are split over W forked processes (pn_metric_options.workers); reach:
 * the actors reachable from the first actor. --check compares the results
 * of W workers with those of one process (same cutoff), within 1e-9
 * relative. */
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
    size_t n = pn_graph_vertex_count(g);
    pn_metric_options mo = PN_METRIC_OPTIONS_INIT, one = PN_METRIC_OPTIONS_INIT;
    mo.workers = workers;
    mo.cutoff = one.cutoff = cutoff;
    double *out = malloc((n + 1) * sizeof(double)), *ref = malloc((n + 1) * sizeof(double));
    double metrics_total = 0, path_total = 0;
    for (size_t m = 0; m < pn_metric_count(); m++) {
        const char *name = pn_metric_name(m);
        bool path_metric = strcmp(name, "betweenness") == 0 || strcmp(name, "closeness") == 0 ||
                           strcmp(name, "harmonic") == 0;
        double a = now();
        int rc = pn_metric_vector_opts(g, name, &mo, out, d);
        double b = now();
        if (rc)
            return fail(name, d);
        printf("metric:%s %.4f\n", name, b - a);
        metrics_total += b - a;
        if (path_metric)
            path_total += b - a;
        if (check && path_metric && workers > 1) {
            if (pn_metric_vector_opts(g, name, &one, ref, d))
                return fail(name, d);
            double worst = 0;
            for (size_t v = 0; v < n; v++) {
                double e = fabs(out[v] - ref[v]) / (fabs(ref[v]) > 1 ? fabs(ref[v]) : 1);
                if (isnan(out[v]) != isnan(ref[v]))
                    e = INFINITY;
                worst = e > worst ? e : worst;
            }
            printf("check:%s %.3g\n", name, worst);
            if (worst > 1e-9)
                return fail("parallel check", d);
        }
    }
    printf("metrics %.4f\n", metrics_total);
    printf("paths %.4f\n", path_total);
    double t3 = now();
    igraph_vector_int_t reach;
    igraph_vector_int_init(&reach, 0);
    igraph_subcomponent(ig, &reach, 0, IGRAPH_ALL);
    double t4 = now();
    printf("reach %.4f\n", t4 - t3);
    printf("reached %ld\n", (long)igraph_vector_int_size(&reach));
    igraph_vector_int_destroy(&reach);
    free(out);
    free(ref);
    pn_graph_free(g);
    pn_dataset_free(ds);
    pn_diags_free(d);
    return 0;
}
