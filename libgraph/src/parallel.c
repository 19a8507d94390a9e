/* Betweenness, closeness and harmonic centrality, in process or over forked
 * workers.
 *
 * Betweenness is a sum over source vertices of each source's dependencies
 * (Brandes 2001): igraph_betweenness_subset with a subset of sources and
 * all targets gives one worker's share, and the shares add up to the full
 * value. igraph 0.10.2 has no subset variant with a cutoff, so with a
 * cutoff a worker runs Brandes' accumulation itself on breadth-first
 * searches stopped at the cutoff depth (brandes_cutoff), which is what
 * igraph_betweenness_cutoff does for every source. Closeness and harmonic
 * centrality of a vertex need only the search from that vertex, so workers
 * take disjoint sets of vertices, and the parent's gathering adds only
 * zeros to each value. */
#include "parallel.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "metrics_private.h"
#include "util.h"

int pn__default_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* In process: exactly the single igraph call, so the bits are igraph's. */
static igraph_error_t whole(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                            int cutoff, igraph_vector_t *res)
{
    switch (metric) {
    case PN__PATH_BETWEENNESS:
        return cutoff > 0 ? igraph_betweenness_cutoff(g, res, igraph_vss_all(), true, NULL, cutoff)
                          : igraph_betweenness(g, res, igraph_vss_all(), true, NULL);
    case PN__PATH_CLOSENESS:
        return cutoff > 0
                   ? igraph_closeness_cutoff(g, res, NULL, NULL, igraph_vss_all(), mode, NULL, true,
                                             cutoff)
                   : igraph_closeness(g, res, NULL, NULL, igraph_vss_all(), mode, NULL, true);
    case PN__PATH_HARMONIC:
    default:
        return cutoff > 0 ? igraph_harmonic_centrality_cutoff(g, res, igraph_vss_all(), mode, NULL,
                                                              true, cutoff)
                          : igraph_harmonic_centrality(g, res, igraph_vss_all(), mode, NULL, true);
    }
}

static int in_process(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, int cutoff,
                      const char *name, double *out, pn_diags *diags)
{
    igraph_vector_t res;
    igraph_error_t err = igraph_vector_init(&res, 0);
    if (err)
        return pn__igraph_fail(diags, name, err);
    err = whole(g, metric, mode, cutoff, &res);
    if (!err)
        memcpy(out, VECTOR(res), (size_t)igraph_vcount(g) * sizeof(double));
    igraph_vector_destroy(&res);
    return err ? pn__igraph_fail(diags, name, err) : 0;
}

/* ---- In a worker process ---- */

/* The worker's progress slot in the shared mapping. Set only in a worker,
 * after the fork, together with igraph's (process-wide) progress handler:
 * the calling process's state is never touched. */
static volatile double *worker_done;

static igraph_error_t worker_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)message;
    (void)data;
    if (worker_done)
        *worker_done = percent / 100.0;
    return IGRAPH_SUCCESS;
}

/* Add into slot the betweenness share of the sources ids, counting only
 * shortest paths of at most cutoff hops: Brandes' accumulation on each
 * source's breadth-first search stopped at depth cutoff. sigma counts
 * shortest paths (as doubles, like igraph: they overflow integers); delta
 * is the dependency of the source on a vertex. A vertex at depth cutoff has
 * no successor, since longer paths are not counted. An undirected graph
 * counts each pair from both ends, hence the halving, as igraph does. The
 * adjacency keeps multiple edges, as igraph's betweenness does (each is a
 * separate path); pn_graph has none. Returns 0 or 1 (out of memory). */
