/* Betweenness, closeness and harmonic centrality over forked workers.
 *
 * Betweenness is a sum over source vertices of each source's dependencies
 * (Brandes 2001): igraph_betweenness_subset with a subset of sources and
 * all targets gives one worker's share, and the shares add up to the full
 * value. Closeness and harmonic centrality of a vertex need only the BFS
 * from that vertex, so workers take disjoint sets of vertices. */
#include "parallel.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "metrics_private.h"
#include "util.h"

/* Below this many vertices the forks cost more than they save (measured:
 * docs/performance.md). */
#define MIN_PARALLEL_VERTICES 2000

int pn__default_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static igraph_error_t run_one(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                              const igraph_vs_t sel, igraph_vector_t *res)
{
    switch (metric) {
    case PN__PATH_BETWEENNESS:
        return igraph_betweenness_subset(g, res, igraph_vss_all(), true, sel, igraph_vss_all(),
                                         NULL);
    case PN__PATH_CLOSENESS:
        return igraph_closeness(g, res, NULL, NULL, sel, mode, NULL, true);
    case PN__PATH_HARMONIC:
    default:
        return igraph_harmonic_centrality(g, res, sel, mode, NULL, true);
    }
}

/* In a child: compute the share of worker w into slot (n doubles). */
static int child(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, int w,
                 int workers, double *slot)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t ids;
    igraph_vector_t res;
    if (igraph_vector_int_init(&ids, 0) || igraph_vector_init(&res, 0))
        return 1;
    for (igraph_integer_t v = w; v < n; v += workers)
        if (igraph_vector_int_push_back(&ids, v))
            return 1;
    if (run_one(g, metric, mode, igraph_vss_vector(&ids), &res))
        return 1;
    if (metric == PN__PATH_BETWEENNESS) {
        memcpy(slot, VECTOR(res), (size_t)n * sizeof(double));
    } else {
        /* res is in the order of ids: scatter into the vertex positions. */
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(&ids); k++)
            slot[VECTOR(ids)[k]] = VECTOR(res)[k];
    }
    return 0;
}

static int in_process(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, double *out,
                      pn_diags *diags)
{
    igraph_vector_t res;
    igraph_error_t err = igraph_vector_init(&res, 0);
    if (!err)
        err = metric == PN__PATH_BETWEENNESS
                  ? igraph_betweenness(g, &res, igraph_vss_all(), true, NULL)
                  : run_one(g, metric, mode, igraph_vss_all(), &res);
    if (err) {
        igraph_vector_destroy(&res);
        return pn__igraph_fail(diags, "path metric", err);
    }
    memcpy(out, VECTOR(res), (size_t)igraph_vcount(g) * sizeof(double));
    igraph_vector_destroy(&res);
    return 0;
}

int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                             int workers, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags)
{
    pn__igraph_init();
    size_t n = (size_t)igraph_vcount(g);
    if (workers > (int)(n / 64))
        workers = (int)(n / 64);
    if (workers <= 1 || n < MIN_PARALLEL_VERTICES)
        return in_process(g, metric, mode, out, diags);
    size_t bytes = (size_t)workers * n * sizeof(double);
    double *shared = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED)
        return PN_ENOMEM;
    memset(shared, 0, bytes);
    pid_t *pids = calloc((size_t)workers, sizeof(pid_t));
    int rc = 0, started = 0;
    if (!pids) {
        rc = PN_ENOMEM;
        goto cleanup;
    }
    for (int w = 0; w < workers; w++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(child(g, metric, mode, w, workers, shared + (size_t)w * n));
        if (pid < 0) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "fork",
                         "cannot start a worker process: %s", strerror(errno));
            rc = PN_EINTERNAL;
            break;
        }
        pids[started++] = pid;
    }
    for (int w = 0; w < started; w++) {
        int status = 0;
        while (waitpid(pids[w], &status, 0) < 0 && errno == EINTR)
            ;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            if (rc == 0)
                pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                             "a worker process failed (status %d)", status);
            rc = rc ? rc : PN_EINTERNAL;
        }
        if (progress)
            progress(progress_ctx, "centrality", (double)(w + 1) / started);
    }
    if (rc)
        goto cleanup;
    for (size_t v = 0; v < n; v++) {
        double sum = 0;
        for (int w = 0; w < workers; w++)
            sum += shared[(size_t)w * n + v];
        out[v] = sum;
    }
cleanup:
    free(pids);
    munmap(shared, bytes);
    return rc;
}