static int brandes_cutoff(const igraph_t *g, const igraph_vector_int_t *ids, int cutoff,
                          double *slot)
{
    igraph_integer_t n = igraph_vcount(g), count = igraph_vector_int_size(ids);
    igraph_adjlist_t adj;
    if (igraph_adjlist_init(g, &adj, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE))
        return 1;
    int rc = 1;
    igraph_integer_t *dist = malloc((size_t)n * sizeof(igraph_integer_t));
    igraph_integer_t *order = malloc((size_t)n * sizeof(igraph_integer_t));
    double *sigma = malloc((size_t)n * sizeof(double));
    double *delta = malloc((size_t)n * sizeof(double));
    if (!dist || !order || !sigma || !delta)
        goto cleanup;
    for (igraph_integer_t v = 0; v < n; v++) {
        dist[v] = -1;
        delta[v] = 0;
    }
    for (igraph_integer_t k = 0; k < count; k++) {
        igraph_integer_t s = VECTOR(*ids)[k], head = 0, tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            igraph_integer_t v = order[head++];
            if (dist[v] >= cutoff)
                continue;
            igraph_vector_int_t *nb = igraph_adjlist_get(&adj, v);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
                igraph_integer_t u = VECTOR(*nb)[j];
                if (dist[u] < 0) {
                    dist[u] = dist[v] + 1;
                    sigma[u] = 0;
                    order[tail++] = u;
                }
                if (dist[u] == dist[v] + 1)
                    sigma[u] += sigma[v];
            }
        }
        /* Deepest first: a vertex's successors are done before it. */
        for (igraph_integer_t i = tail - 1; i >= 0; i--) {
            igraph_integer_t v = order[i];
            if (dist[v] < cutoff) {
                igraph_vector_int_t *nb = igraph_adjlist_get(&adj, v);
                for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
                    igraph_integer_t u = VECTOR(*nb)[j];
                    if (dist[u] == dist[v] + 1)
                        delta[v] += sigma[v] / sigma[u] * (1 + delta[u]);
                }
            }
            if (v != s)
                slot[v] += delta[v];
        }
        for (igraph_integer_t i = 0; i < tail; i++) {
            dist[order[i]] = -1;
            delta[order[i]] = 0;
        }
        if (worker_done)
            *worker_done = (double)(k + 1) / (double)count;
    }
    if (!igraph_is_directed(g))
        for (igraph_integer_t v = 0; v < n; v++)
            slot[v] *= 0.5;
    rc = 0;
cleanup:
    free(dist);
    free(order);
    free(sigma);
    free(delta);
    igraph_adjlist_destroy(&adj);
    return rc;
}

/* Compute the share of worker w into slot (n doubles, zeroed). Returns the
 * worker's exit status: 0, or 1 when something failed. */
static int worker(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, int cutoff,
                  int w, int workers, double *slot)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t ids;
    igraph_vector_t res;
    igraph_error_t err = IGRAPH_SUCCESS;
    int rc = 1;
    if (igraph_vector_int_init(&ids, 0))
        return 1;
    if (igraph_vector_init(&res, 0)) {
        igraph_vector_int_destroy(&ids);
        return 1;
    }
    for (igraph_integer_t v = w; v < n; v += workers)
        if (igraph_vector_int_push_back(&ids, v))
            goto cleanup;
    igraph_vs_t sel = igraph_vss_vector(&ids);
    switch (metric) {
    case PN__PATH_BETWEENNESS:
        if (cutoff > 0) {
            rc = brandes_cutoff(g, &ids, cutoff, slot);
            goto cleanup;
        }
        err =
            igraph_betweenness_subset(g, &res, igraph_vss_all(), true, sel, igraph_vss_all(), NULL);
        if (!err)
            memcpy(slot, VECTOR(res), (size_t)n * sizeof(double));
        break;
    case PN__PATH_CLOSENESS:
    case PN__PATH_HARMONIC:
        if (metric == PN__PATH_CLOSENESS)
            err = cutoff > 0
                      ? igraph_closeness_cutoff(g, &res, NULL, NULL, sel, mode, NULL, true, cutoff)
                      : igraph_closeness(g, &res, NULL, NULL, sel, mode, NULL, true);
        else
            err = cutoff > 0
                      ? igraph_harmonic_centrality_cutoff(g, &res, sel, mode, NULL, true, cutoff)
                      : igraph_harmonic_centrality(g, &res, sel, mode, NULL, true);
        /* res is in the order of ids: scatter into the vertex positions. */
        for (igraph_integer_t k = 0; !err && k < igraph_vector_int_size(&ids); k++)
            slot[VECTOR(ids)[k]] = VECTOR(res)[k];
        break;
    }
    rc = err ? 1 : 0;
cleanup:
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&ids);
    return rc;
}

/* ---- In the calling process ---- */

static void sleep_ms(long ms)
{
    struct timespec t = {0, ms * 1000000L};
    nanosleep(&t, NULL);
}

static int forked(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode, int workers,
                  int cutoff, const char *name, double *out,
                  void (*progress)(void *ctx, const char *what, double fraction),
                  void *progress_ctx, pn_diags *diags)
{
    size_t n = (size_t)igraph_vcount(g);
    /* workers result slots of n doubles, each worker's fraction done, then
     * the workers' process ids: in the mapping rather than on the heap, so
     * that no heap block of this call is left in a worker, which valgrind
     * would report as lost when the worker exits. An anonymous mapping
     * starts zeroed. */
    size_t bytes =
        ((size_t)workers * n + (size_t)workers) * sizeof(double) + (size_t)workers * sizeof(pid_t);
    double *shared = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                     "%s: cannot map %zu bytes shared with the worker processes: %s", name, bytes,
                     strerror(errno));
        return PN_ENOMEM;
    }
    volatile double *done = shared + (size_t)workers * n;
    pid_t *pids = (pid_t *)(shared + (size_t)workers * n + (size_t)workers);
    int rc = 0, started = 0, left = 0;
    for (int w = 0; w < workers; w++) {
        pid_t pid = fork();
        if (pid == 0) {
            /* A caller's progress handler must not run in N processes at
             * once: the worker reports through its slot, or not at all. */
            worker_done = progress ? &done[w] : NULL;
            igraph_set_progress_handler(progress ? worker_progress : NULL);
            _exit(worker(g, metric, mode, cutoff, w, workers, shared + (size_t)w * n));
        }
        if (pid < 0) {
            pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                         "%s: cannot start a worker process: %s", name, strerror(errno));
            rc = PN_EINTERNAL;
            break;
        }
        pids[started++] = pid;
    }
    /* Wait for every started worker, even after a failure. Without progress
     * each wait blocks; with it, poll every 10 ms and report the mean
     * fraction done when it has grown by a per cent. */
    left = started;
    double shown = 0;
    while (left > 0) {
        for (int w = 0; w < started; w++) {
            if (pids[w] == 0)
                continue;
            int status = 0;
            pid_t r = waitpid(pids[w], &status, progress ? WNOHANG : 0);
            if (r == 0 || (r < 0 && errno == EINTR))
                continue;
            int err = r < 0 ? errno : 0;
            pids[w] = 0;
            left--;
            done[w] = 1;
            if (r > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
                continue;
            if (rc == 0) {
                if (r < 0)
                    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                                 "%s: cannot wait for a worker process: %s", name, strerror(err));
                else if (WIFSIGNALED(status))
                    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                                 "%s: a worker process was killed by signal %d", name,
                                 WTERMSIG(status));
                else
                    pn_diags_add(diags, PN_SEVERITY_ERROR, NULL, 0, 0, NULL, "worker",
                                 "%s: a worker process failed (exit status %d; out of memory?)",
                                 name, WIFEXITED(status) ? WEXITSTATUS(status) : status);
                rc = PN_EINTERNAL;
            }
        }
        if (progress && left > 0) {
            double sum = 0;
            for (int w = 0; w < started; w++)
                sum += done[w];
            double f = sum / started;
            if (f >= shown + 0.01 && f < 1) {
                shown = f;
                progress(progress_ctx, name, f);
            }
            sleep_ms(10);
        }
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
    munmap(shared, bytes);
    return rc;
}

int pn__path_metric_parallel(const igraph_t *g, pn__path_metric metric, igraph_neimode_t mode,
                             int workers, int cutoff, const char *name, double *out,
                             void (*progress)(void *ctx, const char *what, double fraction),
                             void *progress_ctx, pn_diags *diags)
{
    pn__igraph_init();
    size_t n = (size_t)igraph_vcount(g);
    if (workers > PN__MAX_WORKERS)
        workers = PN__MAX_WORKERS;
    if (workers > (int)(n / 64))
        workers = (int)(n / 64);
    if (progress)
        progress(progress_ctx, name, 0);
    int rc =
        workers <= 1 || n < PN__MIN_PARALLEL_VERTICES
            ? in_process(g, metric, mode, cutoff, name, out, diags)
            : forked(g, metric, mode, workers, cutoff, name, out, progress, progress_ctx, diags);
    if (progress)
        progress(progress_ctx, name, 1);
    return rc;
}
